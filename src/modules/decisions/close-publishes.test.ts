import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { publish, verify } from '../../algorithms/selection/index.js';
import type { Actor } from '../../core/audit/audit.js';
import { closeSampleDeliberation, seedDecisionSeason } from './board-testing.js';
import { closeDeliberation, openDeliberation, recordDecision, setAttendance, setWeights } from './index.js';

/**
 * What the close freezes is what the transparency bundle publishes: recomputed from the published files
 * (public references, pseudonyms), it gives the same result, and every decision that goes against the
 * combined order carries its reasons — so a real close always verifies.
 */
describe('a closed deliberation as published', () => {
  let t: TestApp;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-20T10:00:00Z');
    const staff = await createSignedInUser(t.app.services.db, t.clock, [{ role: 'staff' }], 'staff');
    actor = { id: staff.id, label: `user:${staff.id}` };
  }, 120_000);
  afterAll(() => t.close());

  it('verifies: the frozen result is the one anyone recomputes from the bundle', async () => {
    const season = await seedDecisionSeason(t.app.services, t.clock, { slug: 'publiee', number: 41 });
    const { frozen } = await closeSampleDeliberation(t.app.services, actor, season);
    const files = publish(frozen, { [season.ids.A]: 'Atelier A', [season.ids.C]: 'Coopérative C' });
    const check = verify(files);
    expect(check.ok ? 'ok' : JSON.stringify(check.difference)).toBe('ok');
  });

  it('asks for reasons on a waiting list out of the combined order before it closes', async () => {
    const season = await seedDecisionSeason(t.app.services, t.clock, { slug: 'attente', number: 42 });
    const { seasonId, ids } = season;
    const services = t.app.services;
    await openDeliberation(services, actor, seasonId);
    await setWeights(services, actor, { seasonId, juryWeight: 100, panelWeight: 0, panelCriteriaWeights: {} });
    await setAttendance(services, actor, { seasonId, present: season.memberIds.slice(0, 1) });
    // Jury order A B C D E, two places: A and B laureates; then E before D on the waiting list, below the line.
    const decide = async (applicationId: string, rest: Record<string, unknown>) => {
      const result = await recordDecision(services, actor, {
        seasonId,
        applicationId,
        outcome: 'not_selected',
        ...rest,
      });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    };
    await decide(ids.A, { outcome: 'laureate' });
    await decide(ids.B, { outcome: 'laureate' });
    await decide(ids.C, { outcome: 'waiting_list', waitlistPosition: 1 });
    await decide(ids.E, { outcome: 'waiting_list', waitlistPosition: 2 });
    await decide(ids.D, { reasonCodes: ['budget'] });
    await expect(closeDeliberation(services, actor, { seasonId })).rejects.toMatchObject({ status: 409 });
    // Once the passed-over and the one who passed say why, it closes, and what it froze verifies.
    await decide(ids.E, {
      outcome: 'waiting_list',
      waitlistPosition: 2,
      reasonCodes: ['other'],
      reasonText: 'Seul projet rural : le comité le préfère à D.',
    });
    await decide(ids.D, { reasonCodes: ['budget'], reasonText: 'Moins prioritaire que E pour le comité.' });
    const { frozen } = await closeDeliberation(services, actor, { seasonId });
    const marked = frozen.decisions.filter((d) => d.departsFromOrder).map((d) => d.application);
    expect(marked.sort()).toEqual([ids.D, ids.E].sort());
    const check = verify(publish(frozen, { [ids.A]: 'Atelier A', [ids.B]: 'Bibliothèque B' }));
    expect(check.ok ? 'ok' : JSON.stringify(check.difference)).toBe('ok');
  });
});
