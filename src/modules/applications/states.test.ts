import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES, checkTransition, isEditable, nextStates } from './states.js';

describe('application states', () => {
  it('follows the path draft → submitted → in instruction → eligible → laureate', () => {
    expect(checkTransition('draft', 'submitted', 'applicant')).toEqual({ ok: true });
    expect(checkTransition('submitted', 'in_instruction', 'staff')).toEqual({ ok: true });
    expect(checkTransition('in_instruction', 'eligible', 'staff')).toEqual({ ok: true });
    expect(checkTransition('eligible', 'laureate', 'staff')).toEqual({ ok: true });
    expect(checkTransition('eligible', 'not_selected', 'staff')).toEqual({ ok: true });
  });

  it('requires a reason for ineligibility and for reopening', () => {
    expect(checkTransition('in_instruction', 'ineligible', 'staff')).toEqual({ ok: false, problem: 'reason_required' });
    expect(checkTransition('in_instruction', 'ineligible', 'staff', '   ')).toEqual({
      ok: false,
      problem: 'reason_required',
    });
    expect(checkTransition('in_instruction', 'ineligible', 'staff', 'Hors périmètre')).toEqual({ ok: true });
    expect(checkTransition('ineligible', 'in_instruction', 'staff', 'Erreur de lecture')).toEqual({ ok: true });
  });

  it('refuses skipping steps, going back to draft, and moves by the wrong party', () => {
    expect(checkTransition('draft', 'eligible', 'staff').ok).toBe(false);
    expect(checkTransition('submitted', 'draft', 'applicant').ok).toBe(false);
    expect(checkTransition('submitted', 'in_instruction', 'applicant').ok).toBe(false);
    expect(checkTransition('draft', 'submitted', 'staff').ok).toBe(false);
    expect(checkTransition('submitted', 'laureate', 'staff').ok).toBe(false);
  });

  it('makes withdrawn and not selected final', () => {
    for (const to of APPLICATION_STATES) {
      for (const by of ['applicant', 'staff'] as const) {
        expect(checkTransition('withdrawn', to, by, 'x').ok).toBe(false);
        expect(checkTransition('not_selected', to, by, 'x').ok).toBe(false);
      }
    }
  });

  it('offers each party only its own moves, and lets only drafts and submitted applications be edited', () => {
    expect(nextStates('submitted', 'applicant')).toEqual(['withdrawn']);
    expect(nextStates('in_instruction', 'staff').sort()).toEqual(['eligible', 'ineligible']);
    expect(APPLICATION_STATES.filter(isEditable)).toEqual(['draft', 'submitted']);
  });

  it('sends an eligible application to the jury and decides it from there', () => {
    expect(checkTransition('eligible', 'in_review', 'staff')).toEqual({ ok: true });
    expect(checkTransition('eligible', 'in_review', 'applicant').ok).toBe(false);
    expect(checkTransition('in_review', 'laureate', 'staff')).toEqual({ ok: true });
    expect(checkTransition('in_review', 'not_selected', 'staff')).toEqual({ ok: true });
    expect(checkTransition('in_review', 'eligible', 'staff')).toEqual({ ok: false, problem: 'reason_required' });
    expect(checkTransition('in_review', 'eligible', 'staff', 'Jury à refaire')).toEqual({ ok: true });
    expect(checkTransition('in_review', 'withdrawn', 'applicant')).toEqual({ ok: true });
    expect(checkTransition('in_review', 'in_instruction', 'staff', 'x').ok).toBe(false);
    expect(checkTransition('submitted', 'in_review', 'staff').ok).toBe(false);
    expect(nextStates('in_review', 'staff').sort()).toEqual(['eligible', 'laureate', 'not_selected']);
    expect(isEditable('in_review')).toBe(false);
  });
});
