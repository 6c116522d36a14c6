import type { Services } from '../../../core/services.js';
import { type ApplicationFigures, applicationFigures } from '../../applications/index.js';
import { type CooperationFigures, cooperationFigures } from '../../commons/index.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { committedCentsOf, envelopeFigures, type FiguresTotals, sumFigures } from '../../grants/index.js';
import { panelForDeliberation } from '../../panel/index.js';
import { juryForDeliberation } from '../../review/index.js';
import {
  getPublicLaureate,
  getPublicSeason,
  listPublicLaureates,
  type PublicLaureate,
  type PublicSeason,
} from '../../seasons/index.js';
import {
  type IntroductionFigures,
  introductionFigures,
  type LeverFigure,
  publicSupportOf,
  supportByLever,
} from '../../support/index.js';
import { type PublicIndicator, type PublicTestimony, publicIndicators, publicTestimonies } from '../queries.js';

type Deps = Pick<Services, 'db' | 'clock'>;

/** What the public may know of a laureate's support (null for a laureate typed by hand, with no plan). */
export interface LaureateSupport {
  levers: string[];
  introductionsMade: number;
  committedCents: number | null;
}

export interface LaureatePageData {
  laureate: PublicLaureate;
  season: PublicSeason;
  indicators: PublicIndicator[];
  testimonies: PublicTestimony[];
  support: LaureateSupport | null;
}

/** The support of laureates published from the decisions, by public laureate id. */
async function supportOf(services: Deps, laureates: { id: string; applicationRef: string | null }[]) {
  const refs = laureates.flatMap((l) => (l.applicationRef ? [l.applicationRef] : []));
  const confirmed = await confirmedLaureates(services.db, { publicRefs: refs });
  const ids = confirmed.map((c) => c.applicationId);
  const [support, committed] = await Promise.all([
    publicSupportOf(services.db, ids),
    committedCentsOf(services.db, ids),
  ]);
  const result = new Map<string, LaureateSupport>();
  for (const laureate of laureates) {
    const decision = confirmed.find((c) => c.publicRef === laureate.applicationRef);
    if (!decision) continue;
    const plan = support.get(decision.applicationId);
    const cents = committed.get(decision.applicationId) ?? null;
    if (!plan && cents === null) continue;
    result.set(laureate.id, {
      levers: plan?.levers ?? [],
      introductionsMade: plan?.introductionsMade ?? 0,
      committedCents: cents,
    });
  }
  return result;
}

/** The public laureate page's data; null when the laureate does not exist or is under embargo. */
export async function laureatePageData(services: Deps, id: string): Promise<LaureatePageData | null> {
  const found = await getPublicLaureate(services, id);
  if (!found) return null;
  const { applicationRef, ...laureate } = found.laureate;
  const [indicators, testimonies, support] = await Promise.all([
    publicIndicators(services.db, { laureateIds: [id] }),
    publicTestimonies(services.db, services.clock.now(), { laureateIds: [id] }),
    supportOf(services, [{ id, applicationRef }]),
  ]);
  return { laureate, season: found.season, indicators, testimonies, support: support.get(id) ?? null };
}

export interface SeasonReport {
  season: PublicSeason;
  generatedAt: Date;
  applications: ApplicationFigures;
  jury: { applicationsReviewed: number; reviews: number; experts: number } | null;
  panel: { size: number; applications: number; opinions: number } | null;
  laureates: PublicLaureate[];
  supportByLever: LeverFigure[];
  introductions: IntroductionFigures;
  cooperation: CooperationFigures;
  grants: FiguresTotals | null;
  indicators: PublicIndicator[];
  testimonies: PublicTestimony[];
}

/** A season's report, from every module's figures; null when there is no such season. Counts only. */
export async function seasonReport(services: Deps, slug: string): Promise<SeasonReport | null> {
  const season = await getPublicSeason(services, slug);
  if (!season) return null;
  const { db } = services;
  const laureates = await listPublicLaureates(services, season);
  const laureateIds = laureates.map((l) => l.id);
  const [applications, jury, panel, levers, introductions, cooperation, envelopes, indicators, testimonies] =
    await Promise.all([
      applicationFigures(db, season.id),
      juryForDeliberation(db, season.id),
      panelForDeliberation(db, season.id),
      supportByLever(db, season.id),
      introductionFigures(db, { seasonId: season.id }),
      cooperationFigures(db),
      envelopeFigures(db, { seasonId: season.id }),
      publicIndicators(db, { laureateIds }),
      publicTestimonies(db, services.clock.now(), { laureateIds }),
    ]);
  return {
    season,
    generatedAt: services.clock.now(),
    applications,
    jury:
      jury && jury.reviews.length > 0
        ? {
            applicationsReviewed: new Set(jury.reviews.map((r) => r.application)).size,
            reviews: jury.reviews.length,
            experts: new Set(jury.reviews.map((r) => r.reviewer)).size,
          }
        : null,
    panel: panel
      ? {
          size: panel.size,
          applications: new Set(panel.opinions.map((o) => o.application)).size,
          opinions: panel.opinions.length,
        }
      : null,
    laureates,
    supportByLever: levers,
    introductions,
    cooperation,
    grants: envelopes.length > 0 ? sumFigures(envelopes) : null,
    // In the laureates' order, then each laureate's own order.
    indicators: laureates.flatMap((l) => indicators.filter((i) => i.laureateId === l.id)),
    testimonies,
  };
}
