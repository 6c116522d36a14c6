import type { Transaction } from 'kysely';
import { type Actor, type AuditInput, auditedTransaction } from '../../core/audit/audit.js';
import { afterPublicChange } from '../../core/cache/public-page.js';
import type { DB } from '../../core/db/schema.js';
import { tCount } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { type ApplicationForDecision, listApplicationsForDecision } from '../applications/index.js';
import { createDraftNews } from '../content/index.js';
import {
  type DecidedLaureate,
  listPublicSeasons,
  type PublicSeason,
  publishDecidedLaureates,
} from '../seasons/index.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';
import './tables.js';

type Db = Services['db'] | Transaction<DB>;
type Audit = (input: AuditInput) => Promise<void>;

/** The press release's count of laureates. */
const LAUREATES = {
  one: { fr: '{n} lauréat', en: '{n} laureate' },
  other: { fr: '{n} lauréats', en: '{n} laureates' },
};

/**
 * Publishing the season's laureates. Who is published: every decision "laureate" that was neither declined nor
 * let lapse — confirmed ones, and those whose confirmation is still pending (the committee decided; a later
 * refusal removes them, see `refreshPublishedLaureates`) — of an application not withdrawn. What is published
 * goes through the seasons' `publishDecidedLaureates`, keyed by the decision's public reference.
 */

export interface PublicationLaureate {
  /** The decision's public reference (form fields are named after it; never the application's id). */
  publicRef: string;
  title: string;
  organisation: string;
  trackCode: string;
  website: string;
  /** The text the public will read: the one staff wrote, else the application's submitted summary. */
  summary: string;
  summaryEn: string;
  confirmed: boolean;
}

export interface PublicationState {
  season: PublicSeason;
  deliberation: Deliberation | null;
  laureates: PublicationLaureate[];
}

/** A link the public page may show: https://… kept, a bare domain given https://, anything else dropped. */
export function publicWebsite(typed: string): string {
  const value = typed.trim();
  if (/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value)) return value;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(value)) return `https://${value}`;
  return '';
}

async function seasonById(services: Pick<Services, 'db' | 'clock'>, seasonId: string) {
  return (await listPublicSeasons(services)).find((s) => s.id === seasonId) ?? null;
}

/** The laureates to publish, in the season's track order then by title. */
async function laureatesOf(
  db: Db,
  season: Pick<PublicSeason, 'id' | 'tracks'>,
  deliberationId: string,
): Promise<PublicationLaureate[]> {
  const decisions = await db
    .selectFrom('decisions')
    .select(['application_id', 'public_ref', 'public_summary', 'public_summary_en', 'confirmed_at'])
    .where('deliberation_id', '=', deliberationId)
    .where('outcome', '=', 'laureate')
    .where('declined_at', 'is', null)
    .where('lapsed_at', 'is', null)
    .execute();
  const applications = new Map<string, ApplicationForDecision>(
    (await listApplicationsForDecision(db, season.id)).map((a) => [a.id, a]),
  );
  const trackOrder = (code: string) => {
    const i = season.tracks.findIndex((t) => t.code === code);
    return i < 0 ? season.tracks.length : i;
  };
  return decisions
    .flatMap((d) => {
      const application = applications.get(d.application_id);
      if (!application || application.state === 'withdrawn') return [];
      return [
        {
          publicRef: d.public_ref,
          title: application.title,
          organisation: application.organisationName,
          trackCode: application.trackCode,
          website: publicWebsite(application.website),
          summary: d.public_summary.trim() || application.summary,
          summaryEn: d.public_summary_en.trim(),
          confirmed: d.confirmed_at !== null,
        },
      ];
    })
    .sort(
      (a, b) =>
        trackOrder(a.trackCode) - trackOrder(b.trackCode) ||
        a.title.localeCompare(b.title, 'fr') ||
        a.publicRef.localeCompare(b.publicRef),
    );
}

/** What the publication page shows; null when there is no such season. */
export async function loadPublication(services: Services, seasonId: string): Promise<PublicationState | null> {
  const season = await seasonById(services, seasonId);
  if (!season) return null;
  const deliberation = await loadDeliberation(services.db, seasonId);
  const laureates = deliberation ? await laureatesOf(services.db, season, deliberation.id) : [];
  return { season, deliberation, laureates };
}

