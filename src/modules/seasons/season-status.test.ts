import { describe, expect, it } from 'vitest';
import { parisEndOfDay, parisStartOfDay } from '../../core/time/paris-time.js';
import { countdownText } from './format.js';
import { closedFrom, seasonStatus } from './season-status.js';

const season = {
  opensAt: parisStartOfDay('2021-12-17'),
  closesAt: parisEndOfDay('2022-01-29'),
  publishedAt: new Date('2021-12-01T00:00:00Z'),
};

describe('seasonStatus', () => {
  it('is upcoming before the opening instant', () => {
    expect(seasonStatus(season, new Date(season.opensAt.getTime() - 1))).toBe('upcoming');
  });

  it('is open from the opening instant', () => {
    expect(seasonStatus(season, season.opensAt)).toBe('open');
  });

  it('is still open at 23:59:59 Paris on the closing day, to the end of that second', () => {
    expect(seasonStatus(season, new Date('2022-01-29T22:59:59.000Z'))).toBe('open');
    expect(seasonStatus(season, new Date('2022-01-29T22:59:59.999Z'))).toBe('open');
  });

  it('is closed one second later (midnight in Paris)', () => {
    expect(seasonStatus(season, new Date('2022-01-29T23:00:00.000Z'))).toBe('closed');
  });

  it('is a draft, whatever the dates, until it is published', () => {
    expect(seasonStatus({ ...season, publishedAt: null }, season.opensAt)).toBe('draft');
  });

  it('follows the summer offset for a summer deadline', () => {
    const summer = { ...season, opensAt: parisStartOfDay('2023-04-07'), closesAt: parisEndOfDay('2023-05-02') };
    expect(seasonStatus(summer, new Date('2023-05-02T21:59:59.000Z'))).toBe('open');
    expect(seasonStatus(summer, new Date('2023-05-02T22:00:00.000Z'))).toBe('closed');
  });
});

describe('countdownText', () => {
  const opensAt = new Date('2026-03-10T08:00:00Z');
  const closesAt = new Date('2026-04-10T08:00:00Z');
  const ahead = (ms: number) => new Date(opensAt.getTime() - ms);
  const HOUR = 3_600_000;

  it('writes each count in its plural form, never "(s)"', () => {
    const upcoming = { status: 'upcoming' as const, opensAt, closesAt };
    expect(countdownText('fr', upcoming, ahead(1 * 24 * HOUR))).toBe('Ouverture dans 1 jour');
    expect(countdownText('fr', upcoming, ahead(3 * 24 * HOUR))).toBe('Ouverture dans 3 jours');
    expect(countdownText('fr', upcoming, ahead(1 * HOUR))).toBe('Ouverture dans 1 heure');
    expect(countdownText('en', upcoming, ahead(5 * HOUR))).toBe('Opens in 5 hours');
    const open = { status: 'open' as const, opensAt, closesAt };
    const end = closedFrom(closesAt).getTime();
    expect(countdownText('fr', open, new Date(end - 2 * HOUR))).toBe('Clôture dans 2 heures');
    expect(countdownText('fr', open, new Date(end - 60_000))).toBe('Clôture dans 1 minute');
    expect(countdownText('en', open, new Date(end - 30 * 60_000))).toBe('Closes in 30 minutes');
  });
});
