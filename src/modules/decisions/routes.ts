import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.js';

/** Registers the module's routes, one topic file each. */
export async function decisionRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await (await import('./publication-routes.js')).publicationRoutes(app, services);
}
