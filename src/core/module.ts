import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import type { JobHandler } from './jobs/worker.js';

/** A CLI sub-command a module offers (`npx accelerateur <name> …`). Returns the exit code. */
export interface Command {
  description: string;
  run(args: string[], services: Services): Promise<number>;
}

/**
 * What every domain module exports from its index.ts. Modules are listed in src/modules/index.ts;
 * app.ts and cli.ts never name a module directly.
 */
export interface Module {
  name: string;
  /** Registers the module's HTTP routes; every route sets `config.permission`. */
  routes?(app: FastifyInstance, services: Services): Promise<void>;
  jobs?(services: Services): Record<string, JobHandler>;
  commands?: Record<string, Command>;
  /** Loads the module's part of the demo programme (idempotent). */
  loadDemo?(services: Services): Promise<void>;
}
