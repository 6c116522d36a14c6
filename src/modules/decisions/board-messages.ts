import { type CountMessage, defineMessages } from '../../core/i18n/i18n.js';

/** Texts of the deliberation: the list of seasons, the board, the decision form, the close and its refusals. */
export const boardMessages = defineMessages({
  administration: { fr: 'Administration', en: 'Administration' },
  listTitle: { fr: 'Délibération et décisions', en: 'Deliberation and decisions' },
  listIntro: {
    fr: 'Chaque saison a une délibération : le comité combine l’avis du jury et celui du panel citoyen, décide pour chaque candidature, puis clôt la délibération, ce qui fige les données et produit le procès-verbal.',
    en: 'Each season has a deliberation: the committee combines the jury’s and the citizen panel’s opinions, decides for each application, then closes the deliberation, which freezes the data and produces the minutes.',
  },
  seasonsTable: { fr: 'Saisons et état de leur délibération', en: 'Seasons and the state of their deliberation' },
  colSeason: { fr: 'Saison', en: 'Season' },
  colStatus: { fr: 'Délibération', en: 'Deliberation' },
  colClosedAt: { fr: 'Close le', en: 'Closed on' },
  colNext: { fr: 'Après la délibération', en: 'After the deliberation' },
  nextSteps: { fr: 'Après la délibération', en: 'After the deliberation' },
  toNotices: { fr: 'Notifications aux candidats', en: 'Notices to the applicants' },
  toPublication: { fr: 'Publication des lauréats', en: 'Publishing the laureates' },
  noSeason: { fr: 'Aucune saison pour le moment.', en: 'No season yet.' },
  statusNone: { fr: 'Pas encore ouverte', en: 'Not opened yet' },
  statusOpen: { fr: 'En cours', en: 'In progress' },
  statusClosed: { fr: 'Close', en: 'Closed' },
  statusPublished: { fr: 'Close et publiée', en: 'Closed and published' },
  openBoard: { fr: 'Ouvrir le tableau de « {season} »', en: 'Open the board of “{season}”' },

  boardTitle: { fr: 'Délibération : {season}', en: 'Deliberation: {season}' },
  statusLine: { fr: 'État de la délibération : {status}', en: 'State of the deliberation: {status}' },
  notOpenedText: {
    fr: 'La délibération n’est pas encore ouverte. Le tableau ci-dessous est un aperçu avec les pondérations par défaut ; l’ouvrir permet de régler les pondérations, de noter les présents et d’enregistrer les décisions.',
    en: 'The deliberation is not open yet. The board below is a preview with the default weights; opening it lets you set the weights, record who is present and record the decisions.',
  },
  openDeliberation: { fr: 'Ouvrir la délibération', en: 'Open the deliberation' },
  closedText: {
    fr: 'Délibération close le {date} : le tableau montre les données figées à la clôture ; une évaluation ou un avis modifié depuis ne le change pas.',
    en: 'Deliberation closed on {date}: the board shows the data frozen at the close; a review or an opinion changed since does not move it.',
  },
  minutesFr: { fr: 'Procès-verbal (PDF, français)', en: 'Minutes (PDF, French)' },
  minutesEn: { fr: 'Procès-verbal (PDF, anglais)', en: 'Minutes (PDF, English)' },
  minutesHash: { fr: 'Empreinte SHA-256 : {hash}', en: 'SHA-256 fingerprint: {hash}' },
  trackLimited: {
    fr: 'Vos droits sont limités à certains parcours : vous voyez et décidez les candidatures de vos parcours seulement. Le rang et la ligne de sélection sont calculés sur toutes les candidatures de la saison.',
    en: 'Your rights are limited to some tracks: you see and decide your tracks’ applications only. Ranks and the selection line are computed on every application of the season.',
  },
  problem: {
    fr: 'Le classement combiné ne peut pas être calculé : {problem}',
    en: 'The combined order cannot be computed: {problem}',
  },

  budgetTitle: { fr: 'Budget', en: 'Budget' },
  budgetEnvelope: { fr: 'Enveloppe de la saison : {amount}', en: 'Season’s envelope: {amount}' },
  budgetGranted: { fr: 'Montants accordés aux lauréats : {amount}', en: 'Amounts granted to laureates: {amount}' },
  budgetLeft: { fr: 'Reste du budget : {amount}', en: 'Budget left: {amount}' },
  budgetOver: { fr: 'Les montants accordés dépassent l’enveloppe.', en: 'The amounts granted exceed the envelope.' },

  rankingTitle: { fr: 'Classement', en: 'Ranking' },
  tableCaption: {
    fr: 'Classement combiné (candidatures : {n} · lauréats recherchés : {size})',
    en: 'Combined order (applications: {n} · laureates sought: {size})',
  },
  colRank: { fr: 'Rang (intervalle)', en: 'Rank (interval)' },
  colApplication: { fr: 'Candidature', en: 'Application' },
  colJury: { fr: 'Jury (score calibré)', en: 'Jury (calibrated score)' },
  colPanel: { fr: 'Panel citoyen', en: 'Citizen panel' },
  colCombined: { fr: 'Score combiné /100', en: 'Combined score /100' },
  colRequested: { fr: 'Montant demandé', en: 'Amount requested' },
  colDecision: { fr: 'Décision', en: 'Decision' },
  rankInterval: { fr: '{rank} ({low} à {high})', en: '{rank} ({low} to {high})' },
  noJury: { fr: 'Aucune évaluation complète', en: 'No complete review' },
  noPanel: { fr: 'Aucun avis', en: 'No opinion' },
  incomplete: { fr: 'Sources incomplètes', en: 'Incomplete sources' },
  crossesLine: {
    fr: 'Incertain : l’intervalle franchit la ligne',
    en: 'Uncertain: the interval crosses the line',
  },
  departs: { fr: 'Écart au classement', en: 'Departs from the order' },
  noDecision: { fr: 'Pas encore décidée', en: 'Not decided yet' },
  decide: { fr: 'Décider', en: 'Decide' },
  changeDecision: { fr: 'Modifier la décision', en: 'Change the decision' },
  decisionFor: { fr: '{action} : {title}', en: '{action}: {title}' },
  waitlistAt: { fr: 'Liste d’attente (n° {n})', en: 'Waiting list (no. {n})' },
  granted: { fr: 'Accordé : {amount}', en: 'Granted: {amount}' },
  reasonsMissing: { fr: 'Motifs à donner', en: 'Reasons to give' },
  noRows: { fr: 'Aucune candidature à départager.', en: 'No application to decide on.' },
  missingTrack: {
    fr: 'Aucune candidature de vos parcours dans cette délibération.',
    en: 'No application of your tracks in this deliberation.',
  },

  outcomeLaureate: { fr: 'Lauréat', en: 'Laureate' },
  outcomeWaitingList: { fr: 'Liste d’attente', en: 'Waiting list' },
  outcomeNotSelected: { fr: 'Non retenu', en: 'Not selected' },

  weightsTitle: { fr: 'Pondérations', en: 'Weights' },
  weightsIntro: {
    fr: 'Le score combiné sur 100 est la moyenne, pondérée par ces poids, du score calibré du jury et de l’avis du panel, chacun ramené sur une échelle de 0 à 1. Le nouvel ordre s’affiche dès l’enregistrement ; chaque changement est consigné.',
    en: 'The combined score out of 100 is the mean, weighted by these weights, of the jury’s calibrated score and the panel’s opinion, each brought to a 0 to 1 scale. The new order shows as soon as you save; every change is recorded.',
  },
  fieldJuryWeight: { fr: 'Poids du jury (%)', en: 'Jury’s weight (%)' },
  fieldPanelWeight: { fr: 'Poids du panel citoyen (%)', en: 'Citizen panel’s weight (%)' },
  fieldCriterionWeight: {
    fr: 'Poids du critère « {label} » dans l’avis du panel',
    en: 'Weight of “{label}” in the panel’s opinion',
  },
  weightHint: { fr: 'Nombre entier de 0 à 100.', en: 'Whole number from 0 to 100.' },
  saveWeights: { fr: 'Enregistrer les pondérations et reclasser', en: 'Save the weights and reorder' },
  noPanelText: {
    fr: 'La saison n’a pas de panel citoyen : le classement suit le jury seul.',
    en: 'The season has no citizen panel: the order follows the jury alone.',
  },
  weightRange: { fr: 'Saisissez un nombre entier de 0 à 100.', en: 'Enter a whole number from 0 to 100.' },
  weightsZero: {
    fr: 'Le jury et le panel ne peuvent pas peser zéro tous les deux.',
    en: 'The jury and the panel cannot both weigh zero.',
  },
  criteriaZero: {
    fr: 'Au moins un critère du panel doit peser plus que zéro quand le panel compte.',
    en: 'At least one panel criterion must weigh more than zero when the panel counts.',
  },

  attendanceTitle: { fr: 'Membres présents', en: 'Members present' },
  attendanceIntro: {
    fr: 'Cochez les membres du jury présents. Un membre présent qui a un conflit d’intérêts sur une candidature est déporté pour celle-ci : il ne prend pas part à sa décision.',
    en: 'Tick the jury members who are present. A present member with a conflict of interest on an application is recused for it and takes no part in its decision.',
  },
  present: { fr: 'Présence de {name}', en: '{name} is present' },
  saveAttendance: { fr: 'Enregistrer les présences', en: 'Save attendance' },
  noMembers: { fr: 'La saison n’a aucun membre du jury.', en: 'The season has no jury member.' },
  presentList: { fr: 'Présents : {names}', en: 'Present: {names}' },
  nobodyPresent: { fr: 'Aucun membre noté présent.', en: 'No member marked present.' },

  closeTitle: { fr: 'Clore la délibération', en: 'Close the deliberation' },
  closeIntro: {
    fr: 'La clôture fige les scores, les avis, les pondérations, la graine, les décisions et les présences, et produit le procès-verbal en français et en anglais. Plus rien ne peut ensuite être modifié sur ce tableau.',
    en: 'Closing freezes the scores, opinions, weights, seed, decisions and attendance, and produces the minutes in French and English. Nothing on this board can be changed afterwards.',
  },
  closeConfirm: {
    fr: 'Je confirme la clôture : les décisions deviennent définitives.',
    en: 'I confirm the close: the decisions become final.',
  },
  closeButton: { fr: 'Clore la délibération', en: 'Close the deliberation' },
  closeRequired: {
    fr: 'Cochez la case pour confirmer la clôture.',
    en: 'Tick the box to confirm the close.',
  },

  decisionTitle: { fr: 'Décision : {title}', en: 'Decision: {title}' },
  backToBoard: { fr: 'Retour au tableau', en: 'Back to the board' },
  rowSummary: {
    fr: 'Rang combiné {rank} (intervalle {low} à {high}) ; ligne de sélection après le rang {size}.',
    en: 'Combined rank {rank} (interval {low} to {high}); selection line after rank {size}.',
  },
  aboveLine: { fr: 'au-dessus de la ligne', en: 'above the line' },
  belowLine: { fr: 'sous la ligne', en: 'below the line' },
  departureHint: {
    fr: 'Une décision qui s’écarte du classement (un lauréat sous la ligne, une candidature non retenue ou en liste d’attente au-dessus) doit en donner les motifs et une explication.',
    en: 'A decision that departs from the order (a laureate below the line, an application not selected or on the waiting list above it) must give its reasons and an explanation.',
  },
  fieldOutcome: { fr: 'Décision', en: 'Decision' },
  fieldWaitlist: { fr: 'Position sur la liste d’attente', en: 'Position on the waiting list' },
  fieldWaitlistHint: {
    fr: 'Pour la liste d’attente seulement : 1 pour la première place ; chaque position n’est prise qu’une fois.',
    en: 'For the waiting list only: 1 for the first place; each position is taken once.',
  },
  fieldReasons: { fr: 'Motifs', en: 'Reasons' },
  fieldReasonsHint: {
    fr: 'Obligatoires pour une candidature non retenue et pour toute décision qui s’écarte du classement.',
    en: 'Required for an application not selected and for any decision that departs from the order.',
  },
  fieldReasonText: { fr: 'Explication', en: 'Explanation' },
  fieldReasonTextHint: {
    fr: 'En texte libre ; obligatoire avec le motif « Autre » et pour un écart au classement.',
    en: 'Free text; required with the reason “Other” and for a departure from the order.',
  },
  fieldAmount: { fr: 'Montant accordé (euros)', en: 'Amount granted (euros)' },
  fieldAmountHint: {
    fr: 'Facultatif, pour un lauréat ou la liste d’attente. Montant demandé : {amount}.',
    en: 'Optional, for a laureate or the waiting list. Amount requested: {amount}.',
  },
  notRequested: { fr: 'non indiqué', en: 'not given' },
  saveDecision: { fr: 'Enregistrer la décision', en: 'Save the decision' },

  outcomeRequired: { fr: 'Choisissez une décision.', en: 'Choose a decision.' },
  waitlistRequired: {
    fr: 'Donnez la position sur la liste d’attente (nombre entier de 1 à 999).',
    en: 'Give the position on the waiting list (whole number from 1 to 999).',
  },
  waitlistTaken: {
    fr: 'La position {n} est déjà prise par « {title} ».',
    en: 'Position {n} is already taken by “{title}”.',
  },
  waitlistOnlyThere: {
    fr: 'Une position ne se donne que pour la liste d’attente.',
    en: 'A position is only given for the waiting list.',
  },
  reasonsRequired: {
    fr: 'Choisissez au moins un motif : il est obligatoire pour une candidature non retenue.',
    en: 'Choose at least one reason: it is required for an application not selected.',
  },
  reasonsRequiredDeparture: {
    fr: 'Choisissez au moins un motif : cette décision s’écarte du classement combiné.',
    en: 'Choose at least one reason: this decision departs from the combined order.',
  },
  reasonUnknown: { fr: 'Ce motif n’est pas dans la liste.', en: 'This reason is not in the list.' },
  textRequiredOther: {
    fr: 'Expliquez le motif « Autre ».',
    en: 'Explain the reason “Other”.',
  },
  textRequiredDeparture: {
    fr: 'Expliquez pourquoi la décision s’écarte du classement combiné.',
    en: 'Explain why the decision departs from the combined order.',
  },
  amountInvalid: {
    fr: 'Saisissez un montant en euros, par exemple 25 000 ou 12 500,50.',
    en: 'Enter an amount in euros, e.g. 25000 or 12500.50.',
  },
  amountTooLarge: {
    fr: 'Le montant ne peut pas dépasser {max}.',
    en: 'The amount cannot exceed {max}.',
  },
  amountNotSelected: {
    fr: 'Une candidature non retenue ne reçoit pas de montant.',
    en: 'An application not selected receives no amount.',
  },

  notOpened: {
    fr: 'La délibération de cette saison n’est pas ouverte.',
    en: 'This season’s deliberation is not open.',
  },
  alreadyClosed: {
    fr: 'La délibération est close : plus rien ne peut y être modifié.',
    en: 'The deliberation is closed: nothing can be changed in it any more.',
  },
  stale: {
    fr: 'La délibération a changé depuis que vous avez ouvert la page (version {expected}, désormais {actual}). Voici son état actuel : vérifiez puis recommencez.',
    en: 'The deliberation changed since you opened the page (version {expected}, now {actual}). Here is its current state: check, then try again.',
  },
  notCandidate: {
    fr: 'Cette candidature n’est pas en lice dans cette délibération.',
    en: 'This application is not competing in this deliberation.',
  },
  unknownMember: {
    fr: 'Ce membre n’est pas dans le jury de la saison.',
    en: 'This member is not on the season’s jury.',
  },
  closeNobody: {
    fr: 'Impossible de clore : aucun membre n’est noté présent.',
    en: 'Cannot close: no member is marked present.',
  },
  closeWaitlistGaps: {
    fr: 'Impossible de clore : la liste d’attente doit être numérotée 1, 2, 3… sans trou (positions actuelles : {positions}).',
    en: 'Cannot close: the waiting list must be numbered 1, 2, 3… without gaps (current positions: {positions}).',
  },

  okOpened: { fr: 'La délibération est ouverte.', en: 'The deliberation is open.' },
  okWeights: {
    fr: 'Pondérations enregistrées : le classement est recalculé.',
    en: 'Weights saved: the order is recomputed.',
  },
  okAttendance: { fr: 'Présences enregistrées.', en: 'Attendance saved.' },
  okDecision: { fr: 'Décision enregistrée.', en: 'Decision saved.' },
  okClosed: {
    fr: 'La délibération est close ; le procès-verbal est prêt.',
    en: 'The deliberation is closed; the minutes are ready.',
  },
  refusedTitle: { fr: 'Action refusée', en: 'Action refused' },
  doneTitle: { fr: 'C’est fait', en: 'Done' },
});

