import { escapeHtml } from '@kitajs/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../src/core/auth/permissions.js';
import { createLaureate } from './support/factories/seasons.js';
import { type FormFields, formBody } from './support/forms.js';
import { fillPath, obtainCsrf, type RouteEntry } from './support/routes.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createSignedInUser, MATRIX_ROLES, type SignedInUser } from './support/users.js';

/**
 * The authorisation matrix's track dimension, on the demo (applications, jury, conflicts, pairs and a
 * citizen panel in both tracks of the open season). Every staff route is classified, by its own config
 * (`allTracks: true`, or `tracks: 'one' | 'filtered' | 'none'`, so that a module classifies its routes in
 * its folder) or by the lists below, which also hold the cases that test the built-in modules' routes; a new
 * staff route that says nothing fails the first test until someone decides which class it belongs to. Every
 * `allTracks` route, listed or not, is checked to refuse a limited member.
 
 *
 * - EVERY_TRACK: the action concerns the whole season (its settings, form, jury, phases, assignment,
 *   reminders, rubric, ranking seed, panel): refused (403, "droits sur tous les parcours") to a staff
 *   member limited to one track, whatever the ids, and nothing is recorded.
 * - ONE_TRACK: the action or page concerns one object of one track (an application, a conflict, a pair, a
 *   laureate): given the other track's object, the limited member is refused and nothing is recorded;
 *   given their own track's object, the page opens.
 * - FILTERED: lists and exports that show the limited member their tracks' applications only.
 * - NOT_TRACK_BOUND: pages and actions that hold no track's applications (public content, read-only
 *   season-wide settings, the lists of seasons and juries).
 */
const EVERY_TRACK = [
  'GET /admin/saisons/nouvelle',
  'POST /admin/saisons',
  'GET /admin/saisons/:id/modifier',
  'POST /admin/saisons/:id',
  'POST /admin/saisons/:seasonId/formulaire',
  'POST /admin/saisons/:seasonId/formulaire/json',
  'POST /admin/saisons/:seasonId/formulaire/defaut',
  'POST /admin/saisons/:seasonId/formulaire/copie',
  'POST /admin/saisons/:id/jury',
  'GET /admin/saisons/:id/jury/membres/:memberId/modifier',
  'POST /admin/saisons/:id/jury/membres/:memberId',
  'POST /admin/saisons/:id/jury/membres/:memberId/retirer',
  'POST /admin/saisons/:id/jury/phases',
  'GET /admin/saisons/:id/jury/phases/:phaseId/modifier',
  'POST /admin/saisons/:id/jury/phases/:phaseId',
  'POST /admin/saisons/:id/jury/affectation',
  'POST /admin/saisons/:id/jury/affectation/publier',
  'POST /admin/evaluations/:seasonId/relances',
  'POST /admin/evaluations/:seasonId/bareme',
  'POST /admin/evaluations/:seasonId/classement/graine',
  'GET /admin/panels/nouveau',
  'POST /admin/panels',
  'GET /admin/panels/:id/modifier',
  'POST /admin/panels/:id/modifier',
  'POST /admin/panels/:id/quotas',
  'POST /admin/panels/:id/statut',
  'POST /admin/panels/:id/analyses',
  'POST /admin/panels/:id/engagement',
  'POST /admin/panels/:id/tirage',
  'POST /admin/panels/:id/remplacement',
  'POST /admin/panels/:id/preselection',
];

/** Ids of the demo's open season, and of one object of each kind per track. */
interface TrackIds {
  application: string;
  applicationTitle: string;
  conflict: string;
  assignment: string;
  laureate: string;
}
interface DemoIds {
  season: string;
  panel: string;
  member: string;
  phase: string;
  own: TrackIds;
  other: TrackIds;
}

