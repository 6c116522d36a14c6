import type { Locale } from '../../core/i18n/i18n.js';
import { formatDate, t } from '../../core/i18n/i18n.js';
import type { NoticePlace, PublicNotice } from '../../core/module.js';
import type { Services } from '../../core/services.js';
import { panelMessages as m } from './messages.js';

/** A panel as the public site lists it: its call for volunteers (open or not) and its published draw, if any. */
export interface PublicPanel {
  id: string;
  seasonId: string | null;
  name: string;
  nameEn: string;
  size: number;
  recruitUntil: Date;
  /** The call takes volunteers now: recruiting, before its end, and no draw commitment asked for yet. */
  callOpen: boolean;
  /** The initial draw's published state: its commitment only, or drawn (with when); null before anything is published. */
  draw: { state: 'committed' | 'drawn'; drawnAt: Date | null } | null;
}

/**
 * Every panel past its set-up, newest first, with whether its call is open and what of its draw is published: the
 * public list page, and the notices on the home page and the season pages, read this (never the staff's tables).
 */
export async function listPublicPanels(services: Pick<Services, 'db'>, now: Date): Promise<PublicPanel[]> {
  const panels = await services.db
    .selectFrom('panels')
    .select(['id', 'season_id', 'name', 'name_en', 'size', 'status', 'recruit_until', 'created_at'])
    .where('status', '!=', 'setup')
    .orderBy('recruit_until', 'desc')
    .orderBy('id')
    .execute();
  if (panels.length === 0) return [];
  const draws = await services.db
    .selectFrom('panel_draws')
    .select(['panel_id', 'state', 'drawn_at', 'created_at'])
    .where(
      'panel_id',
      'in',
      panels.map((p) => p.id),
    )
    .where('kind', '=', 'initial')
    .where('state', '!=', 'failed')
    .orderBy('created_at')
    .execute();
  return panels.map((p) => {
    const initial = draws.find((d) => d.panel_id === p.id);
    const published = initial && (initial.state === 'committed' || initial.state === 'drawn') ? initial : undefined;
    return {
      id: p.id,
      seasonId: p.season_id,
      name: p.name,
      nameEn: p.name_en,
      size: p.size,
      recruitUntil: new Date(p.recruit_until),
      callOpen: p.status === 'recruiting' && now <= new Date(p.recruit_until) && !initial,
      draw: published
        ? {
            state: published.state as 'committed' | 'drawn',
            drawnAt: published.drawn_at ? new Date(published.drawn_at) : null,
          }
        : null,
    };
  });
}

export const publicPanelName = (locale: Locale, panel: Pick<PublicPanel, 'name' | 'nameEn'>) =>
  locale === 'en' && panel.nameEn ? panel.nameEn : panel.name;

/** The call of an open panel, as a notice (a callout with its button). */
export function callNotice(locale: Locale, panel: PublicPanel): PublicNotice {
  return {
    kind: 'call',
    title: t(locale, m.callNoticeTitle, { name: publicPanelName(locale, panel) }),
    text: t(locale, m.callNoticeText, { k: panel.size, date: formatDate(locale, panel.recruitUntil) }),
    href: `/panel-citoyen/${panel.id}`,
    action: t(locale, m.callNoticeAction),
  };
}

/** What a published draw's transparency page holds, in one line. */
export function drawSummary(locale: Locale, draw: NonNullable<PublicPanel['draw']>): string {
  return draw.state === 'drawn' && draw.drawnAt
    ? t(locale, m.drawNoticeDrawn, { date: formatDate(locale, draw.drawnAt) })
    : t(locale, m.drawNoticeCommitted);
}

/** A published draw, as a notice (a link to its transparency page). */
export function drawNotice(
  locale: Locale,
  panel: PublicPanel & { draw: NonNullable<PublicPanel['draw']> },
): PublicNotice {
  return {
    kind: 'record',
    title: t(locale, m.drawNoticeTitle, { name: publicPanelName(locale, panel) }),
    text: drawSummary(locale, panel.draw),
    href: `/panel-citoyen/${panel.id}/transparence`,
  };
}

/**
 * The panel's notices (Module.publicNotices): on the home page, every open call; on a season's page, its panels'
 * open calls and published draws.
 */
export async function panelNotices(services: Services, place: NoticePlace, locale: Locale): Promise<PublicNotice[]> {
  const panels = await listPublicPanels(services, services.clock.now());
  if (place.page === 'home') return panels.filter((p) => p.callOpen).map((p) => callNotice(locale, p));
  const ofSeason = panels.filter((p) => p.seasonId === place.seasonId);
  return [
    ...ofSeason.filter((p) => p.callOpen).map((p) => callNotice(locale, p)),
    ...ofSeason.flatMap((p) => (p.draw ? [drawNotice(locale, { ...p, draw: p.draw })] : [])),
  ];
}
