import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditedTransaction } from '../../core/audit/audit.js';
import type { CurrentUser } from '../../core/auth/permissions.js';
import { addressOrPseudonym } from '../../core/auth/pseudonym.js';
import { contentTypeLabel, sniffContentType } from '../../core/files/sniff.js';
import { formatFileSize, readStoredFile, urlFileName } from '../../core/files/store-file.js';
import { sendErrorPage } from '../../core/http/error-pages.js';
import { httpMessages } from '../../core/http/errors.js';
import { type FieldError, FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import type { Locale } from '../../core/i18n/i18n.js';
import { formatDateTime, t } from '../../core/i18n/i18n.js';
import { isUuid } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import { personById, personName } from '../accounts/index.js';
import { loadSeasons, seasonStatus, seasonSummaries } from '../seasons/index.js';
import {
  type ApplicationFileRow,
  attachFiles,
  downloadRefusal,
  FIELDS_ONLY,
  listApplicationFiles,
  readSubmission,
  scanStatusLabel,
  staffMayDownload,
  uploadRules,
} from './application-files.js';
import { changeState } from './change-state.js';
import { createApplication } from './create-application.js';
import { callClosesAt, isOnTime } from './deadline.js';
import { listExpertRequests } from './expert-opinions.js';
import { exportApplications, toCsv } from './export-applications.js';
import { fileMessages as fileText } from './file-messages.js';
import type { AnswerMap } from './form/model.js';
import type { AttachedFileView } from './form/render.js';
import { readAnswers } from './form/validate.js';
import { listNotes, listThread } from './instruction-queries.js';
import { acceptInvitation, inviteMember } from './members.js';
import { applicationMessages as m } from './messages.js';
import { organisationMessages } from './organisation/messages.js';
import { loadOrganisationCheck, recheckOrganisation } from './organisation/stored-check.js';
import { keepPendingDraft, PENDING_COOKIE, PENDING_MAX_AGE_S, restorePendingDraft } from './pending-drafts.js';
import {
  type ApplicationRecord,
  countDrafts,
  listApplicationsOf,
  listForStaff,
  listMembers,
  listTransitions,
  loadApplication,
  loadApplicationFor,
  loadFormVersion,
  loadUploadTarget,
  loadVersion,
  type StaffFilters,
} from './queries.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { instructionNotice } from './routes-instruction.js';
import { saveDraft } from './save-draft.js';
import { changeableNow, isApplicationState, isEditable, nextStates } from './states.js';
import { submitApplication } from './submit-application.js';
import { applicationsWithUnread, readThread } from './thread-reads.js';
import { AdminDetailPage, AdminListPage } from './views/admin-pages.js';
import { ApplicationPage, type ApplicationPageProps } from './views/application-page.js';
import { ApplyPage } from './views/apply-page.js';
import { MyApplicationsPage } from './views/my-applications-page.js';
import { pick, stateLabel } from './views/text.js';
import { withdrawApplication } from './withdraw-application.js';

type IdParams = { Params: { id: string } };

function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/json');
}

/**
 * When each request arrived, taken in the first hook of this module's routes (before any body
 * reading, lock or queue): the deadline is judged on it, not on when the application's lock was got.
 */
const arrivals = new WeakMap<FastifyRequest, Date>();
function arrivedAt(request: FastifyRequest, services: Services): Date {
  return arrivals.get(request) ?? services.clock.now();
}

export async function applicationRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.addHook('onRequest', async (request) => {
    arrivals.set(request, services.clock.now());
  });
  await registerApplyRoutes(app, services);
  await registerApplicantRoutes(app, services);
  await registerStaffRoutes(app, services);
}

