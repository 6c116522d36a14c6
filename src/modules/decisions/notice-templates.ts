import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../core/db/schema.js';
import type { Locale } from '../../core/i18n/i18n.js';
import './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The notices a decision sends: one per outcome, and `offer` for a place freed from the waiting list. */
export const NOTICE_KINDS = ['laureate', 'waiting_list', 'not_selected', 'offer'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}

/** The kinds that give a place to confirm before a deadline. */
export function offersAPlace(kind: string): boolean {
  return kind === 'laureate' || kind === 'offer';
}

/**
 * The placeholders a template may use. `{date_limite}` is filled in when the notice is sent (the deadline
 * runs from then); the others when the draft is prepared.
 */
export const PLACEHOLDERS = ['projet', 'saison', 'motifs', 'montant', 'date_limite', 'lien', 'rang'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface NoticeTemplate {
  subject: string;
  body: string;
}

/** The templates a season starts with (staff may rewrite any of them, per season). */
export const DEFAULT_TEMPLATES: Record<NoticeKind, Record<Locale, NoticeTemplate>> = {
  laureate: {
    fr: {
      subject: 'Votre projet « {projet} » est lauréat ({saison})',
      body: `Bonjour,

Le comité de sélection de l’Accélérateur d’initiatives citoyennes a le plaisir de vous annoncer que votre projet « {projet} » fait partie des lauréats ({saison}).

Montant du soutien financier envisagé : {montant}.

Merci de confirmer votre participation dans votre espace avant le {date_limite} : {lien}
Sans réponse de votre part à cette date, la place sera proposée au projet suivant de la liste d’attente.

Toute l’équipe vous félicite et se réjouit de vous accompagner.`,
    },
    en: {
      subject: 'Your project “{projet}” is a laureate ({saison})',
      body: `Hello,

The selection committee of the Citizen initiatives accelerator is pleased to announce that your project “{projet}” is among the laureates ({saison}).

Financial support considered: {montant}.

Please confirm your participation in your space before {date_limite}: {lien}
Without an answer by then, the place will be offered to the next project on the waiting list.

The whole team congratulates you and looks forward to supporting you.`,
    },
  },
  waiting_list: {
    fr: {
      subject: 'Votre projet « {projet} » est en liste d’attente ({saison})',
      body: `Bonjour,

Le comité de sélection a examiné votre projet « {projet} » ({saison}). Il n’a pas été retenu parmi les lauréats à ce stade, mais il est inscrit sur la liste d’attente, au rang {rang}.

Si une place se libère, elle vous sera proposée par un nouveau message et vous aurez alors un délai pour la confirmer.

Vous pouvez suivre votre candidature dans votre espace : {lien}`,
    },
    en: {
      subject: 'Your project “{projet}” is on the waiting list ({saison})',
      body: `Hello,

The selection committee examined your project “{projet}” ({saison}). It was not selected among the laureates at this stage, but it is on the waiting list, in position {rang}.

If a place becomes free, it will be offered to you in a new message, with a time limit to confirm it.

You can follow your application in your space: {lien}`,
    },
  },
  not_selected: {
    fr: {
      subject: 'Décision sur votre projet « {projet} » ({saison})',
      body: `Bonjour,

Le comité de sélection a examiné avec attention votre projet « {projet} » ({saison}). Nous avons le regret de vous informer qu’il n’a pas été retenu.

Motifs de la décision :
{motifs}

Nous vous remercions de l’intérêt que vous portez au programme et vous encourageons à candidater de nouveau lors d’une prochaine saison.

Votre candidature reste consultable dans votre espace : {lien}`,
    },
    en: {
      subject: 'Decision on your project “{projet}” ({saison})',
      body: `Hello,

The selection committee carefully examined your project “{projet}” ({saison}). We regret to inform you that it was not selected.

Reasons for the decision:
{motifs}

Thank you for your interest in the programme; we encourage you to apply again in a coming season.

Your application remains available in your space: {lien}`,
    },
  },
  offer: {
    fr: {
      subject: 'Une place de lauréat vous est proposée : « {projet} » ({saison})',
      body: `Bonjour,

Une place de lauréat s’est libérée. Votre projet « {projet} », inscrit sur la liste d’attente, en devient lauréat ({saison}).

Montant du soutien financier envisagé : {montant}.

Merci de confirmer votre participation dans votre espace avant le {date_limite} : {lien}
Sans réponse de votre part à cette date, la place sera proposée au projet suivant.`,
    },
    en: {
      subject: 'A laureate’s place is offered to you: “{projet}” ({saison})',
      body: `Hello,

A laureate’s place has become free. Your project “{projet}”, on the waiting list, becomes a laureate ({saison}).

Financial support considered: {montant}.

Please confirm your participation in your space before {date_limite}: {lien}
Without an answer by then, the place will be offered to the next project.`,
    },
  },
};

/**
 * The routes and time limits of appeal every refusal states. It is added by the code, after the text staff
 * wrote, so that no template or hand edit can leave it out: the two months of the contentious appeal only
 * run against the applicant if the notice states them (code de justice administrative, R. 421-1 and R. 421-5).
 */
export const APPEAL_TEXT: Record<Locale, { title: string; body: string }> = {
  fr: {
    title: 'Voies et délais de recours',
    body: `Si vous entendez contester cette décision, vous pouvez, dans un délai de deux mois à compter de sa notification :
– former un recours gracieux auprès de l’équipe du programme, par un message dans votre espace de candidature ou par courrier, en exposant les raisons pour lesquelles la décision devrait être réexaminée ;
– former un recours contentieux devant le tribunal administratif compétent (articles R. 421-1 et R. 421-5 du code de justice administrative). Le tribunal peut être saisi par l’application « Télérecours citoyens » accessible sur le site www.telerecours.fr.
Un recours gracieux formé dans ce délai de deux mois interrompt le délai du recours contentieux (article L. 411-2 du code des relations entre le public et l’administration), qui court de nouveau à compter de la réponse de l’administration. L’absence de réponse pendant deux mois vaut rejet du recours gracieux (article L. 231-4 du même code) ; le délai de deux mois pour saisir le tribunal court alors à compter de ce rejet.`,
  },
  en: {
    title: 'Routes and time limits of appeal',
    body: `If you wish to challenge this decision, you may, within two months of its notification:
– lodge an administrative appeal (recours gracieux) with the programme team, by a message in your application space or by post, stating why the decision should be reconsidered;
– bring a contentious appeal (recours contentieux) before the competent administrative court (tribunal administratif) (articles R. 421-1 and R. 421-5 of the French Code of Administrative Justice). The court can be seized online through the “Télérecours citoyens” application at www.telerecours.fr.
An administrative appeal lodged within these two months interrupts the time limit of the contentious appeal (article L. 411-2 of the Code of relations between the public and the administration), which runs again from the administration’s answer. No answer within two months amounts to a rejection of the administrative appeal (article L. 231-4 of the same code); the two months to seize the court then run from that rejection.`,
  },
};

export const COMMENTS_TITLE: Record<Locale, string> = {
  fr: 'Commentaires du jury (anonymisés)',
  en: 'The jury’s comments (anonymised)',
};

/** The placeholders a text names, in order of appearance (known or not). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}\s]{1,40})\}/g)].map((m) => m[1]);
}

/** The placeholders a text names that are not known (what a save refuses). */
export function unknownPlaceholders(text: string): string[] {
  const known: readonly string[] = PLACEHOLDERS;
  return [...new Set(placeholdersIn(text).filter((name) => !known.includes(name)))];
}

/** Replaces the known placeholders given in `values`; others stay as they are. */
export function fillPlaceholders(text: string, values: Partial<Record<Placeholder, string>>): string {
  return text.replace(/\{([a-z_]{1,40})\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name as Placeholder] ?? whole) : whole,
  );
}

/** The season's templates: the ones staff saved, the defaults for the rest. */
export async function loadTemplates(
  db: Db,
  seasonId: string,
): Promise<Record<NoticeKind, Record<Locale, NoticeTemplate & { custom: boolean }>>> {
  const rows = await db
    .selectFrom('decision_notice_templates')
    .select(['kind', 'locale', 'subject', 'body'])
    .where('season_id', '=', seasonId)
    .execute();
  const result = {} as Record<NoticeKind, Record<Locale, NoticeTemplate & { custom: boolean }>>;
  for (const kind of NOTICE_KINDS) {
    result[kind] = {
      fr: { ...DEFAULT_TEMPLATES[kind].fr, custom: false },
      en: { ...DEFAULT_TEMPLATES[kind].en, custom: false },
    };
  }
  for (const row of rows) {
    if (!isNoticeKind(row.kind)) continue;
    result[row.kind][row.locale] = { subject: row.subject, body: row.body, custom: true };
  }
  return result;
}
