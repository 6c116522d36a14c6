import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { readZip } from '../../../../test/support/zip.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';

/** Issue 17: staff exports for French Excel users (BOM, `;`, labels not codes, a column per question, Paris dates). */
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        {
          id: 'needs',
          kind: 'multiple_choice',
          required: false,
          label: { fr: 'Besoins', en: 'Needs' },
          options: [
            { value: 'data_tools', label: { fr: 'Données et outils de l’État', en: 'State data and tools' } },
            { value: 'coaching', label: { fr: 'Accompagnement', en: 'Coaching' } },
          ],
        },
        { id: 'budget', kind: 'number', required: false, label: { fr: 'Budget', en: 'Budget' } },
        {
          id: 'team',
          kind: 'repeatable',
          required: false,
          label: { fr: 'Équipe', en: 'Team' },
          maxItems: 4,
          children: [
            { id: 'member_name', kind: 'short_text', required: false, label: { fr: 'Nom', en: 'Name' } },
            { id: 'member_role', kind: 'short_text', required: false, label: { fr: 'Rôle', en: 'Role' } },
          ],
        },
      ],
    },
  ],
};

let t: TestApp;
let staff: string;
let id = '';

/** A CSV file's cells (RFC 4180, `;`), the BOM removed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    } else cell += c;
  }
  return rows;
}

/** The first sheet of a workbook as rows of text (shared strings resolved, numbers as written). */
function readSheet(xlsx: Buffer): { rows: string[][]; styles: string[][] } {
  const zip = readZip(xlsx);
  const strings = [
    ...(zip.get('xl/sharedStrings.xml')?.toString() ?? '').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g),
  ].map((m) =>
    m[1]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );
  const sheet = zip.get('xl/worksheets/sheet1.xml')!.toString();
  const rows: string[][] = [];
  const styles: string[][] = [];
  for (const r of sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)) {
    const cells: string[] = [];
    const cellStyles: string[] = [];
    for (const c of r[1]!.matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
      let column = 0;
      for (const ch of c[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
      while (cells.length < column - 1) cells.push(''), cellStyles.push('');
      cells.push(/t="s"/.test(c[2]!) ? strings[Number(c[3])]! : (c[3] ?? ''));
      cellStyles.push(/s="(\d+)"/.exec(c[2]!)?.[1] ?? '');
    }
    rows.push(cells);
    styles.push(cellStyles);
  }
  return { rows, styles };
}

beforeAll(async () => {
  t = await createTestApp();
  // 22:30 UTC on 30 March 2026 is 00:30 on 31 March in Paris (summer time): the export says the Paris day.
  t.clock.set('2026-03-30T22:30:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'export-tableur', number: 11, form: FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'export-tableur@example.fr');
  const owner = await signedInAs(t.app, t.clock, null, 'porteuse-tableur@example.fr');
  const start = await formSession(t.app, owner, '/candidater/export-tableur');
  const created = await t.app.inject({
    method: 'POST',
    url: '/candidater/export-tableur',
    ...(() => {
      const body = formBody({ track_code: 'numerique', applicant_kind: 'association', _csrf: start.csrf });
      return { payload: body.payload, headers: { ...body.headers, cookie: start.cookie } };
    })(),
  });
  expect(created.statusCode).toBe(303);
  id = /([0-9a-f-]{36})$/.exec(String(created.headers.location))![1]!;
  const page = await formSession(t.app, owner, `/mes-candidatures/${id}`);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
  const body = formBody({
    idempotency_key: key,
    project_name: 'Ressourcerie; « solidaire »',
    needs: ['data_tools', 'coaching'],
    budget: '1250.5',
    'team[0][member_name]': 'Camille',
    'team[0][member_role]': 'Coordinatrice',
    'team[1][member_name]': 'Dominique',
    'team[1][member_role]': 'Trésorier',
    _csrf: page.csrf,
  });
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/mes-candidatures/${id}/soumettre`,
    payload: body.payload,
    headers: { ...body.headers, cookie: page.cookie },
  });
  expect(submitted.statusCode).toBe(303);
  // The jury's state, whose code (`in_review`) staff never read.
  await t.app.services.db.updateTable('applications').set({ state: 'in_review' }).where('id', '=', id).execute();
});
afterAll(() => t?.close());

describe('staff exports for French spreadsheets', () => {
  it('writes the CSV in UTF-8 with a BOM and `;`, labels rather than codes, a column per question and Paris dates', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.csv?saison=export-tableur',
      headers: { cookie: staff },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('candidatures-2026-03-31.csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(response.body.replace(/^\uFEFF/, ''));
    const [header, row] = rows;
    expect(rows).toHaveLength(2);
    expect(response.body.split('\r\n')[0]).toContain('Identifiant;Saison;Parcours;Type de porteur;État;Titre');
    const cell = (label: string) => row![header!.indexOf(label)];
    expect(cell('Identifiant')).toBe(id);
    expect(cell('Saison')).toBe('Saison 11');
    expect(cell('Parcours')).toBe('Communs numériques');
    expect(cell('Type de porteur')).toBe('Association');
    expect(cell('État')).toBe('En évaluation par le jury');
    expect(cell('Soumise le')).toBe('31/03/2026 00:30');
    // One column per question, by its label; choices by their labels; numbers with a decimal comma.
    expect(cell('Nom du projet')).toBe('Ressourcerie; « solidaire »');
    expect(cell('Besoins')).toBe('Données et outils de l’État, Accompagnement');
    expect(cell('Budget')).toBe('1250,5');
    // The repeatable block is spread over numbered columns, never JSON in a cell.
    expect(header).toEqual(expect.arrayContaining(['Équipe 1 : Nom', 'Équipe 1 : Rôle', 'Équipe 2 : Nom']));
    expect(cell('Équipe 2 : Rôle')).toBe('Trésorier');
    expect(response.body).not.toMatch(/in_review|data_tools|numerique|\{"|\d{4}-\d{2}-\d{2}T/);
  });

  it('writes the same table as an XLSX workbook, with real numbers and Paris dates', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.xlsx?saison=export-tableur',
      headers: { cookie: staff },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { rows } = readSheet(response.rawPayload);
    const [header, row] = rows;
    const cell = (label: string) => row![header!.indexOf(label)];
    expect(cell('État')).toBe('En évaluation par le jury');
    expect(cell('Besoins')).toBe('Données et outils de l’État, Accompagnement');
    expect(cell('Équipe 1 : Nom')).toBe('Camille');
    expect(Number(cell('Budget'))).toBe(1250.5);
    // Excel's day 46112 is 31 March 2026; 00:30 is 0.0208 of a day: the Paris wall clock.
    expect(Number(cell('Soumise le'))).toBeCloseTo(46112 + 30 / 1440, 6);
  });

  it('names the columns in English for a staff member reading in English', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/export.csv?saison=export-tableur',
      headers: { cookie: `${staff}; lang=en` },
    });
    const [header, row] = parseCsv(response.body.replace(/^\uFEFF/, ''));
    expect(header!.slice(0, 5)).toEqual(['Identifier', 'Season', 'Track', 'Kind of applicant', 'State']);
    expect(row![header!.indexOf('State')]).toBe('With the jury');
    expect(header).toContain('Team 1: Name');
  });
});
