import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import {
  buildInstance,
  drawFromCommitment,
  drawJson,
  drawReplacements,
  loadCommitment,
  NoReplacementError,
  parseCategoriesCsv,
  parsePoolCsv,
  parseSlotsJson,
  prepareCommitment,
  type SortitionInput,
} from '../../algorithms/sortition/index.js';
import { type Actor, auditedTransaction, systemActor } from '../../core/audit/audit.js';
import { hashToken, newToken } from '../../core/auth/sessions.js';
import { afterPublicChange, announcePublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import { formatDate } from '../../core/i18n/i18n.js';
import { enqueueJob } from '../../core/jobs/queue.js';
import type { JobHandler } from '../../core/jobs/worker.js';
import { queueMail } from '../../core/mail/mailer.js';
import type { Services } from '../../core/services.js';
import { INVITATION_MAIL, POOL_MAIL } from './mails.js';
import { loadPanel, loadQuotas, type PanelRecord, poolInput } from './queries.js';
import { analysisError, checkPoolSize } from './run-analysis.js';
import type { PublishedFiles } from './tables.js';

export const COMMIT_JOB = 'panel.prepare-commitment';

/** Queues the commitment of the current pool (LEXIMIN rounded to 1,000 slots); false when one already stands. */
export async function requestCommitment(services: Services, actor: Actor, panelId: string): Promise<boolean> {
  const now = services.clock.now();
  const requested = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    await trx.selectFrom('panels').select('id').where('id', '=', panelId).forUpdate().executeTakeFirst();
    const standing = await trx
      .selectFrom('panel_draws')
      .select('id')
      .where('panel_id', '=', panelId)
      .where('kind', '=', 'initial')
      .where('state', '!=', 'failed')
      .executeTakeFirst();
    if (standing) return false;
    const { id } = await trx
      .insertInto('panel_draws')
      .values({
        panel_id: panelId,
        kind: 'initial',
        state: 'preparing',
        files: 'null',
        pool_volunteers: '{}',
        selected: '[]',
        declined: '[]',
        error: 'null',
        created_at: now,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, COMMIT_JOB, { panelId, drawId: id }, { runAt: now, maxAttempts: 1 });
    // The call closes: the public pages stop announcing it.
    await announcePublicChange(trx, services);
    await audit({
      action: 'panel.commitment-requested',
      subjectType: 'panel',
      subjectId: panelId,
      summary: { draw: id },
    });
    return true;
  });
  if (requested) afterPublicChange(services);
  return requested;
}

export function prepareCommitmentJob(services: Services): JobHandler {
  return async (payload) => {
    const panelId = String(payload.panelId);
    const drawId = String(payload.drawId);
    const panel = await loadPanel(services.db, panelId);
    if (!panel) return;
    // Only a draw still being prepared: a repeated run must never replace a published commitment.
    const draw = await services.db
      .selectFrom('panel_draws')
      .select('state')
      .where('id', '=', drawId)
      .executeTakeFirst();
    if (draw?.state !== 'preparing') return;
    const quotas = await loadQuotas(services.db, panelId);
    const { input, poolVolunteers } = await poolInput(services.db, panel, quotas);
    const now = () => services.clock.now();
    try {
      checkPoolSize(input);
      const prepared = await prepareCommitment(input);
      await auditedTransaction(services.db, systemActor, now(), async (trx, audit) => {
        await trx
          .updateTable('panel_draws')
          .set({
            state: 'committed',
            commitment: prepared.commitment,
            files: JSON.stringify(prepared.files),
            pool_volunteers: JSON.stringify(poolVolunteers),
          })
          .where('id', '=', drawId)
          .execute();
        await tellPseudonyms(trx, services, panel, poolVolunteers, now());
        // The draw's transparency page is now listed on the public pages.
        await announcePublicChange(trx, services);
        await audit({
          action: 'panel.commitment-published',
          subjectType: 'panel',
          subjectId: panelId,
          summary: { draw: drawId, commitment: prepared.commitment, pool: input.people.length },
        });
      });
      afterPublicChange(services);
    } catch (error) {
      const failure = analysisError(error);
      await auditedTransaction(services.db, systemActor, now(), async (trx, audit) => {
        await trx
          .updateTable('panel_draws')
          .set({ state: 'failed', error: JSON.stringify(failure) })
          .where('id', '=', drawId)
          .execute();
        await audit({
          action: 'panel.commitment-failed',
          subjectType: 'panel',
          subjectId: panelId,
          summary: { draw: drawId, error: failure.kind },
        });
      });
    }
  };
}

