import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { juryForDeliberation } from '../review/index.js';
import { boardMessages as bm } from './board-messages.js';
import { bumpVersion, DeliberationRefused, lockOpenDeliberation } from './deliberation-guard.js';

export interface AttendanceInput {
  seasonId: string;
  /** The jury members present (ids of jury members of the season); every other member is absent. */
  present: string[];
  version?: number;
}

/**
 * Records who of the jury sits in the deliberation (deliberation_attendance), replacing the previous
 * list. A present member with a conflict on an application is shown as recused on it (see board-data.ts).
 */
export async function setAttendance(services: Services, actor: Actor, input: AttendanceInput): Promise<void> {
  const now = services.clock.now();
  await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await lockOpenDeliberation(trx, input.seasonId, input.version);
    const jury = await juryForDeliberation(trx, input.seasonId);
    const members = jury?.members ?? [];
    const known = new Set(members.map((m) => m.id));
    const present = new Set(input.present);
    if ([...present].some((id) => !known.has(id))) throw new DeliberationRefused(400, bm.unknownMember);
    const listed = members.filter((m) => !m.removed || present.has(m.id));
    const before = await trx
      .selectFrom('deliberation_attendance')
      .select(['member_id', 'present'])
      .where('deliberation_id', '=', deliberation.id)
      .execute();
    await trx.deleteFrom('deliberation_attendance').where('deliberation_id', '=', deliberation.id).execute();
    if (listed.length > 0)
      await trx
        .insertInto('deliberation_attendance')
        .values(listed.map((m) => ({ deliberation_id: deliberation.id, member_id: m.id, present: present.has(m.id) })))
        .execute();
    await bumpVersion(trx, deliberation.id, now);
    await audit({
      action: 'decisions.attendance-recorded',
      subjectType: 'season',
      subjectId: input.seasonId,
      summary: {
        before: before.filter((b) => b.present).map((b) => b.member_id),
        present: listed.filter((m) => present.has(m.id)).map((m) => m.id),
      },
    });
  });
}