/** ONE_TRACK routes, with the form to send (the object of the track given is in the URL or the form). */
const ONE_TRACK: Record<string, (ids: DemoIds, track: TrackIds) => FormFields> = {
  'GET /admin/candidatures/:id': () => ({}),
  'GET /admin/candidatures/:id/avis': () => ({}),
  'GET /admin/candidatures/:id/fichiers/:fileId': () => ({}),
  'POST /admin/candidatures/:id/organisation': () => ({}),
  'POST /admin/candidatures/:id/etat': () => ({ to: 'ineligible', reason: 'Hors du champ de l’appel' }),
  'POST /admin/candidatures/:id/avis': () => ({
    expert_email: 'experte@example.org',
    question: 'Votre avis sur la faisabilité ?',
  }),
  'POST /admin/candidatures/:id/messages': () => ({ body: 'Bonjour, une question sur votre dossier.' }),
  'POST /admin/candidatures/:id/notes': () => ({ body: 'Note interne' }),
  'POST /admin/candidatures/lot': (_ids, track) => ({ action: 'in_review', ids: [track.application] }),
  'POST /admin/saisons/:id/jury/conflits': (ids, track) => ({
    application_id: track.application,
    member_id: ids.member,
    reason: 'Ancien collègue',
  }),
  'POST /admin/saisons/:id/jury/conflits/:conflictId/lever': () => ({}),
  'POST /admin/saisons/:id/jury/affectation/paires': (ids, track) => ({
    application_id: track.application,
    member_id: ids.member,
  }),
  'POST /admin/saisons/:id/jury/affectation/paires/:assignmentId/retirer': () => ({}),
  'POST /admin/saisons/:id/laureats': () => ({ name: 'Projet lauréat', track_code: 'autres-communs', position: '9' }),
  'GET /admin/saisons/:id/laureats/:laureateId/modifier': () => ({}),
  'POST /admin/saisons/:id/laureats/:laureateId': () => ({
    name: 'Projet lauréat modifié',
    track_code: 'autres-communs',
    position: '9',
  }),
  'POST /admin/saisons/:id/laureats/:laureateId/supprimer': () => ({}),
};

/** FILTERED pages and exports: none shows the limited member an application of the other track. */
const FILTERED = [
  'GET /admin/candidatures',
  'GET /admin/candidatures/export.csv',
  'GET /admin/candidatures/export.xlsx',
  'GET /admin/candidatures/export.json',
  'GET /admin/candidatures/export.zip',
  'GET /admin/candidatures/lot/tous',
  'POST /admin/candidatures/lot/tous',
  'GET /admin/saisons/:id/jury/conflits',
  'GET /admin/saisons/:id/jury/affectation',
  'GET /admin/evaluations/:seasonId',
  'GET /admin/evaluations/:seasonId/classement',
  'GET /admin/evaluations/:seasonId/classement.csv',
  'GET /admin/panels/:id',
];

const NOT_TRACK_BOUND = [
  'GET /admin',
  'GET /admin/saisons',
  'GET /admin/saisons/:id/laureats',
  'GET /admin/saisons/:seasonId/formulaire',
  'GET /admin/saisons/:seasonId/formulaire/apercu',
  'POST /admin/saisons/:seasonId/formulaire/apercu',
  'GET /admin/jury',
  'GET /admin/saisons/:id/jury',
  'GET /admin/saisons/:id/jury/phases',
  'GET /admin/evaluations',
  'GET /admin/evaluations/:seasonId/bareme',
  'GET /admin/panels',
];

const key = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** Routes a staff grant opens; content routes are the public site's, not a season's. */
function staffRoutes(t: TestApp): (RouteEntry & { allTracks: boolean; tracks?: string })[] {
  return t.app.services.routes
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
    .filter((r) => (PERMISSIONS[r.permission as Permission] as readonly string[] | undefined)?.includes('staff'))
    .filter(
      (r) =>
        !r.url.startsWith('/admin/contenus') && r.permission !== 'content.manage' && r.permission !== 'files.upload',
    );
}

let t: TestApp;
let limited: SignedInUser;
let everyTrack: SignedInUser;
let ids: DemoIds;

