import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../test/support/factories/laureates.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { laureateSpace, laureateSpaces } from './index.js';

/** Who has a laureate space: confirmed laureates holding their place, seen through a staff member's tracks. */
describe('laureate spaces', () => {
  let t: TestApp;
  let seasonId: string;
  let laureates: SeededLaureate[];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-07-01T10:00:00Z');
    ({ seasonId, laureates } = await seedConfirmedLaureates(t.app.services.db, t.clock, {
      slug: 'saison-espaces',
      number: 41,
      laureates: [
        { title: 'Zeta', track: 'numerique' },
        { title: 'Alpha', track: 'autres', answers: { organisation_name: 'Association Alpha' } },
        { title: 'Pas encore confirmé', confirmed: false },
      ],
    }));
  }, 120_000);
  afterAll(() => t.close());

  it('lists the confirmed laureates of a season in title order, with their organisation', async () => {
    const spaces = await laureateSpaces(t.app.services.db, { seasonId });
    expect(spaces.map((s) => s.application.title)).toEqual(['Alpha', 'Zeta']);
    expect(spaces[0].application.organisationName).toBe('Association Alpha');
    expect(spaces[0].application.rna).toMatch(/^W\d{9}$/);
    expect(spaces[0].plan).toBeNull();
    expect(spaces[0].laureate.decidedCents).toBe(3_000_000);
  });

  it('keeps to a track-limited staff member’s tracks', async () => {
    const spaces = await laureateSpaces(t.app.services.db, { seasonId, tracks: ['numerique'] });
    expect(spaces.map((s) => s.application.title)).toEqual(['Zeta']);
  });

  it('gives no space to a laureate who has not confirmed its place', async () => {
    expect(await laureateSpace(t.app.services.db, laureates[2].applicationId)).toBeNull();
    expect(await laureateSpace(t.app.services.db, laureates[0].applicationId)).not.toBeNull();
  });
});
