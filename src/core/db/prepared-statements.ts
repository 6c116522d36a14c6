import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * node-postgres sends every Kysely query as an unnamed statement, which PostgreSQL parses and plans
 * anew each time: for the short statements of a request that is most of the server's work (measured
 * on the submit path's lock query: 0.23–0.30 ms of server CPU unnamed, 0.06–0.08 ms prepared). This
 * pool hands Kysely clients that name each parameterised statement after its text, so each
 * connection parses it once and then only binds and executes it.
 *
 * Bounded per connection: a text is prepared from its second use (one-off texts, such as long `in`
 * lists, never take a slot) and at most `limit` texts are prepared on one connection; later ones run
 * unnamed as before. Statements without parameters (begin, commit, DDL) always run as they are.
 * Turn it off (DATABASE_PREPARED_STATEMENTS=0) behind a pooler that does not keep a server
 * connection per client, such as PgBouncer in transaction mode.
 */
export interface PreparedStatementOptions {
  /** Prepared texts per connection (default 300). */
  limit?: number;
}

interface ConnectionStatements {
  /** Text → statement name, for the texts prepared on this connection. */
  prepared: Map<string, string>;
  /** Texts seen once on this connection and not prepared yet (cleared when it grows large). */
  seenOnce: Set<string>;
  /** Changes the names after PostgreSQL refused a prepared statement whose tables changed shape. */
  generation: number;
}

const SEEN_ONCE_LIMIT = 2000;

export function withPreparedStatements(pool: pg.Pool, options: PreparedStatementOptions = {}): PostgresPool {
  const limit = options.limit ?? 300;
  const byClient = new WeakMap<pg.PoolClient, ConnectionStatements>();
  const statementsOf = (client: pg.PoolClient): ConnectionStatements => {
    let statements = byClient.get(client);
    if (!statements) byClient.set(client, (statements = { prepared: new Map(), seenOnce: new Set(), generation: 0 }));
    return statements;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const statements = statementsOf(client);
      return {
        query: (async (text: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof text !== 'string' || !parameters || parameters.length === 0)
            return client.query(text as string, parameters as unknown[]);
          const name = statementName(statements, text, limit);
          if (!name) return client.query(text, [...parameters]);
          try {
            return await client.query({ name, text, values: [...parameters] });
          } catch (error) {
            // A table this statement reads changed shape (a migration ran meanwhile): prepare anew next time.
            if ((error as { code?: string }).code === '0A000') {
              statements.prepared.clear();
              statements.generation++;
            }
            throw error;
          }
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

/** The name to prepare this text under on this connection, or undefined to run it unnamed. */
function statementName(statements: ConnectionStatements, text: string, limit: number): string | undefined {
  const known = statements.prepared.get(text);
  if (known) return known;
  if (statements.prepared.size >= limit) return undefined;
  if (!statements.seenOnce.has(text)) {
    if (statements.seenOnce.size >= SEEN_ONCE_LIMIT) statements.seenOnce.clear();
    statements.seenOnce.add(text);
    return undefined;
  }
  statements.seenOnce.delete(text);
  const name = `k${statements.generation}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  statements.prepared.set(text, name);
  return name;
}