async function registerApplyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { seasonSlug: string } }>(
    '/candidater/:seasonSlug',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const [season] = await loadSeasons(services.db, { slug: request.params.seasonSlug });
      if (!season) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const open = seasonStatus(season, services.clock.now()) === 'open';
      return html(reply, 200, <ApplyPage ctx={ctx} season={season} values={{}} errors={{}} open={open} />);
    },
  );

  app.post<{ Params: { seasonSlug: string } }>(
    '/candidater/:seasonSlug',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const [season] = await loadSeasons(services.db, { slug: request.params.seasonSlug });
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const trackCode = form.choice(
        'track_code',
        season.tracks.map((tr) => tr.code),
        { required: true },
      );
      const applicantKind = form.choice('applicant_kind', season.eligibleKinds, { required: true });
      let errors: Record<string, FieldError> = form.errors;
      let status = 400;
      if (form.ok && trackCode && applicantKind) {
        const result = await createApplication(services, actorOf(request), request.user!, season, {
          trackCode,
          applicantKind,
        });
        if (result.ok) return reply.redirect(`/mes-candidatures/${result.id}`, 303);
        errors = result.errors;
        if (result.limited) status = 429;
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        status,
        <ApplyPage
          ctx={ctx}
          season={season}
          values={form.values}
          errors={errors}
          open={seasonStatus(season, services.clock.now()) === 'open'}
        />,
      );
    },
  );
}

interface PageState {
  answers?: AnswerMap;
  errors?: Record<string, FieldError>;
  notice?: ApplicationPageProps['notice'];
  idempotencyKey?: string;
  inviteError?: FieldError;
  inviteValue?: string;
}

async function renderApplication(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  application: ApplicationRecord,
  status: number,
  state: PageState = {},
): Promise<FastifyReply> {
  const user = request.user!;
  const [form, members, closed, files, thread] = await Promise.all([
    loadFormVersion(services.db, application.formId),
    listMembers(services.db, application.id),
    callClosesAt(services.db, application.seasonId),
    listApplicationFiles(services.db, application.id),
    listThread(services.db, application.id),
  ]);
  // Opening the page reads the thread: the staff messages new to this person are marked, then read.
  const freshMessages = await readThread(services.db, user.id, 'applicant', application.id, thread);
  const onTime = isOnTime(services.clock.now(), closed);
  // A draft stays editable after the deadline (nothing typed is lost); a submitted one does not.
  const editable = changeableNow(application.state, onTime);
  const ctx = await viewContext(request, reply);
  return html(
    reply,
    status,
    <ApplicationPage
      ctx={ctx}
      application={application}
      definition={form?.definition ?? { sections: [] }}
      answers={state.answers ?? application.draftAnswers}
      errors={state.errors ?? {}}
      members={members}
      isOwner={application.ownerId === user.id}
      closesAt={closed.closesAt}
      editable={editable}
      canSubmit={editable && onTime}
      idempotencyKey={state.idempotencyKey ?? randomUUID()}
      notice={
        state.notice ??
        (onTime || !isEditable(application.state)
          ? undefined
          : {
              kind: 'warning',
              title: t(request.locale, m.closed, { date: formatDateTime(request.locale, closed.closesAt) }),
            })
      }
      inviteError={state.inviteError}
      inviteValue={state.inviteValue}
      files={fileViews(request.locale, files, `/mes-candidatures/${application.id}/fichiers`, editable)}
      thread={thread}
      freshMessages={freshMessages}
    />,
  );
}

/** How each attached file is shown under its question: name, link, type, size and scan state. */
function fileViews(
  locale: Locale,
  files: ApplicationFileRow[],
  base: string,
  removable: boolean,
): Record<string, AttachedFileView> {
  return Object.fromEntries(
    files.map((file) => [
      file.fileId,
      {
        name: file.name,
        href: `${base}/${file.fileId}`,
        detail: `${contentTypeLabel(file.contentType)}, ${formatFileSize(locale, file.size)}, ${scanStatusLabel(locale, file.status)}`,
        removeLabel: removable && !file.removed ? t(locale, fileText.remove, { name: file.name }) : undefined,
      },
    ]),
  );
}

