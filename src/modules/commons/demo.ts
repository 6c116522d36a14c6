import type { Transaction } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import type { DB } from '../../core/db/schema.js';
import { storeFile } from '../../core/files/store-file.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import { slugify } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import { DEMO_STAFF, findOrCreateUserByEmail, updateProfile } from '../accounts/index.js';
import { demoClosedSeason } from '../applications/index.js';
import type { MilestoneState } from '../support/index.js';
import { laureateSpaces } from '../support/index.js';
import {
  DEMO_ADMINISTRATIONS,
  DEMO_COMMONS,
  DEMO_NEEDS,
  DEMO_PEOPLE,
  DEMO_USE_CASES,
  DINUM_SIRET,
  demoEmail,
} from './experiments/demo-data.js';
import { syncPartnerRole } from './membership.js';
import type { ContactOutcome, ExperimentStatus, Visibility } from './tables.js';
import './tables.js';

const demoActor: Actor = { id: null, label: 'demo' };
const DAY_MS = 86_400_000;

/**
 * The cooperation space in the demo, written straight into the module's tables (experiments/demo-data.ts holds
 * the data): fifteen digital commons (those that are season 2's confirmed laureates linked to their laureate
 * page and maintained by their team), six administrations with their agents, fourteen use cases at every status with
 * referents and contributions, needs and offers on both sides (some closed with what came of them), two
 * contacts with their exchange, and three experiments with people, milestones at every state and a document.
 * Dates are counted from the day it loads. Skipped when DINUM is already an administration of the space or a
 * demo commons' address is taken: running it again changes nothing.
 */
