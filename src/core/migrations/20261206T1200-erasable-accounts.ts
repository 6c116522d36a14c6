import { type Kysely, sql } from 'kysely';

/**
 * An erased account keeps its row, stripped of everything that leads to the person (address, names,
 * SIRET, ProConnect subject), so that the programme's records pointing at it (submitted applications,
 * reviews, conflicts, bids…) stay whole and attributable to a pseudonym. Only an erased account has no
 * address, and the address it had is free for a new account.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users
      alter column email drop not null,
      add column erased_at timestamptz,
      add constraint users_address_unless_erased check ((email is null) = (erased_at is not null)),
      add constraint users_erased_leave_nothing check (
        erased_at is null or (family_name is null and siret is null and proconnect_sub is null and last_sign_in_at is null));
  `.execute(db);
}
