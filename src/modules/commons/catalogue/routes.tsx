import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, FormReader } from '../../../core/http/forms.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, OptionalText, Query, Slug } from '../../../core/http/route-schemas.js';
import { formatList, t, tCount } from '../../../core/i18n/i18n.js';
import { isUuid } from '../../../core/ids.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds, personName } from '../../accounts/index.js';
import { laureateApplications } from '../../applications/index.js';
import { SUPPORT_LEVERS, seasonSummariesById } from '../../seasons/index.js';
import { seesMembersOnly } from '../membership.js';
import type { CommonsKind, CommonsMaturity } from '../tables.js';
import { type CommonsReading, KINDS, listOf, MATURITIES, readCommons } from './commons-input.js';
import { importCsv, MAX_IMPORT_BYTES } from './import-csv.js';
import { addMaintainer, removeMaintainer } from './maintainers.js';
import { catalogueCounts, catalogueMessages as m } from './messages.js';
import { mergeCommons, setCommonsHidden } from './moderate-commons.js';
import { isStaff, loadCommonsForEditor, loadCommonsForReader } from './policy.js';
import {
  type CatalogueFilter,
  type Commons,
  commonsById,
  commonsPageData,
  listCatalogue,
  listForStaff,
  maintainersOf,
  mergeTargets,
  type StaffState,
  visibleCategories,
} from './queries.js';
import { proposeCommons, updateCommons } from './save-commons.js';
import { CataloguePage } from './views/catalogue.js';
import { CATALOGUE_PATH, commonsHref, STAFF_PATH } from './views/common.js';
import { CommonsFormPage, type CommonsFormState, commonsFormState, emptyFormState } from './views/commons-form.js';
import { CommonsPage, type LaureateLink } from './views/commons-page.js';
import { MaintainersPage } from './views/maintainers.js';
import { ImportPage, ModeratePage, StaffListPage } from './views/staff.js';

const PAGE_SIZE = 20;
const STAFF = { permission: 'commons.moderate', tracks: 'none' } as const;
const SIGNED_IN = { permission: 'signed-in' } as const;

const SlugParams = Type.Object({ slug: Slug });

const CatalogueQuery = Query({
  q: OptionalText(200),
  categorie: OptionalText(200),
  type: OptionalText(20),
  levier: OptionalText(60),
  maturite: OptionalText(20),
  page: OptionalText(10),
});
type CatalogueQuery = Static<typeof CatalogueQuery>;

const NoticeQuery = Query({
  ok: OptionalText(20),
  n: OptionalText(40),
});

const pageOf = (text: string | undefined) => Math.min(100_000, Math.max(1, Number.parseInt(text ?? '1', 10) || 1));
const versionOf = (body: unknown) => {
  const text = listOf(body, 'version')[0] ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
};

/** The catalogue's filter from the query string: unknown values are ignored (a page of everything), never a 400. */
function filterOf(query: CatalogueQuery): CatalogueFilter {
  const q = query.q?.replace(/\s+/g, ' ').trim();
  return {
    ...(q ? { q } : {}),
    ...(query.categorie?.trim() ? { category: query.categorie.trim() } : {}),
    ...(KINDS.includes(query.type as CommonsKind) ? { kind: query.type as CommonsKind } : {}),
    ...(SUPPORT_LEVERS.some((l) => l.code === query.levier) ? { lever: query.levier } : {}),
    ...(MATURITIES.includes(query.maturite as CommonsMaturity) ? { maturity: query.maturite as CommonsMaturity } : {}),
  };
}

/** The public laureates' page of the commons' laureate application, at its season: the laureates list has no page per laureate. */
async function laureateLink(
  services: Services,
  request: FastifyRequest,
  commons: Commons,
): Promise<LaureateLink | null> {
  if (!commons.laureate_application_id) return null;
  const application = (await laureateApplications(services.db, [commons.laureate_application_id])).get(
    commons.laureate_application_id,
  );
  if (!application) return null;
  const season = (await seasonSummariesById(services.db, [application.seasonId])).get(application.seasonId);
  if (!season) return null;
  return {
    href: `/laureats?saison=${encodeURIComponent(season.slug)}#saison-${season.slug}`,
    season: request.locale === 'en' ? season.nameEn || season.name : season.name,
  };
}

