/**
 * The name an erased person's records show from then on (staff pages, exports, other reviewers' view):
 * stable for the same account, and leading to no one — it is made from the account's random id only.
 */
export function pseudonymOf(userId: string): string {
  return `Personne effacée n° ${userId.replace(/-/g, '').slice(0, 8)}`;
}

/** An address shown to staff, or the pseudonym when the account was erased (its address is gone). */
export function addressOrPseudonym(email: string | null, userId: string): string {
  return email ?? pseudonymOf(userId);
}
