import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasPermission, tracksInclude } from '../../../core/auth/permissions.js';
import { FormReader } from '../../../core/http/forms.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery } from '../../../core/http/route-schemas.js';
import { newSubmissionKey, readSubmissionKey } from '../../../core/http/submission-keys.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { type LaureateRecord, loadLaureates, seasonSummariesById } from '../../seasons/index.js';
import { spaceForStaff, spaceHref } from '../../support/index.js';
import { indicatorForStaff, laureateForStaff, laureateOfSpace, valueForStaff } from './access.js';
import { MAX_EVIDENCE_BYTES } from './files.js';
import { readIndicatorForm, readValueForm, readVersion } from './forms.js';
import { reportingMessages as m } from './messages.js';
import { indicatorById, indicatorCounts, indicatorsOf, pendingCounts, valuesOf } from './queries.js';
import { recordApprovedValue } from './report-value.js';
import { failFile, illegalNotice, indicatorFormValues, noticeOf, sendEvidence } from './responses.js';
import { applicationOfLaureate, reviewValue } from './review-value.js';
import { createIndicator, setIndicatorArchived, updateIndicator } from './save-indicator.js';
import { readUploadForm } from './upload.js';
import type { Notice } from './views/common.js';
import { IndicatorFormPage, StaffLaureatePage, StaffListPage, StaffValueFormPage } from './views/staff.js';
import { TeamImpactPage } from './views/team.js';

const ONE = { permission: 'impact.manage', tracks: 'one' } as const;
const FILTERED = { permission: 'impact.manage', tracks: 'filtered' } as const;

const NOTICES = {
  indicateur: m.indicatorSaved,
  archive: m.indicatorArchived,
  retabli: m.indicatorRestored,
  valide: m.approved,
  renvoye: m.returned,
  saisi: m.recorded,
};

const laureatePath = (id: string) => `/admin/impact/laureats/${id}`;

