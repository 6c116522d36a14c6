import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseSlotsJson } from '../../algorithms/sortition/index.js';
import { servePublicPage } from '../../core/cache/public-page.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams } from '../../core/http/route-schemas.js';
import { newSubmissionKey } from '../../core/http/submission-keys.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { publishedDraws, publishedFolder, publishedInput, withPool } from './draw-panel.js';
import { panelMessages as m } from './messages.js';
import { loadPanelFor, loadPublicPanelFor } from './policy.js';
import { listPublicPanels } from './public-panels.js';
import { categoriesOf, loadQuotas, type QuotaRecord } from './queries.js';
import { callClosedSince, readVolunteerForm, registerVolunteer } from './register-volunteer.js';
import { findInvitation, respondInvitation } from './respond-invitation.js';
import { DrawFileParams, InvitationQuery } from './schemas.js';
import type { PublishedFiles } from './tables.js';
import { profileLabeller } from './views/admin-common.js';
import { InvitationPage, MessagePage, PublicPanelsPage, TransparencyPage, VolunteerPage } from './views/public.js';

/** Each pool profile's probability over the published slots: anonymised, recomputable from the files. */
function slotProfiles(
  files: PublishedFiles & { 'pool.csv': string },
  quotas: QuotaRecord[],
  locale: 'fr' | 'en',
): { poolSize: number; min: number; profiles: { label: string; count: number; probability: number }[] } {
  const input = publishedInput(files);
  const { slots } = parseSlotsJson(files['slots.json']);
  const hits = new Map<string, number>();
  for (const slot of slots) for (const id of slot) hits.set(id, (hits.get(id) ?? 0) + 1);
  const categories = categoriesOf(quotas).map((c) => c.category);
  const label = profileLabeller(locale, quotas);
  const groups = new Map<string, { label: string; count: number; total: number }>();
  let min = 1;
  for (const person of input.people) {
    const p = (hits.get(person.id) ?? 0) / Math.max(1, slots.length);
    min = Math.min(min, p);
    const features = categories.map((c) => person.values[c]);
    const key = features.join('\u0000');
    const g = groups.get(key) ?? { label: label(features), count: 0, total: 0 };
    g.count += 1;
    g.total += p;
    groups.set(key, g);
  }
  return {
    poolSize: input.people.length,
    min,
    profiles: [...groups.values()]
      .map((g) => ({ label: g.label, count: g.count, probability: g.total / g.count }))
      .sort((a, b) => a.probability - b.probability),
  };
}

async function invalidInvitation(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const ctx = await viewContext(request, reply);
  return html(
    reply,
    400,
    <MessagePage
      ctx={ctx}
      kind="error"
      title={t(ctx.locale, m.invitationTitle)}
      text={t(ctx.locale, m.invitationInvalid)}
    />,
  );
}