export async function loadCommonsDemo(services: Services): Promise<void> {
  const { db } = services;
  const present = await db
    .selectFrom('commons_administrations')
    .select('id')
    .where('siret', '=', DINUM_SIRET)
    .executeTakeFirst();
  const taken = await db
    .selectFrom('commons')
    .select('id')
    .where(
      'slug',
      'in',
      DEMO_COMMONS.map((c) => slugify(c.name)),
    )
    .executeTakeFirst();
  if (present || taken) return;

  const now = services.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const day = (days: number) => isoDateParis(new Date(now.getTime() + days * DAY_MS));
  const staffId = (await findOrCreateUserByEmail(db, DEMO_STAFF, now, { applicant: false })).user.id;

  // The season-2 laureates the demo may hold: their commons link to them, their team's owner maintains it.
  const laureates = new Map<string, { applicationId: string; ownerId: string }>();
  const closed = await demoClosedSeason(services);
  if (closed)
    for (const space of await laureateSpaces(db, { seasonId: closed.season.id }))
      laureates.set(space.application.title, {
        applicationId: space.application.id,
        ownerId: space.application.ownerId,
      });

  const people = new Map<string, string>();
  for (const c of DEMO_COMMONS) {
    const laureate = c.laureate ? laureates.get(c.laureate) : undefined;
    if (laureate && c.maintainers[0]) people.set(c.maintainers[0], laureate.ownerId);
  }
  for (const [key, person] of Object.entries(DEMO_PEOPLE)) {
    if (people.has(key)) continue;
    const { user, created } = await findOrCreateUserByEmail(db, demoEmail(key), now, { applicant: false });
    if (created) await updateProfile(db, user.id, now, { ...person, locale: 'fr' });
    people.set(key, user.id);
  }
  const who = (key: string) => {
    const id = people.get(key);
    if (!id) throw new Error(`demo person ${key} unknown`);
    return id;
  };
  const pdf = await demoPdf('Convention d’expérimentation — détection des départs de feux');

  const partners = await auditedTransaction(db, demoActor, now, async (trx, audit) => {
    const commons = new Map<string, string>();
    const maintainers = new Map<string, string[]>();
    for (const [i, c] of DEMO_COMMONS.entries()) {
      const laureate = c.laureate ? laureates.get(c.laureate) : undefined;
      const row = await trx
        .insertInto('commons')
        .values({
          slug: slugify(c.name),
          name: c.name,
          summary: c.summary,
          description: c.description,
          website: c.website,
          repository: c.repository,
          licence: c.licence,
          kind: c.kind,
          maturity: c.maturity,
          governance_name: c.governance,
          governance_siret: c.governanceSiret ?? null,
          governance_rna: null,
          categories: c.categories,
          keywords: c.keywords,
          levers: c.levers,
          laureate_application_id: laureate?.applicationId ?? null,
          sill_id: null,
          wikidata_id: c.wikidata ?? null,
          hidden: false,
          hidden_reason: null,
          merged_into: null,
          created_at: ago(400 - i * 7),
          created_by: c.maintainers[0] ? who(c.maintainers[0]) : staffId,
          updated_at: ago(400 - i * 7),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      commons.set(c.key, row.id);
      const ids = c.maintainers.map(who);
      maintainers.set(c.key, ids);
      for (const userId of ids)
        await trx
          .insertInto('commons_maintainers')
          .values({ commons_id: row.id, user_id: userId, added_at: ago(400 - i * 7), added_by: null })
          .execute();
    }

    const administrations = new Map<string, string>();
    const services_ = new Map<string, string>();
    const members = new Map<string, string[]>();
    for (const [i, a] of DEMO_ADMINISTRATIONS.entries()) {
      const row = await trx
        .insertInto('commons_administrations')
        .values({
          slug: slugify(a.name),
          name: a.name,
          siret: a.siret,
          legal_category: a.legalCategory,
          register_check: null,
          active: null,
          website: a.website,
          territory: a.territory,
          description: a.description,
          hidden: false,
          hidden_reason: null,
          merged_into: null,
          created_at: ago(380 - i * 10),
          created_by: a.members[0] ? who(a.members[0].person) : staffId,
          updated_at: ago(380 - i * 10),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      administrations.set(a.key, row.id);
      for (const name of a.services) {
        const service = await trx
          .insertInto('commons_services')
          .values({ administration_id: row.id, name, siret: null, created_at: ago(370 - i * 10) })
          .returning('id')
          .executeTakeFirstOrThrow();
        services_.set(`${a.key}/${name}`, service.id);
      }
      members.set(
        a.key,
        a.members.map((m) => who(m.person)),
      );
      for (const m of a.members)
        await trx
          .insertInto('commons_administration_members')
          .values({
            administration_id: row.id,
            user_id: who(m.person),
            service_id: m.service ? (services_.get(`${a.key}/${m.service}`) ?? null) : null,
            joined_via: m.via,
            joined_at: ago(360 - i * 10),
            invited_by: m.invitedBy ? who(m.invitedBy) : m.via === 'staff' ? staffId : null,
          })
          .execute();
    }
    const commonsId = (key: string) => commons.get(key)!;
    const administrationId = (key: string) => administrations.get(key)!;

    const useCases = new Map<string, string>();
    for (const u of DEMO_USE_CASES) {
      const row = await trx
        .insertInto('commons_use_cases')
        .values({
          administration_id: administrationId(u.administration),
          commons_id: commonsId(u.commons),
          service_id: u.service ? (services_.get(`${u.administration}/${u.service}`) ?? null) : null,
          title: u.title,
          description: u.description,
          status: u.status,
          abandon_reason: u.abandonReason ?? null,
          service_url: u.serviceUrl ?? null,
          audience: u.audience,
          territory: u.territory,
          started_on: u.startedOn ?? day(-u.ageDays - 30),
          ended_on: u.endedOn ?? null,
          visibility: u.visibility,
          hidden: false,
          hidden_reason: null,
          created_at: ago(u.ageDays),
          created_by: who(DEMO_ADMINISTRATIONS.find((a) => a.key === u.administration)!.members[0]!.person),
          updated_at: ago(u.ageDays),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      useCases.set(u.key, row.id);
      for (const r of u.referents)
        await trx
          .insertInto('commons_referents')
          .values({
            use_case_id: row.id,
            user_id: who(r.person),
            is_expert: r.expert,
            commitment_version: 1,
            accepted_at: ago(u.ageDays),
          })
          .execute();
      for (const c of u.contributions)
        await trx
          .insertInto('commons_contributions')
          .values({
            use_case_id: row.id,
            kind: c.kind,
            description: c.description,
            amount_cents: c.amountCents ?? null,
            occurred_on: c.occurredOn ?? null,
            created_at: ago(u.ageDays),
          })
          .execute();
    }

    const needs = new Map<string, string>();
    for (const n of DEMO_NEEDS) {
      const row = await trx
        .insertInto('commons_needs')
        .values({
          side: n.side,
          kind: n.kind,
          administration_id: n.side === 'administration' ? administrationId(n.owner) : null,
          commons_id: n.side === 'commons' ? commonsId(n.owner) : null,
          category: n.category,
          title: n.title,
          description: n.description,
          context: n.context,
          territory: n.territory,
          lever: n.lever,
          deadline: n.deadlineDays === undefined ? null : day(n.deadlineDays),
          visibility: n.visibility,
          closed_at: n.closed ? ago(n.closed.daysAgo) : null,
          outcome: n.closed?.outcome ?? null,
          outcome_note: n.closed?.note ?? null,
          hidden: false,
          hidden_reason: null,
          created_at: ago(n.ageDays),
          created_by: n.author ? who(n.author) : null,
          updated_at: n.closed ? ago(n.closed.daysAgo) : ago(n.ageDays),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      needs.set(n.key, row.id);
    }

    await demoContacts(trx, { commonsId, administrationId, needId: (k) => needs.get(k)!, who, ago });
    const experiments = await demoExperiments(trx, services, {
      commonsId,
      administrationId,
      who,
      ago,
      day,
      staffId,
      pdf,
    });

    await audit({
      action: 'commons.demo-loaded',
      subjectType: 'commons',
      summary: {
        commons: commons.size,
        administrations: administrations.size,
        useCases: useCases.size,
        needs: needs.size,
        experiments,
      },
    });
    return [...new Set([...[...members.values()].flat(), ...[...maintainers.values()].flat()])];
  });
  // Members and maintainers are partners of the space: the role follows their memberships.
  for (const userId of partners) await syncPartnerRole(services, demoActor, userId);
}

interface Refs {
  commonsId(key: string): string;
  administrationId(key: string): string;
  who(key: string): string;
  ago(days: number): Date;
}

/** Two contacts through the platform, each with its exchange: one followed up (they met), one answered. */
async function demoContacts(trx: Transaction<DB>, refs: Refs & { needId(key: string): string }): Promise<void> {
  const contacts: {
    target: 'commons_referents' | 'need_authors';
    commons?: string;
    need?: string;
    sender: string;
    senderAdministration: string;
    recipients: string[];
    subject: string;
    daysAgo: number;
    messages: { author: string; body: string; daysAgo: number }[];
    outcome?: { outcome: ContactOutcome; note: string; daysAgo: number };
  }[] = [
    {
      target: 'commons_referents',
      commons: 'umap',
      sender: 'nicolas',
      senderAdministration: 'anct',
      recipients: ['yann'],
      subject: 'Publier la carte des France services avec uMap',
      daysAgo: 45,
      messages: [
        {
          author: 'nicolas',
          body: 'Bonjour, nous voudrions publier la carte des France services sur uMap comme vous l’avez fait pour les pistes cyclables. Comment avez-vous organisé la mise à jour des données ?',
          daysAgo: 45,
        },
        {
          author: 'yann',
          body: 'Bonjour, nous exportons chaque semaine un fichier depuis notre base et uMap le relit à partir d’une adresse fixe. Je vous propose d’en parler vingt minutes la semaine prochaine.',
          daysAgo: 43,
        },
      ],
      outcome: { outcome: 'met', note: 'Réunion tenue ; l’agence reprend le même montage.', daysAgo: 30 },
    },
    {
      target: 'need_authors',
      need: 'off-menus',
      sender: 'yann',
      senderAdministration: 'bretagne',
      recipients: ['ines'],
      subject: 'Fiches techniques des menus des lycées',
      daysAgo: 9,
      messages: [
        {
          author: 'yann',
          body: 'Bonjour, la région pourrait partager les fiches techniques des menus de quelques lycées pilotes. Quel format vous serait utile ?',
          daysAgo: 9,
        },
        {
          author: 'ines',
          body: 'Merci ! Un tableur avec les ingrédients et leurs quantités par portion suffit pour commencer ; nous pouvons vous envoyer un modèle.',
          daysAgo: 7,
        },
      ],
    },
  ];
  for (const c of contacts) {
    const created = refs.ago(c.daysAgo);
    const answered = c.messages.find((msg) => msg.author !== c.sender);
    const row = await trx
      .insertInto('commons_contacts')
      .values({
        target: c.target,
        commons_id: c.commons ? refs.commonsId(c.commons) : null,
        need_id: c.need ? refs.needId(c.need) : null,
        sender_id: refs.who(c.sender),
        sender_administration_id: refs.administrationId(c.senderAdministration),
        subject: c.subject,
        created_at: created,
        answered_at: answered ? refs.ago(answered.daysAgo) : null,
        follow_up_at: new Date(created.getTime() + 14 * DAY_MS),
        followed_up_at: c.outcome ? refs.ago(c.outcome.daysAgo) : null,
        outcome: c.outcome?.outcome ?? null,
        outcome_note: c.outcome?.note ?? null,
        outcome_at: c.outcome ? refs.ago(c.outcome.daysAgo) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('commons_contact_recipients')
      .values(c.recipients.map((r) => ({ contact_id: row.id, user_id: refs.who(r) })))
      .execute();
    for (const msg of c.messages)
      await trx
        .insertInto('commons_contact_messages')
        .values({
          contact_id: row.id,
          author_id: refs.who(msg.author),
          body: msg.body,
          created_at: refs.ago(msg.daysAgo),
        })
        .execute();
  }
}

interface DemoExperiment {
  commons: string;
  administrations: string[];
  creator: string;
  title: string;
  goal: string;
  territory: string;
  startsDays: number;
  endsDays: number;
  status: ExperimentStatus;
  outcome: string | null;
  visibility: Visibility;
  people: { person?: string; name: string; role: string }[];
  milestones: { title: string; description: string; dueDays: number; state: MilestoneState; comment?: string }[];
  document?: { title: string; fileName: string };
}

const EXPERIMENTS: DemoExperiment[] = [
  {
    commons: 'pyronear',
    administrations: ['sdis07', 'dinum'],
    creator: 'aurelie',
    title: 'Détection des départs de feux par caméras en Ardèche',
    goal: 'Vérifier sur une saison complète que des détecteurs Pyronear posés sur trois points hauts donnent l’alerte plus tôt que les guetteurs, sans submerger les opérateurs de fausses alertes.\n\nL’expérimentation mesure le délai entre la première fumée visible et l’alerte, le nombre de fausses alertes par jour, et ce qu’en pensent les opérateurs du centre de traitement de l’alerte.',
    territory: 'D07',
    startsDays: -240,
    endsDays: 190,
    status: 'running',
    outcome: null,
    visibility: 'public',
    people: [
      { person: 'aurelie', name: 'Aurélie Fontaine', role: 'Cheffe de projet au SDIS' },
      { person: 'mathis', name: 'Mathis Leclerc', role: 'Ingénieur de l’association Pyronear' },
      { name: 'Hugo Martin', role: 'Officier au centre de traitement de l’alerte (sans compte)' },
    ],
    milestones: [
      {
        title: 'Trois détecteurs installés sur des points hauts',
        description: 'Pose, raccordement électrique et premières images reçues au centre.',
        dueDays: -200,
        state: 'validated',
        comment: 'Installation conforme, photos des sites reçues.',
      },
      {
        title: 'Protocole d’alerte avec le centre de traitement',
        description: 'Qui reçoit l’alerte, comment on la confirme, que fait-on d’une fausse alerte.',
        dueDays: -170,
        state: 'validated',
      },
      {
        title: 'Convention de partage des images',
        description: 'Durée de conservation, accès, réutilisation pour entraîner le modèle.',
        dueDays: -120,
        state: 'returned',
        comment: 'Précisez la durée de conservation des images et qui peut y accéder.',
      },
      {
        title: 'Bilan de mi-parcours de la saison des feux',
        description: 'Délais d’alerte mesurés et fausses alertes, comparés aux guetteurs.',
        dueDays: -20,
        state: 'submitted',
      },
      {
        title: 'Ouverture des images annotées',
        description: 'Publication du jeu d’images annotées sous licence ouverte.',
        dueDays: 60,
        state: 'in_progress',
      },
      {
        title: 'Bilan final et suites',
        description: 'Ce que la saison a montré et la décision d’étendre ou non à d’autres massifs.',
        dueDays: 180,
        state: 'upcoming',
      },
    ],
    document: { title: 'Convention d’expérimentation signée', fileName: 'convention-experimentation.pdf' },
  },
  {
    commons: 'primtux',
    administrations: ['dne', 'valdesaone'],
    creator: 'thomas',
    title: 'Primtux dans les écoles du Val de Saône',
    goal: 'Équiper six écoles de l’intercommunalité avec Primtux sur leurs ordinateurs existants pendant une année scolaire, et mesurer si les enseignants l’adoptent en classe.\n\nLes parties comparent le coût avec un renouvellement des postes et notent ce qui manque aux enseignants.',
    territory: 'D21',
    startsDays: -120,
    endsDays: 245,
    status: 'running',
    outcome: null,
    visibility: 'public',
    people: [
      { person: 'thomas', name: 'Thomas Lefèvre', role: 'Chef de projet à la direction du numérique pour l’éducation' },
      { person: 'marion', name: 'Marion Girard', role: 'Chargée de mission numérique de l’intercommunalité' },
      { person: 'olivier', name: 'Olivier Renard', role: 'Président de l’association Primtux' },
      { name: 'Claire Besson', role: 'Directrice d’école, référente pédagogique (sans compte)' },
    ],
    milestones: [
      {
        title: 'Inventaire des ordinateurs des écoles',
        description: 'Âge, état et usage de chaque poste.',
        dueDays: -90,
        state: 'validated',
      },
      {
        title: 'Installation dans deux écoles pilotes',
        description: 'Installation, réseau, impression ; une demi-journée de prise en main.',
        dueDays: -10,
        state: 'in_progress',
      },
      {
        title: 'Formation des enseignants',
        description: 'Deux sessions par circonscription.',
        dueDays: 40,
        state: 'upcoming',
      },
      {
        title: 'Retours des enseignants après un trimestre',
        description: 'Questionnaire et entretiens.',
        dueDays: 130,
        state: 'upcoming',
      },
      {
        title: 'Bilan et décision d’extension',
        description: 'Coûts comparés, satisfaction, conditions d’une extension.',
        dueDays: 240,
        state: 'upcoming',
      },
    ],
  },
  {
    commons: 'bbb',
    administrations: ['valdesaone'],
    creator: 'marion',
    title: 'Conseils communautaires en visioconférence',
    goal: 'Permettre aux élus de suivre les conseils communautaires à distance avec une instance BigBlueButton de l’intercommunalité.',
    territory: 'D21',
    startsDays: -600,
    endsDays: -420,
    status: 'stopped',
    outcome:
      'Arrêtée après trois conseils : la connexion de plusieurs mairies ne suffisait pas et personne ne pouvait exploiter le serveur. Les réunions passent par une instance Jitsi mutualisée ; le retour d’expérience a été partagé avec la communauté.',
    visibility: 'members',
    people: [{ person: 'marion', name: 'Marion Girard', role: 'Cheffe de projet' }],
    milestones: [
      { title: 'Serveur de test installé', description: '', dueDays: -560, state: 'validated' },
      { title: 'Trois conseils tenus en visioconférence', description: '', dueDays: -480, state: 'validated' },
      { title: 'Généralisation à toutes les réunions', description: '', dueDays: -420, state: 'upcoming' },
    ],
  },
];

/** The demo's experiments; returns how many were written. */
async function demoExperiments(
  trx: Transaction<DB>,
  services: Services,
  refs: Refs & { day(days: number): string; staffId: string; pdf: Buffer },
): Promise<number> {
  for (const [i, x] of EXPERIMENTS.entries()) {
    const created = refs.ago(-x.startsDays + 20);
    const row = await trx
      .insertInto('commons_experiments')
      .values({
        commons_id: refs.commonsId(x.commons),
        title: x.title,
        goal: x.goal,
        territory: x.territory,
        starts_on: refs.day(x.startsDays),
        ends_on: refs.day(x.endsDays),
        status: x.status,
        outcome: x.outcome,
        visibility: x.visibility,
        created_at: created,
        created_by: refs.who(x.creator),
        updated_at: refs.ago(5 + i),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('commons_experiment_administrations')
      .values(x.administrations.map((a) => ({ experiment_id: row.id, administration_id: refs.administrationId(a) })))
      .execute();
    for (const p of x.people)
      await trx
        .insertInto('commons_experiment_people')
        .values({ experiment_id: row.id, user_id: p.person ? refs.who(p.person) : null, name: p.name, role: p.role })
        .execute();
    for (const [position, m] of x.milestones.entries())
      await trx
        .insertInto('commons_experiment_milestones')
        .values({
          experiment_id: row.id,
          title: m.title,
          description: m.description,
          due_on: refs.day(m.dueDays),
          state: m.state,
          comment: m.comment ?? null,
          position: position + 1,
          updated_at: refs.ago(Math.max(1, -m.dueDays)),
        })
        .execute();
    if (x.document) {
      const file = await storeFile(trx, services.config.filesDir, {
        data: refs.pdf,
        originalName: x.document.fileName,
        ownerId: refs.who(x.creator),
        contentType: 'application/pdf',
        purpose: 'cooperation',
      });
      await trx
        .insertInto('commons_experiment_documents')
        .values({
          experiment_id: row.id,
          file_id: file.id,
          title: x.document.title,
          added_by: refs.who(x.creator),
          added_at: refs.ago(-x.startsDays - 10),
        })
        .execute();
    }
  }
  return EXPERIMENTS.length;
}

/** A one-page PDF standing for a document the parties wrote. */
async function demoPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // Helvetica's WinAnsi encoding has no typographic apostrophe.
  doc.addPage([595, 842]).drawText(title.replace(/’/g, "'").replace(/—/g, '-'), { x: 60, y: 760, size: 14, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
