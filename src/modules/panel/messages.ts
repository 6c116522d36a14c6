import { type CountMessage, defineMessages, type Message } from '../../core/i18n/i18n.js';

/** Version label of the consent text below; its SHA-256 is stored with each volunteer's consent. */
export const CONSENT_VERSION = 'panel-consent-v3';

export const panelMessages = defineMessages({
  // Staff pages
  administration: { fr: 'Administration', en: 'Administration' },
  adminTitle: { fr: 'Panels citoyens', en: 'Citizen panels' },
  newPanel: { fr: 'Nouveau panel', en: 'New panel' },
  panelsTable: { fr: 'Liste des panels citoyens', en: 'List of citizen panels' },
  noPanel: { fr: 'Aucun panel pour l’instant.', en: 'No panel yet.' },
  colName: { fr: 'Nom', en: 'Name' },
  colSize: { fr: 'Taille', en: 'Size' },
  colStatus: { fr: 'État', en: 'Status' },
  colVolunteers: { fr: 'Volontaires', en: 'Volunteers' },
  statusSetup: { fr: 'En préparation', en: 'Being set up' },
  statusRecruiting: { fr: 'Appel aux volontaires ouvert', en: 'Call for volunteers open' },
  statusClosed: { fr: 'Appel clos', en: 'Call closed' },
  created: { fr: 'Le panel a été créé.', en: 'The panel was created.' },
  quotasSaved: { fr: 'Les quotas ont été enregistrés.', en: 'The quotas were saved.' },
  statusSaved: { fr: 'L’état du panel a été changé.', en: 'The panel’s status was changed.' },
  analysisQueued: {
    fr: 'Les analyses sont lancées : rechargez la page dans quelques instants.',
    en: 'The analyses are running: reload the page in a moment.',
  },
  commitmentQueued: {
    fr: 'L’engagement est en préparation : rechargez la page dans quelques instants.',
    en: 'The commitment is being prepared: reload the page in a moment.',
  },
  drawDone: {
    fr: 'Le tirage est fait et les invitations sont envoyées.',
    en: 'The draw is done and the invitations are sent.',
  },
  replacementDone: {
    fr: 'Le tirage de remplacement est fait et les invitations sont envoyées.',
    en: 'The replacement draw is done and the invitations are sent.',
  },

  fieldName: { fr: 'Nom du panel', en: 'Panel name' },
  fieldNameEn: { fr: 'Nom du panel en anglais', en: 'Panel name in English' },
  fieldSeason: { fr: 'Saison', en: 'Season' },
  noSeason: { fr: 'Aucune saison', en: 'No season' },
  fieldSize: { fr: 'Nombre de panélistes à tirer au sort', en: 'Number of panelists to draw' },
  fieldRecruitUntil: { fr: 'Fin de l’appel aux volontaires', en: 'End of the call for volunteers' },
  fieldEndsOn: { fr: 'Fin des travaux du panel', en: 'End of the panel’s work' },
  fieldRetention: {
    fr: 'Conservation des réponses démographiques après la fin du panel (jours)',
    en: 'Retention of the demographic answers after the panel ends (days)',
  },
  fieldHousehold: { fr: 'Une seule personne par foyer', en: 'One person per household' },
  fieldHouseholdHint: {
    fr: 'Les volontaires donnent alors leur adresse postale ; deux personnes de la même adresse ne sont jamais tirées ensemble.',
    en: 'Volunteers then give their postal address; two people at the same address are never drawn together.',
  },
  fieldCriteria: { fr: 'Critères jugés par le panel', en: 'Criteria the panel judges' },
  fieldWeight: {
    fr: 'Poids de l’avis du panel dans la décision (%)',
    en: 'Weight of the panel’s opinion in the decision (%)',
  },
  dateHint: { fr: 'Format AAAA-MM-JJ, heure de Paris.', en: 'Format YYYY-MM-DD, Paris time.' },
  badNumber: {
    fr: 'Saisissez un nombre entier entre {min} et {max}.',
    en: 'Enter a whole number between {min} and {max}.',
  },
  endsBeforeRecruit: {
    fr: 'La fin du panel doit suivre la fin de l’appel aux volontaires.',
    en: 'The panel must end after the call for volunteers.',
  },

  // Editing a panel
  editPanel: { fr: 'Modifier le panel', en: 'Edit the panel' },
  editTitle: { fr: 'Modifier le panel « {name} »', en: 'Edit the panel "{name}"' },
  editIntro: {
    fr: 'Ce qui peut encore changer dépend de l’avancement du panel : les champs qui ne changent plus sont listés plus bas avec la raison.',
    en: 'What may still change depends on how far the panel has gone: the fields that no longer change are listed below with the reason.',
  },
  saveEdit: { fr: 'Enregistrer les modifications', en: 'Save the changes' },
  backToPanel: { fr: 'Revenir au panel sans enregistrer', en: 'Back to the panel without saving' },
  edited: { fr: 'Les modifications du panel ont été enregistrées.', en: 'The panel’s changes were saved.' },
  unchanged: { fr: 'Aucune modification : rien n’a été enregistré.', en: 'No change: nothing was saved.' },
  fieldDescription: { fr: 'Présentation du panel', en: 'Description of the panel' },
  fieldDescriptionEn: { fr: 'Présentation du panel en anglais', en: 'Description of the panel in English' },
  fieldDescriptionHint: {
    fr: 'Montrée aux volontaires sur la page publique (2 000 caractères au plus).',
    en: 'Shown to volunteers on the public page (2,000 characters at most).',
  },
  lockedTitle: { fr: 'Ce qui ne change plus', en: 'What no longer changes' },
  lockedTable: { fr: 'Valeurs qui ne changent plus à ce stade', en: 'Values that no longer change at this stage' },
  colField: { fr: 'Champ', en: 'Field' },
  colValue: { fr: 'Valeur', en: 'Value' },
  colReason: { fr: 'Raison', en: 'Reason' },
  lockedByDraw: {
    fr: 'Ne change plus : un tirage au sort est engagé (engagement demandé ou publié, ou tirage fait), et ce champ en change le résultat ou le travail des panélistes.',
    en: 'No longer changes: a draw is under way (commitment requested or published, or draw made), and this field changes its result or the panelists’ work.',
  },
  lockedByAnswers: {
    fr: 'Ne change plus : l’appel aux volontaires est ouvert ou des personnes ont répondu, et l’adresse postale leur a été demandée ou non selon ce choix.',
    en: 'No longer changes: the call for volunteers is open or people have answered, and their postal address was asked or not according to this choice.',
  },
  lockedByShortlist: {
    fr: 'Ne change plus tant que des candidatures de cette saison sont présentées au panel : videz d’abord la présélection.',
    en: 'Does not change while applications of this season are put before the panel: empty the shortlist first.',
  },
  lockedRefused: {
    fr: 'Des champs qui ne changent plus à ce stade ont été envoyés avec une autre valeur : rien n’a été enregistré.',
    en: 'Fields that no longer change at this stage were sent with another value: nothing was saved.',
  },
  quotasValuesFixedHint: {
    fr: 'Les volontaires ont déjà répondu à ces questions : gardez les mêmes catégories et valeurs ; les libellés, minimums et maximums peuvent changer.',
    en: 'Volunteers have already answered these questions: keep the same categories and values; the labels, minimums and maximums may change.',
  },
  quotaValuesFixed: {
    fr: 'Les catégories et leurs valeurs ne changent plus, car des volontaires y ont répondu : ne changez que les libellés, minimums et maximums.',
    en: 'The categories and their values no longer change, because volunteers answered them: change only the labels, minimums and maximums.',
  },
  quotaMinsAboveSize: {
    fr: 'Quotas impossibles : les minimums de « {category} » font {sum}, plus que la taille du panel ({k}). Baissez ces minimums ou augmentez la taille.',
    en: 'Quotas cannot be met: the minimums of "{category}" add up to {sum}, more than the panel size ({k}). Lower these minimums or raise the size.',
  },
  quotaMaxesBelowSize: {
    fr: 'Quotas impossibles : les maximums de « {category} » font {sum}, moins que la taille du panel ({k}). Augmentez ces maximums ou baissez la taille.',
    en: 'Quotas cannot be met: the maximums of "{category}" add up to {sum}, less than the panel size ({k}). Raise these maximums or lower the size.',
  },
  retentionTooLong: {
    fr: 'Des volontaires ont été informés que leurs réponses démographiques seraient supprimées le {date} : cette date ne peut pas reculer. Avec cette fin de panel, la conservation est de {days} jours au plus.',
    en: 'Volunteers were told that their demographic answers would be deleted on {date}: this date cannot move later. With this end of the panel, the retention is {days} days at most.',
  },
  endsAfterDeletion: {
    fr: 'Des volontaires ont été informés que leurs réponses démographiques seraient supprimées le {date} : le panel ne peut pas finir après cette date.',
    en: 'Volunteers were told that their demographic answers would be deleted on {date}: the panel cannot end after that date.',
  },
  retentionHint: {
    fr: 'La date de suppression (fin du panel plus la conservation) peut avancer, jamais reculer une fois que des volontaires l’ont reçue.',
    en: 'The deletion date (end of the panel plus the retention) may move earlier, never later once volunteers have been given it.',
  },
  editConflict: {
    fr: 'Le panel a été modifié par quelqu’un d’autre pendant que vous le modifiiez',
    en: 'Someone else changed the panel while you were editing it',
  },
  editConflictText: {
    fr: 'Rien n’a été enregistré. Vos saisies sont gardées dans le formulaire ; les valeurs enregistrées actuellement sont listées ci-dessous. Vérifiez, puis enregistrez à nouveau.',
    en: 'Nothing was saved. What you typed is kept in the form; the values saved now are listed below. Check them, then save again.',
  },
  currentValues: { fr: 'Valeurs enregistrées actuellement', en: 'Values saved now' },
  yes: { fr: 'oui', en: 'yes' },
  no: { fr: 'non', en: 'no' },
  analysisOutdated: {
    fr: 'Ces probabilités ont été calculées avant un changement des quotas ou de la taille du panel : elles sont périmées, relancez le calcul.',
    en: 'These probabilities were computed before the quotas or the panel size changed: they are outdated, run the computation again.',
  },
  outdatedBadge: { fr: 'périmée', en: 'outdated' },

  // Quotas
  quotasTitle: { fr: 'Catégories et quotas', en: 'Categories and quotas' },
  quotasTable: {
    fr: 'Quotas, avec le nombre de volontaires de chaque valeur',
    en: 'Quotas, with the number of volunteers of each value',
  },
  colCategory: { fr: 'Catégorie', en: 'Category' },
  colFeature: { fr: 'Valeur', en: 'Value' },
  colMin: { fr: 'Minimum', en: 'Minimum' },
  colMax: { fr: 'Maximum', en: 'Maximum' },
  colPool: { fr: 'Volontaires', en: 'Volunteers' },
  colWarning: { fr: 'Alerte', en: 'Warning' },
  fieldQuotas: { fr: 'Quotas', en: 'Quotas' },
  saveQuotas: { fr: 'Enregistrer les quotas', en: 'Save the quotas' },
  quotasLocked: {
    fr: 'Les catégories et leurs valeurs ne changent plus une fois l’appel aux volontaires ouvert ; les libellés, minimums et maximums se modifient avec « Modifier le panel » jusqu’au tirage.',
    en: 'The categories and their values no longer change once the call for volunteers is open; the labels, minimums and maximums are changed with "Edit the panel" until the draw.',
  },
  singleValueCategory: {
    fr: 'La catégorie « {category} » n’a qu’une valeur : donnez-en au moins deux.',
    en: 'The category "{category}" has a single value: give at least two.',
  },
  noQuotas: { fr: 'Aucun quota défini.', en: 'No quota defined.' },
  // Table editors (quotas and criteria)
  colRow: { fr: 'Ligne', en: 'Row' },
  rowCell: { fr: 'Ligne {n}, {column}', en: 'Row {n}, {column}' },
  rowCellInSentence: { fr: 'ligne {n}, {column}', en: 'row {n}, {column}' },
  addRows: { fr: 'Ajouter des lignes', en: 'Add rows' },
  colCategoryCode: { fr: 'Code de la catégorie', en: 'Category code' },
  colCategoryLabel: { fr: 'Question posée (français)', en: 'Question asked (French)' },
  colCategoryLabelEn: { fr: 'Question posée (anglais)', en: 'Question asked (English)' },
  colValueCode: { fr: 'Code de la valeur', en: 'Value code' },
  colValueLabel: { fr: 'Réponse proposée (français)', en: 'Answer offered (French)' },
  colValueLabelEn: { fr: 'Réponse proposée (anglais)', en: 'Answer offered (English)' },
  colCriterionCode: { fr: 'Code', en: 'Code' },
  colCriterionLabel: { fr: 'Libellé (français)', en: 'Label (French)' },
  colCriterionLabelEn: { fr: 'Libellé (anglais)', en: 'Label (English)' },
  quotasTableHint: {
    fr: 'Une ligne par valeur. Chaque catégorie devient une question du formulaire des volontaires : donnez la question sur une de ses lignes au moins, et au moins deux valeurs. Les codes s’écrivent en minuscules, chiffres et tirets. Les lignes laissées vides sont ignorées. N’utilisez aucune donnée sensible (santé, religion, origine, opinions politiques, orientation sexuelle, syndicat).',
    en: 'One row per value. Each category becomes a question of the volunteers’ form: give the question on at least one of its rows, and at least two values. Codes use lower-case letters, digits and hyphens. Rows left empty are ignored. Use no sensitive data (health, religion, origin, political opinions, sexual orientation, union membership).',
  },
  criteriaTableHint: {
    fr: 'Une ligne par critère, avec un code en minuscules, chiffres et tirets (par exemple interet-general). Les lignes laissées vides sont ignorées.',
    en: 'One row per criterion, with a code in lower-case letters, digits and hyphens (e.g. interet-general). Rows left empty are ignored.',
  },
  badCode: {
    fr: 'Écrivez un code en minuscules, chiffres et tirets, de 60 caractères au plus (par exemple tranche-age).',
    en: 'Write a code in lower-case letters, digits and hyphens, 60 characters at most (e.g. age-group).',
  },
  duplicateCode: { fr: 'Le code « {code} » est déjà utilisé.', en: 'The code "{code}" is already used.' },
  badBound: { fr: 'Saisissez un nombre entier de 0 à 9999.', en: 'Enter a whole number from 0 to 9999.' },
  minAboveMax: {
    fr: 'Le maximum doit être au moins égal au minimum ({min}).',
    en: 'The maximum must be at least the minimum ({min}).',
  },
  sensitiveCell: {
    fr: '« {text} » ressemble à une donnée sensible (article 9 du RGPD), interdite ici.',
    en: '"{text}" looks like sensitive data (GDPR article 9), not allowed here.',
  },
  duplicateValue: {
    fr: 'La valeur « {feature} » de « {category} » est déjà donnée sur une autre ligne.',
    en: 'The value "{feature}" of "{category}" is already given on another row.',
  },
  categoryLabelMissing: {
    fr: 'Donnez la question posée pour la catégorie « {category} » (en français).',
    en: 'Give the question asked for the category "{category}" (in French).',
  },
  categoryLabelDiffers: {
    fr: 'Les lignes de « {category} » donnent des questions différentes : gardez la même sur chaque ligne, ou laissez-la vide.',
    en: 'The rows of "{category}" give different questions: keep the same on each row, or leave it empty.',
  },
  warnMinSum: {
    fr: 'La somme des minimums de « {category} » ({sum}) dépasse la taille du panel ({k}).',
    en: 'The minimums of "{category}" add up to {sum}, more than the panel size ({k}).',
  },
  warnMaxSum: {
    fr: 'La somme des maximums de « {category} » ({sum}) est inférieure à la taille du panel ({k}).',
    en: 'The maximums of "{category}" add up to {sum}, less than the panel size ({k}).',
  },
  noWarning: { fr: 'aucune', en: 'none' },

  // Status
  statusTitle: { fr: 'Appel aux volontaires', en: 'Call for volunteers' },
  openRecruiting: { fr: 'Ouvrir l’appel aux volontaires', en: 'Open the call for volunteers' },
  closeRecruiting: { fr: 'Clore l’appel aux volontaires', en: 'Close the call for volunteers' },
  publicLink: { fr: 'Page publique des volontaires', en: 'Public volunteers’ page' },
  needQuotas: {
    fr: 'Définissez au moins une catégorie avant d’ouvrir l’appel.',
    en: 'Define at least one category before opening the call.',
  },
  volunteersLink: {
    fr: 'Réponses démographiques individuelles (administrateurs)',
    en: 'Individual demographic answers (administrators)',
  },

  // Analysis
  analysisTitle: { fr: 'Probabilités de sélection', en: 'Selection probabilities' },
  analysisIntro: {
    fr: 'LEXIMIN maximise la probabilité de la personne la moins souvent tirée ; LEGACY est l’algorithme glouton utilisé auparavant, donné pour comparaison.',
    en: 'LEXIMIN maximises the probability of the least often selected person; LEGACY is the greedy algorithm used before, shown for comparison.',
  },
  runAnalysis: {
    fr: 'Calculer les probabilités (LEXIMIN et LEGACY)',
    en: 'Compute the probabilities (LEXIMIN and LEGACY)',
  },
  analysisPending: { fr: 'Calcul en cours ({algorithm}).', en: 'Computation running ({algorithm}).' },
  analysisNone: { fr: 'Aucune analyse pour l’instant.', en: 'No analysis yet.' },
  minProbability: { fr: 'Probabilité minimale', en: 'Minimum probability' },
  analysisSummary: {
    fr: '{algorithm} : probabilité minimale {min}, {n} volontaires, panel de {k}, calculé en {seconds} s.',
    en: '{algorithm}: minimum probability {min}, {n} volunteers, panel of {k}, computed in {seconds} s.',
  },
  chartTitle: {
    fr: 'Probabilité de sélection par profil, LEGACY et LEXIMIN',
    en: 'Selection probability per profile, LEGACY and LEXIMIN',
  },
  chartDesc: {
    fr: 'Une paire de barres par profil ; la ligne verticale marque la probabilité égale k/n.',
    en: 'One pair of bars per profile; the vertical line marks the equal probability k/n.',
  },
  chartTable: {
    fr: 'Données du graphique : probabilité de sélection par profil',
    en: 'Chart data: selection probability per profile',
  },
  colProfile: { fr: 'Profil', en: 'Profile' },
  colCount: { fr: 'Effectif', en: 'Count' },
  infeasibleTitle: { fr: 'Aucun panel ne respecte ces quotas', en: 'No panel meets these quotas' },
  relaxationTitle: { fr: 'Assouplissement le plus proche', en: 'Nearest feasible relaxation' },
  relaxationLine: {
    fr: '{category} = {feature} : minimum {min} → {relaxedMin}, maximum {max} → {relaxedMax}',
    en: '{category} = {feature}: minimum {min} → {relaxedMin}, maximum {max} → {relaxedMax}',
  },
  analysisFailed: { fr: 'Le calcul a échoué.', en: 'The computation failed.' },
  noVolunteers: {
    fr: 'Aucun volontaire avec des réponses démographiques.',
    en: 'No volunteer with demographic answers.',
  },

  // Commitment and draw
  drawTitle: { fr: 'Tirage au sort vérifiable', en: 'Verifiable draw' },
  drawIntro: {
    fr: 'Publiez d’abord l’engagement (empreinte SHA-256 des fichiers du tirage), puis relevez une valeur aléatoire publique devant témoins (dés, résultat d’une loterie publique) : elle désigne le panel sans que personne ne puisse le choisir.',
    en: 'First publish the commitment (SHA-256 of the draw’s files), then take a public random value before witnesses (dice, a public lottery result): it picks the panel without anyone being able to choose it.',
  },
  prepareCommitment: { fr: 'Préparer et publier l’engagement', en: 'Prepare and publish the commitment' },
  commitmentPreparing: { fr: 'Engagement en préparation…', en: 'Commitment being prepared…' },
  commitmentLabel: { fr: 'Engagement (SHA-256)', en: 'Commitment (SHA-256)' },
  fieldRandom: { fr: 'Valeur aléatoire publique', en: 'Public random value' },
  fieldRandomHint: {
    fr: 'Par exemple les chiffres lus sur des dés : 4 2 6 1 3.',
    en: 'For instance the numbers read from dice: 4 2 6 1 3.',
  },
  fieldWitnesses: { fr: 'Témoins (noms)', en: 'Witnesses (names)' },
  fieldWitnessesHint: {
    fr: 'Les personnes qui ont vu relever la valeur ; publié sur la page de transparence.',
    en: 'The people who saw the value being taken; published on the transparency page.',
  },
  drawNow: { fr: 'Tirer au sort et inviter', en: 'Draw and invite' },
  transparencyLink: { fr: 'Page de transparence publique', en: 'Public transparency page' },
  browserVerifyTitle: { fr: 'Vérifier dans ce navigateur', en: 'Verify in this browser' },
  browserVerifyText: {
    fr: 'Choisissez les fichiers publiés ci-dessus (categories.csv, pool.csv, slots.json, commitment.txt, draw.json) : l’engagement, les quotas de chaque tirage et le tirage sont recalculés sur votre ordinateur, rien n’est envoyé. Les remplacements se vérifient avec la commande ci-dessus (ils demandent le solveur HiGHS).',
    en: 'Choose the files published above (categories.csv, pool.csv, slots.json, commitment.txt, draw.json): the commitment, the quotas of every slot and the draw are recomputed on your computer, nothing is sent. Replacements are checked with the command above (they need the HiGHS solver).',
  },
  browserVerifyInput: { fr: 'Fichiers publiés du tirage', en: 'The draw’s published files' },
  browserVerifyButton: { fr: 'Vérifier', en: 'Verify' },
  alreadyDrawn: { fr: 'Le tirage a déjà été fait.', en: 'The draw was already made.' },
  noCommitment: { fr: 'Aucun engagement publié.', en: 'No commitment published.' },
  membersTitle: { fr: 'Personnes tirées au sort', en: 'People drawn' },
  membersTable: { fr: 'Personnes tirées au sort et leur réponse', en: 'People drawn and their answer' },
  colPseudonym: { fr: 'Pseudonyme dans pool.csv', en: 'Pseudonym in pool.csv' },
  colPerson: { fr: 'Personne', en: 'Person' },
  memberInvited: { fr: 'Invitée', en: 'Invited' },
  memberAccepted: { fr: 'A accepté', en: 'Accepted' },
  memberDeclined: { fr: 'A décliné', en: 'Declined' },
  memberReplaced: { fr: 'Remplacée', en: 'Replaced' },
  replacementTitle: { fr: 'Tirage de remplacement', en: 'Replacement draw' },
  replaceNow: { fr: 'Tirer les remplaçants et les inviter', en: 'Draw the replacements and invite them' },
  noReplacement: { fr: 'Aucun remplacement ne respecte les quotas.', en: 'No replacement keeps the quotas.' },
  nothingToReplace: { fr: 'Personne n’a décliné.', en: 'Nobody declined.' },

  // Demographics (admin only)
  demographicsTitle: { fr: 'Réponses démographiques individuelles', en: 'Individual demographic answers' },
  demographicsIntro: { fr: 'Supprimées automatiquement le {date}.', en: 'Deleted automatically on {date}.' },
  demographicsTable: { fr: 'Réponses démographiques de chaque volontaire', en: 'Each volunteer’s demographic answers' },
  colEmail: { fr: 'Adresse électronique', en: 'Email address' },
  colAvailability: { fr: 'Disponibilités', en: 'Availability' },
  colConsent: { fr: 'Consentement', en: 'Consent' },

  // Public notices and the public list of panels (/panel-citoyen)
  callNoticeTitle: {
    fr: 'Panel citoyen « {name} » : appel à volontaires ouvert',
    en: 'Citizen panel "{name}": call for volunteers open',
  },
  callNoticeText: {
    fr: '{k} habitantes et habitants seront tirés au sort parmi les volontaires pour lire les projets candidats et donner leur avis. Inscriptions jusqu’au {date}.',
    en: '{k} residents will be drawn by lot among the volunteers to read the candidate projects and give their opinion. Sign up until {date}.',
  },
  callNoticeAction: { fr: 'Devenir volontaire', en: 'Volunteer' },
  drawNoticeTitle: { fr: 'Tirage au sort du panel citoyen « {name} »', en: 'Draw of the citizen panel "{name}"' },
  drawNoticeDrawn: {
    fr: 'tiré au sort le {date} ; fichiers et vérification sur la page de transparence',
    en: 'drawn on {date}; files and verification on the transparency page',
  },
  drawNoticeCommitted: {
    fr: 'engagement publié, tirage à venir devant témoins',
    en: 'commitment published, draw to come before witnesses',
  },
  publicListTitle: { fr: 'Panels citoyens', en: 'Citizen panels' },
  publicListIntro: {
    fr: 'Des habitantes et habitants tirés au sort parmi des volontaires lisent les projets candidats et donnent leur avis. Chaque tirage est publié avec ses fichiers, pour que chacun puisse le vérifier.',
    en: 'Residents drawn by lot among volunteers read the candidate projects and give their opinion. Every draw is published with its files, so that anyone can check it.',
  },
  openCallsTitle: { fr: 'Appels à volontaires ouverts', en: 'Open calls for volunteers' },
  noOpenCallNow: {
    fr: 'Aucun appel à volontaires n’est ouvert en ce moment.',
    en: 'No call for volunteers is open at the moment.',
  },
  publishedDrawsTitle: { fr: 'Tirages au sort publiés', en: 'Published draws' },
  noPublishedDraw: { fr: 'Aucun tirage n’a encore été publié.', en: 'No draw has been published yet.' },

  // Volunteer page
  volunteerTitle: { fr: 'Devenir volontaire pour le panel citoyen', en: 'Volunteer for the citizen panel' },
  volunteerIntro: {
    fr: 'Le panel citoyen « {name} » réunit {k} habitantes et habitants tirés au sort parmi les volontaires. Ils lisent des projets candidats et donnent leur avis. Le tirage respecte des quotas pour que le panel ressemble à la population.',
    en: 'The citizen panel "{name}" brings together {k} residents drawn by lot among the volunteers. They read candidate projects and give their opinion. The draw keeps quotas so that the panel resembles the population.',
  },
  consentTitle: { fr: 'Vos données et vos droits', en: 'Your data and your rights' },
  consentPurpose: {
    fr: 'Finalité : vos réponses servent uniquement à tirer au sort le panel en respectant les quotas, et vos coordonnées à vous inviter si le sort vous désigne.',
    en: 'Purpose: your answers are used only to draw the panel while keeping the quotas, and your contact details to invite you if you are drawn.',
  },
  consentSeparate: {
    fr: 'Vos réponses démographiques sont conservées à part de vos coordonnées ; seules les personnes administratrices peuvent les lire individuellement. Le fichier publié pour vérifier le tirage ne contient ni nom ni coordonnées : vos réponses y figurent sous un pseudonyme tiré au hasard, qui n’est envoyé qu’à vous, par courriel, quand l’appel est clos ; ce fichier est retiré à la date de suppression de vos réponses.',
    en: 'Your demographic answers are kept apart from your contact details; only administrators can read them individually. The file published to check the draw holds no name and no contact details: your answers appear in it under a random pseudonym, sent to you alone by email when the call closes; the file is withdrawn on the deletion date of your answers.',
  },
  consentRetention: {
    fr: 'Conservation : vos réponses démographiques sont supprimées le {date}, soit {days} jours après la fin du panel.',
    en: 'Retention: your demographic answers are deleted on {date}, {days} days after the panel ends.',
  },
  consentNoSensitive: {
    fr: 'Nous ne demandons aucune donnée sensible : ni santé, ni religion, ni origine, ni opinions politiques, ni orientation sexuelle, ni appartenance syndicale.',
    en: 'We ask for no sensitive data: no health, religion, origin, political opinions, sexual orientation or union membership.',
  },
  consentRights: {
    fr: 'Vos droits : accès, rectification, effacement et retrait du consentement à tout moment, en écrivant à l’équipe du programme ; vous pouvez saisir la CNIL.',
    en: 'Your rights: access, rectification, erasure and withdrawal of consent at any time, by writing to the programme team; you can complain to the CNIL.',
  },
  fieldConsent: {
    fr: 'J’ai lu ces informations et j’accepte que mes réponses soient utilisées pour le tirage au sort.',
    en: 'I have read this information and agree that my answers are used for the draw.',
  },
  consentRequired: {
    fr: 'Votre consentement est nécessaire pour participer.',
    en: 'Your consent is needed to take part.',
  },
  contactTitle: { fr: 'Vos coordonnées', en: 'Your contact details' },
  demographicTitle: { fr: 'Questions pour les quotas', en: 'Questions for the quotas' },
  fieldGivenName: { fr: 'Prénom', en: 'Given name' },
  fieldFamilyName: { fr: 'Nom', en: 'Family name' },
  fieldEmail: { fr: 'Adresse électronique', en: 'Email address' },
  fieldPhone: { fr: 'Téléphone (facultatif)', en: 'Phone (optional)' },
  fieldAddress: { fr: 'Adresse postale', en: 'Postal address' },
  fieldAddressHint: {
    fr: 'Sert seulement à ne pas tirer deux personnes du même foyer.',
    en: 'Used only so that two people of one household are not drawn together.',
  },
  fieldAvailability: { fr: 'Vos disponibilités', en: 'Your availability' },
  fieldAvailabilityHint: {
    fr: 'Par exemple : soirs de semaine, samedis matin.',
    en: 'For instance: weekday evenings, Saturday mornings.',
  },
  submitVolunteer: { fr: 'Me porter volontaire', en: 'Volunteer' },
  alreadyRegistered: {
    fr: 'Cette adresse est déjà inscrite pour ce panel.',
    en: 'This address is already registered for this panel.',
  },
  badPhone: {
    fr: 'Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.',
    en: 'Enter a phone number, e.g. +33 6 12 34 56 78.',
  },
  tooMany: {
    fr: 'Trop d’inscriptions depuis cette connexion. Réessayez dans un quart d’heure.',
    en: 'Too many registrations from this connection. Try again in a quarter of an hour.',
  },
  volunteerThanks: { fr: 'Merci, votre candidature est enregistrée', en: 'Thank you, your application is recorded' },
  volunteerThanksText: {
    fr: 'Un courriel de confirmation vous a été envoyé. Si le sort vous désigne, vous recevrez une invitation.',
    en: 'A confirmation email was sent to you. If you are drawn, you will receive an invitation.',
  },
  recruitingClosed: {
    fr: 'L’appel aux volontaires de ce panel est clos.',
    en: 'The call for volunteers of this panel is closed.',
  },
  recruitingClosedSince: {
    fr: 'L’appel aux volontaires de ce panel est clos depuis le {date}.',
    en: 'The call for volunteers of this panel has been closed since {date}.',
  },
  recruitingClosedRefused: {
    fr: 'Votre inscription n’a pas été enregistrée : le groupe de volontaires parmi lesquels le panel est tiré au sort est arrêté et publié.',
    en: 'Your registration was not recorded: the pool of volunteers the panel is drawn from is fixed and published.',
  },
  tooManyForAddress: {
    fr: 'Trop d’inscriptions pour cette adresse aujourd’hui (chacune envoie un courriel). Réessayez demain.',
    en: 'Too many registrations for this address today (each one sends an email). Try again tomorrow.',
  },

  // Invitation
  invitationTitle: { fr: 'Invitation au panel citoyen', en: 'Invitation to the citizen panel' },
  invitationText: {
    fr: 'Vous faites partie des personnes tirées au sort pour le panel citoyen « {name} ». Acceptez-vous d’y participer ?',
    en: 'You were drawn for the citizen panel "{name}". Do you accept to take part?',
  },
  accept: { fr: 'J’accepte', en: 'I accept' },
  decline: { fr: 'Je décline', en: 'I decline' },
  acceptedTitle: { fr: 'Merci, vous faites partie du panel', en: 'Thank you, you are on the panel' },
  acceptedText: {
    fr: 'Connectez-vous avec votre adresse électronique pour lire les projets et donner votre avis.',
    en: 'Sign in with your email address to read the projects and give your opinion.',
  },
  signIn: { fr: 'Se connecter', en: 'Sign in' },
  declinedTitle: { fr: 'Votre réponse est enregistrée', en: 'Your answer is recorded' },
  declinedText: {
    fr: 'Vous avez décliné l’invitation. Une autre personne sera tirée au sort à votre place.',
    en: 'You declined the invitation. Someone else will be drawn in your place.',
  },
  invitationInvalid: {
    fr: 'Ce lien d’invitation n’est pas valable ou a déjà servi.',
    en: 'This invitation link is not valid or was already used.',
  },

  // Transparency page
  transparencyTitle: { fr: 'Transparence du tirage au sort', en: 'Transparency of the draw' },
  transparencyIntro: {
    fr: 'Tout le monde peut vérifier que le panel « {name} » a été tiré comme annoncé : les fichiers ci-dessous ont été publiés avant que la valeur aléatoire soit connue ; leur empreinte est l’engagement.',
    en: 'Anyone can check that the panel "{name}" was drawn as announced: the files below were published before the random value was known; their fingerprint is the commitment.',
  },
  poolSize: { fr: 'Volontaires dans le tirage', en: 'Volunteers in the draw' },
  panelSize: { fr: 'Taille du panel', en: 'Panel size' },
  slotsMin: {
    fr: 'Probabilité minimale de sélection (sur les 1 000 tirages possibles)',
    en: 'Minimum selection probability (over the 1,000 possible draws)',
  },
  randomValue: { fr: 'Valeur aléatoire publique', en: 'Public random value' },
  witnesses: { fr: 'Témoins', en: 'Witnesses' },
  slot: { fr: 'Tirage n°', en: 'Slot' },
  selected: { fr: 'Numéros tirés (lignes du fichier pool.csv)', en: 'Row ids drawn (rows of pool.csv)' },
  declinedIds: { fr: 'Numéros remplacés (personnes ayant décliné)', en: 'Row ids replaced (people who declined)' },
  drawnAt: { fr: 'Date du tirage', en: 'Date of the draw' },
  filesTitle: { fr: 'Fichiers publiés', en: 'Published files' },
  verifyTitle: { fr: 'Vérifier vous-même', en: 'Check it yourself' },
  verifyText: {
    fr: 'Téléchargez les fichiers dans un même dossier, puis lancez :',
    en: 'Download the files into one folder, then run:',
  },
  verifyReplacement: {
    fr: 'La même commande rejoue aussi les tirages de remplacement (replacement-1.json, …) : chaque valeur aléatoire doit redonner exactement les remplaçants publiés, quotas tenus.',
    en: 'The same command also replays the replacement draws (replacement-1.json, …): each random value must give exactly the published replacements, quotas kept.',
  },
  initialDraw: { fr: 'Tirage initial', en: 'Initial draw' },
  replacementDraw: { fr: 'Tirage de remplacement', en: 'Replacement draw' },
  notDrawnYet: {
    fr: 'L’engagement est publié ; la valeur aléatoire n’a pas encore été relevée.',
    en: 'The commitment is published; the random value has not been taken yet.',
  },
  noDrawYet: { fr: 'Aucun tirage publié pour ce panel.', en: 'No draw published for this panel.' },
  poolWithdrawnNoDraw: {
    fr: 'La date de suppression des réponses démographiques est passée : le fichier pool.csv est retiré, plus aucun tirage ne peut être fait pour ce panel.',
    en: 'The deletion date of the demographic answers has passed: pool.csv is withdrawn, no draw can be made for this panel any more.',
  },
  poolWithdrawnTitle: {
    fr: 'Les réponses individuelles des volontaires ont été supprimées le {date}',
    en: 'The volunteers’ individual answers were deleted on {date}',
  },
  poolWithdrawnText: {
    fr: 'Comme annoncé lors de leur inscription, les réponses ont été supprimées à la fin de leur durée de conservation : le fichier pool.csv (un pseudonyme et les réponses de chaque volontaire) n’est plus publié. Les fichiers qui restent permettent encore de vérifier l’engagement (empreintes de categories.csv et slots.json), que la valeur aléatoire désigne le tirage publié et ses membres, et la probabilité de chaque pseudonyme sur les 1 000 tirages. On ne peut plus vérifier que chaque tirage respecte les quotas ni rejouer les remplacements : il y faut les réponses. Qui a téléchargé pool.csv avant cette date peut toujours tout vérifier, son empreinte figure dans commitment.txt.',
    en: 'As announced when they volunteered, the answers were deleted at the end of their retention: pool.csv (a pseudonym and the answers of each volunteer) is no longer published. The remaining files still let anyone check the commitment (fingerprints of categories.csv and slots.json), that the random value picks the published draw and its members, and each pseudonym’s probability over the 1,000 slots. Whether each slot meets the quotas, and the replacements, can no longer be checked: that needs the answers. Whoever downloaded pool.csv before that date can still check everything: its fingerprint is in commitment.txt.',
  },
  poolUntil: {
    fr: 'Chaque volontaire a reçu par courriel son pseudonyme dans pool.csv. Ce fichier sera retiré le {date}, date de suppression des réponses ; téléchargez-le avant pour tout vérifier.',
    en: 'Each volunteer was sent their pseudonym in pool.csv by email. This file will be withdrawn on {date}, when the answers are deleted; download it before then to check everything.',
  },
  probabilitiesTable: {
    fr: 'Probabilité de sélection par profil (données anonymisées)',
    en: 'Selection probability per profile (anonymised data)',
  },

  // Mails
  mailVolunteerSubject: { fr: 'Votre candidature au panel citoyen', en: 'Your application to the citizen panel' },
  mailVolunteerText: {
    fr: 'Nous avons bien reçu votre candidature au panel citoyen « {name} ». Si le sort vous désigne, vous recevrez une invitation. Vos réponses démographiques seront supprimées le {date}.',
    en: 'We received your application to the citizen panel "{name}". If you are drawn, you will receive an invitation. Your demographic answers will be deleted on {date}.',
  },
  mailPoolSubject: {
    fr: 'Panel citoyen : votre pseudonyme pour vérifier le tirage',
    en: 'Citizen panel: your pseudonym to check the draw',
  },
  mailPoolText: {
    fr: 'L’appel aux volontaires du panel citoyen « {name} » est clos : le tirage au sort se fera parmi les volontaires inscrits, dont vous. Dans le fichier pool.csv publié pour que chacun puisse vérifier le tirage, vos réponses figurent sous le pseudonyme {pseudonym}, tiré au hasard. Seuls vous et les personnes administratrices du panel savez qu’il vous désigne : gardez-le pour vous. Ce fichier sera retiré le {date}, avec la suppression de vos réponses.',
    en: 'The call for volunteers of the citizen panel "{name}" is closed: the panel will be drawn among the registered volunteers, you included. In the file pool.csv, published so that anyone can check the draw, your answers appear under the pseudonym {pseudonym}, chosen at random. Only you and the panel’s administrators know it stands for you: keep it to yourself. The file will be withdrawn on {date}, when your answers are deleted.',
  },
  mailPoolButton: { fr: 'Page de transparence du tirage', en: 'Transparency page of the draw' },
  mailInviteSubject: {
    fr: 'Panel citoyen : vous faites partie des personnes tirées au sort',
    en: 'You were drawn for the citizen panel',
  },
  mailInviteText: {
    fr: 'Vous faites partie des personnes tirées au sort pour le panel citoyen « {name} ». Dites-nous si vous acceptez d’y participer :',
    en: 'You were drawn for the citizen panel "{name}". Tell us whether you accept to take part:',
  },
  mailInviteButton: { fr: 'Répondre à l’invitation', en: 'Answer the invitation' },

  // Shortlist and opinions
  shortlistTitle: { fr: 'Candidatures présentées au panel', en: 'Applications put before the panel' },
  shortlistIntro: {
    fr: 'Cochez les candidatures éligibles ou en évaluation de la saison que les panélistes liront.',
    en: 'Tick the season’s eligible or in-review applications the panelists will read.',
  },
  shortlistNoSeason: {
    fr: 'Rattachez le panel à une saison pour lui présenter des candidatures.',
    en: 'Link the panel to a season to put applications before it.',
  },
  shortlistEmpty: {
    fr: 'Aucune candidature éligible ou en évaluation dans cette saison.',
    en: 'No eligible or in-review application in this season.',
  },
  shortlistLegend: { fr: 'Candidatures présentées', en: 'Applications put before the panel' },
  saveShortlist: { fr: 'Enregistrer la présélection', en: 'Save the shortlist' },
  shortlistSaved: { fr: 'La présélection a été enregistrée.', en: 'The shortlist was saved.' },
  resultsTitle: { fr: 'Avis du panel', en: 'The panel’s opinions' },
  resultsIntro: {
    fr: 'Moyenne des notes (1 à 5) par critère ; l’avis du panel compte pour {weight} % dans la décision.',
    en: 'Mean score (1 to 5) per criterion; the panel’s opinion counts for {weight}% in the decision.',
  },
  resultsTable: { fr: 'Avis du panel par candidature', en: 'The panel’s opinions per application' },
  colApplication: { fr: 'Candidature', en: 'Application' },
  colOpinions: { fr: 'Avis', en: 'Opinions' },
  colMean: { fr: 'Moyenne', en: 'Mean' },
  noOpinion: { fr: '—', en: '—' },
  panelistTitle: { fr: 'Mon panel citoyen', en: 'My citizen panel' },
  panelistIntro: {
    fr: 'Lisez chaque projet et donnez une note de 1 (faible) à 5 (excellent) pour chaque critère, avec un commentaire si vous le souhaitez.',
    en: 'Read each project and give a score from 1 (weak) to 5 (excellent) for each criterion, with a comment if you wish.',
  },
  panelistNone: { fr: 'Vous ne faites partie d’aucun panel pour l’instant.', en: 'You are not on any panel yet.' },
  panelistApps: { fr: 'Projets à lire', en: 'Projects to read' },
  opinionGiven: { fr: 'Avis donné', en: 'Opinion given' },
  opinionToGive: { fr: 'À lire', en: 'To read' },
  readAndJudge: { fr: 'Lire et donner mon avis', en: 'Read and give my opinion' },
  answersTitle: { fr: 'Le projet', en: 'The project' },
  contactsHidden: {
    fr: 'Les coordonnées des porteurs ne sont pas montrées.',
    en: 'The applicants’ contact details are not shown.',
  },
  opinionTitle: { fr: 'Mon avis', en: 'My opinion' },
  scoreLegend: { fr: '{criterion} : votre note', en: '{criterion}: your score' },
  scoreHint: {
    fr: 'Choisissez le niveau qui décrit le mieux le projet sur ce critère.',
    en: 'Choose the level that best describes the project on this criterion.',
  },
  fieldComment: { fr: 'Commentaire (facultatif)', en: 'Comment (optional)' },
  saveOpinion: { fr: 'Enregistrer mon avis', en: 'Save my opinion' },
  opinionSaved: {
    fr: 'Votre avis est enregistré. Vous pouvez le modifier tant que le panel travaille.',
    en: 'Your opinion is saved. You can change it while the panel works.',
  },
  panelEnded: {
    fr: 'Les travaux du panel sont terminés : les avis ne changent plus.',
    en: 'The panel’s work has ended: opinions no longer change.',
  },
});

