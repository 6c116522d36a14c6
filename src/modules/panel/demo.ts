import { createHash } from 'node:crypto';
import type { Services } from '../../core/services.js';
import { demoOpenSeason } from '../applications/index.js';
import { createPanel, saveQuotas, setPanelStatus } from './manage-panel.js';
import { saveShortlist, shortlistChoices, shortlistIds } from './opinions.js';
import { loadPanels, panelPageData, type QuotaRecord } from './queries.js';
import { registerVolunteer } from './register-volunteer.js';
import { requestAnalyses } from './run-analysis.js';

const DAY = 86_400_000;
export const DEMO_PANEL_NAME = 'Panel citoyen de la saison 3';
/** Volunteers' addresses: invented residents, never real ones. */
export const DEMO_VOLUNTEER_DOMAIN = 'citoyens.demo.accelerateur.localhost';
export const DEMO_VOLUNTEERS = 60;

/** Three categories a sortition commonly balances; none of them a special category of data. */
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
  { category: 'territoire', feature: 'rural', label: 'Commune rurale', labelEn: 'Rural municipality', min: 4, max: 7 },
];

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

function volunteer(i: number) {
  const givenName = GIVEN[i % GIVEN.length];
  const familyName = FAMILY[(i * 7) % FAMILY.length];
  const town = TOWNS[(i * 3) % TOWNS.length];
  const local = `${givenName}.${familyName}.${i + 1}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return {
    email: `${local}@${DEMO_VOLUNTEER_DOMAIN}`,
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
    submissionKey: keyOf(`demo-panel-volunteer:${i}`),
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
