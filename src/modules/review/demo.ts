import { createHash } from 'node:crypto';
import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { findOrCreateUserByEmail, updateProfile, userActor } from '../accounts/index.js';
import {
  applicationLabels,
  demoClosedSeason,
  demoOpenSeason,
  listApplicationsForReview,
} from '../applications/index.js';
import type { SeasonRecord } from '../seasons/index.js';
import { latestPublishedRun, latestRun, publishAssignment, REVIEWED_STATES, runAssignment } from './assignment.js';
import { addConflict, listConflicts } from './conflicts.js';
import { inviteReviewer, listMembers, type MemberProfile } from './jury.js';
import { listPhases, savePhase } from './save-phase.js';
import { listSeasonAssignments, type Opinion } from './scoring/queries.js';
import { loadRubric } from './scoring/rubric.js';
import { saveReview } from './scoring/save-review.js';

const DAY = 86_400_000;
/** Reviewers are public agents: their own domain, never the applicants' (no detected conflict by domain). */
export const DEMO_REVIEWER_DOMAIN = 'jury.demo.accelerateur.localhost';

interface DemoReviewer {
  local: string;
  givenName: string;
  familyName: string;
  profile: Omit<MemberProfile, 'siren'>;
  /** How much harsher (−) or kinder (+) than the jury's average this reviewer scores: what calibration corrects. */
  bias: number;
  /** Leaves some of their reviews undone (one as a draft). */
  late?: boolean;
}

const REVIEWERS: DemoReviewer[] = [
  {
    local: 'agathe.rolland',
    givenName: 'Agathe',
    familyName: 'Rolland',
    bias: -1,
    profile: {
      expertise: 'Données publiques, API de l’État, ouverture des données des collectivités',
      topics: ['data_tools', 'communs-numeriques', 'digital'],
      minLoad: 2,
      maxLoad: 6,
    },
  },
  {
    local: 'bastien.lefevre',
    givenName: 'Bastien',
    familyName: 'Lefèvre',
    bias: 0.8,
    profile: {
      expertise: 'Économie sociale et solidaire, financement des associations, tiers-lieux',
      topics: ['funding_legal', 'networking', 'autres-communs', 'other'],
      minLoad: 2,
      maxLoad: 6,
    },
  },
  {
    local: 'chloe.marchand',
    givenName: 'Chloé',
    familyName: 'Marchand',
    bias: 0,
    profile: {
      expertise: 'Logiciel libre, accessibilité numérique, conformité et protection des données',
      topics: ['compliance', 'digital', 'communs-numeriques'],
      minLoad: 2,
      maxLoad: 6,
    },
  },
  {
    local: 'david.aubert',
    givenName: 'David',
    familyName: 'Aubert',
    bias: 0.3,
    profile: {
      expertise: 'Action territoriale, expérimentations locales avec les préfectures et les communes',
      topics: ['experiments', 'contacts', 'other'],
      minLoad: 2,
      maxLoad: 6,
    },
  },
  {
    local: 'emma.ferrand',
    givenName: 'Emma',
    familyName: 'Ferrand',
    bias: -0.4,
    late: true,
    profile: {
      expertise: 'Accompagnement de projets citoyens, évaluation d’impact, communication publique',
      topics: ['coaching', 'promotion', 'networking'],
      minLoad: 2,
      maxLoad: 6,
    },
  },
];

/** A number in [0, 1) fixed by the text: the demo's scores are the same on every load. */
function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

function clampLevel(x: number): number {
  return Math.max(0, Math.min(5, Math.round(x)));
}

function opinionOf(mean: number): Opinion {
  return mean >= 3.8 ? 'strong_accept' : mean >= 2.8 ? 'accept' : mean >= 1.8 ? 'reject' : 'strong_reject';
}