function asPublished(laureates: PublicationLaureate[]): DecidedLaureate[] {
  return laureates.map((l) => ({
    applicationRef: l.publicRef,
    trackCode: l.trackCode,
    name: l.title,
    organisation: l.organisation,
    summary: l.summary,
    summaryEn: l.summaryEn,
    website: l.website,
  }));
}

async function syncLaureates(
  trx: Transaction<DB>,
  audit: Audit,
  services: Services,
  season: PublicSeason,
  deliberation: Deliberation,
  visibleFrom: Date,
) {
  const laureates = await laureatesOf(trx, season, deliberation.id);
  const count = await publishDecidedLaureates(trx, audit, services, {
    seasonId: season.id,
    visibleFrom,
    laureates: asPublished(laureates),
  });
  return { laureates, count };
}

export type PublicationProblem = 'not_found' | 'not_closed';

export interface PublicationTexts {
  /** The embargo typed (Paris time); null leaves it unset (publication then shows the laureates at once). */
  publishAt: Date | null;
  /** Public reference → the public texts. */
  summaries: Map<string, { summary: string; summaryEn: string }>;
}

/**
 * Saves the public texts and the embargo, once the deliberation is closed. After publication the published
 * laureates follow at once (same transaction): a corrected summary or a moved embargo reaches the public pages.
 */
export async function savePublicationTexts(
  services: Services,
  actor: Actor,
  seasonId: string,
  input: PublicationTexts,
): Promise<{ ok: true } | { ok: false; problem: PublicationProblem }> {
  const season = await seasonById(services, seasonId);
  if (!season) return { ok: false, problem: 'not_found' };
  const now = services.clock.now();
  const result = await auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const deliberation = await loadDeliberation(trx, seasonId, { forUpdate: true });
    if (!deliberation) return { ok: false as const, problem: 'not_found' as const };
    if (deliberation.status !== 'closed') return { ok: false as const, problem: 'not_closed' as const };
    const refs = [...input.summaries.keys()];
    let changed = 0;
    for (const ref of refs) {
      const texts = input.summaries.get(ref)!;
      const done = await trx
        .updateTable('decisions')
        .set({ public_summary: texts.summary, public_summary_en: texts.summaryEn })
        .where('deliberation_id', '=', deliberation.id)
        .where('public_ref', '=', ref)
        .where('outcome', '=', 'laureate')
        .executeTakeFirst();
      changed += Number(done.numUpdatedRows);
    }
    // Once published, an emptied date keeps the laureates where they are (visible since the publication).
    const publishAt = input.publishAt ?? deliberation.publishedAt;
    await trx
      .updateTable('deliberations')
      .set({ publish_at: publishAt, updated_at: now })
      .where('id', '=', deliberation.id)
      .execute();
    await audit({
      action: 'decisions.publication-texts-saved',
      subjectType: 'season',
      subjectId: seasonId,
      summary: { publishAt: publishAt?.toISOString() ?? null, summaries: changed },
    });
    if (deliberation.publishedAt && publishAt)
      await syncLaureates(trx, audit, services, season, deliberation, publishAt);
    return { ok: true as const, published: deliberation.publishedAt !== null };
  });
  if (result.ok && result.published) afterPublicChange(services);
  return result.ok ? { ok: true } : result;
}

export interface PublishOutcome {
  ok: true;
  visibleFrom: Date;
  laureates: number;
  pressReleaseId: string | null;
}

/** The slug of a season's draft press release (one per season, whatever the number of publications). */
export const pressReleaseSlug = (season: Pick<PublicSeason, 'number'>) => `laureats-saison-${season.number}`;

