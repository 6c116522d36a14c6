import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  currentForm,
  DEFAULT_FORM,
  insertApplication,
  insertVersion,
  seedOpenSeason,
} from '../../../test/support/factories/applications.js';
import { newsBySlug } from '../../../test/support/factories/content.js';
import { createLaureate, laureateRowsOf } from '../../../test/support/factories/seasons.js';
import { postForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { createSession } from '../../core/auth/sessions.js';
import { refreshPublishedLaureates } from './index.js';
import {
  insertClosedDeliberationForPublication,
  publicationRecordOf,
  updateDecisionForPublication,
} from './testing.js';

let t: TestApp;
let staff: SignedInUser;
let limited: SignedInUser;
let season: { id: string };
let openSeason: { id: string };
let pastSeason: { id: string };
const apps: Record<string, string> = {};
let refs: Map<string, string>;

const EMBARGO_INPUT = '2026-06-15T10:00';
/** 10:00 in Paris on 15 June (summer time, UTC+2). */
const EMBARGO = new Date('2026-06-15T08:00:00Z');

async function makeApplication(seasonId: string, key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { db } = t.app.services;
  const owner = await createSignedInUser(db, t.clock, [], `porteur-${key}`);
  const form = await currentForm(db, seasonId);
  const now = t.clock.now();
  const answers = {
    project_name: `Projet ${key}`,
    project_summary: `Résumé soumis du projet ${key}.`,
    organisation_name: `Association ${key}`,
    project_website: `https://${key}.example.org`,
    ...extra,
  };
  const row = await insertApplication(db, {
    season_id: seasonId,
    track_code: key === 'beta' ? 'autres' : 'numerique',
    form_id: form.id,
    owner_id: owner.id,
    applicant_kind: 'association',
    title: `Projet ${key}`,
    state: 'in_review',
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
  return row.id;
}

async function anonymous(url: string) {
  return t.app.inject({ method: 'GET', url });
}

/** Runs the job the publication left due at the embargo (the worker is off in tests). */
async function runDueBoundaryJob() {
  const handler = t.app.services.jobHandlers.get('seasons.status-boundary');
  expect(handler).toBeDefined();
  await handler!({}, { id: 'test', attempts: 1 });
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-01T10:00:00Z');
  const { db } = t.app.services;
  staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
  limited = await createSignedInUser(db, t.clock, [{ role: 'staff', track: 'numerique' }], 'limited');
  pastSeason = await seedOpenSeason(db, { slug: 'saison-passee', number: 1, form: DEFAULT_FORM });
  await createLaureate(t.app.services, systemActor, pastSeason.id, {
    trackCode: 'numerique',
    name: 'Lauréat saisi à la main',
    organisation: 'Collectif historique',
    summary: 'Un lauréat de la première saison.',
    summaryEn: 'A first-season laureate.',
    website: 'https://historique.example.org',
    position: 1,
  });
  season = await seedOpenSeason(db, { slug: 'saison-publiee', number: 2, form: DEFAULT_FORM });
  for (const key of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) apps[key] = await makeApplication(season.id, key);
  ({ publicRefs: refs } = await insertClosedDeliberationForPublication(db, {
    seasonId: season.id,
    now: t.clock.now(),
    decisions: [
      { applicationId: apps.alpha, outcome: 'laureate', confirmedAt: t.clock.now() },
      { applicationId: apps.beta, outcome: 'laureate' },
      { applicationId: apps.gamma, outcome: 'laureate', declinedAt: t.clock.now() },
      { applicationId: apps.delta, outcome: 'waiting_list', waitlistPosition: 1 },
      { applicationId: apps.epsilon, outcome: 'not_selected' },
    ],
  }));
  openSeason = await seedOpenSeason(db, { slug: 'saison-en-cours', number: 3, form: DEFAULT_FORM });
  const open = await makeApplication(openSeason.id, 'zeta');
  await insertClosedDeliberationForPublication(db, {
    seasonId: openSeason.id,
    now: t.clock.now(),
    status: 'open',
    decisions: [{ applicationId: open, outcome: 'laureate' }],
  });
});

afterAll(async () => {
  await t?.close();
});

const page = (seasonId: string) => `/admin/decisions/${seasonId}/publication`;

describe('publication while the deliberation is open', () => {
  it('shows that the deliberation must be closed first, and offers no form', async () => {
    const res = await t.app.inject({ method: 'GET', url: page(openSeason.id), headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('une fois la délibération close');
    expect(res.body).not.toContain('name="publish_at"');
  });

  it('refuses to publish, and nothing reaches the public pages', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), `${page(openSeason.id)}/publier`, {
      confirm: 'oui',
    });
    expect(res.statusCode).toBe(409);
    expect(await laureateRowsOf(t.app.services.db, openSeason.id)).toEqual([]);
    const record = await publicationRecordOf(t.app.services.db, openSeason.id);
    expect(record.deliberation.published_at).toBeNull();
  });

  it('refuses to save the texts too (409, never 500)', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), page(openSeason.id), { publish_at: '' });
    expect(res.statusCode).toBe(409);
  });
});

