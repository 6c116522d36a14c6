import { type Actor, recordAudit } from '../../core/audit/audit.js';
import { isRole, ROLES, type Role } from '../../core/auth/permissions.js';
import type { Command } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { knownTracks } from '../seasons/index.js';
import { grantRole, LastAdminError, revokeRole } from './roles.js';
import { findOrCreateUserByEmail } from './users.js';

const cliActor: Actor = { id: null, label: 'cli' };
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

interface RoleArgs {
  email: string;
  role: Role;
  track: string;
}

/** Parses `<email> <role> [--track code]`; returns an error text instead when they are wrong. */
export function parseRoleArgs(args: string[]): RoleArgs | string {
  const rest = [...args];
  let track = '';
  const flag = rest.indexOf('--track');
  if (flag !== -1) {
    track = rest[flag + 1] ?? '';
    if (!track) return '--track attend un code de parcours / --track needs a track code';
    rest.splice(flag, 2);
  }
  const [rawEmail, role] = rest;
  const email = (rawEmail ?? '').trim().toLowerCase();
  if (!EMAIL.test(email)) return `adresse électronique invalide / invalid email address: ${rawEmail ?? ''}`;
  if (!isRole(role)) return `rôle inconnu / unknown role: ${role ?? ''} (${ROLES.join(', ')})`;
  if (track && role !== 'staff')
    return 'seul le rôle staff peut être limité à un parcours / only staff can be limited to a track';
  if (track && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(track))
    return `code de parcours invalide / invalid track code: ${track}`;
  return { email, role, track };
}

/** Creates the user if needed (without the applicant role: they are created for a duty) and grants the role. */
export async function grantByEmail(
  services: Services,
  actor: Actor,
  input: RoleArgs,
): Promise<{ userId: string; created: boolean; granted: boolean }> {
  const now = services.clock.now();
  const { user, created } = await services.db.transaction().execute(async (trx) => {
    const result = await findOrCreateUserByEmail(trx, input.email, now, { applicant: false });
    if (result.created) {
      await recordAudit(trx, actor, now, {
        action: 'accounts.created',
        subjectType: 'user',
        subjectId: result.user.id,
        summary: { via: actor.label },
      });
    }
    return result;
  });
  const granted = await grantRole(services.db, actor, now, user.id, input.role, input.track);
  return { userId: user.id, created, granted };
}

const usage = (name: string) =>
  `usage: npx accelerateur admin ${name} <email> <role> [--track code]\nroles: ${ROLES.join(', ')}`;

export const accountCommands: Record<string, Command> = {
  'admin grant': {
    description: 'Attribue un rôle (crée le compte au besoin) / Grant a role (creates the account if needed)',
    run: async (args, services) => {
      const parsed = parseRoleArgs(args);
      if (typeof parsed === 'string') {
        console.error(`${parsed}\n${usage('grant')}`);
        return 2;
      }
      const tracks = (await knownTracks(services.db)).map((known) => known.code);
      if (parsed.track && !tracks.includes(parsed.track)) {
        console.error(
          `parcours inconnu / unknown track: ${parsed.track} (${tracks.join(', ') || 'aucune saison n’a de parcours / no season has a track'})`,
        );
        return 2;
      }
      const { created, granted } = await grantByEmail(services, cliActor, parsed);
      const scope = parsed.track ? ` (track ${parsed.track})` : '';
      console.log(
        `${parsed.email}: ${created ? 'account created, ' : ''}${granted ? `role ${parsed.role}${scope} granted` : `already holds ${parsed.role}${scope}`}`,
      );
      return 0;
    },
  },
  'admin revoke': {
    description: 'Retire un rôle / Remove a role',
    run: async (args, services) => {
      const parsed = parseRoleArgs(args);
      if (typeof parsed === 'string') {
        console.error(`${parsed}\n${usage('revoke')}`);
        return 2;
      }
      const user = await services.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', parsed.email)
        .executeTakeFirst();
      if (!user) {
        console.error(`aucun compte pour / no account for ${parsed.email}`);
        return 1;
      }
      try {
        const revoked = await revokeRole(
          services.db,
          cliActor,
          services.clock.now(),
          user.id,
          parsed.role,
          parsed.track,
        );
        console.log(`${parsed.email}: ${revoked ? `role ${parsed.role} removed` : `did not hold ${parsed.role}`}`);
        return 0;
      } catch (error) {
        if (error instanceof LastAdminError) {
          console.error('impossible de retirer le dernier administrateur / the last administrator cannot be removed');
          return 1;
        }
        throw error;
      }
    },
  },
};
