import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession, postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { criteriaFields, quotaFields } from './testing.js';

/** Editing a panel after creation, through the HTTP routes, at each stage of the panel. */
let t: TestApp;
let staff: string;
let otherStaff: string;
let panelist: string;
let reviewer: string;
let panelId: string;

const PANEL_FIELDS = {
  name: 'Panel du printemps',
  name_en: 'Spring panel',
  season_id: '',
  size: '4',
  recruit_until: '2026-04-30',
  ends_on: '2026-06-30',
  retention_days: '30',
  ...criteriaFields('interet-general;Intérêt général;General interest\nimpact;Impact;Impact'),
  opinion_weight: '30',
};
const QUOTAS = [
  'genre;femme;Femme;Woman;2;2',
  'genre;homme;Homme;Man;2;2',
  'age;jeune;18-39 ans;18-39;1;3',
  'age;senior;40 ans et plus;40 and over;1;3',
].join('\n');

const editUrl = () => `/admin/panels/${panelId}/modifier`;

/** The edit form as shown: every named field's value, as a browser would send it back. */
function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(
    /<input[^>]*type="(?:text|date|hidden)"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g,
  ))
    values[name] = decode(value);
  for (const [, name, value] of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    values[name] = decode(value);
  for (const [, name, body] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    values[name] = /<option value="([^"]*)" selected/.exec(body)?.[1] ?? '';
  if (/<input type="checkbox" id="one_per_household" name="one_per_household" checked/.test(html))
    values.one_per_household = 'on';
  return values;
}
const decode = (s: string) =>
  s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Opens the edit page as `cookie`: its session and the form's current values. */
async function openEdit(cookie: string) {
  const session = await formSession(t.app, cookie, editUrl());
  const values = formValues(session.html);
  delete values._csrf;
  return { session, values };
}

/**
 * Sends the opened form back with `changes`; `quotas` and `criteria` are given as compact rows (see
 * testing.ts) and replace every row of their table.
 */
async function submit(opened: Awaited<ReturnType<typeof openEdit>>, changes: Record<string, string | undefined>) {
  const fields: Record<string, string> = { ...opened.values };
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'quotas' || k === 'criteria') {
      for (const name of Object.keys(fields)) if (name.startsWith(`${k}.`)) delete fields[name];
      Object.assign(fields, k === 'quotas' ? quotaFields(v ?? '') : criteriaFields(v ?? ''));
    } else if (v === undefined) delete fields[k];
    else fields[k] = v;
  }
  return t.app.inject({
    method: 'POST',
    url: editUrl(),
    ...formBody({ _csrf: opened.session.csrf, ...fields }),
    headers: { ...formBody({}).headers, cookie: opened.session.cookie },
  });
}

const panelRow = () =>
  t.app.services.db.selectFrom('panels').selectAll().where('id', '=', panelId).executeTakeFirstOrThrow();
const quotaRows = () =>
  t.app.services.db
    .selectFrom('panel_quotas')
    .select(['category', 'feature', 'label', 'min', 'max'])
    .where('panel_id', '=', panelId)
    .orderBy('position')
    .execute();
const editEvents = () =>
  t.app.services.db
    .selectFrom('audit_events')
    .select(['action', 'summary', 'actor_id'])
    .where('action', '=', 'panel.edited')
    .where('subject_id', '=', panelId)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
  otherStaff = await signedInAs(t.app, t.clock, 'staff', 'collegue@example.fr');
  panelist = await signedInAs(t.app, t.clock, 'panelist', 'panelist@example.org');
  reviewer = await signedInAs(t.app, t.clock, 'reviewer', 'reviewer@example.fr');
  const created = await postForm(t.app, staff, '/admin/panels/nouveau', '/admin/panels', PANEL_FIELDS);
  expect(created.statusCode).toBe(303);
  panelId = /\/admin\/panels\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1];
});
afterAll(() => t.close());

