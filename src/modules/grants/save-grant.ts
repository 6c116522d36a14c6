import type { Transaction } from 'kysely';
import { type Actor, type AuditRecorder, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { formatEuros } from '../seasons/index.js';
import type { GrantInput, TrancheInput } from './grant-inputs.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { type Grant, grantById, grantOfApplication, type Tranche, tranchesOf } from './queries.js';
import { committedOn } from './save-envelope.js';
import './tables.js';

/** Statuses of a grant whose changes are amendments (with a reason, before/after kept). */
const AMENDABLE = ['committed', 'signed', 'suspended'] as const;

const trancheView = (t: { amountCents: number; plannedOn: string; condition: string; milestoneId: string | null }) => ({
  amountCents: t.amountCents,
  plannedOn: t.plannedOn,
  condition: t.condition,
  milestoneId: t.milestoneId,
});

/** Writes the tranches by position: rows that received payments are updated, never deleted. */
export async function writeTranches(
  trx: Transaction<DB>,
  grantId: string,
  existing: Tranche[],
  next: TrancheInput[],
): Promise<Result> {
  for (const [index, tranche] of existing.entries()) {
    const wanted = next[index];
    if (!wanted && tranche.paidCents > 0)
      return problem(400, `t${index + 1}_amount`, m.trancheBelowPaid, { paid: formatEuros('fr', tranche.paidCents) });
    if (wanted && wanted.amountCents < tranche.paidCents)
      return problem(400, `t${index + 1}_amount`, m.trancheBelowPaid, { paid: formatEuros('fr', tranche.paidCents) });
  }
  const removed = existing.slice(next.length).map((t) => t.id);
  if (removed.length > 0) await trx.deleteFrom('grant_tranches').where('id', 'in', removed).execute();
  for (const [index, tranche] of next.entries()) {
    const values = {
      amount_cents: tranche.amountCents,
      planned_on: tranche.plannedOn,
      condition: tranche.condition,
      milestone_id: tranche.condition === 'milestone' ? tranche.milestoneId : null,
      condition_text: tranche.conditionText,
    };
    const current = existing[index];
    if (current) await trx.updateTable('grant_tranches').set(values).where('id', '=', current.id).execute();
    else
      await trx
        .insertInto('grant_tranches')
        .values({ ...values, grant_id: grantId, position: index + 1 })
        .execute();
  }
  return { ok: true };
}

/**
 * Saves a laureate's grant: creates the draft, changes a draft freely, or amends a committed grant. An
 * amendment of its amount, dates or tranches needs a reason and keeps the before and after; an increase is
 * checked against the envelope under the same lock as a commitment (the envelope's row, then the grant's).
 */
export async function saveGrant(
  services: Services,
  actor: Actor,
  input: {
    applicationId: string;
    seasonId: string;
    grant: GrantInput;
    reason: string;
    version?: number;
  },
): Promise<Result<{ id: string; amended: boolean; changed: boolean }>> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const g = input.grant;
    const found = await grantOfApplication(trx, input.applicationId);
    const existing = found && found.status !== 'cancelled' ? found : null;
    const envelopeId = existing && existing.status !== 'draft' ? existing.envelopeId : g.envelopeId;
    const envelope = await trx
      .selectFrom('grant_envelopes')
      .select(['id', 'amount_cents', 'season_id'])
      .where('id', '=', envelopeId)
      .forUpdate()
      .executeTakeFirst();
    if (!envelope || envelope.season_id !== input.seasonId) return problem(400, 'envelope_id', m.badRequest);
    const sameReference = await trx
      .selectFrom('grants')
      .select('id')
      .where('reference', '=', g.reference)
      .where('id', '<>', existing?.id ?? '00000000-0000-0000-0000-000000000000')
      .executeTakeFirst();
    if (sameReference) return problem(400, 'reference', m.referenceTaken);
    const values = {
      reference: g.reference,
      amount_cents: g.amountCents,
      purpose: g.purpose,
      nature: g.nature,
      payment_terms: g.paymentTerms,
      payment_terms_text: g.paymentTermsText,
      beneficiary_name: g.beneficiaryName,
      beneficiary_siret: g.beneficiarySiret,
      beneficiary_rna: g.beneficiaryRna,
      action_starts_on: g.actionStartsOn,
      action_ends_on: g.actionEndsOn,
      share_of_costs_bp: g.shareOfCostsBp,
      eu_notified: g.euNotified,
      rae_id: g.raeId,
      updated_at: now,
    };
    if (!existing) {
      const row = await trx
        .insertInto('grants')
        .values({
          ...values,
          envelope_id: envelopeId,
          application_id: input.applicationId,
          season_id: input.seasonId,
          created_at: now,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const written = await writeTranches(trx, row.id, [], g.tranches);
      if (!written.ok) throw new Error('unreachable: new tranches have no payment');
      await audit({
        action: 'grants.grant-created',
        subjectType: 'grant',
        subjectId: row.id,
        summary: { applicationId: input.applicationId, amountCents: g.amountCents, envelopeId },
      });
      return { ok: true, id: row.id, amended: false, changed: true };
    }
    const grant = (await grantById(trx, existing.id, { forUpdate: true })) as Grant;
    if (input.version !== undefined && input.version !== grant.version) return problem(409, '', m.stale);
    if (grant.status === 'closed' || grant.status === 'cancelled') return problem(409, '', m.frozen);
    const tranches = await tranchesOf(trx, grant.id);
    if (grant.status === 'draft') {
      const written = await writeTranches(trx, grant.id, tranches, g.tranches);
      if (!written.ok) return written;
      await trx
        .updateTable('grants')
        .set({ ...values, envelope_id: envelopeId, version: grant.version + 1 })
        .where('id', '=', grant.id)
        .execute();
      await audit({
        action: 'grants.grant-changed',
        subjectType: 'grant',
        subjectId: grant.id,
        summary: { amountCents: { from: grant.amountCents, to: g.amountCents } },
      });
      return { ok: true, id: grant.id, amended: false, changed: true };
    }
    if (!(AMENDABLE as readonly string[]).includes(grant.status)) return problem(409, '', m.frozen);
    return amend(trx, audit, actor, now, {
      grant,
      tranches,
      values,
      input,
      envelopeAmount: Number(envelope.amount_cents),
    });
  });
}

