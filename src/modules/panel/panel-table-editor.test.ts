import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { criteriaFields, quotaFields } from './testing.js';

/** The staff's table editors of quotas and criteria, without JavaScript, through the HTTP routes. */
let t: TestApp;
let staff: string;
let panelId: string;

const PANEL = {
  name: 'Panel des tableaux',
  name_en: '',
  season_id: '',
  size: '4',
  recruit_until: '2026-04-30',
  ends_on: '2026-06-30',
  retention_days: '30',
  opinion_weight: '30',
};

const page = () => `/admin/panels/${panelId}`;
const quotaRows = () =>
  t.app.services.db
    .selectFrom('panel_quotas')
    .select(['category', 'category_label', 'category_label_en', 'feature', 'label', 'label_en', 'min', 'max'])
    .where('panel_id', '=', panelId)
    .orderBy('position')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
});
afterAll(() => t.close());

describe('table editors', () => {
  it('creates a panel from the criteria table, ignoring empty rows, and adds rows without JavaScript', async () => {
    const criteria = {
      ...criteriaFields('interet-general;Intérêt général;General interest\n;;\nimpact;Impact;'),
      'criteria.7.code': '',
      'criteria.7.label': '',
      'criteria.7.label_en': '',
    };
    const more = await postForm(t.app, staff, '/admin/panels/nouveau', '/admin/panels', {
      ...PANEL,
      ...criteria,
      action: 'add-rows',
    });
    expect(more.statusCode).toBe(200);
    // What was typed is kept, with more empty rows after the last posted one.
    expect(more.body).toContain('name="name" value="Panel des tableaux"');
    expect(more.body).toContain('name="criteria.0.label" value="Intérêt général"');
    expect(more.body).toContain('name="criteria.2.code" value="impact"');
    expect(more.body).toContain('name="criteria.8.code"'); // six empty rows now, three before
    expect(more.body).toContain('>Ligne 2, code</label>');
    expect(await t.app.services.db.selectFrom('panels').select('id').execute()).toHaveLength(0);

    const created = await postForm(t.app, staff, '/admin/panels/nouveau', '/admin/panels', { ...PANEL, ...criteria });
    expect(created.statusCode, created.body).toBe(303);
    panelId = /\/admin\/panels\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1];
    const row = await t.app.services.db
      .selectFrom('panels')
      .select('criteria')
      .where('id', '=', panelId)
      .executeTakeFirstOrThrow();
    expect(row.criteria).toEqual([
      { code: 'interet-general', label: 'Intérêt général', labelEn: 'General interest' },
      { code: 'impact', label: 'Impact', labelEn: '' },
    ]);
  });

  it('reports every error at once: an art. 9 category beside an infeasible one, each on its cell and in the summary', async () => {
    const typed = quotaFields([
      'religion;Votre religion;Your religion;a;A;A;0;5',
      'religion;Votre religion;Your religion;b;B;B;0;5',
      'genre;Vous êtes;You are;femme;Femme;Woman;3;3',
      'genre;;;homme;Homme;Man;3;3',
      'age;;;jeune;Jeune;Young;x;2',
    ]);
    const response = await postForm(t.app, staff, page(), `${page()}/quotas`, typed);
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('id="quotas.0.category-error"');
    expect(body).toContain('article 9');
    // The minimums of "genre" (6) exceed the size (4): reported in the same answer.
    expect(body).toContain('id="quotas.2.min-error"');
    expect(body).toContain('les minimums de « genre » font 6, plus que la taille du panel (4)');
    // A bound that is not a number, a category with one value and no question: on their cells too.
    expect(body).toContain('id="quotas.4.min-error"');
    expect(body).toContain('id="quotas.4.category-error"');
    expect(body).toContain('id="quotas.4.category_label-error"');
    // Each cell says so to assistive technologies, and the summary links to it.
    expect(body).toMatch(/id="quotas\.2\.min"[^>]*aria-describedby="quotas\.2\.min-error"/);
    expect(body).toContain('fr-input-group--error');
    expect(body).toContain('href="#quotas.2.min"');
    expect(body).toContain('Quotas, ligne 3, minimum');
    expect(body).toContain('<label class="fr-label fr-sr-only" for="quotas.2.min">Ligne 3, minimum</label>');
    // Everything typed is kept.
    expect(body).toContain('name="quotas.4.min" value="x"');
    expect(body).toContain('name="quotas.0.category_label" value="Votre religion"');
    expect(await quotaRows()).toHaveLength(0);
  });

  it('adds quota rows keeping what was typed, then saves the table with the questions and ignores empty rows', async () => {
    const typed = {
      ...quotaFields([
        'genre;Vous êtes;You are;femme;Femme;Woman;2;2',
        ';;;;;;;',
        'genre;;;homme;Homme;Man;2;2',
        'age;Votre âge;;jeune;18 à 39 ans;18 to 39;1;3',
        'age;;;senior;40 ans et plus;40 and over;1;3',
      ]),
    };
    const more = await postForm(t.app, staff, page(), `${page()}/quotas`, { ...typed, action: 'add-rows' });
    expect(more.statusCode).toBe(200);
    expect(more.body).toContain('name="quotas.3.category_label" value="Votre âge"');
    expect(more.body).toContain('name="quotas.9.min"'); // six empty rows after the four typed
    expect(more.body).not.toContain('fr-input-group--error');
    expect(await quotaRows()).toHaveLength(0);

    const saved = await postForm(t.app, staff, page(), `${page()}/quotas`, typed);
    expect(saved.statusCode, saved.body).toBe(303);
    const rows = await quotaRows();
    expect(rows).toHaveLength(4);
    // The question given once is kept on every row of its category.
    expect(rows[1]).toMatchObject({ category: 'genre', category_label: 'Vous êtes', category_label_en: 'You are' });
    expect(rows[3]).toMatchObject({ category: 'age', category_label: 'Votre âge', category_label_en: '', min: 1 });
    // Shown again in the editor, with the pool's count beside each value.
    const shown = await t.app.inject({ method: 'GET', url: page(), headers: { cookie: staff } });
    expect(shown.body).toContain('name="quotas.3.label" value="40 ans et plus"');
    expect(shown.body).toContain('Ajouter des lignes');
    expect(shown.body).toContain('class="fr-table');
  });

  it("saves when Enter is pressed in a cell: every table form's first submit button is its save button", async () => {
    // Implicit submission (Enter in a field) uses the form's first submit button in document order.
    const firstSubmit = (html: string, action: string) => {
      const form = html.slice(html.indexOf(`action="${action}"`));
      return /<button[^>]*type="submit"[^>]*>/.exec(form.slice(0, form.indexOf('</form>')))?.[0] ?? '';
    };
    const pages: [string, string][] = [
      ['/admin/panels/nouveau', '/admin/panels'],
      [page(), `${page()}/quotas`],
      [`${page()}/modifier`, `${page()}/modifier`],
    ];
    for (const [url, action] of pages) {
      const html = (await t.app.inject({ method: 'GET', url, headers: { cookie: staff } })).body;
      expect(html, url).toContain('value="add-rows"');
      expect(firstSubmit(html, action), url).not.toContain('add-rows');
    }
  });
});