const OVERALL: Record<Opinion, string> = {
  strong_accept:
    'Projet remarquable, utile bien au-delà de son territoire ; l’accompagnement de l’État lui ferait franchir un cap.',
  accept: 'Projet solide et d’intérêt général ; quelques points à préciser sur la suite après l’accompagnement.',
  reject: 'L’intention est bonne, mais le projet reste fragile et son besoin d’accompagnement est peu précis.',
  strong_reject: 'Le dossier ne montre ni l’intérêt général ni la capacité de l’équipe à mener le projet.',
};

/** What differs between the demo's two selections (open season now, closed season in 2023). */
interface DemoJuryPlan {
  /** The review phase; its start is when members are invited and the assignment is published. */
  phase: { name: string; nameEn: string; startsAt: Date; endsAt: Date };
  /** Services as the day the reviews are written (inside the phase). */
  reviewing: Services;
  /** An application's true quality on the 0–5 scale, which reviewers see through their bias. */
  quality(application: { id: string; title: string }): number;
  /** One reviewer is late and one declares a conflict (the open season's story). */
  lateAndConflict: boolean;
}

/**
 * The jury of the demo's seasons: five reviewers with their expertise, a review phase, the assignment
 * computed by the engine (three reviewers per eligible application) and published, and reviews with varied
 * scores (one reviewer harsher, one kinder), so the progress and ranking pages have calibrated scores and
 * intervals to show. In the open season the phase runs now, one reviewer is late and one declared a
 * conflict; in the closed season (2023) every review was submitted. Every step goes through the jury's use
 * cases and is skipped when already done: loading it again changes nothing.
 */
export async function loadReviewDemo(services: Services): Promise<void> {
  const demo = await demoOpenSeason(services);
  if (demo) {
    const now = services.clock.now();
    await loadSeasonJury(services, demo.season, demo.staffActor, {
      phase: {
        name: 'Évaluation des dossiers éligibles',
        nameEn: 'Review of the eligible applications',
        startsAt: new Date(now.getTime() - 3 * DAY),
        endsAt: new Date(now.getTime() + 25 * DAY),
      },
      reviewing: services,
      quality: (a) => 1.5 + 3 * unit(`quality:${a.id}`),
      lateAndConflict: true,
    });
  }
  const closed = await demoClosedSeason(services);
  if (closed) {
    const rank = new Map(CLOSED_SEASON_QUALITY.map((title, i) => [title, i]));
    await loadSeasonJury(closed.at('2023-05-09T09:00:00+02:00'), closed.season, closed.staffActor, {
      phase: {
        name: 'Évaluation des dossiers de la saison 2',
        nameEn: 'Review of the season 2 applications',
        startsAt: new Date('2023-05-09T09:00:00+02:00'),
        endsAt: new Date('2023-05-31T23:59:59+02:00'),
      },
      reviewing: closed.at('2023-05-24T15:00:00+02:00'),
      // The order the jury's scores follow, best first; the panel's opinions then move it a little.
      quality: (a) => 4.4 - 0.35 * (rank.get(a.title) ?? CLOSED_SEASON_QUALITY.length),
      lateAndConflict: false,
    });
  }
}

/** The closed season's applications from the jury's best to its least convinced. */
const CLOSED_SEASON_QUALITY = [
  'Open Food Facts',
  'Pyronear',
  'uMap',
  'Délibérations ouvertes',
  'Primtux',
  'Vélos partagés en milieu rural',
  'Annuaire ouvert des tiers-lieux',
  'Jardins nourriciers partagés',
  'Grainothèques de quartier',
];