async function auditCount(): Promise<number> {
  const row = await t.app.services.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function trackIds(season: string, track: string, title: string): Promise<TrackIds> {
  const { db } = t.app.services;
  const inTrack = await db
    .selectFrom('applications')
    .select(['id', 'title'])
    .where('season_id', '=', season)
    .where('track_code', '=', track)
    .execute();
  const appIds = inTrack.map((a) => a.id);
  const conflict = await db
    .selectFrom('review_conflicts')
    .select(['id', 'application_id'])
    .where('application_id', 'in', appIds)
    .executeTakeFirst();
  const assignment = await db
    .selectFrom('review_assignments')
    .select(['id', 'application_id'])
    .where('application_id', 'in', appIds)
    .executeTakeFirstOrThrow();
  const application = conflict?.application_id ?? assignment.application_id;
  const actor = { id: null, label: 'test' };
  const laureate = await createLaureate(t.app.services, actor, season, {
    position: 9,
    trackCode: track,
    name: title,
    organisation: '',
    summary: '',
    summaryEn: '',
    website: '',
  });
  let conflictId = conflict?.id;
  if (!conflictId) {
    const member = await db
      .selectFrom('jury_members')
      .select('id')
      .where('season_id', '=', season)
      .executeTakeFirstOrThrow();
    const made = await db
      .insertInto('review_conflicts')
      .values({
        application_id: application,
        member_id: member.id,
        source: 'staff',
        reason: 'Test',
        created_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    conflictId = made.id;
  }
  return {
    application,
    applicationTitle: inTrack.find((a) => a.id === application)!.title,
    conflict: conflictId,
    assignment: assignment.id,
    laureate,
  };
}

/** The URL of a route with the demo's ids, the object ones taken from the given track. */
function urlOf(url: string, track: TrackIds): string {
  return fillPath(url, (name) => {
    if (url.startsWith('/admin/candidatures/') && name === 'id') return track.application;
    if (url.startsWith('/admin/panels/') && name === 'id') return ids.panel;
    const values: Record<string, string> = {
      id: ids.season,
      seasonId: ids.season,
      memberId: ids.member,
      phaseId: ids.phase,
      conflictId: track.conflict,
      assignmentId: track.assignment,
      laureateId: track.laureate,
    };
    return values[name] ?? '00000000-0000-4000-8000-000000000000';
  });
}

async function send(person: SignedInUser, method: string, url: string, fields: FormFields = {}) {
  if (method === 'GET') return t.app.inject({ method: 'GET', url, headers: { cookie: person.cookie } });
  const csrf = (await obtainCsrf(t.app, person.cookie))!;
  const body = formBody({ ...fields, _csrf: csrf.token });
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: `${person.cookie}; ${csrf.cookie}` },
  });
}