async function amend(
  trx: Transaction<DB>,
  audit: AuditRecorder,
  actor: Actor,
  now: Date,
  args: {
    grant: Grant;
    tranches: Tranche[];
    values: Record<string, unknown>;
    input: { grant: GrantInput; reason: string };
    envelopeAmount: number;
  },
): Promise<Result<{ id: string; amended: boolean; changed: boolean }>> {
  const { grant, tranches, input } = args;
  const g = input.grant;
  const amountChanged = g.amountCents !== grant.amountCents;
  const datesChanged = g.actionStartsOn !== grant.actionStartsOn || g.actionEndsOn !== grant.actionEndsOn;
  const beforeTranches = tranches.map(trancheView);
  const afterTranches = g.tranches.map(trancheView);
  const tranchesChanged = JSON.stringify(beforeTranches) !== JSON.stringify(afterTranches);
  const amendment = amountChanged || datesChanged || tranchesChanged;
  if (amendment && !input.reason) return problem(400, 'reason', m.reasonRequired);
  const sum = g.tranches.reduce((total, t) => total + t.amountCents, 0);
  if (g.tranches.length === 0 || sum !== g.amountCents)
    return problem(400, 't1_amount', m.tranchesSum, {
      sum: formatEuros('fr', sum),
      amount: formatEuros('fr', g.amountCents),
    });
  const paid = tranches.reduce((total, t) => total + t.paidCents, 0);
  if (g.amountCents < paid) return problem(400, 'amount', m.amountBelowPaid, { paid: formatEuros('fr', paid) });
  if (g.amountCents > grant.amountCents) {
    const others = await committedOn(trx, grant.envelopeId, grant.id);
    if (others + g.amountCents > args.envelopeAmount)
      return problem(400, 'amount', m.exceedsEnvelope, {
        remaining: formatEuros('fr', args.envelopeAmount - others),
        amount: formatEuros('fr', g.amountCents),
      });
  }
  const written = await writeTranches(trx, grant.id, tranches, g.tranches);
  if (!written.ok) return written;
  await trx
    .updateTable('grants')
    .set({ ...args.values, version: grant.version + 1 })
    .where('id', '=', grant.id)
    .execute();
  const records: { kind: 'amount' | 'dates' | 'tranches'; before: unknown; after: unknown }[] = [];
  if (amountChanged) records.push({ kind: 'amount', before: grant.amountCents, after: g.amountCents });
  if (datesChanged)
    records.push({
      kind: 'dates',
      before: { startsOn: grant.actionStartsOn, endsOn: grant.actionEndsOn },
      after: { startsOn: g.actionStartsOn, endsOn: g.actionEndsOn },
    });
  if (tranchesChanged) records.push({ kind: 'tranches', before: beforeTranches, after: afterTranches });
  for (const record of records)
    await trx
      .insertInto('grant_amendments')
      .values({
        grant_id: grant.id,
        kind: record.kind,
        before: JSON.stringify(record.before),
        after: JSON.stringify(record.after),
        reason: input.reason,
        created_by: actor.id,
        created_at: now,
      })
      .execute();
  await audit({
    action: amendment ? 'grants.grant-amended' : 'grants.grant-changed',
    subjectType: 'grant',
    subjectId: grant.id,
    summary: { kinds: records.map((r) => r.kind), amountCents: { from: grant.amountCents, to: g.amountCents } },
  });
  return { ok: true, id: grant.id, amended: amendment, changed: true };
}
