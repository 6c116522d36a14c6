import type { ValueState } from '../tables.js';

/**
 * Akvo RSR's cycle of a reported value, as one table: who does what from which state, and where it goes.
 * The team saves a draft and submits it (pending); staff approve it (it counts and is public) or return it
 * with a comment (the team edits and resubmits). Staff record a value of a laureate that has no team on the
 * platform (an earlier season's) as approved at once. An approved value is final: a correction is a new
 * value, which replaces it when approved.
 */
export type ValueAction = 'save' | 'submit' | 'approve' | 'return' | 'record';

const CYCLE: Record<ValueAction, Partial<Record<ValueState | 'new', ValueState>>> = {
  save: { new: 'draft', draft: 'draft', returned: 'draft' },
  submit: { new: 'pending', draft: 'pending', returned: 'pending' },
  approve: { pending: 'approved' },
  return: { pending: 'returned' },
  record: { new: 'approved' },
};

/** The state after `action` from `from` ('new': no value yet), or null when the cycle does not allow it. */
export function nextState(from: ValueState | 'new', action: ValueAction): ValueState | null {
  return CYCLE[action][from] ?? null;
}

/** Whether the team may still change a value in this state (not while staff review it, not once approved). */
export function teamMayEdit(state: ValueState): boolean {
  return nextState(state, 'save') !== null;
}
