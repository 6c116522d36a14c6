import { type Static, Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, OptionalText, Query, SeasonIdParams, Uuid } from '../../core/http/route-schemas.js';
import { LOCALES, type Locale, t, tCount } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { seasonSummaries } from '../seasons/index.js';
import { type Deliberation, loadDeliberation } from './deliberation.js';
import { noticeMessages as m, noticeCounts } from './notice-messages.js';
import { sendPdf } from './notice-pdf.js';
import {
  decisionsOf,
  loadNoticeContext,
  type NoticeContext,
  noticeOf,
  noticePdf,
  noticesOf,
} from './notice-queries.js';
import { isNoticeKind, loadTemplates, NOTICE_KINDS, type NoticeKind, offersAPlace } from './notice-templates.js';
import { offerNextPlace } from './offer-next.js';
import { draftFor, editNotice, prepareNotices } from './prepare-notices.js';
import { composeNotice, fillDeadline } from './render-notice.js';
import { checkTemplateReasons, readNoticeForm, saveNoticeSettings, saveTemplate } from './save-template.js';
import { commentsFor, sendAllNotices, sendNotice } from './send-notices.js';
import { NoticePage, OutboxPage, outboxPath, type PageNotice } from './views/outbox.js';
import { TemplateEditPage, TemplatesPage, templatesPath } from './views/templates.js';

const NoticeParams = Type.Object({ seasonId: Uuid, noticeId: Uuid });
const TemplateParams = Type.Object({
  seasonId: Uuid,
  kind: Type.Union(NOTICE_KINDS.map((kind) => Type.Literal(kind))),
  locale: Type.Union(LOCALES.map((locale) => Type.Literal(locale))),
});
/**
 * The template form's POST reads its kind and locale in the handler: a state-changing route checks the CSRF
 * token before anything else answers (a 404 from the params schema would come first).
 */
const TemplateWriteParams = Type.Object({
  seasonId: Uuid,
  kind: Type.String({ maxLength: 40 }),
  locale: Type.String({ maxLength: 40 }),
});
const OutboxQuery = Query({
  ok: OptionalText(),
  n: OptionalText(20),
  c: OptionalText(20),
  r: OptionalText(20),
  k: OptionalText(20),
});
const TemplatesQuery = Query({
  ok: OptionalText(),
  candidature: OptionalText(64),
  modele: OptionalText(40),
  langue: OptionalText(8),
});
type OutboxQuery = Static<typeof OutboxQuery>;

/** Every route here concerns the whole season (all tracks): track-limited staff are refused. */
const STAFF = { permission: 'decisions.manage', allTracks: true } as const;

const DAY_MS = 24 * 3600_000;

/** A season's name in the page's language. */
const pick = (locale: Locale, fr: string, en: string) => (locale === 'en' && en ? en : fr);

async function seasonOf(
  services: Services,
  seasonId: string,
): Promise<{ id: string; name: string; nameEn: string } | null> {
  const [season] = await seasonSummaries(services.db, [seasonId]);
  return season ? { id: season.id, name: season.name, nameEn: season.nameEn } : null;
}

function outboxNotice(locale: Locale, query: OutboxQuery): PageNotice | undefined {
  const count = (value: string | undefined) => String(Number.parseInt(value ?? '0', 10) || 0);
  switch (query.ok) {
    case 'reglages':
      return { kind: 'success', title: t(locale, m.settingsSaved) };
    case 'prepare':
      return {
        kind: 'success',
        title: t(locale, m.prepared, { created: count(query.c), refreshed: count(query.r), kept: count(query.k) }),
      };
    case 'envoye':
      return count(query.n) === '0'
        ? { kind: 'info', title: t(locale, m.noneToSend) }
        : { kind: 'success', title: tCount(locale, noticeCounts.sent, Number(count(query.n))) };
    case 'place':
      return { kind: 'success', title: t(locale, m.offered) };
    case 'personne':
      return { kind: 'warning', title: t(locale, m.noneWaiting) };
    case 'pas-libre':
      return { kind: 'warning', title: t(locale, m.notFree) };
    case 'non-close':
      return { kind: 'warning', title: t(locale, m.notClosed) };
    default:
      return undefined;
  }
}