function pressRelease(season: PublicSeason, laureates: PublicationLaureate[], visibleFrom: Date) {
  const track = (code: string, en: boolean) => {
    const found = season.tracks.find((t) => t.code === code);
    return found ? (en ? found.nameEn || found.name : found.name) : '';
  };
  const lines = (en: boolean) =>
    laureates
      .map((l) => {
        const who = [l.organisation, track(l.trackCode, en)].filter(Boolean).join(', ');
        const summary = en ? l.summaryEn || l.summary : l.summary;
        const link = l.website ? ` — ${l.website}` : '';
        return `- **${l.title}**${who ? ` (${who})` : ''}${summary ? ` : ${summary.replace(/\s+/g, ' ')}` : ''}${link}`;
      })
      .join('\n');
  return {
    title: `Les lauréats de la ${season.name}`,
    titleEn: `The laureates of ${season.nameEn || season.name}`,
    body: `La ${season.name} de l’Accélérateur d’initiatives citoyennes retient ${tCount('fr', LAUREATES, laureates.length)} :\n\n${lines(false)}\n`,
    bodyEn: `${season.nameEn || season.name} of the Citizen Initiatives Accelerator selects ${tCount('en', LAUREATES, laureates.length)}:\n\n${lines(true)}\n`,
    date: visibleFrom,
  };
}

/**
 * Publishes all the season's decisions at once (never one by one): in one audited transaction, records the
 * publication (published_at/by, kept from the first time) and the embargo (the one saved, else now), writes the
 * laureates on the public laureates page from the embargo on, and, if asked, a draft press release in the CMS.
 * Publishing again changes nothing that is already so: no row is added twice.
 */
export async function publishDecisions(
  services: Services,
  actor: Actor,
  seasonId: string,
  options: { pressRelease: boolean },
): Promise<PublishOutcome | { ok: false; problem: PublicationProblem }> {
  const season = await seasonById(services, seasonId);
  if (!season) return { ok: false, problem: 'not_found' };
  const now = services.clock.now();
  const result = await auditedTransaction(
    services.db,
    actor,
    now,
    async (trx, audit): Promise<PublishOutcome | { ok: false; problem: PublicationProblem }> => {
      const deliberation = await loadDeliberation(trx, seasonId, { forUpdate: true });
      if (!deliberation) return { ok: false, problem: 'not_found' };
      if (deliberation.status !== 'closed') return { ok: false, problem: 'not_closed' };
      const visibleFrom = deliberation.publishAt ?? now;
      await trx
        .updateTable('deliberations')
        .set({
          publish_at: visibleFrom,
          updated_at: now,
          // The first publication is the one on record; a second one only brings the laureates up to date.
          ...(deliberation.publishedAt ? {} : { published_at: now, published_by: actor.id }),
        })
        .where('id', '=', deliberation.id)
        .execute();
      const { laureates, count } = await syncLaureates(trx, audit, services, season, deliberation, visibleFrom);
      let pressReleaseId: string | null = null;
      if (options.pressRelease) {
        const draft = pressRelease(season, laureates, visibleFrom);
        pressReleaseId = (await createDraftNews(trx, audit, { ...draft, slug: pressReleaseSlug(season) })).id;
      }
      await audit({
        action: 'decisions.published',
        subjectType: 'season',
        subjectId: seasonId,
        summary: {
          visibleFrom: visibleFrom.toISOString(),
          laureates: laureates.length,
          again: deliberation.publishedAt !== null,
          ...count,
          pressReleaseId,
        },
      });
      return { ok: true, visibleFrom, laureates: laureates.length, pressReleaseId };
    },
  );
  if (result.ok) afterPublicChange(services);
  return result;
}

/**
 * Brings the public laureates of a published season back in line with its decisions (a laureate who declined
 * or let the deadline pass is removed; the one offered the place from the waiting list appears once their
 * decision is "laureate"), keeping the embargo. Does nothing before the first publication. Returns whether it
 * re-synced.
 */
export async function refreshPublishedLaureates(services: Services, actor: Actor, seasonId: string): Promise<boolean> {
  const season = await seasonById(services, seasonId);
  if (!season) return false;
  const done = await auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit) => {
    const deliberation = await loadDeliberation(trx, seasonId, { forUpdate: true });
    if (!deliberation?.publishedAt) return false;
    await syncLaureates(trx, audit, services, season, deliberation, deliberation.publishAt ?? deliberation.publishedAt);
    return true;
  });
  if (done) afterPublicChange(services);
  return done;
}
