import { describe, expect, it } from 'vitest';
import { phaseRules, type ReviewPhase } from './phases.js';

const phase: ReviewPhase = {
  starts_at: new Date('2026-03-01T08:00:00Z'),
  ends_at: new Date('2026-03-15T22:59:59Z'),
  visibility: 'assigned',
  others_reviews: 'after_own',
  blind: true,
  editable_after_end: false,
};

describe('phaseRules', () => {
  it('tells upcoming, open and ended apart at the exact bounds', () => {
    expect(phaseRules(phase, new Date('2026-03-01T07:59:59Z')).status).toBe('upcoming');
    expect(phaseRules(phase, new Date('2026-03-01T08:00:00Z')).status).toBe('open');
    expect(phaseRules(phase, new Date('2026-03-15T22:59:59Z')).status).toBe('ended');
  });
  it('allows editing while open, and after the end only when the phase says so', () => {
    expect(phaseRules(phase, new Date('2026-02-01T00:00:00Z')).canEdit).toBe(false);
    expect(phaseRules(phase, new Date('2026-03-05T00:00:00Z')).canEdit).toBe(true);
    expect(phaseRules(phase, new Date('2026-04-01T00:00:00Z')).canEdit).toBe(false);
    expect(phaseRules({ ...phase, editable_after_end: true }, new Date('2026-04-01T00:00:00Z')).canEdit).toBe(true);
  });
  it("shows others' reviews never, after one's own, or always", () => {
    const now = new Date('2026-03-05T00:00:00Z');
    expect(phaseRules({ ...phase, others_reviews: 'never' }, now).canSeeOthersReviews(true)).toBe(false);
    expect(phaseRules(phase, now).canSeeOthersReviews(false)).toBe(false);
    expect(phaseRules(phase, now).canSeeOthersReviews(true)).toBe(true);
    expect(phaseRules({ ...phase, others_reviews: 'always' }, now).canSeeOthersReviews(false)).toBe(true);
    expect(phaseRules(phase, now)).toMatchObject({ blind: true, visibility: 'assigned' });
  });
});
