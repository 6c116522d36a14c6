import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { userActor } from '../accounts/index.js';
import { type DemoClosedSeason, demoClosedSeason } from '../applications/index.js';
import { declineIntroduction } from './introductions/decline-introduction.js';
import { makeIntroduction } from './introductions/make-introduction.js';
import { recordOutcome } from './introductions/record-outcome.js';
import { requestIntroduction } from './introductions/request-introduction.js';
import { saveContact } from './introductions/save-contact.js';
import { type LaureateSpace, laureateSpace, laureateSpaces } from './laureate-space.js';
import { createPlan } from './plans/create-plan.js';
import { milestonesOfPlan } from './plans/queries.js';
import { reviewMilestone } from './plans/review-milestone.js';
import { saveTemplate } from './plans/save-template.js';
import { startMilestone } from './plans/start-milestone.js';
import { submitDeliverable } from './plans/submit-deliverable.js';
import type { TemplateContent } from './plans/templates.js';
import { type PlanInput, updatePlan } from './plans/update-plan.js';
import { postSpaceMessage } from './sessions/post-space-message.js';
import { createSession } from './sessions/save-session.js';

/**
 * The support in the demo: season 2's laureates (support from 3 July 2023 to 28 June 2024), each replayed with
 * the clock of the day it happened, through the module's use cases, at a different stage — a plan carried
 * through (every milestone validated, an introduction that opened data), a plan with a deliverable returned
 * and one still to redo, a plan still active with late milestones and an introduction waiting for staff, and
 * the laureate who took a freed place with its plan in draft. Staff's directory holds three contacts.
 * Skipped when the season's plans exist already.
 */
export async function loadSupportDemo(services: Services): Promise<void> {
  const closed = await demoClosedSeason(services);
  if (!closed) return;
  const seasonId = closed.season.id;
  const spaces = await laureateSpaces(services.db, { seasonId });
  if (spaces.length === 0 || spaces.some((s) => s.plan)) return;
  const staff = closed.staffActor;
  const contacts = await demoContacts(closed);
  const templateId = await demoTemplate(closed);
  const stories = [carriedThrough, oneToRedo, stillRunning, justStarted];
  for (const [i, space] of spaces.entries())
    await stories[Math.min(i, stories.length - 1)]({ closed, staff, space, templateId, contacts });
}

interface Story {
  closed: DemoClosedSeason;
  staff: Actor;
  space: LaureateSpace;
  templateId: string;
  contacts: string[];
}

const TEMPLATE: TemplateContent = {
  needs: [
    { need: 'consolider', goals: 'Clarifier le modèle économique et la gouvernance du projet.' },
    { need: 'deployer', goals: 'Tester le service avec deux administrations partenaires.' },
  ],
  actions: [
    {
      lever: 'coaching',
      need: 'consolider',
      action: 'Six séances de coaching sur la stratégie et le modèle économique.',
      responsibleKind: 'mentor',
      responsibleName: 'Coach du programme',
    },
    {
      lever: 'mises-en-relation',
      need: 'deployer',
      action: 'Présenter l’équipe aux services qui peuvent expérimenter le projet.',
      responsibleKind: 'staff',
      responsibleName: 'Équipe du programme',
    },
    {
      lever: 'donnees-outils',
      need: 'deployer',
      action: 'Ouvrir l’accès aux jeux de données publics dont le projet a besoin.',
      responsibleKind: 'administration',
      responsibleName: 'Administrateur ministériel des données',
    },
  ],
  milestones: [
    {
      title: 'Feuille de route partagée',
      description: 'Les objectifs des douze mois, validés avec l’équipe du programme.',
      dueAfterDays: 45,
      weight: 20,
    },
    {
      title: 'Expérimentation lancée',
      description: 'Une première expérimentation avec une administration partenaire, avec ses indicateurs.',
      dueAfterDays: 180,
      weight: 40,
    },
    {
      title: 'Bilan et suites',
      description: 'Ce que l’expérimentation a montré et le plan de déploiement qui suit.',
      dueAfterDays: 330,
      weight: 40,
    },
  ],
};

