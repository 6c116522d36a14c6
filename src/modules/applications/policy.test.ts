import { describe, expect, it } from 'vitest';
import type { CurrentUser, RoleGrant } from '../../core/auth/permissions.js';
import { canInstruct, canInviteMembers, canWithdraw, tracksCover } from './policy.js';

function person(id: string, roles: RoleGrant[] = []): CurrentUser {
  return { id, email: `${id}@example.org`, givenName: null, familyName: null, locale: 'fr', roles, sessionId: 's' };
}

const numerique = { trackCode: 'numerique', ownerId: 'owner' };

describe('applications policy', () => {
  it('lets staff instruct an application of a track they cover, and admins every one', () => {
    expect(canInstruct(person('a', [{ role: 'admin', track: '' }]), numerique)).toBe(true);
    expect(canInstruct(person('s', [{ role: 'staff', track: '' }]), numerique)).toBe(true);
    expect(canInstruct(person('n', [{ role: 'staff', track: 'numerique' }]), numerique)).toBe(true);
    expect(canInstruct(person('e', [{ role: 'staff', track: 'energie' }]), numerique)).toBe(false);
    expect(canInstruct(person('p'), numerique)).toBe(false);
    expect(canInstruct(null, numerique)).toBe(false);
  });

  it('reads a track list the way the use cases receive it (undefined = every track)', () => {
    expect(tracksCover(undefined, numerique)).toBe(true);
    expect(tracksCover(['numerique'], numerique)).toBe(true);
    expect(tracksCover([], numerique)).toBe(false);
  });

  it('keeps withdrawing and inviting to the owner, not to co-applicants', () => {
    expect(canWithdraw(person('owner'), numerique)).toBe(true);
    expect(canInviteMembers(person('owner'), numerique)).toBe(true);
    expect(canWithdraw(person('member'), numerique)).toBe(false);
    expect(canInviteMembers(person('member'), numerique)).toBe(false);
  });
});
