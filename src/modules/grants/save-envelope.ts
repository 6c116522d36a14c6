import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { formatEuros } from '../seasons/index.js';
import type { EnvelopeInput } from './grant-inputs.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import './tables.js';

/**
 * Creates an envelope (no id) or changes one (its version checked). Its amount never goes below what is
 * committed on it: the envelope's row is locked while the committed sum is read, as commitments do.
 */
export async function saveEnvelope(
  services: Services,
  actor: Actor,
  input: EnvelopeInput & { seasonId: string; id?: string; version?: number },
): Promise<Result<{ id: string }>> {
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const values = {
      track_code: input.trackCode,
      label: input.label,
      amount_cents: input.amountCents,
      payer_name: input.payerName,
      payer_siret: input.payerSiret,
      budget_line: input.budgetLine,
      scheme: input.scheme,
      updated_at: now,
    };
    if (!input.id) {
      const row = await trx
        .insertInto('grant_envelopes')
        .values({ ...values, season_id: input.seasonId, created_at: now, created_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'grants.envelope-created',
        subjectType: 'grant_envelope',
        subjectId: row.id,
        summary: { seasonId: input.seasonId, trackCode: input.trackCode, amountCents: input.amountCents },
      });
      return { ok: true, id: row.id };
    }
    const current = await trx
      .selectFrom('grant_envelopes')
      .select(['id', 'version', 'amount_cents', 'track_code', 'season_id'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current || current.season_id !== input.seasonId) return problem(404, '', m.badRequest);
    if (input.version !== undefined && input.version !== current.version) return problem(409, '', m.stale);
    const committed = await committedOn(trx, current.id);
    if (input.amountCents < committed)
      return problem(400, 'amount', m.belowCommitted, { committed: formatEuros('fr', committed) });
    if (input.trackCode !== current.track_code) {
      // Grants already drawn on it belong to its track: moving it would strand them.
      const used = await trx.selectFrom('grants').select('id').where('envelope_id', '=', current.id).executeTakeFirst();
      if (used) return problem(400, 'track_code', m.stale);
    }
    await trx
      .updateTable('grant_envelopes')
      .set({ ...values, version: current.version + 1 })
      .where('id', '=', current.id)
      .execute();
    await audit({
      action: 'grants.envelope-changed',
      subjectType: 'grant_envelope',
      subjectId: current.id,
      summary: { amountCents: { from: Number(current.amount_cents), to: input.amountCents } },
    });
    return { ok: true, id: current.id };
  });
}

/** What the grants holding money on an envelope add up to (call with the envelope's row locked). */
export async function committedOn(
  trx: Parameters<Parameters<typeof auditedTransaction>[3]>[0],
  envelopeId: string,
  exceptGrantId?: string,
): Promise<number> {
  let query = trx
    .selectFrom('grants')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_cents'), eb.val('0')).as('sum'))
    .where('envelope_id', '=', envelopeId)
    .where('status', 'in', ['committed', 'signed', 'suspended', 'closed']);
  if (exceptGrantId) query = query.where('id', '<>', exceptGrantId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.sum);
}