/** The preview of a draft as it would be sent now (deadline from now, comments if shared, appeal routes). */
function previewOf(
  context: NoticeContext,
  notice: { kind: string; locale: Locale; subject: string; body: string; applicationId: string },
  now: Date,
): { subject: string; text: string } {
  const deadline = offersAPlace(notice.kind)
    ? new Date(now.getTime() + context.deliberation.confirmDays * DAY_MS)
    : null;
  return {
    subject: fillDeadline(notice.subject, notice.locale, deadline),
    text: composeNotice({
      kind: notice.kind,
      locale: notice.locale,
      body: notice.body,
      deadline,
      comments: commentsFor(context, notice.kind, notice.applicationId),
    }),
  };
}

/** Staff pages of the notices: the outbox, one notice, the templates, the freed places. */
export async function noticeRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function renderOutbox(
    request: FastifyRequest,
    reply: FastifyReply,
    season: { id: string; name: string; nameEn: string },
    deliberation: Deliberation | null,
    status: number,
    extra: Pick<Parameters<typeof OutboxPage>[0], 'notice' | 'settings'> = {},
  ) {
    const ctx = await viewContext(request, reply);
    const decisions = deliberation ? await decisionsOf(db, deliberation.id) : [];
    const notices = deliberation ? await noticesOf(db, deliberation.id) : [];
    const context = deliberation ? await loadNoticeContext(db, season.id) : null;
    const titles = new Map([...(context?.applications ?? new Map())].map(([id, a]) => [id, a.title]));
    return html(
      reply,
      status,
      <OutboxPage
        ctx={ctx}
        season={{ id: season.id, name: pick(ctx.locale, season.name, season.nameEn) }}
        deliberation={deliberation}
        notices={notices}
        decisions={decisions}
        titles={titles}
        {...extra}
      />,
    );
  }

  app.get(
    '/admin/decisions/:seasonId/notifications',
    { config: STAFF, schema: { params: SeasonIdParams, querystring: OutboxQuery } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const deliberation = await loadDeliberation(db, season.id);
      return renderOutbox(request, reply, season, deliberation, 200, {
        notice: outboxNotice(request.locale, request.query),
      });
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/reglages',
    { config: STAFF, schema: { params: SeasonIdParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      const deliberation = season ? await loadDeliberation(db, season.id) : null;
      if (!season || !deliberation) return notFound(request, reply);
      const form = new FormReader(request.body);
      const share = form.checkbox('share_jury_comments');
      const days = form.text('confirm_days', { required: true, max: 10 });
      const confirmDays = Number(days);
      if (days && !form.errors.confirm_days && (!/^\d+$/.test(days) || confirmDays < 1 || confirmDays > 90))
        form.fail('confirm_days', m.confirmDaysRange);
      if (!form.ok)
        return renderOutbox(request, reply, season, deliberation, 400, {
          settings: { values: { ...form.values, share_jury_comments: share ? 'on' : '' }, errors: form.errors },
        });
      await saveNoticeSettings(services, actorOf(request), {
        seasonId: season.id,
        shareJuryComments: share,
        confirmDays,
      });
      return reply.redirect(`${outboxPath(season.id)}?ok=reglages`, 303);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/preparer',
    { config: STAFF, schema: { params: SeasonIdParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const result = await prepareNotices(services, actorOf(request), { seasonId: season.id });
      if (!result.ok)
        return result.problem === 'not_found'
          ? notFound(request, reply)
          : reply.redirect(`${outboxPath(season.id)}?ok=non-close`, 303);
      return reply.redirect(
        `${outboxPath(season.id)}?ok=prepare&c=${result.created}&r=${result.refreshed}&k=${result.kept}`,
        303,
      );
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/envoyer',
    { config: STAFF, schema: { params: SeasonIdParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const result = await sendAllNotices(services, actorOf(request), { seasonId: season.id });
      if (!result.ok)
        return result.problem === 'not_found'
          ? notFound(request, reply)
          : reply.redirect(`${outboxPath(season.id)}?ok=non-close`, 303);
      return reply.redirect(`${outboxPath(season.id)}?ok=envoye&n=${result.sent}`, 303);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/places',
    { config: STAFF, schema: { params: SeasonIdParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const freed = form.text('freed', { required: true, max: 64 });
      if (!/^[0-9a-f-]{36}$/i.test(freed)) return notFound(request, reply);
      const result = await offerNextPlace(services, actorOf(request), {
        seasonId: season.id,
        freedApplicationId: freed,
      });
      const base = outboxPath(season.id);
      if (result.ok) return reply.redirect(`${base}?ok=place`, 303);
      switch (result.problem) {
        case 'not_found':
          return notFound(request, reply);
        case 'none_waiting':
          return reply.redirect(`${base}?ok=personne`, 303);
        case 'not_closed':
          return reply.redirect(`${base}?ok=non-close`, 303);
        default:
          return reply.redirect(`${base}?ok=pas-libre`, 303);
      }
    },
  );

  async function renderNotice(
    request: FastifyRequest,
    reply: FastifyReply,
    season: { id: string; name: string; nameEn: string },
    noticeId: string,
    status: number,
    state: { values?: Record<string, string>; errors?: Record<string, FieldError> } = {},
    alert?: PageNotice,
  ) {
    const context = await loadNoticeContext(db, season.id);
    const notice = context ? await noticeOf(db, context.deliberation.id, noticeId) : null;
    if (!context || !notice) return notFound(request, reply);
    const ctx = await viewContext(request, reply);
    const preview =
      notice.status === 'sent'
        ? { subject: notice.subject, text: notice.body }
        : previewOf(context, notice, services.clock.now());
    return html(
      reply,
      status,
      <NoticePage
        ctx={ctx}
        season={{ id: season.id, name: pick(ctx.locale, season.name, season.nameEn) }}
        notice={notice}
        projectTitle={context.applications.get(notice.applicationId)?.title ?? ''}
        preview={preview}
        values={state.values}
        errors={state.errors}
        alert={alert}
      />,
    );
  }

  app.get(
    '/admin/decisions/:seasonId/notifications/:noticeId',
    { config: STAFF, schema: { params: NoticeParams, querystring: Query({ ok: OptionalText() }) } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const alert: PageNotice | undefined =
        request.query.ok === 'brouillon'
          ? { kind: 'success', title: t(request.locale, m.draftSaved) }
          : request.query.ok === 'deja'
            ? { kind: 'info', title: t(request.locale, m.alreadySent) }
            : undefined;
      return renderNotice(request, reply, season, request.params.noticeId, 200, {}, alert);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/:noticeId',
    { config: STAFF, schema: { params: NoticeParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const draft = readNoticeForm(form);
      if (!draft)
        return renderNotice(request, reply, season, request.params.noticeId, 400, {
          values: form.values,
          errors: form.errors,
        });
      const result = await editNotice(services, actorOf(request), {
        seasonId: season.id,
        noticeId: request.params.noticeId,
        ...draft,
      });
      if (!result.ok && result.problem === 'not_found') return notFound(request, reply);
      const ok = result.ok ? 'brouillon' : 'deja';
      return reply.redirect(`${outboxPath(season.id)}/${request.params.noticeId}?ok=${ok}`, 303);
    },
  );

  app.post(
    '/admin/decisions/:seasonId/notifications/:noticeId/envoyer',
    { config: STAFF, schema: { params: NoticeParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const deliberation = await loadDeliberation(db, season.id);
      const notice = deliberation ? await noticeOf(db, deliberation.id, request.params.noticeId) : null;
      if (!notice) return notFound(request, reply);
      const result = await sendNotice(services, actorOf(request), {
        seasonId: season.id,
        noticeId: notice.id,
      });
      if (!result.ok) return reply.redirect(`${outboxPath(season.id)}?ok=non-close`, 303);
      return reply.redirect(`${outboxPath(season.id)}?ok=envoye&n=${result.sent}`, 303);
    },
  );

  app.get(
    '/admin/decisions/:seasonId/notifications/:noticeId/avis.pdf',
    { config: STAFF, schema: { params: NoticeParams } },
    async (request, reply) => {
      const deliberation = await loadDeliberation(db, request.params.seasonId);
      const notice = deliberation ? await noticeOf(db, deliberation.id, request.params.noticeId) : null;
      const pdf = notice?.status === 'sent' ? await noticePdf(db, notice.id) : null;
      if (!notice || !pdf) return notFound(request, reply);
      return sendPdf(reply, pdf, notice.applicationId, notice.kind);
    },
  );

  app.get(
    '/admin/decisions/:seasonId/modeles',
    { config: STAFF, schema: { params: SeasonIdParams, querystring: TemplatesQuery } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const templates = await loadTemplates(db, season.id);
      const context = await loadNoticeContext(db, season.id);
      const decisions = context ? await decisionsOf(db, context.deliberation.id) : [];
      const applications = decisions.map((d) => ({
        id: d.applicationId,
        title: context?.applications.get(d.applicationId)?.title ?? '',
      }));
      const { candidature, modele, langue } = request.query;
      const decision = decisions.find((d) => d.applicationId === candidature);
      let chosen: { applicationId: string; kind: NoticeKind; locale: Locale } | undefined;
      let preview: { subject: string; text: string } | undefined;
      if (context && decision) {
        const kind: NoticeKind = isNoticeKind(modele) ? modele : decision.outcome;
        const locale: Locale = langue === 'en' ? 'en' : 'fr';
        chosen = { applicationId: decision.applicationId, kind, locale };
        const draft = draftFor(context, templates, decision, kind, locale, services.config.baseUrl);
        preview = previewOf(
          context,
          { kind, locale, applicationId: decision.applicationId, ...draft },
          services.clock.now(),
        );
      }
      const notice: PageNotice | undefined =
        request.query.ok === 'modele'
          ? { kind: 'success', title: t(ctx.locale, m.templateSaved) }
          : request.query.ok === 'defaut'
            ? { kind: 'success', title: t(ctx.locale, m.templateReset) }
            : undefined;
      return html(
        reply,
        200,
        <TemplatesPage
          ctx={ctx}
          season={{ id: season.id, name: pick(ctx.locale, season.name, season.nameEn) }}
          templates={templates}
          applications={applications}
          chosen={chosen}
          preview={preview}
          notice={notice}
        />,
      );
    },
  );

  app.get(
    '/admin/decisions/:seasonId/modeles/:kind/:locale',
    { config: STAFF, schema: { params: TemplateParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      if (!season) return notFound(request, reply);
      const kind = request.params.kind as NoticeKind;
      const of = request.params.locale as Locale;
      const template = (await loadTemplates(db, season.id))[kind][of];
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <TemplateEditPage
          ctx={ctx}
          season={{ id: season.id, name: pick(ctx.locale, season.name, season.nameEn) }}
          kind={kind}
          of={of}
          values={{ subject: template.subject, body: template.body }}
          errors={{}}
          custom={template.custom}
        />,
      );
    },
  );

  app.post(
    '/admin/decisions/:seasonId/modeles/:kind/:locale',
    { config: STAFF, schema: { params: TemplateWriteParams } },
    async (request, reply) => {
      const season = await seasonOf(services, request.params.seasonId);
      const kinds: readonly string[] = NOTICE_KINDS;
      const locales: readonly string[] = LOCALES;
      if (!season || !kinds.includes(request.params.kind) || !locales.includes(request.params.locale))
        return notFound(request, reply);
      const kind = request.params.kind as NoticeKind;
      const of = request.params.locale as Locale;
      const form = new FormReader(request.body);
      if (form.text('action', { max: 10 }) === 'reset') {
        await saveTemplate(services, actorOf(request), { seasonId: season.id, kind, locale: of, template: null });
        return reply.redirect(`${templatesPath(season.id)}?ok=defaut`, 303);
      }
      const template = readNoticeForm(form);
      if (!template || !checkTemplateReasons(form, kind, template)) {
        const ctx = await viewContext(request, reply);
        const custom = (await loadTemplates(db, season.id))[kind][of].custom;
        return html(
          reply,
          400,
          <TemplateEditPage
            ctx={ctx}
            season={{ id: season.id, name: pick(ctx.locale, season.name, season.nameEn) }}
            kind={kind}
            of={of}
            values={form.values}
            errors={form.errors}
            custom={custom}
          />,
        );
      }
      await saveTemplate(services, actorOf(request), { seasonId: season.id, kind, locale: of, template });
      return reply.redirect(`${templatesPath(season.id)}?ok=modele`, 303);
    },
  );
}
