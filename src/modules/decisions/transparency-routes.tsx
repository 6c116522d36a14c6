import { Type } from '@sinclair/typebox';
import { html, notFound } from '../../core/http/replies.js';
import { viewContext } from '../../core/http/request-context.js';
import { type App, Query, Slug } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { loadSeasonTransparency, type PublishedTransparency, selectionBundle } from './transparency.js';
import { figuresCsv, figuresJson, type VerifierFile, verifierFile, zipBundle } from './transparency-files.js';
import { renderTransparencySections } from './transparency-sections.js';
import { selectionZipName, TransparencyPage } from './views/transparency-page.js';

const SlugParams = Type.Object({ slug: Slug });

/**
 * The season's public transparency page and its downloads (issue 13): the selection's ZIP anyone can
 * recompute, the figures as CSV and JSON, and the verifiers (Node file, browser script). Public; the
 * downloads answer 404 until the deliberation is closed and published.
 */
export async function transparencyRoutes(app: App, services: Services): Promise<void> {
  /** The published transparency, or the 404 page already sent. */
  async function published(
    request: Parameters<typeof notFound>[0],
    reply: Parameters<typeof notFound>[1],
    slug: string,
  ): Promise<PublishedTransparency | null> {
    const data = await loadSeasonTransparency(services, slug);
    if (!data?.published) {
      notFound(request, reply);
      return null;
    }
    return data;
  }

  app.get(
    '/saisons/:slug/transparence',
    { schema: { params: SlugParams, querystring: Query({}) }, config: { permission: 'public' } },
    async (request, reply) => {
      const data = await loadSeasonTransparency(services, request.params.slug);
      if (!data) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const sections = data.published
        ? await renderTransparencySections(services, { id: data.season.id, slug: data.season.slug }, ctx.locale)
        : [];
      return html(reply, 200, <TransparencyPage ctx={ctx} data={data} sections={sections} />);
    },
  );

  app.get(
    '/saisons/:slug/transparence/selection.zip',
    {
      schema: {
        params: SlugParams,
        summary: "A season's selection, to recompute",
        description:
          'The ZIP of a closed and published selection: README.md, method.json (weights, criteria, scales, seed, ' +
          'replicates, level, ridge, selection size), reviews.csv (scores per criterion by reviewer pseudonym), ' +
          'opinions.csv (the citizen panel’s opinions by panelist pseudonym), calibration.csv, results.csv (the ' +
          'combined order with rank intervals) and decisions.csv (reason codes; laureates named). No personal data: ' +
          'applications by a random public reference. 404 until published.',
        tags: ['decisions'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (request, reply) => {
      const data = await published(request, reply, request.params.slug);
      if (!data) return reply;
      const name = selectionZipName(data.season.slug);
      const zip = await zipBundle(selectionBundle(data), name.replace(/\.zip$/, ''), data.publishedAt);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-cache')
        .send(zip);
    },
  );

  app.get(
    '/saisons/:slug/transparence/chiffres.csv',
    {
      schema: {
        params: SlugParams,
        summary: "A season's selection figures (CSV)",
        description:
          'Applications received (by kind of applicant, track, region), eligible, reviewed, reviews per application, ' +
          'shortlisted for the citizen panel, laureates, amounts requested and granted. UTF-8 with BOM, `;`. 404 until published.',
        tags: ['decisions'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (request, reply) => {
      const data = await published(request, reply, request.params.slug);
      if (!data) return reply;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="chiffres-${data.season.slug}.csv"`)
        .header('cache-control', 'no-cache')
        .send(figuresCsv(data));
    },
  );

  app.get(
    '/saisons/:slug/transparence/chiffres.json',
    {
      schema: {
        params: SlugParams,
        summary: "A season's selection figures (JSON)",
        description:
          'The same figures as chiffres.csv with codes and amounts in cents, the weights and criteria, the jury by ' +
          'organisation (SIREN, count) and the panel’s size. 404 until published.',
        tags: ['decisions'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (request, reply) => {
      const data = await published(request, reply, request.params.slug);
      if (!data) return reply;
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(figuresJson(data));
    },
  );

  const script = (name: VerifierFile, type: string, summary: string, description: string) =>
    app.get(
      `/transparence/${name}`,
      {
        schema: { querystring: Query({}), summary, description, tags: ['decisions'] },
        config: { permission: 'public', openapi: true },
      },
      async (_request, reply) =>
        reply
          .type(type)
          .header('cache-control', 'public, max-age=3600')
          .header('x-content-type-options', 'nosniff')
          .send(await verifierFile(name)),
    );
  script(
    'verificateur-selection.mjs',
    'text/javascript; charset=utf-8',
    'The selection verifier (one file, Node ≥ 18)',
    'A single JavaScript file with no dependency: `node verificateur-selection.mjs <selection.zip | folder>` ' +
      'recomputes a published selection and exits 0 when everything matches, 1 with the first difference.',
  );
  script(
    'verification-selection.js',
    'text/javascript; charset=utf-8',
    'The selection verifier for the browser',
    'The script of the transparency page that recomputes a selection ZIP in the visitor’s browser.',
  );
  script(
    'verification-tirage.js',
    'text/javascript; charset=utf-8',
    'The panel draw verifier for the browser',
    'The script of a citizen panel’s transparency page that re-checks its published draw (commitment, quotas ' +
      'of every slot, the slot the random value gives) in the visitor’s browser; replacement draws need HiGHS ' +
      'and are checked with `npx accelerateur sortition verify`.',
  );
}
