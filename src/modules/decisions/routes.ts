import type { FastifyInstance } from 'fastify';
import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { boardRoutes } from './board-routes.js';

/** Registers the module's routes, one topic file each. */
export async function decisionRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await boardRoutes(app as App, services);
}
