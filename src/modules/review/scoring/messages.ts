import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

export const scoringMessages = defineMessages({
  // Reviewer area
  myReviews: { fr: 'Mes évaluations', en: 'My reviews' },
  myReviewsIntro: {
    fr: 'Les candidatures qui vous ont été attribuées, puis, pendant une phase ouverte à tout le jury, les autres candidatures de la saison (sauf celles où vous êtes en conflit d’intérêts). Évaluez chaque critère sur le barème, enregistrez un brouillon si besoin, puis soumettez.',
    en: 'The applications assigned to you, then, during a phase open to the whole jury, the other applications of the season (except those you have a conflict of interest with). Score each criterion on the rubric, save a draft if needed, then submit.',
  },
  assignment: { fr: 'Attribution', en: 'Assignment' },
  assignedToYou: { fr: 'Attribuée', en: 'Assigned' },
  openToAll: { fr: 'Ouverte à tout le jury', en: 'Open to the whole jury' },
  openToAllNotice: {
    fr: 'Cette candidature ne vous est pas attribuée : la phase en cours permet à chaque membre du jury sans conflit d’intérêts de l’évaluer.',
    en: 'This application is not assigned to you: the current phase lets every jury member without a conflict of interest review it.',
  },
  noAssignments: {
    fr: 'Aucune candidature ne vous est attribuée pour le moment.',
    en: 'No application is assigned to you yet.',
  },
  application: { fr: 'Candidature', en: 'Application' },
  season: { fr: 'Saison', en: 'Season' },
  state: { fr: 'État', en: 'State' },
  phaseColumn: { fr: 'Phase', en: 'Phase' },
  state_todo: { fr: 'À faire', en: 'To do' },
  state_draft: { fr: 'Brouillon', en: 'Draft' },
  state_submitted: { fr: 'Soumise', en: 'Submitted' },
  untitled: { fr: 'Candidature sans titre', en: 'Untitled application' },
  phaseOpenUntil: { fr: 'Phase « {phase} » ouverte jusqu’au {date}.', en: 'Phase “{phase}” open until {date}.' },
  phaseUpcoming: { fr: 'La phase « {phase} » ouvrira le {date}.', en: 'The phase “{phase}” opens on {date}.' },
  phaseEnded: { fr: 'La phase « {phase} » est terminée depuis le {date}.', en: 'The phase “{phase}” ended on {date}.' },
  phaseEndedEditable: {
    fr: 'La phase « {phase} » est terminée, mais les évaluations restent modifiables.',
    en: 'The phase “{phase}” has ended, but reviews can still be changed.',
  },
  noPhase: {
    fr: 'Aucune phase d’évaluation n’est définie pour cette saison.',
    en: 'No review phase is set for this season.',
  },
  readOnly: {
    fr: 'Les évaluations ne peuvent pas être modifiées en ce moment.',
    en: 'Reviews cannot be changed at the moment.',
  },
  blindNotice: {
    fr: 'Évaluation anonyme : le nom des porteurs et de leur structure est masqué.',
    en: 'Blind review: the names of the applicants and their organisation are hidden.',
  },
  carriedBy: { fr: 'Portée par {name}', en: 'Carried by {name}' },
  answers: { fr: 'Réponses de la candidature', en: 'Answers of the application' },
  contactsHidden: {
    fr: 'Les coordonnées et les pièces jointes ne sont pas affichées.',
    en: 'Contact details and attachments are not shown.',
  },
  yourReview: { fr: 'Votre évaluation', en: 'Your review' },
  scoreLegend: { fr: '{criterion} : note de 0 à 5', en: '{criterion}: score from 0 to 5' },
  weight: { fr: 'Poids {weight}', en: 'Weight {weight}' },
  criterionComment: { fr: 'Commentaire sur « {criterion} »', en: 'Comment on “{criterion}”' },
  overall: { fr: 'Commentaire général', en: 'Overall comment' },
  opinion: { fr: 'Avis général', en: 'Overall opinion' },
  opinion_strong_accept: { fr: 'Très favorable', en: 'Strongly in favour' },
  opinion_accept: { fr: 'Favorable', en: 'In favour' },
  opinion_reject: { fr: 'Défavorable', en: 'Against' },
  opinion_strong_reject: { fr: 'Très défavorable', en: 'Strongly against' },
  confidence: { fr: 'Confiance dans votre évaluation', en: 'Confidence in your review' },
  confidence_1: { fr: 'Faible', en: 'Low' },
  confidence_2: { fr: 'Moyenne', en: 'Medium' },
  confidence_3: { fr: 'Élevée', en: 'High' },
  saveDraft: { fr: 'Enregistrer le brouillon', en: 'Save draft' },
  submit: { fr: 'Soumettre l’évaluation', en: 'Submit the review' },
  resubmit: { fr: 'Enregistrer les modifications', en: 'Save the changes' },
  savedDraft: { fr: 'Brouillon enregistré.', en: 'Draft saved.' },
  submitted: { fr: 'Évaluation soumise. Merci !', en: 'Review submitted. Thank you!' },
  submittedOn: { fr: 'Soumise le {date}.', en: 'Submitted on {date}.' },
  scoreRequired: { fr: 'Choisissez une note de 0 à 5 pour soumettre.', en: 'Choose a score from 0 to 5 to submit.' },
  scoreRange: {
    fr: 'La note doit être un nombre entier de 0 à 5.',
    en: 'The score must be a whole number from 0 to 5.',
  },
  opinionRequired: { fr: 'Donnez un avis général pour soumettre.', en: 'Give an overall opinion to submit.' },
  confidenceRequired: { fr: 'Indiquez votre confiance pour soumettre.', en: 'Say how confident you are to submit.' },
  closed: {
    fr: 'La phase ne permet plus de modifier cette évaluation : rien n’a été enregistré.',
    en: 'The phase no longer allows changing this review: nothing was saved.',
  },
  othersReviews: { fr: 'Les autres évaluations', en: 'The other reviews' },
  othersHidden: {
    fr: 'Les autres évaluations ne sont pas visibles pendant cette phase.',
    en: 'Other reviews are not visible in this phase.',
  },
  othersAfterOwn: {
    fr: 'Les autres évaluations seront visibles quand vous aurez soumis la vôtre.',
    en: 'Other reviews will be visible once you have submitted yours.',
  },
  othersNone: { fr: 'Aucune autre évaluation soumise pour le moment.', en: 'No other review submitted yet.' },
  reviewerN: { fr: 'Évaluation {n}', en: 'Review {n}' },
  criterion: { fr: 'Critère', en: 'Criterion' },
  score: { fr: 'Note', en: 'Score' },
  comment: { fr: 'Commentaire', en: 'Comment' },

  // Staff
  staffTitle: { fr: 'Évaluation par le jury', en: 'Jury review' },
  staffIntro: {
    fr: 'Choisissez une saison pour suivre les évaluations, régler le barème et lire le classement.',
    en: 'Choose a season to follow the reviews, set the rubric and read the ranking.',
  },
  progress: { fr: 'Suivi des évaluations', en: 'Review progress' },
  rubric: { fr: 'Barème', en: 'Rubric' },
  ranking: { fr: 'Classement', en: 'Ranking' },
  rubricIntro: {
    fr: 'Pour chaque critère de la saison, ce que signifie chaque note de 0 à 5. Les membres du jury voient ces textes à côté des boutons de note.',
    en: 'For each criterion of the season, what each score from 0 to 5 means. Jury members see these texts beside the score buttons.',
  },
  levelFr: { fr: 'Note {level} (français)', en: 'Score {level} (French)' },
  levelEn: { fr: 'Note {level} (anglais)', en: 'Score {level} (English)' },
  saveRubric: { fr: 'Enregistrer le barème', en: 'Save the rubric' },
  rubricSaved: { fr: 'Barème enregistré.', en: 'Rubric saved.' },
  perReviewer: { fr: 'Par membre du jury', en: 'Per jury member' },
  perApplication: { fr: 'Par candidature', en: 'Per application' },
  reviewer: { fr: 'Membre du jury', en: 'Jury member' },
  assigned: { fr: 'Attribuées', en: 'Assigned' },
  drafts: { fr: 'Brouillons', en: 'Drafts' },
  submittedCount: { fr: 'Soumises', en: 'Submitted' },
  received: { fr: 'Évaluations reçues', en: 'Reviews received' },
  receivedOf: { fr: '{n} sur {k}', en: '{n} of {k}' },
  unassigned: { fr: 'Sans attribution', en: 'Not assigned' },
  receivedUnassigned: { fr: '+ {u} sans attribution', en: '+ {u} not assigned' },
  noPublished: { fr: 'Aucune attribution publiée pour cette saison.', en: 'No published assignment for this season.' },
  remindNow: { fr: 'Relancer maintenant les membres en retard', en: 'Remind late members now' },
  remindHint: {
    fr: 'Un courriel part à chaque membre qui a des évaluations non soumises. Une relance automatique part aussi {days} jours avant la fin de la phase.',
    en: 'A mail goes to each member with unsubmitted reviews. An automatic reminder also goes {days} days before the phase ends.',
  },
  remindNoPhase: {
    fr: 'Aucune phase d’évaluation : impossible de relancer.',
    en: 'No review phase: no reminder can be sent.',
  },
  rankingIntro: {
    fr: 'Score brut : moyenne des évaluations (somme pondérée des critères). Score calibré : corrigé de la sévérité ou de l’indulgence de chaque membre du jury. L’intervalle de rang couvre 90 % des rééchantillonnages.',
    en: 'Raw score: mean of the reviews (weighted sum of the criteria). Calibrated score: corrected for each jury member’s harshness or leniency. The rank interval covers 90 % of the resamplings.',
  },
  seedLine: { fr: 'Graine du classement : {seed}', en: 'Ranking seed: {seed}' },
  seedNotRecorded: { fr: '(graine par défaut, non enregistrée)', en: '(default seed, not recorded)' },
  drawSeed: { fr: 'Tirer et enregistrer une nouvelle graine', en: 'Draw and record a new seed' },
  seedRecorded: { fr: 'Nouvelle graine enregistrée.', en: 'New seed recorded.' },
  rank: { fr: 'Rang', en: 'Rank' },
  rankInterval: { fr: 'Intervalle de rang', en: 'Rank interval' },
  reviewsColumn: { fr: 'Évaluations', en: 'Reviews' },
  mean: { fr: 'Moyenne', en: 'Mean' },
  median: { fr: 'Médiane', en: 'Median' },
  calibrated: { fr: 'Score calibré', en: 'Calibrated score' },
  line: { fr: 'Ligne', en: 'Line' },
  crosses: { fr: 'Incertain', en: 'Uncertain' },
  crossesTitle: {
    fr: 'L’intervalle de rang franchit la ligne de sélection',
    en: 'The rank interval crosses the selection line',
  },
  selected: { fr: 'Sélectionnable', en: 'Within the line' },
  notSelected: { fr: 'Hors ligne', en: 'Below the line' },
  biases: { fr: 'Sévérité des membres du jury', en: 'Harshness of the jury members' },
  biasesIntro: {
    fr: 'Écart estimé de chaque membre par rapport à un membre moyen, en points de note : négatif = plus sévère, positif = plus indulgent.',
    en: 'Each member’s estimated offset from an average member, in score points: negative = harsher, positive = more lenient.',
  },
  biasesTrackLimited: {
    fr: 'Vos droits sont limités à certains parcours : seuls les membres qui ont évalué leurs candidatures sont listés, avec le nombre de ces évaluations ; l’écart est estimé sur toutes les évaluations de la saison.',
    en: 'Your rights are limited to some tracks: only the members who reviewed their applications are listed, with the number of those reviews; the offset is estimated on every review of the season.',
  },
  bias: { fr: 'Écart', en: 'Offset' },
  noRanking: {
    fr: 'Aucune évaluation soumise : pas encore de classement.',
    en: 'No review submitted: no ranking yet.',
  },
  exportCsv: { fr: 'Exporter le classement (CSV)', en: 'Export the ranking (CSV)' },
});

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const scoringCounts = {
  selectionLine: {
    one: {
      fr: 'Ligne de sélection : la première candidature (un lauréat recherché).',
      en: 'Selection line: the first application (one laureate sought).',
    },
    other: {
      fr: 'Ligne de sélection : les {n} premières candidatures (lauréats recherchés).',
      en: 'Selection line: the first {n} applications (laureates sought).',
    },
  },
  reminded: {
    one: { fr: '{n} relance envoyée.', en: '{n} reminder sent.' },
    other: { fr: '{n} relances envoyées.', en: '{n} reminders sent.' },
  },
  unranked: {
    one: {
      fr: '{n} candidature attribuée ou en cours d’évaluation sans évaluation soumise n’est pas classée.',
      en: '{n} application assigned or being reviewed without a submitted review is not ranked.',
    },
    other: {
      fr: '{n} candidatures attribuées ou en cours d’évaluation sans évaluation soumise ne sont pas classées.',
      en: '{n} applications assigned or being reviewed without a submitted review are not ranked.',
    },
  },
  outOfTheRunning: {
    one: {
      fr: '{n} candidature retirée ou déclarée inéligible n’est pas classée ; ses évaluations servent encore à estimer l’écart de chaque juré.',
      en: '{n} application withdrawn or declared ineligible is not ranked; its reviews still serve to estimate each member’s offset.',
    },
    other: {
      fr: '{n} candidatures retirées ou déclarées inéligibles ne sont pas classées ; leurs évaluations servent encore à estimer l’écart de chaque juré.',
      en: '{n} applications withdrawn or declared ineligible are not ranked; their reviews still serve to estimate each member’s offset.',
    },
  },
  /** The reminder mail's sentence; {season}, {phase} and {deadline} as well as {n}. */
  reviewsLeft: {
    one: {
      fr: 'Il vous reste {n} évaluation à soumettre pour le jury de « {season} ». La phase « {phase} » se termine le {deadline}.',
      en: 'You still have {n} review to submit for the jury of “{season}”. The phase “{phase}” ends on {deadline}.',
    },
    other: {
      fr: 'Il vous reste {n} évaluations à soumettre pour le jury de « {season} ». La phase « {phase} » se termine le {deadline}.',
      en: 'You still have {n} reviews to submit for the jury of “{season}”. The phase “{phase}” ends on {deadline}.',
    },
  },
} satisfies Record<string, CountMessage>;
