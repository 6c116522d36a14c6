import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, { demo: true });
}, 120_000);
afterAll(() => t?.close());

/** What the tile must say: the applications waiting for instruction, counted here from the table. */
async function awaiting(track?: string): Promise<number> {
  let query = t.app.services.db
    .selectFrom('applications')
    .select('track_code')
    .where('state', 'in', ['submitted', 'in_instruction']);
  if (track) query = query.where('track_code', '=', track);
  return (await query.execute()).length;
}

async function dashboard(cookie: string): Promise<string> {
  const page = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
  expect(page.statusCode).toBe(200);
  return page.body;
}

describe('the applications tile of the staff dashboard', () => {
  it('says how many applications wait for instruction, in every track for unlimited staff', async () => {
    const expected = await awaiting();
    expect(expected).toBeGreaterThan(0);
    const cookie = await signedInAs(t.app, t.clock, 'staff', 'tuile-tous@example.fr');
    expect(await dashboard(cookie)).toMatch(new RegExp(`>${expected} candidatures? à instruire<`));
  });

  it('counts only the tracks a limited staff member covers', async () => {
    const tracks = await t.app.services.db.selectFrom('applications').select('track_code').distinct().execute();
    expect(tracks.length).toBeGreaterThan(1);
    for (const { track_code } of tracks) {
      const cookie = await signedInAs(t.app, t.clock, 'staff', `tuile-${track_code}@example.fr`, track_code);
      expect(await dashboard(cookie)).toMatch(new RegExp(`>${await awaiting(track_code)} candidatures? à instruire<`));
    }
  });

  it('is not shown to people without the right to instruct', async () => {
    const cookie = await signedInAs(t.app, t.clock, 'reviewer', 'tuile-jury@example.fr');
    const page = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    expect(page.body).not.toContain('à instruire');
  });
});