describe('editing a panel before any volunteer', () => {
  it('is linked from the staff page and shows the saved values', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/admin/panels/${panelId}`, headers: { cookie: staff } });
    expect(page.body).toContain(`href="/admin/panels/${panelId}/modifier"`);
    const { values } = await openEdit(staff);
    expect(values).toMatchObject({
      name: 'Panel du printemps',
      size: '4',
      recruit_until: '2026-04-30',
      ends_on: '2026-06-30',
      retention_days: '30',
      version: '1',
    });
  });

  it('saves every field, audits what changed, and shows the description to volunteers (escaped)', async () => {
    const opened = await openEdit(staff);
    const response = await submit(opened, {
      name: 'Panel citoyen du printemps',
      description: 'Dix rencontres le samedi.\n\n<b>Indemnisées</b>.',
      size: '5',
      ends_on: '2026-07-15',
      quotas: [
        'genre;femme;Femme;Woman;2;3',
        'genre;homme;Homme;Man;2;3',
        'age;jeune;18-39 ans;18-39;1;4',
        'age;senior;40 ans et plus;40 and over;1;4',
      ].join('\n'),
    });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`/admin/panels/${panelId}?ok=modifie`);
    const row = await panelRow();
    expect(row).toMatchObject({ name: 'Panel citoyen du printemps', size: 5, version: 2, retention_days: 30 });
    expect(new Date(row.ends_at).toISOString()).toBe('2026-07-15T21:59:59.000Z');
    expect(await quotaRows()).toHaveLength(4);

    const [event] = await editEvents();
    expect(event.actor_id).not.toBeNull();
    const changes = (event.summary as { changes: Record<string, { before: unknown; after: unknown }> }).changes;
    expect(changes.name).toEqual({ before: 'Panel du printemps', after: 'Panel citoyen du printemps' });
    expect(changes.size).toEqual({ before: 4, after: 5 });
    expect(changes.endsAt.after).toBe('2026-07-15T21:59:59.000Z');
    expect(changes.quotas.before).toEqual([]);
    expect(Object.keys(changes).sort()).toEqual(['description', 'endsAt', 'name', 'quotas', 'size']);

    // Sent back unchanged: nothing written, nothing audited.
    const again = await submit(await openEdit(staff), {});
    expect(again.headers.location).toBe(`/admin/panels/${panelId}?ok=inchange`);
    expect((await panelRow()).version).toBe(2);
    expect(await editEvents()).toHaveLength(1);
  });

  it('refuses quotas the size cannot meet, on the quotas field, keeping what was typed', async () => {
    const opened = await openEdit(staff);
    const typed = [
      'genre;femme;Femme;Woman;3;3',
      'genre;homme;Homme;Man;3;3',
      'age;jeune;18-39 ans;18-39;1;4',
      'age;senior;40 ans et plus;40 and over;1;4',
    ].join('\n');
    const mins = await submit(opened, { quotas: typed, name: 'Nom tapé' });
    expect(mins.statusCode).toBe(400);
    expect(mins.body).toContain('id="quotas.0.min-error"');
    expect(mins.body).toContain('href="#quotas.0.min"');
    expect(mins.body).toContain('les minimums de « genre » font 6, plus que la taille du panel (5)');
    expect(mins.body).toContain('name="quotas.0.min" value="3"');
    expect(mins.body).toContain('value="Nom tapé"');

    const maxes = await submit(opened, { size: '9' });
    expect(maxes.statusCode).toBe(400);
    expect(maxes.body).toContain('les maximums de « genre » font 6, moins que la taille du panel (9)');
    expect(maxes.body).toContain('name="size" value="9"');

    const sensitive = await submit(opened, { quotas: 'religion;a;A;A;0;5\nreligion;b;B;B;0;5' });
    expect(sensitive.statusCode).toBe(400);
    expect(sensitive.body).toContain('article 9');
    expect((await panelRow()).version).toBe(2);
    expect((await panelRow()).size).toBe(5);
  });

  it('refuses hostile input with messages on the fields, and never a 500', async () => {
    const opened = await openEdit(staff);
    const response = await submit(opened, {
      name: `<script>alert(1)</script>${'x'.repeat(200)}`,
      description: 'y'.repeat(2001),
      ends_on: '2026-02-30',
      retention_days: '-1',
      criteria: 'Pas un code;;',
    });
    expect(response.statusCode).toBe(400);
    for (const field of ['name', 'description', 'ends_on', 'retention_days', 'criteria.0.code'])
      expect(response.body).toContain(`id="${field}-error"`);
    expect(response.body).toContain('ne doit pas dépasser 200 caractères');
    // Kept only inside the quoted attribute (quotes escaped), nowhere else on the page.
    expect(response.body).toContain('value="<script>alert(1)</script>');
    expect(response.body.split('<script>alert(1)')).toHaveLength(2);

    const wrongTypes = await t.app.inject({
      method: 'POST',
      url: editUrl(),
      payload: { _csrf: opened.session.csrf, version: ['2'], name: { $ne: '' }, size: [1, 2], quotas: 42 },
      headers: { cookie: opened.session.cookie },
    });
    expect(wrongTypes.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrongTypes.statusCode).toBeLessThan(500);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: editUrl(),
      ...formBody({ ...opened.values, name: 'Sans jeton' }),
      headers: { ...formBody({}).headers, cookie: staff },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await panelRow()).name).toBe('Panel citoyen du printemps');
  });

  it('answers 409 to a form opened before someone else saved, with the saved values and what was typed', async () => {
    const mine = await openEdit(staff);
    const theirs = await openEdit(otherStaff);
    expect((await submit(theirs, { name: 'Nom choisi par la collègue' })).statusCode).toBe(303);
    const late = await submit(mine, { name: 'Mon nom à moi', opinion_weight: '40' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Le panel a été modifié par quelqu’un d’autre');
    expect(late.body).toContain('value="Mon nom à moi"'); // typed, kept
    expect(late.body).toContain('<span>Nom choisi par la collègue</span>'); // saved now, listed
    expect(late.body).toContain('name="opinion_weight" value="40"');
    const row = await panelRow();
    expect(row.name).toBe('Nom choisi par la collègue');
    expect(row.opinion_weight).toBe(30);
    // The form shown with the conflict carries the new version: saving it again is a deliberate choice.
    const retried = formValues(late.body);
    expect(retried.version).toBe(String(row.version));
    const resent = await t.app.inject({
      method: 'POST',
      url: editUrl(),
      ...formBody({ ...retried, _csrf: mine.session.csrf }),
      headers: { ...formBody({}).headers, cookie: mine.session.cookie },
    });
    expect(resent.statusCode).toBe(303);
    expect((await panelRow()).name).toBe('Mon nom à moi');
    // Two saves of forms opened at the same version, at the same moment: one wins, the other is told.
    const [a, b] = [await openEdit(staff), await openEdit(otherStaff)];
    const answers = await Promise.all([submit(a, { name: 'Course A' }), submit(b, { name: 'Course B' })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const winner = answers.find((r) => r.statusCode === 303) === answers[0] ? 'Course A' : 'Course B';
    expect((await panelRow()).name).toBe(winner);
    // Quotas saved from the staff page make an edit form opened before them stale too.
    const opened = await openEdit(staff);
    const page = `/admin/panels/${panelId}`;
    expect(
      (
        await postForm(
          t.app,
          otherStaff,
          page,
          `${page}/quotas`,
          quotaFields(['genre;femme;Femme;Woman;2;3', 'genre;homme;Homme;Man;2;3']),
        )
      ).statusCode,
    ).toBe(303);
    expect((await submit(opened, { name: 'Après les quotas' })).statusCode).toBe(409);
    // That form checks the quotas against the size as well.
    const unmeetable = await postForm(
      t.app,
      otherStaff,
      page,
      `${page}/quotas`,
      quotaFields(['genre;femme;Femme;Woman;0;1', 'genre;homme;Homme;Man;0;1']),
    );
    expect(unmeetable.statusCode).toBe(400);
    expect(unmeetable.body).toContain('les maximums de « genre » font 2, moins que la taille du panel (5)');
    // A form without its version is treated as stale.
    expect((await submit(await openEdit(staff), { version: undefined, name: 'Sans version' })).statusCode).toBe(409);
  });
});

describe('editing once volunteers answered, then after the draw', () => {
  it('keeps the categories and values, allows bounds and labels, and marks analyses outdated', async () => {
    // Back to a panel of 4 with quotas a pool of 8 can meet, then open the call.
    expect((await submit(await openEdit(staff), { size: '4', quotas: QUOTAS })).statusCode).toBe(303);
    expect(
      (
        await postForm(t.app, staff, `/admin/panels/${panelId}`, `/admin/panels/${panelId}/statut`, {
          status: 'recruiting',
        })
      ).statusCode,
    ).toBe(303);
    // The description written before is shown to volunteers, as text.
    const publicPage = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}` });
    expect(publicPage.body).toContain('<p>Dix rencontres le samedi.</p>');
    expect(publicPage.body).toContain('&lt;b>Indemnisées&lt;/b>.');
    expect(publicPage.body).not.toContain('<b>Indemnisées</b>');
    for (let i = 0; i < 8; i++) {
      const session = await formSession(t.app, '', `/panel-citoyen/${panelId}`);
      const key = /name="submission_key" value="([^"]*)"/.exec(session.html)?.[1] ?? '';
      const fields = {
        given_name: 'Camille',
        family_name: `Martin ${i}`,
        email: `v${i}@example.org`,
        phone: '',
        availability: '',
        q_genre: i % 2 ? 'homme' : 'femme',
        q_age: i % 4 < 2 ? 'jeune' : 'senior',
        consent: 'on',
        submission_key: key,
      };
      const response = await t.app.inject({
        method: 'POST',
        url: `/panel-citoyen/${panelId}`,
        ...formBody({ _csrf: session.csrf, ...fields }),
        headers: { ...formBody({}).headers, cookie: session.cookie },
        remoteAddress: `198.51.100.${i + 1}`,
      });
      expect(response.statusCode).toBe(200);
    }
    const page = `/admin/panels/${panelId}`;
    expect((await postForm(t.app, staff, page, `${page}/analyses`, {})).statusCode).toBe(303);
    await t.app.services.worker.drain();
    expect((await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } })).body).not.toContain(
      'périmées',
    );

    const opened = await openEdit(staff);
    expect(opened.session.html).toContain('gardez les mêmes catégories et valeurs');
    const added = await submit(opened, { quotas: `${QUOTAS}\nage;tres-age;80 ans et plus;80 and over;0;1` });
    expect(added.statusCode).toBe(400);
    expect(added.body).toContain('Les catégories et leurs valeurs ne changent plus');
    const household = await submit(opened, { one_per_household: 'on' });
    expect(household.statusCode).toBe(409);
    expect(household.body).toContain('l’adresse postale leur a été demandée ou non');

    // Put back in set-up, the panel still keeps the questions its volunteers answered, on either form.
    expect(
      (await postForm(t.app, staff, page, `/admin/panels/${panelId}/statut`, { status: 'setup' })).statusCode,
    ).toBe(303);
    const staffForm = await postForm(
      t.app,
      staff,
      page,
      `${page}/quotas`,
      quotaFields(`${QUOTAS}\nage;tres-age;80 ans et plus;80 and over;0;1`),
    );
    expect(staffForm.statusCode).toBe(409);
    expect(
      (await submit(await openEdit(staff), { quotas: `${QUOTAS}\nage;tres-age;80 ans et plus;80 and over;0;1` }))
        .statusCode,
    ).toBe(400);
    expect(await quotaRows()).toHaveLength(4);
    expect(
      (await postForm(t.app, staff, page, `/admin/panels/${panelId}/statut`, { status: 'recruiting' })).statusCode,
    ).toBe(303);

    const bounds = await submit(opened, { quotas: QUOTAS.replace('18-39 ans;18-39;1;3', '18 à 39 ans;18 to 39;2;3') });
    expect(bounds.statusCode).toBe(303);
    expect((await quotaRows()).find((q) => q.feature === 'jeune')).toMatchObject({
      label: '18 à 39 ans',
      min: 2,
      max: 3,
    });
    const analyses = await t.app.services.db
      .selectFrom('panel_analyses')
      .select(['state', 'outdated_at'])
      .where('panel_id', '=', panelId)
      .execute();
    expect(analyses).toHaveLength(2); // kept, not deleted
    expect(analyses.every((a) => a.state === 'done' && a.outdated_at !== null)).toBe(true);
    const staffPage = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(staffPage.body).toContain('elles sont périmées, relancez le calcul');
    expect(staffPage.body).toContain('<svg role="img"'); // the old chart is still shown
  });

  it('moves the deletion date of kept answers earlier, never later', async () => {
    const { db } = t.app.services;
    const before = await db
      .selectFrom('panel_demographics')
      .select('delete_after')
      .where('panel_id', '=', panelId)
      .execute();
    expect(new Date(before[0].delete_after).toISOString()).toBe('2026-08-14T21:59:59.000Z'); // 15 July + 30 days
    const opened = await openEdit(staff);
    const later = await submit(opened, { retention_days: '60' });
    expect(later.statusCode).toBe(400);
    expect(later.body).toContain('id="retention_days-error"');
    expect(later.body).toContain('la conservation est de 30 jours au plus');
    const tooLate = await submit(opened, { ends_on: '2026-09-01' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain('id="ends_on-error"');

    const earlier = await submit(opened, { retention_days: '10' });
    expect(earlier.statusCode).toBe(303);
    const after = await db
      .selectFrom('panel_demographics')
      .select('delete_after')
      .where('panel_id', '=', panelId)
      .execute();
    expect(after.every((r) => new Date(r.delete_after).toISOString() === '2026-07-25T21:59:59.000Z')).toBe(true);
    const event = (await editEvents()).at(-1)!;
    expect(event.summary).toMatchObject({
      changes: { retentionDays: { before: 30, after: 10 } },
      demographicsRescheduled: 8,
    });
  });

  it('after the draw, shows size, quotas and categories read-only with the reason and refuses them', async () => {
    const page = `/admin/panels/${panelId}`;
    expect((await postForm(t.app, staff, page, `${page}/engagement`, {})).statusCode).toBe(303);
    await t.app.services.worker.drain();
    expect(
      (await postForm(t.app, staff, page, `${page}/tirage`, { random: '4 2 6 1 3', witnesses: 'Alice Dupont' }))
        .statusCode,
    ).toBe(303);

    const opened = await openEdit(staff);
    expect(opened.session.html).not.toContain('name="size"');
    expect(opened.session.html).not.toContain('name="quotas.');
    expect(opened.session.html).not.toContain('name="criteria.');
    expect(opened.session.html).toContain('Ce qui ne change plus');
    expect(opened.session.html).toContain('un tirage au sort est engagé');
    expect(opened.session.html).toContain('name="ends_on"');

    const before = await panelRow();
    const quotasBefore = await quotaRows();
    for (const tampered of [
      { size: '6' },
      { quotas: QUOTAS.replace('Woman;2;2', 'Woman;1;3') },
      { criteria: 'autre;Autre;Other' },
      { opinion_weight: '90' },
      { recruit_until: '2026-05-30' },
    ]) {
      const response = await submit(opened, { ...tampered, name: 'Ne doit pas passer' });
      expect(response.statusCode, JSON.stringify(tampered)).toBe(409);
      expect(response.body).toContain('rien n’a été enregistré');
    }
    expect(await panelRow()).toEqual(before);
    expect(await quotaRows()).toEqual(quotasBefore);

    // The same values sent back, or left out, are not a change: the text fields and the end still change.
    const withSaved = await submit(opened, {
      size: '4',
      name: 'Panel tiré au sort',
      description_en: 'Ten Saturday meetings.',
      ends_on: '2026-07-10',
    });
    expect(withSaved.statusCode, withSaved.body).toBe(303);
    const row = await panelRow();
    expect(row).toMatchObject({ name: 'Panel tiré au sort', description_en: 'Ten Saturday meetings.', size: 4 });
    expect(new Date(row.ends_at).toISOString()).toBe('2026-07-10T21:59:59.000Z');
  });
});

