import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  seedOpenSeason,
} from '../../../test/support/factories/applications.js';
import { postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { createPanel } from './manage-panel.js';
import { shortlistIds } from './opinions.js';

/**
 * A citizen panel serves a whole season, both tracks: its shortlist and settings are changed only by staff
 * with rights on every track, and a staff member limited to one track reads the shortlist and the panel's
 * opinions of their own track's applications only. Through HTTP, on a real database.
 */
let t: TestApp;
let limited: SignedInUser;
let everyTrack: SignedInUser;
let panelist: SignedInUser;
let panelId: string;
const apps: Record<'own' | 'other', string> = { own: '', other: '' };
const TITLES = { own: 'Atlas des communs numériques', other: 'Maison des savoirs partagés' };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-04-15T10:00:00Z');
  const { db } = t.app.services;
  limited = await createSignedInUser(db, t.clock, [{ role: 'staff', track: 'numerique' }], 'dinum');
  everyTrack = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
  panelist = await createSignedInUser(db, t.clock, [{ role: 'panelist' }], 'panelist');
  const owner = await createSignedInUser(db, t.clock, [], 'porteur');
  const season = await seedOpenSeason(db, { slug: 'saison-panel-parcours', number: 4, form: DEFAULT_FORM });
  const form = await currentForm(db, season.id);
  const now = t.clock.now();
  for (const [key, track] of [
    ['own', 'numerique'],
    ['other', 'autres'],
  ] as const) {
    const answers = { project_name: TITLES[key], project_summary: `Résumé : ${TITLES[key]}` };
    const row = await insertApplication(db, {
      season_id: season.id,
      track_code: track,
      form_id: form.id,
      owner_id: owner.id,
      applicant_kind: 'association',
      title: TITLES[key],
      state: 'eligible',
      draft_answers: JSON.stringify(answers),
      current_version: 1,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    });
    await insertVersion(db, {
      application_id: row.id,
      version: 1,
      form_id: form.id,
      answers: JSON.stringify(answers),
      answers_sha256: 'x',
      submitted_at: now,
      submitted_by: owner.id,
    });
    apps[key] = row.id;
  }
  panelId = await createPanel(t.app.services, systemActor, {
    seasonId: season.id,
    name: 'Panel de la saison 4',
    nameEn: '',
    size: 2,
    recruitUntil: new Date('2026-04-01T00:00:00Z'),
    endsAt: new Date('2026-05-31T21:59:59Z'),
    retentionDays: 30,
    onePerHousehold: false,
    criteria: [{ code: 'impact', label: 'Impact', labelEn: 'Impact' }],
    opinionWeight: 40,
  });
  // Fixture: one panelist already drawn and accepted (the draw itself is tested in panel.test.ts).
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

const page = () => `/admin/panels/${panelId}`;

describe('a citizen panel and staff limited to one track', () => {
  it('leaves the shortlist, which covers every track, to staff without a limit', async () => {
    expect(
      (
        await postForm(t.app, everyTrack.cookie, page(), `${page()}/preselection`, {
          application: [apps.own, apps.other],
        })
      ).statusCode,
    ).toBe(303);
    // The limited member would send their track's application only, dropping the other track's.
    const refused = await postForm(t.app, limited.cookie, page(), `${page()}/preselection`, {
      application: [apps.own],
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('elle demande des droits sur tous les parcours');
    expect(new Set(await shortlistIds(t.app.services.db, panelId))).toEqual(new Set([apps.own, apps.other]));
  });

  it('shows the limited member the shortlist and the panel’s opinions of their track only', async () => {
    expect(
      (
        await postForm(t.app, everyTrack.cookie, page(), `${page()}/preselection`, {
          application: [apps.own, apps.other],
        })
      ).statusCode,
    ).toBe(303);
    for (const key of ['own', 'other'] as const) {
      const url = `/panel/${panelId}/candidatures/${apps[key]}`;
      expect(
        (await postForm(t.app, panelist.cookie, url, url, { score_impact: key === 'own' ? '5' : '2' })).statusCode,
      ).toBe(303);
    }
    const all = await t.app.inject({ method: 'GET', url: page(), headers: { cookie: everyTrack.cookie } });
    expect(all.body).toContain(TITLES.own);
    expect(all.body).toContain(TITLES.other);
    expect(all.body).toContain(apps.other);
    const own = await t.app.inject({ method: 'GET', url: page(), headers: { cookie: limited.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(TITLES.own);
    expect(own.body).not.toContain(TITLES.other);
    expect(own.body).not.toContain(apps.other);
  });
});
