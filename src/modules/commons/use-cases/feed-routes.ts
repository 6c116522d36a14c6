import type { FastifyReply } from 'fastify';
import type { App } from '../../../core/http/route-schemas.js';
import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { atomXml } from './atom.js';
import { NEED_CATEGORY_LABELS, NEED_KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS, territoryLabel } from './labels.js';
import { useCaseMessages as m } from './messages.js';
import { feedNeeds, feedUseCases } from './queries.js';
import { excerpt, NEEDS_PATH, needHref, USE_CASES_PATH, useCaseHref } from './views/common.js';

/** How many entries a feed holds: the newest. */
export const FEED_SIZE = 50;

const PLATFORM = {
  fr: 'Accélérateur d’initiatives citoyennes',
  en: 'Citizen Initiatives Accelerator',
};

function send(reply: FastifyReply, xml: string): FastifyReply {
  // Revalidated on every read: a hidden item leaves the feed at once.
  return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, no-cache').send(xml);
}

/**
 * The Atom feeds of new use cases and of new needs and offers: public, not hidden, newest 50, in the reader's
 * language. Entry ids are the records' UUIDs (`urn:uuid:…`): an edit updates an entry, never duplicates it.
 */
export async function feedRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const base = services.config.baseUrl.replace(/\/$/, '');
  const config = { permission: 'public', openapi: true } as const;

  app.get(
    `${USE_CASES_PATH}.atom`,
    {
      config,
      schema: {
        summary: 'New use cases of digital commons (Atom 1.0)',
        description:
          'The 50 newest public use cases of the cooperation space (administration X uses or wants to use commons Y ' +
          'for Z), newest first, as an Atom 1.0 feed: entry ids are urn:uuid: of the use case, the summary gives ' +
          'the administration, the commons, the status and the start of the description. Members-only and hidden ' +
          'use cases are left out.',
        tags: ['commons'],
      },
    },
    async (request, reply) => {
      const locale: Locale = request.locale;
      const items = await feedUseCases(db, FEED_SIZE);
      const xml = atomXml({
        id: `${base}${USE_CASES_PATH}`,
        title: t(locale, m.useCasesFeedTitle),
        subtitle: t(locale, m.useCasesIntro),
        self: `${base}${USE_CASES_PATH}.atom`,
        alternate: `${base}${USE_CASES_PATH}`,
        emptyUpdated: new Date('2026-01-01T00:00:00Z'),
        author: PLATFORM[locale],
        language: locale,
        entries: items.map((u) => ({
          uuid: u.id,
          title: u.title,
          summary: [
            `${u.administrationName} · ${u.commonsName}`,
            t(locale, STATUS_LABELS[u.status]),
            territoryLabel(locale, u.territory),
            excerpt(u.description, 400),
          ].join(' — '),
          link: `${base}${useCaseHref(u.id)}`,
          published: u.createdAt,
          updated: u.updatedAt,
          author: u.administrationName,
          categories: [t(locale, STATUS_LABELS[u.status])],
        })),
      });
      return send(reply, xml);
    },
  );

  app.get(
    `${NEEDS_PATH}.atom`,
    {
      config,
      schema: {
        summary: 'New needs and offers of the cooperation space (Atom 1.0)',
        description:
          'The 50 newest public needs and offers posted by administrations (problems to solve) and by digital ' +
          'commons (funding, data access, testers, contributors, hosting, expertise), open or closed, newest first, ' +
          'as an Atom 1.0 feed with urn:uuid: entry ids. Members-only and hidden items are left out.',
        tags: ['commons'],
      },
    },
    async (request, reply) => {
      const locale: Locale = request.locale;
      const items = await feedNeeds(db, FEED_SIZE);
      const xml = atomXml({
        id: `${base}${NEEDS_PATH}`,
        title: t(locale, m.needsFeedTitle),
        subtitle: t(locale, m.needsIntro),
        self: `${base}${NEEDS_PATH}.atom`,
        alternate: `${base}${NEEDS_PATH}`,
        emptyUpdated: new Date('2026-01-01T00:00:00Z'),
        author: PLATFORM[locale],
        language: locale,
        entries: items.map((n) => ({
          uuid: n.id,
          title: n.title,
          summary: [
            `${t(locale, NEED_KIND_LABELS[n.kind])} · ${t(locale, NEED_CATEGORY_LABELS[n.category])} · ${n.ownerName}`,
            n.closedAt && n.outcome
              ? `${t(locale, m.closedBadge)} (${t(locale, OUTCOME_LABELS[n.outcome])})`
              : t(locale, m.openBadge),
            territoryLabel(locale, n.territory),
            excerpt(n.description, 400),
          ].join(' — '),
          link: `${base}${needHref(n.id)}`,
          published: n.createdAt,
          updated: n.updatedAt,
          author: n.ownerName,
          categories: [t(locale, NEED_KIND_LABELS[n.kind]), t(locale, NEED_CATEGORY_LABELS[n.category])],
        })),
      });
      return send(reply, xml);
    },
  );
}
