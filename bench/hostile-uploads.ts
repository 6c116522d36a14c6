/**
 * Hostile uploads: 8 anonymous senders each post a 400 MB multipart form (20 parts of 20 MB) at
 * once to the platform in its own process (loopback only), with a CSRF token from /connexion, as
 * the review did; meanwhile a legitimate reader asks for /connexion every 100 ms. Prints one JSON
 * line: what the senders managed to hand to their sockets, the statuses, the platform's RSS growth
 * (the whole process group, sampled every 20 ms) and the legitimate requests' answers and latency.
 *
 *   npx tsx bench/hostile-uploads.ts          (PGlite in a scratch DATA_DIR; DATABASE_URL=… for PostgreSQL)
 *
 * Goal: RSS growth < 100 MB, every legitimate request answered 200. Bounded: each sender stops at
 * the answer, or 400 MB, or when the server stops reading for 2 s.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess } from '../test/support/processes.js';
import { sendUnreadUpload } from '../test/support/uploads.js';

const SENDERS = 8;
const MB = 1024 * 1024;

/** Resident memory of every process in the group (tsx starts node as a child), in bytes. */
function groupRss(groupId: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== groupId) continue; // pgrp
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function csrfFrom(baseUrl: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${baseUrl}/connexion`);
  const html = await page.text();
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error('no CSRF token on /connexion');
  return { cookie, csrf };
}

const dataDir = mkdtempSync(join(tmpdir(), 'acc-hostile-'));
const app = await startAppProcess(
  process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir },
);
try {
  const groupId = app.child.pid!;
  // Warm up what a legitimate visit and a refused upload go through, then take the baseline.
  const token = await csrfFrom(app.baseUrl);
  for (let i = 0; i < 5; i++) await fetch(`${app.baseUrl}/connexion`).then((r) => r.text());
  await sendUnreadUpload({
    port: app.port,
    path: `/mes-candidatures/${randomUUID()}?_csrf=${encodeURIComponent(token.csrf)}`,
    cookie: token.cookie,
    parts: 1,
    partBytes: MB,
    capBytes: 2 * MB,
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const baseline = groupRss(groupId);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, groupRss(groupId))), 20);

  let sending = true;
  const legit: { status: number; ms: number }[] = [];
  const reader = (async () => {
    while (sending) {
      const started = performance.now();
      const status = await fetch(`${app.baseUrl}/connexion`, { signal: AbortSignal.timeout(10_000) })
        .then(async (r) => (await r.text(), r.status))
        .catch(() => 0);
      legit.push({ status, ms: performance.now() - started });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      const { cookie, csrf } = await csrfFrom(app.baseUrl);
      return sendUnreadUpload({
        port: app.port,
        path: `/mes-candidatures/${randomUUID()}?_csrf=${encodeURIComponent(csrf)}`,
        cookie,
        parts: 20,
        partBytes: 20 * MB,
        capBytes: 400 * MB,
      });
    }),
  );
  const elapsed = performance.now() - started;
  // Keep reading legitimately a little after the storm, then stop.
  await new Promise((resolve) => setTimeout(resolve, 500));
  sending = false;
  await reader;
  clearInterval(sampler);
  const latencies = legit.map((r) => r.ms).sort((a, b) => a - b);
  const summary = {
    benchmark: 'hostile-uploads',
    senders: SENDERS,
    declared_mb_each: Math.round(results[0]!.declared / MB),
    sent_mb_max: Number((Math.max(...results.map((r) => r.sent)) / MB).toFixed(1)),
    statuses: [...new Set(results.map((r) => r.status))],
    connection_closed: results.every((r) => r.head.includes('connection: close')),
    seconds: Number((elapsed / 1000).toFixed(2)),
    rss_baseline_mb: Number((baseline / MB).toFixed(1)),
    rss_growth_mb: Number(((peak - baseline) / MB).toFixed(1)),
    legit_requests: legit.length,
    legit_answered_200: legit.filter((r) => r.status === 200).length,
    legit_p95_ms: Number(
      (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? 0).toFixed(1),
    ),
    engine: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
    cpus: cpus().length,
    loadavg: loadavg().map((l) => Number(l.toFixed(2))),
    date: new Date().toISOString(),
    ok: peak - baseline < 100 * MB && legit.length > 0 && legit.every((r) => r.status === 200),
  };
  console.log(JSON.stringify(summary));
  if (!summary.ok) process.exitCode = 1;
} finally {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
