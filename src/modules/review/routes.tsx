import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../core/http/request-context.js';
import { type Locale, t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import {
  type ApplicationForReview,
  applicationLabels,
  listApplicationsForReview,
  listApplicationsForReviewByIds,
} from '../applications/index.js';
import { seasonSummaries } from '../seasons/index.js';
import {
  addManualPair,
  applicationOfPair,
  assignmentInputs,
  latestRun,
  publishAssignment,
  publishedAssignmentsOf,
  REVIEWED_STATES,
  removePair,
  runAssignment,
  runPairs,
} from './assignment.js';
import { addConflict, BIDS, liftStaffConflict, listBids, listConflicts, setBid } from './conflicts.js';
import {
  inviteReviewer,
  type JuryMember,
  listMembers,
  loadMember,
  type MemberProfile,
  memberOfUser,
  membershipsOfUser,
  parseTopics,
  removeMember,
  setMemberSiren,
  updateMember,
} from './jury.js';
import './mails.js';
import { isUuid } from '../../core/ids.js';
import { juryMessages as m } from './messages.js';
import { phaseRules } from './phases.js';
import { listPhases, loadPhase, readPhaseForm, savePhase } from './save-phase.js';
import { inTheRunning } from './scoring/queries.js';
import { type CardError, DeclarePage, JuryHomePage } from './views/reviewer-pages.js';
import {
  AssignmentPage,
  ConflictsPage,
  emptyForm,
  type FormState,
  JuriesPage,
  JuryPage,
  juryPath,
  MemberEditPage,
  PhaseEditPage,
  PhasesPage,
  phaseFormValues,
  type SeasonRef,
} from './views/staff-pages.js';

type SeasonParams = { Params: { id: string } };
type MemberParams = { Params: { id: string; memberId: string } };
type PhaseParams = { Params: { id: string; phaseId: string } };
type ConflictParams = { Params: { id: string; conflictId: string } };
type PairParams = { Params: { id: string; assignmentId: string } };
type AppParams = { Params: { id: string; applicationId: string } };

async function seasonOf(services: Services, locale: Locale, id: string): Promise<SeasonRef | null> {
  if (!isUuid(id)) return null;
  const [season] = await seasonSummaries(services.db, [id]);
  return season ? { id: season.id, name: locale === 'en' && season.nameEn ? season.nameEn : season.name } : null;
}

function notice(locale: Locale, query: unknown): string | undefined {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const ok = q.ok;
  if (ok === 'published')
    return t(locale, m.publishedDone, { n: typeof q.n === 'string' && /^\d{1,6}$/.test(q.n) ? q.n : '0' });
  const texts: Record<string, typeof m.saved> = {
    invited: m.invited,
    saved: m.saved,
    removed: m.removed,
    conflict: m.conflictAdded,
    lifted: m.lifted,
    phase: m.phaseCreated,
    ran: m.ranDone,
    pair: m.pairAdded,
    unpaired: m.pairRemoved,
    bid: m.bidSaved,
    declared: m.declared,
    recusal: m.recused,
  };
  return typeof ok === 'string' && texts[ok] ? t(locale, texts[ok]) : undefined;
}

/** Reads the member profile fields; errors go on the form. */
function readProfile(form: FormReader): MemberProfile {
  const expertise = form.text('expertise', { max: 5000 });
  const topics = parseTopics(form.text('topics', { max: 1000 }));
  const load = (field: string) => {
    const raw = form.text(field, { required: true, max: 4 });
    const n = Number(raw);
    if (raw !== '' && (!/^\d+$/.test(raw) || n > 500)) form.fail(field, m.loadRange);
    return Number.isInteger(n) ? n : 0;
  };
  const minLoad = load('min_load');
  const maxLoad = load('max_load');
  if (form.ok && maxLoad < minLoad) form.fail('max_load', m.loadOrder);
  const siren = readSiren(form);
  return { expertise, topics, minLoad, maxLoad, siren };
}

function readSiren(form: FormReader): string {
  const raw = form.text('siren', { max: 20 });
  const siren = raw.replace(/\s/g, '');
  if (siren && !/^\d{9}$/.test(siren)) form.fail('siren', m.sirenInvalid);
  return siren;
}

function profileValues(member: JuryMember): Record<string, string> {
  return {
    expertise: member.expertise,
    topics: member.topics.join(', '),
    min_load: String(member.minLoad),
    max_load: String(member.maxLoad),
    siren: member.siren,
  };
}

function inTracks(tracks: readonly string[] | undefined, trackCode: string | undefined): boolean {
  return !tracks || tracks.includes(trackCode ?? '');
}

/**
 * Staff pages of a season's jury (review.manage) and the reviewer's own pages (review.participate).
 * Staff limited to tracks see and change only their tracks' applications, conflicts and pairs; what
 * covers every track (the jury's members, the phases, running and publishing the assignment) is marked
 * `allTracks` and left to staff without a track limit.
 */
export async function reviewRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services;

  /** The season's applications with the jury that this staff member may see (only among `ids` when given). */
  async function staffApplications(
    request: FastifyRequest,
    seasonId: string,
    ids?: readonly string[],
  ): Promise<ApplicationForReview[]> {
    const tracks = tracksOf(request);
    const applications = ids
      ? await listApplicationsForReviewByIds(db, seasonId, REVIEWED_STATES, ids)
      : await listApplicationsForReview(db, seasonId, REVIEWED_STATES);
    return applications.filter((a) => inTracks(tracks, a.trackCode));
  }

  /** Whether an application (of any state) is on a track this staff member may see. */
  async function staffSeesApplication(request: FastifyRequest, applicationId: string): Promise<boolean> {
    const tracks = tracksOf(request);
    if (!tracks) return true;
    return inTracks(tracks, (await applicationLabels(db, [applicationId])).get(applicationId)?.trackCode);
  }

  /** Conflicts of the season on applications this staff member may see. */
  async function staffConflicts(request: FastifyRequest, seasonId: string) {
    const conflicts = await listConflicts(db, seasonId);
    const tracks = tracksOf(request);
    if (!tracks) return conflicts;
    const labels = await applicationLabels(
      db,
      conflicts.map((c) => c.applicationId),
    );
    return conflicts.filter((c) => inTracks(tracks, labels.get(c.applicationId)?.trackCode));
  }

  async function juryPage(
    request: FastifyRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    state: FormState,
  ) {
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <JuryPage
        ctx={ctx}
        season={season}
        members={await listMembers(db, season.id)}
        state={state}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get('/admin/jury', { config: { permission: 'review.manage' } }, async (request, reply) => {
    const seasons = await seasonSummaries(db);
    const rows = await Promise.all(
      seasons.map(async (s) => ({
        id: s.id,
        name: request.locale === 'en' && s.nameEn ? s.nameEn : s.name,
        members: (await listMembers(db, s.id)).length,
      })),
    );
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <JuriesPage ctx={ctx} seasons={rows} />);
  });

  app.get<SeasonParams>(
    '/admin/saisons/:id/jury',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      return juryPage(request, reply, season, 200, { values: { min_load: '0', max_load: '10' }, errors: {} });
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const email = form.email('email', { required: true });
      const profile = readProfile(form);
      if (form.ok) {
        const result = await inviteReviewer(services, actorOf(request), {
          seasonId: season.id,
          seasonName: season.name,
          email,
          profile,
          locale: request.locale,
        });
        if (result.ok) return reply.redirect(`${juryPath(season.id)}?ok=invited`, 303);
        form.fail('email', m.alreadyMember);
      }
      return juryPage(request, reply, season, 400, { values: form.values, errors: form.errors });
    },
  );

  async function staffMember(
    request: FastifyRequest<MemberParams>,
  ): Promise<{ season: SeasonRef; member: JuryMember } | null> {
    const season = await seasonOf(services, request.locale, request.params.id);
    if (!season || !isUuid(request.params.memberId)) return null;
    const member = await loadMember(db, season.id, request.params.memberId);
    return member && !member.removedAt ? { season, member } : null;
  }

  app.get<MemberParams>(
    '/admin/saisons/:id/jury/membres/:memberId/modifier',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await staffMember(request);
      if (!found) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <MemberEditPage
          ctx={ctx}
          season={found.season}
          member={found.member}
          state={{ values: profileValues(found.member), errors: {} }}
        />,
      );
    },
  );

  app.post<MemberParams>(
    '/admin/saisons/:id/jury/membres/:memberId',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await staffMember(request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const profile = readProfile(form);
      if (form.ok) {
        await updateMember(services, actorOf(request), found.member, profile);
        return reply.redirect(`${juryPath(found.season.id)}?ok=saved`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <MemberEditPage
          ctx={ctx}
          season={found.season}
          member={found.member}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  app.post<MemberParams>(
    '/admin/saisons/:id/jury/membres/:memberId/retirer',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await staffMember(request);
      if (!found) return notFound(request, reply);
      await removeMember(services, actorOf(request), found.member);
      return reply.redirect(`${juryPath(found.season.id)}?ok=removed`, 303);
    },
  );

  // Conflicts of interest.
  async function conflictsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    state: FormState,
  ) {
    const ctx = await viewContext(request, reply);
    const [conflicts, applications, members] = await Promise.all([
      staffConflicts(request, season.id),
      staffApplications(request, season.id),
      listMembers(db, season.id, { includeRemoved: true }),
    ]);
    return html(
      reply,
      status,
      <ConflictsPage
        ctx={ctx}
        season={season}
        conflicts={conflicts}
        applications={applications}
        members={members.filter((x) => !x.removedAt || conflicts.some((c) => c.memberId === x.id))}
        state={state}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get<SeasonParams>(
    '/admin/saisons/:id/jury/conflits',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      return conflictsPage(request, reply, season, 200, emptyForm);
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury/conflits',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const { applicationId, memberId } = await readPair(request, form, season.id);
      const reason = form.text('reason', { required: true, max: 1000 });
      if (form.ok) {
        await addConflict(services, actorOf(request), { applicationId, memberId, source: 'staff', reason });
        return reply.redirect(`${juryPath(season.id)}/conflits?ok=conflict`, 303);
      }
      return conflictsPage(request, reply, season, 400, { values: form.values, errors: form.errors });
    },
  );

  app.post<ConflictParams>(
    '/admin/saisons/:id/jury/conflits/:conflictId/lever',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season || !isUuid(request.params.conflictId)) return notFound(request, reply);
      // A conflict on another track's application is not this staff member's to see or lift.
      if (!(await staffConflicts(request, season.id)).some((c) => c.id === request.params.conflictId))
        return notFound(request, reply);
      if (!(await liftStaffConflict(services, actorOf(request), season.id, request.params.conflictId)))
        return notFound(request, reply);
      return reply.redirect(`${juryPath(season.id)}/conflits?ok=lifted`, 303);
    },
  );

  /** An application of the season with the jury (on the staff member's tracks), and an active member, chosen in a form. */
  async function readPair(
    request: FastifyRequest,
    form: FormReader,
    seasonId: string,
  ): Promise<{ applicationId: string; memberId: string }> {
    const applicationId = form.text('application_id', { required: true, max: 40 });
    const memberId = form.text('member_id', { required: true, max: 40 });
    if (applicationId && (await staffApplications(request, seasonId, [applicationId])).length === 0)
      form.fail('application_id', m.chooseOne);
    if (memberId && !(isUuid(memberId) && (await loadMember(db, seasonId, memberId))?.removedAt === null))
      form.fail('member_id', m.chooseOne);
    return { applicationId, memberId };
  }

  // Review phases.
  app.get<SeasonParams>(
    '/admin/saisons/:id/jury/phases',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      const state = { values: { visibility: 'assigned', others_reviews: 'after_own' }, errors: {} };
      return html(
        reply,
        200,
        <PhasesPage
          ctx={ctx}
          season={season}
          phases={await listPhases(db, season.id)}
          state={state}
          notice={notice(ctx.locale, request.query)}
        />,
      );
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury/phases',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const input = readPhaseForm(form);
      if (input) {
        await savePhase(services, actorOf(request), season.id, undefined, input);
        return reply.redirect(`${juryPath(season.id)}/phases?ok=phase`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <PhasesPage
          ctx={ctx}
          season={season}
          phases={await listPhases(db, season.id)}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  async function staffPhase(request: FastifyRequest<PhaseParams>) {
    const season = await seasonOf(services, request.locale, request.params.id);
    if (!season || !isUuid(request.params.phaseId)) return null;
    const phase = await loadPhase(db, season.id, request.params.phaseId);
    return phase ? { season, phase } : null;
  }

  app.get<PhaseParams>(
    '/admin/saisons/:id/jury/phases/:phaseId/modifier',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await staffPhase(request);
      if (!found) return notFound(request, reply);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <PhaseEditPage
          ctx={ctx}
          season={found.season}
          phase={found.phase}
          state={{ values: phaseFormValues(found.phase), errors: {} }}
        />,
      );
    },
  );

  app.post<PhaseParams>(
    '/admin/saisons/:id/jury/phases/:phaseId',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const found = await staffPhase(request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const input = readPhaseForm(form);
      if (input) {
        await savePhase(services, actorOf(request), found.season.id, found.phase.id, input);
        return reply.redirect(`${juryPath(found.season.id)}/phases?ok=saved`, 303);
      }
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        400,
        <PhaseEditPage
          ctx={ctx}
          season={found.season}
          phase={found.phase}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    },
  );

  // Assignment.
  async function assignmentPage(
    request: FastifyRequest,
    reply: FastifyReply,
    season: SeasonRef,
    status: number,
    extra: {
      state?: FormState;
      pairState?: FormState;
      infeasible?: Array<{ fr: string; en: string }>;
      problem?: string;
    } = {},
  ) {
    const ctx = await viewContext(request, reply);
    const inputs = await assignmentInputs(services, actorOf(request), season.id);
    const tracks = tracksOf(request);
    const applications = inputs.applications.filter((a) => inTracks(tracks, a.trackCode));
    const visible = new Set(applications.map((a) => a.id));
    const { members } = inputs;
    const conflicts = tracks
      ? (await staffConflicts(request, season.id)).filter((c) => members.some((x) => x.id === c.memberId))
      : inputs.conflicts;
    const run = await latestRun(db, season.id);
    const pairs = run ? (await runPairs(db, run.id)).filter((p) => !tracks || visible.has(p.applicationId)) : [];
    return html(
      reply,
      status,
      <AssignmentPage
        ctx={ctx}
        season={season}
        applications={applications}
        members={members}
        conflictCount={conflicts.length}
        run={run}
        pairs={pairs}
        state={extra.state ?? emptyForm}
        pairState={extra.pairState ?? emptyForm}
        infeasible={extra.infeasible}
        problem={extra.problem}
        trackLimited={tracks !== undefined}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  const assignmentPath = (seasonId: string) => `${juryPath(seasonId)}/affectation`;

  app.get<SeasonParams>(
    '/admin/saisons/:id/jury/affectation',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      return assignmentPage(request, reply, season, 200);
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury/affectation',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const raw = form.text('per_application', { required: true, max: 3 });
      const perApplication = Number(raw);
      if (raw && (!/^\d+$/.test(raw) || perApplication < 1 || perApplication > 20))
        form.fail('per_application', m.perApplicationRange);
      const fair = form.checkbox('fair');
      const state = { values: form.values, errors: form.errors };
      if (!form.ok) return assignmentPage(request, reply, season, 400, { state });
      const outcome = await runAssignment(services, actorOf(request), { seasonId: season.id, perApplication, fair });
      if (outcome.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=ran`, 303);
      if (outcome.problem === 'nothing_to_assign')
        return assignmentPage(request, reply, season, 422, { state, problem: t(request.locale, m.nothingToAssign) });
      return assignmentPage(request, reply, season, 422, { state, infeasible: outcome.explanations });
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury/affectation/paires',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const form = new FormReader(request.body);
      const pair = await readPair(request, form, season.id);
      if (form.ok) {
        const result = await addManualPair(services, actorOf(request), { seasonId: season.id, ...pair });
        if (result.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=pair`, 303);
        const problems = {
          conflict: m.pairConflict,
          exists: m.pairExists,
          no_run: m.needRun,
          reviewed: m.pairReviewed,
          not_found: m.chooseOne,
        } as const;
        form.fail('member_id', problems[result.problem]);
      }
      return assignmentPage(request, reply, season, 400, { pairState: { values: form.values, errors: form.errors } });
    },
  );

  app.post<PairParams>(
    '/admin/saisons/:id/jury/affectation/paires/:assignmentId/retirer',
    { config: { permission: 'review.manage' } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season || !isUuid(request.params.assignmentId)) return notFound(request, reply);
      const pairApplication = await applicationOfPair(db, season.id, request.params.assignmentId);
      if (!pairApplication || !(await staffSeesApplication(request, pairApplication))) return notFound(request, reply);
      const result = await removePair(services, actorOf(request), {
        seasonId: season.id,
        assignmentId: request.params.assignmentId,
      });
      if (result.ok) return reply.redirect(`${assignmentPath(season.id)}?ok=unpaired`, 303);
      if (result.problem === 'reviewed')
        return assignmentPage(request, reply, season, 409, { problem: t(request.locale, m.pairReviewed) });
      return notFound(request, reply);
    },
  );

  app.post<SeasonParams>(
    '/admin/saisons/:id/jury/affectation/publier',
    { config: { permission: 'review.manage', allTracks: true } },
    async (request, reply) => {
      const season = await seasonOf(services, request.locale, request.params.id);
      if (!season) return notFound(request, reply);
      const result = await publishAssignment(services, actorOf(request), {
        seasonId: season.id,
        seasonName: season.name,
      });
      if (!result.ok)
        return assignmentPage(request, reply, season, 409, {
          problem: t(request.locale, result.problem === 'no_run' ? m.needRun : m.alreadyPublished),
        });
      return reply.redirect(`${assignmentPath(season.id)}?ok=published&n=${result.notified}`, 303);
    },
  );

  // The reviewer's pages.
  app.get('/jury', { config: { permission: 'review.participate' } }, async (request, reply) => {
    const memberships = await membershipsOfUser(db, request.user!.id);
    const names = new Map(
      (
        await seasonSummaries(
          db,
          memberships.map((x) => x.seasonId),
        )
      ).map((s) => [s.id, request.locale === 'en' && s.nameEn ? s.nameEn : s.name]),
    );
    const seasons = await Promise.all(
      memberships.map(async (x) => ({
        seasonId: x.seasonId,
        name: names.get(x.seasonId) ?? '',
        assigned: (await inTheRunning(db, await publishedAssignmentsOf(db, x.seasonId, x.id))).length,
      })),
    );
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <JuryHomePage ctx={ctx} seasons={seasons} />);
  });

  async function reviewerSeason(
    request: FastifyRequest<SeasonParams | AppParams>,
  ): Promise<{ season: SeasonRef; member: JuryMember } | null> {
    const season = await seasonOf(services, request.locale, request.params.id);
    if (!season) return null;
    const member = await memberOfUser(db, season.id, request.user!.id);
    return member ? { season, member } : null;
  }

  async function declarePage(
    request: FastifyRequest,
    reply: FastifyReply,
    found: { season: SeasonRef; member: JuryMember },
    status: number,
    extra: { sirenError?: FormState['errors'][string]; siren?: string; cardError?: CardError } = {},
  ) {
    const { season, member } = found;
    const [applications, conflicts, bids, phases, published] = await Promise.all([
      listApplicationsForReview(db, season.id, REVIEWED_STATES),
      listConflicts(db, season.id),
      listBids(db, season.id),
      listPhases(db, season.id),
      publishedAssignmentsOf(db, season.id, member.id),
    ]);
    const now = services.clock.now();
    // Blind when the phase running now (or else the next one) says so.
    const phase =
      phases.find((p) => phaseRules(p, now).status === 'open') ??
      phases.find((p) => phaseRules(p, now).status === 'upcoming');
    const blind = phase ? phaseRules(phase, now).blind : false;
    const assigned = new Set(published.map((p) => p.applicationId));
    const cards = applications.map((a) => ({
      id: a.id,
      title: a.title,
      track: a.trackCode,
      organisation: blind ? '' : a.organisationName,
      assigned: assigned.has(a.id),
      conflicts: conflicts.filter((c) => c.applicationId === a.id && c.memberId === member.id),
      bid: bids.find((b) => b.applicationId === a.id && b.memberId === member.id)?.bid ?? null,
    }));
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      status,
      <DeclarePage
        ctx={ctx}
        seasonId={season.id}
        seasonName={season.name}
        siren={extra.siren ?? member.siren}
        sirenError={extra.sirenError}
        cards={cards}
        cardError={extra.cardError}
        notice={notice(ctx.locale, request.query)}
      />,
    );
  }

  app.get<SeasonParams>(
    '/jury/saisons/:id',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await reviewerSeason(request);
      if (!found) return notFound(request, reply);
      return declarePage(request, reply, found, 200);
    },
  );

  app.post<SeasonParams>(
    '/jury/saisons/:id/profil',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await reviewerSeason(request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const siren = readSiren(form);
      if (!form.ok)
        return declarePage(request, reply, found, 400, { siren: form.values.siren, sirenError: form.errors.siren });
      await setMemberSiren(services, actorOf(request), found.member, siren);
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=saved`, 303);
    },
  );

  /** An application the reviewer may declare about: one of the season's with the jury. */
  async function reviewerApplication(request: FastifyRequest<AppParams>) {
    const found = await reviewerSeason(request);
    if (!found || !isUuid(request.params.applicationId)) return null;
    const [application] = await listApplicationsForReviewByIds(db, found.season.id, REVIEWED_STATES, [
      request.params.applicationId,
    ]);
    return application ? { ...found, application } : null;
  }

  app.post<AppParams>(
    '/jury/saisons/:id/candidatures/:applicationId/conflit',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await reviewerApplication(request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const kind = form.choice('kind', ['declared', 'recusal'] as const, { required: true }) ?? 'declared';
      const reason = form.text('reason', { required: kind === 'declared', max: 1000 });
      if (!form.ok) {
        const error = form.errors.reason ?? form.errors.kind;
        return declarePage(request, reply, found, 400, {
          cardError: { applicationId: found.application.id, field: 'reason', error, value: form.values.reason ?? '' },
        });
      }
      await addConflict(services, actorOf(request), {
        applicationId: found.application.id,
        memberId: found.member.id,
        source: kind,
        reason,
      });
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=${kind}`, 303);
    },
  );

  app.post<AppParams>(
    '/jury/saisons/:id/candidatures/:applicationId/souhait',
    { config: { permission: 'review.participate' } },
    async (request, reply) => {
      const found = await reviewerApplication(request);
      if (!found) return notFound(request, reply);
      const form = new FormReader(request.body);
      const bid = form.choice('bid', BIDS);
      if (!form.ok) return declarePage(request, reply, found, 400);
      await setBid(services, actorOf(request), { applicationId: found.application.id, memberId: found.member.id, bid });
      return reply.redirect(`/jury/saisons/${found.season.id}?ok=bid`, 303);
    },
  );
}
