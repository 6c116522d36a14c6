import { systemActor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import type { RegistrationStatus } from '../tables.js';
import { parseQuestions } from './event-input.js';
import { createEvent } from './save-event.js';

const DAY = 86_400_000;
const demoActor = { ...systemActor, label: 'demo' };

interface DemoEvent {
  title: string;
  description: string;
  kind: 'in_person' | 'online' | 'hybrid';
  place: string;
  accessibility: string;
  onlineLink: string | null;
  /** Days from now, and hours. */
  inDays: number;
  hour: number;
  hours: number;
  capacity: number | null;
  questions: string;
  people: [string, RegistrationStatus][];
  report?: { minutes: string; attendance: number | null };
}

const PEOPLE = [
  'Camille Laurent',
  'Yanis Moreau',
  'Léa Girard',
  'Hugo Bonnet',
  'Inès Faure',
  'Nathan Roux',
  'Chloé Mercier',
];

const EVENTS: DemoEvent[] = [
  {
    title: 'Atelier : documenter un commun numérique',
    description:
      'Un atelier pratique pour les équipes lauréates : écrire une documentation que d’autres administrations peuvent reprendre.\n\n## Au programme\n\n- retours d’expérience de deux lauréats ;\n- travail en petits groupes sur vos propres pages ;\n- relecture croisée.',
    kind: 'in_person',
    place: '20 avenue de Ségur, 75007 Paris',
    accessibility: 'Salle de plain-pied accessible en fauteuil ; boucle magnétique sur demande.',
    onlineLink: null,
    inDays: 12,
    hour: 14,
    hours: 3,
    capacity: 3,
    questions: 'Votre structure\nRégime alimentaire | Aucun | Végétarien | Sans gluten',
    people: [
      [PEOPLE[0], 'registered'],
      [PEOPLE[1], 'registered'],
      [PEOPLE[2], 'registered'],
      [PEOPLE[3], 'waiting'],
      [PEOPLE[4], 'waiting'],
    ],
  },
  {
    title: 'Webinaire : financer son projet d’intérêt général',
    description: 'Une heure pour comprendre les subventions, les appels à projets et les conventions avec l’État.',
    kind: 'online',
    place: '',
    accessibility: 'Sous-titrage en direct.',
    onlineLink: 'https://webinaire.example.invalid/financer',
    inDays: 20,
    hour: 11,
    hours: 1,
    capacity: null,
    questions: '',
    people: [
      [PEOPLE[5], 'registered'],
      [PEOPLE[6], 'registered'],
    ],
  },
  {
    title: 'Rencontre des lauréats et des administrations',
    description:
      'Une demi-journée pour présenter les projets lauréats aux administrations intéressées, sur place ou à distance.',
    kind: 'hybrid',
    place: 'Centre de conférences, 139 rue de Bercy, 75012 Paris',
    accessibility: 'Accès en fauteuil par l’entrée principale ; interprétation en LSF.',
    onlineLink: 'https://visio.example.invalid/rencontre',
    inDays: 35,
    hour: 9,
    hours: 4,
    capacity: 80,
    questions: 'Vous participerez | Sur place | À distance',
    people: [
      [PEOPLE[0], 'registered'],
      [PEOPLE[3], 'registered'],
    ],
  },
  {
    title: 'Lancement de la saison : rencontre de rentrée',
    description: 'La présentation du programme de l’année, de ses leviers d’accompagnement et de son calendrier.',
    kind: 'in_person',
    place: '20 avenue de Ségur, 75007 Paris',
    accessibility: 'Salle accessible en fauteuil.',
    onlineLink: null,
    inDays: -40,
    hour: 18,
    hours: 2,
    capacity: 50,
    questions: '',
    people: [
      [PEOPLE[1], 'registered'],
      [PEOPLE[2], 'registered'],
      [PEOPLE[4], 'registered'],
    ],
    report: {
      minutes:
        '## Ce qui a été présenté\n\nLe calendrier de la saison, les huit leviers d’accompagnement et les critères de sélection.\n\n## Questions posées\n\n- Comment se passe l’accompagnement après la sélection ?\n- Quelles structures peuvent candidater ?',
      attendance: 42,
    },
  },
];

function emailOf(name: string): string {
  return `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')}@example.invalid`;
}

/** The agenda's demo: upcoming events (a full one with a waiting list, an online one, a hybrid one) and a past one with its report. Runs again harmlessly. */
export async function loadAgendaDemo(services: Services): Promise<void> {
  const { db } = services;
  const now = services.clock.now();
  const existing = new Set(
    (
      await db
        .selectFrom('events')
        .select('title')
        .where(
          'title',
          'in',
          EVENTS.map((e) => e.title),
        )
        .execute()
    ).map((r) => r.title),
  );
  for (const demo of EVENTS) {
    if (existing.has(demo.title)) continue;
    const day = new Date(Math.floor((now.getTime() + demo.inDays * DAY) / DAY) * DAY);
    const startsAt = new Date(day.getTime() + (demo.hour - 1) * 3600_000);
    const endsAt = new Date(startsAt.getTime() + demo.hours * 3600_000);
    const created = await createEvent(services, demoActor, {
      title: demo.title,
      description: demo.description,
      kind: demo.kind,
      place: demo.place,
      accessibility: demo.accessibility,
      onlineLink: demo.onlineLink,
      startsAt,
      endsAt,
      capacity: demo.capacity,
      opensAt: null,
      closesAt: null,
      offerHours: 48,
      questionsText: demo.questions,
      laureateIds: [],
      commonsIds: [],
      published: true,
    });
    if (!created.ok) continue;
    const questions = parseQuestions(demo.questions);
    await db
      .updateTable('events')
      .set({ questions: JSON.stringify(questions) })
      .where('id', '=', created.id)
      .execute();
    let i = 0;
    for (const [name, status] of demo.people) {
      i++;
      const at = new Date(Math.min(now.getTime(), startsAt.getTime()) - (30 - i) * 3600_000);
      const answers = Object.fromEntries(
        questions.map((q) => [q.id, q.kind === 'choice' ? q.options[i % q.options.length] : 'Association du quartier']),
      );
      await db
        .insertInto('event_registrations')
        .values({
          event_id: created.id,
          name,
          email: emailOf(name),
          status,
          answers: JSON.stringify(answers),
          waiting_since: status === 'waiting' ? at : null,
          confirmed_at: at,
          attended: demo.report !== undefined && i % 3 !== 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    if (demo.report)
      await db
        .updateTable('events')
        .set({
          report_minutes: demo.report.minutes,
          report_attendance: demo.report.attendance,
          report_published_at: endsAt,
        })
        .where('id', '=', created.id)
        .execute();
  }
}
