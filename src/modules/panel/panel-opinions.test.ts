import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userById } from '../../../test/support/factories/accounts.js';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  seedOpenSeason,
} from '../../../test/support/factories/applications.js';
import { formBody, formSession, postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser, signedInAs } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { createPanel } from './manage-panel.js';
import { erasePanelData, panelDataOf } from './personal-data.js';

let t: TestApp;
let staff: string;
let panelist: SignedInUser;
let outsider: SignedInUser;
let panelId: string;
const apps: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-15T10:00:00Z');
  const { db } = t.app.services;
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
  panelist = await createSignedInUser(db, t.clock, [{ role: 'panelist' }], 'panelist');
  outsider = await createSignedInUser(db, t.clock, [{ role: 'panelist' }], 'other-panelist');
  const owner = await createSignedInUser(db, t.clock, [], 'porteur');
  const season = await seedOpenSeason(db, { slug: 'saison-panel', number: 3, form: DEFAULT_FORM });
  const form = await currentForm(db, season.id);
  const now = t.clock.now();
  for (const [key, state] of [
    ['jardin', 'eligible'],
    ['atelier', 'in_review'],
    ['brouillon', 'draft'],
    ['refus', 'ineligible'],
  ] as const) {
    const answers = {
      project_name: `Projet ${key}`,
      project_summary: `Résumé du projet ${key}`,
      team: [{ member_name: 'Jeanne Porteuse', member_email: 'jeanne.porteuse@example.org' }],
    };
    const row = await insertApplication(db, {
      season_id: season.id,
      track_code: 'numerique',
      form_id: form.id,
      owner_id: owner.id,
      applicant_kind: 'association',
      title: `Projet ${key}`,
      state,
      draft_answers: JSON.stringify(answers),
      current_version: state === 'draft' ? 0 : 1,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    });
    if (state !== 'draft') {
      await insertVersion(db, {
        application_id: row.id,
        version: 1,
        form_id: form.id,
        answers: JSON.stringify(answers),
        answers_sha256: 'x',
        submitted_at: now,
        submitted_by: owner.id,
      });
    }
    apps[key] = row.id;
  }
  panelId = await createPanel(t.app.services, systemActor, {
    seasonId: season.id,
    name: 'Panel saison 3',
    nameEn: '',
    size: 2,
    recruitUntil: new Date('2026-04-01T00:00:00Z'),
    endsAt: new Date('2026-05-31T21:59:59Z'),
    retentionDays: 30,
    onePerHousehold: false,
    criteria: [
      { code: 'interet-general', label: 'Intérêt général', labelEn: 'General interest' },
      { code: 'impact', label: 'Impact', labelEn: 'Impact' },
    ],
    opinionWeight: 40,
  });
  // Fixture: the panelist already drawn and accepted (the draw itself is tested in panel.test.ts).
  const volunteer = await db
    .insertInto('panel_volunteers')
    .values({
      panel_id: panelId,
      email: panelist.email,
      given_name: 'P',
      family_name: 'L',
      phone: '',
      availability: '',
      locale: 'fr',
      consent_at: now,
      consent_version: 'v',
      consent_hash: 'h',
      ip_hash: 'i',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const draw = await db
    .insertInto('panel_draws')
    .values({
      panel_id: panelId,
      kind: 'initial',
      state: 'drawn',
      files: 'null',
      pool_volunteers: '{}',
      selected: '[]',
      declined: '[]',
      error: 'null',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('panel_members')
    .values({
      panel_id: panelId,
      volunteer_id: volunteer.id,
      draw_id: draw.id,
      pool_id: 'V0001',
      status: 'accepted',
      invite_token_hash: 'token-hash',
      user_id: panelist.id,
      invited_at: now,
    })
    .execute();
});
afterAll(() => t.close());

describe('shortlist and panelists’ opinions', () => {
  it('lets staff put only the season’s eligible or in-review applications before the panel', async () => {
    const page = `/admin/panels/${panelId}`;
    const body = (await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } })).body;
    expect(body).toContain('Projet jardin');
    expect(body).toContain('Projet atelier');
    expect(body).not.toContain('Projet brouillon');
    expect(body).not.toContain('Projet refus');
    const saved = await postForm(t.app, staff, page, `${page}/preselection`, {
      application: [apps.jardin, apps.atelier, apps.refus, '00000000-0000-4000-8000-000000000000', 'pas-un-id'],
    });
    expect(saved.statusCode).toBe(303);
    const rows = await t.app.services.db
      .selectFrom('panel_shortlist')
      .select('application_id')
      .where('panel_id', '=', panelId)
      .execute();
    expect(rows.map((r) => r.application_id).sort()).toEqual([apps.jardin, apps.atelier].sort());
  });

  it('shows the project before the opinion form and says what each level of the scale means, in both languages', async () => {
    const url = `/panel/${panelId}/candidatures/${apps.jardin}`;
    const fr = (await t.app.inject({ method: 'GET', url, headers: { cookie: panelist.cookie } })).body;
    const project = fr.indexOf('Résumé du projet jardin');
    expect(project).toBeGreaterThan(0);
    expect(project).toBeLessThan(fr.indexOf('name="score_impact"'));
    expect(fr).toContain('1 — Pas convaincant : le projet répond mal à ce critère.');
    expect(fr).toContain('5 — Excellent : le projet est exemplaire sur ce critère.');
    const en = (await t.app.inject({ method: 'GET', url, headers: { cookie: `${panelist.cookie}; lang=en` } })).body;
    expect(en).toContain('3 — Fair: the project meets this criterion, no more.');
  });

  it('shows a panelist the shortlist and the submitted answers, never contact details', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/panel', headers: { cookie: panelist.cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Projet jardin');
    expect(home.body).toContain('À lire');
    const page = await t.app.inject({
      method: 'GET',
      url: `/panel/${panelId}/candidatures/${apps.jardin}`,
      headers: { cookie: panelist.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Résumé du projet jardin');
    expect(page.body).not.toContain('jeanne.porteuse@example.org');
    // Another panel's panelist, an application not on the shortlist, staff: nothing to see.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/panel/${panelId}/candidatures/${apps.jardin}`,
          headers: { cookie: outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/panel/${panelId}/candidatures/${apps.refus}`,
          headers: { cookie: panelist.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/panel/${panelId}/candidatures/${apps.jardin}`,
          headers: { cookie: staff },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('takes a score per criterion and a comment, with errors on the fields and the input kept', async () => {
    const url = `/panel/${panelId}/candidatures/${apps.jardin}`;
    const missing = await postForm(t.app, panelist.cookie, url, url, {
      'score_interet-general': '9',
      panel_comment: 'Très utile <b>au quartier</b>',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="score_impact-error"');
    expect(missing.body).toContain('id="score_interet-general-error"');
    expect(missing.body).toContain('Très utile &lt;b>au quartier&lt;/b></textarea>');
    expect(
      (
        await postForm(t.app, panelist.cookie, url, url, {
          'score_interet-general': '5',
          score_impact: '4',
          panel_comment: 'Très utile',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await postForm(t.app, panelist.cookie, url, url, {
          'score_interet-general': '4',
          score_impact: '4',
          panel_comment: 'Utile',
        })
      ).statusCode,
    ).toBe(303);
    const opinions = await t.app.services.db.selectFrom('panel_opinions').selectAll().execute();
    expect(opinions).toHaveLength(1);
    expect(opinions[0].scores).toEqual({ 'interet-general': 4, impact: 4 });
    const again = await t.app.inject({ method: 'GET', url, headers: { cookie: panelist.cookie } });
    expect(again.body).toContain('name="score_impact" value="4" checked');
    const home = await t.app.inject({ method: 'GET', url: '/panel', headers: { cookie: panelist.cookie } });
    expect(home.body).toContain('Avis donné');
  });

  it('shows staff the aggregated opinions with the weight, and closes opinions when the panel ends', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/admin/panels/${panelId}`, headers: { cookie: staff } });
    expect(page.body).toContain('compte pour 40 %');
    expect(page.body).toMatch(/<td>Projet jardin<\/td><td>1<\/td><td>4<\/td><td>4<\/td><td>4<\/td>/);
    expect(page.body).not.toContain('Utile'); // individual comments stay with the panelist
    await t.app.services.db
      .updateTable('panels')
      .set({ ends_at: new Date('2026-04-14T21:59:59Z') })
      .where('id', '=', panelId)
      .execute();
    const url = `/panel/${panelId}/candidatures/${apps.jardin}`;
    const late = await t.app.inject({ method: 'GET', url, headers: { cookie: panelist.cookie } });
    expect(late.body).toContain('les avis ne changent plus');
    const refused = await t.app.inject({
      method: 'POST',
      url,
      ...formBody({ score_impact: '1' }),
      headers: { ...formBody({}).headers, cookie: panelist.cookie },
    });
    expect(refused.statusCode).toBe(403); // no CSRF token
    const session = await formSession(t.app, panelist.cookie, url);
    const closed = await t.app.inject({
      method: 'POST',
      url,
      ...formBody({ _csrf: session.csrf, 'score_interet-general': '1', score_impact: '1' }),
      headers: { ...formBody({}).headers, cookie: session.cookie },
    });
    expect(closed.statusCode).toBe(409);
    const opinions = await t.app.services.db.selectFrom('panel_opinions').select('scores').execute();
    expect(opinions[0].scores).toEqual({ 'interet-general': 4, impact: 4 });
  });

  it('exports and erases everything the panel holds about a person', async () => {
    const [data] = await panelDataOf(t.app.services.db, panelist.email.toUpperCase());
    expect(data).toMatchObject({
      panel: 'Panel saison 3',
      email: panelist.email,
      memberStatus: 'accepted',
      demographics: null,
    });
    expect(data.opinions).toEqual([
      { applicationId: apps.jardin, scores: { 'interet-general': 4, impact: 4 }, comment: 'Utile' },
    ]);
    // The person's own export (/compte/export) carries the panel's part, and erasing the account erases it.
    const exported = await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie: panelist.cookie } });
    expect(JSON.parse(exported.body).panel).toEqual(JSON.parse(JSON.stringify([data])));
    const erase = await postForm(t.app, panelist.cookie, '/compte', '/compte/supprimer', { confirmation: 'SUPPRIMER' });
    expect(erase.statusCode).toBe(200);
    expect(await panelDataOf(t.app.services.db, panelist.email)).toEqual([]);
    expect(await userById(t.app.services.db, panelist.id)).toMatchObject({ email: null, erased_at: expect.anything() });
    const erasure = await t.app.services.db
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'accounts.erased')
      .where('subject_id', '=', panelist.id)
      .executeTakeFirstOrThrow();
    expect(erasure.summary).toMatchObject({ parts: { panel: { volunteersErased: 1 } } });
    expect(await erasePanelData(t.app.services, systemActor, panelist.email)).toBe(0);
    // The opinion stays for the deliberation, its scores under a key that leads to no one, its comment gone.
    expect(
      await t.app.services.db.selectFrom('panel_opinions').select(['member_id', 'scores', 'comment']).execute(),
    ).toEqual([{ member_id: null, scores: { 'interet-general': 4, impact: 4 }, comment: '' }]);
    expect(await t.app.services.db.selectFrom('panel_members').select('id').execute()).toEqual([]);
  });
});