async function loadSeasonJury(
  services: Services,
  season: SeasonRecord,
  actor: Actor,
  plan: DemoJuryPlan,
): Promise<void> {
  const { db } = services;
  const now = services.clock.now();
  const present = new Set((await listMembers(db, season.id, { includeRemoved: true })).map((m) => m.email));
  for (const r of REVIEWERS) {
    const email = `${r.local}@${DEMO_REVIEWER_DOMAIN}`;
    if (present.has(email)) continue;
    const invited = await inviteReviewer(services, actor, {
      seasonId: season.id,
      seasonName: season.name,
      email,
      profile: { ...r.profile, siren: '' },
      locale: 'fr',
    });
    if (!invited.ok) continue;
    const { user } = await findOrCreateUserByEmail(db, email, now, { applicant: false });
    await updateProfile(db, user.id, now, { givenName: r.givenName, familyName: r.familyName, locale: 'fr' });
  }

  if ((await listPhases(db, season.id)).length === 0) {
    await savePhase(services, actor, season.id, undefined, {
      ...plan.phase,
      visibility: 'assigned',
      othersReviews: 'after_own',
      blind: false,
      editableAfterEnd: false,
    });
  }

  const members = await listMembers(db, season.id);
  if (!(await latestPublishedRun(db, season.id))) {
    const applications = await listApplicationsForReview(db, season.id, REVIEWED_STATES);
    if (applications.length === 0 || members.length === 0) return;
    // A reviewer who once advised one of the applicants says so before the assignment.
    const declaring = members.find((m) => m.email.startsWith('david.aubert@'));
    const advised = applications.find((a) => a.title.startsWith('Cantines en circuit court'));
    if (
      plan.lateAndConflict &&
      declaring &&
      advised &&
      !(await listConflicts(db, season.id)).some((c) => c.source === 'declared')
    ) {
      await addConflict(services, userActor(declaring.userId), {
        applicationId: advised.id,
        memberId: declaring.id,
        source: 'declared',
        reason: 'J’ai conseillé bénévolement l’association lors de sa création.',
      });
    }
    if (!(await latestRun(db, season.id))) {
      const run = await runAssignment(services, actor, { seasonId: season.id, perApplication: 3, fair: false });
      if (!run.ok) {
        services.log.warn({ problem: run.problem }, 'demo jury assignment not computed');
        return;
      }
    }
    await publishAssignment(services, actor, { seasonId: season.id, seasonName: season.name });
  }

  const rubric = await loadRubric(db, season.id);
  if (!rubric) return;
  const criteria = rubric.criteria.map((c) => c.code);
  const byMember = new Map(members.map((m) => [m.id, m]));
  // In a stable order, so the late reviewer's undone ones are the same on every load.
  const assignments = await listSeasonAssignments(db, season.id);
  const titles = await applicationLabels(
    db,
    assignments.map((a) => a.applicationId),
  );
  const rank = new Map<string, number>();
  for (const a of assignments) {
    const nth = rank.get(a.memberId) ?? 0;
    rank.set(a.memberId, nth + 1);
    if (a.review !== null) continue;
    const member = byMember.get(a.memberId);
    const reviewer = member && REVIEWERS.find((r) => member.email === `${r.local}@${DEMO_REVIEWER_DOMAIN}`);
    if (!member || !reviewer) continue;
    // The late reviewer submits one, has a draft of another and has not opened the rest.
    const late = plan.lateAndConflict && reviewer.late;
    if (late && nth >= 2) continue;
    const submit = !late || nth === 0;
    const quality = plan.quality({ id: a.applicationId, title: titles.get(a.applicationId)?.title ?? '' });
    const scores: Record<string, number> = {};
    for (const code of criteria)
      scores[code] = clampLevel(quality + reviewer.bias + (unit(`${a.assignmentId}:${code}`) - 0.5) * 1.6);
    const mean = Object.values(scores).reduce((s, x) => s + x, 0) / criteria.length;
    const opinion = opinionOf(mean);
    await saveReview(
      plan.reviewing,
      userActor(member.userId),
      {
        userId: member.userId,
        assignmentId: a.assignmentId,
        submit,
        scores: submit ? scores : Object.fromEntries(Object.entries(scores).slice(0, 2)),
        comments: submit
          ? {
              [criteria[0]]:
                mean >= 3
                  ? 'Objectif d’intérêt général clair et bien argumenté.'
                  : 'Le public visé mériterait d’être mieux défini.',
            }
          : {},
        overall: submit ? OVERALL[opinion] : '',
        opinion: submit ? opinion : null,
        confidence: submit ? 1 + Math.floor(unit(`confidence:${a.assignmentId}`) * 3) : null,
      },
      criteria,
    );
  }
}