/** Staff's side: the laureates and their indicators, the indicator form, values recorded or reviewed. */
export async function staffImpactRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function seasonName(laureate: LaureateRecord): Promise<string> {
    return (await seasonSummariesById(db, [laureate.seasonId])).get(laureate.seasonId)?.name ?? '';
  }

  async function renderLaureate(
    request: FastifyRequest,
    reply: FastifyReply,
    laureate: LaureateRecord,
    status: number,
    extra: { notice?: Notice; review?: { values: Record<string, string>; errors: FormReader['errors'] } } = {},
  ) {
    const indicators = await indicatorsOf(db, [laureate.id], { withArchived: true });
    const values = await valuesOf(
      db,
      indicators.map((i) => i.id),
    );
    const team = await applicationOfLaureate(services, laureate.id);
    return html(
      reply,
      status,
      <StaffLaureatePage
        ctx={await viewContext(request, reply)}
        laureate={laureate}
        seasonName={await seasonName(laureate)}
        spaceHref={team ? spaceHref('staff', team.applicationId, 'impact') : null}
        indicators={indicators}
        values={values}
        {...extra}
      />,
    );
  }

  app.get('/admin/impact', { config: FILTERED }, async (request, reply) => {
    const tracks = tracksOf(request);
    const laureates = (await loadLaureates(db)).filter((l) => tracksInclude(tracks, l.trackCode || undefined));
    const ids = laureates.map((l) => l.id);
    const [seasons, indicators, pending] = await Promise.all([
      seasonSummariesById(
        db,
        laureates.map((l) => l.seasonId),
      ),
      indicatorCounts(db, ids),
      pendingCounts(db, ids),
    ]);
    const rows = laureates
      .map((laureate) => ({
        laureate,
        season: seasons.get(laureate.seasonId),
        indicators: indicators.get(laureate.id) ?? 0,
        pending: pending.get(laureate.id) ?? 0,
      }))
      .sort(
        (a, b) =>
          (b.season?.number ?? 0) - (a.season?.number ?? 0) ||
          a.laureate.position - b.laureate.position ||
          a.laureate.name.localeCompare(b.laureate.name, 'fr'),
      )
      .map((row) => ({ ...row, seasonName: row.season?.name ?? '' }));
    return html(reply, 200, <StaffListPage ctx={await viewContext(request, reply)} rows={rows} />);
  });

  // The impact section of the staff's side of a laureate space (spaceHref('staff', applicationId, 'impact')):
  // what the team sees, read only, with the way to the staff's page of the laureate.
  app.get('/admin/impact/espaces/:id', { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const space = await spaceForStaff(services, request, reply);
    if (!space) return reply;
    const laureate = await laureateOfSpace(services, space);
    const indicators = laureate ? await indicatorsOf(db, [laureate.id]) : [];
    const values = await valuesOf(
      db,
      indicators.map((i) => i.id),
    );
    return html(
      reply,
      200,
      <TeamImpactPage
        ctx={await viewContext(request, reply)}
        side="staff"
        showGrant={hasPermission(request.user, 'grants.manage')}
        staffHref={laureate ? laureatePath(laureate.id) : undefined}
        space={space}
        published={laureate !== null}
        indicators={indicators}
        values={values}
      />,
    );
  });

  app.get(
    '/admin/impact/laureats/:id',
    { config: ONE, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const laureate = await laureateForStaff(services, request, reply, request.params.id);
      if (!laureate) return reply;
      return renderLaureate(request, reply, laureate, 200, {
        notice: noticeOf(request.locale, request.query.ok, NOTICES),
      });
    },
  );

  app.get(
    '/admin/impact/laureats/:id/indicateurs/nouveau',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const laureate = await laureateForStaff(services, request, reply, request.params.id);
      if (!laureate) return reply;
      return html(
        reply,
        200,
        <IndicatorFormPage
          ctx={await viewContext(request, reply)}
          laureate={laureate}
          heading={t(request.locale, m.indicatorFormTitle)}
          action={`${laureatePath(laureate.id)}/indicateurs`}
          values={{ submission_key: newSubmissionKey(), direction: 'increase', is_public: 'on', position: '0' }}
          errors={{}}
        />,
      );
    },
  );

  app.post(
    '/admin/impact/laureats/:id/indicateurs',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const laureate = await laureateForStaff(services, request, reply, request.params.id);
      if (!laureate) return reply;
      const form = new FormReader(request.body);
      const input = readIndicatorForm(form);
      const key = readSubmissionKey(form);
      if (!form.ok)
        return html(
          reply,
          400,
          <IndicatorFormPage
            ctx={await viewContext(request, reply)}
            laureate={laureate}
            heading={t(request.locale, m.indicatorFormTitle)}
            action={`${laureatePath(laureate.id)}/indicateurs`}
            values={form.values}
            errors={form.errors}
          />,
        );
      await createIndicator(services, actorOf(request), laureate.id, input, key);
      return reply.redirect(`${laureatePath(laureate.id)}?ok=indicateur`, 303);
    },
  );

  app.get(
    '/admin/impact/indicateurs/:id/modifier',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await indicatorForStaff(services, request, reply);
      if (!found) return reply;
      return html(
        reply,
        200,
        <IndicatorFormPage
          ctx={await viewContext(request, reply)}
          laureate={found.laureate}
          heading={t(request.locale, m.editIndicator)}
          action={`/admin/impact/indicateurs/${found.indicator.id}`}
          values={indicatorFormValues(request.locale, found.indicator)}
          errors={{}}
        />,
      );
    },
  );

  app.post('/admin/impact/indicateurs/:id', { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const found = await indicatorForStaff(services, request, reply);
    if (!found) return reply;
    const form = new FormReader(request.body);
    const input = readIndicatorForm(form);
    const version = readVersion(form);
    const again = async (status: number, notice?: Notice) =>
      html(
        reply,
        status,
        <IndicatorFormPage
          ctx={await viewContext(request, reply)}
          laureate={found.laureate}
          heading={t(request.locale, m.editIndicator)}
          action={`/admin/impact/indicateurs/${found.indicator.id}`}
          values={form.values}
          errors={form.errors}
          notice={notice}
        />,
      );
    if (!form.ok) return again(400);
    const result = await updateIndicator(services, actorOf(request), found.indicator.id, version, input);
    if (!result.ok) {
      if (result.problem === 'not_found') return notFound(request, reply);
      // What was typed stays; the version moves to the current one, so saving again is a deliberate choice.
      form.values.version = String((await indicatorById(db, found.indicator.id))?.version ?? '');
      return again(409, { kind: 'error', title: t(request.locale, m.stale) });
    }
    return reply.redirect(`${laureatePath(found.laureate.id)}?ok=indicateur`, 303);
  });

  for (const [path, archived] of [
    ['archiver', true],
    ['retablir', false],
  ] as const)
    app.post(
      `/admin/impact/indicateurs/:id/${path}`,
      { config: ONE, schema: { params: IdParams } },
      async (request, reply) => {
        const found = await indicatorForStaff(services, request, reply);
        if (!found) return reply;
        const form = new FormReader(request.body);
        const result = await setIndicatorArchived(
          services,
          actorOf(request),
          found.indicator.id,
          readVersion(form),
          archived,
        );
        if (!result.ok) {
          if (result.problem === 'not_found') return notFound(request, reply);
          return renderLaureate(request, reply, found.laureate, 409, {
            notice: { kind: 'error', title: t(request.locale, m.stale) },
          });
        }
        return reply.redirect(`${laureatePath(found.laureate.id)}?ok=${archived ? 'archive' : 'retabli'}`, 303);
      },
    );

  app.get(
    '/admin/impact/indicateurs/:id/valeurs/nouvelle',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await indicatorForStaff(services, request, reply);
      if (!found) return reply;
      if (found.indicator.archivedAt) return notFound(request, reply);
      return html(
        reply,
        200,
        <StaffValueFormPage
          ctx={await viewContext(request, reply)}
          laureate={found.laureate}
          indicator={found.indicator}
          state={{ values: { submission_key: newSubmissionKey() }, errors: {} }}
        />,
      );
    },
  );

  app.post(
    '/admin/impact/indicateurs/:id/valeurs',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await indicatorForStaff(services, request, reply);
      if (!found) return reply;
      if (found.indicator.archivedAt) return notFound(request, reply);
      const { form, file, tooLarge } = await readUploadForm(request, 'evidence', MAX_EVIDENCE_BYTES);
      const value = readValueForm(form);
      const key = readSubmissionKey(form);
      const again = async (status: number) =>
        html(
          reply,
          status,
          <StaffValueFormPage
            ctx={await viewContext(request, reply)}
            laureate={found.laureate}
            indicator={found.indicator}
            state={{ values: form.values, errors: form.errors }}
          />,
        );
      let status = 400;
      if (tooLarge) status = failFile(form, 'evidence', 'too_large', 'evidence');
      if (!form.ok) return again(status);
      const result = await recordApprovedValue(services, actorOf(request), {
        indicatorId: found.indicator.id,
        value,
        evidence: file,
        submissionKey: key,
      });
      if (!result.ok) {
        if (result.problem === 'empty' || result.problem === 'too_large' || result.problem === 'type')
          return again(failFile(form, 'evidence', result.problem, 'evidence'));
        return notFound(request, reply);
      }
      return reply.redirect(`${laureatePath(found.laureate.id)}?ok=saisi`, 303);
    },
  );

  for (const [path, verdict] of [
    ['approuver', 'approve'],
    ['renvoyer', 'return'],
  ] as const)
    app.post(
      `/admin/impact/valeurs/:id/${path}`,
      { config: ONE, schema: { params: IdParams } },
      async (request, reply) => {
        const found = await valueForStaff(services, request, reply);
        if (!found) return reply;
        const form = new FormReader(request.body);
        const field = `comment-${found.value.id}`;
        const comment = form.text(field, { max: 2000 });
        if (!form.ok)
          return renderLaureate(request, reply, found.laureate, 400, {
            review: { values: form.values, errors: form.errors },
          });
        const result = await reviewValue(services, actorOf(request), { valueId: found.value.id, verdict, comment });
        if (!result.ok) {
          if (result.problem === 'illegal')
            return renderLaureate(request, reply, found.laureate, 409, {
              notice: illegalNotice(request.locale, result.state),
            });
          if (result.problem === 'not_found') return notFound(request, reply);
          form.fail(field, m.commentRequired);
          return renderLaureate(request, reply, found.laureate, 400, {
            review: { values: form.values, errors: form.errors },
          });
        }
        return reply.redirect(
          `${laureatePath(found.laureate.id)}?ok=${verdict === 'approve' ? 'valide' : 'renvoye'}`,
          303,
        );
      },
    );

  app.get(
    '/admin/impact/valeurs/:id/justificatif',
    { config: ONE, schema: { params: IdParams } },
    async (request, reply) => {
      const found = await valueForStaff(services, request, reply);
      if (!found) return reply;
      if (!found.value.fileId) return notFound(request, reply);
      return sendEvidence(request, reply, services, found.value.fileId);
    },
  );
}
