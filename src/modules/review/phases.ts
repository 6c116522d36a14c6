import type { Selectable } from 'kysely';
import type { ReviewPhasesTable } from './tables.js';

/** The applications a season's jury reviews: eligible ones, and those already with the jury. */
export const REVIEWED_STATES = ['eligible', 'in_review'] as const;

export type ReviewPhase = Pick<
  Selectable<ReviewPhasesTable>,
  'starts_at' | 'ends_at' | 'visibility' | 'others_reviews' | 'blind' | 'editable_after_end'
>;

/** What a review phase allows at `now`: the scoring helper asks this instead of reading phase columns. */
export interface PhaseRules {
  status: 'upcoming' | 'open' | 'ended';
  /** Reviewers may create or change a review (open, or ended with editable_after_end). */
  canEdit: boolean;
  /** 'assigned': reviewers see only their assigned applications; 'all': every one they do not conflict with. */
  visibility: 'assigned' | 'all';
  /** Applicants' names and organisations hidden from reviewers. */
  blind: boolean;
  /** Whether a reviewer may read the other reviews of an application, given whether they submitted their own. */
  canSeeOthersReviews: (ownSubmitted: boolean) => boolean;
}

/** Pure: the rules of `phase` at `now` (a phase runs from starts_at inclusive to ends_at exclusive). */
export function phaseRules(phase: ReviewPhase, now: Date): PhaseRules {
  const t = now.getTime();
  const status =
    t < new Date(phase.starts_at).getTime() ? 'upcoming' : t < new Date(phase.ends_at).getTime() ? 'open' : 'ended';
  const othersReviews = phase.others_reviews;
  return {
    status,
    canEdit: status === 'open' || (status === 'ended' && phase.editable_after_end),
    visibility: phase.visibility,
    blind: phase.blind,
    canSeeOthersReviews: (ownSubmitted) =>
      othersReviews === 'always' || (othersReviews === 'after_own' && ownSubmitted),
  };
}