async function demoTemplate(closed: DemoClosedSeason): Promise<string> {
  const result = await saveTemplate(closed.at('2023-06-28T10:00:00+02:00'), closed.staffActor, {
    seasonId: closed.season.id,
    templateId: null,
    name: 'Accompagnement d’un an',
    content: TEMPLATE,
  });
  if (!result.ok) throw new Error(`demo template refused: ${result.problem}`);
  return result.templateId;
}

/** Three people of administrations, with the legal basis staff keep them under. */
async function demoContacts(closed: DemoClosedSeason): Promise<string[]> {
  const people = [
    {
      organisation: 'Direction interministérielle du numérique',
      siret: '13002526500013',
      service: 'Pôle données',
      personName: 'Hélène Marchetti',
      role: 'Cheffe de projet open data',
      email: 'helene.marchetti@numerique.example.gouv.fr',
      topics: ['open data', 'API'],
      levers: ['donnees-outils'],
    },
    {
      organisation: 'Ministère de l’Éducation nationale',
      siret: null,
      service: 'Direction du numérique pour l’éducation',
      personName: 'Karim Benali',
      role: 'Chargé des partenariats',
      email: 'karim.benali@education.example.gouv.fr',
      topics: ['école', 'équipement'],
      levers: ['experimentations', 'mises-en-relation'],
    },
    {
      organisation: 'Préfecture de la Gironde',
      siret: null,
      service: 'Secrétariat général pour les affaires régionales',
      personName: 'Sophie Lacombe',
      role: 'Cheffe de la mission innovation',
      email: 'sophie.lacombe@gironde.example.gouv.fr',
      topics: ['territoires', 'expérimentation'],
      levers: ['experimentations', 'reseaux'],
    },
  ];
  const ids: string[] = [];
  for (const person of people) {
    const result = await saveContact(
      closed.at('2023-06-20T10:00:00+02:00'),
      closed.staffActor,
      {
        ...person,
        legalBasis: 'Intérêt légitime — mission de service public',
        consentNote: 'Accord donné par courriel le 19 juin 2023 pour être présenté aux lauréats.',
      },
      null,
    );
    if (!result.ok) throw new Error(`demo contact refused: ${result.problem}`);
    ids.push(result.id);
  }
  return ids;
}

/** A one-page PDF standing for a report the team wrote. */
async function demoPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 16, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function planFor(story: Story, stage: PlanInput['status']): Promise<{ planId: string; milestones: string[] }> {
  const { closed, staff, space } = story;
  const at = closed.at('2023-07-03T10:00:00+02:00');
  const created = await createPlan(at, staff, {
    space,
    startsOn: '2023-07-03',
    endsOn: '2024-06-28',
    templateId: story.templateId,
  });
  if (!created.ok) throw new Error(`demo plan refused: ${created.problem}`);
  const fresh = await laureateSpace(at.db, space.application.id);
  const plan = fresh!.plan!;
  if (stage !== 'draft') {
    const input: PlanInput = {
      startsOn: plan.startsOn,
      endsOn: plan.endsOn,
      allocatedMinutes: 12 * 60,
      status: 'active',
      progressPublic: true,
      needs: TEMPLATE.needs,
      actions: TEMPLATE.actions.map((a) => ({ ...a, status: 'in_progress' })),
    };
    const updated = await updatePlan(closed.at('2023-07-04T09:00:00+02:00'), staff, plan.id, plan.version, input);
    if (!updated.ok) throw new Error(`demo plan update refused: ${updated.problem}`);
  }
  const milestones = (await milestonesOfPlan(at.db, plan.id)).map((m) => m.id);
  return { planId: plan.id, milestones };
}

async function finish(story: Story, planId: string): Promise<void> {
  const space = (await laureateSpace(story.closed.services.db, story.space.application.id))!;
  const plan = space.plan!;
  const input: PlanInput = {
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    allocatedMinutes: plan.allocatedMinutes,
    status: 'finished',
    progressPublic: true,
    needs: TEMPLATE.needs,
    actions: TEMPLATE.actions.map((a) => ({ ...a, status: 'done' })),
  };
  const result = await updatePlan(
    story.closed.at('2024-07-01T10:00:00+02:00'),
    story.staff,
    planId,
    plan.version,
    input,
  );
  if (!result.ok) throw new Error(`demo plan close refused: ${result.problem}`);
}

