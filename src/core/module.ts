import type { FastifyInstance } from 'fastify';
import type { Transaction } from 'kysely';
import type { Actor, AuditRecorder } from './audit/audit.js';
import type { DB } from './db/schema.js';
import type { JobHandler } from './jobs/worker.js';
import type { Services } from './services.js';

/** The person whose data is exported (right of access) or erased (right to erasure). */
export interface DataSubject {
  id: string;
  email: string;
}

/**
 * Where a module erases its part of a person's data: inside the one transaction of the whole erasure, so
 * the account is erased entirely or not at all. The account row itself stays, as a pseudonym
 * (`pseudonymOf`, core/auth/pseudonym.ts): every record pointing at it remains valid.
 */
export interface ErasureContext {
  services: Services;
  trx: Transaction<DB>;
  actor: Actor;
  now: Date;
  /** Records the module's own events, if it needs any beyond the erasure's (which lists each part's counts). */
  audit: AuditRecorder;
}

/** What a part did, as counts by kind (`{ draftsDeleted: 2, reviewsKept: 3 }`): recorded in the audit, so never personal data. */
export type ErasureCounts = Record<string, number>;

/**
 * A module's part of a person's data. The accounts module's "my data" pages gather every part into the
 * export file, and erase every part in the transaction that pseudonymises the account.
 */
export interface PersonalDataPart {
  /** The key of this part in the export file. */
  name: string;
  export(services: Services, person: DataSubject): Promise<unknown>;
  /**
   * Deletes what the programme does not need (drafts never submitted, personal details) and strips the
   * person from what it must keep (submitted applications, reviews…), which stays attributed to the
   * pseudonymous account. Absent when the module holds nothing but records pointing at the account.
   */
  erase?(context: ErasureContext, person: DataSubject): Promise<ErasureCounts>;
}

/** A CLI sub-command a module offers (`npx accelerateur <name> …`). Returns the exit code. */
export interface Command {
  description: string;
  /**
   * Set, to the defining file's `import.meta.url`, by a command that works on files alone (no database, no
   * app): the CLI then loads only that file and opens nothing, so it answers in a fraction of a second.
   * Its `run` gets services that throw when touched. The file must export the command (alone or in a record).
   */
  standalone?: string;
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
  /**
   * Runs once when `npm start` has loaded the demo and before it listens (e.g. granting ADMIN_EMAIL its role);
   * returns lines the server prints once it listens, to tell whoever started it what to do next.
   */
  onStart?(services: Services): Promise<string[]>;
}