/**
 * What each level of the panelists' scale means, as the jury's rubric describes its levels: the same
 * words for every criterion, written for residents who are not experts.
 */
export const SCORE_LEVELS = {
  '1': {
    fr: 'Pas convaincant : le projet répond mal à ce critère.',
    en: 'Not convincing: the project hardly meets this criterion.',
  },
  '2': {
    fr: 'Peu convaincant : quelques points positifs, mais trop de doutes.',
    en: 'Weak: a few good points, but too many doubts.',
  },
  '3': {
    fr: 'Moyen : le projet répond à ce critère, sans plus.',
    en: 'Fair: the project meets this criterion, no more.',
  },
  '4': {
    fr: 'Convaincant : le projet répond bien à ce critère.',
    en: 'Convincing: the project meets this criterion well.',
  },
  '5': {
    fr: 'Excellent : le projet est exemplaire sur ce critère.',
    en: 'Excellent: the project is exemplary on this criterion.',
  },
} as const satisfies Record<string, Message>;

/** Counts in the locale's plural form (`tCount`): never "(s)". */
export const panelCounts = {
  warnShort: {
    one: { fr: 'Minimum impossible : {n} volontaire seulement.', en: 'Minimum cannot be met: only {n} volunteer.' },
    other: { fr: 'Minimum impossible : {n} volontaires seulement.', en: 'Minimum cannot be met: only {n} volunteers.' },
  },
  /** {k}: the panel's size, larger than {n}. */
  warnPoolSmall: {
    one: {
      fr: 'Il y a {n} volontaire, moins que la taille du panel ({k}).',
      en: 'There is {n} volunteer, fewer than the panel size ({k}).',
    },
    other: {
      fr: 'Il y a {n} volontaires, moins que la taille du panel ({k}).',
      en: 'There are {n} volunteers, fewer than the panel size ({k}).',
    },
  },
  replacementIntro: {
    one: {
      fr: '{n} personne a décliné. Le tirage de remplacement garde tous les quotas ; il se fait lui aussi avec une valeur aléatoire publique.',
      en: '{n} person declined. The replacement draw keeps every quota; it too uses a public random value.',
    },
    other: {
      fr: '{n} personnes ont décliné. Le tirage de remplacement garde tous les quotas ; il se fait lui aussi avec une valeur aléatoire publique.',
      en: '{n} people declined. The replacement draw keeps every quota; it too uses a public random value.',
    },
  },
} satisfies Record<string, CountMessage>;

/** Labels of what this module adds to the shared pages (menu, header, site map, dashboard): see index.ts. */
export const panelSiteMessages = defineMessages({
  panelArea: { fr: 'Espace panel citoyen', en: 'Citizen panel area' },
  panels: { fr: 'Panels citoyens', en: 'Citizen panels' },
  publicPanels: {
    fr: 'Panels citoyens : appels à volontaires et tirages au sort',
    en: 'Citizen panels: calls for volunteers and draws',
  },
  panelsText: {
    fr: 'Volontaires, quotas, tirage au sort vérifiable et avis des panélistes.',
    en: 'Volunteers, quotas, verifiable draw by lot and panelists’ opinions.',
  },
});