/** Sends a stored file as a download that no browser will render or sniff. */
async function sendAttachment(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  fileId: string,
): Promise<FastifyReply> {
  const file = await readStoredFile(services.db, services.config.filesDir, fileId);
  if (!file) return notFound(request, reply);
  // The extension follows what the bytes are, not what the sender named them.
  const extension = sniffContentType(file.data)?.extension;
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${urlFileName(file.originalName, extension)}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

async function applicationFileRow(
  services: Services,
  applicationId: string,
  fileId: string,
): Promise<ApplicationFileRow | undefined> {
  if (!isUuid(fileId)) return undefined;
  return (await listApplicationFiles(services.db, applicationId)).find((file) => file.fileId === fileId);
}

function noticeFor(request: FastifyRequest, application: ApplicationRecord): PageState['notice'] {
  const locale = request.locale;
  switch ((request.query as Record<string, string | undefined>).ok) {
    case 'enregistre':
      return { kind: 'success', title: t(locale, m.saved) };
    case 'soumis':
      return {
        kind: 'success',
        title: t(locale, m.submittedTitle),
        text: t(locale, m.submittedText, {
          version: application.currentVersion,
          date: application.submittedAt ? formatDateTime(locale, application.submittedAt) : '',
        }),
      };
    case 'invite':
      return { kind: 'success', title: t(locale, m.invited) };
    case 'message':
      return { kind: 'success', title: instructionNotice(locale, request.query)! };
    case 'retire':
      return { kind: 'success', title: t(locale, m.withdrawn) };
    default:
      return undefined;
  }
}

/**
 * A save or submit that arrives without a valid session (it expired while the person typed): what
 * was typed is kept for this browser, and the person is sent to sign in again and come back to it.
 */
async function keepForLater(
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
  services: Services,
  body: Record<string, unknown>,
): Promise<FastifyReply> {
  const application = await loadApplication(services.db, request.params.id);
  if (!application) return notFound(request, reply);
  const form = await loadFormVersion(services.db, application.formId);
  const { answers } = readAnswers(form?.definition ?? { sections: [] }, body);
  const token = await keepPendingDraft(services, application.id, answers, request.cookies[PENDING_COOKIE]);
  reply.setCookie(PENDING_COOKIE, token, {
    path: '/mes-candidatures',
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.baseUrl.startsWith('https://'),
    maxAge: PENDING_MAX_AGE_S,
  });
  const signIn = `/connexion?retour=${encodeURIComponent(`/mes-candidatures/${application.id}`)}`;
  if (wantsJson(request))
    return reply.status(401).send({ ok: false, message: t(request.locale, m.sessionExpired), signIn });
  return reply.redirect(signIn, 303);
}

/** The answers among `answers` whose fields were posted (a question's own name, or its rows'). */
function readOnly(answers: AnswerMap, body: Record<string, unknown>): AnswerMap {
  const posted = Object.keys(body);
  return Object.fromEntries(
    Object.entries(answers).filter(([id]) => posted.some((name) => name === id || name.startsWith(`${id}[`))),
  );
}

async function registerApplicantRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/mes-candidatures', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const rows = await listApplicationsOf(services.db, request.user!);
    const unread = await applicationsWithUnread(
      services.db,
      request.user!.id,
      'applicant',
      rows.map((row) => row.id),
    );
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <MyApplicationsPage ctx={ctx} rows={rows} unread={unread} />);
  });

  app.get<IdParams>('/mes-candidatures/:id', { config: { permission: 'signed-in' } }, async (request, reply) => {
    const user = request.user!;
    let application = await loadApplicationFor(services.db, request.params.id, user);
    if (!application) return notFound(request, reply);
    await acceptInvitation(services, actorOf(request), user, application.id);
    const restored = await restorePendingDraft(
      services,
      actorOf(request),
      application.id,
      request.cookies[PENDING_COOKIE],
    );
    if (restored) {
      reply.clearCookie(PENDING_COOKIE, { path: '/mes-candidatures' });
      application = (await loadApplication(services.db, application.id))!;
      return renderApplication(request, reply, services, application, 200, {
        notice: { kind: 'info', title: t(request.locale, m.restored) },
      });
    }
    return renderApplication(request, reply, services, application, 200, { notice: noticeFor(request, application) });
  });

  // 'public' on purpose: a save sent after the session expired must not lose what was typed.
  app.post<IdParams>('/mes-candidatures/:id', { config: { permission: 'public' } }, async (request, reply) => {
    const user = request.user;
    if (!user) return keepForLater(request, reply, services, (await readSubmission(request, FIELDS_ONLY)).body);
    // Who may change this application is known before a byte of the body is read (see readSubmission).
    const target = await loadUploadTarget(services.db, request.params.id, user);
    if (!target) return notFound(request, reply);
    const { application, definition } = target;
    const submission = await readSubmission(
      request,
      uploadRules(definition, target.held, isEditable(application.state)),
    );
    const typed = readAnswers(definition, submission.body);
    // Autosave never removes a file: a box ticked then unticked while typing must not lose it.
    if (wantsJson(request)) delete submission.body.remove_files;
    // Uploads and removals first: a refused file is an error on its field, never a lost text.
    const attached = await attachFiles(
      services,
      actorOf(request),
      user,
      application,
      definition,
      typed.answers,
      submission,
      arrivedAt(request, services),
    );
    const answers = attached.answers;
    const errors = { ...typed.errors, ...attached.errors };
    if (submission.complete === false) {
      // Read only up to a limit: the fields after it never came, so the draft is left as it was and
      // the form shows what was read over it.
      const shown = { ...application.draftAnswers, ...readOnly(answers, submission.body) };
      return renderApplication(request, reply, services, application, 413, {
        answers: shown,
        errors,
        notice: { kind: 'error', title: t(request.locale, m.submitErrors) },
      });
    }
    const result = await saveDraft(services, actorOf(request), application.id, answers, arrivedAt(request, services));
    const locale = request.locale;
    if (!result.ok) {
      const message =
        result.reason === 'closed'
          ? t(locale, m.closed, { date: formatDateTime(locale, result.closesAt) })
          : result.reason === 'not_editable'
            ? t(locale, m.notEditable, { state: stateLabel(locale, result.state) })
            : t(locale, httpMessages.notFoundTitle);
      if (wantsJson(request))
        return reply.status(result.reason === 'not_found' ? 404 : 409).send({ ok: false, message });
      if (result.reason === 'not_found') return notFound(request, reply);
      return renderApplication(request, reply, services, application, 409, {
        answers,
        notice: { kind: 'error', title: message },
      });
    }
    const label = t(locale, m.lastSaved, { time: formatDateTime(locale, result.savedAt) });
    if (wantsJson(request)) {
      return reply.send({
        ok: true,
        savedAt: result.savedAt.toISOString(),
        label,
        errors: Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, t(locale, e.message, e.params)])),
      });
    }
    if (Object.keys(errors).length > 0) {
      const fresh = (await loadApplication(services.db, application.id))!;
      return renderApplication(request, reply, services, fresh, attached.status ?? 400, {
        answers,
        errors,
        notice: { kind: 'success', title: label },
      });
    }
    return reply.redirect(`/mes-candidatures/${application.id}?ok=enregistre`, 303);
  });

  app.post<IdParams>(
    '/mes-candidatures/:id/soumettre',
    { config: { permission: 'public' } },
    async (request, reply) => {
      const user = request.user;
      const arrival = arrivedAt(request, services);
      if (!user) return keepForLater(request, reply, services, (await readSubmission(request, FIELDS_ONLY)).body);
      const target = await loadUploadTarget(services.db, request.params.id, user);
      if (!target) return notFound(request, reply);
      const submission = await readSubmission(
        request,
        uploadRules(target.definition, target.held, isEditable(target.application.state)),
      );
      const rawKey =
        typeof submission.body.idempotency_key === 'string' ? submission.body.idempotency_key.toLowerCase() : '';
      const idempotencyKey = isUuid(rawKey) ? rawKey : null;
      // One transaction reads the form, stores the files and writes the version (a replay stores nothing).
      const result = await submitApplication(services, actorOf(request), user, {
        applicationId: request.params.id,
        posted: submission,
        idempotencyKey,
        arrivedAt: arrival,
      });
      // Acknowledged only now: submitApplication has returned, so its transaction has committed.
      if (result.ok) return reply.redirect(`/mes-candidatures/${request.params.id}?ok=soumis`, 303);
      if (result.reason === 'not_found') return notFound(request, reply);
      const locale = request.locale;
      const fresh = await loadApplication(services.db, request.params.id);
      if (!fresh) return notFound(request, reply);
      const answers = result.answers;
      const typeErrors = result.typeErrors ?? {};
      const keep = { answers, idempotencyKey: idempotencyKey ?? undefined };
      switch (result.reason) {
        case 'files':
          return renderApplication(request, reply, services, fresh, result.status, {
            answers:
              submission.complete === false
                ? { ...fresh.draftAnswers, ...readOnly(answers ?? {}, submission.body) }
                : answers,
            errors: { ...typeErrors, ...result.errors },
            notice: { kind: 'error', title: t(locale, m.submitErrors) },
          });
        case 'invalid':
          return renderApplication(request, reply, services, fresh, 400, {
            ...keep,
            errors: { ...result.errors, ...typeErrors },
            notice: { kind: 'error', title: t(locale, m.submitErrors) },
          });
        case 'closed':
          return renderApplication(request, reply, services, fresh, 409, {
            ...keep,
            notice: { kind: 'error', title: t(locale, m.closed, { date: formatDateTime(locale, result.closesAt) }) },
          });
        case 'not_editable':
          return renderApplication(request, reply, services, fresh, 409, {
            ...keep,
            notice: { kind: 'error', title: t(locale, m.notEditable, { state: stateLabel(locale, result.state) }) },
          });
        case 'stale_key':
          return renderApplication(request, reply, services, fresh, 409, {
            answers,
            notice: { kind: 'error', title: t(locale, m.staleKey) },
          });
      }
    },
  );

  app.get<{ Params: { id: string; fileId: string } }>(
    '/mes-candidatures/:id/fichiers/:fileId',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const application = await loadApplicationFor(services.db, request.params.id, request.user!);
      if (!application) return notFound(request, reply);
      const file = await applicationFileRow(services, application.id, request.params.fileId);
      if (!file) return notFound(request, reply);
      // The same rule as for staff: a file is downloaded once found clean (or when scanning is off).
      const refusal = downloadRefusal(services, file.status);
      if (refusal) return sendErrorPage(request, reply, 409, refusal.title, refusal.text);
      return sendAttachment(request, reply, services, file.fileId);
    },
  );

  app.get<IdParams>(
    '/mes-candidatures/:id/recu.pdf',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const user = request.user!;
      const application = await loadApplicationFor(services.db, request.params.id, user);
      if (!application || application.currentVersion === 0) return notFound(request, reply);
      const version = await loadVersion(services.db, application.id, application.currentVersion);
      if (!version) return notFound(request, reply);
      const [submitter, season] = await Promise.all([
        personById(services.db, version.submittedBy),
        seasonSummaries(services.db, [application.seasonId]).then(([s]) => s),
      ]);
      const name = submitter ? personName(submitter) : '';
      const pdf = await renderReceiptPdf({
        locale: request.locale,
        applicationId: application.id,
        applicant: name || submitter?.email || '',
        applicantEmail: submitter?.email ?? '',
        title: application.title,
        season: season ? pick(request.locale, season.name, season.nameEn) : '',
        version: version.version,
        submittedAt: version.submittedAt,
        sha256: version.answersSha256,
      });
      return reply
        .type('application/pdf')
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="accuse-reception-${application.id}-v${version.version}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  );

  app.post<IdParams>(
    '/mes-candidatures/:id/retirer',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const user = request.user!;
      const application = await loadApplicationFor(services.db, request.params.id, user);
      if (!application) return notFound(request, reply);
      if (application.ownerId !== user.id) {
        return renderApplication(request, reply, services, application, 403, {
          notice: { kind: 'error', title: t(request.locale, m.ownerOnlyWithdraw) },
        });
      }
      const result = await withdrawApplication(services, actorOf(request), application.id, user.id);
      if (result.ok) return reply.redirect(`/mes-candidatures/${application.id}?ok=retire`, 303);
      return renderApplication(request, reply, services, application, 409, {
        notice: {
          kind: 'error',
          title: t(request.locale, m.notEditable, { state: stateLabel(request.locale, application.state) }),
        },
      });
    },
  );

  app.post<IdParams>(
    '/mes-candidatures/:id/membres',
    { config: { permission: 'signed-in' } },
    async (request, reply) => {
      const user: CurrentUser = request.user!;
      const application = await loadApplicationFor(services.db, request.params.id, user);
      if (!application) return notFound(request, reply);
      if (application.ownerId !== user.id) {
        return renderApplication(request, reply, services, application, 403, {
          notice: { kind: 'error', title: t(request.locale, m.ownerOnly) },
        });
      }
      const form = new FormReader(request.body);
      const email = form.email('email', { required: true });
      if (form.ok) {
        const result = await inviteMember(services, actorOf(request), user, application, email);
        if (result.ok) return reply.redirect(`/mes-candidatures/${application.id}?ok=invite`, 303);
        form.fail('email', result.message, result.params);
        if (result.limited) {
          return renderApplication(request, reply, services, application, 429, {
            inviteError: form.errors.email,
            inviteValue: form.values.email,
          });
        }
      }
      return renderApplication(request, reply, services, application, 400, {
        inviteError: form.errors.email,
        inviteValue: form.values.email,
      });
    },
  );
}

