import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../../core/http/route-schemas.js';
import { newSubmissionKey, readSubmissionKey } from '../../../core/http/submission-keys.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { LaureateRecord } from '../../seasons/index.js';
import { type LaureateSpace, spaceHref } from '../../support/index.js';
import { teamImpact, teamIndicator, teamValue } from './access.js';
import { MAX_EVIDENCE_BYTES, MAX_PHOTO_BYTES } from './files.js';
import { readTestimonyForm, readValueForm, readVersion } from './forms.js';
import { reportingMessages as m } from './messages.js';
import { indicatorsOf, valuesOf } from './queries.js';
import { reportValue } from './report-value.js';
import { failFile, illegalNotice, noticeOf, sendEvidence, valueFormValues } from './responses.js';
import { createTestimony } from './save-testimony.js';
import { readUploadForm } from './upload.js';
import { teamMayEdit } from './value-cycle.js';
import type { Notice } from './views/common.js';
import { TeamImpactPage, TeamValueFormPage } from './views/team.js';
import { TeamTestimonyFormPage } from './views/testimonies.js';

const IndicatorParams = Type.Object({ id: Uuid, indicatorId: Uuid });
const ValueParams = Type.Object({ id: Uuid, valueId: Uuid });

const NOTICES = { brouillon: m.savedDraft, soumise: m.submitted, temoignage: m.testimonyProposed };