describe('who may edit', () => {
  it('refuses anonymous visitors, panelists and reviewers, and changes nothing', async () => {
    const before = await panelRow();
    const anonymous = await t.app.inject({ method: 'GET', url: editUrl() });
    expect(anonymous.statusCode).toBe(303);
    expect(String(anonymous.headers.location)).toMatch(/^\/connexion\?retour=/);
    for (const cookie of [panelist, reviewer]) {
      expect((await t.app.inject({ method: 'GET', url: editUrl(), headers: { cookie } })).statusCode).toBe(403);
      // With a valid CSRF pair taken from a page they may open: still refused by permission.
      const session = await formSession(t.app, cookie, '/compte');
      const response = await t.app.inject({
        method: 'POST',
        url: editUrl(),
        ...formBody({ _csrf: session.csrf, version: String(before.version), name: 'Pris', size: '4' }),
        headers: { ...formBody({}).headers, cookie: session.cookie },
      });
      expect(response.statusCode).toBe(403);
    }
    const anonymousPost = await t.app.inject({ method: 'POST', url: editUrl(), ...formBody({ name: 'Pris' }) });
    expect([401, 403]).toContain(anonymousPost.statusCode);
    expect(await panelRow()).toEqual(before);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/admin/panels/00000000-0000-4000-8000-000000000000/modifier',
          headers: { cookie: staff },
        })
      ).statusCode,
    ).toBe(404);
  });
});