type FilesWithPool = PublishedFiles & { 'pool.csv': string };

/** Whether the pool file is still published (it is withdrawn at the panel's deletion date). */
export function withPool(files: PublishedFiles | null): files is FilesWithPool {
  return typeof files?.['pool.csv'] === 'string';
}

/**
 * Tells each volunteer of the committed pool their own pseudonym (and nobody else's), so they can find
 * their row in pool.csv; staff without `panel.demographics` never see which pseudonym is whose.
 */
async function tellPseudonyms(
  trx: Transaction<DB>,
  services: Services,
  panel: PanelRecord,
  poolVolunteers: Record<string, string>,
  now: Date,
): Promise<void> {
  const pseudonymOf = new Map(Object.entries(poolVolunteers).map(([pseudonym, volunteer]) => [volunteer, pseudonym]));
  if (pseudonymOf.size === 0) return;
  const volunteers = await trx
    .selectFrom('panel_volunteers')
    .select(['id', 'email', 'locale'])
    .where('id', 'in', [...pseudonymOf.keys()])
    .execute();
  const link = `${services.config.baseUrl}/panel-citoyen/${panel.id}/transparence`;
  for (const volunteer of volunteers) {
    const locale = volunteer.locale === 'en' ? 'en' : 'fr';
    const data = {
      name: locale === 'en' && panel.nameEn ? panel.nameEn : panel.name,
      pseudonym: pseudonymOf.get(volunteer.id)!,
      date: formatDate(locale, panel.deleteAfter),
      link,
    };
    await queueMail(trx, { to: volunteer.email, template: POOL_MAIL, locale, data }, now);
  }
}

/** The sortition input exactly as published (so a draw uses the announced slots, never a recomputation). */
export function publishedInput(files: FilesWithPool): SortitionInput {
  const quotas = parseCategoriesCsv(files['categories.csv']);
  const people = parsePoolCsv(files['pool.csv'], quotas);
  return { quotas, people, k: parseSlotsJson(files['slots.json']).size };
}

async function invite(
  trx: Transaction<DB>,
  services: Services,
  panel: PanelRecord,
  drawId: string,
  poolIds: string[],
  poolVolunteers: Record<string, string>,
  now: Date,
): Promise<void> {
  for (const poolId of poolIds) {
    const volunteerId = poolVolunteers[poolId];
    const volunteer = await trx
      .selectFrom('panel_volunteers')
      .select(['email', 'locale'])
      .where('id', '=', volunteerId)
      .executeTakeFirst();
    if (!volunteer) continue; // erased since the commitment: the seat is left for a replacement
    const token = newToken();
    await trx
      .insertInto('panel_members')
      .values({
        panel_id: panel.id,
        volunteer_id: volunteerId,
        draw_id: drawId,
        pool_id: poolId,
        status: 'invited',
        invite_token_hash: hashToken(token),
        invited_at: now,
      })
      .execute();
    const link = new URL(`${services.config.baseUrl}/panel-citoyen/invitation`);
    link.searchParams.set('jeton', token);
    await queueMail(
      trx,
      {
        to: volunteer.email,
        template: INVITATION_MAIL,
        locale: volunteer.locale === 'en' ? 'en' : 'fr',
        data: { name: panel.name, link: link.toString() },
      },
      now,
    );
  }
}

export type DrawResult =
  | { ok: true; selected: string[] }
  | {
      ok: false;
      reason: 'no-commitment' | 'already-drawn' | 'no-replacement' | 'nothing-to-replace' | 'pool-withdrawn';
    };