type ListQuery = { Querystring: Record<string, string | undefined> };

/** The list filters from the query string (French parameter names, as in the filter form). */
export async function readListFilters(request: FastifyRequest<ListQuery>, services: Services) {
  const query = request.query;
  const text = (name: string) => (typeof query[name] === 'string' ? query[name]!.slice(0, 200) : '');
  const shown = {
    q: text('q'),
    saison: text('saison'),
    parcours: text('parcours'),
    etat: text('etat'),
    type: text('type'),
    territoire: text('territoire'),
  };
  const seasons = await loadSeasons(services.db);
  const season = seasons.find((s) => s.slug === shown.saison);
  const cursor = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i.exec(text('apres'));
  const after =
    cursor && isUuid(cursor[2]) && !Number.isNaN(Date.parse(cursor[1]))
      ? { createdAt: new Date(cursor[1]), id: cursor[2] }
      : undefined;
  const filters: StaffFilters = {
    seasonId: season?.id,
    trackCode: shown.parcours || undefined,
    state: isApplicationState(shown.etat) ? shown.etat : undefined,
    kind: shown.type || undefined,
    territory: shown.territoire || undefined,
    q: shown.q || undefined,
    after,
    tracks: tracksOf(request),
  };
  return { shown, seasons, filters };
}

