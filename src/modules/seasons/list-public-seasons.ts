import type { Services } from '../../core/services.js';
import { loadLaureates, loadSeasons, type SeasonRecord } from './queries.js';
import { type SeasonStatus, seasonStatus } from './season-status.js';

/** A season as the public site shows it; other modules (content) read seasons only through this. */
export interface PublicSeason {
  id: string;
  slug: string;
  number: number;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  opensAt: Date;
  closesAt: Date;
  status: SeasonStatus;
  tracks: { code: string; name: string; nameEn: string; lead: string }[];
  criteria: {
    code: string;
    label: string;
    labelEn: string;
    description: string;
    descriptionEn: string;
    weight: number;
  }[];
  eligibleKinds: string[];
  supportMonths: number;
  grantEnvelopeCents: number;
  laureatesSought: number;
  laureateCount: number;
  /** The season's last change. */
  updatedAt: Date;
}

export interface PublicLaureate {
  id: string;
  name: string;
  organisation: string;
  summary: string;
  summaryEn: string;
  website: string;
  track: { code: string; name: string; nameEn: string } | null;
  /** The support plan's progress, when staff chose to show it. */
  progressPercent: number | null;
}

function toPublic(season: SeasonRecord, now: Date): PublicSeason {
  return {
    id: season.id,
    slug: season.slug,
    number: season.number,
    name: season.name,
    nameEn: season.nameEn,
    summary: season.summary,
    summaryEn: season.summaryEn,
    opensAt: season.opensAt,
    closesAt: season.closesAt,
    status: seasonStatus(season, now),
    tracks: season.tracks.map(({ code, name, nameEn, lead }) => ({ code, name, nameEn, lead })),
    criteria: season.criteria.map(({ code, label, labelEn, description, descriptionEn, weight }) => ({
      code,
      label,
      labelEn,
      description,
      descriptionEn,
      weight,
    })),
    eligibleKinds: season.eligibleKinds,
    supportMonths: season.supportMonths,
    grantEnvelopeCents: season.grantEnvelopeCents,
    laureatesSought: season.laureatesSought,
    laureateCount: season.laureateCount,
    updatedAt: season.updatedAt,
  };
}

/**
 * Every published season (drafts are not public), ordered by opening date, with its status at the services' clock; its laureate count is of
 * the laureates the public sees now (an embargo not yet passed hides the published decisions).
 */
export async function listPublicSeasons(services: Pick<Services, 'db' | 'clock'>): Promise<PublicSeason[]> {
  const now = services.clock.now();
  return (await loadSeasons(services.db, { laureatesVisibleAt: now, publishedOnly: true })).map((s) =>
    toPublic(s, now),
  );
}

/** The same, drafts included (status 'draft'): the staff's list of seasons. */
export async function listSeasonsForStaff(services: Pick<Services, 'db' | 'clock'>): Promise<PublicSeason[]> {
  const now = services.clock.now();
  return (await loadSeasons(services.db, { laureatesVisibleAt: now })).map((s) => toPublic(s, now));
}

/** The season whose call is open now (the latest opened if several overlap), or null. */
export async function currentOpenSeason(services: Pick<Services, 'db' | 'clock'>): Promise<PublicSeason | null> {
  const open = (await listPublicSeasons(services)).filter((s) => s.status === 'open');
  return open.at(-1) ?? null;
}

/** A published season by its slug; null for an unknown slug or a draft. */
export async function getPublicSeason(
  services: Pick<Services, 'db' | 'clock'>,
  slug: string,
): Promise<PublicSeason | null> {
  const now = services.clock.now();
  const [season] = await loadSeasons(services.db, { slug, laureatesVisibleAt: now, publishedOnly: true });
  return season ? toPublic(season, now) : null;
}

/**
 * One laureate the public sees now (its embargo passed) with its season, by its public id; null when it does
 * not exist or is still under embargo. The public laureate page (impact module) starts from this.
 */
export async function getPublicLaureate(
  services: Pick<Services, 'db' | 'clock'>,
  id: string,
): Promise<{ laureate: PublicLaureate & { applicationRef: string | null }; season: PublicSeason } | null> {
  const now = services.clock.now();
  const [record] = await loadLaureates(services.db, { id, visibleAt: now });
  if (!record) return null;
  const [season] = await loadSeasons(services.db, {
    id: record.seasonId,
    laureatesVisibleAt: now,
    publishedOnly: true,
  });
  if (!season) return null;
  const publicSeason = toPublic(season, now);
  const [laureate] = (await listPublicLaureates(services, publicSeason)).filter((l) => l.id === id);
  return laureate ? { laureate: { ...laureate, applicationRef: record.applicationRef }, season: publicSeason } : null;
}

/** Laureates of a season the public sees now (embargoes passed), in their display order, with their track. */
export async function listPublicLaureates(
  services: Pick<Services, 'db' | 'clock'>,
  season: Pick<PublicSeason, 'id' | 'tracks'>,
): Promise<PublicLaureate[]> {
  const laureates = await loadLaureates(services.db, { seasonId: season.id, visibleAt: services.clock.now() });
  return laureates.map((l) => {
    const track = season.tracks.find((t) => t.code === l.trackCode);
    return {
      id: l.id,
      name: l.name,
      organisation: l.organisation,
      summary: l.summary,
      summaryEn: l.summaryEn,
      website: l.website,
      track: track ? { code: track.code, name: track.name, nameEn: track.nameEn } : null,
      progressPercent: l.progressPercent,
    };
  });
}
