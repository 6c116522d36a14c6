import { sql } from 'kysely';
import type { Command } from '../../core/module.js';
import { createSyntheticPeople, syntheticPeopleIds, syntheticPersonId } from '../accounts/index.js';
import { findSeasonIdBySlug, seasonTrackCodes } from '../seasons/index.js';
import { loadCurrentFormVersion, SEARCH_CONFIG } from './queries.js';

const WORDS = [
  'jardin',
  'partagé',
  'énergie',
  'solaire',
  'coopérative',
  'vélo',
  'réparation',
  'numérique',
  'commun',
  'données',
  'ouvertes',
  'quartier',
  'école',
  'santé',
  'alimentation',
  'mobilité',
  'inclusion',
  'cartographie',
  'logiciel',
  'libre',
];

/**
 * `npx accelerateur applications seed <season-slug> <count>`: adds synthetic applications (and their
 * owners) to a season, to measure the staff list and search at scale. Refuses to run without a form.
 */
export const seedApplicationsCommand: Command = {
  description:
    'Ajoute des candidatures fictives à une saison (mesures) / Add synthetic applications to a season (benchmarks)',
  run: async (args, services) => {
    const [slug, countText] = args;
    const count = Number(countText);
    if (!slug || !Number.isInteger(count) || count < 1 || count > 1_000_000) {
      console.error('usage: applications seed <season-slug> <count (1 to 1,000,000)>');
      return 2;
    }
    const { db, clock } = services;
    const seasonId = await findSeasonIdBySlug(db, slug);
    if (!seasonId) {
      console.error(`no season ${slug}`);
      return 1;
    }
    const season = { id: seasonId };
    const tracks = await seasonTrackCodes(db, seasonId);
    const form = await loadCurrentFormVersion(db, season.id);
    if (!form || tracks.length === 0) {
      console.error(`season ${slug} needs a form and at least one track`);
      return 1;
    }
    const now = clock.now();
    const batch = `seed-${now.getTime()}`;
    const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(',')}]`);
    const trackArray = sql.raw(`array[${tracks.map((t) => `'${t.replace(/'/g, "''")}'`).join(',')}]`);
    await db.transaction().execute(async (trx) => {
      await createSyntheticPeople(trx, batch, count);
      // Four in five are past the draft: each of those has its submitted version 1 (same answers),
      // and staff search its words, as after a real submit.
      await sql`
        insert into applications (season_id, track_code, form_id, owner_id, applicant_kind, title, state, draft_answers,
                                  current_version, submitted_at, submitted_search, created_at, updated_at)
        select ${season.id}::uuid, track, ${form.id}::uuid, ${syntheticPersonId(batch, sql.ref('g'))}, kind, title, state, answers,
               case when state = 'draft' then 0 else 1 end,
               case when state = 'draft' then null else created end,
               case when state = 'draft' then null
                    else setweight(to_tsvector(${SEARCH_CONFIG}, title), 'A') || setweight(jsonb_to_tsvector(${SEARCH_CONFIG}, answers, '["string"]'), 'B') end,
               created, ${now}::timestamptz
        from (
          select g,
                 (${trackArray})[1 + (g % ${tracks.length})] as track,
                 (array['citizen','association','administration','company'])[1 + (g % 4)] as kind,
                 initcap(w1) || ' ' || w2 || ' ' || g as title,
                 (array['draft','submitted','in_instruction','eligible','ineligible'])[1 + (g % 5)] as state,
                 jsonb_build_object('project_name', initcap(w1) || ' ' || w2, 'project_summary', 'Un projet de ' || w1 || ' et de ' || w2 || ' pour le ' || w3) as answers,
                 ${now}::timestamptz - make_interval(secs => g) as created
          from (
            select g,
                   (${words})[1 + (g % 20)] as w1,
                   (${words})[1 + ((g / 20) % 20)] as w2,
                   (${words})[1 + ((g / 400) % 20)] as w3
            from generate_series(1, ${count}) g
          ) w
        ) s`.execute(trx);
      await sql`
        insert into application_versions (application_id, version, form_id, answers, answers_sha256, submitted_at, submitted_by)
        select a.id, 1, a.form_id, a.draft_answers, encode(sha256(convert_to(a.draft_answers::text, 'UTF8')), 'hex'), a.submitted_at, a.owner_id
        from applications a
        where a.owner_id in ${syntheticPeopleIds(batch)} and a.current_version = 1`.execute(trx);
    });
    console.log(`${count} synthetic applications added to ${slug}`);
    return 0;
  },
};
