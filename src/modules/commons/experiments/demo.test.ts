import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOf, userByEmail } from '../../../../test/support/factories/accounts.js';
import { sessionOf, tableCounts } from '../../../../test/support/factories/applications.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { loadDemo } from '../../../core/boot.js';
import { isValidSiret } from '../../applications/index.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import { loadCommonsDemo } from '../demo.js';
import { DEMO_COMMONS, demoEmail } from './demo-data.js';

/**
 * The SPDX identifiers the demo uses, as the SPDX licence list spells them (https://spdx.org/licenses/): a
 * licence outside this list is a typo or an identifier the list does not know.
 */
const SPDX_IDS = new Set([
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'Apache-2.0',
  'etalab-2.0',
  'GPL-2.0-or-later',
  'GPL-3.0-or-later',
  'LGPL-3.0-or-later',
  'MIT',
  'MPL-2.0',
  'ODbL-1.0',
]);

/** The cooperation space's demo, loaded with the whole demo programme: filled, consistent, and loaded once. */
describe('cooperation demo', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T09:00:00Z');
    await loadDemo(t.app.services);
  }, 240_000);
  afterAll(() => t.close());

  const db = () => t.app.services.db;

  it('holds ~15 commons with checked licences, levers and laureate links, and ~6 administrations with valid SIRETs', async () => {
    const commons = await db().selectFrom('commons').selectAll().execute();
    expect(commons).toHaveLength(DEMO_COMMONS.length);
    expect(commons.length).toBeGreaterThanOrEqual(15);
    const levers = new Set(SUPPORT_LEVERS.map((l) => l.code));
    for (const c of commons) {
      if (c.licence !== null) expect(SPDX_IDS, c.name).toContain(c.licence);
      for (const lever of c.levers) expect(levers, `${c.name}: ${lever}`).toContain(lever);
      expect(c.website, c.name).toMatch(/^https:\/\//);
      if (c.governance_siret) expect(isValidSiret(c.governance_siret), c.name).toBe(true);
    }
    const names = commons.map((c) => c.name);
    for (const real of ['uMap', 'Open Food Facts', 'Pyronear', 'Primtux']) expect(names).toContain(real);
    // Those that are season 2's confirmed laureates link to their laureate page (one of the four declined its place).
    expect(commons.filter((c) => c.laureate_application_id !== null).length).toBeGreaterThanOrEqual(3);
    const administrations = await db().selectFrom('commons_administrations').selectAll().execute();
    expect(administrations).toHaveLength(6);
    for (const a of administrations) expect(isValidSiret(a.siret), a.name).toBe(true);
    expect(administrations.map((a) => a.siret)).toContain('13002526500013');
  });

  it('has use cases at every status (the abandoned one with its reason), some for members only, with referents', async () => {
    const useCases = await db().selectFrom('commons_use_cases').selectAll().execute();
    expect(useCases.length).toBeGreaterThanOrEqual(12);
    expect(new Set(useCases.map((u) => u.status))).toEqual(
      new Set(['exploration', 'experimentation', 'production', 'abandoned']),
    );
    for (const u of useCases.filter((x) => x.status === 'abandoned')) expect(u.abandon_reason).toBeTruthy();
    expect(useCases.some((u) => u.visibility === 'members')).toBe(true);
    const referents = await db().selectFrom('commons_referents').selectAll().execute();
    expect(referents.length).toBeGreaterThan(5);
    expect(referents.some((r) => r.is_expert)).toBe(true);
    expect((await db().selectFrom('commons_contributions').selectAll().execute()).length).toBeGreaterThan(5);
  });

  it('has needs and offers on both sides, some closed with what came of them, and contacts with an exchange', async () => {
    const needs = await db().selectFrom('commons_needs').selectAll().execute();
    expect(new Set(needs.map((n) => n.side))).toEqual(new Set(['administration', 'commons']));
    expect(new Set(needs.map((n) => n.kind))).toEqual(new Set(['need', 'offer']));
    const closed = needs.filter((n) => n.closed_at !== null);
    expect(closed.length).toBeGreaterThanOrEqual(2);
    for (const n of closed) expect(n.outcome_note).toBeTruthy();
    expect(needs.filter((n) => n.closed_at === null).length).toBeGreaterThan(closed.length);
    const levers = new Set(SUPPORT_LEVERS.map((l) => l.code));
    for (const n of needs) if (n.lever) expect(levers).toContain(n.lever);
    const contacts = await db().selectFrom('commons_contacts').selectAll().execute();
    expect(contacts).toHaveLength(2);
    const messages = await db().selectFrom('commons_contact_messages').selectAll().execute();
    expect(messages.length).toBeGreaterThanOrEqual(4);
  });

  it('has experiments with administrations, people and milestones at every state, and a document', async () => {
    const experiments = await db().selectFrom('commons_experiments').selectAll().execute();
    expect(experiments.length).toBeGreaterThanOrEqual(2);
    expect(experiments.filter((x) => x.visibility === 'public')).toHaveLength(2);
    for (const x of experiments.filter((e) => e.status === 'finished' || e.status === 'stopped'))
      expect(x.outcome).toBeTruthy();
    const milestones = await db().selectFrom('commons_experiment_milestones').select('state').execute();
    expect(new Set(milestones.map((m) => m.state))).toEqual(
      new Set(['upcoming', 'in_progress', 'submitted', 'validated', 'returned']),
    );
    const documents = await db()
      .selectFrom('commons_experiment_documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select(['f.purpose', 'f.content_type'])
      .execute();
    expect(documents).toEqual([{ purpose: 'cooperation', content_type: 'application/pdf' }]);
    expect((await db().selectFrom('commons_experiment_people').selectAll().execute()).length).toBeGreaterThan(5);
  });

  it('makes the demo agents partners, and shows the space filled', async () => {
    const camille = (await userByEmail(db(), demoEmail('camille')))!;
    expect(await rolesOf(db(), camille.id)).toContain('partner');
    const home = await t.app.inject({ url: '/cooperation' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Carte des aménagements cyclables');
    expect(home.body).not.toContain('Comptes rendus partagés'); // members only
    const list = await t.app.inject({ url: '/cooperation/experimentations' });
    expect(list.body).toContain('Détection des départs de feux par caméras en Ardèche');
    expect(list.body).toContain('Primtux dans les écoles du Val de Saône');
    expect(list.body).not.toContain('Conseils communautaires en visioconférence');
    const cookie = await sessionOf(db(), t.clock, demoEmail('marion'));
    const mine = await t.app.inject({ url: '/cooperation/experimentations', headers: { cookie } });
    expect(mine.body).toContain('Conseils communautaires en visioconférence');
  });

  it('changes nothing when loaded again', async () => {
    const before = await tableCounts(db());
    await loadCommonsDemo(t.app.services);
    await loadDemo(t.app.services);
    expect(await tableCounts(db())).toEqual(before);
  }, 120_000);
});
