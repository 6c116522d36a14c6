import { type Kysely, sql } from 'kysely';

/**
 * Sign-in limits that others cannot turn against a person (docs/decisions/0010-sign-in-limits.md):
 * a browser that signed in once carries a device cookie whose hash is kept here, and each link
 * request remembers whether it came with one, so its owner's requests are counted apart.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sign_in_devices (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index sign_in_devices_user on sign_in_devices(user_id);
    alter table sign_in_tokens add column device_id text;
    create index sign_in_tokens_device on sign_in_tokens(device_id, created_at) where device_id is not null;
  `.execute(db);
}
