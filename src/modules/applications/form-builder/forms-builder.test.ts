import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyUserId } from '../../../../test/support/factories/accounts.js';
import { insertSeason } from '../../../../test/support/factories/seasons.js';
import { formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { DEFAULT_FORM } from '../form/default-form.js';
import type { FormDefinition } from '../form/model.js';
import { questionFieldValues } from './editor.js';
import { getCurrentForm, getFormVersion, listFormVersions } from './queries.js';
import { saveForm } from './save-form.js';

let t: TestApp;
let staff: string;
let limitedStaff: string;
let applicant: string;
let season1: string;
let season2: string;

async function createSeason(number: number): Promise<string> {
  const now = t.clock.now();
  const row = await insertSeason(t.app.services.db, {
    slug: `saison-${number}`,
    number,
    name: `Saison ${number}`,
    name_en: `Season ${number}`,
    summary: '',
    summary_en: '',
    eligible_kinds: [],
    support_months: 0,
    grant_envelope_cents: 0,
    laureates_sought: 0,
    opens_at: new Date('2027-01-01T00:00:00Z'),
    closes_at: new Date('2027-03-01T00:00:00Z'),
    created_at: now,
    updated_at: now,
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-20T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'equipe@example.fr');
  limitedStaff = await signedInAs(t.app, t.clock, 'staff', 'thematique@example.fr', 'numerique');
  applicant = await signedInAs(t.app, t.clock, 'applicant', 'porteur@example.fr');
  season1 = await createSeason(1);
  season2 = await createSeason(2);
});
afterAll(() => t.close());

const builder = (seasonId: string) => `/admin/saisons/${seasonId}/formulaire`;

/** POSTs fields (repeated keys allowed) with the CSRF token of the builder page. */
async function post(url: string, fields: [string, string][], who = staff) {
  const session = await formSession(t.app, who, builder(season1));
  const body = new URLSearchParams([['_csrf', session.csrf], ...fields]).toString();
  return t.app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** The structured editor's fields for a definition, as the browser sends them. */
function editorFields(definition: FormDefinition): [string, string][] {
  const fields: [string, string][] = [];
  definition.sections.forEach((section, s) => {
    fields.push(
      [`s${s}.id`, section.id],
      [`s${s}.title_fr`, section.title.fr],
      [`s${s}.title_en`, section.title.en],
      [`s${s}.description_fr`, section.description?.fr ?? ''],
      [`s${s}.description_en`, section.description?.en ?? ''],
    );
    section.questions.forEach((question, q) => {
      const add = (prefix: string, values: Record<string, string>, required: boolean) => {
        for (const [key, value] of Object.entries(values)) fields.push([`${prefix}.${key}`, value]);
        if (required) fields.push([`${prefix}.required`, 'on']);
      };
      add(`s${s}.q${q}`, questionFieldValues(question), question.required);
      question.children?.forEach((child, c) => add(`s${s}.q${q}.c${c}`, questionFieldValues(child), child.required));
    });
  });
  return fields;
}

describe('staff form builder', () => {
  it('refuses people without seasons.manage, and unknown seasons', async () => {
    expect((await t.app.inject({ method: 'GET', url: builder(season1) })).statusCode).toBe(303);
    expect(
      (await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: applicant } })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: builder('00000000-0000-4000-8000-000000000000'),
          headers: { cookie: staff },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: builder('pas-un-id'), headers: { cookie: staff } })).statusCode,
    ).toBe(404);
  });

  it('offers to start from the standard form, then shows it in every editor', async () => {
    const seasons = await t.app.inject({ method: 'GET', url: '/admin/saisons', headers: { cookie: staff } });
    expect(seasons.body).toContain(`href="${builder(season1)}"`);
    const empty = await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: staff } });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('pas encore de formulaire');
    expect(
      (await t.app.inject({ method: 'GET', url: `${builder(season1)}/apercu`, headers: { cookie: staff } })).statusCode,
    ).toBe(303);
    const blank = await post(builder(season1), [['action', 'save']]);
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('href="#editor"');
    expect(blank.body).toContain('au moins une rubrique');
    const firstSection = await post(builder(season1), [['action', 'add-section']]);
    expect(firstSection.body).toContain('name="s0.id" value="section_1"');

    const started = await post(`${builder(season1)}/defaut`, []);
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe(`${builder(season1)}?ok=enregistre&v=1`);
    const form = await getCurrentForm(t.app.services.db, season1);
    expect(form?.version).toBe(1);
    expect(form?.definition).toEqual(DEFAULT_FORM);
    expect(await getFormVersion(t.app.services.db, form!.id)).toEqual(form);

    const page = await t.app.inject({
      method: 'GET',
      url: `${builder(season1)}?ok=enregistre&v=1`,
      headers: { cookie: staff },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Formulaire enregistré (version 1)');
    expect(page.body).toContain('name="s0.q0.id" value="project_name"');
    expect(page.body).toContain('name="definition"');
    expect(page.body).toContain('&#34;project_name&#34;');

    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id'])
      .where('action', '=', 'application_form.saved')
      .execute();
    expect(audit.map((a) => a.subject_id)).toContain(form!.id);
  });

  it('moves, adds and removes questions without saving until asked', async () => {
    const fields = editorFields(DEFAULT_FORM);
    const moved = await post(builder(season1), [...fields, ['action', 'down:s0.q0']]);
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toContain('name="s0.q1.id" value="project_name"');
    expect(moved.body).toContain('name="s0.q0.id" value="project_summary"');
    expect(moved.body).toContain('rien n’est enregistré');
    expect((await getCurrentForm(t.app.services.db, season1))?.definition.sections[0].questions[0].id).toBe(
      'project_name',
    );

    const added = await post(builder(season1), [...fields, ['action', 'add-question:s1']]);
    expect(added.body).toContain('name="s1.q4.id" value="question_1"');
    const child = await post(builder(season1), [...fields, ['action', 'add-child:s2.q0']]);
    expect(child.body).toContain('name="s2.q0.c3.id" value="question_1"');
    const removed = await post(builder(season1), [...fields, ['action', 'remove:s4']]);
    expect(removed.body).not.toContain('name="s4.id"');
    const section = await post(builder(season1), [...fields, ['action', 'add-section']]);
    expect(section.body).toContain('name="s5.id" value="section_1"');
  });

  it('saves the structured editor in place while no application uses the form', async () => {
    const fields = editorFields(DEFAULT_FORM).map(([k, v]): [string, string] =>
      k === 's0.q0.label_fr' ? [k, 'Nom de votre projet'] : [k, v],
    );
    const saved = await post(builder(season1), [...fields, ['action', 'save']]);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('ok=enregistre&v=1');
    const form = await getCurrentForm(t.app.services.db, season1);
    expect(form?.version).toBe(1);
    expect(form?.definition.sections[0].questions[0].label.fr).toBe('Nom de votre projet');
    // Every part of the default form survives the trip through the structured editor.
    expect({
      ...form!.definition,
      sections: form!.definition.sections.map((s, i) => (i === 0 ? DEFAULT_FORM.sections[0] : s)),
    }).toEqual(DEFAULT_FORM);
  });

  it('shows each problem on its field, keeps what was typed, and saves nothing', async () => {
    const fields = editorFields(DEFAULT_FORM).map(([k, v]): [string, string] => {
      if (k === 's0.q0.label_fr') return [k, ''];
      if (k === 's3.q1.options') return [k, 'idea | Idée | Idea\nidea | Encore | Again'];
      if (k === 's0.q3.max') return [k, 'beaucoup'];
      if (k === 's1.q1.condition_values') return [k, 'inconnue'];
      return [k, v];
    });
    const before = await getCurrentForm(t.app.services.db, season1);
    const response = await post(builder(season1), [...fields, ['action', 'save']]);
    expect(response.statusCode).toBe(400);
    for (const field of ['s0.q0.label_fr', 's3.q1.options', 's0.q3.max', 's1.q1.condition_question']) {
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toContain(`aria-describedby="${field}-error"`);
    }
    expect(response.body).toContain('apparaît deux fois');
    // The summary says where each problem is in words, not by the fields' internal names.
    expect(response.body).toContain('Rubrique 1, question 1, libellé en français');
    expect(response.body).not.toContain('s0.q0.label_fr :');
    expect(response.body).toContain('value="beaucoup"');
    expect(await getCurrentForm(t.app.services.db, season1)).toEqual(before);
  });

  it('saves a form without English, shown to English readers in French and marked', async () => {
    const fields = editorFields(DEFAULT_FORM).map(([k, v]): [string, string] =>
      /_en$/.test(k) ? [k, ''] : k.endsWith('.options') ? [k, v.replace(/\|[^|\n]*$/gm, '| ')] : [k, v],
    );
    const saved = await post(builder(season1), [...fields, ['action', 'save']]);
    expect(saved.statusCode).toBe(303);
    const form = await getCurrentForm(t.app.services.db, season1);
    expect(form?.definition.sections[0].questions[0].label).toEqual({ fr: 'Nom du projet', en: '' });
    const english = await t.app.inject({
      method: 'GET',
      url: `${builder(season1)}/apercu`,
      headers: { cookie: `${staff}; lang=en` },
    });
    expect(english.body).toContain('<span lang="fr">Nom du projet</span> <span class="fr-text--xs">(in French)</span>');
    const french = await t.app.inject({ method: 'GET', url: `${builder(season1)}/apercu`, headers: { cookie: staff } });
    expect(french.body).not.toContain('(in French)');
    await post(`${builder(season1)}/json`, [['definition', JSON.stringify(DEFAULT_FORM)]]);
  });

  it('builds a repeatable block and its sub-questions without JSON', async () => {
    const fields = editorFields(DEFAULT_FORM);
    // The section's "kind of the question to add" makes a block that comes with its first sub-question.
    const added = await post(builder(season1), [
      ...fields,
      ['s1.new_kind', 'repeatable'],
      ['action', 'add-question:s1'],
    ]);
    expect(added.statusCode).toBe(200);
    expect(added.body).toMatch(/<select[^>]*name="s1\.q4\.kind"[^>]*>[\s\S]*?<option value="repeatable" selected/);
    expect(added.body).toContain('name="s1.q4.c0.id" value="question_2"');
    expect(added.body).toContain('value="add-child:s1.q4"');
    const block: [string, string][] = [
      ['s1.q4.id', 'partners'],
      ['s1.q4.kind', 'repeatable'],
      ['s1.q4.label_fr', 'Partenaires'],
      ['s1.q4.max_items', '5'],
    ];
    // A block with no sub-question is refused, with a link to the button that adds one.
    const empty = await post(builder(season1), [...fields, ...block, ['action', 'save']]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#s1.q4.add_child"');
    expect(empty.body).toContain('id="s1.q4.add_child"');
    expect(empty.body).toContain('Rubrique 2, question 5, questions du bloc');
    const children: [string, string][] = [
      ['s1.q4.c0.id', 'partner_name'],
      ['s1.q4.c0.kind', 'short_text'],
      ['s1.q4.c0.label_fr', 'Nom du partenaire'],
      ['s1.q4.c0.required', 'on'],
      ['s1.q4.c1.id', 'partner_role'],
      ['s1.q4.c1.kind', 'long_text'],
      ['s1.q4.c1.label_fr', 'Rôle'],
    ];
    const moved = await post(builder(season1), [...fields, ...block, ...children, ['action', 'up:s1.q4.c1']]);
    expect(moved.body).toContain('name="s1.q4.c0.id" value="partner_role"');
    const saved = await post(builder(season1), [...fields, ...block, ...children, ['action', 'save']]);
    expect(saved.statusCode).toBe(303);
    const question = (await getCurrentForm(t.app.services.db, season1))!.definition.sections[1].questions[4];
    expect(question).toMatchObject({ id: 'partners', kind: 'repeatable', maxItems: 5 });
    expect(question.children?.map((c) => [c.id, c.kind, c.required])).toEqual([
      ['partner_name', 'short_text', true],
      ['partner_role', 'long_text', false],
    ]);
    await post(`${builder(season1)}/json`, [['definition', JSON.stringify(DEFAULT_FORM)]]);
  });

  it('saves JSON, and lists each JSON problem with where it is', async () => {
    const bad = await post(`${builder(season1)}/json`, [['definition', '{"sections": [']]);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('n’est pas du JSON valide');
    expect(bad.body).toContain('{&#34;sections&#34;: [');

    const wrong = await post(`${builder(season1)}/json`, [
      [
        'definition',
        JSON.stringify({
          sections: [
            {
              id: 's',
              title: { fr: 'A', en: 'A' },
              questions: [
                { id: 'Bad Id', kind: 'dropdown', label: { fr: 'x', en: 'x' } },
                { id: 'c', kind: 'single_choice', label: { fr: 'x', en: 'x' }, options: [] },
              ],
            },
          ],
        }),
      ],
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('sections[0].questions[0].id');
    expect(wrong.body).toContain('sections[0].questions[0].kind');
    expect(wrong.body).toContain('sections[0].questions[1].options');
    expect(wrong.body).toContain('au moins deux options');

    const definition: FormDefinition = {
      sections: [
        {
          id: 'only',
          title: { fr: 'Seule', en: 'Only' },
          questions: [{ id: 'name', kind: 'short_text', label: { fr: 'Nom', en: 'Name' }, required: true }],
        },
      ],
    };
    const good = await post(`${builder(season1)}/json`, [
      ['definition', JSON.stringify({ ...definition, extra: '<script>' })],
    ]);
    expect(good.statusCode).toBe(303);
    expect((await getCurrentForm(t.app.services.db, season1))?.definition).toEqual(definition);
    // Back to the standard form for the next tests.
    await post(`${builder(season1)}/json`, [['definition', JSON.stringify(DEFAULT_FORM)]]);
  });

  it('writes a new version once an application references the current one', async () => {
    const form = (await getCurrentForm(t.app.services.db, season1))!;
    const owner = { id: await anyUserId(t.app.services.db) };
    const now = t.clock.now();
    await sql`insert into applications (season_id, track_code, form_id, owner_id, applicant_kind, created_at, updated_at)
              values (${season1}, 'numerique', ${form.id}, ${owner.id}, 'association', ${now}, ${now})`.execute(
      t.app.services.db,
    );
    const page = await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: staff } });
    expect(page.body).toContain('Des candidatures utilisent déjà cette version');

    const changed = {
      sections: [...DEFAULT_FORM.sections, { id: 'extra', title: { fr: 'En plus', en: 'Extra' }, questions: [] }],
    };
    const saved = await post(`${builder(season1)}/json`, [['definition', JSON.stringify(changed)]]);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toContain('ok=version&v=2');
    const versions = await listFormVersions(t.app.services.db, season1);
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getFormVersion(t.app.services.db, form.id))?.definition).toEqual(DEFAULT_FORM);
    expect((await getCurrentForm(t.app.services.db, season1))?.definition).toEqual(changed);

    const listing = await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: staff } });
    expect(listing.body).toContain(`href="${builder(season1)}/apercu?version=${form.id}"`);
    const older = await t.app.inject({
      method: 'GET',
      url: `${builder(season1)}/apercu?version=${form.id}`,
      headers: { cookie: staff },
    });
    expect(older.body).toContain('Version 1 du formulaire.');
    expect(older.body).not.toContain('En plus');
    const newest = await t.app.inject({ method: 'GET', url: `${builder(season1)}/apercu`, headers: { cookie: staff } });
    expect(newest.body).toContain('Version 2 du formulaire.');
    expect(newest.body).toContain('En plus');
    // Another season's version id is not shown under this season.
    const foreign = await t.app.inject({
      method: 'GET',
      url: `${builder(season2)}/apercu?version=${form.id}`,
      headers: { cookie: staff },
    });
    expect(foreign.statusCode).toBe(303);
  });

  it('gives concurrent saves of a used form consecutive versions', async () => {
    const current = (await getCurrentForm(t.app.services.db, season1))!;
    const before = current.version;
    const owner = { id: await anyUserId(t.app.services.db) };
    const now = t.clock.now();
    await sql`insert into applications (season_id, track_code, form_id, owner_id, applicant_kind, created_at, updated_at)
              values (${season1}, 'numerique', ${current.id}, ${owner.id}, 'association', ${now}, ${now})`.execute(
      t.app.services.db,
    );
    const actor = { id: null, label: 'test' };
    const results = await Promise.all([
      saveForm(t.app.services, actor, season1, DEFAULT_FORM),
      saveForm(t.app.services, actor, season1, DEFAULT_FORM),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    // The first writes a new version (the used one stays); the second finds that one unused and rewrites it.
    expect((await listFormVersions(t.app.services.db, season1)).map((v) => v.version)).toEqual([
      before + 1,
      before,
      ...Array.from({ length: before - 1 }, (_, i) => before - 1 - i),
    ]);
    const page = await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: staff } });
    expect(page.body).toContain(`Version ${before + 1}, enregistrée le`);
  });

  it('copies the form of an earlier season', async () => {
    const none = await post(`${builder(season2)}/copie`, [['source', season2]]);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez une saison qui a un formulaire');
    const page = await t.app.inject({ method: 'GET', url: builder(season2), headers: { cookie: staff } });
    expect(page.body).toContain(`<option value="${season1}"`);
    const copied = await post(`${builder(season2)}/copie`, [['source', season1]]);
    expect(copied.statusCode).toBe(303);
    expect(copied.headers.location).toContain('ok=copie&v=1');
    expect((await getCurrentForm(t.app.services.db, season2))?.definition).toEqual(
      (await getCurrentForm(t.app.services.db, season1))?.definition,
    );
    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'application_form.copied')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('previews the form and checks answers as a submission would', async () => {
    const page = await t.app.inject({ method: 'GET', url: `${builder(season2)}/apercu`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<legend');
    expect(page.body).toContain('name="team[0][member_email]"');
    expect(page.body).toContain('À remplir seulement si');

    const empty = await post(`${builder(season2)}/apercu`, [
      ['organisation_type', 'company'],
      ['organisation_siret', '130 025 265 00014'],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#project_name"');
    expect(empty.body).toContain('mais son dernier chiffre (la clé de contrôle) ne correspond pas');
    expect(empty.body).toContain('value="130 025 265 00014"');

    const complete = await post(`${builder(season2)}/apercu`, [
      ['project_name', 'Stations météo'],
      ['project_summary', 'Des stations libres.'],
      ['project_track', 'digital'],
      ['organisation_type', 'company'],
      ['organisation_name', 'Météo SAS'],
      ['organisation_siret', '130 025 265 00013'],
      ['team[0][member_name]', 'Camille'],
      ['team[0][member_email]', 'camille@example.fr'],
      ['needs_levers', 'coaching'],
      ['needs_levers', 'promotion'],
      ['needs_stage', 'deploy'],
    ]);
    expect(complete.statusCode).toBe(200);
    expect(complete.body).toContain('Ces réponses seraient acceptées');
  });

  it('lets staff limited to one track look but not change the form', async () => {
    const page = await t.app.inject({ method: 'GET', url: builder(season1), headers: { cookie: limitedStaff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('toutes les thématiques');
    expect(page.body).not.toContain('name="s0.id"');
    const refused = await post(
      `${builder(season1)}/json`,
      [['definition', JSON.stringify(DEFAULT_FORM)]],
      limitedStaff,
    );
    expect(refused.statusCode).toBe(403);
  });

  it('never answers 500 to hostile bodies', async () => {
    for (const fields of [
      [['definition', '9'.repeat(5000)]],
      [['definition', '{"sections":{"__proto__":1}}']],
      [
        ['s0.id', '<x>'],
        ['s0.q0.id', 'a'],
        ['s0.q0.kind', 'repeatable'],
        ['s0.q0.c0.id', 'a'],
        ['s0.q0.c0.kind', 'repeatable'],
        ['action', 'save'],
      ],
    ] as [string, string][][]) {
      for (const url of [
        builder(season1),
        `${builder(season1)}/json`,
        `${builder(season1)}/apercu`,
        `${builder(season1)}/copie`,
      ]) {
        const response = await post(url, fields);
        expect(response.statusCode, `${url} ${JSON.stringify(fields)}`).toBeLessThan(500);
      }
    }
  });
});
