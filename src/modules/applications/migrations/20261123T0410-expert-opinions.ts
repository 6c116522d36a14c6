import { type Kysely, sql } from 'kysely';

/**
 * Outside expert opinions (avis): staff ask an email address a question about one application; the
 * expert answers through a link whose token is stored only as its SHA-256 (a leaked table opens nothing).
 * The opinion is null until the expert saves; submitted_at set means final (no more edits).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table application_expert_requests (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications(id) on delete cascade,
      expert_email text not null,
      question text not null,
      due_on text not null check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      token_hash text not null unique,
      expires_at timestamptz not null,
      requested_by uuid references users(id),
      requested_at timestamptz not null,
      opinion text check (opinion in ('favourable', 'reserved', 'unfavourable')),
      comment text not null default '',
      saved_at timestamptz,
      submitted_at timestamptz
    );
    create index application_expert_requests_application on application_expert_requests(application_id, requested_at);
    create unique index application_expert_requests_one_per_expert on application_expert_requests(application_id, lower(expert_email));
  `.execute(db);
}