async function registerStaffRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get<ListQuery>(
    '/admin/candidatures',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const { shown, seasons, filters } = await readListFilters(request, services);
      const { rows, next } = await listForStaff(services.db, filters);
      const [drafts, unread] = await Promise.all([
        countDrafts(services.db, { seasonId: filters.seasonId, tracks: filters.tracks }),
        applicationsWithUnread(
          services.db,
          request.user!.id,
          'staff',
          rows.map((row) => row.id),
        ),
      ]);
      const params = new URLSearchParams(Object.entries(shown).filter(([, v]) => v !== ''));
      const exportQuery = params.toString();
      if (next) params.set('apres', `${next.createdAt.toISOString()}_${next.id}`);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <AdminListPage
          ctx={ctx}
          seasons={seasons}
          filters={shown}
          rows={rows}
          drafts={drafts}
          exportQuery={exportQuery}
          unread={unread}
          nextHref={next ? `/admin/candidatures?${params.toString()}` : undefined}
        />,
      );
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get<ListQuery>(
      `/admin/candidatures/export.${format}`,
      { config: { permission: 'applications.instruct' } },
      async (request, reply) => {
        const { filters } = await readListFilters(request, services);
        const { after: _ignored, ...all } = filters;
        const data = await exportApplications(services.db, all);
        // Reading personal data in bulk is recorded, like a change.
        await auditedTransaction(services.db, actorOf(request), services.clock.now(), (_trx, audit) =>
          audit({
            action: 'application.export',
            subjectType: 'application',
            summary: { format, rows: data.rows.length },
          }),
        );
        const stamp = services.clock.now().toISOString().slice(0, 10);
        reply
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="candidatures-${stamp}.${format}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(data));
        return reply.type('application/json; charset=utf-8').send({ columns: data.columns, applications: data.rows });
      },
    );
  }

  async function staffApplication(request: FastifyRequest<IdParams>): Promise<ApplicationRecord | null> {
    const application = await loadApplication(services.db, request.params.id);
    const tracks = tracksOf(request);
    if (!application || (tracks && !tracks.includes(application.trackCode))) return null;
    return application;
  }

  async function renderDetail(
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    application: ApplicationRecord,
    status: number,
    state: { values?: Record<string, string>; errors?: Record<string, FieldError>; notice?: string } = {},
  ): Promise<FastifyReply> {
    // Staff read what was submitted (the latest version); a draft shows its draft answers.
    const version =
      application.currentVersion > 0
        ? await loadVersion(services.db, application.id, application.currentVersion)
        : null;
    const form = await loadFormVersion(services.db, version?.formId ?? application.formId);
    const definition = form?.definition ?? { sections: [] };
    const answers = version?.answers ?? application.draftAnswers;
    // The register check is read as stored by the job run after submit: opening a page never waits on the register.
    const [owner, transitions, organisation, files, thread, notes, expertRequests] = await Promise.all([
      personById(services.db, application.ownerId),
      listTransitions(services.db, application.id),
      loadOrganisationCheck(services.db, application.id),
      listApplicationFiles(services.db, application.id),
      listThread(services.db, application.id),
      listNotes(services.db, application.id),
      listExpertRequests(services.db, application.id),
    ]);
    // Opening the page reads the thread: the applicant messages new to this staff member are marked, then read.
    const fresh = await readThread(services.db, request.user!.id, 'staff', application.id, thread);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <AdminDetailPage
        ctx={ctx}
        application={application}
        ownerEmail={addressOrPseudonym(owner?.email ?? null, application.ownerId)}
        definition={definition}
        answers={answers}
        transitions={transitions}
        organisation={organisation}
        registerEnabled={Boolean(services.config.companyRegisterUrl)}
        values={state.values ?? {}}
        errors={state.errors ?? {}}
        notice={state.notice}
        instruction={{ thread, notes, fresh }}
        experts={{ requests: expertRequests, now: services.clock.now() }}
        files={files.map((file) => ({
          ...fileViews(request.locale, [file], `/admin/candidatures/${application.id}/fichiers`, false)[file.fileId]!,
          fileId: file.fileId,
          questionPath: file.questionPath,
          downloadable: staffMayDownload(services, file.status),
          removed: file.removed,
        }))}
      />,
    );
  }

  app.get<{ Params: { id: string; fileId: string } }>(
    '/admin/candidatures/:id/fichiers/:fileId',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const application = await staffApplication(request);
      if (!application) return notFound(request, reply);
      const file = await applicationFileRow(services, application.id, request.params.fileId);
      if (!file) return notFound(request, reply);
      const refusal = downloadRefusal(services, file.status);
      if (refusal) return sendErrorPage(request, reply, 409, refusal.title, refusal.text);
      await auditedTransaction(services.db, actorOf(request), services.clock.now(), (_trx, audit) =>
        audit({
          action: 'application.download_file',
          subjectType: 'application',
          subjectId: application.id,
          summary: { fileId: file.fileId },
        }),
      );
      return sendAttachment(request, reply, services, file.fileId);
    },
  );

  app.get<IdParams>(
    '/admin/candidatures/:id',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const application = await staffApplication(request);
      if (!application) return notFound(request, reply);
      const ok = (request.query as Record<string, string | undefined>).ok;
      const notice =
        ok === 'etat'
          ? t(request.locale, m.stateChanged)
          : ok === 'organisation'
            ? t(request.locale, organisationMessages.rechecked)
            : instructionNotice(request.locale, request.query);
      return renderDetail(request, reply, application, 200, { notice });
    },
  );

  app.post<IdParams>(
    '/admin/candidatures/:id/organisation',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const application = await staffApplication(request);
      if (!application) return notFound(request, reply);
      // Bounded by the register client's own timeout; an unavailable register is stored as such.
      const result = await recheckOrganisation(services, actorOf(request), application.id);
      if (result === 'not_found') return notFound(request, reply);
      if (result === null)
        return renderDetail(request, reply, application, 200, {
          notice: t(request.locale, organisationMessages.nothingToCheck),
        });
      return reply.redirect(`/admin/candidatures/${application.id}?ok=organisation`, 303);
    },
  );

  app.post<IdParams>(
    '/admin/candidatures/:id/etat',
    { config: { permission: 'applications.instruct' } },
    async (request, reply) => {
      const application = await staffApplication(request);
      if (!application) return notFound(request, reply);
      const form = new FormReader(request.body);
      const to = form.choice('to', nextStates(application.state, 'staff'), { required: true });
      const reason = form.text('reason', { max: 2000 });
      if (form.ok && to) {
        const result = await changeState(services, actorOf(request), {
          applicationId: application.id,
          to,
          by: 'staff',
          reason,
          actorUserId: request.user!.id,
          tracks: tracksOf(request),
        });
        if (result.ok) return reply.redirect(`/admin/candidatures/${application.id}?ok=etat`, 303);
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'reason_required') form.fail('reason', m.reasonRequired);
        else form.fail('to', m.transitionNotAllowed);
      }
      const fresh = (await loadApplication(services.db, application.id)) ?? application;
      return renderDetail(request, reply, fresh, 400, { values: form.values, errors: form.errors });
    },
  );
}
