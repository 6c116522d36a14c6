import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A magic-link request: only the SHA-256 of the token is kept; rows also count requests for rate limits. */
export interface SignInTokensTable {
  id: string;
  email: string;
  ip: string;
  return_path: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** The sign_in_devices row whose cookie came with the request, if any: counted apart from the others. */
  device_id: string | null;
}

/** A browser that signed in with an address: only the SHA-256 of its cookie is kept. */
export interface SignInDevicesTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** One ProConnect authorisation in flight, found again through the hash of a random cookie. */
export interface OidcStatesTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_path: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The id_token of a session opened with ProConnect, needed to sign out at ProConnect too. */
export interface ProconnectSessionsTable {
  session_id: string;
  id_token: string;
}

export interface AccountsTables {
  sign_in_tokens: SignInTokensTable;
  sign_in_devices: SignInDevicesTable;
  oidc_states: OidcStatesTable;
  proconnect_sessions: ProconnectSessionsTable;
}

// Adds this module's tables to the database type every query sees (core/db/schema.ts).
declare module '../../core/db/schema.js' {
  interface DB extends AccountsTables {}
}
