import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/services.js';

/** Registers the module's routes, one topic file each. */
export async function decisionRoutes(_app: FastifyInstance, _services: Services): Promise<void> {}
