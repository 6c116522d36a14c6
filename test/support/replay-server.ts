import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * One recorded exchange, as kept in a fixture file: the request it answers (method, path, and
 * the query parameters that must match; others are ignored) and the response to replay.
 */
export interface ReplayFixture {
  /** What this exchange stands for ("a closed company", "429 rate limit"…). */
  represents: string;
  request: { method?: string; path: string; query?: Record<string, string> };
  response: { status: number; headers?: Record<string, string>; delayMs?: number; body: unknown };
}

export interface ReplayedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  fixture: string | null;
}

export interface ReplayServer {
  url: string;
  /** Every request received, in order, with the fixture that answered it (null: none matched). */
  requests: ReplayedRequest[];
  close(): Promise<void>;
}

export function loadFixtures(directory: string): Map<string, ReplayFixture> {
  const fixtures = new Map<string, ReplayFixture>();
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    fixtures.set(name, JSON.parse(readFileSync(join(directory, name), 'utf8')) as ReplayFixture);
  }
  return fixtures;
}

function matches(fixture: ReplayFixture, method: string, path: string, query: Record<string, string>): boolean {
  if ((fixture.request.method ?? 'GET').toUpperCase() !== method) return false;
  if (fixture.request.path !== path) return false;
  return Object.entries(fixture.request.query ?? {}).every(([key, value]) => query[key] === value);
}

/**
 * A local HTTP server that replays recorded responses from the JSON files of a folder: the first
 * fixture (by file name) whose request matches answers, after its `delayMs`. A request no fixture
 * matches gets 404, so a test sees at once that it asked for something unrecorded.
 */
export async function startReplayServer(directory: string): Promise<ReplayServer> {
  const fixtures = loadFixtures(directory);
  const requests: ReplayedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://replay.localhost');
    const query = Object.fromEntries(url.searchParams.entries());
    const method = (request.method ?? 'GET').toUpperCase();
    const found = [...fixtures.entries()].find(([, fixture]) => matches(fixture, method, url.pathname, query));
    requests.push({ method, path: url.pathname, query, headers: request.headers, fixture: found?.[0] ?? null });
    if (!found) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ erreur: `no recorded response for ${method} ${url.pathname}${url.search}` }));
      return;
    }
    const replay = found[1].response;
    const send = () => {
      timers.delete(timer);
      if (response.destroyed) return;
      response.writeHead(replay.status, { 'content-type': 'application/json', ...(replay.headers ?? {}) });
      response.end(typeof replay.body === 'string' ? replay.body : JSON.stringify(replay.body));
    };
    const timer = setTimeout(send, replay.delayMs ?? 0);
    timers.add(timer);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
