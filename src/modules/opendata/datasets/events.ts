import { type Static, Type } from '@sinclair/typebox';
import { numberCell, parisDateTimeCell } from '../../../core/spreadsheet/csv.js';
import { publicEvents } from '../../events/index.js';
import { datasetMessages as m } from '../messages.js';
import { Instant, Nullable, SitePath, Uuid } from '../schemas.js';
import { defineDataset } from './dataset.js';

const KINDS = ['in_person', 'online', 'hybrid'];
const KIND_LABEL: Record<string, string> = { in_person: 'Sur place', online: 'En ligne', hybrid: 'Hybride' };

export const EventRecord = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  kind: Type.String({ enum: KINDS }),
  place: Type.String({ description: 'Empty for an online event (its link goes to registered people only)' }),
  accessibility: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  capacity: Nullable(Type.Integer()),
  registrationOpensAt: Nullable(Instant),
  registrationClosesAt: Nullable(Instant),
  cancelled: Type.Boolean(),
  laureateIds: Type.Array(Uuid),
  commonsIds: Type.Array(Uuid),
  attendance: Nullable(Type.Integer({ description: 'From the published closing report' })),
  url: SitePath,
  updatedAt: Instant,
});
type EventRecord = Static<typeof EventRecord>;

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** The programme's public events, upcoming and past (never who registered, nor the online link). */
export const eventsDataset = defineDataset<EventRecord>({
  path: 'events',
  file: 'evenements',
  title: m.eventsTitle,
  description: m.eventsText,
  keywords: { fr: ['événements', 'agenda', 'rencontres'], en: ['events', 'calendar'] },
  schema: EventRecord,
  filters: {
    kind: { schema: Type.String({ enum: KINDS }), test: (e, value) => e.kind === value },
    from: {
      schema: Type.String({ format: 'date', description: 'Events ending on or after this day (YYYY-MM-DD)' }),
      test: (e, value) => e.endsAt.slice(0, 10) >= value,
    },
    to: {
      schema: Type.String({ format: 'date', description: 'Events starting before this day (YYYY-MM-DD)' }),
      test: (e, value) => e.startsAt.slice(0, 10) < value,
    },
  },
  async load(services) {
    return (await publicEvents(services.db, services.clock.now())).map((e) => ({
      id: e.id,
      title: e.title,
      description: e.description,
      kind: e.kind,
      place: e.place,
      accessibility: e.accessibility,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      capacity: e.capacity,
      registrationOpensAt: iso(e.registrationOpensAt),
      registrationClosesAt: iso(e.registrationClosesAt),
      cancelled: e.cancelled,
      laureateIds: e.laureateIds,
      commonsIds: e.commonsIds,
      attendance: e.report?.attendance ?? null,
      url: `/evenements/${e.id}`,
      updatedAt: e.updatedAt.toISOString(),
    }));
  },
  updatedAt: (e) => e.updatedAt,
  columns: [
    { label: 'Identifiant', value: (e) => e.id },
    { label: 'Titre', value: (e) => e.title },
    { label: 'Format', value: (e) => KIND_LABEL[e.kind] ?? e.kind },
    { label: 'Lieu', value: (e) => e.place },
    { label: 'Accessibilité', value: (e) => e.accessibility },
    { label: 'Début', value: (e) => parisDateTimeCell(e.startsAt) },
    { label: 'Fin', value: (e) => parisDateTimeCell(e.endsAt) },
    { label: 'Places', value: (e) => numberCell(e.capacity) },
    { label: 'Annulé', value: (e) => (e.cancelled ? 'oui' : 'non') },
    { label: 'Participants', value: (e) => numberCell(e.attendance) },
    { label: 'Description', value: (e) => e.description },
    { label: 'Page', value: (e) => e.url },
    { label: 'Mise à jour', value: (e) => parisDateTimeCell(e.updatedAt) },
  ],
  more: [{ href: '/evenements.ics', title: m.eventsIcs, format: 'ICS', mediaType: 'text/calendar' }],
});
