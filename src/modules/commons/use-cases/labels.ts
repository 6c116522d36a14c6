import { type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type {
  CommonsKind,
  ContributionKind,
  NeedCategory,
  NeedKind,
  NeedOutcome,
  NeedSide,
  UseCaseStatus,
  Visibility,
} from '../tables.js';
import { useCaseMessages as m } from './messages.js';
import { NATIONAL, TERRITORY_DEPARTEMENTS, TERRITORY_REGIONS, territoryName } from './territories.js';

/** The codes the forms and filters accept, with their labels. */

export const USE_CASE_STATUSES: readonly UseCaseStatus[] = [
  'exploration',
  'experimentation',
  'production',
  'abandoned',
];
export const STATUS_LABELS: Record<UseCaseStatus, Message> = {
  exploration: m.statusExploration,
  experimentation: m.statusExperimentation,
  production: m.statusProduction,
  abandoned: m.statusAbandoned,
};
export const STATUS_BADGES: Record<UseCaseStatus, string> = {
  exploration: 'new',
  experimentation: 'info',
  production: 'success',
  abandoned: 'warning',
};

export const COMMONS_KINDS: readonly CommonsKind[] = ['software', 'data', 'content', 'hardware', 'service', 'other'];
export const KIND_LABELS: Record<CommonsKind, Message> = {
  software: m.kindSoftware,
  data: m.kindData,
  content: m.kindContent,
  hardware: m.kindHardware,
  service: m.kindService,
  other: m.kindOther,
};

export const CONTRIBUTION_KINDS: readonly ContributionKind[] = ['code', 'funding', 'data', 'feedback', 'people'];
export const CONTRIBUTION_LABELS: Record<ContributionKind, Message> = {
  code: m.contributionCode,
  funding: m.contributionFunding,
  data: m.contributionData,
  feedback: m.contributionFeedback,
  people: m.contributionPeople,
};

export const VISIBILITIES: readonly Visibility[] = ['public', 'members'];
export const VISIBILITY_LABELS: Record<Visibility, Message> = {
  public: m.visibilityPublic,
  members: m.visibilityMembers,
};

export const NEED_SIDES: readonly NeedSide[] = ['administration', 'commons'];
/** The side as written in addresses (`?cote=administration|commun`). */
export const SIDE_PARAM: Record<NeedSide, string> = { administration: 'administration', commons: 'commun' };
export const SIDE_LABELS: Record<NeedSide, Message> = {
  administration: m.sideAdministration,
  commons: m.sideCommons,
};
export function sideOfParam(value: string | undefined): NeedSide | undefined {
  return NEED_SIDES.find((side) => SIDE_PARAM[side] === value);
}

export const NEED_KINDS: readonly NeedKind[] = ['need', 'offer'];
/** The kind as written in addresses (`?type=besoin|offre`). */
export const KIND_PARAM: Record<NeedKind, string> = { need: 'besoin', offer: 'offre' };
export const NEED_KIND_LABELS: Record<NeedKind, Message> = { need: m.kindNeed, offer: m.kindOffer };
export function needKindOfParam(value: string | undefined): NeedKind | undefined {
  return NEED_KINDS.find((kind) => KIND_PARAM[kind] === value);
}

export const NEED_CATEGORIES: readonly NeedCategory[] = [
  'problem',
  'funding',
  'data_access',
  'testers',
  'contributors',
  'hosting',
  'expertise',
  'other',
];
/** What a commons may ask for or offer (an administration's need is always a 'problem'). */
export const COMMONS_NEED_CATEGORIES: readonly NeedCategory[] = NEED_CATEGORIES.filter((c) => c !== 'problem');
export const NEED_CATEGORY_LABELS: Record<NeedCategory, Message> = {
  problem: m.categoryProblem,
  funding: m.categoryFunding,
  data_access: m.categoryDataAccess,
  testers: m.categoryTesters,
  contributors: m.categoryContributors,
  hosting: m.categoryHosting,
  expertise: m.categoryExpertise,
  other: m.categoryOther,
};

export const NEED_OUTCOMES: readonly NeedOutcome[] = ['met', 'partly_met', 'not_met', 'withdrawn'];
export const OUTCOME_LABELS: Record<NeedOutcome, Message> = {
  met: m.outcomeMet,
  partly_met: m.outcomePartlyMet,
  not_met: m.outcomeNotMet,
  withdrawn: m.outcomeWithdrawn,
};

export const LEVER_CODES: readonly string[] = SUPPORT_LEVERS.map((lever) => lever.code);

export function leverLabel(locale: Locale, code: string): string {
  const lever = SUPPORT_LEVERS.find((l) => l.code === code);
  return lever ? (locale === 'en' ? lever.labelEn : lever.label) : code;
}

export function leverOptions(locale: Locale): { value: string; label: string }[] {
  return SUPPORT_LEVERS.map((l) => ({ value: l.code, label: locale === 'en' ? l.labelEn : l.label }));
}

export function territoryLabel(locale: Locale, code: string): string {
  return territoryName(code, t(locale, m.national));
}

/** The territories as options: national first, then regions, then départements (a flat list: no optgroup). */
export function territoryOptions(locale: Locale): { value: string; label: string }[] {
  const regions = t(locale, m.regions);
  const departements = t(locale, m.departements);
  return [
    { value: NATIONAL, label: t(locale, m.national) },
    ...TERRITORY_REGIONS.map((r) => ({ value: r.code, label: `${regions} — ${r.name}` })),
    ...TERRITORY_DEPARTEMENTS.map((d) => ({ value: d.code, label: `${departements} — ${d.name}` })),
  ];
}

export function optionsOf<T extends string>(
  locale: Locale,
  codes: readonly T[],
  labels: Record<T, Message>,
): { value: string; label: string }[] {
  return codes.map((code) => ({ value: code, label: t(locale, labels[code]) }));
}
