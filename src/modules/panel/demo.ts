import { createHash } from 'node:crypto';
import type { Services } from '../../core/services.js';
import { userActor } from '../accounts/index.js';
import { type DemoClosedSeason, demoClosedSeason, demoOpenSeason } from '../applications/index.js';
import { prepareCommitmentJob, recordDraw, requestCommitment } from './draw-panel.js';
import { INVITATION_MAIL } from './mails.js';
import { createPanel, saveQuotas, setPanelStatus } from './manage-panel.js';
import {
  opinionsOf,
  saveOpinion,
  saveShortlist,
  shortlistChoices,
  shortlistIds,
  shortlistWithLabels,
} from './opinions.js';
import { loadPanel, loadPanels, panelPageData, type QuotaRecord } from './queries.js';
import { registerVolunteer } from './register-volunteer.js';
import { respondInvitation } from './respond-invitation.js';
import { requestAnalyses } from './run-analysis.js';

const DAY = 86_400_000;
export const DEMO_PANEL_NAME = 'Panel citoyen de la saison 3';
/** Volunteers' addresses: invented residents, never real ones. */
export const DEMO_VOLUNTEER_DOMAIN = 'citoyens.demo.accelerateur.localhost';
export const DEMO_VOLUNTEERS = 60;

/** Three categories a sortition commonly balances; none of them a special category of data. */
const QUESTIONS = {
  genre: { categoryLabel: 'Vous êtes', categoryLabelEn: 'You are' },
  age: { categoryLabel: 'Votre tranche d’âge', categoryLabelEn: 'Your age group' },
  territoire: { categoryLabel: 'Votre commune de résidence', categoryLabelEn: 'The municipality you live in' },
} as const;

const QUOTAS: QuotaRecord[] = [
  { category: 'genre', feature: 'femme', label: 'Femme', labelEn: 'Woman', min: 7, max: 8 },
  { category: 'genre', feature: 'homme', label: 'Homme', labelEn: 'Man', min: 7, max: 8 },
  { category: 'age', feature: '18-34', label: '18 à 34 ans', labelEn: '18 to 34', min: 4, max: 6 },
  { category: 'age', feature: '35-59', label: '35 à 59 ans', labelEn: '35 to 59', min: 5, max: 7 },
  { category: 'age', feature: '60-plus', label: '60 ans et plus', labelEn: '60 and over', min: 3, max: 5 },
  {
    category: 'territoire',
    feature: 'urbain',
    label: 'Commune urbaine',
    labelEn: 'Urban municipality',
    min: 8,
    max: 11,
  },
  {
    category: 'territoire',
    feature: 'rural',
    label: 'Commune rurale',
    labelEn: 'Rural municipality',
    min: 4,
    max: 7,
  },
].map((q) => ({ ...q, ...QUESTIONS[q.category as keyof typeof QUESTIONS] }));

const GIVEN = [
  'Alice',
  'Bruno',
  'Céline',
  'Damien',
  'Élodie',
  'Fabien',
  'Gaëlle',
  'Henri',
  'Isabelle',
  'Jérôme',
  'Karine',
  'Louis',
  'Maëlle',
  'Nicolas',
  'Océane',
  'Pierre',
  'Rachida',
  'Samuel',
  'Tiphaine',
  'Ulysse',
];
const FAMILY = [
  'Arnaud',
  'Besson',
  'Charpentier',
  'Dumas',
  'Étienne',
  'Fleury',
  'Guillot',
  'Hamon',
  'Jacquet',
  'Klein',
  'Laurent',
  'Mallet',
  'Noël',
  'Olivier',
  'Pasquier',
  'Rey',
  'Schmitt',
  'Tessier',
  'Vidal',
  'Weber',
];
const TOWNS = ['Lyon', 'Rennes', 'Millau', 'Guéret', 'Lille', 'Annecy', 'Aurillac', 'Nantes', 'Dieppe', 'Bourges'];
const RURAL_TOWNS = new Set(['Millau', 'Guéret', 'Aurillac', 'Dieppe']);

