/**
 * The life of an application. Every state change goes through `checkTransition`, so the allowed
 * moves are written once, here, and tested here.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'in_instruction',
  'eligible',
  'ineligible',
  'in_review',
  'laureate',
  'not_selected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/**
 * States in which an application no longer competes for the selection: the jury neither ranks it
 * nor is asked to review it (reviews already submitted stay, and still calibrate their reviewers).
 */
const OUT_OF_THE_RUNNING: ReadonlySet<string> = new Set<ApplicationState>(['withdrawn', 'ineligible']);

export function isInTheRunning(state: string): boolean {
  return !OUT_OF_THE_RUNNING.has(state);
}

/** Who may make a move: the applicant (owner or co-applicant) or staff instructing it. */
export type TransitionActor = 'applicant' | 'staff';

interface Move {
  to: ApplicationState;
  by: TransitionActor;
  /** A written reason is required (an ineligibility must say why). */
  reasonRequired?: boolean;
}

const MOVES: Record<ApplicationState, Move[]> = {
  draft: [
    { to: 'submitted', by: 'applicant' },
    { to: 'withdrawn', by: 'applicant' },
  ],
  submitted: [
    { to: 'in_instruction', by: 'staff' },
    { to: 'withdrawn', by: 'applicant' },
  ],
  in_instruction: [
    { to: 'eligible', by: 'staff' },
    { to: 'ineligible', by: 'staff', reasonRequired: true },
    { to: 'withdrawn', by: 'applicant' },
  ],
  eligible: [
    { to: 'in_review', by: 'staff' },
    { to: 'laureate', by: 'staff' },
    { to: 'not_selected', by: 'staff' },
    { to: 'in_instruction', by: 'staff', reasonRequired: true },
    { to: 'withdrawn', by: 'applicant' },
  ],
  // With the jury: staff publish an assignment (or move it by hand); the decision follows the review.
  in_review: [
    { to: 'laureate', by: 'staff' },
    { to: 'not_selected', by: 'staff' },
    { to: 'eligible', by: 'staff', reasonRequired: true },
    { to: 'withdrawn', by: 'applicant' },
  ],
  // A wrong ineligibility can be reopened, with a reason that stays in the history.
  ineligible: [{ to: 'in_instruction', by: 'staff', reasonRequired: true }],
  laureate: [{ to: 'withdrawn', by: 'applicant' }],
  not_selected: [],
  withdrawn: [],
};

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}

export type TransitionCheck = { ok: true } | { ok: false; problem: 'not_allowed' | 'reason_required' };

/** Whether `by` may move an application from `from` to `to` with this reason. Pure. */
export function checkTransition(
  from: ApplicationState,
  to: ApplicationState,
  by: TransitionActor,
  reason = '',
): TransitionCheck {
  const move = MOVES[from].find((m) => m.to === to && m.by === by);
  if (!move) return { ok: false, problem: 'not_allowed' };
  if (move.reasonRequired && reason.trim() === '') return { ok: false, problem: 'reason_required' };
  return { ok: true };
}

/** The states `by` may move an application to from `from` (to offer only valid actions). */
export function nextStates(from: ApplicationState, by: TransitionActor): ApplicationState[] {
  return MOVES[from].filter((m) => m.by === by).map((m) => m.to);
}

export function reasonRequired(from: ApplicationState, to: ApplicationState): boolean {
  return MOVES[from].some((m) => m.to === to && m.reasonRequired === true);
}

/** The applicant may still change the answers: a draft, or a submitted one until the deadline. */
export function isEditable(state: ApplicationState): boolean {
  return state === 'draft' || state === 'submitted';
}

/** Whether the applicant may change it now: a draft even after the deadline (nothing typed is lost), a submitted one only on time. */
export function changeableNow(state: ApplicationState, onTime: boolean): boolean {
  return isEditable(state) && (state === 'draft' || onTime);
}
