import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../../test/support/factories/accounts.js';
import { DEMO_CLOSED_SEASON, sessionOf, tableCounts } from '../../../test/support/factories/applications.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { readZip, verify } from '../../algorithms/selection/index.js';
import { loadDemo } from '../../core/boot.js';
import { findSeasonIdBySlug } from '../seasons/index.js';
import { loadDeliberation } from './index.js';

/** The demo's decision: season 2 decided and published from end to end (2023), season 3 deliberating. */
describe('decisions demo', () => {
  let t: TestApp;
  let admin: string;
  let closedId: string;
  let openId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T09:00:00Z');
    await loadDemo(t.app.services);
    admin = await sessionOf(t.database.db, t.clock, DEMO_ADMIN);
    closedId = (await findSeasonIdBySlug(t.database.db, DEMO_CLOSED_SEASON))!;
    openId = (await findSeasonIdBySlug(t.database.db, 'saison-3'))!;
  }, 180_000);
  afterAll(() => t.close());

  it('closed the season-2 deliberation with its minutes, sent the notices and published the laureates', async () => {
    const { db } = t.database;
    const deliberation = (await loadDeliberation(db, closedId))!;
    expect(deliberation).toMatchObject({ status: 'closed', juryWeight: 70, panelWeight: 30 });
    expect(deliberation.minutesSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(deliberation.publishAt?.toISOString()).toBe('2023-06-27T08:00:00.000Z');
    const decisions = await db
      .selectFrom('decisions')
      .select(['outcome', 'confirmed_at', 'declined_at', 'notified_at'])
      .where('deliberation_id', '=', deliberation.id)
      .execute();
    expect(decisions).toHaveLength(9);
    expect(decisions.every((d) => d.notified_at !== null)).toBe(true);
    const laureates = decisions.filter((d) => d.outcome === 'laureate');
    // Four places; one laureate declined and the first on the waiting list took the place.
    expect(laureates.filter((d) => d.confirmed_at !== null)).toHaveLength(4);
    expect(laureates.filter((d) => d.declined_at !== null)).toHaveLength(1);
    const page = await t.app.inject({ url: '/laureats?saison=saison-2' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Open Food Facts');
  });

  it('publishes season 2’s transparency page, whose ZIP verifies', async () => {
    const page = await t.app.inject({ url: '/saisons/saison-2/transparence' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('selection.zip');
    const zip = await t.app.inject({ url: '/saisons/saison-2/transparence/selection.zip' });
    expect(zip.statusCode).toBe(200);
    const check = verify(await readZip(new Uint8Array(zip.rawPayload)));
    expect(check.ok ? 'ok' : JSON.stringify(check.difference)).toBe('ok');
  });

  it('shows season 3 deliberating: open, members present, two decisions recorded', async () => {
    const { db } = t.database;
    const deliberation = (await loadDeliberation(db, openId))!;
    expect(deliberation.status).toBe('open');
    const decisions = await db
      .selectFrom('decisions')
      .select('outcome')
      .where('deliberation_id', '=', deliberation.id)
      .execute();
    expect(decisions.map((d) => d.outcome).sort()).toEqual(['laureate', 'not_selected']);
    const board = await t.app.inject({ url: `/admin/decisions/${openId}`, headers: { cookie: admin } });
    expect(board.statusCode).toBe(200);
  });

  it('changes nothing when loaded again', async () => {
    const before = await tableCounts(t.database.db);
    await loadDemo(t.app.services);
    expect(await tableCounts(t.database.db)).toEqual(before);
  });
});
