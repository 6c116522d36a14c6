import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffContentType } from '../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../core/files/store-file.js';
import { FormReader } from '../../core/http/forms.js';
import { readMultipartForm } from '../../core/http/multipart.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, OptionalText, Query } from '../../core/http/route-schemas.js';
import { isoDateParis, type Locale, t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { centsToInput, seasonSummaries, seasonTrackCodes } from '../seasons/index.js';
import { type LaureateSpace, laureateSpaces, milestonesOfPlan, spaceForStaff, spaceForTeam } from '../support/index.js';
import { answerProcedure } from './answer-procedure.js';
import { commitGrant } from './commit-grant.js';
import { DEFAULT_CONVENTION, placeholderList, TEMPLATE_MAX, unknownPlaceholders } from './convention-template.js';
import { decideProcedure } from './decide-procedure.js';
import { envelopeFigures } from './figures.js';
import { generateConvention } from './generate-convention.js';
import { PROCEDURE_KINDS, readCents, readEnvelopeForm, readGrantForm, readVersion } from './grant-inputs.js';
import { grantMessages as m } from './grant-messages.js';
import { earliestDeadline, openProcedure } from './open-procedure.js';
import type { Problem } from './problems.js';
import {
  amendmentsOf,
  conventionOf,
  conventionPdf,
  conventionTemplatesOf,
  envelopeById,
  envelopesFor,
  type Grant,
  grantOfApplication,
  grantsOfApplications,
  openProcedureOf,
  paymentsOf,
  proceduresOf,
  trancheStates,
  tranchesOf,
} from './queries.js';
import { recordPayment } from './record-payment.js';
import { MAX_SIGNED_BYTES, recordSignature } from './record-signature.js';
import { resumeGrant } from './resume-grant.js';
import { saveConventionTemplate } from './save-convention-template.js';
import { saveEnvelope } from './save-envelope.js';
import { saveGrant } from './save-grant.js';
import { type FormState, type PageNotice, staffGrantPath, teamGrantPath } from './views/common.js';
import { EnvelopeFormPage, EnvelopesPage } from './views/envelopes.js';
import { grantFormValues, prefilledValues } from './views/grant-form.js';
import { StaffGrantPage, type StaffGrantPageProps } from './views/grant-page.js';
import { ConventionTemplatePage, type SeasonGrantRow, SeasonGrantsPage } from './views/season-grants.js';
import { TeamGrantPage } from './views/team-grant.js';

/** Money needs grants.manage; envelopes and the convention template concern a whole season. */
const SEASON_WIDE = { permission: 'grants.manage', allTracks: true } as const;
const ONE_LAUREATE = { permission: 'grants.manage', tracks: 'one' } as const;
const TEAM = { permission: 'signed-in' } as const;
const ENVELOPES = '/admin/subventions/enveloppes';

const EnvelopesQuery = Query({ saison: OptionalText(64), ok: OptionalText() });
const CsrfQuery = Query({ _csrf: OptionalText(200) });

const NOTICES: Record<string, { kind: PageNotice['kind']; message: (typeof m)[keyof typeof m] }> = {
  enveloppe: { kind: 'success', message: m.envelopeSaved },
  enregistree: { kind: 'success', message: m.saved },
  engagee: { kind: 'success', message: m.committed },
  avenant: { kind: 'success', message: m.amended },
  inchangee: { kind: 'info', message: m.nothingChanged },
  versement: { kind: 'success', message: m.paymentRecorded },
  convention: { kind: 'success', message: m.generated },
  signee: { kind: 'success', message: m.signedRecorded },
  procedure: { kind: 'success', message: m.procedureOpened },
  decision: { kind: 'success', message: m.decided },
  reprise: { kind: 'success', message: m.resumed },
  reponse: { kind: 'success', message: m.answerSent },
  modele: { kind: 'success', message: m.templateSaved },
};

function noticeOf(locale: Locale, ok: string | undefined): PageNotice | undefined {
  const found = ok ? NOTICES[ok] : undefined;
  return found ? { kind: found.kind, title: t(locale, found.message) } : undefined;
}

const seasonName = (locale: Locale, s: { name: string; nameEn: string }) =>
  locale === 'en' && s.nameEn ? s.nameEn : s.name;

/** A use case's refusal as a form state (field '' is shown at the top of the page). */
function failed(form: FormReader, refusal: Problem): FormState {
  form.fail(refusal.field, refusal.message, refusal.params);
  return { values: form.values, errors: form.errors };
}

/** Envelopes, grants, tranches, payments, amendments, conventions and procedures (helper: grants). */
export async function grantRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function seasonOf(id: string) {
    const [season] = await seasonSummaries(db, [id]);
    return season ?? null;
  }

  // ---- Envelopes ----

  app.get(ENVELOPES, { config: SEASON_WIDE, schema: { querystring: EnvelopesQuery } }, async (request, reply) => {
    const ctx = await viewContext(request, reply);
    const seasons = await seasonSummaries(db);
    const asked = request.query.saison;
    const seasonId = asked === 'toutes' ? 'toutes' : (seasons.find((s) => s.id === asked)?.id ?? seasons[0]?.id ?? '');
    const figures = await envelopeFigures(db, seasonId && seasonId !== 'toutes' ? { seasonId } : {});
    return html(
      reply,
      200,
      <EnvelopesPage
        ctx={ctx}
        seasons={seasons.map((s) => ({ id: s.id, name: seasonName(ctx.locale, s) }))}
        seasonId={seasonId}
        figures={figures}
        notice={noticeOf(ctx.locale, request.query.ok)}
      />,
    );
  });

  async function renderEnvelopeForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    season: { id: string; name: string; nameEn: string },
    state: FormState,
    existing?: { id: string; version: number },
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <EnvelopeFormPage
        ctx={ctx}
        season={{ id: season.id, name: seasonName(ctx.locale, season) }}
        tracks={await seasonTrackCodes(db, season.id)}
        action={existing ? `${ENVELOPES}/${existing.id}` : ENVELOPES}
        version={existing?.version}
        state={state}
      />,
    );
  }

  app.get(
    `${ENVELOPES}/nouvelle`,
    { config: SEASON_WIDE, schema: { querystring: EnvelopesQuery } },
    async (request, reply) => {
      const season =
        request.query.saison && /^[0-9a-f-]{36}$/i.test(request.query.saison)
          ? await seasonOf(request.query.saison)
          : null;
      if (!season) return notFound(request, reply);
      return renderEnvelopeForm(request, reply, 200, season, {
        values: { scheme: t('fr', m.defaultScheme), track_code: '' },
        errors: {},
      });
    },
  );

  app.post(ENVELOPES, { config: SEASON_WIDE }, async (request, reply) => {
    const form = new FormReader(request.body);
    const seasonId = form.text('season_id', { max: 64 });
    const season = /^[0-9a-f-]{36}$/i.test(seasonId) ? await seasonOf(seasonId) : null;
    if (!season) return notFound(request, reply);
    const input = readEnvelopeForm(form, await seasonTrackCodes(db, season.id));
    if (!input) return renderEnvelopeForm(request, reply, 400, season, { values: form.values, errors: form.errors });
    const saved = await saveEnvelope(services, actorOf(request), { ...input, seasonId: season.id });
    if (!saved.ok) return renderEnvelopeForm(request, reply, saved.status, season, failed(form, saved));
    return reply.redirect(`${ENVELOPES}?saison=${season.id}&ok=enveloppe`, 303);
  });

  app.get(`${ENVELOPES}/:id`, { config: SEASON_WIDE, schema: { params: IdParams } }, async (request, reply) => {
    const envelope = await envelopeById(db, request.params.id);
    const season = envelope ? await seasonOf(envelope.seasonId) : null;
    if (!envelope || !season) return notFound(request, reply);
    return renderEnvelopeForm(
      request,
      reply,
      200,
      season,
      {
        values: {
          track_code: envelope.trackCode,
          label: envelope.label,
          amount: centsToInput(envelope.amountCents),
          payer_name: envelope.payerName,
          payer_siret: envelope.payerSiret,
          budget_line: envelope.budgetLine,
          scheme: envelope.scheme,
        },
        errors: {},
      },
      envelope,
    );
  });

  app.post(`${ENVELOPES}/:id`, { config: SEASON_WIDE, schema: { params: IdParams } }, async (request, reply) => {
    const envelope = await envelopeById(db, request.params.id);
    const season = envelope ? await seasonOf(envelope.seasonId) : null;
    if (!envelope || !season) return notFound(request, reply);
    const form = new FormReader(request.body);
    const version = readVersion(form);
    const input = readEnvelopeForm(form, await seasonTrackCodes(db, season.id));
    if (!input)
      return renderEnvelopeForm(request, reply, 400, season, { values: form.values, errors: form.errors }, envelope);
    const saved = await saveEnvelope(services, actorOf(request), {
      ...input,
      seasonId: season.id,
      id: envelope.id,
      version,
    });
    if (!saved.ok) return renderEnvelopeForm(request, reply, saved.status, season, failed(form, saved), envelope);
    return reply.redirect(`${ENVELOPES}?saison=${season.id}&ok=enveloppe`, 303);
  });

  // ---- A season's laureates and its convention template ----

  app.get(
    '/admin/subventions/saisons/:id',
    { config: { permission: 'grants.manage', tracks: 'filtered' }, schema: { params: IdParams } },
    async (request, reply) => {
      const season = await seasonOf(request.params.id);
      if (!season) return notFound(request, reply);
      const spaces = await laureateSpaces(db, { seasonId: season.id, tracks: tracksOf(request) });
      const grants = await grantsOfApplications(
        db,
        spaces.map((s) => s.application.id),
      );
      const rows: SeasonGrantRow[] = [];
      for (const space of spaces) {
        const grant = grants.get(space.application.id);
        const paid = grant ? (await paymentsOf(db, grant.id)).reduce((sum, p) => sum + p.amountCents, 0) : 0;
        rows.push({
          applicationId: space.application.id,
          title: space.application.title,
          trackCode: space.application.trackCode,
          decidedCents: space.laureate.decidedCents,
          grant: grant ? { amountCents: grant.amountCents, status: grant.status, paidCents: paid } : null,
        });
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <SeasonGrantsPage ctx={ctx} season={{ id: season.id, name: seasonName(ctx.locale, season) }} rows={rows} />,
      );
    },
  );

  async function renderTemplate(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    season: { id: string; name: string; nameEn: string },
    state?: FormState,
    notice?: PageNotice,
  ) {
    const ctx = await viewContext(request, reply);
    const saved = await conventionTemplatesOf(db, season.id);
    return html(
      reply,
      status,
      <ConventionTemplatePage
        ctx={ctx}
        season={{ id: season.id, name: seasonName(ctx.locale, season) }}
        custom={saved.fr !== null || saved.en !== null}
        state={
          state ?? {
            values: { body_fr: saved.fr ?? DEFAULT_CONVENTION.fr, body_en: saved.en ?? DEFAULT_CONVENTION.en },
            errors: {},
          }
        }
        notice={notice}
      />,
    );
  }

  app.get(
    '/admin/subventions/saisons/:id/convention',
    { config: SEASON_WIDE, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const season = await seasonOf(request.params.id);
      if (!season) return notFound(request, reply);
      return renderTemplate(request, reply, 200, season, undefined, noticeOf(request.locale, request.query.ok));
    },
  );

  app.post(
    '/admin/subventions/saisons/:id/convention',
    { config: SEASON_WIDE, schema: { params: IdParams } },
    async (request, reply) => {
      const season = await seasonOf(request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const bodies = {
        fr: form.text('body_fr', { required: true, max: TEMPLATE_MAX }),
        en: form.text('body_en', { required: true, max: TEMPLATE_MAX }),
      };
      for (const locale of ['fr', 'en'] as const) {
        const unknown = unknownPlaceholders(bodies[locale]);
        if (unknown.length > 0)
          form.fail(`body_${locale}`, m.unknownPlaceholder, {
            names: unknown.map((n) => `{${n}}`).join(', '),
            list: placeholderList(),
          });
      }
      if (!form.ok) return renderTemplate(request, reply, 400, season, { values: form.values, errors: form.errors });
      await saveConventionTemplate(services, actorOf(request), { seasonId: season.id, bodies });
      return reply.redirect(`/admin/subventions/saisons/${season.id}/convention?ok=modele`, 303);
    },
  );

  // ---- A laureate's grant (staff) ----

  async function renderStaff(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    forms: Partial<StaffGrantPageProps['forms']> = {},
    notice?: PageNotice,
  ) {
    const ctx = await viewContext(request, reply);
    const grant = await grantOfApplication(db, space.application.id);
    const [envelopes, milestones] = await Promise.all([
      envelopesFor(db, space.application.seasonId, space.application.trackCode),
      space.plan ? milestonesOfPlan(db, space.plan.id) : Promise.resolve([]),
    ]);
    const tranches = grant ? await tranchesOf(db, grant.id) : [];
    const [states, payments, amendments, convention, procedures] = grant
      ? await Promise.all([
          trancheStates(db, grant, tranches),
          paymentsOf(db, grant.id),
          amendmentsOf(db, grant.id),
          conventionOf(db, grant.id),
          proceduresOf(db, grant.id),
        ])
      : [[], [], [], null, []];
    const now = services.clock.now();
    return html(
      reply,
      status,
      <StaffGrantPage
        ctx={ctx}
        space={space}
        grant={grant}
        envelopes={envelopes}
        milestones={milestones}
        tranches={states}
        payments={payments}
        amendments={amendments}
        convention={convention}
        procedures={procedures}
        earliestDeadline={earliestDeadline(now)}
        today={isoDateParis(now)}
        notice={notice}
        forms={{
          grant: forms.grant ?? {
            values: grant ? grantFormValues(grant, tranches) : prefilledValues(space, envelopes),
            errors: {},
          },
          ...forms,
        }}
      />,
    );
  }

  /** The laureate's grant for a POST: the space (404 sent otherwise) and its current grant. */
  async function staffGrant(
    request: FastifyRequest & { params: { id: string } },
    reply: FastifyReply,
  ): Promise<{ space: LaureateSpace; grant: Grant } | null> {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return null;
    const grant = await grantOfApplication(db, space.application.id);
    if (!grant) {
      notFound(request, reply);
      return null;
    }
    return { space, grant };
  }

  const pageProblem = (refusal: Problem): FormState => ({
    values: {},
    errors: { '': { message: refusal.message, ...(refusal.params ? { params: refusal.params } : {}) } },
  });

  app.get(
    '/admin/subventions/laureats/:id',
    { config: ONE_LAUREATE, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return renderStaff(request, reply, space, 200, {}, noticeOf(request.locale, request.query.ok));
    },
  );

  app.post(
    '/admin/subventions/laureats/:id',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      const current = await grantOfApplication(db, space.application.id);
      if (current && (current.status === 'cancelled' || current.status === 'closed'))
        return renderStaff(request, reply, space, 409, {
          page: pageProblem({ ok: false, field: '', message: m.frozen, status: 409 }),
        });
      const [envelopes, milestones] = await Promise.all([
        envelopesFor(db, space.application.seasonId, space.application.trackCode),
        space.plan ? milestonesOfPlan(db, space.plan.id) : Promise.resolve([]),
      ]);
      const form = new FormReader(request.body);
      const version = readVersion(form);
      const input = readGrantForm(form, {
        envelopeIds: envelopes.map((e) => e.id),
        milestoneIds: milestones.map((ms) => ms.id),
      });
      const reason = form.text('reason', { max: 2000 });
      if (!input)
        return renderStaff(request, reply, space, 400, { grant: { values: form.values, errors: form.errors } });
      const saved = await saveGrant(services, actorOf(request), {
        applicationId: space.application.id,
        seasonId: space.application.seasonId,
        grant: input,
        reason,
        version,
      });
      if (!saved.ok) return renderStaff(request, reply, space, saved.status, { grant: failed(form, saved) });
      const ok = current && current.status !== 'draft' ? (saved.amended ? 'avenant' : 'inchangee') : 'enregistree';
      return reply.redirect(`${staffGrantPath(space.application.id)}?ok=${ok}`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/engager',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const result = await commitGrant(services, actorOf(request), {
        grantId: found.grant.id,
        version: readVersion(form),
      });
      if (!result.ok) return renderStaff(request, reply, found.space, result.status, { page: pageProblem(result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=engagee`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/versements',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const trancheId = form.text('tranche_id', { required: true, max: 64 });
      const paidOn = form.date('paid_on', { required: true });
      const amountCents = readCents(form, 'payment_amount');
      const reference = form.text('payment_reference', { required: true, max: 100 });
      if (paidOn && paidOn > isoDateParis(services.clock.now())) form.fail('paid_on', m.dateInFuture);
      if (!form.ok || !paidOn || amountCents === null)
        return renderStaff(request, reply, found.space, 400, { payment: { values: form.values, errors: form.errors } });
      const result = await recordPayment(services, actorOf(request), {
        grantId: found.grant.id,
        trancheId,
        paidOn,
        amountCents,
        reference,
      });
      if (!result.ok) return renderStaff(request, reply, found.space, result.status, { payment: failed(form, result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=versement`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/convention',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const locale = form.choice('langue', ['fr', 'en'] as const) ?? 'fr';
      const result = await generateConvention(services, actorOf(request), { grantId: found.grant.id, locale });
      if (!result.ok) return renderStaff(request, reply, found.space, result.status, { page: pageProblem(result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=convention`, 303);
    },
  );

  async function sendConvention(request: FastifyRequest, reply: FastifyReply, grant: Grant | null) {
    const pdf = grant ? await conventionPdf(db, grant.id) : null;
    if (!grant || !pdf) return notFound(request, reply);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `attachment; filename="convention-${urlFileName(grant.reference)}.pdf"`)
      .send(Buffer.from(pdf));
  }

  async function sendSigned(request: FastifyRequest, reply: FastifyReply, grant: Grant | null) {
    const convention = grant ? await conventionOf(db, grant.id) : null;
    const file = convention?.signedFileId
      ? await readStoredFile(db, services.config.filesDir, convention.signedFileId)
      : undefined;
    if (!grant || !file) return notFound(request, reply);
    return reply
      .status(200)
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        `attachment; filename="${urlFileName(`convention-signee-${grant.reference}`, sniffContentType(file.data)?.extension)}"`,
      )
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .send(file.data);
  }

  app.get(
    '/admin/subventions/laureats/:id/convention.pdf',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return sendConvention(request, reply, await grantOfApplication(db, space.application.id));
    },
  );

  app.get(
    '/admin/subventions/laureats/:id/convention-signee',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const space = await spaceForStaff(services, request, reply);
      if (!space) return reply;
      return sendSigned(request, reply, await grantOfApplication(db, space.application.id));
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/signature',
    { config: ONE_LAUREATE, schema: { params: IdParams, querystring: CsrfQuery } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const fields: Record<string, string> = {};
      let file: { data: Buffer; name: string } | undefined;
      let tooLarge = false;
      if (request.isMultipart()) {
        // Read only now, the permission, the track and the grant checked: one PDF, streamed within its limit.
        const upload = await readMultipartForm(request, {
          maxFileBytes: (field) => (field === 'signed_file' ? MAX_SIGNED_BYTES : 0),
          quota: () => ({ files: 1, bytes: MAX_SIGNED_BYTES }),
          bodyBytes: MAX_SIGNED_BYTES + 1024 * 1024,
          afterRefusalBytes: 1024 * 1024,
        });
        for (const [name, value] of Object.entries(upload.fields)) if (typeof value === 'string') fields[name] = value;
        const sent = upload.files.find((f) => f.field === 'signed_file');
        if (sent && sent.data.length > 0) file = { data: sent.data, name: sent.name };
        tooLarge = upload.refusal !== null && upload.refusal.reason !== 'not_a_file_field';
      } else if (request.body && typeof request.body === 'object') {
        for (const [name, value] of Object.entries(request.body as Record<string, unknown>))
          if (typeof value === 'string') fields[name] = value;
      }
      const form = new FormReader(fields);
      const beneficiaryOn = form.date('signed_by_beneficiary_on', { required: true });
      const payerOn = form.date('signed_by_payer_on', { required: true });
      if (tooLarge) form.fail('signed_file', m.fileTooLarge);
      if (!form.ok || !beneficiaryOn || !payerOn)
        return renderStaff(request, reply, found.space, tooLarge ? 413 : 400, {
          signature: { values: form.values, errors: form.errors },
        });
      const result = await recordSignature(services, actorOf(request), {
        grantId: found.grant.id,
        beneficiaryOn,
        payerOn,
        file,
      });
      if (!result.ok)
        return renderStaff(request, reply, found.space, result.status, { signature: failed(form, result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=signee`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/procedure',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const kind = form.choice('kind', PROCEDURE_KINDS, { required: true });
      const reasons = form.text('reasons', { required: true, max: 5000 });
      const proposedCents = kind === 'reduce' ? readCents(form, 'proposed_amount') : null;
      if (kind !== 'reduce') form.text('proposed_amount', { max: 30 });
      const answerDueOn = form.date('answer_due_on', { required: true });
      if (!form.ok || !kind || !answerDueOn)
        return renderStaff(request, reply, found.space, 400, {
          procedure: { values: form.values, errors: form.errors },
        });
      const result = await openProcedure(services, actorOf(request), {
        grantId: found.grant.id,
        kind,
        reasons,
        answerDueOn,
        proposedCents,
      });
      if (!result.ok)
        return renderStaff(request, reply, found.space, result.status, { procedure: failed(form, result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=procedure`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/procedure/decision',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const procedureId = form.text('procedure_id', { required: true, max: 64 });
      const outcome = form.choice('outcome', ['apply', 'drop'] as const, { required: true });
      const note = form.text('note', { max: 5000 });
      if (!form.ok || !outcome)
        return renderStaff(request, reply, found.space, 400, {
          decision: { values: form.values, errors: form.errors },
        });
      const result = await decideProcedure(services, actorOf(request), {
        grantId: found.grant.id,
        procedureId,
        outcome,
        note,
      });
      if (!result.ok)
        return renderStaff(request, reply, found.space, result.status, { decision: failed(form, result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=decision`, 303);
    },
  );

  app.post(
    '/admin/subventions/laureats/:id/reprendre',
    { config: ONE_LAUREATE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await staffGrant(request, reply);
      if (!found) return reply;
      const form = new FormReader(request.body);
      const note = form.text('note', { max: 5000 });
      if (!form.ok) return renderStaff(request, reply, found.space, 400, { page: { values: {}, errors: form.errors } });
      const result = await resumeGrant(services, actorOf(request), { grantId: found.grant.id, note });
      if (!result.ok) return renderStaff(request, reply, found.space, result.status, { page: pageProblem(result) });
      return reply.redirect(`${staffGrantPath(found.space.application.id)}?ok=reprise`, 303);
    },
  );

  // ---- The team's side ----

  async function renderTeam(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    status: number,
    answer?: FormState,
    notice?: PageNotice,
  ) {
    const ctx = await viewContext(request, reply);
    const grant = await grantOfApplication(db, space.application.id);
    const shown = grant && grant.status !== 'draft' ? grant : null;
    const [tranches, payments, convention, open] = shown
      ? await Promise.all([
          trancheStates(db, shown),
          paymentsOf(db, shown.id),
          conventionOf(db, shown.id),
          openProcedureOf(db, shown.id),
        ])
      : [[], [], null, null];
    return html(
      reply,
      status,
      <TeamGrantPage
        ctx={ctx}
        space={space}
        grant={shown}
        tranches={tranches}
        payments={payments}
        convention={convention}
        openProcedure={open}
        answer={answer}
        notice={notice}
      />,
    );
  }

  /** The team sees its grant once committed (a draft is staff's work in progress). */
  async function teamGrant(request: FastifyRequest & { params: { id: string } }, reply: FastifyReply) {
    const space = await spaceForTeam(services, request, reply);
    if (!space) return null;
    const grant = await grantOfApplication(db, space.application.id);
    return { space, grant: grant && grant.status !== 'draft' ? grant : null };
  }

  app.get(
    '/espace-laureat/:id/subvention',
    { config: TEAM, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const space = await spaceForTeam(services, request, reply);
      if (!space) return reply;
      return renderTeam(request, reply, space, 200, undefined, noticeOf(request.locale, request.query.ok));
    },
  );

  app.post(
    '/espace-laureat/:id/subvention/reponse',
    { config: TEAM, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await teamGrant(request, reply);
      if (!found) return reply;
      if (!found.grant) return notFound(request, reply);
      const form = new FormReader(request.body);
      const procedureId = form.text('procedure_id', { required: true, max: 64 });
      const answer = form.text('answer', { required: true, max: 10_000 });
      if (!form.ok) return renderTeam(request, reply, found.space, 400, { values: form.values, errors: form.errors });
      const result = await answerProcedure(services, actorOf(request), {
        applicationId: found.space.application.id,
        procedureId,
        answer,
      });
      if (!result.ok) return renderTeam(request, reply, found.space, result.status, failed(form, result));
      return reply.redirect(`${teamGrantPath(found.space.application.id)}?ok=reponse`, 303);
    },
  );

  app.get(
    '/espace-laureat/:id/subvention/convention.pdf',
    { config: TEAM, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await teamGrant(request, reply);
      if (!found) return reply;
      return sendConvention(request, reply, found.grant);
    },
  );

  app.get(
    '/espace-laureat/:id/subvention/convention-signee',
    { config: TEAM, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await teamGrant(request, reply);
      if (!found) return reply;
      return sendSigned(request, reply, found.grant);
    },
  );
}
