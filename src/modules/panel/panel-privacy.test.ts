import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formBody, formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { parseCsv } from '../../algorithms/sortition/index.js';
import { DELETE_DEMOGRAPHICS_JOB, SWEEP_DEMOGRAPHICS_JOB } from './delete-demographics.js';
import { panelModule } from './index.js';
import { panelDataOf } from './personal-data.js';
import { MAX_PER_ADDRESS } from './register-volunteer.js';
import { sortitionCommands } from './sortition-commands.js';
import { criteriaFields, quotaFields } from './testing.js';

/**
 * The privacy of the citizen panel's volunteers (issue 11, item 7 and the volunteer form of item 11),
 * the daily sweep of their answers and the call that closes at the commitment.
 */
let t: TestApp;
// Sessions are opened at the clock's time of need: the tests move the clock by months.
const asStaff = async () => (await createSignedInUser(t.app.services.db, t.clock, [{ role: 'staff' }])).cookie;
const asAdmin = async () => (await createSignedInUser(t.app.services.db, t.clock, [{ role: 'admin' }])).cookie;
let panelId: string;

const QUOTAS = [
  'genre;femme;Femme;Woman;1;1',
  'genre;homme;Homme;Man;1;1',
  'age;jeune;18-39 ans;18-39;0;2',
  'age;senior;40 ans et plus;40 and over;0;2',
].join('\n');
const PEOPLE = Array.from({ length: 6 }, (_, i) => ({
  genre: i % 2 === 0 ? 'femme' : 'homme',
  age: i < 3 ? 'jeune' : 'senior',
  email: `vie-privee${i}@example.org`,
}));
// 30 days after 30 June 2026 23:59:59 Paris.
const DELETE_AFTER = new Date('2026-07-30T21:59:59.000Z');

async function openPanel(name: string): Promise<string> {
  const session = await formSession(t.app, await asStaff(), '/admin/panels/nouveau');
  const created = await submitForm(t.app, session, '/admin/panels', {
    name,
    name_en: name,
    season_id: '',
    size: '2',
    recruit_until: '2026-04-30',
    ends_on: '2026-06-30',
    retention_days: '30',
    ...criteriaFields('interet-general;Intérêt général;General interest'),
    opinion_weight: '30',
  });
  expect(created.statusCode, created.body).toBe(303);
  const id = /\/admin\/panels\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1];
  const page = `/admin/panels/${id}`;
  expect(
    (await submitForm(t.app, await formSession(t.app, await asStaff(), page), `${page}/quotas`, quotaFields(QUOTAS)))
      .statusCode,
  ).toBe(303);
  expect(
    (
      await submitForm(t.app, await formSession(t.app, await asStaff(), page), `${page}/statut`, {
        status: 'recruiting',
      })
    ).statusCode,
  ).toBe(303);
  return id;
}

/** Sends the volunteer form; `from` is the page that gives the CSRF token (the form itself unless it is closed). */
async function volunteer(
  panel: string,
  person: { genre: string; age: string; email: string },
  ip: string,
  extra: Record<string, string> = {},
  from = `/panel-citoyen/${panel}`,
) {
  const session = await formSession(t.app, '', from);
  const key = /name="submission_key" value="([^"]*)"/.exec(session.html)?.[1] ?? '';
  const fields = {
    given_name: 'Camille',
    family_name: 'Martin',
    email: person.email,
    phone: '',
    availability: '',
    q_genre: person.genre,
    q_age: person.age,
    consent: 'on',
    submission_key: key,
    ...extra,
  };
  return t.app.inject({
    method: 'POST',
    url: `/panel-citoyen/${panel}`,
    ...formBody({ _csrf: session.csrf, ...fields }),
    headers: { ...formBody({}).headers, cookie: session.cookie },
    remoteAddress: ip,
  });
}

const mailsTo = (email: string) =>
  t.app.services.db.selectFrom('mails').selectAll().where('to_address', '=', email).orderBy('created_at').execute();
