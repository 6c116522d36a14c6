import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffContentType } from '../../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import { HttpError } from '../../../core/http/errors.js';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { BAD_CHARACTERS } from '../../../core/http/input-rules.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query, Uuid } from '../../../core/http/route-schemas.js';
import { isoDateParis, type Message, t } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds, personName } from '../../accounts/index.js';
import { administrationIdsOf, seesMembersOnly } from '../membership.js';
import type { ExperimentStatus } from '../tables.js';
import { COOPERATION_HREFS } from '../views/cooperation-layout.js';
import { addDocument, MAX_DOCUMENT_BYTES } from './add-document.js';
import { addPerson } from './add-person.js';
import { createExperiment } from './create-experiment.js';
import { EXPERIMENT_STATUSES, type ExperimentProblem } from './experiment-input.js';
import { listField, readExperimentForm, readMilestoneForm, TITLE_MAX } from './forms.js';
import { homeFigures, latestOpenNeeds, latestUseCases } from './home-queries.js';
import { experimentMessages as m } from './messages.js';
import type { PartyMove } from './milestone-rules.js';
import { moveMilestone } from './move-milestone.js';
import { type ExperimentAccess, experimentForEditor, experimentForReader, isCooperationStaff } from './policy.js';
import { administrationChoices, commonsChoices, documentFileOf, listExperiments, partyIdsOf } from './queries.js';
import { removeDocument } from './remove-document.js';
import { removeMilestone } from './remove-milestone.js';
import { removePerson } from './remove-person.js';
import { reviewMilestone } from './review-milestone.js';
import { saveMilestone } from './save-milestone.js';
import { updateExperiment } from './update-experiment.js';
import { type ExperimentFormData, ExperimentFormPage, NoAdministrationPage } from './views/experiment-form.js';
import { type AccountChoice, ExperimentPage, type PageForm } from './views/experiment-page.js';
import { CooperationHomePage } from './views/home.js';
import { ExperimentsPage, STAFF_EXPERIMENTS_HREF, StaffExperimentsPage } from './views/lists.js';
import { experimentHref } from './views/parts.js';

const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid });
const PersonParams = Type.Object({ id: Uuid, personId: Uuid });
const ListQuery = Query({ statut: OptionalText(40) });
const StaffListQuery = Query({ statut: OptionalText(40), 'a-examiner': OptionalText(10) });
const FIELDS_BYTES = 64 * 1024;

type WithId = FastifyRequest & { params: { id: string } };

function statusOf(value: string | undefined): ExperimentStatus | null {
  return (EXPERIMENT_STATUSES as readonly string[]).includes(value ?? '') ? (value as ExperimentStatus) : null;
}

/** The confirmation `?ok=…` names, or none for an unknown value. */
function noticeOf(request: FastifyRequest & { query: NoticeQuery }) {
  const key = `ok_${request.query.ok ?? ''}`;
  const message = (m as Record<string, Message>)[key];
  return message ? { kind: 'success' as const, title: t(request.locale, message) } : undefined;
}

const PROBLEM_FIELDS: Record<Exclude<ExperimentProblem, 'stale' | 'not_found'>, [string, Message]> = {
  commons: ['commons', m.unknownCommons],
  administrations: ['administrations', m.unknownAdministration],
  not_member: ['administrations', m.notMemberOfChosen],
  would_leave: ['administrations', m.wouldLeave],
  outcome: ['outcome', m.outcomeRequired],
  dates: ['ends_on', m.endBeforeStart],
};

