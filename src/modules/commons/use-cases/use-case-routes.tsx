import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from '../../../core/http/error-pages.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import {
  type App,
  IdParams,
  NoticeQuery,
  OptionalText,
  Query,
  type RequestWithParams,
  Uuid,
} from '../../../core/http/route-schemas.js';
import { isoDateParis, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { peopleByIds, personName } from '../../accounts/index.js';
import { seesMembersOnly } from '../membership.js';
import type { CommonsKind, UseCaseStatus } from '../tables.js';
import { addContribution, removeContribution } from './contributions.js';
import { readContribution, readReferent, readUseCase } from './forms.js';
import { COMMONS_KINDS, USE_CASE_STATUSES } from './labels.js';
import { useCaseMessages as m } from './messages.js';
import { forbidden, loadEditableUseCase, loadUseCaseFor, mayEditUseCase } from './policy.js';
import {
  administrationsOfMember,
  commonsCategories,
  contributionsOf,
  listUseCases,
  type Named,
  referentsOf,
  selectableCommons,
  servicesOf,
  type UseCaseView,
  useCaseById,
} from './queries.js';
import { acceptReferent, withdrawReferent } from './referents.js';
import { createUseCase, updateUseCase } from './save-use-case.js';
import { isTerritory } from './territories.js';
import { okNotice, USE_CASES_PATH, useCaseHref } from './views/common.js';
import { emptyForm, type FormState, UseCaseFormPage, useCaseFormValues } from './views/use-case-form.js';
import { ReferentPage, UseCaseListPage, type UseCaseListParams, UseCasePage } from './views/use-cases.js';

const PAGE_SIZE = 20;
const PUBLIC = { permission: 'public' } as const;
/**
 * Members of the space (partners) and staff; what each may change is the object rule of policy.ts. Staff
 * hold the permission too: these routes hold nothing of a season's track (`tracks: 'none'`).
 */
const MEMBERS = { permission: 'commons.members', tracks: 'none' } as const;

const ListQuery = Query({
  q: OptionalText(200),
  statut: OptionalText(40),
  type: OptionalText(40),
  categorie: OptionalText(200),
  territoire: OptionalText(10),
  page: OptionalText(10),
});
const NewQuery = Query({ commun: OptionalText(200) });
const ContributionParams = Type.Object({ id: Uuid, contributionId: Uuid });

const pageNumber = (text: string | undefined) => Math.max(1, Math.min(10_000, Number.parseInt(text ?? '1', 10) || 1));

/** Use cases: the public list and page, the members' form, contributions and referents. */
export async function useCaseRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(USE_CASES_PATH, { config: PUBLIC, schema: { querystring: ListQuery } }, async (request, reply) => {
    const query = request.query;
    const categories = await commonsCategories(db);
    const params: UseCaseListParams = {
      q: query.q?.trim() || undefined,
      statut: USE_CASE_STATUSES.includes(query.statut as UseCaseStatus) ? query.statut : undefined,
      type: COMMONS_KINDS.includes(query.type as CommonsKind) ? query.type : undefined,
      categorie: query.categorie && categories.includes(query.categorie) ? query.categorie : undefined,
      territoire: query.territoire && isTerritory(query.territoire) ? query.territoire : undefined,
    };
    const filter = {
      q: params.q,
      status: params.statut as UseCaseStatus | undefined,
      kind: params.type as CommonsKind | undefined,
      category: params.categorie,
      territory: params.territoire,
    };
    const seesMembers = seesMembersOnly(request.user);
    const requested = pageNumber(query.page);
    const first = await listUseCases(db, filter, {
      seesMembersOnly: seesMembers,
      offset: (requested - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
    const page = Math.min(requested, pages);
    const { items, total } =
      page === requested
        ? first
        : await listUseCases(db, filter, {
            seesMembersOnly: seesMembers,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
          });
    const canCreate = request.user ? (await administrationsOfMember(db, request.user.id)).length > 0 : false;
    return html(
      reply,
      200,
      <UseCaseListPage
        ctx={plainViewContext(request)}
        items={items}
        total={total}
        page={page}
        pages={pages}
        params={params}
        categories={categories}
        canCreate={canCreate}
      />,
    );
  });

  /** What the person may choose when declaring a use case. */
  async function choicesFor(userId: string) {
    const administrations = await administrationsOfMember(db, userId);
    const [commons, serviceOptions] = await Promise.all([
      selectableCommons(db),
      servicesOf(
        db,
        administrations.map((a) => a.id),
      ),
    ]);
    return { administrations, commons, services: serviceOptions };
  }

  const noAdministration = (request: FastifyRequest, reply: FastifyReply) =>
    sendErrorPage(request, reply, 403, m.noAdministrationTitle, m.noAdministrationText);

  async function renderNew(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    choices: Awaited<ReturnType<typeof choicesFor>>,
    form: FormState,
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <UseCaseFormPage
        ctx={ctx}
        useCase={null}
        form={form}
        administrations={choices.administrations}
        commons={choices.commons}
        services={choices.services}
      />,
    );
  }

  app.get(
    `${USE_CASES_PATH}/nouveau`,
    { config: MEMBERS, schema: { querystring: NewQuery } },
    async (request, reply) => {
      const choices = await choicesFor(request.user!.id);
      if (choices.administrations.length === 0) return noAdministration(request, reply);
      const prefilled = choices.commons.find((c) => c.slug === request.query.commun);
      return renderNew(
        request,
        reply,
        200,
        choices,
        emptyForm({
          administration: choices.administrations.length === 1 ? choices.administrations[0]!.id : '',
          commun: prefilled?.id ?? '',
          status: 'exploration',
          territory: 'FR',
          visibility: 'public',
        }),
      );
    },
  );

  app.post(`${USE_CASES_PATH}/nouveau`, { config: MEMBERS }, async (request, reply) => {
    const choices = await choicesFor(request.user!.id);
    if (choices.administrations.length === 0) return noAdministration(request, reply);
    const reading = readUseCase(request.body, choices);
    if (!reading.ok) return renderNew(request, reply, 400, choices, reading);
    const saved = await createUseCase(services, actorOf(request), reading.input);
    if (saved.ok) return reply.redirect(`${useCaseHref(saved.id)}?ok=cree`, 303);
    if (saved.problem === 'commons_unavailable') reading.errors.commun = { message: m.commonsUnavailable };
    else reading.errors.administration = { message: m.notYourAdministration };
    return renderNew(request, reply, 409, await choicesFor(request.user!.id), reading);
  });

  app.get(
    `${USE_CASES_PATH}/:id`,
    { config: PUBLIC, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const useCase = await loadUseCaseFor(services, request, reply, request.params.id);
      if (!useCase) return reply;
      const user = request.user;
      const [contributions, referents, canEdit] = await Promise.all([
        contributionsOf(db, useCase.id),
        referentsOf(db, useCase.id),
        mayEditUseCase(services, user, useCase),
      ]);
      const people = seesMembersOnly(user)
        ? await peopleByIds(
            db,
            referents.map((r) => r.userId),
          )
        : null;
      const mine = user ? referents.find((r) => r.userId === user.id) : undefined;
      const ctx = user ? await viewContext(request, reply) : plainViewContext(request);
      return html(
        reply,
        200,
        <UseCasePage
          ctx={ctx}
          useCase={useCase}
          contributions={contributions}
          referentCount={referents.length}
          referents={
            people
              ? referents.map((r) => {
                  const person = people.get(r.userId);
                  return { name: (person && personName(person)) || '—', isExpert: r.isExpert };
                })
              : null
          }
          canEdit={canEdit}
          mine={mine ? { acceptedAt: mine.acceptedAt, isExpert: mine.isExpert } : null}
          notice={okNotice(request.locale, request.query.ok, {
            cree: m.created,
            enregistre: m.saved,
            referent: m.referentAccepted,
            retrait: m.referentWithdrawn,
          })}
        />,
      );
    },
  );

  /** The edit page of a use case, with its contributions; `form` and `contributionForm` as typed, if given. */
  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    useCase: UseCaseView,
    options: {
      form?: FormState;
      contributionForm?: FormState;
      notice?: { kind: 'warning' | 'success'; title: string; text?: string };
    } = {},
  ) {
    const [commons, serviceOptions, contributions] = await Promise.all([
      editableCommons(useCase),
      servicesOf(db, [useCase.administrationId]),
      contributionsOf(db, useCase.id),
    ]);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <UseCaseFormPage
        ctx={ctx}
        useCase={useCase}
        form={options.form ?? emptyForm(useCaseFormValues(useCase))}
        administrations={[]}
        commons={commons}
        services={serviceOptions}
        notice={options.notice}
        contributions={contributions}
        contributionForm={options.contributionForm}
      />,
    );
  }

  /** The commons one may choose when editing: the catalogue's, and the use case's own even if hidden since. */
  async function editableCommons(useCase: UseCaseView): Promise<Named[]> {
    const commons = await selectableCommons(db);
    if (commons.some((c) => c.id === useCase.commonsId)) return commons;
    return [...commons, { id: useCase.commonsId, slug: useCase.commonsSlug, name: useCase.commonsName }];
  }

  app.get(
    `${USE_CASES_PATH}/:id/modifier`,
    { config: MEMBERS, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const useCase = await loadEditableUseCase(services, request, reply, request.params.id);
      if (!useCase) return reply;
      const notice = okNotice(request.locale, request.query.ok, {
        contribution: m.contributionAdded,
        retiree: m.contributionRemoved,
      });
      return renderEdit(request, reply, 200, useCase, { notice });
    },
  );

  app.post(
    `${USE_CASES_PATH}/:id/modifier`,
    { config: MEMBERS, schema: { params: IdParams } },
    async (request, reply) => {
      const useCase = await loadEditableUseCase(services, request, reply, request.params.id);
      if (!useCase) return reply;
      const fixed = {
        id: useCase.administrationId,
        slug: useCase.administrationSlug,
        name: useCase.administrationName,
      };
      const reading = readUseCase(request.body, {
        administrations: [fixed],
        commons: await editableCommons(useCase),
        services: await servicesOf(db, [useCase.administrationId]),
      });
      if (!reading.ok) return renderEdit(request, reply, 400, useCase, { form: reading });
      const saved = await updateUseCase(
        services,
        actorOf(request),
        { id: useCase.id, version: reading.version },
        reading.input,
      );
      if (saved.ok) return reply.redirect(`${useCaseHref(useCase.id)}?ok=enregistre`, 303);
      if (saved.problem === 'not_found') return notFound(request, reply);
      if (saved.problem === 'not_member') return forbidden(request, reply, m.notEditorUseCase);
      const fresh = (await useCaseById(db, useCase.id)) ?? useCase;
      if (saved.problem === 'commons_unavailable') {
        reading.errors.commun = { message: m.commonsUnavailable };
        return renderEdit(request, reply, 409, fresh, { form: reading });
      }
      // Stale: what was typed is kept, at the current version, so that saving again replaces it knowingly.
      return renderEdit(request, reply, 409, fresh, {
        form: { values: { ...reading.values, version: String(fresh.version) }, errors: {} },
        notice: { kind: 'warning', title: t(request.locale, m.staleTitle), text: t(request.locale, m.staleText) },
      });
    },
  );

  app.post(
    `${USE_CASES_PATH}/:id/contributions`,
    { config: MEMBERS, schema: { params: IdParams } },
    async (request, reply) => {
      const useCase = await loadEditableUseCase(services, request, reply, request.params.id);
      if (!useCase) return reply;
      const reading = readContribution(request.body, isoDateParis(services.clock.now()));
      if (!reading.ok) return renderEdit(request, reply, 400, useCase, { contributionForm: reading });
      const added = await addContribution(services, actorOf(request), useCase.id, reading.input);
      if (added.ok) return reply.redirect(`${useCaseHref(useCase.id)}/modifier?ok=contribution`, 303);
      if (added.problem === 'not_found') return notFound(request, reply);
      if (added.problem === 'not_member') return forbidden(request, reply, m.notEditorUseCase);
      reading.errors.contribution_description = { message: m.tooManyContributions, params: { max: 100 } };
      return renderEdit(request, reply, 409, useCase, { contributionForm: reading });
    },
  );

  app.post(
    `${USE_CASES_PATH}/:id/contributions/:contributionId/supprimer`,
    { config: MEMBERS, schema: { params: ContributionParams } },
    async (request, reply) => {
      const useCase = await loadEditableUseCase(services, request, reply, request.params.id);
      if (!useCase) return reply;
      const removed = await removeContribution(services, actorOf(request), useCase.id, request.params.contributionId);
      if (removed.ok) return reply.redirect(`${useCaseHref(useCase.id)}/modifier?ok=retiree`, 303);
      if (removed.problem === 'not_member') return forbidden(request, reply, m.notEditorUseCase);
      return notFound(request, reply);
    },
  );

  /** The use case, if the visitor may see it and is a member of its administration (who alone may be referents). */
  async function referentUseCase(request: RequestWithParams<IdParams>, reply: FastifyReply) {
    const useCase = await loadUseCaseFor(services, request, reply, request.params.id);
    if (!useCase) return undefined;
    if (await mayEditUseCase(services, request.user, useCase)) return useCase;
    forbidden(request, reply, m.referentNotMember);
    return undefined;
  }

  async function myReferentRow(useCase: UseCaseView, userId: string) {
    const mine = (await referentsOf(db, useCase.id)).find((r) => r.userId === userId);
    return mine ? { acceptedAt: mine.acceptedAt, isExpert: mine.isExpert } : null;
  }

  app.get(
    `${USE_CASES_PATH}/:id/referent`,
    { config: MEMBERS, schema: { params: IdParams } },
    async (request, reply) => {
      const useCase = await referentUseCase(request, reply);
      if (!useCase) return reply;
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <ReferentPage ctx={ctx} useCase={useCase} mine={await myReferentRow(useCase, request.user!.id)} />,
      );
    },
  );

  app.post(
    `${USE_CASES_PATH}/:id/referent`,
    { config: MEMBERS, schema: { params: IdParams } },
    async (request, reply) => {
      const useCase = await referentUseCase(request, reply);
      if (!useCase) return reply;
      const actor = actorOf(request);
      const action = (request.body as Record<string, unknown> | undefined)?.action;
      if ([action].flat().includes('retirer')) {
        await withdrawReferent(services, actor, useCase.id);
        return reply.redirect(`${useCaseHref(useCase.id)}?ok=retrait`, 303);
      }
      const reading = readReferent(request.body);
      if (!reading.ok) {
        const ctx = await viewContext(request, reply);
        return html(
          reply,
          400,
          <ReferentPage
            ctx={ctx}
            useCase={useCase}
            mine={await myReferentRow(useCase, request.user!.id)}
            values={reading.values}
            error={reading.errors.engagement}
          />,
        );
      }
      const accepted = await acceptReferent(services, actor, useCase.id, reading.input);
      if (!accepted.ok && accepted.problem === 'not_found') return notFound(request, reply);
      if (!accepted.ok) return forbidden(request, reply, m.referentNotMember);
      return reply.redirect(`${useCaseHref(useCase.id)}?ok=referent#referents`, 303);
    },
  );
}