function mentions(body: string, track: TrackIds): boolean {
  return (
    body.includes(track.application) ||
    body.includes(track.applicationTitle) ||
    body.includes(escapeHtml(track.applicationTitle))
  );
}

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
  const { db } = t.app.services;
  const role = (name: string) => MATRIX_ROLES.find((r) => r.name === name)!;
  limited = await createSignedInUser(db, t.clock, role('staff-one-track').grants, 'staff-one-track');
  everyTrack = await createSignedInUser(db, t.clock, role('staff').grants, 'staff');
  const ownTrack = role('staff-one-track').grants[0].track!;
  const anyOther = await db
    .selectFrom('applications')
    .select('season_id')
    .where('track_code', '!=', ownTrack)
    .executeTakeFirstOrThrow();
  const season = anyOther.season_id;
  const otherTrack = (
    await db
      .selectFrom('season_tracks')
      .select('code')
      .where('season_id', '=', season)
      .where('code', '!=', ownTrack)
      .executeTakeFirstOrThrow()
  ).code;
  const panel = await db.selectFrom('panels').select('id').where('season_id', '=', season).executeTakeFirstOrThrow();
  const member = await db
    .selectFrom('jury_members')
    .select('id')
    .where('season_id', '=', season)
    .where('removed_at', 'is', null)
    .executeTakeFirstOrThrow();
  const phase = await db
    .selectFrom('review_phases')
    .select('id')
    .where('season_id', '=', season)
    .executeTakeFirstOrThrow();
  ids = {
    season,
    panel: panel.id,
    member: member.id,
    phase: phase.id,
    own: await trackIds(season, ownTrack, 'Lauréat du parcours propre'),
    other: await trackIds(season, otherTrack, 'Lauréat de l’autre parcours'),
  };
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('authorisation matrix: the track dimension', () => {
  it('classifies every staff route, and exactly the season-wide ones need rights on every track', () => {
    const routes = staffRoutes(t);
    const listed: Record<string, string> = Object.fromEntries([
      ...EVERY_TRACK.map((k) => [k, 'every']),
      ...Object.keys(ONE_TRACK).map((k) => [k, 'one']),
      ...FILTERED.map((k) => [k, 'filtered']),
      ...NOT_TRACK_BOUND.map((k) => [k, 'none']),
    ]);
    const declared = (r: (typeof routes)[number]) => (r.allTracks ? 'every' : r.tracks);
    const unclassified = routes.filter((r) => !declared(r) && !listed[key(r)]).map(key);
    expect(unclassified, 'decide whether these routes concern every track, one track, or none').toEqual([]);
    // A route both listed here and classified by its config must say the same; a listed season-wide route
    // must carry the flag the app enforces, and no route listed in another class may carry it.
    const disagreeing = routes
      .filter((r) => listed[key(r)] && (declared(r) ?? listed[key(r)]) !== listed[key(r)])
      .map((r) => `${key(r)}: listed ${listed[key(r)]}, declared ${declared(r)}`);
    expect(disagreeing).toEqual([]);
    const missingFlag = EVERY_TRACK.filter((k) => !routes.some((r) => key(r) === k && r.allTracks));
    expect(missingFlag).toEqual([]);
  });

  it('refuses every season-wide route to a staff member limited to one track, with the page that says why, and records nothing', async () => {
    const problems: string[] = [];
    for (const route of staffRoutes(t).filter((r) => r.allTracks)) {
      const url = urlOf(route.url, ids.own);
      const before = await auditCount();
      const refused = await send(limited, route.method, url, {});
      if (refused.statusCode !== 403 || !refused.body.includes('droits sur tous les parcours'))
        problems.push(`${route.method} ${url}: ${refused.statusCode}`);
      if ((await auditCount()) !== before) problems.push(`${route.method} ${url}: something was recorded`);
      // The listed ones are the demo's, whose ids urlOf knows: they open for staff without a limit.
      if (route.method === 'GET' && EVERY_TRACK.includes(key(route))) {
        const allowed = await send(everyTrack, 'GET', url);
        if (allowed.statusCode !== 200)
          problems.push(`${route.method} ${url} as staff without a limit: ${allowed.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('says why in the visitor’s language', async () => {
    const url = `/admin/saisons/${ids.season}/jury/phases/${ids.phase}/modifier`;
    const english = await t.app.inject({ method: 'GET', url, headers: { cookie: `${limited.cookie}; lang=en` } });
    expect(english.statusCode).toBe(403);
    expect(english.body).toContain('it needs rights on every track');
    expect(english.body).not.toContain('tous les parcours');
  });

  it('refuses every per-application route on the other track’s object, records nothing, and opens it on the member’s own track', async () => {
    const problems: string[] = [];
    for (const [entry, fieldsOf] of Object.entries(ONE_TRACK)) {
      const [method, pattern] = entry.split(' ');
      const url = urlOf(pattern, ids.other);
      const before = await auditCount();
      const response = await send(limited, method, url, fieldsOf(ids, ids.other));
      const where = `${method} ${url}: ${response.statusCode}`;
      if (response.statusCode >= 500) problems.push(`${where} server error`);
      // The batch answers 200 with each refused application listed; every other route refuses outright.
      if (entry !== 'POST /admin/candidatures/lot' && ![400, 403, 404].includes(response.statusCode))
        problems.push(`${where} not refused`);
      if ((await auditCount()) !== before) problems.push(`${where} something was recorded`);
      if (method === 'GET' && !pattern.includes(':fileId')) {
        const own = await send(limited, 'GET', urlOf(pattern, ids.own));
        if (own.statusCode !== 200) problems.push(`${method} ${pattern} on the member’s own track: ${own.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the limited member no application of the other track on the filtered pages and exports', async () => {
    const problems: string[] = [];
    for (const entry of FILTERED.filter((e) => e.startsWith('GET '))) {
      const pattern = entry.slice(4);
      const url = urlOf(pattern, ids.own);
      const seen = await send(limited, 'GET', url);
      if (seen.statusCode !== 200) problems.push(`${url}: ${seen.statusCode}`);
      if (mentions(seen.body, ids.other)) problems.push(`${url} shows the other track’s application`);
    }
    // Staff without a limit see it on the pages that list it, so the check can fail.
    for (const url of [
      '/admin/candidatures',
      `/admin/saisons/${ids.season}/jury/conflits`,
      `/admin/panels/${ids.panel}`,
    ]) {
      expect(mentions((await send(everyTrack, 'GET', url)).body, ids.other), url).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
