import { type Kysely, sql } from 'kysely';

/**
 * The kind of applicant is asked once (when the draft is created) and its one truth is the form's answer
 * to `organisation_type`, which `applicant_kind` follows on every save and submit. Before, the two could
 * disagree: staff lists and filters read the creation's choice while the form said otherwise. Here the
 * column takes the form's answer where there is one, and drafts whose form asks the question without an
 * answer yet start with the creation's choice, as new drafts now do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update applications
       set applicant_kind = draft_answers->>'organisation_type'
     where draft_answers->>'organisation_type' in ('citizen', 'association', 'company', 'administration')
       and applicant_kind is distinct from draft_answers->>'organisation_type';
  `.execute(db);
  await sql`
    update applications a
       set draft_answers = a.draft_answers || jsonb_build_object('organisation_type', a.applicant_kind)
      from application_forms f
     where f.id = a.form_id
       and a.state = 'draft'
       and not (a.draft_answers ? 'organisation_type')
       and jsonb_path_exists(
             f.definition::jsonb,
             '$.sections[*].questions[*] ? (@.id == "organisation_type" && @.kind == "single_choice")'
           );
  `.execute(db);
}
