import type { Static } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentUser, staffTracks } from '../../../core/auth/permissions.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, SeasonIdParams } from '../../../core/http/route-schemas.js';
import { type Message, t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { seasonSummaries } from '../../seasons/index.js';
import { applicationForApplicant, applicationForStaff } from '../access.js';
import { canInstruct } from '../policy.js';
import { type ApplicationRecord, loadApplication } from '../queries.js';
import type { RequestWithQuery } from '../schemas.js';
import { ListQuery, readListFilters } from '../staff/list-filters.js';
import { addNote, NOTE_MAX } from './add-note.js';
import { selectFiltered } from './batch-all.js';
import { BATCH_ACTIONS, batchApplications } from './batch-applications.js';
import { instructionMessages as im } from './messages.js';
import { MESSAGE_MAX, postMessage } from './post-message.js';
import { NOTIFIED_STATES, type StateNoticeSettings, saveStateNoticeSettings } from './state-notices.js';
import { BatchAllPage } from './views/batch-all-page.js';
import { BatchFormPage, BatchResultPage, OneFieldFormPage } from './views/instruction-section.js';

function nameOf(user: CurrentUser): string {
  return [user.givenName, user.familyName].filter(Boolean).join(' ') || user.email;
}

interface OneFieldPost {
  max: number;
  /** Does the change with the typed text; returns where to send the person next. */
  act(body: string): Promise<string>;
  /** Where the form posts, and the page it came from. */
  action: string;
  back: string;
  title: Message;
  label: Message;
  hint: Message;
  button: Message;
}

/**
 * The message and note forms hold one text field: valid, the change is made and the person sent on;
 * otherwise the field is shown again alone, with its error and what was typed (400).
 */
async function handleOneFieldPost(
  request: FastifyRequest,
  reply: FastifyReply,
  post: OneFieldPost,
): Promise<FastifyReply> {
  const form = new FormReader(request.body);
  const body = form.text('body', { required: true, max: post.max });
  if (form.ok) return reply.redirect(await post.act(body), 303);
  const ctx = await viewContext(request, reply);
  const locale = request.locale;
  return html(
    reply,
    400,
    <OneFieldFormPage
      ctx={ctx}
      title={t(locale, post.title)}
      back={{ label: t(locale, im.back), href: post.back }}
      form={{
        action: post.action,
        name: 'body',
        label: t(locale, post.label),
        hint: t(locale, post.hint),
        button: t(locale, post.button),
        value: form.values.body,
        error: form.errors.body,
      }}
    />,
  );
}

/** The values of a field that may be sent several times (checkboxes of the same name). */
function manyValues(body: unknown, field: string): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string');
}

