import { describe, expect, it } from 'vitest';
import type { ValueState } from '../tables.js';
import { nextState, teamMayEdit, type ValueAction } from './value-cycle.js';

describe('the value cycle', () => {
  it('allows exactly Akvo’s moves', () => {
    const from: (ValueState | 'new')[] = ['new', 'draft', 'pending', 'approved', 'returned'];
    const actions: ValueAction[] = ['save', 'submit', 'approve', 'return', 'record'];
    const table = Object.fromEntries(
      from.map((state) => [state, Object.fromEntries(actions.map((action) => [action, nextState(state, action)]))]),
    );
    expect(table).toEqual({
      new: { save: 'draft', submit: 'pending', approve: null, return: null, record: 'approved' },
      draft: { save: 'draft', submit: 'pending', approve: null, return: null, record: null },
      pending: { save: null, submit: null, approve: 'approved', return: 'returned', record: null },
      approved: { save: null, submit: null, approve: null, return: null, record: null },
      returned: { save: 'draft', submit: 'pending', approve: null, return: null, record: null },
    });
    expect((['draft', 'pending', 'approved', 'returned'] as const).filter(teamMayEdit)).toEqual(['draft', 'returned']);
  });
});