const file = (name: string) => t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence/${name}` });

async function runVerify(folder: string): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    return { code: await sortitionCommands['sortition verify'].run([folder], t.app.services), out };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  panelId = await openPanel('Panel vie privée');
});
afterAll(() => t.close());

describe('the volunteer form is not an open relay (item 11)', () => {
  it('mails only the platform’s own text, whatever the volunteer typed', async () => {
    for (const [i, person] of PEOPLE.entries()) {
      const response = await volunteer(panelId, person, `198.51.100.${i + 1}`, {
        given_name: 'Gagnez 1000 € sur https://spam.example',
        family_name: 'Achetez',
        availability: 'https://spam.example/promo',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).toContain('Si le sort vous désigne, vous recevrez une invitation.');
    }
    const [mail] = await mailsTo(PEOPLE[0].email);
    expect(mail.text_body).toContain('Panel vie privée');
    expect(mail.text_body).toContain('Si le sort vous désigne, vous recevrez une invitation.');
    for (const body of [mail.subject, mail.text_body, mail.html_body]) {
      expect(body).not.toContain('spam.example');
      expect(body).not.toContain('Achetez');
    }
  });

  it('limits the registrations (and so the mails) per address across panels, storing nothing past the limit', async () => {
    const address = 'cible@example.org';
    const panels = [panelId];
    while (panels.length <= MAX_PER_ADDRESS) panels.push(await openPanel(`Panel ${panels.length}`));
    // Each from another connection: the per-IP limit does not apply, the per-address one must.
    for (let i = 0; i < MAX_PER_ADDRESS; i++)
      expect(
        (await volunteer(panels[i], { genre: 'femme', age: 'jeune', email: address }, `203.0.113.${i + 1}`)).statusCode,
      ).toBe(200);
    const refused = await volunteer(
      panels[MAX_PER_ADDRESS],
      { genre: 'femme', age: 'jeune', email: address },
      '203.0.113.200',
    );
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('id="email-error"');
    expect(refused.body).toContain('Trop d’inscriptions pour cette adresse');
    expect(refused.body).toContain(`value="${address}"`);
    expect(
      await t.app.services.db.selectFrom('panel_volunteers').select('id').where('email', '=', address).execute(),
    ).toHaveLength(MAX_PER_ADDRESS);
    expect(await mailsTo(address)).toHaveLength(MAX_PER_ADDRESS);
    // A day later the address may register again.
    t.clock.advance(24 * 3600_000 + 1000);
    expect(
      (await volunteer(panels[MAX_PER_ADDRESS], { genre: 'femme', age: 'jeune', email: address }, '203.0.113.201'))
        .statusCode,
    ).toBe(200);
    // Only the six volunteers stay in the panel under test.
    await t.app.services.db.deleteFrom('panel_volunteers').where('email', '=', address).execute();
  });
});

describe('the call for volunteers closes at the commitment', () => {
  it('says the call is closed and since when, and refuses a volunteer with nothing stored', async () => {
    const page = `/admin/panels/${panelId}`;
    t.clock.set('2026-03-10T09:30:00Z');
    expect(
      (await submitForm(t.app, await formSession(t.app, await asStaff(), page), `${page}/engagement`, {})).statusCode,
    ).toBe(303);
    t.clock.set('2026-03-10T10:00:00Z'); // still before the end of the call (30 April)

    const shown = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('L’appel aux volontaires de ce panel est clos depuis le 10 mars 2026');
    expect(shown.body).not.toContain('name="consent"');

    const before = await t.app.services.db
      .selectFrom('panel_volunteers')
      .select('id')
      .where('panel_id', '=', panelId)
      .execute();
    const late = { genre: 'femme', age: 'senior', email: 'en-retard@example.org' };
    // A form opened before the closure, sent after it.
    const refused = await volunteer(
      panelId,
      late,
      '192.0.2.62',
      { submission_key: '0b5c2a52-39b1-4c1e-9d8e-6f1f2a3b4c5d' },
      '/connexion',
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('clos depuis le 10 mars 2026');
    expect(refused.body).not.toContain('Si le sort vous désigne');
    expect(
      await t.app.services.db.selectFrom('panel_volunteers').select('id').where('panel_id', '=', panelId).execute(),
    ).toHaveLength(before.length);
    expect(await mailsTo(late.email)).toEqual([]);
    await t.app.services.worker.drain();
  });
});

describe('pseudonyms in the published pool (item 7)', () => {
  let pool: string[][];

  it('publishes random pseudonyms, not row numbers, and tells each volunteer their own', async () => {
    await t.app.services.worker.drain(); // the commitment requested above
    const response = await file('pool.csv');
    expect(response.statusCode).toBe(200);
    pool = parseCsv(response.body);
    expect(pool[0]).toEqual(['id', 'genre', 'age']);
    const ids = pool.slice(1).map((row) => row[0]);
    expect(ids).toHaveLength(PEOPLE.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(ids).toEqual([...ids].sort()); // row order says nothing about registration order
    const volunteers = await t.app.services.db
      .selectFrom('panel_volunteers')
      .select('id')
      .where('panel_id', '=', panelId)
      .execute();
    for (const id of ids) for (const v of volunteers) expect(v.id.toUpperCase()).not.toContain(id.replaceAll('-', ''));

    for (const person of PEOPLE) {
      const mails = await mailsTo(person.email);
      const told = mails
        .map((mail) => /\b([A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4})\b/.exec(mail.text_body)?.[1])
        .filter(Boolean);
      expect(told).toHaveLength(1);
      const row = pool.find((r) => r[0] === told[0])!;
      expect(row.slice(1)).toEqual([person.genre, person.age]);
      // And their data export says it too.
      expect((await panelDataOf(t.app.services.db, person.email)).map((d) => d.pseudonym)).toEqual([told[0]]);
    }
  });

  it('never shows staff without panel.demographics which pseudonym is which person', async () => {
    const page = `/admin/panels/${panelId}`;
    const drawn = await submitForm(t.app, await formSession(t.app, await asStaff(), page), `${page}/tirage`, {
      random: '3 1 4 1 5',
      witnesses: 'Alice Dupont',
    });
    expect(drawn.statusCode).toBe(303);
    const staffPage = await t.app.inject({ method: 'GET', url: page, headers: { cookie: await asStaff() } });
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).toContain('vie-privee'); // the drawn members are named for staff…
    for (const row of pool.slice(1)) expect(staffPage.body).not.toContain(row[0]); // …but never with their pseudonym
    expect(staffPage.body).not.toContain('N° dans le fichier publié');
    // The person who may read the answers sees the pseudonym beside them.
    const demographics = await t.app.inject({
      method: 'GET',
      url: `${page}/demographie`,
      headers: { cookie: await asAdmin() },
    });
    expect(demographics.statusCode).toBe(200);
    for (const row of pool.slice(1)) expect(demographics.body).toContain(row[0]);
  });

  it('after the retention date nothing published or stored holds individual answers; the page says what can still be verified', async () => {
    const { db } = t.app.services;
    const names = ['categories.csv', 'slots.json', 'commitment.txt', 'draw.json'];
    const kept: Record<string, string> = {};
    for (const name of names) kept[name] = (await file(name)).body;

    t.clock.set(DELETE_AFTER.toISOString()); // the panel's own deletion job is due now
    await t.app.services.worker.drain();
    expect(
      await db.selectFrom('panel_demographics').select('volunteer_id').where('panel_id', '=', panelId).execute(),
    ).toEqual([]);
    expect((await file('pool.csv')).statusCode).toBe(404);
    const draws = await db
      .selectFrom('panel_draws')
      .select(['files', 'pool_volunteers'])
      .where('panel_id', '=', panelId)
      .execute();
    for (const draw of draws) {
      expect(Object.keys(draw.files ?? {})).not.toContain('pool.csv');
      expect(draw.pool_volunteers).toEqual({});
    }
    // The other files are unchanged and still published.
    for (const name of names) expect((await file(name)).body).toBe(kept[name]);

    const page = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}/transparence` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Les réponses individuelles des volontaires ont été supprimées le 30 juillet 2026');
    expect(page.body).not.toContain('transparence/pool.csv');

    // What remains still verifies: commitment, random value → slot → members.
    const folder = await mkdtemp(join(tmpdir(), 'panel-retention-'));
    try {
      for (const name of names) await writeFile(join(folder, name), kept[name]);
      const verified = await runVerify(folder);
      expect(verified.out).toContain('pool.csv');
      expect(verified.code, verified.out).toBe(0);
      await writeFile(join(folder, 'draw.json'), kept['draw.json'].replace('3 1 4 1 5', '3 1 4 1 6'));
      expect((await runVerify(folder)).code).toBe(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('the daily sweep of demographic answers', () => {
  it('deletes the answers past their date even when their own deletion job failed, and keeps sweeping daily', async () => {
    const { db } = t.app.services;
    t.clock.set('2026-03-02T10:00:00Z');
    const other = await openPanel('Panel balayé');
    expect(
      (await volunteer(other, { genre: 'femme', age: 'jeune', email: 'balaye@example.org' }, '192.0.2.10')).statusCode,
    ).toBe(200);
    // The panel's one deletion job fails for good.
    await db
      .updateTable('jobs')
      .set({ state: 'failed' })
      .where('name', '=', DELETE_DEMOGRAPHICS_JOB)
      .where('state', '=', 'pending')
      .execute();

    t.clock.set('2026-07-29T08:00:00Z');
    await panelModule.schedule!(t.app.services);
    await panelModule.schedule!(t.app.services); // once per day, however many processes start
    const pending = () =>
      db
        .selectFrom('jobs')
        .select('run_at')
        .where('name', '=', SWEEP_DEMOGRAPHICS_JOB)
        .where('state', '=', 'pending')
        .execute();
    expect(await pending()).toHaveLength(1);

    t.clock.set('2026-07-30T12:00:00Z'); // the sweep of 30 July runs: nothing due yet
    await t.app.services.worker.drain();
    expect(
      await db.selectFrom('panel_demographics').select('volunteer_id').where('panel_id', '=', other).execute(),
    ).toHaveLength(1);
    expect(await pending()).toHaveLength(1); // it scheduled the next one

    t.clock.set('2026-08-01T12:00:00Z');
    await t.app.services.worker.drain();
    expect(
      await db.selectFrom('panel_demographics').select('volunteer_id').where('panel_id', '=', other).execute(),
    ).toEqual([]);
    const next = await pending();
    expect(next).toHaveLength(1);
    expect(new Date(next[0].run_at).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Running again deletes nothing more and audits nothing more.
    const audited = await db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', 'panel.demographics-deleted')
      .execute();
    t.clock.set('2026-08-02T12:00:00Z');
    await t.app.services.worker.drain();
    expect(
      await db.selectFrom('audit_events').select('seq').where('action', '=', 'panel.demographics-deleted').execute(),
    ).toHaveLength(audited.length);
  });
});
