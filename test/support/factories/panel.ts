import type { Kysely } from 'kysely';
import { systemActor } from '../../../src/core/audit/audit.js';
import type { DB } from '../../../src/core/db/schema.js';
import type { Services } from '../../../src/core/services.js';
import { createPanel } from '../../../src/modules/panel/manage-panel.js';

/**
 * The panel module's test factory: the one place outside src/modules/panel where tests write its tables
 * (drawn members and their opinions).
 */

export interface PanelWithOpinions {
  panelId: string;
  memberIds: string[];
}

/**
 * A season's citizen panel (through createPanel) with `panelists` members already drawn and accepted, and
 * their opinions: `opinions[p]` maps an application id to panelist p's scores per criterion code.
 */
export async function seedPanelWithOpinions(
  services: Services,
  input: {
    seasonId: string;
    criteria: { code: string; label: string; labelEn: string }[];
    opinionWeight: number;
    opinions: Record<string, Record<string, number>>[];
  },
): Promise<PanelWithOpinions> {
  const db: Kysely<DB> = services.db;
  const now = services.clock.now();
  const panelId = await createPanel(services, systemActor, {
    seasonId: input.seasonId,
    name: 'Panel citoyen',
    nameEn: 'Citizen panel',
    size: Math.max(1, input.opinions.length),
    recruitUntil: new Date(now.getTime() - 86_400_000),
    endsAt: new Date(now.getTime() + 30 * 86_400_000),
    retentionDays: 30,
    onePerHousehold: false,
    criteria: input.criteria,
    opinionWeight: input.opinionWeight,
  });
  const draw = await db
    .insertInto('panel_draws')
    .values({
      panel_id: panelId,
      kind: 'initial',
      state: 'drawn',
      files: 'null',
      pool_volunteers: '{}',
      selected: '[]',
      declined: '[]',
      error: 'null',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const memberIds: string[] = [];
  for (const [p, scoresByApplication] of input.opinions.entries()) {
    const volunteer = await db
      .insertInto('panel_volunteers')
      .values({
        panel_id: panelId,
        email: `panelist${p}.${panelId.slice(0, 8)}@example.org`,
        given_name: `P${p}`,
        family_name: 'Panel',
        phone: '',
        availability: '',
        locale: 'fr',
        consent_at: now,
        consent_version: 'v',
        consent_hash: 'h',
        ip_hash: 'i',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const member = await db
      .insertInto('panel_members')
      .values({
        panel_id: panelId,
        volunteer_id: volunteer.id,
        draw_id: draw.id,
        pool_id: `V${String(p).padStart(4, '0')}`,
        status: 'accepted',
        invite_token_hash: `token-${p}-${panelId}`,
        user_id: null,
        invited_at: now,
      })
      .returning(['id', 'opinion_ref'])
      .executeTakeFirstOrThrow();
    memberIds.push(member.id);
    for (const [applicationId, scores] of Object.entries(scoresByApplication))
      await db
        .insertInto('panel_opinions')
        .values({
          panel_id: panelId,
          member_id: member.id,
          panelist_ref: member.opinion_ref,
          application_id: applicationId,
          scores: JSON.stringify(scores),
          comment: '',
          updated_at: now,
        })
        .execute();
  }
  return { panelId, memberIds };
}
