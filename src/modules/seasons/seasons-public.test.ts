import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { systemActor } from '../../core/audit/audit.js';
import { createLaureate } from './create-laureate.js';
import { loadSeasonsDemo } from './demo.js';
import { seasonsModule } from './index.js';
import { currentOpenSeason, listPublicSeasons } from './list-public-seasons.js';
import { publishSeason } from './publish-season.js';
import { loadSeasons } from './queries.js';

let t: TestApp;
const NOW = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  await loadSeasonsDemo(t.app.services);
  // The seasons' demo leaves the open season a draft; the applications' demo publishes it once it has
  // given it its form (which this module does not hold): here it is published as if it had one.
  const [s3] = await loadSeasons(t.app.services.db, { slug: 'saison-3' });
  await publishSeason(t.app.services, systemActor, s3.id, async () => true);
});
afterAll(() => t.close());

async function get(url: string, cookie = '') {
  return t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
}

describe('demo programme', () => {
  it('loads three seasons in calendar order, season 3 open around the clock', async () => {
    const seasons = await listPublicSeasons(t.app.services);
    expect(seasons.map((s) => [s.slug, s.status])).toEqual([
      ['saison-1', 'closed'],
      ['saison-2', 'closed'],
      ['saison-3', 'open'],
    ]);
    const [s1, s2, s3] = seasons;
    expect(s1.closesAt.toISOString()).toBe('2022-01-29T22:59:59.000Z');
    expect(s1.opensAt.toISOString()).toBe('2021-12-16T23:00:00.000Z');
    expect(s1).toMatchObject({
      laureateCount: 9,
      supportMonths: 3,
      grantEnvelopeCents: 80_000_000,
      criteria: expect.any(Array),
    });
    expect(s1.criteria).toHaveLength(5);
    expect(s2.closesAt.toISOString()).toBe('2023-05-02T21:59:59.000Z');
    expect(s2.tracks.map((tr) => [tr.code, tr.lead])).toEqual([
      ['communs-numeriques', 'DINUM'],
      ['autres-communs', 'DITP'],
    ]);
    expect(s2.criteria).toHaveLength(7);
    expect(s2.supportMonths).toBe(12);
    expect(s3.opensAt.getTime()).toBeLessThan(NOW.getTime() - 19 * 86_400_000);
    expect(s3.closesAt.getTime()).toBeGreaterThan(NOW.getTime() + 60 * 86_400_000);
    expect((await currentOpenSeason(t.app.services))?.slug).toBe('saison-3');
  });

  it('is idempotent: loading again adds nothing', async () => {
    const countRows = async () => {
      const db = t.app.services.db;
      const n = async (table: 'seasons' | 'season_tracks' | 'season_criteria' | 'laureates') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return [await n('seasons'), await n('season_tracks'), await n('season_criteria'), await n('laureates')];
    };
    const before = await countRows();
    t.clock.advance(5 * 86_400_000);
    await loadSeasonsDemo(t.app.services);
    t.clock.set(NOW);
    expect(await countRows()).toEqual(before);
    expect(before).toEqual([3, 4, 19, 9]);
  });
});