/** The digital commons' routes: public catalogue and pages, proposing and editing, maintainers, staff moderation and import. */
export async function catalogueRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  // ---- Public catalogue and commons page -------------------------------------------------------------------

  app.get(
    CATALOGUE_PATH,
    { config: { permission: 'public' }, schema: { querystring: CatalogueQuery } },
    async (request, reply) => {
      const filter = filterOf(request.query);
      const [data, categories] = await Promise.all([
        listCatalogue(db, filter, { page: pageOf(request.query.page), pageSize: PAGE_SIZE }),
        visibleCategories(db),
      ]);
      return html(
        reply,
        200,
        <CataloguePage ctx={plainViewContext(request)} filter={filter} categories={categories} data={data} />,
      );
    },
  );

  app.get(
    `${CATALOGUE_PATH}/:slug`,
    { config: { permission: 'public' }, schema: { params: SlugParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const loaded = await loadCommonsForReader(services, request, reply, request.params.slug);
      if (!loaded) return reply;
      const { commons, canEdit } = loaded;
      const [data, laureate] = await Promise.all([
        commonsPageData(db, commons.id, seesMembersOnly(request.user)),
        laureateLink(services, request, commons),
      ]);
      const ok = request.query.ok;
      const notice =
        ok === 'cree'
          ? { kind: 'success' as const, title: t(request.locale, m.createdNotice) }
          : ok === 'enregistre'
            ? { kind: 'success' as const, title: t(request.locale, m.savedNotice) }
            : ok === 'quitte' && !canEdit
              ? { kind: 'success' as const, title: t(request.locale, m.leftNotice) }
              : undefined;
      return html(
        reply,
        200,
        <CommonsPage
          ctx={plainViewContext(request)}
          commons={commons}
          data={data}
          canEdit={canEdit}
          laureate={laureate}
          notice={notice}
        />,
      );
    },
  );

  // ---- Proposing and editing ---------------------------------------------------------------------------------

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    commons: Commons | null,
    form: CommonsFormState,
    notice?: { kind: 'success' | 'warning'; title: string; text?: string },
  ) {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <CommonsFormPage ctx={ctx} commons={commons} form={form} notice={notice} />);
  }

  const formOf = (reading: CommonsReading, version?: number): CommonsFormState => ({
    values: { ...reading.values, ...(version !== undefined ? { version: String(version) } : {}) },
    levers: reading.leverValues.filter((code) => SUPPORT_LEVERS.some((l) => l.code === code)),
    errors: reading.errors,
  });
  const readBody = (body: unknown) => readCommons(body, { levers: listOf(body, 'levers') });

  app.get(`${CATALOGUE_PATH}/nouveau`, { config: SIGNED_IN }, async (request, reply) =>
    renderForm(request, reply, 200, null, emptyFormState()),
  );

  app.post(`${CATALOGUE_PATH}/nouveau`, { config: SIGNED_IN }, async (request, reply) => {
    const reading = readBody(request.body);
    if (!reading.ok) return renderForm(request, reply, 400, null, formOf(reading));
    const created = await proposeCommons(services, actorOf(request), request.user!.id, reading.input);
    return reply.redirect(`${commonsHref(created.slug)}?ok=cree`, 303);
  });

  app.get(
    `${CATALOGUE_PATH}/:slug/modifier`,
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/modifier');
      if (!commons) return reply;
      return renderForm(request, reply, 200, commons, commonsFormState(commons));
    },
  );

  app.post(
    `${CATALOGUE_PATH}/:slug/modifier`,
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/modifier');
      if (!commons) return reply;
      const version = versionOf(request.body);
      const reading = readBody(request.body);
      if (!reading.ok) return renderForm(request, reply, 400, commons, formOf(reading, version));
      const saved = await updateCommons(services, actorOf(request), { id: commons.id, version }, reading.input);
      if (saved.ok) return reply.redirect(`${commonsHref(commons.slug)}?ok=enregistre`, 303);
      if (saved.problem === 'not_found') return notFound(request, reply);
      // Stale: the person's values stay, with the version they must now save over.
      const fresh = (await commonsById(db, commons.id)) ?? commons;
      return renderForm(request, reply, 409, fresh, formOf(reading, fresh.version), {
        kind: 'warning',
        title: t(request.locale, m.errStale),
        text: t(request.locale, m.currentVersion, { name: fresh.name, summary: fresh.summary }),
      });
    },
  );

  // ---- Maintainers --------------------------------------------------------------------------------------------

  async function renderMaintainers(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    commons: Commons,
    extra: {
      email?: string;
      emailError?: FieldError;
      notice?: { kind: 'success' | 'warning' | 'error'; title: string };
    } = {},
  ) {
    const rows = await maintainersOf(db, commons.id);
    const people = await peopleByIds(
      db,
      rows.map((r) => r.userId),
    );
    const maintainers = rows.map((r) => {
      const person = people.get(r.userId);
      const name = person
        ? personName(person) || person.email || t(request.locale, m.erasedPerson)
        : t(request.locale, m.erasedPerson);
      return { userId: r.userId, name, email: person?.email ?? null, addedAt: r.addedAt };
    });
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <MaintainersPage
        ctx={ctx}
        commons={commons}
        maintainers={maintainers}
        staff={isStaff(request.user)}
        email={extra.email ?? ''}
        emailError={extra.emailError}
        notice={extra.notice}
      />,
    );
  }

  const maintainersPath = `${CATALOGUE_PATH}/:slug/mainteneurs`;
  const MaintainersQuery = Query({ ok: OptionalText(20) });

  app.get(
    maintainersPath,
    { config: SIGNED_IN, schema: { params: SlugParams, querystring: MaintainersQuery } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/mainteneurs');
      if (!commons) return reply;
      const ok = request.query.ok;
      const title = ok === 'ajoute' ? m.maintainerAdded : ok === 'retire' ? m.maintainerRemoved : null;
      return renderMaintainers(request, reply, 200, commons, {
        ...(title ? { notice: { kind: 'success' as const, title: t(request.locale, title) } } : {}),
      });
    },
  );

  app.post(
    `${maintainersPath}/ajouter`,
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/mainteneurs');
      if (!commons) return reply;
      const form = new FormReader(request.body);
      const email = form.email('email', { required: true });
      if (!form.ok)
        return renderMaintainers(request, reply, 400, commons, {
          email: form.values.email,
          emailError: form.errors.email,
        });
      const added = await addMaintainer(services, actorOf(request), commons.id, email);
      if (added.ok) return reply.redirect(`${commonsHref(commons.slug)}/mainteneurs?ok=ajoute`, 303);
      if (added.problem === 'not_found') return notFound(request, reply);
      return renderMaintainers(request, reply, added.problem === 'already' ? 409 : 422, commons, {
        email,
        emailError: { message: added.problem === 'already' ? m.errAlready : m.errNoAccount },
      });
    },
  );

  app.post(
    `${maintainersPath}/retirer`,
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/mainteneurs');
      if (!commons) return reply;
      const userId = listOf(request.body, 'user')[0] ?? '';
      const removed = isUuid(userId)
        ? await removeMaintainer(services, actorOf(request), {
            commonsId: commons.id,
            userId,
            mayEmpty: isStaff(request.user),
          })
        : ({ ok: false, problem: 'not_maintainer' } as const);
      if (removed.ok) {
        // Staff may have removed themselves as maintainer of a hidden commons: the page stays theirs.
        return reply.redirect(`${commonsHref(commons.slug)}/mainteneurs?ok=retire`, 303);
      }
      if (removed.problem === 'not_found') return notFound(request, reply);
      return renderMaintainers(request, reply, removed.problem === 'last' ? 409 : 400, commons, {
        notice: {
          kind: 'error',
          title: t(request.locale, removed.problem === 'last' ? m.errLastMaintainer : m.notMaintainerAnyMore),
        },
      });
    },
  );

  app.post(
    `${maintainersPath}/quitter`,
    { config: SIGNED_IN, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await loadCommonsForEditor(services, request, reply, request.params.slug, '/mainteneurs');
      if (!commons) return reply;
      const left = await removeMaintainer(services, actorOf(request), {
        commonsId: commons.id,
        userId: request.user!.id,
        mayEmpty: isStaff(request.user),
      });
      if (left.ok)
        return reply.redirect(
          commons.hidden && !isStaff(request.user) ? CATALOGUE_PATH : `${commonsHref(commons.slug)}?ok=quitte`,
          303,
        );
      if (left.problem === 'not_found') return notFound(request, reply);
      return renderMaintainers(request, reply, left.problem === 'last' ? 409 : 400, commons, {
        notice: {
          kind: 'error',
          title: t(request.locale, left.problem === 'last' ? m.errLastMaintainer : m.notMaintainerAnyMore),
        },
      });
    },
  );

  // ---- Staff ----------------------------------------------------------------------------------------------------

  const StaffQuery = Query({
    q: OptionalText(200),
    etat: OptionalText(20),
    page: OptionalText(10),
    ok: OptionalText(20),
  });

  app.get(STAFF_PATH, { config: STAFF, schema: { querystring: StaffQuery } }, async (request, reply) => {
    const q = request.query.q?.replace(/\s+/g, ' ').trim();
    const state = (['visible', 'hidden', 'merged'] as const).find((s) => s === request.query.etat) as
      | StaffState
      | undefined;
    const filter = { ...(q ? { q } : {}), ...(state ? { state } : {}) };
    const data = await listForStaff(db, filter, { page: pageOf(request.query.page), pageSize: PAGE_SIZE });
    return html(reply, 200, <StaffListPage ctx={plainViewContext(request)} filter={filter} data={data} />);
  });

  async function renderImport(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { fileError?: FieldError; dryRun?: boolean; report?: Parameters<typeof ImportPage>[0]['report'] } = {},
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <ImportPage ctx={ctx} fileError={extra.fileError} dryRun={extra.dryRun ?? false} report={extra.report} />,
    );
  }

  app.get(`${STAFF_PATH}/import`, { config: STAFF }, async (request, reply) => renderImport(request, reply, 200));

  app.post(`${STAFF_PATH}/import`, { config: STAFF }, async (request, reply) => {
    if (!request.isMultipart()) return renderImport(request, reply, 400, { fileError: { message: m.fileRequired } });
    const form = await readMultipartForm(request, {
      maxFileBytes: (field) => (field === 'file' ? MAX_IMPORT_BYTES : 0),
      quota: () => ({ files: 1, bytes: MAX_IMPORT_BYTES }),
      bodyBytes: MAX_IMPORT_BYTES + 64 * 1024,
      afterRefusalBytes: 64 * 1024,
    });
    const dryRun = ['on', 'true', '1'].includes(String(form.fields.dry_run ?? ''));
    if (form.refusal && form.refusal.reason !== 'not_a_file_field')
      return renderImport(request, reply, 413, { dryRun, fileError: { message: m.fileTooLarge } });
    const file = form.files.find((f) => f.field === 'file');
    if (!file || file.data.length === 0)
      return renderImport(request, reply, 400, { dryRun, fileError: { message: m.fileRequired } });
    const result = await importCsv(services, actorOf(request), file.data, { dryRun });
    if (!result.ok) return renderImport(request, reply, 400, { dryRun, fileError: result.error });
    return renderImport(request, reply, 200, { dryRun, report: result.report });
  });

  async function renderModerate(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    commons: Commons,
    extra: {
      reason?: string;
      reasonError?: FieldError;
      targetError?: FieldError;
      notice?: { kind: 'success' | 'warning' | 'error'; title: string };
    } = {},
  ) {
    const [targets, mergedInto] = await Promise.all([
      mergeTargets(db, commons.id),
      commons.merged_into ? commonsById(db, commons.merged_into) : Promise.resolve(undefined),
    ]);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <ModeratePage
        ctx={ctx}
        commons={commons}
        mergedIntoName={mergedInto?.name ?? null}
        targets={targets}
        reason={extra.reason ?? ''}
        reasonError={extra.reasonError}
        targetError={extra.targetError}
        notice={extra.notice}
      />,
    );
  }

  app.get(
    `${STAFF_PATH}/:id`,
    { config: STAFF, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const commons = await commonsById(db, request.params.id);
      if (!commons) return notFound(request, reply);
      const { ok, n } = request.query;
      const counts = (n ?? '').split('-').map((x) => Number.parseInt(x, 10) || 0);
      const notice =
        ok === 'masque'
          ? { kind: 'success' as const, title: t(request.locale, m.hiddenDone) }
          : ok === 'reaffiche'
            ? { kind: 'success' as const, title: t(request.locale, m.unhiddenDone) }
            : ok === 'fusionne'
              ? {
                  kind: 'success' as const,
                  title: t(request.locale, m.mergedDone, {
                    moved: formatList(request.locale, [
                      tCount(request.locale, catalogueCounts.useCaseCount, counts[0] ?? 0),
                      tCount(request.locale, catalogueCounts.needCount, counts[1] ?? 0),
                      tCount(request.locale, catalogueCounts.experimentCount, counts[2] ?? 0),
                      tCount(request.locale, catalogueCounts.maintainerCount, counts[3] ?? 0),
                    ]),
                  }),
                }
              : undefined;
      return renderModerate(request, reply, 200, commons, { notice });
    },
  );

  const staleNotice = (request: FastifyRequest) => ({
    kind: 'warning' as const,
    title: t(request.locale, m.errModerateStale),
  });

  for (const [path, hidden] of [
    ['masquer', true],
    ['reafficher', false],
  ] as const) {
    app.post(`${STAFF_PATH}/:id/${path}`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
      const commons = await commonsById(db, request.params.id);
      if (!commons) return notFound(request, reply);
      const form = new FormReader(request.body);
      const reason = hidden ? form.text('reason', { required: true, max: 1000 }) : '';
      if (!form.ok)
        return renderModerate(request, reply, 400, commons, {
          reason: form.values.reason,
          reasonError: form.errors.reason,
        });
      const result = await setCommonsHidden(services, actorOf(request), {
        id: commons.id,
        version: versionOf(request.body),
        hidden,
        reason,
      });
      if (result.ok) return reply.redirect(`${STAFF_PATH}/${commons.id}?ok=${hidden ? 'masque' : 'reaffiche'}`, 303);
      if (result.problem === 'not_found') return notFound(request, reply);
      const fresh = (await commonsById(db, commons.id)) ?? commons;
      return renderModerate(request, reply, 409, fresh, { reason, notice: staleNotice(request) });
    });
  }

  app.post(`${STAFF_PATH}/:id/fusionner`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const commons = await commonsById(db, request.params.id);
    if (!commons) return notFound(request, reply);
    const target = listOf(request.body, 'target')[0] ?? '';
    if (!isUuid(target) || target === commons.id)
      return renderModerate(request, reply, 400, commons, { targetError: { message: m.errTarget } });
    const result = await mergeCommons(services, actorOf(request), {
      duplicateId: commons.id,
      version: versionOf(request.body),
      targetId: target,
    });
    if (result.ok) {
      const c = result.counts;
      return reply.redirect(
        `${STAFF_PATH}/${commons.id}?ok=fusionne&n=${c.useCases}-${c.needs}-${c.experiments}-${c.maintainers}`,
        303,
      );
    }
    if (result.problem === 'not_found') return notFound(request, reply);
    const fresh = (await commonsById(db, commons.id)) ?? commons;
    if (result.problem === 'bad_target')
      return renderModerate(request, reply, 422, fresh, { targetError: { message: m.errTarget } });
    return renderModerate(request, reply, 409, fresh, {
      notice:
        result.problem === 'merged'
          ? { kind: 'warning', title: t(request.locale, m.errAlreadyMerged) }
          : staleNotice(request),
    });
  });
}