async function deliver(story: Story, milestoneId: string, iso: string, note: string, file?: string): Promise<void> {
  const team = userActor(story.space.application.ownerId);
  const result = await submitDeliverable(story.closed.at(iso), team, {
    applicationId: story.space.application.id,
    milestoneId,
    deliverable: file
      ? { kind: 'file', data: await demoPdf(file), name: `${file}.pdf`, note }
      : { kind: 'link', url: 'https://example.org/projet/feuille-de-route', note },
  });
  if (!result.ok) throw new Error(`demo deliverable refused: ${JSON.stringify(result)}`);
}

async function review(story: Story, milestoneId: string, iso: string, verdict: 'validate' | 'return', comment = '') {
  const result = await reviewMilestone(story.closed.at(iso), story.staff, {
    applicationId: story.space.application.id,
    milestoneId,
    verdict,
    comment,
  });
  if (!result.ok) throw new Error(`demo review refused: ${result.problem}`);
}

async function coaching(story: Story, planId: string, iso: string, topics: string, item?: [string, string]) {
  const result = await createSession(
    story.closed.at(iso),
    story.staff,
    { id: planId, allocatedMinutes: 12 * 60 },
    {
      heldAt: new Date(iso),
      durationMinutes: 90,
      countsHours: true,
      topics,
      notes: 'Points clés notés pendant la séance ; prochaine séance dans un mois.',
      staffNote: '',
      levers: ['coaching'],
      participants: [
        { userId: story.space.application.ownerId, name: 'Porteur du projet', side: 'team' },
        { userId: null, name: 'Coach du programme', side: 'mentor' },
      ],
      items: item ? [{ id: null, text: item[0], ownerName: 'L’équipe', ownerUserId: null, dueOn: item[1] }] : [],
    },
  );
  if (!result.ok) throw new Error(`demo session refused: ${result.reason}`);
}

/** Everything done: three milestones validated, sessions, an introduction that opened data, the plan finished. */
async function carriedThrough(story: Story): Promise<void> {
  const { planId, milestones } = await planFor(story, 'active');
  const [roadmap, experiment, review3] = milestones;
  await coaching(story, planId, '2023-07-12T14:00:00+02:00', 'Priorités des douze mois et indicateurs', [
    'Envoyer la feuille de route révisée',
    '2023-08-10',
  ]);
  await deliver(story, roadmap, '2023-08-09T18:00:00+02:00', 'Feuille de route validée en comité.', 'Feuille de route');
  await review(story, roadmap, '2023-08-11T10:00:00+02:00', 'validate', 'Claire et ambitieuse.');
  const intro = await requestIntroduction(
    story.closed.at('2023-09-04T11:00:00+02:00'),
    userActor(story.space.application.ownerId),
    {
      planId,
      lever: 'donnees-outils',
      request: 'Nous avons besoin d’accéder aux données publiques des établissements pour enrichir notre base.',
    },
  );
  const introduced = await makeIntroduction(story.closed.at('2023-09-06T09:30:00+02:00'), story.staff, {
    applicationId: story.space.application.id,
    planId,
    id: intro.id,
    version: 1,
    contactId: story.contacts[0],
    subject: `Mise en relation : ${story.space.application.title}`,
    body: 'Bonjour,\n\nJe vous présente l’équipe lauréate, qui a besoin des données publiques des établissements. Je vous laisse échanger directement.\n\nL’équipe du programme',
  });
  if (!introduced.ok) throw new Error(`demo introduction refused: ${introduced.problem}`);
  await recordOutcome(story.closed.at('2023-10-02T17:00:00+02:00'), userActor(story.space.application.ownerId), {
    planId,
    id: intro.id,
    outcome: 'data_access',
    occurredOn: '2023-09-28',
    note: 'Accès à l’API obtenu après une réunion avec le pôle données.',
    side: 'team',
  });
  await startMilestone(story.closed.at('2023-10-15T10:00:00+02:00'), story.staff, { planId, milestoneId: experiment });
  await coaching(story, planId, '2023-11-20T14:00:00+01:00', 'Préparer l’expérimentation et ses indicateurs');
  await deliver(story, experiment, '2023-12-20T17:00:00+01:00', 'Compte rendu de l’expérimentation.', 'Compte rendu');
  await review(story, experiment, '2024-01-08T10:00:00+01:00', 'validate');
  await deliver(story, review3, '2024-05-30T17:00:00+02:00', 'Bilan et plan de déploiement.', 'Bilan');
  await review(story, review3, '2024-06-05T10:00:00+02:00', 'validate', 'Merci pour ce bilan très complet.');
  await postSpaceMessage(story.closed.at('2024-06-27T16:00:00+02:00'), userActor(story.space.application.ownerId), {
    space: story.space,
    planId,
    side: 'team',
    body: 'Merci à toute l’équipe pour cette année : le service est maintenant utilisé dans trois académies.',
  });
  await finish(story, planId);
}

