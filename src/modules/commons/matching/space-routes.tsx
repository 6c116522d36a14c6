import { html } from '../../../core/http/replies.js';
import { plainViewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { COOPERATION_HREFS } from '../views/cooperation-layout.js';
import { personSpace } from './space.js';
import { MySpacePage } from './views/my-space.js';

/** The signed-in person's own page of the cooperation space. */
export async function spaceRoutes(app: App, services: Services): Promise<void> {
  app.get(COOPERATION_HREFS.mine, { config: { permission: 'signed-in' } }, async (request, reply) => {
    const space = await personSpace(services.db, request.user!.id);
    return html(reply, 200, <MySpacePage ctx={plainViewContext(request)} space={space} />);
  });
}
