import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rolesOfEmail } from '../../../test/support/factories/accounts.js';
import { formBody, formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { buildInstance, drawReplacements, panelProblems, verifyPublished } from '../../algorithms/sortition/index.js';
import { publishedInput } from './draw-panel.js';
import { MAX_PER_IP } from './register-volunteer.js';
import { sortitionCommands } from './sortition-commands.js';
import { criteriaFields, quotaFields } from './testing.js';

let t: TestApp;
let staff: string;
let admin: string;
let panelId: string;

const QUOTAS = [
  'genre;femme;Femme;Woman;2;2',
  'genre;homme;Homme;Man;2;2',
  'age;jeune;18-39 ans;18-39;1;3',
  'age;senior;40 ans et plus;40 and over;1;3',
].join('\n');

/** The 12 volunteers: 6 women and 6 men, half of each young. */
const PEOPLE = Array.from({ length: 12 }, (_, i) => ({
  genre: i % 2 === 0 ? 'femme' : 'homme',
  age: i % 4 < 2 ? 'jeune' : 'senior',
  email: `volontaire${i}@example.org`,
}));

async function post(cookie: string, url: string, page: string, fields: Record<string, string>, remoteAddress?: string) {
  const session = await formSession(t.app, cookie, page);
  const response = await submitForm(t.app, session, url, fields, { remoteAddress });
  return { response, session };
}

function volunteerFields(
  person: { genre: string; age: string; email: string },
  session: { html: string },
  extra: Record<string, string> = {},
) {
  const key = /name="submission_key" value="([^"]*)"/.exec(session.html)?.[1] ?? '';
  return {
    given_name: 'Camille',
    family_name: 'Martin',
    email: person.email,
    phone: '',
    availability: 'le soir',
    q_genre: person.genre,
    q_age: person.age,
    consent: 'on',
    address: '1 rue de la Paix, Paris',
    submission_key: key,
    ...extra,
  };
}

async function volunteer(
  person: { genre: string; age: string; email: string },
  ip: string,
  extra: Record<string, string> = {},
) {
  const session = await formSession(t.app, '', `/panel-citoyen/${panelId}`);
  return t.app.inject({
    method: 'POST',
    url: `/panel-citoyen/${panelId}`,
    ...formBody({ _csrf: session.csrf, ...volunteerFields(person, session, extra) }),
    headers: { ...formBody({}).headers, cookie: session.cookie },
    remoteAddress: ip,
  });
}

async function lastMailTo(email: string, template: string) {
  return t.app.services.db
    .selectFrom('mails')
    .selectAll()
    .where('to_address', '=', email)
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
  admin = await signedInAs(t.app, t.clock, 'admin', 'admin@example.fr');
});
afterAll(() => t.close());

