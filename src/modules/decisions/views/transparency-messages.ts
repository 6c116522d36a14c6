import { type CountMessage, defineMessages } from '../../../core/i18n/i18n.js';

/** Texts of the season's transparency page (/saisons/:slug/transparence). */
export const transparencyMessages = defineMessages({
  title: { fr: 'Transparence de la sélection', en: 'Transparency of the selection' },
  seasons: { fr: 'Saisons', en: 'Seasons' },
  notPublished: {
    fr: 'La sélection de cette saison n’est pas encore publiée. Les chiffres, la méthode et les fichiers permettant de recalculer le classement paraîtront ici à la publication des lauréats.',
    en: 'The selection of this season is not published yet. The figures, the method and the files to recompute the ranking will appear here when the laureates are published.',
  },
  intro: {
    fr: 'Comment les lauréats de {season} ont été choisis : les chiffres de la saison, les critères et leurs poids, la méthode, la composition du jury et du panel citoyen, et les fichiers qui permettent à chacun de recalculer le classement. Aucune donnée personnelle n’est publiée.',
    en: 'How the laureates of {season} were chosen: the season’s figures, the criteria and their weights, the method, the jury and the citizen panel, and the files that let anyone recompute the ranking. No personal data is published.',
  },
  publishedOn: { fr: 'Publié le {date}.', en: 'Published on {date}.' },
  figures: { fr: 'Les chiffres de la saison', en: 'The season’s figures' },
  figure: { fr: 'Indicateur', en: 'Figure' },
  value: { fr: 'Valeur', en: 'Value' },
  received: { fr: 'Candidatures reçues', en: 'Applications received' },
  eligible: { fr: 'Candidatures éligibles, en lice pour la sélection', en: 'Eligible applications, in the running' },
  reviewed: { fr: 'Candidatures évaluées par le jury', en: 'Applications reviewed by the jury' },
  reviews: { fr: 'Évaluations soumises', en: 'Reviews submitted' },
  reviewsPer: {
    fr: 'Évaluations par candidature (moyenne, minimum–maximum)',
    en: 'Reviews per application (mean, minimum–maximum)',
  },
  shortlisted: { fr: 'Candidatures soumises au panel citoyen', en: 'Applications put to the citizen panel' },
  panelists: { fr: 'Panélistes ayant donné un avis', en: 'Panelists who gave an opinion' },
  laureates: { fr: 'Lauréats', en: 'Laureates' },
  waitingList: { fr: 'Liste d’attente', en: 'Waiting list' },
  notSelected: { fr: 'Non retenues', en: 'Not selected' },
  requested: { fr: 'Montant demandé, toutes candidatures', en: 'Amount requested, all applications' },
  requestedCandidates: {
    fr: 'Montant demandé, candidatures en lice',
    en: 'Amount requested, applications in the running',
  },
  granted: { fr: 'Montant accordé aux lauréats', en: 'Amount granted to the laureates' },
  byKind: { fr: 'Candidatures reçues par type de porteur', en: 'Applications received by kind of applicant' },
  byTrack: { fr: 'Candidatures reçues par parcours', en: 'Applications received by track' },
  byTerritory: {
    fr: 'Candidatures reçues par région ou territoire',
    en: 'Applications received by region or territory',
  },
  kind: { fr: 'Type de porteur', en: 'Kind of applicant' },
  track: { fr: 'Parcours', en: 'Track' },
  territory: { fr: 'Région ou territoire', en: 'Region or territory' },
  count: { fr: 'Nombre', en: 'Count' },
  unknown: { fr: 'Non renseigné', en: 'Not given' },
  kind_citizen: { fr: 'Citoyennes et citoyens', en: 'Citizens' },
  kind_association: { fr: 'Associations', en: 'Associations' },
  kind_administration: { fr: 'Administrations', en: 'Administrations' },
  kind_company: { fr: 'Entreprises', en: 'Companies' },
  criteria: { fr: 'Les critères et leurs poids', en: 'The criteria and their weights' },
  sources: {
    fr: 'Le score combiné pèse l’avis du jury à {jury} et celui du panel citoyen à {panel} (poids relatifs).',
    en: 'The combined score weighs the jury’s assessment at {jury} and the citizen panel’s opinion at {panel} (relative weights).',
  },
  juryCriteria: { fr: 'Critères du jury', en: 'The jury’s criteria' },
  panelCriteria: { fr: 'Critères du panel citoyen', en: 'The citizen panel’s criteria' },
  criterion: { fr: 'Critère', en: 'Criterion' },
  weight: { fr: 'Poids', en: 'Weight' },
  method: { fr: 'La méthode', en: 'The method' },
  method1: {
    fr: 'Chaque membre du jury note les candidatures qui lui sont confiées sur chaque critère ; le score d’une évaluation est la moyenne de ses notes pondérée par les poids des critères.',
    en: 'Each jury member scores the applications given to them on each criterion; a review’s score is the mean of its scores weighted by the criteria’s weights.',
  },
  method2: {
    fr: 'Certains évaluateurs notent plus sévèrement que d’autres. Un modèle statistique simple (qualité de la candidature + tendance de l’évaluateur) retire cette tendance : c’est le score calibré du jury.',
    en: 'Some reviewers score more harshly than others. A simple statistical model (quality of the application + the reviewer’s tendency) takes that tendency out: the jury’s calibrated score.',
  },
  method3: {
    fr: 'Le panel citoyen, tiré au sort, donne son avis sur les candidatures retenues pour lui ; son score est la moyenne des avis pondérés de ses membres.',
    en: 'The citizen panel, drawn by lot, gives its opinion on the applications put to it; its score is the mean of its members’ weighted opinions.',
  },
  method4: {
    fr: 'Les deux scores, ramenés entre 0 et 1, sont combinés selon les poids ci-dessus en un score sur 100, qui donne l’ordre. Pour mesurer l’incertitude, le calcul est refait {replicates} fois en tirant au hasard (avec une graine publiée, {seed}) les écarts du jury et les avis des panélistes : l’intervalle de rang de chaque candidature couvre {level} % de ces tirages.',
    en: 'Both scores, brought between 0 and 1, are combined under the weights above into a score out of 100, which gives the order. To measure the uncertainty, the computation is redone {replicates} times drawing at random (with a published seed, {seed}) the jury’s deviations and the panelists’ opinions: each application’s rank interval covers {level} % of these draws.',
  },
  method5: {
    fr: 'Le comité de sélection décide ensuite : lauréat, liste d’attente ou non retenu. Toute décision qui s’écarte de l’ordre calculé, et tout refus, est motivée.',
    en: 'The selection committee then decides: laureate, waiting list or not selected. Every decision that departs from the computed order, and every refusal, gives its reasons.',
  },
  jury: { fr: 'Le jury', en: 'The jury' },
  juryByOrganisation: { fr: 'Membres ayant siégé, par administration', en: 'Members who sat, by administration' },
  juryText: {
    fr: 'Membres du jury ayant siégé, par administration (numéro SIREN). Les noms ne sont pas publiés.',
    en: 'Jury members who sat, by administration (SIREN number). Names are not published.',
  },
  organisation: { fr: 'Administration (SIREN)', en: 'Administration (SIREN)' },
  members: { fr: 'Membres', en: 'Members' },
  panel: { fr: 'Le panel citoyen', en: 'The citizen panel' },
  panelText: {
    fr: 'Le panel compte {size} citoyennes et citoyens tirés au sort.',
    en: 'The panel has {size} citizens drawn by lot.',
  },
  panelLink: { fr: 'Transparence du tirage au sort du panel', en: 'Transparency of the panel’s draw' },
  noPanel: { fr: 'Cette saison n’avait pas de panel citoyen.', en: 'This season had no citizen panel.' },
  downloads: { fr: 'Téléchargements', en: 'Downloads' },
  zip: {
    fr: 'Les données de la sélection (ZIP : méthode, évaluations, avis, résultats, décisions)',
    en: 'The selection’s data (ZIP: method, reviews, opinions, results, decisions)',
  },
  figuresCsv: { fr: 'Les chiffres de la saison (CSV)', en: 'The season’s figures (CSV)' },
  figuresJson: { fr: 'Les chiffres de la saison (JSON)', en: 'The season’s figures (JSON)' },
  verifierFile: {
    fr: 'Le vérificateur (un fichier pour Node.js 18 ou plus)',
    en: 'The verifier (one file for Node.js 18 or later)',
  },
  verify: { fr: 'Vérifier la sélection', en: 'Verify the selection' },
  verifyText: {
    fr: 'Le vérificateur recalcule la calibration, les intervalles, la combinaison et l’ordre à partir des fichiers publiés, les compare aux résultats publiés et contrôle la cohérence des décisions. Il répond « OK » si tout concorde, sinon il indique la première différence. Sans rien installer d’autre que Node.js :',
    en: 'The verifier recomputes the calibration, the intervals, the combination and the order from the published files, compares them with the published results and checks the decisions’ consistency. It answers “OK” when everything matches, otherwise it shows the first difference. Installing nothing but Node.js:',
  },
  verifyPlatform: { fr: 'Ou, depuis le code de la plateforme :', en: 'Or, from the platform’s code:' },
  browserTitle: { fr: 'Vérifier dans ce navigateur', en: 'Verify in this browser' },
  browserText: {
    fr: 'Choisissez le ZIP téléchargé (ou ses fichiers) : le calcul est fait sur votre ordinateur, rien n’est envoyé.',
    en: 'Choose the downloaded ZIP (or its files): the computation runs on your computer, nothing is sent.',
  },
  browserInput: { fr: 'Fichier ZIP ou fichiers de la sélection', en: 'ZIP file or the selection’s files' },
  browserButton: { fr: 'Vérifier', en: 'Verify' },
  notPublishedWhy: { fr: 'Ce qui n’est pas publié, et pourquoi', en: 'What is not published, and why' },
  notPublishedText: {
    fr: 'Les noms des membres du jury et du panel, leurs adresses, les identifiants internes des candidatures, les noms des projets non retenus et les commentaires libres ne sont pas publiés : ce sont des données personnelles ou des appréciations confiées au programme. Les évaluateurs et les panélistes apparaissent sous un pseudonyme (R01…, P01…) numéroté au hasard ; chaque candidature sous une référence publique tirée au hasard.',
    en: 'The names of the jury and panel members, their addresses, the applications’ internal ids, the names of projects not selected and free-text comments are not published: they are personal data or assessments entrusted to the programme. Reviewers and panelists appear under a pseudonym (R01…, P01…) numbered at random; each application under a random public reference.',
  },
});

/** Counts, in the plural form their number takes (tCount). */
export const transparencyCounts = {
  sought: {
    one: { fr: '{n} lauréat était recherché.', en: '{n} laureate was sought.' },
    other: { fr: '{n} lauréats étaient recherchés.', en: '{n} laureates were sought.' },
  },
} satisfies Record<string, CountMessage>;
