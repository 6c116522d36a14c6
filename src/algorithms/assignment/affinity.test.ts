import { describe, expect, it } from 'vitest';
import { computeAffinities } from './affinity.js';
import { assignById } from './assign-by-id.js';

const applications = [
  {
    id: 'meteo',
    text: 'Réseau de stations météo citoyennes et capteurs ouverts',
    topics: ['environnement', 'données'],
  },
  {
    id: 'statuts',
    text: 'Aider les associations à rédiger leurs statuts et trouver un financement',
    topics: ['droit'],
  },
];
const reviewers = [
  { id: 'ana', expertise: 'Capteurs, stations météorologiques, données environnementales', topics: ['environnement'] },
  {
    id: 'bea',
    expertise: 'Droit des associations, statuts, subventions et financement',
    pastReviews: ['Avis sur un projet associatif'],
    topics: ['droit'],
  },
  { id: 'carl', expertise: 'Design de services publics numériques', topics: ['design'] },
];

describe('affinity from text, topics and bids', () => {
  it('scores matching expertise and topics highest, and turns a conflict bid into a conflict', () => {
    const { affinities, conflicts } = computeAffinities(applications, reviewers, [
      { application: 'statuts', reviewer: 'carl', bid: 'conflict' },
      { application: 'meteo', reviewer: 'carl', bid: 'eager' },
    ]);
    const score = (a: string, r: string) => affinities.find((p) => p.application === a && p.reviewer === r)?.score;
    expect(score('meteo', 'ana')).toBeGreaterThan(score('meteo', 'bea')!);
    expect(score('statuts', 'bea')).toBeGreaterThan(score('statuts', 'ana')!);
    expect(score('meteo', 'carl')).toBeGreaterThan(score('meteo', 'bea')!);
    expect(score('statuts', 'carl')).toBeUndefined();
    expect(conflicts).toEqual([{ application: 'statuts', reviewer: 'carl' }]);
    for (const p of affinities) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });

  it('feeds the engine: each application gets its specialist', () => {
    const { affinities, conflicts } = computeAffinities(applications, reviewers);
    const result = assignById({ affinities, conflicts, perApplication: 1, minLoad: 0, maxLoad: 1 });
    expect(result.optimal).toBe(true);
    expect(result.assignments).toEqual([
      { application: 'meteo', reviewer: 'ana' },
      { application: 'statuts', reviewer: 'bea' },
    ]);
  });
});
