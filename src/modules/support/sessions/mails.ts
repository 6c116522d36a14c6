import { type CountMessage, formatDate, type Locale, tCount } from '../../../core/i18n/i18n.js';
import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';
import { parisDateTime } from '../../../core/time/paris-time.js';

export const TEAM_MESSAGE_MAIL = 'support.team-message';
export const STAFF_MESSAGE_MAIL = 'support.staff-message';
export const ACTION_REMINDER_MAIL = 'support.action-reminder';
export const WEEKLY_DIGEST_MAIL = 'support.weekly-digest';

/** A day (YYYY-MM-DD) as the recipient reads dates. */
function day(locale: Locale, value: string | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(locale, parisDateTime(value, '12:00')) : '—';
}

/** Keeps a message's paragraphs (its line breaks are the author's), each paragraph's control characters out. */
function bodyParagraphs(body: string | undefined): string[] {
  return (body ?? '')
    .split(/\n{2,}/)
    .map((p) => p.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim())
    .filter(Boolean);
}

/** To the staff responsible in the plan: the laureate's team wrote in its space. */
registerMailTemplate(TEAM_MESSAGE_MAIL, {
  fr: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Bonjour,',
      `L’équipe du projet « ${title} » vous a écrit dans son espace lauréat :`,
      ...bodyParagraphs(data.body),
    ];
    return {
      subject: `Message de l’équipe lauréate : ${title}`,
      text: `${lines.join('\n\n')}\n\nRépondre depuis le fil de suivi :\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Répondre', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Hello,',
      `The team of the project “${title}” wrote in its laureate space:`,
      ...bodyParagraphs(data.body),
    ];
    return {
      subject: `Message from the laureate team: ${title}`,
      text: `${lines.join('\n\n')}\n\nAnswer from the timeline:\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Answer', url: data.url ?? '' }),
    };
  },
});

/** To the laureate's team: the support staff wrote in its space. */
registerMailTemplate(STAFF_MESSAGE_MAIL, {
  fr: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Bonjour,',
      `L’équipe d’accompagnement de l’Accélérateur vous a écrit au sujet de votre projet « ${title} » :`,
      ...bodyParagraphs(data.body),
    ];
    return {
      subject: `Nouveau message de l’accompagnement : ${title}`,
      text: `${lines.join('\n\n')}\n\nRépondre depuis votre espace lauréat :\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Répondre', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const title = quotedData(data.title ?? '');
    const lines = [
      'Hello,',
      `The Accelerator’s support team wrote to you about your project “${title}”:`,
      ...bodyParagraphs(data.body),
    ];
    return {
      subject: `New message from the support team: ${title}`,
      text: `${lines.join('\n\n')}\n\nAnswer from your laureate space:\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'Answer', url: data.url ?? '' }),
    };
  },
});

/** To an action item's owner (a person, else the team), two days before it is due. */
registerMailTemplate(ACTION_REMINDER_MAIL, {
  fr: (data) => {
    const title = quotedData(data.title ?? '');
    const text = quotedData(data.text ?? '', 300);
    const due = day('fr', data.dueOn);
    const lines = [
      'Bonjour,',
      `Une action décidée lors d’une séance d’accompagnement du projet « ${title} » arrive à échéance le ${due} :`,
      `« ${text} »`,
      'Une fois faite, vous pouvez la marquer comme telle dans l’espace lauréat.',
    ];
    return {
      subject: `Rappel : action à mener avant le ${due}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('fr', lines, { label: 'Voir les actions', url: data.url ?? '' }),
    };
  },
  en: (data) => {
    const title = quotedData(data.title ?? '');
    const text = quotedData(data.text ?? '', 300);
    const due = day('en', data.dueOn);
    const lines = [
      'Hello,',
      `An action agreed in a coaching session of the project “${title}” is due on ${due}:`,
      `“${text}”`,
      'Once it is done, you can mark it so in the laureate space.',
    ];
    return {
      subject: `Reminder: action to take before ${due}`,
      text: `${lines.join('\n\n')}\n${data.url}\n`,
      html: mailHtml('en', lines, { label: 'See the action items', url: data.url ?? '' }),
    };
  },
});

/** One laureate's late items in the digest (the mail's data carries them as JSON). */
export interface DigestGroup {
  title: string;
  url: string;
  items: { kind: string; title: string; dueOn: string }[];
}

const KIND_LABELS: Record<Locale, Record<string, string>> = {
  fr: {
    milestone: 'Jalon',
    action_item: 'Action',
    session: 'Séance',
    introduction: 'Mise en relation',
    report: 'Compte rendu financier',
    payment: 'Versement',
    grant: 'Subvention',
    message: 'Message sans réponse',
  },
  en: {
    milestone: 'Milestone',
    action_item: 'Action item',
    session: 'Session',
    introduction: 'Introduction',
    report: 'Financial report',
    payment: 'Payment',
    grant: 'Grant',
    message: 'Unanswered message',
  },
};

function parseGroups(json: string | undefined): DigestGroup[] {
  try {
    const parsed = JSON.parse(json ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as DigestGroup[]) : [];
  } catch {
    return [];
  }
}

/** The digest's count of late items, in the locale's plural form (`tCount`): never "(s)". */
const DIGEST_COUNTS = {
  intro: {
    one: {
      fr: 'Voici ce qui est en retard dans les accompagnements que vous suivez ({n} élément) :',
      en: 'Here is what is late in the support you follow ({n} item):',
    },
    other: {
      fr: 'Voici ce qui est en retard dans les accompagnements que vous suivez ({n} éléments) :',
      en: 'Here is what is late in the support you follow ({n} items):',
    },
  },
  subject: {
    one: { fr: 'Accompagnement : {n} élément en retard', en: 'Support: {n} late item' },
    other: { fr: 'Accompagnement : {n} éléments en retard', en: 'Support: {n} late items' },
  },
} satisfies Record<string, CountMessage>;

function digest(locale: Locale, data: Record<string, string>) {
  const groups = parseGroups(data.groups);
  const count = groups.reduce((n, g) => n + g.items.length, 0);
  const fr = locale === 'fr';
  const intro = tCount(locale, DIGEST_COUNTS.intro, count);
  const lines = [fr ? 'Bonjour,' : 'Hello,', intro];
  const textParts = [...lines];
  for (const group of groups) {
    const head = fr ? `« ${quotedData(group.title)} »` : `“${quotedData(group.title)}”`;
    const itemLines = group.items.map((item) => {
      const kind = KIND_LABELS[locale][item.kind] ?? item.kind;
      const due = day(locale, item.dueOn);
      return fr
        ? `– ${kind} : ${quotedData(item.title, 200)} (échéance : ${due})`
        : `– ${kind}: ${quotedData(item.title, 200)} (due: ${due})`;
    });
    lines.push(head, ...itemLines, group.url);
    textParts.push(`${head}\n${itemLines.join('\n')}\n${group.url}`);
  }
  const closing = fr
    ? 'Ce courriel part chaque lundi quand quelque chose est en retard.'
    : 'This mail is sent every Monday when something is late.';
  lines.push(closing);
  textParts.push(closing);
  return {
    subject: tCount(locale, DIGEST_COUNTS.subject, count),
    text: `${textParts.join('\n\n')}\n`,
    html: mailHtml(locale, lines, { label: fr ? 'Voir les lauréats' : 'See the laureates', url: data.url ?? '' }),
  };
}

/** Monday's digest to a staff member: what is late in their tracks, grouped by laureate. */
registerMailTemplate(WEEKLY_DIGEST_MAIL, { fr: (data) => digest('fr', data), en: (data) => digest('en', data) });