export async function panelPublicRoutes(app: App, services: Services): Promise<void> {
  app.get('/panel-citoyen', { config: { permission: 'public' } }, (request, reply) =>
    servePublicPage(request, reply, async () => (
      <PublicPanelsPage
        ctx={plainViewContext(request)}
        panels={await listPublicPanels(services, services.clock.now())}
      />
    )),
  );

  app.get(
    '/panel-citoyen/invitation',
    { schema: { querystring: InvitationQuery }, config: { permission: 'public' } },
    async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer');
      const token = request.query.jeton ?? '';
      const invitation = await findInvitation(services, token);
      if (!invitation) return invalidInvitation(request, reply);
      return html(
        reply,
        200,
        <InvitationPage ctx={await viewContext(request, reply)} token={token} panelName={invitation.panelName} />,
      );
    },
  );

  app.post('/panel-citoyen/invitation', { config: { permission: 'public' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const token = typeof body.jeton === 'string' ? body.jeton : '';
    const answer = body.reponse;
    if (answer !== 'accepter' && answer !== 'decliner') return invalidInvitation(request, reply);
    const outcome = await respondInvitation(services, token, answer === 'accepter');
    if (outcome === 'invalid') return invalidInvitation(request, reply);
    const ctx = await viewContext(request, reply);
    const { locale } = ctx;
    return html(
      reply,
      200,
      outcome === 'accepted' ? (
        <MessagePage
          ctx={ctx}
          kind="success"
          title={t(locale, m.acceptedTitle)}
          text={t(locale, m.acceptedText)}
          link={{ href: '/connexion?retour=%2Fpanel', label: t(locale, m.signIn) }}
        />
      ) : (
        <MessagePage ctx={ctx} kind="info" title={t(locale, m.declinedTitle)} text={t(locale, m.declinedText)} />
      ),
    );
  });

  app.get(
    '/panel-citoyen/:id',
    { schema: { params: IdParams }, config: { permission: 'public' } },
    async (request, reply) => {
      const panel = await loadPublicPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const quotas = await loadQuotas(services.db, panel.id);
      const ctx = await viewContext(request, reply);
      const closed = await callClosedSince(services.db, panel, services.clock.now());
      return html(
        reply,
        200,
        <VolunteerPage
          ctx={ctx}
          panel={panel}
          quotas={quotas}
          values={{ submission_key: newSubmissionKey() }}
          errors={{}}
          closed={closed}
        />,
      );
    },
  );

  app.post(
    '/panel-citoyen/:id',
    { schema: { params: IdParams }, config: { permission: 'public' } },
    async (request, reply) => {
      const panel = await loadPublicPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const quotas = await loadQuotas(services.db, panel.id);
      const ctx = await viewContext(request, reply);
      // Refused with nothing stored, whatever was typed: the pool is fixed (or the call is over).
      const refuse = (closed: { since: Date | null }) =>
        html(
          reply,
          409,
          <VolunteerPage ctx={ctx} panel={panel} quotas={quotas} values={{}} errors={{}} closed={closed} refused />,
        );
      const closed = await callClosedSince(services.db, panel, services.clock.now());
      if (closed) return refuse(closed);
      const { form, input } = readVolunteerForm(request.body, panel, quotas);
      const values = { ...form.values, submission_key: input.submissionKey ?? newSubmissionKey() };
      if (!form.ok)
        return html(
          reply,
          400,
          <VolunteerPage ctx={ctx} panel={panel} quotas={quotas} values={values} errors={form.errors} />,
        );
      const result = await registerVolunteer(services, actorOf(request), panel, input, request.ip, request.locale);
      if (result.ok) {
        return html(
          reply,
          200,
          <MessagePage
            ctx={ctx}
            kind="success"
            title={t(ctx.locale, m.volunteerThanks)}
            text={t(ctx.locale, m.volunteerThanksText)}
          />,
        );
      }
      if ('closed' in result) return refuse(result.closed);
      if ('errors' in result)
        return html(
          reply,
          result.rateLimited ? 429 : 400,
          <VolunteerPage ctx={ctx} panel={panel} quotas={quotas} values={values} errors={result.errors} />,
        );
      return html(
        reply,
        429,
        <VolunteerPage ctx={ctx} panel={panel} quotas={quotas} values={values} errors={{}} tooMany />,
      );
    },
  );

  app.get(
    '/panel-citoyen/:id/transparence',
    { schema: { params: IdParams }, config: { permission: 'public' } },
    async (request, reply) => {
      // The transparency page stays reachable whatever the panel's status: it shows what was published, if anything.
      const panel = await loadPanelFor(services, request, request.params.id);
      if (!panel) return notFound(request, reply);
      const quotas = await loadQuotas(services.db, panel.id);
      const { draws, files, poolWithdrawn } = await publishedDraws(services, panel.id);
      // Once pool.csv is withdrawn the profiles are gone with the answers; slots.json still gives each pseudonym's chance.
      const summary = withPool(files) ? slotProfiles(files, quotas, request.locale) : null;
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <TransparencyPage
          ctx={ctx}
          panel={panel}
          quotas={quotas}
          poolSize={summary?.poolSize ?? poolWithdrawn?.size ?? 0}
          minProbability={summary?.min ?? null}
          poolWithdrawnAt={poolWithdrawn?.at ?? null}
          draws={draws}
          fileNames={files ? Object.keys(publishedFolder(files, draws)) : []}
          profiles={summary?.profiles ?? []}
        />,
      );
    },
  );

  app.get(
    '/panel-citoyen/:id/transparence/:file',
    {
      schema: {
        params: DrawFileParams,
        summary: "A file of a citizen panel's published draw",
        description:
          'The files that let anyone recompute a panel draw: categories.csv, pool.csv (the anonymised pool, ' +
          'withdrawn at the end of its retention), slots.json (the selection probabilities), commitment.txt, ' +
          'then draw.json once drawn and replacement-N.json for each replacement draw. CSV files are UTF-8; ' +
          'the transparency page lists the names; an unknown name answers 404.',
        tags: ['panel'],
      },
      config: { permission: 'public', openapi: true },
    },
    async (request, reply) => {
      const { draws, files } = await publishedDraws(services, request.params.id);
      const folder = files ? publishedFolder(files, draws) : {};
      const name = request.params.file;
      if (!Object.hasOwn(folder, name)) return notFound(request, reply);
      const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.json') ? 'application/json' : 'text/plain';
      return reply
        .type(`${type}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-cache')
        .send(folder[name]);
    },
  );
}
