import type { Actor } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { lockSeason } from '../../seasons/season-lookups.js';
import { checkDefinition, type DefinitionProblem } from '../form/definition-check.js';
import type { FormDefinition } from '../form/model.js';
import { getCurrentForm, isFormReferenced } from './queries.js';

export type SaveFormResult =
  | { ok: true; formId: string; version: number; newVersion: boolean }
  | { ok: false; reason: 'invalid'; problems: DefinitionProblem[] }
  | { ok: false; reason: 'no-season' };

/**
 * Saves a season's form. The current version is changed in place only while no application
 * references it; otherwise a new version is written, so answers already given stay readable with
 * the questions they answered.
 */
export async function saveForm(
  services: Services,
  actor: Actor,
  seasonId: string,
  input: unknown,
  origin: 'edit' | 'copy' = 'edit',
): Promise<SaveFormResult> {
  const { definition, problems } = checkDefinition(input);
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  const now = services.clock.now();
  return auditedTransaction(services.db, actor, now, async (trx, audit): Promise<SaveFormResult> => {
    // Serialises saves of one season's form (two staff saving at once get consecutive versions).
    if (!(await lockSeason(trx, seasonId))) return { ok: false, reason: 'no-season' };
    const current = await getCurrentForm(trx, seasonId);
    if (current) {
      // Locking the row makes an application being created against it (its foreign key takes a
      // key-share lock) either finish first, and be seen below, or wait for this change.
      await trx.selectFrom('application_forms').select('id').where('id', '=', current.id).forUpdate().execute();
    }
    const inPlace = current !== null && !(await isFormReferenced(trx, current.id));
    let formId: string;
    let version: number;
    if (current && inPlace) {
      // An unused version is rewritten: its created_at/created_by then tell who last saved it and when.
      await trx
        .updateTable('application_forms')
        .set({ definition: JSON.stringify(definition), created_at: now, created_by: actor.id })
        .where('id', '=', current.id)
        .execute();
      formId = current.id;
      version = current.version;
    } else {
      version = (current?.version ?? 0) + 1;
      const row = await trx
        .insertInto('application_forms')
        .values({
          season_id: seasonId,
          version,
          definition: JSON.stringify(definition),
          created_at: now,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      formId = row.id;
    }
    await audit({
      action: origin === 'copy' ? 'application_form.copied' : 'application_form.saved',
      subjectType: 'application_form',
      subjectId: formId,
      summary: {
        seasonId,
        version,
        newVersion: current !== null && !inPlace,
        sections: definition.sections.length,
        questions: countQuestions(definition),
      },
    });
    return { ok: true, formId, version, newVersion: current !== null && !inPlace };
  });
}

function countQuestions(definition: FormDefinition): number {
  return definition.sections.reduce(
    (n, s) => n + s.questions.reduce((m, q) => m + 1 + (q.children?.length ?? 0), 0),
    0,
  );
}

/** Gives a season the current form of another season (as a new version, or in place when unused). */
export async function copyFormFrom(
  services: Services,
  actor: Actor,
  seasonId: string,
  sourceSeasonId: string,
): Promise<SaveFormResult | { ok: false; reason: 'no-source' }> {
  const source = await getCurrentForm(services.db, sourceSeasonId);
  if (!source || sourceSeasonId === seasonId) return { ok: false, reason: 'no-source' };
  return saveForm(services, actor, seasonId, source.definition, 'copy');
}