/** The team's side, in its laureate space: its indicators, the values it reports, a testimony it proposes. */
export async function teamImpactRoutes(app: App, services: Services): Promise<void> {
  const config = { permission: 'signed-in' as const };
  const { db } = services;
  const base = (space: LaureateSpace) => spaceHref('team', space.application.id, 'impact');

  async function renderHome(
    request: FastifyRequest,
    reply: FastifyReply,
    space: LaureateSpace,
    laureate: LaureateRecord | null,
    status: number,
    notice?: Notice,
  ) {
    const indicators = laureate ? await indicatorsOf(db, [laureate.id]) : [];
    const values = await valuesOf(
      db,
      indicators.map((i) => i.id),
    );
    return html(
      reply,
      status,
      <TeamImpactPage
        ctx={await viewContext(request, reply)}
        space={space}
        published={laureate !== null}
        indicators={indicators}
        values={values}
        notice={notice}
      />,
    );
  }

  app.get(
    '/espace-laureat/:id/impact',
    { config, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      return renderHome(
        request,
        reply,
        found.space,
        found.laureate,
        200,
        noticeOf(request.locale, request.query.ok, NOTICES),
      );
    },
  );

  app.get(
    '/espace-laureat/:id/impact/indicateurs/:indicatorId/valeur',
    { config, schema: { params: IndicatorParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const indicator = await teamIndicator(services, found.laureate, request.params.indicatorId);
      if (!indicator) return notFound(request, reply);
      return html(
        reply,
        200,
        <TeamValueFormPage
          ctx={await viewContext(request, reply)}
          space={found.space}
          indicator={indicator}
          state={{ values: { submission_key: newSubmissionKey() }, errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/espace-laureat/:id/impact/indicateurs/:indicatorId/valeurs',
    { config, schema: { params: IndicatorParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const indicator = await teamIndicator(services, found.laureate, request.params.indicatorId);
      if (!indicator) return notFound(request, reply);
      const { form, file, tooLarge } = await readUploadForm(request, 'evidence', MAX_EVIDENCE_BYTES);
      const value = readValueForm(form);
      const submit = form.choice('action', ['save', 'submit'] as const) === 'submit';
      const key = readSubmissionKey(form);
      const again = async (status: number) =>
        html(
          reply,
          status,
          <TeamValueFormPage
            ctx={await viewContext(request, reply)}
            space={found.space}
            indicator={indicator}
            state={{ values: form.values, errors: form.errors }}
          />,
        );
      let status = 400;
      if (tooLarge) status = failFile(form, 'evidence', 'too_large', 'evidence');
      if (!form.ok) return again(status);
      const result = await reportValue(services, actorOf(request), {
        indicatorId: indicator.id,
        submit,
        value,
        evidence: file,
        submissionKey: key,
      });
      if (!result.ok) {
        if (result.problem === 'empty' || result.problem === 'too_large' || result.problem === 'type')
          return again(failFile(form, 'evidence', result.problem, 'evidence'));
        return notFound(request, reply);
      }
      return reply.redirect(`${base(found.space)}?ok=${submit ? 'soumise' : 'brouillon'}`, 303);
    },
  );

  app.get(
    '/espace-laureat/:id/impact/valeurs/:valueId/modifier',
    { config, schema: { params: ValueParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const owned = await teamValue(services, found.laureate, request.params.valueId);
      if (!owned || owned.indicator.archivedAt) return notFound(request, reply);
      if (!teamMayEdit(owned.value.state))
        return renderHome(
          request,
          reply,
          found.space,
          found.laureate,
          409,
          illegalNotice(request.locale, owned.value.state),
        );
      return html(
        reply,
        200,
        <TeamValueFormPage
          ctx={await viewContext(request, reply)}
          space={found.space}
          indicator={owned.indicator}
          value={owned.value}
          state={{ values: valueFormValues(request.locale, owned.value), errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/espace-laureat/:id/impact/valeurs/:valueId',
    { config, schema: { params: ValueParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const owned = await teamValue(services, found.laureate, request.params.valueId);
      if (!owned || owned.indicator.archivedAt) return notFound(request, reply);
      const { form, file, tooLarge } = await readUploadForm(request, 'evidence', MAX_EVIDENCE_BYTES);
      const value = readValueForm(form);
      const submit = form.choice('action', ['save', 'submit'] as const) === 'submit';
      const version = readVersion(form);
      const again = async (status: number, notice?: Notice) =>
        html(
          reply,
          status,
          <TeamValueFormPage
            ctx={await viewContext(request, reply)}
            space={found.space}
            indicator={owned.indicator}
            value={owned.value}
            state={{ values: form.values, errors: form.errors, notice }}
          />,
        );
      let status = 400;
      if (tooLarge) status = failFile(form, 'evidence', 'too_large', 'evidence');
      if (!form.ok) return again(status);
      const result = await reportValue(services, actorOf(request), {
        indicatorId: owned.indicator.id,
        valueId: owned.value.id,
        version,
        submit,
        value,
        evidence: file,
      });
      if (!result.ok) {
        if (result.problem === 'empty' || result.problem === 'too_large' || result.problem === 'type')
          return again(failFile(form, 'evidence', result.problem, 'evidence'));
        if (result.problem === 'illegal') return again(409, illegalNotice(request.locale, result.state!));
        if (result.problem === 'stale') return again(409, { kind: 'error', title: t(request.locale, m.staleValue) });
        return notFound(request, reply);
      }
      return reply.redirect(`${base(found.space)}?ok=${submit ? 'soumise' : 'brouillon'}`, 303);
    },
  );

  app.get(
    '/espace-laureat/:id/impact/valeurs/:valueId/justificatif',
    { config, schema: { params: ValueParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const owned = await teamValue(services, found.laureate, request.params.valueId);
      if (!owned?.value.fileId) return notFound(request, reply);
      return sendEvidence(request, reply, services, owned.value.fileId);
    },
  );

  app.get(
    '/espace-laureat/:id/impact/temoignages/nouveau',
    { config, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      if (!found.laureate) return notFound(request, reply);
      return html(
        reply,
        200,
        <TeamTestimonyFormPage
          ctx={await viewContext(request, reply)}
          space={found.space}
          state={{ values: { submission_key: newSubmissionKey() }, errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/espace-laureat/:id/impact/temoignages',
    { config, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await teamImpact(services, request, reply);
      if (!found) return reply;
      const laureate = found.laureate;
      if (!laureate) return notFound(request, reply);
      const { form, file, tooLarge } = await readUploadForm(request, 'photo', MAX_PHOTO_BYTES);
      const input = readTestimonyForm(form, { hasPhoto: file !== undefined });
      const key = readSubmissionKey(form);
      const again = async (status: number) =>
        html(
          reply,
          status,
          <TeamTestimonyFormPage
            ctx={await viewContext(request, reply)}
            space={found.space}
            state={{ values: form.values, errors: form.errors }}
          />,
        );
      let status = 400;
      if (tooLarge) status = failFile(form, 'photo', 'too_large', 'photo');
      if (!form.ok) return again(status);
      const result = await createTestimony(
        services,
        actorOf(request),
        { ...input, laureateId: laureate.id },
        { photo: file, submissionKey: key, proposedByTeam: true },
      );
      if (!result.ok) {
        if (result.problem === 'not_found') return notFound(request, reply);
        return again(failFile(form, 'photo', result.problem, 'photo'));
      }
      return reply.redirect(`${base(found.space)}?ok=temoignage`, 303);
    },
  );
}
