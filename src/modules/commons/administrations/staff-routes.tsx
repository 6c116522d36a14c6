import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../../core/http/forms.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query } from '../../../core/http/route-schemas.js';
import { type Message, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { addMember } from './add-member.js';
import { importAdministrations, MAX_IMPORT_BYTES } from './import-administrations.js';
import { removeMember } from './leave-administration.js';
import { mergeAdministrations } from './merge-administrations.js';
import { administrationMessages as m } from './messages.js';
import { recheckAdministration, setAdministrationHidden } from './moderate-administration.js';
import { administrationForStaff, STAFF_PATH, staffAdministrationHref } from './policy.js';
import {
  type Administration,
  administrationById,
  membersOf,
  mergeCandidates,
  staffAdministrations,
} from './queries.js';
import { MemberParams } from './schemas.js';
import {
  IMPORT_PATH,
  ImportPage,
  ImportReportPage,
  StaffDetailPage,
  type StaffForms,
  StaffListPage,
} from './views/staff.js';

/** Staff's pages hold nothing of a season's tracks: the cooperation space is not per track. */
const STAFF = { permission: 'commons.moderate', tracks: 'none' } as const;

const NOTICES: Record<string, { kind: 'success' | 'warning'; message: Message; params?: Record<string, string> }> = {
  masquee: { kind: 'success', message: m.hiddenDone },
  affichee: { kind: 'success', message: m.shownDone },
  fusionnee: { kind: 'success', message: m.merged },
  ajoute: { kind: 'success', message: m.memberAdded },
  retire: { kind: 'success', message: m.memberRemoved },
  absent: { kind: 'warning', message: m.notAMember },
  verifiee: { kind: 'success', message: m.rechecked },
  inconnue: { kind: 'warning', message: m.rechecked },
  'sans-reponse': { kind: 'warning', message: m.rechecked },
};
const RECHECK_OUTCOMES: Record<string, Message> = {
  verifiee: m.verified,
  inconnue: m.notFoundInRegister,
  'sans-reponse': m.registerUnavailable,
};

/** Staff's side: the list, one administration (members, hide, merge, re-check), and the CSV import. */
export async function staffAdministrationRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(
    STAFF_PATH,
    { config: STAFF, schema: { querystring: Query({ q: OptionalText(200) }) } },
    async (request, reply) => {
      const search = (request.query.q ?? '').trim().slice(0, 200);
      const items = await staffAdministrations(db, search);
      const ctx = await viewContext(request, reply);
      return html(reply, 200, <StaffListPage ctx={ctx} items={items} search={search} />);
    },
  );

  async function renderDetail(
    request: FastifyRequest,
    reply: FastifyReply,
    administration: Administration,
    status: number,
    extra: { forms?: StaffForms; ok?: string; problem?: Message } = {},
  ) {
    const [members, candidates, target] = await Promise.all([
      membersOf(db, administration.id),
      mergeCandidates(db, administration.id),
      administration.mergedInto ? administrationById(db, administration.mergedInto) : Promise.resolve(undefined),
    ]);
    const ctx = await viewContext(request, reply);
    const found = extra.ok && Object.hasOwn(NOTICES, extra.ok) ? NOTICES[extra.ok] : undefined;
    const notice = extra.problem
      ? { kind: 'warning' as const, title: t(ctx.locale, extra.problem) }
      : found
        ? {
            kind: found.kind,
            title: t(ctx.locale, found.message, {
              outcome: RECHECK_OUTCOMES[extra.ok ?? ''] ? t(ctx.locale, RECHECK_OUTCOMES[extra.ok ?? '']) : '',
            }),
          }
        : undefined;
    return html(
      reply,
      status,
      <StaffDetailPage
        ctx={ctx}
        administration={administration}
        mergedInto={target ? { id: target.id, name: target.name } : null}
        members={members}
        candidates={candidates}
        forms={extra.forms ?? {}}
        notice={notice}
      />,
    );
  }

  app.get(
    `${STAFF_PATH}/:id`,
    { config: STAFF, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const administration = await administrationForStaff(services, request, reply);
      if (!administration) return reply;
      return renderDetail(request, reply, administration, 200, { ok: request.query.ok });
    },
  );

  const back = (reply: FastifyReply, id: string, ok: string) =>
    reply.redirect(`${staffAdministrationHref(id)}?ok=${ok}`, 303);

  app.post(`${STAFF_PATH}/:id/masquer`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const administration = await administrationForStaff(services, request, reply);
    if (!administration) return reply;
    const form = new FormReader(request.body);
    const reason = form.text('reason', { required: true, max: 500 });
    if (!form.ok)
      return renderDetail(request, reply, administration, 400, {
        forms: { hide: { values: form.values, errors: form.errors } },
      });
    await setAdministrationHidden(services, actorOf(request), { id: administration.id, hidden: true, reason });
    return back(reply, administration.id, 'masquee');
  });

  app.post(`${STAFF_PATH}/:id/afficher`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const administration = await administrationForStaff(services, request, reply);
    if (!administration) return reply;
    await setAdministrationHidden(services, actorOf(request), { id: administration.id, hidden: false, reason: null });
    return back(reply, administration.id, 'affichee');
  });

  app.post(`${STAFF_PATH}/:id/verifier`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const administration = await administrationForStaff(services, request, reply);
    if (!administration) return reply;
    const outcome = await recheckAdministration(services, actorOf(request), administration.id);
    return back(
      reply,
      administration.id,
      outcome === 'verified' ? 'verifiee' : outcome === 'not_found' ? 'inconnue' : 'sans-reponse',
    );
  });

  app.post(`${STAFF_PATH}/:id/fusionner`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const administration = await administrationForStaff(services, request, reply);
    if (!administration) return reply;
    const form = new FormReader(request.body);
    const target = form.text('target', { required: true, max: 64 });
    const confirmed = form.checkbox('confirm');
    if (!confirmed) form.fail('confirm', m.confirmNeeded);
    const state = () => ({ forms: { merge: { values: form.values, errors: form.errors } } });
    if (!form.ok) return renderDetail(request, reply, administration, 400, state());
    const candidates = await mergeCandidates(db, administration.id);
    if (!candidates.some((c) => c.id === target)) {
      form.fail('target', m.mergeSame);
      return renderDetail(request, reply, administration, 400, state());
    }
    const result = await mergeAdministrations(services, actorOf(request), {
      duplicateId: administration.id,
      targetId: target,
    });
    if (result.ok) return back(reply, target, 'fusionnee');
    const problem = result.problem === 'same' ? m.mergeSame : m.mergeImpossible;
    form.fail('target', problem);
    const fresh = (await administrationById(db, administration.id)) ?? administration;
    return renderDetail(request, reply, fresh, 409, { ...state(), problem });
  });

  app.post(`${STAFF_PATH}/:id/membres`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const administration = await administrationForStaff(services, request, reply);
    if (!administration) return reply;
    const form = new FormReader(request.body);
    const email = form.email('member_email', { required: true });
    const state = () => ({ forms: { member: { values: form.values, errors: form.errors } } });
    if (!form.ok) return renderDetail(request, reply, administration, 400, state());
    const result = await addMember(services, actorOf(request), { administrationId: administration.id, email });
    if (result.ok) return back(reply, administration.id, 'ajoute');
    form.fail('member_email', result.problem === 'no_account' ? m.noAccount : m.alreadyMember);
    return renderDetail(request, reply, administration, result.problem === 'no_account' ? 422 : 409, state());
  });

  app.post(
    `${STAFF_PATH}/:id/membres/:userId/retirer`,
    { config: STAFF, schema: { params: MemberParams } },
    async (request, reply) => {
      const administration = await administrationForStaff(services, request, reply);
      if (!administration) return reply;
      const done = await removeMember(services, actorOf(request), {
        administrationId: administration.id,
        userId: request.params.userId,
      });
      return back(reply, administration.id, done ? 'retire' : 'absent');
    },
  );

  const renderUpload = async (request: FastifyRequest, reply: FastifyReply, status: number, error?: Message) => {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <ImportPage ctx={ctx} fileError={error ? { message: error } : undefined} />);
  };

  app.get(IMPORT_PATH, { config: STAFF }, async (request, reply) => renderUpload(request, reply, 200));

  app.post(IMPORT_PATH, { config: STAFF }, async (request, reply) => {
    if (!request.isMultipart()) return renderUpload(request, reply, 400, m.fileRequired);
    const form = await readMultipartForm(request, {
      maxFileBytes: (field) => (field === 'file' ? MAX_IMPORT_BYTES : 0),
      quota: () => ({ files: 1, bytes: MAX_IMPORT_BYTES }),
      bodyBytes: MAX_IMPORT_BYTES + 64 * 1024,
      afterRefusalBytes: 64 * 1024,
    });
    if (form.refusal && form.refusal.reason !== 'not_a_file_field')
      return renderUpload(request, reply, 413, m.fileTooLarge);
    const file = form.files.find((f) => f.field === 'file');
    if (!file || file.data.length === 0) return renderUpload(request, reply, 400, m.fileRequired);
    const report = await importAdministrations(services, actorOf(request), file.data);
    if (report.fileError) {
      const ctx = await viewContext(request, reply);
      return html(reply, 400, <ImportPage ctx={ctx} fileError={report.fileError} />);
    }
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <ImportReportPage ctx={ctx} report={report} at={services.clock.now()} />);
  });
}