describe('the publication page of a closed deliberation', () => {
  it('lists the laureates to publish (confirmed and pending, not the decliner), prefilled from the applications', async () => {
    const res = await t.app.inject({ method: 'GET', url: page(season.id), headers: { cookie: staff.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Projet alpha');
    expect(res.body).toContain('Projet beta');
    expect(res.body).not.toContain('Projet gamma');
    expect(res.body).not.toContain('Projet delta');
    expect(res.body).toContain('Résumé soumis du projet alpha.');
    expect(res.body).toContain(`name="summary__${refs.get(apps.alpha)}"`);
    // The form names the public reference, never the application's id.
    expect(res.body).not.toContain(apps.alpha);
  });

  it('is refused to staff limited to one track (the publication is the whole season’s)', async () => {
    const res = await t.app.inject({ method: 'GET', url: page(season.id), headers: { cookie: limited.cookie } });
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 for an unknown season', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: page('00000000-0000-4000-8000-000000000000'),
      headers: { cookie: staff.cookie },
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a bad date and an empty summary on their fields, keeping what was typed', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), page(season.id), {
      publish_at: '2026-02-30T25:00',
      [`summary__${refs.get(apps.alpha)}`]: '',
      [`summary_en__${refs.get(apps.alpha)}`]: 'Kept English text',
      [`summary__${refs.get(apps.beta)}`]: 'Texte beta',
      action: 'save',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Saisissez une date et une heure valides');
    expect(res.body).toContain('Ce champ est obligatoire.');
    expect(res.body).toContain('Kept English text');
    expect(res.body).toContain('2026-02-30T25:00');
  });

  it('saves the public texts and the embargo (Paris time), then leads to the confirmation step', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), page(season.id), {
      publish_at: EMBARGO_INPUT,
      [`summary__${refs.get(apps.alpha)}`]: 'Alpha ouvre les données des jardins partagés.',
      [`summary_en__${refs.get(apps.alpha)}`]: 'Alpha opens the data of shared gardens.',
      [`summary__${refs.get(apps.beta)}`]: 'Beta relie les ateliers de réparation.',
      [`summary_en__${refs.get(apps.beta)}`]: '',
      action: 'publish',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page(season.id)}/confirmer`);
    const record = await publicationRecordOf(t.app.services.db, season.id);
    expect(new Date(record.deliberation.publish_at!).toISOString()).toBe(EMBARGO.toISOString());
    expect(record.deliberation.published_at).toBeNull();
    const alpha = record.decisions.find((d) => d.application_id === apps.alpha)!;
    expect(alpha.public_summary).toBe('Alpha ouvre les données des jardins partagés.');
    expect(alpha.public_summary_en).toBe('Alpha opens the data of shared gardens.');
    // Nothing public yet: saving is not publishing.
    expect(await laureateRowsOf(t.app.services.db, season.id)).toEqual([]);
  });

  it('the confirmation step shows what will be published and when', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `${page(season.id)}/confirmer`,
      headers: { cookie: staff.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('15 juin 2026 à 10:00');
    expect(res.body).toContain('Vous allez publier en une seule fois les 2 lauréats ci-dessous.');
    expect(res.body).toContain('Projet alpha');
    expect(res.body).toContain('Projet beta');
    expect(res.body).toContain('name="press_release"');
  });

  it('a POST without the confirmation step publishes nothing', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), `${page(season.id)}/publier`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page(season.id)}/confirmer`);
    expect(await laureateRowsOf(t.app.services.db, season.id)).toEqual([]);
  });
});

