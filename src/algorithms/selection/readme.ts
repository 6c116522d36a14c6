import type { MethodFile } from './format.js';

/** README.md of the bundle: what each file holds and how to recompute the results, in French then English. */
export function readme(method: MethodFile): string {
  const jury = method.juryCriteria.map((c) => `${c.code} (${c.weight})`).join(', ');
  const panel = method.panelCriteria.map((c) => `${c.code} (${c.weight})`).join(', ') || '—';
  return `# Sélection recalculable / A selection anyone can recompute

## Français

Ces fichiers permettent à chacun de recalculer le classement qui a servi à la délibération, sans aucune donnée
personnelle : chaque candidature y porte une référence publique tirée au hasard (pas son identifiant interne),
chaque membre du jury un pseudonyme (R01…) et chaque membre du panel citoyen un pseudonyme (P01…), numérotés
dans un ordre aléatoire. Seuls les lauréats sont nommés, par le nom de leur projet.

| fichier | contenu |
|---|---|
| method.json | pondérations jury / panel (${method.weights.jury} / ${method.weights.panel}), critères et poids, échelles, graine (${method.seed}), réplications du bootstrap (${method.replicates}), niveau des intervalles (${method.level}), régularisation (${method.ridge}), nombre de lauréats recherchés (${method.selectionSize}) |
| reviews.csv | chaque évaluation soumise : candidature, évaluateur (pseudonyme), note par critère |
| opinions.csv | chaque avis du panel citoyen : candidature, panéliste (pseudonyme), note par critère |
| calibration.csv | pour chaque candidature évaluée (en lice ou non) : nombre d’évaluations, moyenne brute, score calibré du jury |
| results.csv | pour chaque candidature en lice, du premier au dernier rang : rang et intervalle de rang, score combiné sur 100, score calibré et rang du jury seul, moyennes du panel, clé de départage |
| decisions.csv | la décision (lauréat, liste d’attente, non retenu), les motifs sous forme de codes, l’écart éventuel à l’ordre calculé, le montant et le nom du projet pour les lauréats |

**Méthode.** Le score de chaque évaluation est la moyenne pondérée de ses notes (critères du jury : ${jury}).
Un modèle « qualité + biais de l’évaluateur » (moindres carrés, biais régularisés) retire la sévérité ou
l’indulgence de chaque évaluateur : c’est le score calibré. L’avis du panel est la moyenne des scores pondérés
des panélistes (critères : ${panel}). Les deux parts, ramenées entre 0 et 1, sont combinées selon les
pondérations en un score sur 100. L’incertitude vient d’un bootstrap à graine publique qui rééchantillonne à la
fois les résidus du jury et les avis des panélistes ; l’intervalle de rang couvre ${Math.round(method.level * 100)} %
des réplications. Une égalité exacte est départagée par la clé publiée (dérivée de la graine).

**Vérifier.** Avec Node.js 18 ou plus récent, sans rien installer :
\`node verificateur-selection.mjs <ce-fichier.zip ou ce-dossier>\` (fichier à télécharger sur la page de
transparence de la saison), ou \`npx accelerateur selection verify <zip-ou-dossier>\` depuis le code de la
plateforme, ou directement dans le navigateur sur la page de transparence. Le vérificateur recalcule la
calibration, les intervalles (avec la graine publiée), la combinaison et l’ordre à partir de method.json,
reviews.csv et opinions.csv, les compare à results.csv, puis contrôle la cohérence de decisions.csv. Il répond
0 si tout concorde, sinon il indique la première différence (fichier, ligne, colonne, attendu, trouvé).

## English

These files let anyone recompute the ranking the deliberation worked from, with no personal data: each
application has a random public reference (not its internal id), each jury member a pseudonym (R01…) and each
citizen panelist a pseudonym (P01…), numbered in a random order. Only the laureates are named, by their project.

method.json holds the weights (jury / panel ${method.weights.jury} / ${method.weights.panel}), the criteria and
their weights, the scales, the seed (${method.seed}), the bootstrap replicates (${method.replicates}), the
intervals' level (${method.level}), the ridge (${method.ridge}) and the laureates sought (${method.selectionSize});
reviews.csv every submitted review's score per criterion; opinions.csv every panel opinion per criterion;
calibration.csv the jury's calibrated score of every reviewed application (competing or not); results.csv the combined order with rank intervals, the jury's calibrated score and its own rank, and the panel's means;
decisions.csv the decisions with reason codes, departures from the order, and the laureates' amounts and names.

**Method.** A review's score is the weighted mean of its criteria (${jury}). A "quality + reviewer bias" model
(least squares, ridge on the biases) takes out each reviewer's harshness or leniency: the calibrated score. The
panel's opinion is the mean of the panelists' weighted scores (${panel}). Both parts, brought to 0–1, are
combined under the weights into a score out of 100. A bootstrap seeded with the published seed redraws both
the jury's residuals and the panelists' opinions; the rank interval covers ${Math.round(method.level * 100)} % of
the replicates. An exact tie is broken by the published tie key (derived from the seed).

**Verify.** With Node.js 18 or later, installing nothing: \`node verificateur-selection.mjs <this.zip or folder>\`
(downloadable from the season's transparency page), or \`npx accelerateur selection verify <zip-or-folder>\`
from the platform's code, or in the browser on the transparency page. The verifier recomputes the calibration,
the intervals (with the published seed), the combination and the order from method.json, reviews.csv and
opinions.csv, compares them with results.csv, and checks that decisions.csv is consistent. It exits 0 when
everything matches, otherwise it prints the first difference (file, line, column, expected, found).
`;
}