/** A UUID fixed by the text: the volunteer form's one-time key, so a reload replays rather than duplicates. */
function keyOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function volunteer(i: number, domain = DEMO_VOLUNTEER_DOMAIN) {
  const givenName = GIVEN[i % GIVEN.length];
  const familyName = FAMILY[(i * 7) % FAMILY.length];
  const town = TOWNS[(i * 3) % TOWNS.length];
  const local = `${givenName}.${familyName}.${i + 1}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return {
    email: `${local}@${domain}`,
    givenName,
    familyName,
    phone: `06 00 00 ${String(10 + (i % 90)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')}`,
    address: `${1 + i} rue des Tilleuls, ${town}`,
    availability: i % 3 === 0 ? 'Disponible le samedi.' : i % 3 === 1 ? 'Disponible en soirée.' : '',
    answers: {
      // Women slightly over-represented among volunteers, older people less: what quotas then correct.
      genre: i % 9 < 5 ? 'femme' : 'homme',
      age: i % 5 < 2 ? '18-34' : i % 5 < 4 ? '35-59' : '60-plus',
      territoire: RURAL_TOWNS.has(town) ? 'rural' : 'urbain',
    },
    submissionKey: keyOf(`demo-panel-volunteer:${domain}:${i}`),
  };
}

/**
 * The demo's citizen panel for the open season: fifteen seats, quotas on three categories, sixty
 * volunteers who answered the public form, the eligible applications shortlisted for it, and an
 * analysis of selection probabilities requested (the job computes it; the worker runs it at start).
 * No draw yet. Every step goes through the panel's use cases and is skipped when done.
 */
export async function loadPanelDemo(services: Services): Promise<void> {
  const { db } = services;
  const demo = await demoOpenSeason(services);
  if (!demo) return;
  const { season, staffActor: actor } = demo;
  const now = services.clock.now();

  let panel = (await loadPanels(db)).find((p) => p.seasonId === season.id && p.name === DEMO_PANEL_NAME);
  if (!panel) {
    const id = await createPanel(services, actor, {
      seasonId: season.id,
      name: DEMO_PANEL_NAME,
      nameEn: 'Season 3 citizen panel',
      size: 15,
      recruitUntil: new Date(now.getTime() + 10 * DAY),
      endsAt: new Date(now.getTime() + 50 * DAY),
      retentionDays: 90,
      onePerHousehold: true,
      criteria: [
        { code: 'interet-general', label: 'Objectif d’intérêt général', labelEn: 'General-interest objective' },
        { code: 'impact', label: 'Impact pour toutes et tous', labelEn: 'Impact for all' },
      ],
      opinionWeight: 30,
    });
    await saveQuotas(services, actor, id, QUOTAS);
    await setPanelStatus(services, actor, id, 'recruiting');
    panel = (await loadPanels(db, id))[0];
  }
  if (!panel) return;

  if (panel.volunteers < DEMO_VOLUNTEERS) {
    for (let i = 0; i < DEMO_VOLUNTEERS; i++) {
      const v = volunteer(i);
      // Each volunteer from their own connection, as residents filling the form at home would be.
      await registerVolunteer(services, { id: null, label: 'demo' }, panel, v, `demo-volunteer-${i}`, 'fr');
    }
  }

  if ((await shortlistIds(db, panel.id)).length === 0) {
    const choices = await shortlistChoices(db, panel);
    if (choices.length > 0)
      await saveShortlist(
        services,
        actor,
        panel,
        choices.map((c) => c.id),
      );
  }

  if ((await panelPageData(db, panel.id)).analyses.length === 0) await requestAnalyses(services, actor, panel.id);
}

export const DEMO_CLOSED_PANEL_NAME = 'Panel citoyen de la saison 2';
/** The closed season's volunteers: other invented residents than the open season's. */
const CLOSED_VOLUNTEER_DOMAIN = `saison-2.${DEMO_VOLUNTEER_DOMAIN}`;
const CLOSED_VOLUNTEERS = 45;
/** How the citizens of 2023 saw each application (1–5 around this), which is not quite the jury's view. */
const CITIZENS_VIEW: Record<string, number> = {
  'Open Food Facts': 4.3,
  Pyronear: 4.5,
  uMap: 3.4,
  'Délibérations ouvertes': 3.0,
  Primtux: 4.4,
  'Vélos partagés en milieu rural': 4.2,
  'Annuaire ouvert des tiers-lieux': 2.9,
  'Jardins nourriciers partagés': 3.8,
  'Grainothèques de quartier': 3.6,
};

/**
 * The closed season's panel, replayed on its 2023 dates: fifteen seats under the same quotas, forty-five
 * volunteers, the eligible applications shortlisted, the commitment and the public draw, thirteen of the
 * fifteen drawn accept, and each gives an opinion on every shortlisted application. Every step goes through
 * the panel's use cases and is skipped when done.
 */
export async function loadClosedSeasonPanelDemo(services: Services): Promise<void> {
  const closed = await demoClosedSeason(services);
  if (!closed) return;
  const { season, staffActor: actor } = closed;
  const setUp = closed.at('2023-05-03T10:00:00+02:00');
  const { db } = services;
  let panel = (await loadPanels(db)).find((p) => p.seasonId === season.id && p.name === DEMO_CLOSED_PANEL_NAME);
  if (!panel) {
    const id = await createPanel(setUp, actor, {
      seasonId: season.id,
      name: DEMO_CLOSED_PANEL_NAME,
      nameEn: 'Season 2 citizen panel',
      size: 15,
      recruitUntil: new Date('2023-05-15T23:59:59+02:00'),
      endsAt: new Date('2023-06-09T23:59:59+02:00'),
      retentionDays: 90,
      onePerHousehold: true,
      criteria: [
        { code: 'interet-general', label: 'Objectif d’intérêt général', labelEn: 'General-interest objective' },
        { code: 'impact', label: 'Impact pour toutes et tous', labelEn: 'Impact for all' },
      ],
      opinionWeight: 30,
    });
    await saveQuotas(setUp, actor, id, QUOTAS);
    await setPanelStatus(setUp, actor, id, 'recruiting');
    panel = (await loadPanels(db, id))[0];
  }
  if (!panel) return;
  if (panel.volunteers < CLOSED_VOLUNTEERS) {
    const registering = closed.at('2023-05-06T18:00:00+02:00');
    for (let i = 0; i < CLOSED_VOLUNTEERS; i++)
      await registerVolunteer(
        registering,
        { id: null, label: 'demo' },
        panel,
        volunteer(i, CLOSED_VOLUNTEER_DOMAIN),
        `demo-volunteer-s2-${i}`,
        'fr',
      );
  }
  const drawing = closed.at('2023-05-16T10:00:00+02:00');
  if ((await shortlistIds(db, panel.id)).length === 0) {
    const choices = await shortlistChoices(db, panel);
    await saveShortlist(
      drawing,
      actor,
      panel,
      choices.map((c) => c.id),
    );
  }
  await drawClosedSeasonPanel(closed, panel.id);
  await giveClosedSeasonOpinions(closed, panel.id);
}

async function drawClosedSeasonPanel(closed: DemoClosedSeason, panelId: string): Promise<void> {
  const drawing = closed.at('2023-05-16T10:00:00+02:00');
  const { db } = drawing;
  await setPanelStatus(drawing, closed.staffActor, panelId, 'closed');
  await requestCommitment(drawing, closed.staffActor, panelId);
  const draw = await db
    .selectFrom('panel_draws')
    .select(['id', 'state'])
    .where('panel_id', '=', panelId)
    .where('kind', '=', 'initial')
    .executeTakeFirst();
  if (!draw) return;
  // The job the worker would run: the commitment is computed here, so the demo's draw follows at once.
  if (draw.state === 'preparing')
    await prepareCommitmentJob(drawing)({ panelId, drawId: draw.id }, { id: 'demo', attempts: 1 });
  await recordDraw(
    closed.at('2023-05-17T11:00:00+02:00'),
    closed.staffActor,
    panelId,
    '07 19 23 38 44 — étoiles 03 11 (tirage EuroMillions du 16 mai 2023)',
    'Mme Hélène Duval et M. Karim Saïdi, agents de la DITP',
  );
  const answering = closed.at('2023-05-18T20:00:00+02:00');
  const invitations = await db
    .selectFrom('mails')
    .select(['to_address', 'text_body'])
    .where('template', '=', INVITATION_MAIL)
    .where('to_address', 'like', `%@${CLOSED_VOLUNTEER_DOMAIN}`)
    .orderBy('to_address')
    .execute();
  for (const [n, mail] of invitations.entries()) {
    const token = /jeton=([^\s&]+)/.exec(mail.text_body)?.[1];
    // Two of the fifteen decline; the panel works with thirteen.
    if (token) await respondInvitation(answering, token, n % 8 !== 3);
  }
}

async function giveClosedSeasonOpinions(closed: DemoClosedSeason, panelId: string): Promise<void> {
  const giving = closed.at('2023-05-30T19:00:00+02:00');
  const panel = await loadPanel(giving.db, panelId);
  if (!panel) return;
  const shortlist = await shortlistWithLabels(giving.db, panelId);
  const members = await giving.db
    .selectFrom('panel_members')
    .select(['id', 'user_id'])
    .where('panel_id', '=', panelId)
    .where('status', '=', 'accepted')
    .orderBy('id')
    .execute();
  for (const member of members) {
    if (!member.user_id) continue;
    const given = await opinionsOf(giving.db, member.id);
    for (const application of shortlist) {
      if (given.has(application.id)) continue;
      const view = CITIZENS_VIEW[application.title] ?? 3;
      const score = (code: string) =>
        Math.max(1, Math.min(5, Math.round(view + (unitOf(`${member.id}:${application.id}:${code}`) - 0.5) * 2)));
      await saveOpinion(giving, userActor(member.user_id), {
        panel,
        memberId: member.id,
        applicationId: application.id,
        scores: { 'interet-general': score('interet-general'), impact: score('impact') },
        comment: '',
      });
    }
  }
}

function unitOf(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}
