import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { SUPPORT_LEVERS } from '../../seasons/index.js';
import type { ContactOutcome, NeedSide, UseCaseStatus } from '../tables.js';
import { CONTACT_OUTCOMES, USE_CASE_STATUSES } from './labels.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The cooperation space's figures (issue 15: "staff see the flow"): what the space holds, the needs open and
 * closed, the contacts made, answered and what came of them — per support lever and per administration. The
 * staff overview shows them and downloads them as CSV; the impact report reuses `cooperationFigures`.
 *
 * What counts: commons and administrations neither hidden nor merged; use cases and needs not hidden; every
 * contact. A contact's lever is its need's (a contact to a commons' referents has none). An administration
 * takes part in a contact when the sender wrote for it, when the need is its own, or when a recipient is a
 * referent of one of its use cases of the commons written about.
 */

/** Counts of one group (a lever, an administration). */
export interface FigureRow {
  /** A lever code ('' for none) or an administration id. */
  key: string;
  /** The administration's name (levers are labelled by the views). */
  label: string;
  needsOpen: number;
  needsClosed: number;
  contacts: number;
  answered: number;
  outcomes: Record<ContactOutcome, number>;
}

export interface CooperationFigures {
  commons: number;
  administrations: number;
  useCases: Record<UseCaseStatus, number>;
  useCasesTotal: number;
  experiments: number;
  needs: Record<NeedSide, { open: number; closed: number }>;
  contacts: {
    made: number;
    answered: number;
    /** Asked what came of it (by the follow-up mail, or the sender said so first). */
    followedUp: number;
    outcomes: Record<ContactOutcome, number>;
    /** Contacts with no outcome recorded. */
    noOutcome: number;
  };
  total: FigureRow;
  byLever: FigureRow[];
  byAdministration: FigureRow[];
}

/** One need or offer, as the figures count it. */
export interface NeedFact {
  side: NeedSide;
  lever: string | null;
  administrationId: string | null;
  open: boolean;
}

/** One contact, as the figures count it. */
export interface ContactFact {
  lever: string | null;
  administrationIds: string[];
  answered: boolean;
  followedUp: boolean;
  outcome: ContactOutcome | null;
}

export interface FigureFacts {
  commons: number;
  administrations: { id: string; name: string }[];
  useCases: UseCaseStatus[];
  experiments: number;
  needs: NeedFact[];
  contacts: ContactFact[];
}

const noOutcomes = (): Record<ContactOutcome, number> =>
  Object.fromEntries(CONTACT_OUTCOMES.map((o) => [o, 0])) as Record<ContactOutcome, number>;

const emptyRow = (key: string, label = ''): FigureRow => ({
  key,
  label,
  needsOpen: 0,
  needsClosed: 0,
  contacts: 0,
  answered: 0,
  outcomes: noOutcomes(),
});

function addNeed(row: FigureRow, need: NeedFact): void {
  if (need.open) row.needsOpen++;
  else row.needsClosed++;
}

function addContact(row: FigureRow, contact: ContactFact): void {
  row.contacts++;
  if (contact.answered) row.answered++;
  if (contact.outcome) row.outcomes[contact.outcome]++;
}

const hasActivity = (row: FigureRow) => row.needsOpen + row.needsClosed + row.contacts > 0;

/** The figures of some facts (pure: the tests check its sums). */
export function aggregateFigures(facts: FigureFacts): CooperationFigures {
  const useCases = Object.fromEntries(USE_CASE_STATUSES.map((s) => [s, 0])) as Record<UseCaseStatus, number>;
  for (const status of facts.useCases) useCases[status]++;
  const needs: CooperationFigures['needs'] = {
    administration: { open: 0, closed: 0 },
    commons: { open: 0, closed: 0 },
  };
  for (const need of facts.needs) needs[need.side][need.open ? 'open' : 'closed']++;
  const outcomes = noOutcomes();
  for (const contact of facts.contacts) if (contact.outcome) outcomes[contact.outcome]++;

  const total = emptyRow('total');
  for (const need of facts.needs) addNeed(total, need);
  for (const contact of facts.contacts) addContact(total, contact);

  // Every known lever in the programme's order, then unknown codes, then "no lever".
  const levers = new Map<string, FigureRow>(SUPPORT_LEVERS.map((l) => [l.code, emptyRow(l.code)]));
  const leverRow = (code: string | null) => {
    const key = code ?? '';
    let row = levers.get(key);
    if (!row) levers.set(key, (row = emptyRow(key)));
    return row;
  };
  for (const need of facts.needs) addNeed(leverRow(need.lever), need);
  for (const contact of facts.contacts) addContact(leverRow(contact.lever), contact);
  const unknown = [...levers.keys()].filter((k) => k !== '' && !SUPPORT_LEVERS.some((l) => l.code === k)).sort();
  const byLever = [
    ...SUPPORT_LEVERS.map((l) => levers.get(l.code)!),
    ...unknown.map((k) => levers.get(k)!),
    ...(levers.has('') ? [levers.get('')!] : []),
  ];

  const administrations = new Map(facts.administrations.map((a) => [a.id, emptyRow(a.id, a.name)]));
  for (const need of facts.needs) {
    const row = need.administrationId ? administrations.get(need.administrationId) : undefined;
    if (row) addNeed(row, need);
  }
  for (const contact of facts.contacts)
    for (const id of new Set(contact.administrationIds)) {
      const row = administrations.get(id);
      if (row) addContact(row, contact);
    }
  const byAdministration = [...administrations.values()]
    .filter(hasActivity)
    .sort(
      (a, b) =>
        b.contacts - a.contacts ||
        b.needsOpen + b.needsClosed - (a.needsOpen + a.needsClosed) ||
        a.label.localeCompare(b.label, 'fr') ||
        (a.key < b.key ? -1 : 1),
    );

  return {
    commons: facts.commons,
    administrations: facts.administrations.length,
    useCases,
    useCasesTotal: facts.useCases.length,
    experiments: facts.experiments,
    needs,
    contacts: {
      made: facts.contacts.length,
      answered: facts.contacts.filter((c) => c.answered).length,
      followedUp: facts.contacts.filter((c) => c.followedUp).length,
      outcomes,
      noOutcome: facts.contacts.filter((c) => !c.outcome).length,
    },
    total,
    byLever,
    byAdministration,
  };
}

/** The facts the figures count, read from the module's tables. */
export async function figureFacts(db: Db): Promise<FigureFacts> {
  const [commons, administrations, useCases, experiments, needs, contacts, referentLinks] = await Promise.all([
    db
      .selectFrom('commons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('commons_administrations')
      .select(['id', 'name'])
      .where('hidden', '=', false)
      .where('merged_into', 'is', null)
      .orderBy('name')
      .execute(),
    db.selectFrom('commons_use_cases').select('status').where('hidden', '=', false).execute(),
    db
      .selectFrom('commons_experiments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('commons_needs')
      .select(['side', 'lever', 'administration_id', 'closed_at'])
      .where('hidden', '=', false)
      .execute(),
    db
      .selectFrom('commons_contacts as k')
      .leftJoin('commons_needs as n', 'n.id', 'k.need_id')
      .select([
        'k.id',
        'k.sender_administration_id',
        'k.answered_at',
        'k.followed_up_at',
        'k.outcome',
        'n.lever',
        'n.administration_id as need_administration_id',
      ])
      .execute(),
    // Recipients of a contact to a commons' referents, through their use cases of that commons.
    db
      .selectFrom('commons_contacts as k')
      .innerJoin('commons_contact_recipients as r', 'r.contact_id', 'k.id')
      .innerJoin('commons_referents as f', 'f.user_id', 'r.user_id')
      .innerJoin('commons_use_cases as u', (join) =>
        join.onRef('u.id', '=', 'f.use_case_id').onRef('u.commons_id', '=', 'k.commons_id'),
      )
      .select(['k.id', 'u.administration_id'])
      .distinct()
      .where('k.target', '=', 'commons_referents')
      .execute(),
  ]);
  const viaReferents = new Map<string, string[]>();
  for (const link of referentLinks)
    viaReferents.set(link.id, [...(viaReferents.get(link.id) ?? []), link.administration_id]);
  return {
    commons: Number(commons.n),
    administrations,
    useCases: useCases.map((u) => u.status),
    experiments: Number(experiments.n),
    needs: needs.map((n) => ({
      side: n.side,
      lever: n.lever,
      administrationId: n.administration_id,
      open: n.closed_at === null,
    })),
    contacts: contacts.map((k) => ({
      lever: k.lever ?? null,
      administrationIds: [
        ...(k.sender_administration_id ? [k.sender_administration_id] : []),
        ...(k.need_administration_id ? [k.need_administration_id] : []),
        ...(viaReferents.get(k.id) ?? []),
      ],
      answered: k.answered_at !== null,
      followedUp: k.followed_up_at !== null,
      outcome: k.outcome,
    })),
  };
}

/** The cooperation space's figures, for the staff overview and the impact report. */
export async function cooperationFigures(db: Db): Promise<CooperationFigures> {
  return aggregateFigures(await figureFacts(db));
}
