import { html, notFound } from '../../../core/http/replies.js';
import { viewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { loadSeasons, seasonStatus } from '../../seasons/index.js';
import { getCurrentForm } from '../form-builder/queries.js';
import { SeasonSlugParams } from '../schemas.js';
import { pick } from '../views/text.js';
import { FormOutlinePage } from './views/form-outline-page.js';

/** The public outline of a season's application form: what will be asked, before signing in. */
export async function outlineRoutes(app: App, services: Services): Promise<void> {
  app.get(
    '/candidater/:seasonSlug/questions',
    { config: { permission: 'public' }, schema: { params: SeasonSlugParams } },
    async (request, reply) => {
      const [season] = await loadSeasons(services.db, { slug: request.params.seasonSlug, publishedOnly: true });
      if (!season) return notFound(request, reply);
      const form = await getCurrentForm(services.db, season.id);
      const ctx = await viewContext(request, reply);
      return html(
        reply,
        200,
        <FormOutlinePage
          ctx={ctx}
          seasonName={pick(ctx.locale, season.name, season.nameEn)}
          seasonSlug={season.slug}
          closesAt={season.closesAt}
          open={seasonStatus(season, services.clock.now()) === 'open'}
          definition={form?.definition ?? null}
        />,
      );
    },
  );
}
