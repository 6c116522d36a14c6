import type { FastifyInstance } from 'fastify';
import type { Services } from './services.js';
import type { JobHandler } from './jobs/worker.js';
import type { Actor } from './audit/audit.js';

/** The person whose data is exported (right of access) or erased (right to erasure). */
export interface DataSubject {
  id: string;
  email: string;
}

/**
 * A module's part of a person's data. The accounts module's "my data" pages gather every part into the
 * export file and erase every part before the account itself, so no module's data outlives the account.
 */
export interface PersonalDataPart {
  /** The key of this part in the export file. */
  name: string;
  export(services: Services, person: DataSubject): Promise<unknown>;
  /**
   * Absent when the module's records must outlive the account (e.g. a submitted application belongs to the
   * programme's file too): then the account cannot be erased while such records point at it.
   */
  erase?(services: Services, actor: Actor, person: DataSubject): Promise<void>;
}

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
  /**
   * Enqueues the module's recurring jobs when a process starts its job worker (each job then schedules
   * its next run); idempotent, so any number of processes may call it.
   */
  schedule?(services: Services): Promise<void>;
  commands?: Record<string, Command>;
  /** What the module holds about a person, for the export and erasure of their data. */
  personalData?: PersonalDataPart;
  /** Loads the module's part of the demo programme (idempotent). */
  loadDemo?(services: Services): Promise<void>;
}
