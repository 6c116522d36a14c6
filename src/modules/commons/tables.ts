import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A calendar day, `YYYY-MM-DD` (Paris time), read and written as text. */
type NullableDay = ColumnType<string | null, string | null | undefined, string | null>;
type TextList = ColumnType<string[], string[] | undefined, string[]>;
/** jsonb: read as parsed JSON, written as a JSON string. */
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** What a digital commons is (the SILL says software; the programme also follows data, content, hardware…). */
export type CommonsKind = 'software' | 'data' | 'content' | 'hardware' | 'service' | 'other';
export type CommonsMaturity = 'idea' | 'prototype' | 'production' | 'mature';
/** exploration, expérimentation, en production, abandonné (with a reason). */
export type UseCaseStatus = 'exploration' | 'experimentation' | 'production' | 'abandoned';
export type Visibility = 'public' | 'members';
export type ContributionKind = 'code' | 'funding' | 'data' | 'feedback' | 'people';
/** Who posted a need or an offer. */
export type NeedSide = 'administration' | 'commons';
export type NeedKind = 'need' | 'offer';
/** What a commons asks for or offers (an administration's need is a problem: 'problem'). */
export type NeedCategory =
  | 'problem'
  | 'funding'
  | 'data_access'
  | 'testers'
  | 'contributors'
  | 'hosting'
  | 'expertise'
  | 'other';
/** What came of a need or an offer when it was closed. */
export type NeedOutcome = 'met' | 'partly_met' | 'not_met' | 'withdrawn';
/** What came of a contact through the platform, asked N days after it (issue 15). */
export type ContactOutcome = 'met' | 'experiment' | 'use_case' | 'nothing';
export type ContactTarget = 'commons_referents' | 'need_authors';
export type ExperimentStatus = 'planned' | 'running' | 'finished' | 'stopped';
/** How a person came into an administration. */
export type JoinedVia = 'proconnect' | 'invitation' | 'staff';

/**
 * A digital commons of the cooperation space. Maintainers (accounts) edit it; staff moderate it (hide,
 * merge a duplicate into another: `merged_into`, the duplicate then redirects).
 */
export interface CommonsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  /** One sentence, shown in lists (≤ 280 characters). */
  summary: string;
  description: string;
  website: string | null;
  repository: string | null;
  /** An SPDX licence identifier or expression, checked against the SPDX list; null when unknown. */
  licence: string | null;
  kind: CommonsKind;
  maturity: CommonsMaturity;
  /** The organisation or community carrying it. */
  governance_name: string;
  governance_siret: string | null;
  governance_rna: string | null;
  categories: TextList;
  keywords: TextList;
  /** The support levers (seasons' SUPPORT_LEVERS codes) the commons needs. */
  levers: TextList;
  /** The laureate application it was or is, for a link to its laureate page. */
  laureate_application_id: string | null;
  /** Its identifier in the State's SILL (catalogi), when known: the import's idempotency key. */
  sill_id: string | null;
  /** Its Wikidata item (`Q…`), when known. */
  wikidata_id: string | null;
  hidden: Generated<boolean>;
  hidden_reason: string | null;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface CommonsMaintainersTable {
  commons_id: string;
  user_id: string;
  added_at: Timestamp;
  added_by: string | null;
}

/** An administration, identified by its SIRET and checked with the company register. */
export interface CommonsAdministrationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  siret: string;
  /** The register's legal category code (e.g. 7120 Service central d'un ministère), when it answered. */
  legal_category: string | null;
  /** The register's answer when last asked (applications' OrganisationCheck), null when never asked. */
  register_check: NullableJson<unknown>;
  /** Active in the register (false: closed establishment); null when not verified. */
  active: boolean | null;
  website: string | null;
  /** A territory code: 'FR' (national), a region (R + INSEE code) or a département (D + code). */
  territory: string;
  description: string;
  hidden: Generated<boolean>;
  hidden_reason: string | null;
  merged_into: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** A service (directorate, office, local unit) of an administration; agents whose ProConnect SIRET is its SIRET join it. */
export interface CommonsServicesTable {
  id: Generated<string>;
  administration_id: string;
  name: string;
  siret: string | null;
  created_at: Timestamp;
}

/** A public agent member of an administration: edits its use cases and needs, invites colleagues. */
export interface CommonsAdministrationMembersTable {
  administration_id: string;
  user_id: string;
  service_id: string | null;
  joined_via: JoinedVia;
  joined_at: Timestamp;
  invited_by: string | null;
}

/** An invitation by a member to a colleague's address; the link's token is kept hashed. */
export interface CommonsInvitationsTable {
  id: Generated<string>;
  administration_id: string;
  email: string;
  token_hash: string;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
}

