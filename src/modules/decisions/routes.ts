import type { FastifyInstance } from 'fastify';
import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { transparencyRoutes } from './transparency-routes.js';

/** Registers the module's routes, one topic file each. */
export async function decisionRoutes(_app: FastifyInstance, _services: Services): Promise<void> {
  await transparencyRoutes(_app as App, _services);
}
