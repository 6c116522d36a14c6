import type { FastifyRequest } from 'fastify';
import { html } from '../../../core/http/replies.js';
import { plainViewContext, tracksOf } from '../../../core/http/request-context.js';
import { type App, OptionalText, Query } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { csvCell } from '../../../core/spreadsheet/csv.js';
import { seasonSummaries } from '../../seasons/index.js';
import { introductionFigures } from './figures.js';
import { FIGURES_PATH, FiguresPage, figuresCsv } from './views/staff-pages.js';

/** Figures of the laureates of the staff member's tracks: a track-limited member counts their track's only. */
const FIGURES = { permission: 'support.manage', tracks: 'filtered' } as const;
const FiguresQuery = Query({ saison: OptionalText(64) });

/** The staff's figures page and its CSV. */
export async function figuresRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function load(request: FastifyRequest & { query: { saison?: string } }) {
    const seasons = (await seasonSummaries(db)).map((s) => ({
      id: s.id,
      name: request.locale === 'en' && s.nameEn ? s.nameEn : s.name,
    }));
    const seasonId = seasons.some((s) => s.id === request.query.saison) ? (request.query.saison ?? '') : '';
    const figures = await introductionFigures(db, { seasonId: seasonId || undefined, tracks: tracksOf(request) });
    return { seasons, seasonId, figures };
  }

  app.get(FIGURES_PATH, { config: FIGURES, schema: { querystring: FiguresQuery } }, async (request, reply) => {
    const { seasons, seasonId, figures } = await load(request);
    return html(
      reply,
      200,
      <FiguresPage ctx={plainViewContext(request)} figures={figures} seasons={seasons} seasonId={seasonId} />,
    );
  });

  app.get(`${FIGURES_PATH}.csv`, { config: FIGURES, schema: { querystring: FiguresQuery } }, async (request, reply) => {
    const { seasons, figures } = await load(request);
    const name = (id: string) => seasons.find((s) => s.id === id)?.name ?? id;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="mises-en-relation-chiffres.csv"')
      .header('cache-control', 'private, no-store')
      .send(figuresCsv(request.locale, figures, name, csvCell));
  });
}
