import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import { defineMessages } from '../../core/i18n/i18n.js';
import { formatEuros } from '../seasons/index.js';
import { addTimelineSource, type LateItem, type TimelineEntry } from '../support/index.js';
import {
  amendmentsOf,
  conventionOf,
  dayOf,
  type Grant,
  grantById,
  grantOfApplication,
  paymentsOf,
  proceduresOf,
  trancheStates,
} from './queries.js';
import './tables.js';

/** The digest is in French (staff's language in the programme): the procedure's name, not its code. */
const PROCEDURE_LABELS: Record<string, string> = {
  suspend: 'suspension',
  reduce: 'réduction',
  withdraw: 'retrait',
};

type Db = Kysely<DB> | Transaction<DB>;

const tm = defineMessages({
  committed: { fr: 'Subvention engagée : {amount}', en: 'Grant committed: {amount}' },
  signed: { fr: 'Convention signée', en: 'Convention signed' },
  amended: { fr: 'Avenant à la subvention', en: 'Grant amended' },
  procedureOpened: { fr: 'Procédure ouverte sur la subvention', en: 'Procedure opened on the grant' },
  procedureDecided: { fr: 'Décision sur la procédure', en: 'Decision on the procedure' },
  payment: { fr: 'Versement reçu : {amount}', en: 'Payment received: {amount}' },
});

/** Days after which an unpaid payable tranche, or an undecided procedure past its deadline, is late. */
export const LATE_DAYS = 15;

const staffHref = (applicationId: string) => `/admin/subventions/laureats/${applicationId}`;
const teamHref = (applicationId: string) => `/espace-laureat/${applicationId}/subvention`;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

function minusDays(day: string, days: number): string {
  const date = noon(day);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function entries(db: Db, applicationId: string): Promise<TimelineEntry[]> {
  const grant = await grantOfApplication(db, applicationId);
  if (!grant || grant.status === 'draft') return [];
  const [payments, amendments, convention, procedures] = await Promise.all([
    paymentsOf(db, grant.id),
    amendmentsOf(db, grant.id),
    conventionOf(db, grant.id),
    proceduresOf(db, grant.id),
  ]);
  const base = {
    staffHref: staffHref(applicationId),
    teamHref: teamHref(applicationId),
    restricted: 'grants' as const,
  };
  const list: TimelineEntry[] = [];
  if (grant.committedAt)
    list.push({
      ...base,
      kind: 'grant',
      at: grant.committedAt,
      title: tm.committed,
      params: { amount: formatEuros('fr', grant.amountCents) },
      text: grant.purpose,
    });
  if (convention?.signedOn)
    list.push({ ...base, kind: 'grant', at: noon(convention.signedOn), title: tm.signed, text: '' });
  for (const a of amendments) list.push({ ...base, kind: 'grant', at: a.createdAt, title: tm.amended, text: a.reason });
  for (const p of procedures) {
    list.push({ ...base, kind: 'grant', at: p.openedAt, title: tm.procedureOpened, text: p.reasons });
    if (p.decidedAt)
      list.push({ ...base, kind: 'grant', at: p.decidedAt, title: tm.procedureDecided, text: p.decisionNote });
  }
  for (const p of payments)
    list.push({
      ...base,
      kind: 'payment',
      at: noon(p.paidOn),
      title: tm.payment,
      params: { amount: formatEuros('fr', p.amountCents) },
      text: '',
    });
  return list;
}

/** Payable tranches planned more than 15 days ago and unpaid; procedures past their deadline awaiting decision. */
async function late(db: Db, today: string): Promise<LateItem[]> {
  const items: LateItem[] = [];
  const limit = minusDays(today, LATE_DAYS);
  const candidates = await db
    .selectFrom('grant_tranches as t')
    .innerJoin('grants as g', 'g.id', 't.grant_id')
    .select(['g.id as grant_id'])
    .distinct()
    .where('g.status', 'in', ['committed', 'signed'])
    .where('t.planned_on', '<', limit)
    .execute();
  for (const { grant_id } of candidates) {
    const grant = (await grantById(db, grant_id)) as Grant;
    for (const tranche of await trancheStates(db, grant))
      if (tranche.waitsFor === 'none' && tranche.plannedOn < limit)
        items.push({
          applicationId: grant.applicationId,
          kind: 'payment',
          title: `${grant.reference} – tranche ${tranche.position}`,
          dueOn: tranche.plannedOn,
          staffHref: staffHref(grant.applicationId),
          restricted: 'grants',
        });
  }
  const procedures = await db
    .selectFrom('grant_procedures as p')
    .innerJoin('grants as g', 'g.id', 'p.grant_id')
    .select(['g.application_id', 'g.reference', 'p.kind', 'p.answer_due_on'])
    .where('p.status', '=', 'open')
    .where('p.answer_due_on', '<', today)
    .execute();
  for (const p of procedures)
    items.push({
      applicationId: p.application_id,
      kind: 'grant',
      title: `${p.reference} – ${PROCEDURE_LABELS[p.kind]}`,
      dueOn: dayOf(p.answer_due_on),
      staffHref: staffHref(p.application_id),
      restricted: 'grants',
    });
  return items;
}

/** The grants' part of a laureate's timeline and of the weekly digest. */
export const grantsTimelineSource = { name: 'grants', entries, late };

addTimelineSource(grantsTimelineSource);