/** Counts, in the plural form their number takes (tCount). */
export const boardCounts = {
  selectionLine: {
    one: { fr: 'Ligne de sélection : {n} lauréat recherché', en: 'Selection line: {n} laureate sought' },
    other: { fr: 'Ligne de sélection : {n} lauréats recherchés', en: 'Selection line: {n} laureates sought' },
  },
  reviews: { one: { fr: '{n} évaluation', en: '{n} review' }, other: { fr: '{n} évaluations', en: '{n} reviews' } },
  panelists: {
    one: { fr: '{n} panéliste, dispersion {spread}', en: '{n} panelist, spread {spread}' },
    other: { fr: '{n} panélistes, dispersion {spread}', en: '{n} panelists, spread {spread}' },
  },
  /** {n}: how many names {names} lists ("membre" takes the masculine whoever the member is). */
  recused: {
    one: { fr: 'Membre déporté : {names}', en: 'Recused member: {names}' },
    other: { fr: 'Membres déportés : {names}', en: 'Recused members: {names}' },
  },
  remaining: {
    one: { fr: '{n} candidature sans décision.', en: '{n} application without a decision.' },
    other: { fr: '{n} candidatures sans décision.', en: '{n} applications without a decision.' },
  },
  closeUndecided: {
    one: {
      fr: 'Impossible de clore : {n} candidature n’a pas de décision ({titles}).',
      en: 'Cannot close: {n} application has no decision ({titles}).',
    },
    other: {
      fr: 'Impossible de clore : {n} candidatures n’ont pas de décision ({titles}).',
      en: 'Cannot close: {n} applications have no decision ({titles}).',
    },
  },
  closeUnexplained: {
    one: {
      fr: 'Impossible de clore : {n} décision doit donner ses motifs ({titles}).',
      en: 'Cannot close: {n} decision must give its reasons ({titles}).',
    },
    other: {
      fr: 'Impossible de clore : {n} décisions doivent donner leurs motifs ({titles}).',
      en: 'Cannot close: {n} decisions must give their reasons ({titles}).',
    },
  },
} satisfies Record<string, CountMessage>;