/** The experiments (issue 15), the space's home and staff's list. Thin: schema → policy → use case → view. */
export async function experimentRoutes(app: App, services: Services): Promise<void> {
  const signedIn = { permission: 'signed-in' as const };

  // The space's home.
  app.get('/cooperation', { config: { permission: 'public' } }, async (request, reply) => {
    const [figures, useCases, needs] = await Promise.all([
      homeFigures(services.db),
      latestUseCases(services.db, 5),
      latestOpenNeeds(services.db, 5),
    ]);
    return html(
      reply,
      200,
      <CooperationHomePage ctx={plainViewContext(request)} figures={figures} useCases={useCases} needs={needs} />,
    );
  });

  app.get(
    COOPERATION_HREFS.experiments,
    { config: { permission: 'public' }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const status = statusOf(request.query.statut);
      const staff = isCooperationStaff(request.user);
      const membersToo = staff || seesMembersOnly(request.user);
      const experiments = await listExperiments(services.db, {
        membersToo,
        hiddenCommonsToo: staff,
        status: status ?? undefined,
      });
      const canPropose =
        request.user !== null && (staff || (await administrationIdsOf(services.db, request.user.id)).length > 0);
      return html(
        reply,
        200,
        <ExperimentsPage
          ctx={plainViewContext(request)}
          experiments={experiments}
          status={status}
          canPropose={canPropose}
        />,
      );
    },
  );

  // Creating one.
  async function formData(
    request: FastifyRequest,
    experiment: ExperimentFormData['experiment'],
    form: ExperimentFormData['form'],
    stale = false,
  ): Promise<ExperimentFormData> {
    const [commons, administrations, mine] = await Promise.all([
      experiment ? Promise.resolve([]) : commonsChoices(services.db),
      administrationChoices(services.db),
      administrationIdsOf(services.db, request.user!.id),
    ]);
    return { experiment, commons, administrations, mine, staff: isCooperationStaff(request.user), form, stale };
  }

  app.get(`${COOPERATION_HREFS.experiments}/nouvelle`, { config: signedIn }, async (request, reply) => {
    const ctx = await viewContext(request, reply);
    const staff = isCooperationStaff(request.user);
    const mine = await administrationIdsOf(services.db, request.user!.id);
    if (!staff && mine.length === 0) return html(reply, 200, <NoAdministrationPage ctx={ctx} />);
    const values = { status: 'planned', visibility: 'public', territory: 'FR', administrations: mine.join(',') };
    return html(
      reply,
      200,
      <ExperimentFormPage ctx={ctx} data={await formData(request, null, { values, errors: {} })} />,
    );
  });

  app.post(`${COOPERATION_HREFS.experiments}/nouvelle`, { config: signedIn }, async (request, reply) => {
    const staff = isCooperationStaff(request.user);
    const { form, input, commonsId } = readExperimentForm(request.body, { creating: true });
    const again = async (status: number) =>
      html(
        reply,
        status,
        <ExperimentFormPage
          ctx={await viewContext(request, reply)}
          data={await formData(request, null, { values: form.values, errors: form.errors })}
        />,
      );
    if (!form.ok) return again(400);
    const result = await createExperiment(services, actorOf(request), { ...input, commonsId, byStaff: staff });
    if (!result.ok) {
      if (result.problem === 'stale' || result.problem === 'not_found') return notFound(request, reply);
      const [field, message] = PROBLEM_FIELDS[result.problem];
      form.fail(field, message);
      return again(422);
    }
    return reply.redirect(`${experimentHref(result.id)}?ok=created`, 303);
  });

  // Reading one.
  async function accountChoices(access: ExperimentAccess): Promise<AccountChoice[]> {
    if (!access.canEdit) return [];
    const ids = await partyIdsOf(services.db, access.experiment.id);
    const listed = new Set(access.experiment.people.map((p) => p.userId));
    const people = await peopleByIds(
      services.db,
      ids.filter((id) => !listed.has(id)),
    );
    return [...people.values()]
      .filter((p) => !p.erased)
      .map((p) => ({ id: p.id, label: personName(p) || p.email || p.id }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    access: ExperimentAccess,
    status: number,
    extra: { form?: PageForm; notice?: { kind: 'success' | 'error'; title: string } } = {},
  ): Promise<FastifyReply> {
    const ctx = access.canEdit ? await viewContext(request, reply) : plainViewContext(request);
    return html(
      reply,
      status,
      <ExperimentPage
        ctx={ctx}
        access={access}
        today={isoDateParis(services.clock.now())}
        accounts={await accountChoices(access)}
        {...extra}
      />,
    );
  }

  /** The page again, freshly read (after a refused change), with the refused form or a notice. */
  async function again(
    request: WithId,
    reply: FastifyReply,
    status: number,
    extra: { form?: PageForm; notice?: { kind: 'success' | 'error'; title: string } },
  ): Promise<FastifyReply> {
    const access = await experimentForReader(services, request, reply);
    if (!access) return reply;
    return renderPage(request, reply, access, status, extra);
  }

  app.get(
    `${COOPERATION_HREFS.experiments}/:id`,
    { config: { permission: 'public' }, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const access = await experimentForReader(services, request, reply);
      if (!access) return reply;
      return renderPage(request, reply, access, 200, { notice: noticeOf(request) });
    },
  );

  // Editing one.
  app.get(
    `${COOPERATION_HREFS.experiments}/:id/modifier`,
    { config: signedIn, schema: { params: IdParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const x = access.experiment;
      const values = {
        title: x.title,
        goal: x.goal,
        territory: x.territory,
        starts_on: x.startsOn ?? '',
        ends_on: x.endsOn ?? '',
        status: x.status,
        outcome: x.outcome ?? '',
        visibility: x.visibility,
        administrations: x.administrations.map((a) => a.id).join(','),
      };
      const experiment = { id: x.id, title: x.title, version: x.version, commonsName: x.commons.name };
      return html(
        reply,
        200,
        <ExperimentFormPage
          ctx={await viewContext(request, reply)}
          data={await formData(request, experiment, { values, errors: {} })}
        />,
      );
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/modifier`,
    { config: signedIn, schema: { params: IdParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const x = access.experiment;
      const { form, input, version } = readExperimentForm(request.body, { creating: false });
      const experiment = { id: x.id, title: x.title, version, commonsName: x.commons.name };
      const again = async (status: number, stale = false) =>
        html(
          reply,
          status,
          <ExperimentFormPage
            ctx={await viewContext(request, reply)}
            data={await formData(request, experiment, { values: form.values, errors: form.errors }, stale)}
          />,
        );
      if (!form.ok) return again(400);
      const result = await updateExperiment(services, actorOf(request), {
        ...input,
        experimentId: x.id,
        version,
        byStaff: access.staff,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'stale') return again(409, true);
        const [field, message] = PROBLEM_FIELDS[result.problem];
        form.fail(field, message);
        return again(422);
      }
      return reply.redirect(`${experimentHref(x.id)}?ok=saved`, 303);
    },
  );

  // Milestones.
  app.post(
    `${COOPERATION_HREFS.experiments}/:id/jalons`,
    { config: signedIn, schema: { params: IdParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const { form, input } = readMilestoneForm(request.body, 'new');
      const target = 'milestone-new';
      if (!form.ok)
        return renderPage(request, reply, access, 400, { form: { target, values: form.values, errors: form.errors } });
      const result = await saveMilestone(services, actorOf(request), {
        ...input,
        experimentId: access.experiment.id,
        milestoneId: null,
      });
      if (!result.ok) return milestoneRefused(request, reply, result.problem);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=milestone#milestones`, 303);
    },
  );

  async function milestoneRefused(
    request: WithId,
    reply: FastifyReply,
    problem: 'not_found' | 'ended' | 'validated' | 'changed',
  ): Promise<FastifyReply> {
    if (problem === 'not_found') return notFound(request, reply);
    const message =
      problem === 'ended'
        ? m.experimentClosed
        : problem === 'validated'
          ? m.milestoneValidatedLocked
          : m.milestoneChanged;
    return again(request, reply, 409, { notice: { kind: 'error', title: t(request.locale, message) } });
  }

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/jalons/:milestoneId`,
    { config: signedIn, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const milestoneId = request.params.milestoneId;
      if (!access.experiment.milestoneList.some((ms) => ms.id === milestoneId)) return notFound(request, reply);
      const { form, input } = readMilestoneForm(request.body, milestoneId);
      if (!form.ok)
        return renderPage(request, reply, access, 400, {
          form: { target: `milestone-${milestoneId}`, values: form.values, errors: form.errors },
        });
      const result = await saveMilestone(services, actorOf(request), {
        ...input,
        experimentId: access.experiment.id,
        milestoneId,
      });
      if (!result.ok) return milestoneRefused(request, reply, result.problem);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=milestone#milestones`, 303);
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/jalons/:milestoneId/retirer`,
    { config: signedIn, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const result = await removeMilestone(services, actorOf(request), {
        experimentId: access.experiment.id,
        milestoneId: request.params.milestoneId,
      });
      if (!result.ok) return milestoneRefused(request, reply, result.problem);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=milestone_removed#milestones`, 303);
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/jalons/:milestoneId/etat`,
    { config: signedIn, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      // Moving a milestone forward is the parties' work; staff review it.
      if (!access.party) return notFound(request, reply);
      const form = new FormReader(request.body);
      const move = form.choice('move', ['start', 'submit'] as const satisfies PartyMove[], { required: true });
      if (!move)
        return again(request, reply, 400, { notice: { kind: 'error', title: t(request.locale, formMessages.choice) } });
      const result = await moveMilestone(services, actorOf(request), {
        experimentId: access.experiment.id,
        milestoneId: request.params.milestoneId,
        move,
      });
      if (!result.ok) return milestoneRefused(request, reply, result.problem);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=moved#milestones`, 303);
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/jalons/:milestoneId/examen`,
    { config: { permission: 'commons.moderate', tracks: 'none' }, schema: { params: MilestoneParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const milestoneId = request.params.milestoneId;
      const field = `comment-${milestoneId}`;
      const form = new FormReader(request.body);
      const verdict = form.choice('verdict', ['validate', 'return'] as const, { required: true });
      const comment = form.text(field, { max: 2000 });
      if (verdict === 'return' && comment === '' && !form.errors[field]) form.fail(field, m.commentRequired);
      if (form.errors.verdict) form.fail(field, formMessages.choice);
      const target = `review-${milestoneId}`;
      if (!form.ok || !verdict)
        return renderPage(request, reply, access, 400, { form: { target, values: form.values, errors: form.errors } });
      const result = await reviewMilestone(services, actorOf(request), {
        experimentId: access.experiment.id,
        milestoneId,
        verdict,
        comment,
      });
      if (!result.ok) {
        if (result.problem === 'comment_required') {
          form.fail(field, m.commentRequired);
          return renderPage(request, reply, access, 400, {
            form: { target, values: form.values, errors: form.errors },
          });
        }
        return milestoneRefused(request, reply, result.problem);
      }
      return reply.redirect(
        `${experimentHref(access.experiment.id)}?ok=${verdict === 'validate' ? 'validated' : 'returned'}#milestones`,
        303,
      );
    },
  );

  // People.
  app.post(
    `${COOPERATION_HREFS.experiments}/:id/personnes`,
    { config: signedIn, schema: { params: IdParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const form = new FormReader(request.body);
      const account = form.text('account', { max: 100 });
      const name = form.text('name', { max: TITLE_MAX });
      const role = form.text('role', { required: true, max: TITLE_MAX });
      const userId = account === '' || account === 'none' ? null : account;
      if (userId !== null && !isUuid(userId)) form.fail('account', formMessages.choice);
      if (userId === null && name === '' && !form.errors.name) form.fail('name', formMessages.required);
      const refused = (status: number) =>
        renderPage(request, reply, access, status, {
          form: { target: 'person', values: form.values, errors: form.errors },
        });
      if (!form.ok) return refused(400);
      const result = await addPerson(services, actorOf(request), {
        experimentId: access.experiment.id,
        userId,
        name,
        role,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        if (result.problem === 'name_required') form.fail('name', m.nameRequired);
        else form.fail('account', result.problem === 'already' ? m.alreadyListed : m.notAParty);
        return refused(422);
      }
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=person#people`, 303);
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/personnes/:personId/retirer`,
    { config: signedIn, schema: { params: PersonParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const removed = await removePerson(services, actorOf(request), {
        experimentId: access.experiment.id,
        personId: request.params.personId,
      });
      if (!removed) return notFound(request, reply);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=person_removed#people`, 303);
    },
  );

  // Documents.
  app.post(
    `${COOPERATION_HREFS.experiments}/:id/documents`,
    { config: signedIn, schema: { params: IdParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const fields: Record<string, string> = {};
      let file: { data: Buffer; name: string } | undefined;
      let tooLarge = false;
      let badField: string | null = null;
      if (request.isMultipart()) {
        // Read only now, the person and the experiment checked: one file, streamed within its limit.
        try {
          const sent = await readMultipartForm(request, {
            maxFileBytes: (field) => (field === 'file' ? MAX_DOCUMENT_BYTES : 0),
            quota: () => ({ files: 1, bytes: MAX_DOCUMENT_BYTES }),
            bodyBytes: MAX_DOCUMENT_BYTES + FIELDS_BYTES,
            afterRefusalBytes: FIELDS_BYTES,
          });
          for (const [name, value] of Object.entries(sent.fields)) if (typeof value === 'string') fields[name] = value;
          const part = sent.files.find((f) => f.field === 'file');
          if (part) file = { data: part.data, name: part.name };
          tooLarge = sent.refusal !== null;
        } catch (error) {
          // A field with a NUL byte or a lone surrogate stops the read: the form comes back with it named.
          if (!(error instanceof HttpError) || error.code !== BAD_CHARACTERS) throw error;
          badField = 'title';
        }
      } else if (request.body && typeof request.body === 'object') {
        for (const name of ['title']) {
          const [value] = listField(request.body, name);
          if (value !== undefined) fields[name] = value;
        }
      }
      const form = new FormReader(fields);
      const title = form.text('title', { required: true, max: TITLE_MAX });
      if (badField) form.fail(badField, formMessages.badCharacters);
      if (tooLarge) form.fail('file', m.fileTooLarge);
      else if (!file || file.data.length === 0) form.fail('file', m.fileRequired);
      const refused = (status: number) =>
        renderPage(request, reply, access, status, {
          form: { target: 'document', values: form.values, errors: form.errors },
        });
      if (!form.ok) return refused(tooLarge ? 413 : 400);
      const result = await addDocument(services, actorOf(request), {
        experimentId: access.experiment.id,
        title,
        data: file!.data,
        fileName: file!.name,
      });
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        form.fail(
          'file',
          result.problem === 'too_large' ? m.fileTooLarge : result.problem === 'type' ? m.fileType : m.fileRequired,
        );
        return refused(result.problem === 'too_large' ? 413 : 415);
      }
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=document#documents`, 303);
    },
  );

  app.get(
    `${COOPERATION_HREFS.experiments}/:id/documents/:documentId`,
    { config: { permission: 'public' }, schema: { params: DocumentParams } },
    async (request, reply) => {
      const access = await experimentForReader(services, request, reply);
      if (!access) return reply;
      const fileId = await documentFileOf(services.db, access.experiment.id, request.params.documentId);
      if (!fileId) return notFound(request, reply);
      const file = await readStoredFile(services.db, services.config.filesDir, fileId);
      if (!file) return notFound(request, reply);
      // A download no browser renders or sniffs; the extension follows what the bytes are.
      const extension = sniffContentType(file.data)?.extension;
      return reply
        .status(200)
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${urlFileName(file.originalName, extension)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );

  app.post(
    `${COOPERATION_HREFS.experiments}/:id/documents/:documentId/retirer`,
    { config: signedIn, schema: { params: DocumentParams } },
    async (request, reply) => {
      const access = await experimentForEditor(services, request, reply);
      if (!access) return reply;
      const removed = await removeDocument(services, actorOf(request), {
        experimentId: access.experiment.id,
        documentId: request.params.documentId,
      });
      if (!removed) return notFound(request, reply);
      return reply.redirect(`${experimentHref(access.experiment.id)}?ok=document_removed#documents`, 303);
    },
  );

  // Staff's list.
  app.get(
    STAFF_EXPERIMENTS_HREF,
    { config: { permission: 'commons.moderate', tracks: 'none' }, schema: { querystring: StaffListQuery } },
    async (request, reply) => {
      const status = statusOf(request.query.statut);
      const toReview = request.query['a-examiner'] === '1';
      const experiments = await listExperiments(services.db, {
        membersToo: true,
        hiddenCommonsToo: true,
        status: status ?? undefined,
        toReview,
      });
      return html(
        reply,
        200,
        <StaffExperimentsPage
          ctx={plainViewContext(request)}
          experiments={experiments}
          status={status}
          toReview={toReview}
        />,
      );
    },
  );
}
