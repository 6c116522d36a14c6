import type { Transaction } from 'kysely';
import type { Actor } from '../../../core/audit/audit.js';
import type { DB } from '../../../core/db/schema.js';
import { displayFileName, type StoredFileInfo, storeFile } from '../../../core/files/store-file.js';
import type { Services } from '../../../core/services.js';
import { isUniqueViolation, partnerChange } from './partner-change.js';
import { checkLogo, type LogoProblem, type PartnerInput } from './partner-input.js';

export interface LogoUpload {
  data: Buffer;
  /** The sender's file name: display text only. */
  name: string;
}

export type SaveProblem = 'not_found' | 'stale' | 'name_taken' | LogoProblem;
export type SaveResult = { ok: true; id: string } | { ok: false; problem: SaveProblem };

class Refused extends Error {
  constructor(readonly problem: SaveProblem) {
    super(problem);
  }
}

function columns(input: PartnerInput) {
  return {
    name: input.name,
    kind: input.kind,
    description: input.description,
    description_en: input.descriptionEn,
    website: input.website,
    season_ids: input.seasonIds,
  };
}

async function nameTaken(trx: Transaction<DB>, name: string, exceptId?: string): Promise<boolean> {
  let query = trx
    .selectFrom('partners')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

async function storeLogo(
  trx: Transaction<DB>,
  services: Services,
  actor: Actor,
  logo: LogoUpload,
  contentType: string,
): Promise<StoredFileInfo> {
  return storeFile(trx, services.config.filesDir, {
    data: logo.data,
    originalName: displayFileName(logo.name),
    ownerId: actor.id,
    contentType,
    purpose: 'events',
  });
}

const logoSummary = (file: StoredFileInfo) => ({
  fileId: file.id,
  contentType: file.contentType,
  size: file.size,
  sha256: file.sha256,
});

/** Runs a save, turning a refusal (thrown to roll back a stored logo) or a name race into a problem. */
async function refusable(run: () => Promise<string>): Promise<SaveResult> {
  try {
    return { ok: true, id: await run() };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    if (isUniqueViolation(error)) return { ok: false, problem: 'name_taken' };
    throw error;
  }
}

/** Staff add a partner, last in the order, unpublished unless asked; its logo, if any, is a checked upload. */
export async function createPartner(
  services: Services,
  actor: Actor,
  input: PartnerInput,
  options: { logo?: LogoUpload; published?: boolean } = {},
): Promise<SaveResult> {
  const checked = options.logo ? checkLogo(options.logo.data) : null;
  if (checked && !checked.ok) return { ok: false, problem: checked.problem };
  const now = services.clock.now();
  return refusable(() =>
    partnerChange(services, actor, async (trx, audit) => {
      if (await nameTaken(trx, input.name)) throw new Refused('name_taken');
      const last = await trx
        .selectFrom('partners')
        .select((eb) => eb.fn.max('position').as('max'))
        .executeTakeFirst();
      const file =
        options.logo && checked?.ok ? await storeLogo(trx, services, actor, options.logo, checked.contentType) : null;
      const row = await trx
        .insertInto('partners')
        .values({
          ...columns(input),
          logo_file_id: file?.id ?? null,
          logo_alt: file ? input.logoAlt : '',
          position: Number(last?.max ?? -1) + 1,
          published: options.published ?? false,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'partners.create',
        subjectType: 'partner',
        subjectId: row.id,
        summary: {
          name: input.name,
          kind: input.kind,
          website: input.website,
          seasons: input.seasonIds,
          published: options.published ?? false,
          logo: file ? logoSummary(file) : null,
        },
      });
      return row.id;
    }),
  );
}

/**
 * Staff save a partner at the version their form was read at (else `stale`, nothing written). A logo sent
 * replaces the one it had; `removeLogo` removes it. A replaced or removed logo's file is deleted.
 */
export async function updatePartner(
  services: Services,
  actor: Actor,
  target: { id: string; version: number },
  input: PartnerInput,
  logo?: LogoUpload,
): Promise<SaveResult> {
  const checked = logo ? checkLogo(logo.data) : null;
  if (checked && !checked.ok) return { ok: false, problem: checked.problem };
  const now = services.clock.now();
  return refusable(() =>
    partnerChange(services, actor, async (trx, audit) => {
      const current = await trx
        .selectFrom('partners')
        .selectAll()
        .where('id', '=', target.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw new Refused('not_found');
      if (current.version !== target.version) throw new Refused('stale');
      if (await nameTaken(trx, input.name, target.id)) throw new Refused('name_taken');
      const file = logo && checked?.ok ? await storeLogo(trx, services, actor, logo, checked.contentType) : null;
      const logoFileId = file ? file.id : input.removeLogo ? null : current.logo_file_id;
      await trx
        .updateTable('partners')
        .set({
          ...columns(input),
          logo_file_id: logoFileId,
          logo_alt: logoFileId ? input.logoAlt : '',
          updated_at: now,
          version: current.version + 1,
        })
        .where('id', '=', target.id)
        .execute();
      if (current.logo_file_id && current.logo_file_id !== logoFileId)
        await trx.deleteFrom('files').where('id', '=', current.logo_file_id).execute();
      const changed = (
        [
          ['name', current.name, input.name],
          ['kind', current.kind, input.kind],
          ['description', current.description, input.description],
          ['description_en', current.description_en, input.descriptionEn],
          ['website', current.website, input.website],
          ['logo_alt', current.logo_alt, logoFileId ? input.logoAlt : ''],
          ['seasons', current.season_ids.join(','), input.seasonIds.join(',')],
        ] as const
      )
        .filter(([, before, after]) => before !== after)
        .map(([field]) => field);
      await audit({
        action: 'partners.update',
        subjectType: 'partner',
        subjectId: target.id,
        summary: {
          name: input.name,
          changed,
          version: current.version + 1,
          logo: file ? logoSummary(file) : current.logo_file_id && !logoFileId ? 'removed' : 'kept',
        },
      });
      return target.id;
    }),
  );
}