/** Draws from the published commitment with the public random value, records the witnesses and invites the selected. */
export async function recordDraw(
  services: Services,
  actor: Actor,
  panelId: string,
  random: string,
  witnesses: string,
): Promise<DrawResult> {
  const now = services.clock.now();
  const panel = await loadPanel(services.db, panelId);
  if (!panel) return { ok: false, reason: 'no-commitment' };
  const drawn = await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<DrawResult> => {
    const draw = await trx
      .selectFrom('panel_draws')
      .selectAll()
      .where('panel_id', '=', panelId)
      .where('kind', '=', 'initial')
      .where('state', 'in', ['committed', 'drawn'])
      .forUpdate()
      .executeTakeFirst();
    if (!draw?.files) return { ok: false, reason: 'no-commitment' };
    if (draw.state === 'drawn') return { ok: false, reason: 'already-drawn' };
    if (!withPool(draw.files)) return { ok: false, reason: 'pool-withdrawn' };
    const commitment = loadCommitment(draw.files, publishedInput(draw.files));
    if (!commitment || commitment.commitment !== draw.commitment)
      throw new Error(`the stored commitment of draw ${draw.id} does not verify`);
    const result = drawFromCommitment(commitment, random);
    await trx
      .updateTable('panel_draws')
      .set({
        state: 'drawn',
        random_value: result.random,
        witnesses,
        slot: result.slot,
        selected: JSON.stringify(result.members),
        drawn_at: now,
      })
      .where('id', '=', draw.id)
      .execute();
    await invite(trx, services, panel, draw.id, result.members, draw.pool_volunteers, now);
    await announcePublicChange(trx, services);
    await audit({
      action: 'panel.drawn',
      subjectType: 'panel',
      subjectId: panelId,
      summary: { draw: draw.id, random: result.random, witnesses, slot: result.slot, selected: result.members },
    });
    return { ok: true, selected: result.members };
  });
  if (drawn.ok) afterPublicChange(services);
  return drawn;
}

/**
 * Replaces the members who declined, keeping every quota (replacement.ts): the same published pool, the
 * panel as it stands, a new public random value. Recorded as its own draw and published as
 * replacement-N.json, which `sortition verify` replays. People who declined before are never drawn again.
 */