/** A deliverable returned then accepted, the last one returned and not redone yet; an introduction declined. */
async function oneToRedo(story: Story): Promise<void> {
  const { planId, milestones } = await planFor(story, 'active');
  const [roadmap, experiment, last] = milestones;
  await deliver(story, roadmap, '2023-08-14T18:00:00+02:00', 'Première version de la feuille de route.');
  await review(story, roadmap, '2023-08-17T10:00:00+02:00', 'return', 'Il manque les indicateurs de réussite.');
  await deliver(story, roadmap, '2023-08-24T18:00:00+02:00', 'Version avec indicateurs.', 'Feuille de route v2');
  await review(story, roadmap, '2023-08-25T10:00:00+02:00', 'validate');
  await coaching(story, planId, '2023-09-14T10:00:00+02:00', 'Gouvernance et bénévoles', [
    'Rédiger la charte des contributeurs',
    '2023-10-15',
  ]);
  const intro = await requestIntroduction(
    story.closed.at('2023-10-03T11:00:00+02:00'),
    userActor(story.space.application.ownerId),
    {
      planId,
      lever: 'experimentations',
      request: 'Nous aimerions tester notre outil dans une préfecture.',
    },
  );
  await declineIntroduction(story.closed.at('2023-10-05T10:00:00+02:00'), story.staff, {
    applicationId: story.space.application.id,
    title: story.space.application.title,
    planId,
    id: intro.id,
    version: 1,
    note: 'Aucune préfecture ne peut accueillir l’expérimentation ce trimestre ; nous reviendrons vers vous en janvier.',
  });
  await deliver(
    story,
    experiment,
    '2024-01-19T17:00:00+01:00',
    'Compte rendu de l’expérimentation.',
    'Expérimentation',
  );
  await review(story, experiment, '2024-01-24T10:00:00+01:00', 'validate');
  await deliver(story, last, '2024-06-20T17:00:00+02:00', 'Bilan provisoire.');
  await review(
    story,
    last,
    '2024-06-26T10:00:00+02:00',
    'return',
    'Le bilan doit chiffrer les usages et dire ce qui sera déployé ensuite.',
  );
}

/** Still running: the roadmap validated, the experiment late, an introduction waiting for staff. */
async function stillRunning(story: Story): Promise<void> {
  const { planId, milestones } = await planFor(story, 'active');
  const [roadmap, experiment] = milestones;
  await deliver(story, roadmap, '2023-08-16T18:00:00+02:00', 'Feuille de route.', 'Feuille de route');
  await review(story, roadmap, '2023-08-18T10:00:00+02:00', 'validate');
  await startMilestone(story.closed.at('2023-11-02T10:00:00+01:00'), story.staff, { planId, milestoneId: experiment });
  await coaching(story, planId, '2023-11-09T14:00:00+01:00', 'Choisir le territoire de l’expérimentation', [
    'Contacter deux collectivités volontaires',
    '2023-12-15',
  ]);
  await requestIntroduction(story.closed.at('2024-01-10T11:00:00+01:00'), userActor(story.space.application.ownerId), {
    planId,
    lever: 'mises-en-relation',
    request: 'Pouvez-vous nous présenter au service numérique du rectorat de Bordeaux ?',
  });
  await postSpaceMessage(story.closed.at('2024-01-10T11:05:00+01:00'), userActor(story.space.application.ownerId), {
    space: story.space,
    planId,
    side: 'team',
    body: 'L’expérimentation prend du retard : la collectivité partenaire a changé d’interlocuteur.',
  });
}

/** The laureate who took a freed place: its plan is still a draft. */
async function justStarted(story: Story): Promise<void> {
  await planFor(story, 'draft');
}
