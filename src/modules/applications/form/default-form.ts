import type { FormDefinition } from './model.js';

/**
 * The form a season starts with, modelled on the Accélérateur d'initiatives citoyennes call:
 * the project, the organisation carrying it, the team, its needs among the eight support levers,
 * and attachments. Staff adapt it per season in the form builder.
 */
export const DEFAULT_FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      description: {
        fr: 'Présentez votre initiative en quelques lignes.',
        en: 'Present your initiative in a few lines.',
      },
      questions: [
        {
          id: 'project_name',
          kind: 'short_text',
          required: true,
          maxLength: 120,
          label: { fr: 'Nom du projet', en: 'Project name' },
        },
        {
          id: 'project_summary',
          kind: 'long_text',
          required: true,
          maxLength: 2000,
          label: { fr: 'Résumé du projet', en: 'Project summary' },
          help: {
            fr: 'Quel problème d’intérêt général votre projet résout-il, et pour qui ?',
            en: 'Which general-interest problem does your project solve, and for whom?',
          },
        },
        {
          id: 'project_website',
          kind: 'url',
          required: false,
          label: { fr: 'Site web du projet', en: 'Project website' },
        },
        {
          id: 'project_people_reached',
          kind: 'number',
          required: false,
          min: 0,
          max: 100_000_000,
          label: { fr: 'Nombre de personnes touchées aujourd’hui', en: 'Number of people reached today' },
        },
        {
          id: 'project_started_on',
          kind: 'date',
          required: false,
          label: { fr: 'Date de démarrage du projet', en: 'Project start date' },
        },
      ],
    },
    {
      id: 'organisation',
      title: { fr: 'La structure porteuse', en: 'The organisation' },
      questions: [
        {
          id: 'organisation_type',
          kind: 'single_choice',
          required: true,
          label: { fr: 'Vous candidatez en tant que', en: 'You apply as' },
          help: {
            fr: 'Indiqué à la création du brouillon : corrigez-le ici si besoin.',
            en: 'Given when the draft was created: correct it here if needed.',
          },
          options: [
            { value: 'citizen', label: { fr: 'Citoyenne ou citoyen', en: 'Citizen' } },
            { value: 'association', label: { fr: 'Association', en: 'Association' } },
            { value: 'company', label: { fr: 'Entreprise', en: 'Company' } },
            { value: 'administration', label: { fr: 'Administration', en: 'Public administration' } },
          ],
        },
        {
          id: 'organisation_name',
          kind: 'short_text',
          required: true,
          maxLength: 200,
          label: { fr: 'Nom de la structure', en: 'Organisation name' },
          condition: { questionId: 'organisation_type', equals: ['association', 'company', 'administration'] },
        },
        {
          id: 'organisation_siret',
          kind: 'siret',
          required: true,
          label: { fr: 'Numéro SIRET', en: 'SIRET number' },
          help: { fr: '14 chiffres, par exemple 130 025 265 00013.', en: '14 digits, e.g. 130 025 265 00013.' },
          condition: { questionId: 'organisation_type', equals: ['company', 'administration'] },
        },
        {
          id: 'organisation_rna',
          kind: 'rna',
          required: true,
          label: { fr: 'Numéro RNA', en: 'RNA number' },
          help: {
            fr: 'W suivi de 9 chiffres, par exemple W751234567.',
            en: 'W followed by 9 digits, e.g. W751234567.',
          },
          condition: { questionId: 'organisation_type', equals: ['association'] },
        },
      ],
    },
    {
      id: 'team',
      title: { fr: 'L’équipe', en: 'The team' },
      questions: [
        {
          id: 'team',
          kind: 'repeatable',
          required: true,
          minItems: 1,
          maxItems: 10,
          label: { fr: 'Membres de l’équipe', en: 'Team members' },
          help: { fr: 'La première personne est le contact principal.', en: 'The first person is the main contact.' },
          children: [
            {
              id: 'member_name',
              kind: 'short_text',
              required: true,
              maxLength: 120,
              label: { fr: 'Prénom et nom', en: 'Full name' },
            },
            {
              id: 'member_email',
              kind: 'email',
              required: true,
              label: { fr: 'Adresse électronique', en: 'Email address' },
            },
            {
              id: 'member_role',
              kind: 'short_text',
              required: false,
              maxLength: 120,
              label: { fr: 'Rôle dans le projet', en: 'Role in the project' },
            },
          ],
        },
      ],
    },
    {
      id: 'needs',
      title: { fr: 'Vos besoins', en: 'Your needs' },
      questions: [
        {
          id: 'needs_levers',
          kind: 'multiple_choice',
          required: true,
          label: { fr: 'Leviers d’accompagnement souhaités', en: 'Support levers you need' },
          options: [
            {
              value: 'data_tools',
              label: {
                fr: 'Accès aux données et outils numériques de l’État',
                en: 'Access to the State’s data and digital tools',
              },
            },
            {
              value: 'coaching',
              label: { fr: 'Coaching et stratégie de croissance', en: 'Coaching and growth strategy' },
            },
            {
              value: 'contacts',
              label: { fr: 'Mise en relation avec les bons interlocuteurs', en: 'Introductions to the right contacts' },
            },
            {
              value: 'funding_legal',
              label: { fr: 'Financement et structuration juridique', en: 'Funding and legal set-up' },
            },
            {
              value: 'compliance',
              label: {
                fr: 'Conformité technique et protection des données',
                en: 'Technical compliance and data protection',
              },
            },
            {
              value: 'networking',
              label: { fr: 'Lieux d’innovation et communautés', en: 'Innovation places and communities' },
            },
            {
              value: 'experiments',
              label: { fr: 'Expérimentations locales avec l’État', en: 'Local experiments with the State' },
            },
            { value: 'promotion', label: { fr: 'Valorisation et promotion', en: 'Promotion' } },
          ],
        },
        {
          id: 'needs_stage',
          kind: 'single_choice',
          required: true,
          label: { fr: 'Vous souhaitez surtout', en: 'You mainly want to' },
          options: [
            { value: 'consolidate', label: { fr: 'Consolider', en: 'Consolidate' } },
            { value: 'integrate', label: { fr: 'Intégrer', en: 'Integrate' } },
            { value: 'deploy', label: { fr: 'Déployer', en: 'Deploy' } },
          ],
        },
        {
          // The decision board reads this question by its id (REQUESTED_AMOUNT_QUESTION) for the amount requested.
          id: 'needs_amount',
          kind: 'number',
          required: false,
          min: 0,
          max: 10000000,
          label: { fr: 'Montant de subvention demandé, en euros', en: 'Grant amount requested, in euros' },
          help: {
            fr: 'Laissez vide si vous ne demandez pas de financement.',
            en: 'Leave empty if you are not asking for funding.',
          },
        },
        {
          id: 'needs_details',
          kind: 'long_text',
          required: false,
          maxLength: 3000,
          label: { fr: 'Précisez vos besoins', en: 'Describe your needs' },
        },
      ],
    },
    {
      id: 'attachments',
      title: { fr: 'Pièces jointes', en: 'Attachments' },
      questions: [
        {
          id: 'attachments_presentation',
          kind: 'file',
          required: false,
          label: { fr: 'Présentation du projet (PDF)', en: 'Project presentation (PDF)' },
          file: { contentTypes: ['application/pdf'], maxBytes: 10 * 1024 * 1024 },
        },
      ],
    },
  ],
};