export async function recordReplacementDraw(
  services: Services,
  actor: Actor,
  panelId: string,
  random: string,
  witnesses: string,
): Promise<DrawResult> {
  const now = services.clock.now();
  const panel = await loadPanel(services.db, panelId);
  if (!panel) return { ok: false, reason: 'no-commitment' };
  try {
    return await auditedTransaction(services.db, actor, now, async (trx, audit): Promise<DrawResult> => {
      await sql`select pg_advisory_xact_lock(4, hashtext(${panelId}))`.execute(trx);
      const initial = await trx
        .selectFrom('panel_draws')
        .selectAll()
        .where('panel_id', '=', panelId)
        .where('kind', '=', 'initial')
        .where('state', '=', 'drawn')
        .executeTakeFirst();
      if (!initial?.files) return { ok: false, reason: 'no-commitment' };
      if (!withPool(initial.files)) return { ok: false, reason: 'pool-withdrawn' };
      const members = await trx
        .selectFrom('panel_members')
        .select(['id', 'pool_id', 'status'])
        .where('panel_id', '=', panelId)
        .execute();
      const declined = members.filter((mb) => mb.status === 'declined');
      if (declined.length === 0) return { ok: false, reason: 'nothing-to-replace' };
      const input = publishedInput(initial.files);
      const instance = buildInstance(input);
      const rowOf = new Map(input.people.map((p, r) => [p.id, r]));
      // As `sortition verify` replays it: from the panel as it stands, this round's decliners replaced,
      // nobody who declined in an earlier round drawn again.
      const current = members.filter((mb) => mb.status !== 'replaced');
      const earlier = members.filter((mb) => mb.status === 'replaced');
      const result = await drawReplacements(
        instance,
        current.map((mb) => rowOf.get(mb.pool_id)!),
        declined.map((mb) => rowOf.get(mb.pool_id)!),
        random,
        earlier.map((mb) => rowOf.get(mb.pool_id)!),
      );
      const replacements = result.replacements.map((r) => input.people[r].id);
      const { id } = await trx
        .insertInto('panel_draws')
        .values({
          panel_id: panelId,
          kind: 'replacement',
          state: 'drawn',
          commitment: initial.commitment,
          files: 'null',
          pool_volunteers: '{}',
          random_value: random.trim(),
          witnesses,
          selected: JSON.stringify(replacements),
          declined: JSON.stringify(declined.map((mb) => mb.pool_id)),
          error: 'null',
          created_at: now,
          created_by: actor.id,
          drawn_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('panel_members')
        .set({ status: 'replaced', replaced_by_draw: id })
        .where(
          'id',
          'in',
          declined.map((mb) => mb.id),
        )
        .execute();
      await invite(trx, services, panel, id, replacements, initial.pool_volunteers, now);
      await audit({
        action: 'panel.replacement-drawn',
        subjectType: 'panel',
        subjectId: panelId,
        summary: {
          draw: id,
          random: random.trim(),
          witnesses,
          declined: declined.map((mb) => mb.pool_id),
          replacements,
        },
      });
      return { ok: true, selected: replacements };
    });
  } catch (error) {
    if (error instanceof NoReplacementError) return { ok: false, reason: 'no-replacement' };
    throw error;
  }
}

export interface PublishedDrawRecord {
  id: string;
  kind: 'initial' | 'replacement';
  state: string;
  commitment: string | null;
  randomValue: string | null;
  witnesses: string | null;
  slot: number | null;
  selected: string[];
  declined: string[];
  drawnAt: Date | null;
}

/**
 * The panel's draws with a published commitment, oldest first (what the transparency page shows), and,
 * once the pool file was withdrawn at the deletion date, when and how many volunteers it held.
 */
export async function publishedDraws(
  services: Pick<Services, 'db'>,
  panelId: string,
): Promise<{
  draws: PublishedDrawRecord[];
  files: PublishedFiles | null;
  poolWithdrawn: { at: Date; size: number | null } | null;
}> {
  const rows = await services.db
    .selectFrom('panel_draws')
    .select([
      'id',
      'kind',
      'state',
      'commitment',
      'random_value',
      'witnesses',
      'slot',
      'selected',
      'declined',
      'drawn_at',
      'files',
      'pool_withdrawn_at',
      'pool_size',
    ])
    .where('panel_id', '=', panelId)
    .where('state', 'in', ['committed', 'drawn'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const initial = rows.find((r) => r.kind === 'initial');
  return {
    files: initial?.files ?? null,
    poolWithdrawn: initial?.pool_withdrawn_at
      ? { at: new Date(initial.pool_withdrawn_at), size: initial.pool_size }
      : null,
    draws: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      commitment: r.commitment,
      randomValue: r.random_value,
      witnesses: r.witnesses,
      slot: r.slot,
      selected: r.selected,
      declined: r.declined,
      drawnAt: r.drawn_at ? new Date(r.drawn_at) : null,
    })),
  };
}

/**
 * Every file of the folder anyone can check with `npx accelerateur sortition verify <folder>`: the four
 * committed files, draw.json once drawn, and replacement-N.json for each replacement draw.
 */
export function publishedFolder(files: PublishedFiles, draws: PublishedDrawRecord[]): Record<string, string> {
  const folder: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) if (typeof text === 'string') folder[name] = text;
  const initial = draws.find((d) => d.kind === 'initial' && d.state === 'drawn');
  if (!initial?.commitment) return folder;
  folder['draw.json'] = drawJson({
    commitment: initial.commitment,
    random: initial.randomValue ?? '',
    slot: initial.slot ?? 0,
    members: initial.selected,
  });
  let panel = [...initial.selected];
  draws
    .filter((d) => d.kind === 'replacement')
    .forEach((d, i) => {
      panel = [...panel.filter((id) => !d.declined.includes(id)), ...d.selected].sort();
      folder[`replacement-${i + 1}.json`] =
        `${JSON.stringify({ random: d.randomValue, declined: d.declined, replacements: d.selected, panel }, null, 2)}\n`;
    });
  return folder;
}