/** Administration X uses or wants to use commons Y for Z. */
export interface CommonsUseCasesTable {
  id: Generated<string>;
  administration_id: string;
  commons_id: string;
  service_id: string | null;
  title: string;
  description: string;
  status: UseCaseStatus;
  /** Why it was abandoned: required with the status. */
  abandon_reason: string | null;
  service_url: string | null;
  /** Who it serves (agents, citizens of a territory…). */
  audience: string;
  territory: string;
  started_on: NullableDay;
  ended_on: NullableDay;
  visibility: Visibility;
  hidden: Generated<boolean>;
  hidden_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** What the administration gave back to the commons through this use case. */
export interface CommonsContributionsTable {
  id: Generated<string>;
  use_case_id: string;
  kind: ContributionKind;
  description: string;
  amount_cents: number | null;
  occurred_on: NullableDay;
  created_at: Timestamp;
}

/**
 * A member of the administration who accepts to be contacted about a use case, having read what a referent
 * commits to (catalogi#242): `commitment_version` records which text they accepted.
 */
export interface CommonsReferentsTable {
  use_case_id: string;
  user_id: string;
  /** Declares expertise on the commons (catalogi's isExpert). */
  is_expert: Generated<boolean>;
  commitment_version: number;
  accepted_at: Timestamp;
}

/** A need or an offer, posted by an administration or by a commons; closed with what came of it. */
export interface CommonsNeedsTable {
  id: Generated<string>;
  side: NeedSide;
  kind: NeedKind;
  administration_id: string | null;
  commons_id: string | null;
  category: NeedCategory;
  title: string;
  /** The problem (an administration's need) or what is asked or offered. */
  description: string;
  context: string;
  territory: string;
  /** A support lever code, when one applies. */
  lever: string | null;
  deadline: NullableDay;
  visibility: Visibility;
  closed_at: NullableTimestamp;
  outcome: NeedOutcome | null;
  outcome_note: string | null;
  hidden: Generated<boolean>;
  hidden_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/**
 * A contact through the platform: one message to all referents of a commons, or to a need's authors, sent in
 * the platform's name; addresses stay hidden until a recipient answers. Asked after N days what came of it.
 */
export interface CommonsContactsTable {
  id: Generated<string>;
  target: ContactTarget;
  commons_id: string | null;
  need_id: string | null;
  sender_id: string;
  /** The administration the sender writes for, when they are one of its members. */
  sender_administration_id: string | null;
  subject: string;
  created_at: Timestamp;
  /** The first answer of a recipient: from then on both sides see each other's address. */
  answered_at: NullableTimestamp;
  follow_up_at: Timestamp;
  followed_up_at: NullableTimestamp;
  outcome: ContactOutcome | null;
  outcome_note: string | null;
  outcome_at: NullableTimestamp;
}

export interface CommonsContactRecipientsTable {
  contact_id: string;
  user_id: string;
}

/** The exchange of a contact, kept: the first message (the sender's) and every answer. */
export interface CommonsContactMessagesTable {
  id: Generated<string>;
  contact_id: string;
  author_id: string;
  body: string;
  created_at: Timestamp;
}

/** An agreed experiment between one or more administrations and a commons, followed with milestones. */
export interface CommonsExperimentsTable {
  id: Generated<string>;
  commons_id: string;
  title: string;
  goal: string;
  territory: string;
  starts_on: NullableDay;
  ends_on: NullableDay;
  status: ExperimentStatus;
  /** What came of it, written when it ends. */
  outcome: string | null;
  visibility: Visibility;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface CommonsExperimentAdministrationsTable {
  experiment_id: string;
  administration_id: string;
}

/** Someone taking part (an account, or a name with a role for people without one). */
export interface CommonsExperimentPeopleTable {
  id: Generated<string>;
  experiment_id: string;
  user_id: string | null;
  name: string;
  role: string;
}

/** A milestone of an experiment, in the support's milestone states (support's MilestoneState). */
export interface CommonsExperimentMilestonesTable {
  id: Generated<string>;
  experiment_id: string;
  title: string;
  description: string;
  due_on: NullableDay;
  state: ColumnType<
    'upcoming' | 'in_progress' | 'submitted' | 'validated' | 'returned',
    'upcoming' | 'in_progress' | 'submitted' | 'validated' | 'returned' | undefined,
    'upcoming' | 'in_progress' | 'submitted' | 'validated' | 'returned'
  >;
  comment: string | null;
  position: number;
  updated_at: Timestamp;
}

/** A document of an experiment (files purpose 'cooperation'). */
export interface CommonsExperimentDocumentsTable {
  id: Generated<string>;
  experiment_id: string;
  file_id: string;
  title: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface CommonsTables {
  commons: CommonsTable;
  commons_maintainers: CommonsMaintainersTable;
  commons_administrations: CommonsAdministrationsTable;
  commons_services: CommonsServicesTable;
  commons_administration_members: CommonsAdministrationMembersTable;
  commons_invitations: CommonsInvitationsTable;
  commons_use_cases: CommonsUseCasesTable;
  commons_contributions: CommonsContributionsTable;
  commons_referents: CommonsReferentsTable;
  commons_needs: CommonsNeedsTable;
  commons_contacts: CommonsContactsTable;
  commons_contact_recipients: CommonsContactRecipientsTable;
  commons_contact_messages: CommonsContactMessagesTable;
  commons_experiments: CommonsExperimentsTable;
  commons_experiment_administrations: CommonsExperimentAdministrationsTable;
  commons_experiment_people: CommonsExperimentPeopleTable;
  commons_experiment_milestones: CommonsExperimentMilestonesTable;
  commons_experiment_documents: CommonsExperimentDocumentsTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends CommonsTables {}
}
