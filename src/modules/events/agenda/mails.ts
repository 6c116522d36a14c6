import { mailHtml, quotedData, registerMailTemplate } from '../../../core/mail/templates.js';

/**
 * The mails of a registration. Every one but the last of a cancelled registration carries the person's
 * secret link (`url`), from which they confirm, accept an offered place or cancel; `cancel` is the direct
 * cancellation link. `title` and `when` are the event's, `link` (registered only) its online link.
 */
export const EVENT_MAILS = {
  confirm: 'events.confirm-email',
  registered: 'events.registered',
  waiting: 'events.waiting',
  offer: 'events.place-offered',
  offerExpired: 'events.offer-expired',
  eventCancelled: 'events.event-cancelled',
} as const;

type Lines = (data: Record<string, string>) => { subject: string; lines: string[]; action: string };

function template(name: string, fr: Lines, en: Lines): void {
  const render = (locale: 'fr' | 'en', lines: Lines) => (data: Record<string, string>) => {
    const m = lines(data);
    const cancel = data.cancel ? [locale === 'fr' ? `Pour annuler : ${data.cancel}` : `To cancel: ${data.cancel}`] : [];
    const all = [...m.lines, ...cancel];
    return {
      subject: m.subject,
      text: `${all.join('\n\n')}\n\n${m.action} : ${data.url}\n`,
      html: mailHtml(locale, all, { label: m.action, url: data.url ?? '' }),
    };
  };
  registerMailTemplate(name, { fr: render('fr', fr), en: render('en', en) });
}

const title = (d: Record<string, string>) => quotedData(d.title ?? '', 150);

template(
  EVENT_MAILS.confirm,
  (d) => ({
    subject: `Confirmez votre inscription : ${title(d)}`,
    lines: [
      'Bonjour,',
      `Vous avez demandé à vous inscrire à l’événement « ${title(d)} » (${d.when}).`,
      'Votre inscription ne sera enregistrée qu’après confirmation, en suivant le lien ci-dessous. Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel.',
    ],
    action: 'Confirmer mon inscription',
  }),
  (d) => ({
    subject: `Confirm your registration: ${title(d)}`,
    lines: [
      'Hello,',
      `You asked to register for the event “${title(d)}” (${d.when}).`,
      'You are registered only once you confirm, through the link below. If you did not ask, ignore this mail.',
    ],
    action: 'Confirm my registration',
  }),
);

template(
  EVENT_MAILS.registered,
  (d) => ({
    subject: `Inscription confirmée : ${title(d)}`,
    lines: [
      'Bonjour,',
      `Votre inscription à l’événement « ${title(d)} » est confirmée.`,
      `Quand : ${d.when}`,
      ...(d.place ? [`Où : ${quotedData(d.place, 300)}`] : []),
      ...(d.link ? [`Lien pour participer en ligne : ${d.link}`] : []),
      'L’événement est joint à ce courriel (fichier .ics) pour votre agenda.',
    ],
    action: 'Voir mon inscription',
  }),
  (d) => ({
    subject: `Registration confirmed: ${title(d)}`,
    lines: [
      'Hello,',
      `Your registration for the event “${title(d)}” is confirmed.`,
      `When: ${d.when}`,
      ...(d.place ? [`Where: ${quotedData(d.place, 300)}`] : []),
      ...(d.link ? [`Link to take part online: ${d.link}`] : []),
      'The event is attached to this mail (.ics file) for your calendar.',
    ],
    action: 'See my registration',
  }),
);

template(
  EVENT_MAILS.waiting,
  (d) => ({
    subject: `Liste d’attente : ${title(d)}`,
    lines: [
      'Bonjour,',
      `L’événement « ${title(d)} » (${d.when}) est complet : vous êtes sur la liste d’attente, en position ${d.position}.`,
      'Si une place se libère, nous vous l’offrirons par courriel, avec un délai pour l’accepter.',
    ],
    action: 'Voir mon inscription',
  }),
  (d) => ({
    subject: `Waiting list: ${title(d)}`,
    lines: [
      'Hello,',
      `The event “${title(d)}” (${d.when}) is full: you are on the waiting list, in position ${d.position}.`,
      'If a place is freed, we will offer it to you by mail, with a time limit to accept it.',
    ],
    action: 'See my registration',
  }),
);

template(
  EVENT_MAILS.offer,
  (d) => ({
    subject: `Une place s’est libérée : ${title(d)}`,
    lines: [
      'Bonjour,',
      `Une place s’est libérée pour l’événement « ${title(d)} » (${d.when}) et elle vous est réservée.`,
      `Acceptez-la avant le ${d.expires} ; passé ce délai, elle sera proposée à la personne suivante.`,
    ],
    action: 'Accepter la place',
  }),
  (d) => ({
    subject: `A place was freed: ${title(d)}`,
    lines: [
      'Hello,',
      `A place was freed for the event “${title(d)}” (${d.when}) and it is kept for you.`,
      `Accept it before ${d.expires}; after that, it will be offered to the next person.`,
    ],
    action: 'Accept the place',
  }),
);

template(
  EVENT_MAILS.offerExpired,
  (d) => ({
    subject: `Place non acceptée : ${title(d)}`,
    lines: [
      'Bonjour,',
      `La place qui vous était proposée pour l’événement « ${title(d)} » n’a pas été acceptée à temps : elle est proposée à la personne suivante.`,
      'Vous pouvez vous inscrire de nouveau depuis la page de l’événement.',
    ],
    action: 'Voir l’événement',
  }),
  (d) => ({
    subject: `Place not accepted: ${title(d)}`,
    lines: [
      'Hello,',
      `The place offered to you for the event “${title(d)}” was not accepted in time: it is offered to the next person.`,
      'You may register again from the event’s page.',
    ],
    action: 'See the event',
  }),
);

template(
  EVENT_MAILS.eventCancelled,
  (d) => ({
    subject: `Événement annulé : ${title(d)}`,
    lines: [
      'Bonjour,',
      `L’événement « ${title(d)} » prévu le ${d.when} est annulé.`,
      `Motif : ${quotedData(d.reason ?? '', 2000)}`,
      'Nous sommes désolés pour ce changement.',
    ],
    action: 'Voir l’événement',
  }),
  (d) => ({
    subject: `Event cancelled: ${title(d)}`,
    lines: [
      'Hello,',
      `The event “${title(d)}” planned on ${d.when} is cancelled.`,
      `Reason: ${quotedData(d.reason ?? '', 2000)}`,
      'We are sorry for this change.',
    ],
    action: 'See the event',
  }),
);
