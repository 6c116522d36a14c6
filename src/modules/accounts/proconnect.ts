import type { Transaction } from 'kysely';
import * as client from 'openid-client';
import { recordAudit } from '../../core/audit/audit.js';
import { hashToken, newToken } from '../../core/auth/sessions.js';
import type { DB } from '../../core/db/schema.js';
import type { Services } from '../../core/services.js';
import { userActor } from './users.js';

export const PROCONNECT_COOKIE = 'acc_oidc';
export const PROCONNECT_SCOPES = 'openid email given_name usual_name siret uid';
const STATE_TTL_MS = 10 * 60_000;
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/** Discovery runs once per process and provider; a failure is forgotten so the next sign-in retries. */
const configurations = new Map<string, Promise<client.Configuration>>();

export function proconnectConfiguration(services: Services): Promise<client.Configuration> {
  const settings = services.config.proconnect;
  if (!settings) return Promise.reject(new Error('ProConnect is not configured'));
  const key = `${settings.issuer}\n${settings.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    pending = client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret, id_token_signed_response_alg: 'RS256' },
        client.ClientSecretPost(settings.clientSecret),
        { execute: settings.allowInsecure ? [client.allowInsecureRequests] : [], timeout: 10 },
      )
      .then((configuration) => {
        // ProConnect signs its userinfo answers: check those signatures against its keys.
        client.enableNonRepudiationChecks(configuration);
        return configuration;
      });
    pending.catch(() => configurations.delete(key));
    configurations.set(key, pending);
  }
  return pending;
}

export function redirectUri(services: Services): string {
  return `${services.config.baseUrl}/connexion/proconnect/retour`;
}

/**
 * Starts an authorisation code flow with PKCE. State, nonce and verifier stay in the database,
 * found again through the hash of a random cookie, so any app process can take the callback.
 */
export async function startProconnect(
  services: Services,
  returnPath: string | null,
): Promise<{ cookie: string; url: string; expiresAt: Date }> {
  const configuration = await proconnectConfiguration(services);
  const now = services.clock.now();
  const cookie = newToken();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
  await services.db
    .deleteFrom('oidc_states')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .execute();
  await services.db
    .insertInto('oidc_states')
    .values({
      id: hashToken(cookie),
      state,
      nonce,
      code_verifier: codeVerifier,
      return_path: returnPath,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri(services),
    scope: PROCONNECT_SCOPES,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { cookie, url: url.toString(), expiresAt };
}

export type ProconnectOutcome =
  | { kind: 'ok'; userId: string; returnPath: string | null; idToken: string; siret: string | null }
  | { kind: 'bad-state' }
  | { kind: 'provider-error'; detail: string }
  | { kind: 'unavailable' }
  | { kind: 'no-email' };

interface Identity {
  sub: string;
  email: string;
  givenName: string | null;
  usualName: string | null;
  siret: string | null;
}

function claimText(value: unknown, max = 200): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;
}

/** Takes the callback: checks the state it was started with, exchanges the code, reads the person. */
export async function finishProconnect(
  services: Services,
  cookie: string | undefined,
  currentUrl: URL,
): Promise<ProconnectOutcome> {
  const now = services.clock.now();
  if (!cookie) return { kind: 'bad-state' };
  // Claiming the row makes the callback single-use: a replay finds it used.
  const pending = await services.db
    .updateTable('oidc_states')
    .set({ used_at: now })
    .where('id', '=', hashToken(cookie))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['state', 'nonce', 'code_verifier', 'return_path'])
    .executeTakeFirst();
  if (!pending || currentUrl.searchParams.get('state') !== pending.state) return { kind: 'bad-state' };
  const error = currentUrl.searchParams.get('error');
  if (error) return { kind: 'provider-error', detail: error.replace(/[^a-z_]/gi, '').slice(0, 60) };

  let identity: Identity;
  let idToken: string;
  try {
    const configuration = await proconnectConfiguration(services);
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    idToken = tokens.id_token!;
    // fetchUserInfo accepts both JSON and signed JWT (application/jwt) answers.
    const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    identity = {
      sub: claims.sub,
      email: (claimText(info.email, 254) ?? '').toLowerCase(),
      givenName: claimText(info.given_name),
      usualName: claimText(info.usual_name) ?? claimText(info.family_name),
      siret: claimText(info.siret, 14),
    };
  } catch (err) {
    if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) {
      return {
        kind: 'provider-error',
        detail: String(err.error)
          .replace(/[^a-z_]/gi, '')
          .slice(0, 60),
      };
    }
    services.log.warn({ err }, 'ProConnect sign-in failed');
    return { kind: 'unavailable' };
  }
  if (!EMAIL.test(identity.email)) return { kind: 'no-email' };
  const userId = await services.db.transaction().execute((trx) => upsertProconnectUser(trx, identity, now));
  return { kind: 'ok', userId, returnPath: pending.return_path, idToken, siret: identity.siret };
}

/** Finds the agent by their ProConnect subject, else by email; creates them on first sign-in. */
async function upsertProconnectUser(trx: Transaction<DB>, identity: Identity, now: Date): Promise<string> {
  const bySub = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('proconnect_sub', '=', identity.sub)
    .executeTakeFirst();
  const existing =
    bySub ??
    (await trx.selectFrom('users').select(['id', 'email']).where('email', '=', identity.email).executeTakeFirst());
  const profile = {
    proconnect_sub: identity.sub,
    ...(identity.givenName ? { given_name: identity.givenName } : {}),
    ...(identity.usualName ? { family_name: identity.usualName } : {}),
    ...(identity.siret ? { siret: identity.siret } : {}),
  };
  if (existing) {
    const emailTaken =
      existing.email !== identity.email &&
      (await trx.selectFrom('users').select('id').where('email', '=', identity.email).executeTakeFirst()) !== undefined;
    await trx
      .updateTable('users')
      .set({ ...profile, ...(emailTaken ? {} : { email: identity.email }) })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const created = await trx
    .insertInto('users')
    .values({
      email: identity.email,
      given_name: identity.givenName,
      family_name: identity.usualName,
      siret: identity.siret,
      proconnect_sub: identity.sub,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('user_roles')
    .values({ user_id: created.id, role: 'applicant', track: '', granted_by: null, granted_at: now })
    .execute();
  await recordAudit(trx, userActor(created.id), now, {
    action: 'accounts.created',
    subjectType: 'user',
    subjectId: created.id,
    summary: { via: 'proconnect', roles: ['applicant'] },
  });
  return created.id;
}

/** The ProConnect sign-out address for a session opened there, or null when it has none. */
export async function proconnectEndSessionUrl(services: Services, idToken: string): Promise<string | null> {
  if (!services.config.proconnect) return null;
  try {
    const configuration = await proconnectConfiguration(services);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(configuration, {
        id_token_hint: idToken,
        post_logout_redirect_uri: `${services.config.baseUrl}/`,
        state: client.randomState(),
      })
      .toString();
  } catch {
    return null;
  }
}
