import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import type { CommonsRow, NeedRow } from './queries.js';
import { visibilitiesFor } from './queries.js';
import { type Explanation, type MatchCandidate, type MatchQuery, suggest } from './suggest.js';

/**
 * The suggestions pages' read model: it gathers what the viewer may see (never hidden items, members-only
 * ones for members of the space and staff), builds the pure scorer's query and candidates, and gives each
 * suggestion its links (its page, and where to contact).
 */

/** How many suggestions a page shows. */
export const SUGGESTION_LIMIT = 10;

export interface SuggestionView {
  kind: 'commons' | 'need' | 'use-case';
  id: string;
  title: string;
  href: string;
  /** A line under the title: the commons' summary, or the administration an item belongs to. */
  subtitle: string;
  /** Where to write about it through the platform. */
  contactHref: string;
  score: number;
  explanation: Explanation;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join('\n');

/** Commons (not hidden, not merged), each with its use cases elsewhere and the territories they serve. */
async function commonsCandidates(
  db: Kysely<DB>,
  members: boolean,
  excludeAdministrationId: string | null,
): Promise<{ candidates: MatchCandidate[]; slugs: Map<string, { slug: string; summary: string }> }> {
  const commons = await db
    .selectFrom('commons')
    .select(['id', 'slug', 'name', 'summary', 'description', 'categories', 'keywords', 'levers'])
    .where('hidden', '=', false)
    .where('merged_into', 'is', null)
    .execute();
  const useCases = await db
    .selectFrom('commons_use_cases as u')
    .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
    .select(['u.id', 'u.commons_id', 'u.administration_id', 'u.title', 'u.description', 'u.audience', 'u.territory'])
    .select('a.name as administration')
    .where('u.hidden', '=', false)
    .where('u.visibility', 'in', visibilitiesFor(members))
    .where('a.hidden', '=', false)
    .where('a.merged_into', 'is', null)
    .execute();
  const byCommons = new Map<string, typeof useCases>();
  for (const u of useCases) byCommons.set(u.commons_id, [...(byCommons.get(u.commons_id) ?? []), u]);
  const candidates = commons.map((c): MatchCandidate => {
    const own = byCommons.get(c.id) ?? [];
    return {
      id: c.id,
      name: c.name,
      text: join(c.name, c.summary, c.description),
      tags: [...c.categories, ...c.keywords],
      levers: c.levers,
      territories: [...new Set(own.map((u) => u.territory))].sort(),
      related: own
        .filter((u) => u.administration_id !== excludeAdministrationId)
        .map((u) => ({
          kind: 'use-case' as const,
          id: u.id,
          title: u.title,
          administration: u.administration,
          text: join(u.title, u.description, u.audience),
        })),
    };
  });
  return { candidates, slugs: new Map(commons.map((c) => [c.id, { slug: c.slug, summary: c.summary }])) };
}

interface ItemInfo {
  kind: 'need' | 'use-case';
  administration: string;
  commonsSlug: string | null;
}

/**
 * Administrations' open needs and use cases of other commons than `excludeCommonsId`: what a commons (or a
 * commons' need or offer) is matched with. A use case carries its commons' categories and keywords, so that
 * use cases of similar commons come first.
 */
async function itemCandidates(
  db: Kysely<DB>,
  members: boolean,
  excludeCommonsId: string,
): Promise<{ candidates: MatchCandidate[]; info: Map<string, ItemInfo> }> {
  const visibilities = visibilitiesFor(members);
  const needs = await db
    .selectFrom('commons_needs as n')
    .innerJoin('commons_administrations as a', 'a.id', 'n.administration_id')
    .select(['n.id', 'n.title', 'n.description', 'n.context', 'n.territory', 'n.lever', 'a.name as administration'])
    .where('n.side', '=', 'administration')
    .where('n.closed_at', 'is', null)
    .where('n.hidden', '=', false)
    .where('n.visibility', 'in', visibilities)
    .where('a.hidden', '=', false)
    .where('a.merged_into', 'is', null)
    .execute();
  const useCases = await db
    .selectFrom('commons_use_cases as u')
    .innerJoin('commons_administrations as a', 'a.id', 'u.administration_id')
    .innerJoin('commons as c', 'c.id', 'u.commons_id')
    .select(['u.id', 'u.title', 'u.description', 'u.audience', 'u.territory', 'a.name as administration'])
    .select(['c.slug as commons_slug', 'c.name as commons_name', 'c.categories', 'c.keywords'])
    .where('u.hidden', '=', false)
    .where('u.visibility', 'in', visibilities)
    .where('u.commons_id', '<>', excludeCommonsId)
    .where('a.hidden', '=', false)
    .where('a.merged_into', 'is', null)
    .where('c.hidden', '=', false)
    .where('c.merged_into', 'is', null)
    .execute();
  const info = new Map<string, ItemInfo>();
  const candidates: MatchCandidate[] = [];
  for (const n of needs) {
    info.set(n.id, { kind: 'need', administration: n.administration, commonsSlug: null });
    candidates.push({
      id: n.id,
      name: n.title,
      text: join(n.title, n.description, n.context),
      tags: [],
      levers: n.lever ? [n.lever] : [],
      territories: [n.territory],
      related: [],
    });
  }
  for (const u of useCases) {
    info.set(u.id, { kind: 'use-case', administration: u.administration, commonsSlug: u.commons_slug });
    candidates.push({
      id: u.id,
      name: u.title,
      text: join(u.title, u.description, u.audience, u.commons_name),
      tags: [...u.categories, ...u.keywords],
      levers: [],
      territories: [u.territory],
      related: [],
    });
  }
  return { candidates, info };
}

function itemViews(
  query: MatchQuery,
  candidates: MatchCandidate[],
  info: Map<string, ItemInfo>,
  limit: number,
): SuggestionView[] {
  return suggest(query, candidates, { limit }).map((s) => {
    const item = info.get(s.candidate.id)!;
    const isNeed = item.kind === 'need';
    return {
      kind: item.kind,
      id: s.candidate.id,
      title: s.candidate.name,
      href: isNeed ? `/cooperation/besoins/${s.candidate.id}` : `/cooperation/cas-d-usage/${s.candidate.id}`,
      subtitle: item.administration,
      contactHref: isNeed
        ? `/cooperation/besoins/${s.candidate.id}/contacter`
        : `/cooperation/communs/${item.commonsSlug}/contacter`,
      score: s.score,
      explanation: s.explanation,
    };
  });
}

/**
 * Suggestions for a need or an offer the viewer may see. An administration's need: commons, with their use
 * cases by other administrations. A commons' need or offer: administrations' open needs and use cases of
 * other commons.
 */
export async function suggestionsForNeed(
  db: Kysely<DB>,
  need: NeedRow,
  members: boolean,
  limit = SUGGESTION_LIMIT,
): Promise<SuggestionView[]> {
  const text = join(need.title, need.description, need.context);
  const levers = need.lever ? [need.lever] : [];
  if (need.side === 'administration') {
    const { candidates, slugs } = await commonsCandidates(db, members, need.administrationId);
    const query: MatchQuery = { text, tags: [], levers, territory: need.territory };
    return suggest(query, candidates, { limit }).map((s) => {
      const slug = slugs.get(s.candidate.id)!;
      return {
        kind: 'commons' as const,
        id: s.candidate.id,
        title: s.candidate.name,
        href: `/cooperation/communs/${slug.slug}`,
        subtitle: slug.summary,
        contactHref: `/cooperation/communs/${slug.slug}/contacter`,
        score: s.score,
        explanation: s.explanation,
      };
    });
  }
  const commons = await db
    .selectFrom('commons')
    .select(['categories', 'keywords'])
    .where('id', '=', need.commonsId ?? '')
    .executeTakeFirst();
  const { candidates, info } = await itemCandidates(db, members, need.commonsId ?? '');
  const query: MatchQuery = {
    text,
    tags: commons ? [...commons.categories, ...commons.keywords] : [],
    levers,
    territory: need.territory,
  };
  return itemViews(query, candidates, info, limit);
}

/** Suggestions for a commons: administrations' open needs and use cases of similar commons. */
export async function suggestionsForCommons(
  db: Kysely<DB>,
  commons: CommonsRow,
  members: boolean,
  limit = SUGGESTION_LIMIT,
): Promise<SuggestionView[]> {
  const { candidates, info } = await itemCandidates(db, members, commons.id);
  const query: MatchQuery = {
    text: join(commons.name, commons.summary, commons.description),
    tags: [...commons.categories, ...commons.keywords],
    levers: commons.levers,
    territory: null,
  };
  return itemViews(query, candidates, info, limit);
}
