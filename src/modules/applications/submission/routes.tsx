import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpMessages } from '../../../core/http/errors.js';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams } from '../../../core/http/route-schemas.js';
import { formatDateTime, t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { personById, personName } from '../../accounts/index.js';
import { loadSeasons, seasonStatus, seasonSummaries } from '../../seasons/index.js';
import { applicationForApplicant } from '../access.js';
import {
  attachFiles,
  FIELDS_ONLY,
  listApplicationFiles,
  readSubmission,
  uploadRules,
} from '../files/application-files.js';
import type { AnswerMap } from '../form/model.js';
import { summariseAnswers } from '../form/summary.js';
import { readAnswers } from '../form/validate.js';
import { applicationsWithUnread } from '../instruction/thread-reads.js';
import { applicationMessages as m } from '../messages.js';
import { canInviteMembers, canWithdraw } from '../policy.js';
import { listApplicationsOf, loadApplication, loadFormVersion, loadUploadTarget, loadVersion } from '../queries.js';
import { NoticeQuery, type RequestWithParams, SeasonSlugParams } from '../schemas.js';
import { isEditable } from '../states.js';
import { pick, stateLabel } from '../views/text.js';
import { createApplication } from './create-application.js';
import { acceptInvitation, inviteMember } from './members.js';
import { keepPendingDraft, PENDING_COOKIE, PENDING_MAX_AGE_S, restorePendingDraft } from './pending-drafts.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { noticeFor, renderApplication } from './render.js';
import { saveDraft } from './save-draft.js';
import { submitApplication } from './submit-application.js';
import { ApplyPage } from './views/apply-page.js';
import { MyApplicationsPage } from './views/my-applications-page.js';
import { withdrawApplication } from './withdraw-application.js';

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

/** Applying to a season, and the applicant's own applications: save, submit, receipt, withdraw, members. */
export async function submissionRoutes(app: App, services: Services): Promise<void> {
  app.addHook('onRequest', async (request) => {
    arrivals.set(request, services.clock.now());
  });
  await registerApplyRoutes(app, services);
  await registerApplicantRoutes(app, services);
}

async function registerApplyRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/candidater/:seasonSlug',
    { config: { permission: 'signed-in' }, schema: { params: SeasonSlugParams } },
    async (request, reply) => {
      const [season] = await loadSeasons(services.db, { slug: request.params.seasonSlug, publishedOnly: true });
      if (!season) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const open = seasonStatus(season, services.clock.now()) === 'open';
      return html(reply, 200, <ApplyPage ctx={ctx} season={season} values={{}} errors={{}} open={open} />);
    },
  );

  app.post(
    '/candidater/:seasonSlug',
    { config: { permission: 'signed-in' }, schema: { params: SeasonSlugParams } },
    async (request, reply) => {
      const [season] = await loadSeasons(services.db, { slug: request.params.seasonSlug, publishedOnly: true });
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

/**
 * A save or submit that arrives without a valid session (it expired while the person typed): what
 * was typed is kept for this browser, and the person is sent to sign in again and come back to it.
 */
async function keepForLater(
  request: RequestWithParams<IdParams>,
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

async function registerApplicantRoutes(app: App, services: Services): Promise<void> {
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

  app.get(
    '/mes-candidatures/:id',
    { config: { permission: 'signed-in' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const user = request.user!;
      let application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
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
      return renderApplication(request, reply, services, application, 200, {
        notice: noticeFor(request, request.query.ok, application),
      });
    },
  );

  // 'public' on purpose: a save sent after the session expired must not lose what was typed.
  app.post(
    '/mes-candidatures/:id',
    { config: { permission: 'public' }, schema: { params: IdParams } },
    async (request, reply) => {
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
    },
  );

  app.post(
    '/mes-candidatures/:id/soumettre',
    { config: { permission: 'public' }, schema: { params: IdParams } },
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

  app.get(
    '/mes-candidatures/:id/recu.pdf',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
      if (application.currentVersion === 0) return notFound(request, reply);
      const version = await loadVersion(services.db, application.id, application.currentVersion);
      if (!version) return notFound(request, reply);
      const [submitter, season, form, files] = await Promise.all([
        personById(services.db, version.submittedBy),
        seasonSummaries(services.db, [application.seasonId]).then(([s]) => s),
        loadFormVersion(services.db, version.formId),
        listApplicationFiles(services.db, application.id),
      ]);
      // The receipt copies the answers as every reader reads them, each file named with the SHA-256 of its bytes.
      const answers = summariseAnswers(
        request.locale,
        form?.definition ?? { sections: [] },
        version.answers,
        Object.fromEntries(files.map((file) => [file.fileId, { name: file.name, sha256: file.sha256 }])),
      );
      const pdf = await renderReceiptPdf({
        locale: request.locale,
        applicationId: application.id,
        // The name once, the address once: an account without a name is named by its address alone.
        applicant: submitter ? personName(submitter) : '',
        applicantEmail: submitter?.email ?? '',
        answers,
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

  app.post(
    '/mes-candidatures/:id/retirer',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const user = request.user!;
      const application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
      if (!canWithdraw(user, application)) {
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

  app.post(
    '/mes-candidatures/:id/membres',
    { config: { permission: 'signed-in' }, schema: { params: IdParams } },
    async (request, reply) => {
      const user = request.user!;
      const application = await applicationForApplicant(services, request, reply);
      if (!application) return reply;
      if (!canInviteMembers(user, application)) {
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