describe('public season pages', () => {
  it('lists the seasons with their status badges', async () => {
    const res = await get('/saisons');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Saison 1 — la première promotion');
    expect(res.body).toContain('Candidatures ouvertes');
    expect(res.body.match(/Terminée/g)).toHaveLength(2);
    expect(res.headers['cache-control']).toContain('public');
  });

  it('shows a season with Paris dates, eligibility, tracks, weighted criteria and the envelope in euros', async () => {
    const res = await get('/saisons/saison-1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('29 janvier 2022 à 23:59:59 (heure de Paris)');
    expect(res.body).toContain('17 décembre 2021 à 00:00 (heure de Paris)');
    expect(res.body).toContain('Entreprises, sans captation exclusive de la valeur');
    expect(res.body).toContain('Ouverture et transparence');
    expect(res.body).toContain('800\u202f000\u00a0€');
    expect(res.body).toContain('Durée de l’accompagnement : 3 mois');
    expect(res.body).toContain('href="/laureats?saison=saison-1"');
    const s2 = await get('/saisons/saison-2');
    expect(s2.body).toContain('Sélection et accompagnement : DINUM');
    expect(s2.body).toContain('Fort impact sur une problématique publique majeure');
  });

  it('counts down to the closing of the open season, from the clock', async () => {
    const res = await get('/saisons/saison-3');
    expect(res.body).toMatch(/Clôture dans (60|61) jours/);
  });

  it('invites to apply only while the call is open', async () => {
    expect((await get('/saisons/saison-3')).body).toContain('href="/candidater/saison-3"');
    expect((await get('/saisons/saison-3')).body).toContain('href="/candidater/saison-3/questions"');
    expect((await get('/saisons/saison-2')).body).not.toContain('/candidater/');
  });

  it('speaks English when asked', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/saisons/saison-2', headers: { cookie: 'lang=en' } });
    expect(res.body).toContain('Season 2 — the commons');
    expect(res.body).toContain('2 May 2023 at 23:59:59 (Paris time)');
    expect(res.body).toContain('Digital commons');
  });

  it('answers 404 for an unknown season', async () => {
    expect((await get('/saisons/saison-99')).statusCode).toBe(404);
  });

  it('groups laureates by season, newest first, and filters by season', async () => {
    // Season 2's demo laureates come from its deliberation (decisions module); here one is typed by hand.
    const [s2] = await loadSeasons(t.app.services.db, { slug: 'saison-2' });
    await createLaureate(t.app.services, systemActor, s2.id, {
      trackCode: 'communs-numeriques',
      name: 'Open Food Facts',
      organisation: 'Association Open Food Facts',
      summary: 'Une base ouverte des produits alimentaires.',
      summaryEn: 'An open database of food products.',
      website: 'https://pyronear.org',
      position: 1,
    });
    const all = await get('/laureats');
    expect(all.statusCode).toBe(200);
    expect(all.body.indexOf('Open Food Facts')).toBeGreaterThan(-1);
    expect(all.body.indexOf('Open Food Facts')).toBeLessThan(all.body.indexOf('Infoclimat'));
    expect(all.body).toContain('Volet : Communs numériques');
    expect(all.body).toContain('href="https://pyronear.org"');
    const s1 = await get('/laureats?saison=saison-1');
    expect(s1.body).toContain('Infoclimat');
    expect(s1.body).not.toContain('Open Food Facts');
    const unknown = await get('/laureats?saison=nope');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('Cette saison n’existe pas');
  });
});

describe('status at the closing boundary, through the pages', () => {
  it('shows the call open at 23:59:59 Paris and closed one second later (cache refreshed by the boundary job)', async () => {
    const s3 = (await listPublicSeasons(t.app.services)).find((s) => s.slug === 'saison-3')!;
    t.clock.set(new Date(s3.closesAt.getTime()));
    // Pages cached 60 days earlier would have aged out long ago (5-minute lifetime).
    t.app.services.pageCache.clear();
    await t.app.services.worker.drain();
    const before = await get('/saisons/saison-3');
    expect(before.body).toContain('Candidatures ouvertes');
    expect(before.body).toContain('Clôture dans 1 minute');
    t.clock.advance(1000);
    // No content changed, yet the cached "open" page must go: the boundary job clears it.
    expect(await t.app.services.worker.drain()).toBeGreaterThan(0);
    const after = await get('/saisons/saison-3');
    expect(after.body).not.toContain('Candidatures ouvertes');
    expect(after.body).toContain('Terminée');
    expect(await currentOpenSeason(t.app.services)).toBeNull();
    t.clock.set(NOW);
  });
});

describe('command line', () => {
  it('`seasons list` prints every season with its status', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      expect(await seasonsModule.commands!['seasons list'].run([], t.app.services)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {2}1 {2}saison-1 +closed .*29 January 2022 at 23:59:59 \(Paris time\).*9 laureates$/);
    expect(lines[2]).toContain('open');
  });
});
