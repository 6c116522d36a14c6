import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tCount } from '../../src/core/i18n/i18n.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signedInAs } from '../support/users.js';

/** The staff dashboard (/admin) says, on each tile that stands for work, how much of it waits (issue 17). */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
}, 120_000);
afterAll(() => t?.close());

async function dashboard(cookie: string): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  return page.body;
}

/** The text of the tile whose link goes to href (from its link to the end of its tile). */
function tileOf(body: string, href: string): string {
  const start = body.indexOf(`<a href="${href}"`);
  expect(start, `a tile links to ${href}`).toBeGreaterThan(-1);
  const end = body.indexOf('fr-tile__body', start);
  return body.slice(start, end === -1 ? undefined : end);
}

describe('the counts of the staff dashboard', () => {
  it('show a count on every tile that stands for work to do, generated from the manifests', async () => {
    const cookie = await signedInAs(t.app, t.clock, 'admin', 'compteurs-admin@example.fr');
    const body = await dashboard(cookie);
    const counted = t.app.services.site.dashboard.filter((tile) => tile.count);
    // The tiles of work: applications to instruct, milestones and introductions waiting for support staff,
    // values to approve, experiment milestones to review, mails that failed.
    expect(counted.map((tile) => tile.href)).toEqual(
      expect.arrayContaining([
        '/admin/candidatures',
        '/admin/accompagnement',
        '/admin/accompagnement/mises-en-relation',
        '/admin/impact',
        '/admin/cooperation/experimentations',
        '/admin/courriels',
      ]),
    );
    for (const tile of counted) {
      expect(tile.countLabel, tile.href).toBeDefined();
      expect(tileOf(body, tile.href), tile.href).toMatch(/class="fr-badge[^"]*"[^>]*>\d+ /);
    }
  });

  it('count the mails that failed, in French plural forms', async () => {
    const cookie = await signedInAs(t.app, t.clock, 'admin', 'compteurs-courriels@example.fr');
    const { db } = t.app.services;
    await db.updateTable('mails').set({ status: 'stored' }).where('status', '=', 'failed').execute();
    expect(tileOf(await dashboard(cookie), '/admin/courriels')).toContain('>0 envoi en échec<');
    const mail = {
      subject: 'Essai',
      text_body: 'x',
      html_body: '',
      template: 'test',
      locale: 'fr',
      status: 'failed' as const,
    };
    await db
      .insertInto('mails')
      .values({ ...mail, to_address: 'a@example.org', error: 'refused' })
      .execute();
    expect(tileOf(await dashboard(cookie), '/admin/courriels')).toContain('>1 envoi en échec<');
    await db
      .insertInto('mails')
      .values({ ...mail, to_address: 'b@example.org', error: 'refused' })
      .execute();
    const tile = tileOf(await dashboard(cookie), '/admin/courriels');
    expect(tile).toContain('>2 envois en échec<');
    expect(tile).toContain('fr-badge--warning');
  });

  it('count the support milestones waiting for staff, in the tracks a limited member covers', async () => {
    const { db } = t.app.services;
    const submitted = await db
      .selectFrom('support_milestones as m')
      .innerJoin('support_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'p.track_code'])
      .where('m.state', '=', 'submitted')
      .execute();
    const admin = await signedInAs(t.app, t.clock, 'admin', 'compteurs-jalons@example.fr');
    const label = (n: number) =>
      `>${tCount('fr', { one: { fr: '{n} jalon à valider', en: '' }, other: { fr: '{n} jalons à valider', en: '' } }, n)}<`;
    expect(tileOf(await dashboard(admin), '/admin/accompagnement')).toContain(label(submitted.length));
    const tracks = await db.selectFrom('support_plans').select('track_code').distinct().execute();
    for (const { track_code } of tracks) {
      const limited = await signedInAs(t.app, t.clock, 'staff', `compteurs-${track_code}@example.fr`, track_code);
      const expected = submitted.filter((m) => m.track_code === track_code).length;
      expect(tileOf(await dashboard(limited), '/admin/accompagnement')).toContain(label(expected));
    }
  });

  it('count the introduction requests waiting for staff', async () => {
    const { db } = t.app.services;
    const { n } = await db
      .selectFrom('support_introductions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'requested')
      .executeTakeFirstOrThrow();
    const admin = await signedInAs(t.app, t.clock, 'admin', 'compteurs-relations@example.fr');
    const expected = Number(n);
    const text =
      expected === 0 || expected === 1 ? `${expected} demande en attente` : `${expected} demandes en attente`;
    expect(tileOf(await dashboard(admin), '/admin/accompagnement/mises-en-relation')).toContain(`>${text}<`);
  });
});