describe('publishing all decisions at once', () => {
  it('records the publication, writes the laureates under embargo and a draft press release', async () => {
    // The public pages are visited (and cached) before the publication.
    expect((await anonymous('/laureats')).body).not.toContain('Projet alpha');
    const res = await postForm(t.app, staff.cookie, `${page(season.id)}/confirmer`, `${page(season.id)}/publier`, {
      confirm: 'oui',
      press_release: 'on',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${page(season.id)}\\?ok=publie&communique=[0-9a-f-]{36}$`));
    const record = await publicationRecordOf(t.app.services.db, season.id);
    expect(record.deliberation.published_at).not.toBeNull();
    expect(record.deliberation.published_by).toBe(staff.id);
    const rows = await laureateRowsOf(t.app.services.db, season.id);
    expect(rows.map((r) => r.name).sort()).toEqual(['Projet alpha', 'Projet beta']);
    for (const row of rows) {
      expect(new Date(row.visible_from!).toISOString()).toBe(EMBARGO.toISOString());
      // The public reference of the decision, never the application's id.
      expect(Object.values(apps)).not.toContain(row.application_ref);
      expect([refs.get(apps.alpha), refs.get(apps.beta)]).toContain(row.application_ref);
    }
    const draft = await newsBySlug(t.app.services.db, 'laureats-saison-2');
    expect(draft?.status).toBe('draft');
    expect(draft?.body).toContain('Projet alpha');
    expect(draft?.body).toContain('Association beta');
    expect((await anonymous('/actualites/laureats-saison-2')).statusCode).toBe(404);
    // Staff see on the season's laureates page which rows come from the decisions, and from when.
    const admin = await t.app.inject({
      method: 'GET',
      url: `/admin/saisons/${season.id}/laureats`,
      headers: { cookie: staff.cookie },
    });
    expect(admin.body).toContain('Publié depuis les décisions, visible à partir du 15 juin 2026 à 10:00');
    const history = await t.app.inject({
      method: 'GET',
      url: `/admin/saisons/${pastSeason.id}/laureats`,
      headers: { cookie: staff.cookie },
    });
    expect(history.body).toContain('Lauréat saisi à la main');
    expect(history.body).not.toContain('Publié depuis les décisions');
    const after = await t.app.inject({ method: 'GET', url: res.headers.location!, headers: { cookie: staff.cookie } });
    expect(after.body).toContain('Toutes les décisions sont publiées.');
    expect(after.body).toContain(`/admin/contenus/actualites/${draft!.id}`);
  });

  it('before the embargo, the laureates are neither on /laureats nor on the season page', async () => {
    for (const res of [await anonymous('/laureats'), await anonymous('/laureats?saison=saison-publiee')]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Projet alpha');
      expect(res.body).not.toContain('Projet beta');
    }
    const seasonPage = await anonymous('/saisons/saison-publiee');
    expect(seasonPage.statusCode).toBe(200);
    expect(seasonPage.body).not.toContain('2 lauréats');
    // Signed-in visitors (no cache) see the same.
    const signedIn = await t.app.inject({ method: 'GET', url: '/laureats', headers: { cookie: staff.cookie } });
    expect(signedIn.body).not.toContain('Projet alpha');
  });

  it('a job is due at the embargo, to clear the cached public pages then', async () => {
    const jobs = await t.app.services.db
      .selectFrom('jobs')
      .select(['name', 'run_at'])
      .where('name', '=', 'seasons.status-boundary')
      .execute();
    expect(jobs.map((j) => new Date(j.run_at).toISOString())).toContain(EMBARGO.toISOString());
  });

  it('from the embargo on, they are there with project, organisation, track, summary and link', async () => {
    t.clock.set(new Date(EMBARGO.getTime() + 1000));
    // Two weeks later: a fresh session for the staff member.
    staff = { ...staff, cookie: `acc_session=${(await createSession(t.app.services.db, t.clock, staff.id)).token}` };
    await runDueBoundaryJob();
    const res = await anonymous('/laureats?saison=saison-publiee');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Projet alpha');
    expect(res.body).toContain('Association alpha');
    expect(res.body).toContain('Communs numériques');
    expect(res.body).toContain('Alpha ouvre les données des jardins partagés.');
    expect(res.body).toContain('href="https://alpha.example.org"');
    expect(res.body).toContain('Projet beta');
    expect(res.body).toContain('Autres communs');
    expect(res.body).not.toContain('Projet gamma');
    const english = await t.app.inject({
      method: 'GET',
      url: '/laureats?saison=saison-publiee',
      headers: { cookie: 'lang=en' },
    });
    expect(english.body).toContain('Alpha opens the data of shared gardens.');
    expect((await anonymous('/laureats')).body).toContain('Projet alpha');
    expect((await anonymous('/saisons/saison-publiee')).body).toContain('2 lauréats');
  });

  it('the hand-typed laureates of past seasons are unchanged and still shown', async () => {
    const [row] = await laureateRowsOf(t.app.services.db, pastSeason.id);
    expect(row).toMatchObject({
      name: 'Lauréat saisi à la main',
      organisation: 'Collectif historique',
      summary: 'Un lauréat de la première saison.',
      application_ref: null,
      visible_from: null,
    });
    const res = await anonymous('/laureats');
    expect(res.body).toContain('Lauréat saisi à la main');
    expect(res.body).toContain('Collectif historique');
    expect((await anonymous('/saisons/saison-passee')).body).toMatch(/\b1 lauréat(?!s)/);
  });

  it('publishing again adds no row and no second draft (idempotent)', async () => {
    const before = await laureateRowsOf(t.app.services.db, season.id);
    const firstRecord = await publicationRecordOf(t.app.services.db, season.id);
    const draft = await newsBySlug(t.app.services.db, 'laureats-saison-2');
    for (let i = 0; i < 2; i++) {
      const res = await postForm(t.app, staff.cookie, `${page(season.id)}/confirmer`, `${page(season.id)}/publier`, {
        confirm: 'oui',
        press_release: 'on',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain(`communique=${draft!.id}`);
    }
    const after = await laureateRowsOf(t.app.services.db, season.id);
    expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    const record = await publicationRecordOf(t.app.services.db, season.id);
    expect(record.deliberation.published_at).toEqual(firstRecord.deliberation.published_at);
    // Signed in: a fresh render, not a cached page.
    const res = await t.app.inject({
      method: 'GET',
      url: '/laureats?saison=saison-publiee',
      headers: { cookie: staff.cookie },
    });
    expect(
      res.body.match(/<h3 class="fr-card__title"><a href="\/laureats\/[0-9a-f-]{36}">Projet alpha<\/a><\/h3>/g),
    ).toHaveLength(1);
    expect(await laureateRowsOf(t.app.services.db, pastSeason.id)).toHaveLength(1);
  });

  it('publishing twice at the same moment still gives one row per laureate', async () => {
    const fire = () =>
      postForm(t.app, staff.cookie, `${page(season.id)}/confirmer`, `${page(season.id)}/publier`, { confirm: 'oui' });
    const answers = await Promise.all([fire(), fire(), fire()]);
    expect(answers.map((a) => a.statusCode)).toEqual([303, 303, 303]);
    expect(await laureateRowsOf(t.app.services.db, season.id)).toHaveLength(2);
  });
});

describe('after publication', () => {
  it('a corrected summary saved on the page reaches the public laureate', async () => {
    const res = await postForm(t.app, staff.cookie, page(season.id), page(season.id), {
      publish_at: EMBARGO_INPUT,
      [`summary__${refs.get(apps.alpha)}`]: 'Alpha, texte corrigé.',
      [`summary__${refs.get(apps.beta)}`]: 'Beta relie les ateliers de réparation.',
      action: 'save',
    });
    expect(res.statusCode).toBe(303);
    expect((await anonymous('/laureats?saison=saison-publiee')).body).toContain('Alpha, texte corrigé.');
  });

  it('refreshPublishedLaureates follows a decliner replaced from the waiting list', async () => {
    const { db } = t.app.services;
    await updateDecisionForPublication(db, apps.beta, { declinedAt: t.clock.now() });
    await updateDecisionForPublication(db, apps.delta, { outcome: 'laureate' });
    expect(await refreshPublishedLaureates(t.app.services, systemActor, season.id)).toBe(true);
    const rows = await laureateRowsOf(db, season.id);
    expect(rows.map((r) => r.name).sort()).toEqual(['Projet alpha', 'Projet delta']);
    expect(rows.every((r) => new Date(r.visible_from!).getTime() === EMBARGO.getTime())).toBe(true);
    const res = await anonymous('/laureats?saison=saison-publiee');
    expect(res.body).toContain('Projet delta');
    expect(res.body).not.toContain('Projet beta');
    expect(await laureateRowsOf(db, pastSeason.id)).toHaveLength(1);
  });

  it('refreshPublishedLaureates does nothing for a season not yet published', async () => {
    expect(await refreshPublishedLaureates(t.app.services, systemActor, openSeason.id)).toBe(false);
    expect(await laureateRowsOf(t.app.services.db, openSeason.id)).toEqual([]);
  });
});
