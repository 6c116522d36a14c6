import { Type } from '@sinclair/typebox';
import { html } from '../../../core/http/replies.js';
import { plainViewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, Slug } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { seesMembersOnly } from '../membership.js';
import { matchingMessages as m } from './messages.js';
import { commonsForViewer, needForViewer } from './policy.js';
import { suggestionsForCommons, suggestionsForNeed } from './suggestions.js';
import { SuggestionsPage } from './views/suggestions.js';

const PUBLIC = { permission: 'public' } as const;
export const SlugParams = Type.Object({ slug: Slug });

/** Explained suggestions for a need (or offer) and for a commons: public, each viewer sees what they may see. */
export async function suggestionRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  app.get(
    '/cooperation/besoins/:id/suggestions',
    { config: PUBLIC, schema: { params: IdParams } },
    async (request, reply) => {
      const need = await needForViewer(services, request, reply);
      if (!need) return reply;
      const { locale } = request;
      const suggestions = await suggestionsForNeed(db, need, seesMembersOnly(request.user));
      const needHref = `/cooperation/besoins/${need.id}`;
      return html(
        reply,
        200,
        <SuggestionsPage
          ctx={plainViewContext(request)}
          section="needs"
          title={t(locale, m.suggestionsForNeed, { title: need.title })}
          crumbs={[{ label: need.title, href: needHref }, { label: t(locale, m.suggestions) }]}
          intro={t(locale, need.side === 'administration' ? m.suggestionsNeedIntro : m.suggestionsCommonsNeedIntro)}
          back={{ label: t(locale, m.backToNeed), href: needHref }}
          closed={need.closedAt !== null}
          suggestions={suggestions}
        />,
      );
    },
  );

  app.get(
    '/cooperation/communs/:slug/suggestions',
    { config: PUBLIC, schema: { params: SlugParams } },
    async (request, reply) => {
      const commons = await commonsForViewer(services, request, reply, '/suggestions');
      if (!commons) return reply;
      const { locale } = request;
      const suggestions = await suggestionsForCommons(db, commons, seesMembersOnly(request.user));
      const commonsHref = `/cooperation/communs/${commons.slug}`;
      return html(
        reply,
        200,
        <SuggestionsPage
          ctx={plainViewContext(request)}
          section="commons"
          title={t(locale, m.suggestionsForCommons, { name: commons.name })}
          crumbs={[{ label: commons.name, href: commonsHref }, { label: t(locale, m.suggestions) }]}
          intro={t(locale, m.suggestionsCommonsIntro)}
          back={{ label: t(locale, m.backToCommons), href: commonsHref }}
          suggestions={suggestions}
        />,
      );
    },
  );
}