describe('panel set-up', () => {
  it('refuses a bad panel form with errors on the fields and keeps what was typed', async () => {
    const { response } = await post(staff, '/admin/panels', '/admin/panels/nouveau', {
      name: '<script>x</script>',
      size: 'quinze',
      recruit_until: '2026-04-30',
      ends_on: '2026-04-01',
      retention_days: '90',
      ...criteriaFields('Pas un code;;'),
      opinion_weight: '300',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="size-error"');
    expect(response.body).toContain('id="ends_on-error"');
    expect(response.body).toContain('id="criteria.0.code-error"');
    expect(response.body).toContain('id="criteria.0.label-error"');
    expect(response.body).toContain('id="opinion_weight-error"');
    // Kept, inside a quoted attribute whose quotes cannot be broken out of.
    expect(response.body).toContain('name="name" value="<script>x</script>"');
  });

  it('creates a panel, refuses sensitive or malformed quotas, saves good ones and opens the call', async () => {
    const { response } = await post(staff, '/admin/panels', '/admin/panels/nouveau', {
      name: 'Panel de la saison',
      name_en: 'Season panel',
      season_id: '',
      size: '4',
      recruit_until: '2026-04-30',
      ends_on: '2026-06-30',
      retention_days: '30',
      one_per_household: 'on',
      ...criteriaFields('interet-general;Intérêt général;General interest\nimpact;Impact;Impact'),
      opinion_weight: '30',
    });
    expect(response.statusCode).toBe(303);
    panelId = /\/admin\/panels\/([0-9a-f-]{36})/.exec(response.headers.location as string)![1];

    const page = `/admin/panels/${panelId}`;
    const sensitive = await post(
      staff,
      `${page}/quotas`,
      page,
      quotaFields('religion;catholique;Catholique;Catholic;0;4\nreligion;autre;Autre;Other;0;4'),
    );
    expect(sensitive.response.statusCode).toBe(400);
    expect(sensitive.response.body).toContain('article 9');
    const malformed = await post(staff, `${page}/quotas`, page, quotaFields('genre;femme;Femme;Woman;3;2'));
    expect(malformed.response.statusCode).toBe(400);
    expect(malformed.response.body).toContain('id="quotas.0.max-error"');
    expect(malformed.response.body).toContain('Quotas, ligne 1, maximum');
    expect(malformed.response.body).toContain('name="quotas.0.min" value="3"'); // kept

    const refused = await post(staff, `${page}/statut`, page, { status: 'recruiting' });
    expect(refused.response.statusCode).toBe(409);

    expect((await post(staff, `${page}/quotas`, page, quotaFields(QUOTAS))).response.statusCode).toBe(303);
    expect((await post(staff, `${page}/statut`, page, { status: 'recruiting' })).response.statusCode).toBe(303);
    const after = await post(staff, `${page}/quotas`, page, quotaFields(QUOTAS));
    expect(after.response.statusCode).toBe(409); // quotas are frozen once volunteers answer them
  });
});

describe('public volunteer page', () => {
  it('needs consent, checks every answer, and keeps the input', async () => {
    const session = await formSession(t.app, '', `/panel-citoyen/${panelId}`);
    expect(session.html).toContain('18-39 ans');
    expect(session.html).toContain('sensible');
    const fields = volunteerFields(PEOPLE[0], session, {
      consent: '',
      q_genre: 'licorne',
      email: 'pas-une-adresse',
      given_name: '"><img src=x onerror=alert(1)>',
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/panel-citoyen/${panelId}`,
      ...formBody({ _csrf: session.csrf, ...fields }),
      headers: { ...formBody({}).headers, cookie: session.cookie },
      remoteAddress: '192.0.2.1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="consent-error"');
    expect(response.body).toContain('id="q_genre-error"');
    expect(response.body).toContain('id="email-error"');
    expect(response.body).toContain('value="pas-une-adresse"');
    expect(response.body).toContain('value="&#34;><img src=x onerror=alert(1)>"');
    expect(response.body).not.toContain('value=""><img');
    expect(await t.app.services.db.selectFrom('panel_volunteers').select('id').execute()).toHaveLength(0);
  });

  it('refuses a post without CSRF token, and wrong types', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/panel-citoyen/${panelId}`,
      ...formBody({ email: 'x@example.org' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    const session = await formSession(t.app, '', `/panel-citoyen/${panelId}`);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/panel-citoyen/${panelId}`,
      payload: { _csrf: session.csrf, email: ['a', 'b'], q_genre: { $gt: '' }, consent: 1 },
      headers: { cookie: session.cookie },
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('records volunteers once each, with the confirmation mail, and limits senders', async () => {
    for (const [i, person] of PEOPLE.entries()) {
      const response = await volunteer(person, `198.51.100.${i + 1}`, { address: `${i} rue des Lilas` });
      expect(response.statusCode, response.body).toBe(200);
    }
    const mail = await lastMailTo(PEOPLE[0].email, 'panel.volunteer-confirmation');
    expect(mail?.text_body).toContain('Panel de la saison');

    // A replayed form (same one-time key) is answered as done and stored once.
    const session = await formSession(t.app, '', `/panel-citoyen/${panelId}`);
    const fields = volunteerFields({ genre: 'femme', age: 'jeune', email: 'double@example.org' }, session);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: `/panel-citoyen/${panelId}`,
        ...formBody({ _csrf: session.csrf, ...fields }),
        headers: { ...formBody({}).headers, cookie: session.cookie },
        remoteAddress: '203.0.113.50',
      });
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    const doubles = await t.app.services.db
      .selectFrom('panel_volunteers')
      .select('id')
      .where('email', '=', 'double@example.org')
      .execute();
    expect(doubles).toHaveLength(1);
    // The same address again with a fresh form: an error on the email field.
    const again = await volunteer({ genre: 'femme', age: 'jeune', email: 'double@example.org' }, '203.0.113.51');
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('déjà inscrite');
    await t.app.services.db.deleteFrom('panel_volunteers').where('email', '=', 'double@example.org').execute();

    // Rate limit per IP.
    for (let i = 0; i < MAX_PER_IP; i++)
      expect(
        (await volunteer({ genre: 'homme', age: 'senior', email: `flood${i}@example.org` }, '203.0.113.99')).statusCode,
      ).toBe(200);
    const limited = await volunteer({ genre: 'homme', age: 'senior', email: 'flood-last@example.org' }, '203.0.113.99');
    expect(limited.statusCode).toBe(429);
    await t.app.services.db.deleteFrom('panel_volunteers').where('email', 'like', 'flood%').execute();

    const demographics = await t.app.services.db.selectFrom('panel_demographics').selectAll().execute();
    expect(demographics).toHaveLength(12);
    expect(new Date(demographics[0].delete_after).toISOString()).toBe('2026-07-30T21:59:59.000Z'); // 30 days after 30 June 23:59:59 Paris
  });

  it('shows staff the counts per quota value, and individual answers only to panel.demographics', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/admin/panels/${panelId}`, headers: { cookie: staff } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<td>18-39 ans<\/td><td>1<\/td><td>3<\/td><td>6<\/td>/);
    expect(page.body).not.toContain('volontaire0@example.org'); // no individual data before the draw
    expect(page.body).not.toContain('/demographie');
    const forbidden = await t.app.inject({
      method: 'GET',
      url: `/admin/panels/${panelId}/demographie`,
      headers: { cookie: staff },
    });
    expect(forbidden.statusCode).toBe(403);
    const allowed = await t.app.inject({
      method: 'GET',
      url: `/admin/panels/${panelId}/demographie`,
      headers: { cookie: admin },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('volontaire0@example.org');
    expect(allowed.body).toContain('18-39 ans');
    const anonymous = await t.app.inject({ method: 'GET', url: `/admin/panels/${panelId}/demographie` });
    expect(anonymous.statusCode).toBe(303);
  });
});

describe('analysis, commitment, draw, invitations and replacement', () => {
  it('runs LEXIMIN and LEGACY as a job and charts them', async () => {
    const page = `/admin/panels/${panelId}`;
    t.clock.advance(60_000);
    expect((await post(staff, `${page}/analyses`, page, {})).response.statusCode).toBe(303);
    const before = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(before.body).toContain('Calcul en cours');
    await t.app.services.worker.drain();
    const rows = await t.app.services.db.selectFrom('panel_analyses').selectAll().execute();
    const leximin = rows.find((r) => r.algorithm === 'leximin')!;
    expect(leximin.state).toBe('done');
    // 6 women, 6 men, 2 of each on a panel of 4: everyone can get exactly 1/3.
    expect(leximin.result!.minProbability).toBeCloseTo(1 / 3, 6);
    expect(leximin.result!.n).toBe(12);
    expect(rows.find((r) => r.algorithm === 'legacy')!.state).toBe('done');
    const after = await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } });
    expect(after.body).toContain('<svg role="img"');
    expect(after.body).toContain('LEXIMIN : probabilité minimale 33,33 %');
    expect(after.body).toContain('LEGACY');
  });

  it('explains infeasible quotas with the nearest relaxation', async () => {
    const { db } = t.app.services;
    await db
      .updateTable('panel_quotas')
      .set({ min: 3, max: 3 })
      .where('panel_id', '=', panelId)
      .where('category', '=', 'genre')
      .execute();
    const page = `/admin/panels/${panelId}`;
    t.clock.advance(60_000); // the page shows the latest request
    await post(staff, `${page}/analyses`, page, {});
    await t.app.services.worker.drain();
    const body = (await t.app.inject({ method: 'GET', url: page, headers: { cookie: staff } })).body;
    expect(body).toContain('Aucun panel ne respecte ces quotas');
    expect(body).toContain('Assouplissement le plus proche');
    expect(body).toContain('La somme des minimums de « genre » (6) dépasse la taille du panel (4).');
    await db
      .updateTable('panel_quotas')
      .set({ min: 2, max: 2 })
      .where('panel_id', '=', panelId)
      .where('category', '=', 'genre')
      .execute();
  });

  let selected: string[] = [];

  it('publishes a commitment, draws from the public value, and the published files verify', async () => {
    const page = `/admin/panels/${panelId}`;
    expect((await post(staff, `${page}/engagement`, page, {})).response.statusCode).toBe(303);
    expect((await post(staff, `${page}/engagement`, page, {})).response.statusCode).toBe(409);
    await t.app.services.worker.drain();
    const transparency = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence` });
    expect(transparency.statusCode).toBe(200);
    expect(transparency.body).toContain('npx accelerateur sortition verify');
    // The same check in the browser: a form the script shows, the script served (issue 13).
    expect(transparency.body).toContain('data-draw-verifier hidden');
    expect(transparency.body).toContain('<script src="/transparence/verification-tirage.js" defer></script>');
    const commitment = /<code>([0-9a-f]{64})<\/code>/.exec(transparency.body)![1];
    const pool = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/pool.csv` });
    expect(pool.statusCode).toBe(200);
    expect(pool.body).not.toContain('Camille');
    expect(pool.body).not.toContain('@');
    expect(pool.body.split('\n')[0]).toBe('id,genre,age');

    const missing = await post(staff, `${page}/tirage`, page, { random: '', witnesses: '' });
    expect(missing.response.statusCode).toBe(400);
    expect(missing.response.body).toContain('id="random-error"');
    const drawn = await post(staff, `${page}/tirage`, page, {
      random: '4 2 6 1 3',
      witnesses: 'Alice Dupont, Bernard Martin',
    });
    expect(drawn.response.statusCode).toBe(303);
    expect((await post(staff, `${page}/tirage`, page, { random: '1 1 1', witnesses: 'X' })).response.statusCode).toBe(
      409,
    );

    const files: Record<string, string> = {};
    for (const name of ['categories.csv', 'pool.csv', 'slots.json', 'commitment.txt', 'draw.json']) {
      const file = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/${name}` });
      expect(file.statusCode).toBe(200);
      files[name] = file.body;
    }
    const report = verifyPublished({
      categories: files['categories.csv'],
      pool: files['pool.csv'],
      slots: files['slots.json'],
      commitment: files['commitment.txt'],
      draw: files['draw.json'],
    });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.commitment).toBe(commitment);
    selected = report.members!;
    expect(selected).toHaveLength(4);
    const tampered = verifyPublished({
      categories: files['categories.csv'],
      pool: files['pool.csv'],
      slots: files['slots.json'],
      commitment: files['commitment.txt'],
      draw: files['draw.json'].replace('4 2 6 1 3', '4 2 6 1 4'),
    });
    expect(tampered.ok).toBe(false);
    const after = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence` });
    expect(after.body).toContain('Alice Dupont, Bernard Martin');
    expect(after.body).toContain(selected.join(', '));
  });

  it('invites the selected; a decline is replaced keeping the quotas; an accept grants the panelist role', async () => {
    const { db } = t.app.services;
    const members = await db
      .selectFrom('panel_members')
      .innerJoin('panel_volunteers', 'panel_volunteers.id', 'panel_members.volunteer_id')
      .select(['panel_members.pool_id', 'panel_volunteers.email'])
      .execute();
    expect(members.map((mb) => mb.pool_id).sort()).toEqual([...selected].sort());
    const tokenOf = async (email: string) =>
      /jeton=([^\s&]+)/.exec((await lastMailTo(email, 'panel.invitation'))!.text_body)![1];
    const [first, second] = members;

    const bad = await t.app.inject({ method: 'GET', url: '/panel-citoyen/invitation?jeton=nope' });
    expect(bad.statusCode).toBe(400);
    const acceptToken = await tokenOf(first.email);
    const invitation = await formSession(t.app, '', `/panel-citoyen/invitation?jeton=${acceptToken}`);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/panel-citoyen/invitation',
      ...formBody({ _csrf: invitation.csrf, jeton: acceptToken, reponse: 'accepter' }),
      headers: { ...formBody({}).headers, cookie: invitation.cookie },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.body).toContain('href="/connexion?retour=%2Fpanel"');
    expect(await rolesOfEmail(db, first.email)).toEqual(['panelist']);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/panel-citoyen/invitation',
      ...formBody({ _csrf: invitation.csrf, jeton: acceptToken, reponse: 'decliner' }),
      headers: { ...formBody({}).headers, cookie: invitation.cookie },
    });
    expect(reused.statusCode).toBe(400);

    const declineToken = await tokenOf(second.email);
    const declineSession = await formSession(t.app, '', `/panel-citoyen/invitation?jeton=${declineToken}`);
    const declined = await t.app.inject({
      method: 'POST',
      url: '/panel-citoyen/invitation',
      ...formBody({ _csrf: declineSession.csrf, jeton: declineToken, reponse: 'decliner' }),
      headers: { ...formBody({}).headers, cookie: declineSession.cookie },
    });
    expect(declined.statusCode).toBe(200);
    expect(await rolesOfEmail(db, second.email)).toEqual([]);

    const page = `/admin/panels/${panelId}`;
    const replaced = await post(staff, `${page}/remplacement`, page, { random: '5 5 2', witnesses: 'Chloé Petit' });
    expect(replaced.response.statusCode).toBe(303);
    const nothing = await post(staff, `${page}/remplacement`, page, { random: '5 5 3', witnesses: 'Chloé Petit' });
    expect(nothing.response.statusCode).toBe(409);

    const now = await db.selectFrom('panel_members').select(['pool_id', 'status']).execute();
    expect(now.find((mb) => mb.pool_id === second.pool_id)!.status).toBe('replaced');
    const current = now.filter((mb) => mb.status !== 'replaced').map((mb) => mb.pool_id);
    expect(current).toHaveLength(4);
    expect(current).not.toContain(second.pool_id);

    // The quotas still hold, and anyone can recompute the replacement from the published files.
    const files: Record<string, string> = {};
    for (const name of [
      'categories.csv',
      'pool.csv',
      'slots.json',
      'commitment.txt',
      'draw.json',
      'replacement-1.json',
    ]) {
      files[name] = (await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/${name}` })).body;
    }
    const input = publishedInput({
      'categories.csv': files['categories.csv'],
      'pool.csv': files['pool.csv'],
      'slots.json': files['slots.json'],
      'commitment.txt': files['commitment.txt'],
    });
    const instance = buildInstance(input);
    const rowOf = new Map(input.people.map((p, r) => [p.id, r]));
    expect(
      panelProblems(
        instance,
        current.map((id) => rowOf.get(id)!),
      ),
    ).toEqual([]);
    const recomputed = await drawReplacements(
      instance,
      selected.map((id) => rowOf.get(id)!),
      [rowOf.get(second.pool_id)!],
      '5 5 2',
    );
    const record = JSON.parse(files['replacement-1.json']);
    expect(record.replacements).toEqual(recomputed.replacements.map((r) => input.people[r].id));
    expect(record.panel).toEqual([...current].sort());
    expect(record.declined).toEqual([second.pool_id]);

    // The folder offered on the transparency page passes `npx accelerateur sortition verify <folder>`.
    const folder = await mkdtemp(join(tmpdir(), 'panel-draw-'));
    try {
      for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
      let out = '';
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
      let code: number;
      try {
        code = await sortitionCommands['sortition verify'].run([folder], t.app.services);
      } finally {
        stdout.mockRestore();
      }
      expect(out).toContain('Replacements verified (1)');
      expect(code).toBe(0);
      // Someone else named as the replacement: the replay catches it.
      const other = input.people.map((p) => p.id).find((id) => !current.includes(id) && id !== second.pool_id)!;
      await writeFile(
        join(folder, 'replacement-1.json'),
        JSON.stringify({
          ...record,
          replacements: [other],
          panel: [...current.filter((id) => !record.replacements.includes(id)), other].sort(),
        }),
      );
      const quiet = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      try {
        expect(await sortitionCommands['sortition verify'].run([folder], t.app.services)).toBe(1);
      } finally {
        quiet.mockRestore();
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('retention', () => {
  it('deletes the demographic answers after delete_after, through the scheduled job', async () => {
    const { db } = t.app.services;
    t.clock.set('2026-07-30T21:00:00Z');
    await t.app.services.worker.drain();
    expect(await db.selectFrom('panel_demographics').select('volunteer_id').execute()).toHaveLength(12);
    t.clock.set('2026-07-30T22:00:00Z');
    await t.app.services.worker.drain();
    expect(await db.selectFrom('panel_demographics').select('volunteer_id').execute()).toHaveLength(0);
    // pool.csv pairs pseudonyms with answers: it goes with them (panel-privacy.test.ts checks what stays verifiable).
    expect(
      (await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/pool.csv` })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/slots.json` })).statusCode,
    ).toBe(200);
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'panel.demographics-deleted')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
