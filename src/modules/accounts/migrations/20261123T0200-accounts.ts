import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sign_in_tokens (
      id text primary key,
      email text not null,
      ip text not null,
      return_path text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index sign_in_tokens_email on sign_in_tokens(email, created_at);
    create index sign_in_tokens_ip on sign_in_tokens(ip, created_at);

    create table oidc_states (
      id text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      return_path text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table proconnect_sessions (
      session_id text primary key references sessions(id) on delete cascade,
      id_token text not null
    );
  `.execute(db);
}
