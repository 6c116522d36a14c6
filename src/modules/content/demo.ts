import { systemActor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { attachNewsFile } from './attach-news-file.js';
import { publishNews } from './publish-news.js';
import { publishPage } from './publish-page.js';
import { type NewsInput, saveNews } from './save-news.js';
import { type PageInput, savePage } from './save-page.js';

/** Demo texts, written for this project (facts only are taken from the real programme). */
const DEMO_PAGES: PageInput[] = [
  {
    slug: 'accueil',
    title: 'Accueil',
    titleEn: 'Home',
    body: 'L’Accélérateur met en relation des porteurs de projets d’intérêt général et les administrations qui peuvent les aider à grandir : données, outils, contacts, expérimentations et financement.',
    bodyEn:
      'The Accelerator connects people who run public-interest projects with the administrations that can help them grow: data, tools, contacts, experiments and funding.',
  },
  {
    slug: 'programme',
    title: 'Le programme',
    titleEn: 'The programme',
    body: [
      'Chaque saison commence par un appel à candidatures ouvert à toutes et tous : citoyens, associations, administrations et, selon les saisons, entreprises engagées qui ne captent pas la valeur créée.',
      '',
      '## Deux parcours',
      '',
      '- **Communs numériques** : logiciels, données et services ouverts, suivis par la DINUM ;',
      '- **Communs sans dominante numérique** : projets de terrain, suivis par la DITP.',
      '',
      '## Une sélection à deux voix',
      '',
      'Un jury d’agents publics examine la qualité et la maturité des projets ; un panel de quinze citoyens tirés au sort juge leur intérêt général et leur impact.',
    ].join('\n'),
    bodyEn: [
      'Each season starts with a call for applications open to everyone: citizens, associations, administrations and, in some seasons, committed companies that do not capture the value created.',
      '',
      '## Two tracks',
      '',
      '- **Digital commons**: open software, data and services, followed by DINUM;',
      '- **Commons without a digital focus**: field projects, followed by DITP.',
      '',
      '## Selection by two voices',
      '',
      'A jury of public servants looks at the quality and maturity of projects; a panel of fifteen citizens drawn by lot judges their public interest and impact.',
    ].join('\n'),
  },
  {
    slug: 'manifeste',
    title: 'Manifeste',
    titleEn: 'Manifesto',
    body: [
      'Nous croyons que l’action publique gagne à s’appuyer sur celles et ceux qui agissent déjà.',
      '',
      '1. **Faire confiance** aux initiatives qui ont fait leurs preuves, plutôt que de réinventer à côté.',
      '2. **Ouvrir** : ce que l’État apporte à un projet doit pouvoir profiter à d’autres.',
      '3. **Associer les citoyens** au choix des projets soutenus.',
      '4. **Rendre compte** de ce qui a marché, et de ce qui n’a pas marché.',
    ].join('\n'),
    bodyEn: [
      'We believe public action gains from relying on the people who are already acting.',
      '',
      '1. **Trust** initiatives that have proven themselves, rather than reinventing alongside them.',
      '2. **Open up**: what the State brings to one project should be able to benefit others.',
      '3. **Involve citizens** in choosing the projects supported.',
      '4. **Report** on what worked, and on what did not.',
    ].join('\n'),
  },
  {
    slug: 'partenaires',
    title: 'Partenaires',
    titleEn: 'Partners',
    body: [
      'Le programme est conduit par la Direction interministérielle du numérique (DINUM) et la Direction interministérielle de la transformation publique (DITP).',
      '',
      'Les ministères, opérateurs et collectivités qui accueillent des expérimentations rejoignent la liste des partenaires au fil des saisons.',
    ].join('\n'),
    bodyEn: [
      'The programme is run by the Interministerial Digital Directorate (DINUM) and the Interministerial Directorate for Public Transformation (DITP).',
      '',
      'Ministries, public bodies and local authorities that host experiments join the list of partners season after season.',
    ].join('\n'),
  },
  {
    slug: 'faq',
    title: 'Questions fréquentes',
    titleEn: 'Frequently asked questions',
    body: [
      'Les réponses aux questions que l’on nous pose le plus souvent.',
      '',
      '## Qui peut candidater ?',
      '',
      'Toute personne ou structure qui porte un projet d’intérêt général déjà lancé : association, collectif, administration, et selon la saison, entreprise.',
      '',
      '## Le programme apporte-t-il un financement ?',
      '',
      'Oui, en partie : des subventions peuvent être attribuées, mais l’essentiel de l’accompagnement passe par l’accès aux administrations, aux données et aux outils.',
      '',
      '## Combien de temps dure l’accompagnement ?',
      '',
      'De trois à douze mois selon la saison.',
    ].join('\n'),
    bodyEn: [
      'Answers to the questions we are asked most often.',
      '',
      '## Who can apply?',
      '',
      'Anyone who runs a public-interest project that has already started: association, collective, administration and, depending on the season, company.',
      '',
      '## Does the programme provide funding?',
      '',
      'Partly: grants may be awarded, but most of the support comes through access to administrations, data and tools.',
      '',
      '## How long does the support last?',
      '',
      'From three to twelve months depending on the season.',
    ].join('\n'),
  },
  {
    slug: 'mentions-legales',
    title: 'Mentions légales',
    titleEn: 'Legal notice',
    body: 'Adresse de démonstration : Accélérateur d’initiatives citoyennes, 20 avenue de Ségur, 75007 Paris. Contact : [contact@accelerateur.example](mailto:contact@accelerateur.example).',
    bodyEn:
      'Demo address: Accélérateur d’initiatives citoyennes, 20 avenue de Ségur, 75007 Paris, France. Contact: [contact@accelerateur.example](mailto:contact@accelerateur.example).',
  },
  {
    slug: 'accessibilite',
    title: 'Accessibilité',
    titleEn: 'Accessibility',
    body: 'Pour signaler un problème d’accessibilité : [accessibilite@accelerateur.example](mailto:accessibilite@accelerateur.example). Nous répondons sous quinze jours ouvrés.',
    bodyEn:
      'To report an accessibility problem: [accessibilite@accelerateur.example](mailto:accessibilite@accelerateur.example). We answer within fifteen working days.',
  },
];

function news(
  slug: string,
  date: string,
  fields: Omit<NewsInput, 'slug' | 'publishedAt' | 'imageUrl' | 'imageAlt' | 'pressContact'> & Partial<NewsInput>,
): NewsInput {
  return {
    imageUrl: null,
    imageAlt: null,
    pressContact: null,
    ...fields,
    slug,
    publishedAt: new Date(`${date}T09:00:00Z`),
  };
}

const DEMO_NEWS: NewsInput[] = [
  news('lancement-premiere-saison', '2021-12-17', {
    title: 'La première saison de l’Accélérateur est lancée',
    titleEn: 'The Accelerator’s first season is launched',
    chapeau:
      'Un appel à candidatures est ouvert jusqu’au 29 janvier 2022 pour les projets d’intérêt général portés par la société civile.',
    chapeauEn:
      'A call for applications is open until 29 January 2022 for public-interest projects led by civil society.',
    body: 'L’appel s’adresse aux projets déjà lancés qui ont besoin de l’État pour changer d’échelle.\n\n## Comment candidater\n\nRemplissez le formulaire en ligne : il prend une trentaine de minutes.',
    bodyEn:
      'The call is aimed at projects already under way that need the State to scale up.\n\n## How to apply\n\nFill in the online form: it takes about thirty minutes.',
    categories: ['Communiqué de presse'],
    tags: ['saison-1', 'appel'],
    pressContact: {
      name: 'Service de presse',
      organisation: 'Accélérateur d’initiatives citoyennes',
      email: 'presse@accelerateur.example',
      phone: '01 23 45 67 89',
    },
  }),
  news('panel-citoyen-tire-au-sort', '2022-02-15', {
    title: 'Quinze citoyens tirés au sort pour choisir les lauréats',
    titleEn: 'Fifteen citizens drawn by lot to choose the laureates',
    chapeau: 'Le panel citoyen rejoint le jury d’agents publics pour la sélection.',
    chapeauEn: 'The citizen panel joins the jury of public servants for the selection.',
    body: 'Le tirage au sort assure une diversité d’âges, de territoires et de parcours. Les membres du panel reçoivent une formation courte avant d’examiner les dossiers.',
    bodyEn:
      'The draw ensures a diversity of ages, places and backgrounds. Panel members receive a short training before reviewing the applications.',
    categories: ['Actualité'],
    tags: ['panel-citoyen', 'saison-1'],
  }),
  news('neuf-laureats-saison-1', '2022-04-05', {
    title: 'Neuf lauréats pour la première saison',
    titleEn: 'Nine laureates for the first season',
    chapeau: 'Parmi près de deux cents candidatures, neuf projets sont accompagnés par l’État.',
    chapeauEn: 'Out of nearly two hundred applications, nine projects are supported by the State.',
    body: 'Les lauréats commencent leur accompagnement par un atelier de diagnostic de leurs besoins : consolider, intégrer ou déployer.',
    bodyEn:
      'The laureates start their support with a workshop diagnosing their needs: consolidate, integrate or deploy.',
    categories: ['Communiqué de presse', 'Actualité'],
    tags: ['laureats', 'saison-1'],
  }),
  news('rencontre-communs-numeriques', '2022-10-12', {
    title: 'Rencontre entre administrations et communs numériques',
    titleEn: 'Meeting between administrations and digital commons',
    chapeau: 'Une journée pour que les administrations découvrent les communs qu’elles peuvent utiliser et soutenir.',
    chapeauEn: 'A day for administrations to discover the commons they can use and support.',
    body: 'Au programme : démonstrations, retours d’expérience et ateliers sur les besoins concrets des services publics.',
    bodyEn: 'On the agenda: demonstrations, lessons learnt and workshops on the concrete needs of public services.',
    categories: ['Événement'],
    tags: ['communs-numeriques'],
  }),
  news('saison-2-appel-ouvert', '2023-03-01', {
    title: 'Saison 2 : l’appel à candidatures est ouvert',
    titleEn: 'Season 2: the call for applications is open',
    chapeau: 'Candidatures ouvertes jusqu’au 2 mai 2023, avec un accompagnement de douze mois.',
    chapeauEn: 'Applications open until 2 May 2023, with twelve months of support.',
    body: 'Cette saison ajoute deux critères : la gestion ou la préservation de ressources communes, et un fort impact sur un problème public majeur.',
    bodyEn:
      'This season adds two criteria: managing or preserving common resources, and a strong impact on a major public problem.',
    categories: ['Communiqué de presse'],
    tags: ['saison-2', 'appel'],
  }),
  news('bilan-premiere-saison', '2023-06-20', {
    title: 'Premier bilan : ce que l’accompagnement a changé',
    titleEn: 'First review: what the support changed',
    chapeau: 'Nouvelles stations météo ouvertes, nouvelles antennes, publics élargis : les lauréats font le point.',
    chapeauEn: 'New open weather stations, new local branches, wider audiences: the laureates take stock.',
    body: 'Le bilan complet, avec les chiffres de chaque projet, sera publié dans le rapport de saison.',
    bodyEn: 'The full review, with each project’s figures, will be published in the season report.',
    categories: ['Actualité'],
    tags: ['impact', 'saison-1'],
  }),
];

/** A one-page PDF ("Dossier de presse"), small enough to live in the code. */
function demoPressKitPdf(): Buffer {
  const stream = 'BT /F1 18 Tf 72 720 Td (Dossier de presse - Accelerateur) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Loads the demo pages and news, published. Does nothing for a slug that already exists. */
export async function loadContentDemo(services: Services): Promise<void> {
  const { db } = services;
  for (const page of DEMO_PAGES) {
    if (await db.selectFrom('pages').select('id').where('slug', '=', page.slug).executeTakeFirst()) continue;
    const saved = await savePage(services, systemActor, null, page);
    if (saved.ok) await publishPage(services, systemActor, saved.id);
  }
  for (const item of DEMO_NEWS) {
    if (await db.selectFrom('news').select('id').where('slug', '=', item.slug).executeTakeFirst()) continue;
    const saved = await saveNews(services, systemActor, null, item);
    if (!saved.ok) continue;
    if (item.pressContact) {
      await attachNewsFile(services, systemActor, saved.id, {
        data: demoPressKitPdf(),
        originalName: 'dossier-de-presse.pdf',
        label: 'Dossier de presse',
      });
    }
    await publishNews(services, systemActor, saved.id);
  }
}