/** Batch actions, the message thread (staff and applicants) and the private staff notes. */
export async function registerInstructionRoutes(app: App, services: Services): Promise<void> {
  app.post('/admin/candidatures/lot', { config: { permission: 'applications.instruct' } }, async (request, reply) => {
    const form = new FormReader(request.body);
    const action = form.choice('action', BATCH_ACTIONS, { required: true });
    const body = form.text('body', { max: MESSAGE_MAX });
    const ids = manyValues(request.body, 'ids').filter(isUuid).slice(0, 200);
    if (ids.length === 0) form.fail('ids', im.batchNone);
    if (action === 'message' && body === '') form.fail('body', im.batchBodyRequired);
    if (!form.ok || !action) {
      const rows = (await Promise.all(ids.map((id) => loadApplication(services.db, id)))).filter(
        (a): a is ApplicationRecord => a !== null,
      );
      const visible = rows.filter((a) => canInstruct(request.user, a));
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <BatchFormPage
          ctx={ctx}
          rows={visible}
          values={{ action: form.values.action, body: form.values.body, ids }}
          errors={form.errors}
        />,
      );
    }
    const user = request.user!;
    const outcome = await batchApplications(services, actorOf(request), {
      action,
      ids,
      body,
      user: { id: user.id, name: nameOf(user) },
      tracks: staffTracks(user),
    });
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <BatchResultPage ctx={ctx} outcome={outcome} />);
  });

  // Every result of the list's filters (all pages): a confirmation page with the count, then the batch.
  async function allResults(request: RequestWithQuery<Static<typeof ListQuery>>) {
    const { shown, filters } = await readListFilters(request, services);
    const { after: _page, ...all } = filters;
    const selection = await selectFiltered(services.db, all);
    const filterQuery = new URLSearchParams(Object.entries(shown).filter(([, v]) => v !== '')).toString();
    const filterText = Object.entries(shown)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ');
    return { selection, filterQuery, filterText };
  }

  app.get(
    '/admin/candidatures/lot/tous',
    { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const { selection, filterQuery, filterText } = await allResults(request);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <BatchAllPage
          ctx={ctx}
          filterQuery={filterQuery}
          filterText={filterText}
          count={selection.ids.length}
          tooMany={selection.tooMany}
          sample={selection.titles.slice(0, 10)}
        />,
      );
    },
  );

  app.post(
    '/admin/candidatures/lot/tous',
    { config: { permission: 'applications.instruct' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const { selection, filterQuery, filterText } = await allResults(request);
      const form = new FormReader(request.body);
      const action = form.choice('action', BATCH_ACTIONS, { required: true });
      const body = form.text('body', { max: MESSAGE_MAX });
      const confirmed = form.text('confirm') === 'oui';
      const expected = Number(form.text('count'));
      if (action === 'message' && body === '') form.fail('body', im.batchBodyRequired);
      if (!confirmed) form.fail('confirm', im.batchAllConfirmRequired);
      const changed = !selection.tooMany && expected !== selection.ids.length;
      if (!form.ok || !action || changed || selection.tooMany || selection.ids.length === 0) {
        const ctx = await viewContext(request, reply);
        return html(
          reply,
          changed ? 409 : 400,
          <BatchAllPage
            ctx={ctx}
            filterQuery={filterQuery}
            filterText={filterText}
            count={selection.ids.length}
            tooMany={selection.tooMany}
            sample={selection.titles.slice(0, 10)}
            values={{ action: form.values.action, body: form.values.body }}
            errors={form.errors}
            warning={changed ? t(request.locale, im.batchAllChanged, { n: selection.ids.length }) : undefined}
          />,
        );
      }
      const user = request.user!;
      const outcome = await batchApplications(services, actorOf(request), {
        action,
        ids: selection.ids,
        body,
        user: { id: user.id, name: nameOf(user) },
        tracks: staffTracks(user),
      });
      const ctx = await viewContext(request, reply);
      return html(reply, 200, <BatchResultPage ctx={ctx} outcome={outcome} />);
    },
  );

  app.post(
    '/admin/candidatures/:id/messages',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      const user = request.user!;
      return handleOneFieldPost(request, reply, {
        max: MESSAGE_MAX,
        act: async (body) => {
          await postMessage(services, actorOf(request), {
            application,
            authorId: user.id,
            authorName: nameOf(user),
            fromStaff: true,
            body,
          });
          return `/admin/candidatures/${application.id}?ok=message#messages-title`;
        },
        action: `/admin/candidatures/${application.id}/messages`,
        back: `/admin/candidatures/${application.id}`,
        title: im.writeMessage,
        label: im.message,
        hint: im.messageHint,
        button: im.send,
      });
    },
  );

  app.post(
    '/admin/candidatures/:id/notes',
    { config: { permission: 'applications.instruct' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForStaff(services, request, reply);
      if (!application) return reply;
      return handleOneFieldPost(request, reply, {
        max: NOTE_MAX,
        act: async (body) => {
          await addNote(services, actorOf(request), {
            applicationId: application.id,
            authorId: request.user!.id,
            body,
          });
          return `/admin/candidatures/${application.id}?ok=note#notes-title`;
        },
        action: `/admin/candidatures/${application.id}/notes`,
        back: `/admin/candidatures/${application.id}`,
        title: im.writeNote,
        label: im.note,
        hint: im.notes,
        button: im.addNote,
      });
    },
  );

  app.post(
    '/mes-candidatures/:id/messages',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const user = request.user!;
      const application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
      return handleOneFieldPost(request, reply, {
        max: MESSAGE_MAX,
        act: async (body) => {
          await postMessage(services, actorOf(request), {
            application,
            authorId: user.id,
            authorName: nameOf(user),
            fromStaff: false,
            body,
          });
          return `/mes-candidatures/${application.id}?ok=message#messages-title`;
        },
        action: `/mes-candidatures/${application.id}/messages`,
        back: `/mes-candidatures/${application.id}`,
        title: im.writeMessage,
        label: im.message,
        hint: im.replyHint,
        button: im.send,
      });
    },
  );
  // The season's switches of the state-change notices to applicants (a season-wide setting: every track).
  app.post(
    '/admin/saisons/:seasonId/avis-candidats',
    {
      schema: { params: SeasonIdParams },
      config: { permission: 'applications.instruct', allTracks: true },
    },
    async (request, reply) => {
      const [season] = await seasonSummaries(services.db, [request.params.seasonId]);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const settings = Object.fromEntries(
        NOTIFIED_STATES.map((state) => [state, form.checkbox(`notice_${state}`)]),
      ) as StateNoticeSettings;
      await saveStateNoticeSettings(services, actorOf(request), season.id, settings);
      const query = new URLSearchParams({ saison: season.slug, avis: 'enregistre' });
      return reply.redirect(`/admin/candidatures?${query.toString()}#avis-candidats`, 303);
    },
  );
}
