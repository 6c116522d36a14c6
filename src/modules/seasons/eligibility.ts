/** Who may apply to a season. Later work (eligibility rules) builds on these codes. */
export const ELIGIBLE_KINDS = ['citizen', 'association', 'administration', 'company'] as const;
export type EligibleKind = (typeof ELIGIBLE_KINDS)[number];

export function isEligibleKind(value: string): value is EligibleKind {
  return (ELIGIBLE_KINDS as readonly string[]).includes(value);
}
