import { join, resolve } from 'node:path';

/** Everything the platform reads from its environment, in one place (see README, "Configuration"). */
export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** DATABASE_PREPARED_STATEMENTS=0 turns off prepared statements (behind PgBouncer in transaction mode). */
  preparedStatements: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  loadDemo: boolean;
  trustProxy: boolean;
  runJobs: boolean;
  /** Base URL of the "API Recherche d'entreprises" (COMPANY_REGISTER_URL); unset: organisations are not looked up. */
  companyRegisterUrl: string | undefined;
  /**
   * Folder for uploaded files' bytes (FILES_DIR, shared by every app process). Unset: `DATA_DIR/files` on the
   * embedded database, where one process owns the data folder anyway; with DATABASE_URL the bytes stay in the
   * database, since only the operator knows a folder every app process shares (decision 0009).
   */
  filesDir: string | undefined;
  /** clamd address as tcp://host:port (CLAMD_URL); unset: uploaded files are not scanned. */
  clamdUrl: string | undefined;
  /** ADMIN_EMAIL: an address granted the administrator role at start (created if needed). */
  adminEmail: string | undefined;
  /** METRICS_TOKEN: /metrics answers a request bearing it; unset, /metrics answers only the loopback interface. */
  metricsToken: string | undefined;
  proconnect: { issuer: string; clientId: string; clientSecret: string; allowInsecure: boolean } | undefined;
  /**
   * API_RATE_LIMIT: requests a client (an IP address) may send per minute to the open-data API and downloads
   * (/api/v1, /donnees files); 300 unless set. Counted in each app process (see docs/api.md).
   */
  apiRateLimit: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const host = env.HOST ?? '0.0.0.0';
  const baseUrl = (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  // Mails, feeds and OpenID redirects need an absolute address (a test runner's BASE_URL=/ once gave links
  // without a host).
  if (!/^https?:\/\/[^/]+/.test(baseUrl))
    throw new Error(`BASE_URL must be an absolute http(s) address, got "${env.BASE_URL}"`);
  const proconnect =
    env.PROCONNECT_ISSUER && env.PROCONNECT_CLIENT_ID && env.PROCONNECT_CLIENT_SECRET
      ? {
          issuer: env.PROCONNECT_ISSUER,
          clientId: env.PROCONNECT_CLIENT_ID,
          clientSecret: env.PROCONNECT_CLIENT_SECRET,
          allowInsecure: env.PROCONNECT_ALLOW_HTTP === '1',
        }
      : undefined;
  const apiRateLimit = Number(env.API_RATE_LIMIT ?? 300);
  if (!Number.isInteger(apiRateLimit) || apiRateLimit < 1)
    throw new Error(`API_RATE_LIMIT must be a whole number of requests per minute, got ${env.API_RATE_LIMIT}`);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host,
    baseUrl,
    dataDir,
    databaseUrl,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== '0',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Accélérateur <ne-pas-repondre@accelerateur.localhost>',
    logLevel: env.LOG_LEVEL ?? 'info',
    loadDemo: env.DEMO !== '0',
    trustProxy: env.TRUST_PROXY === '1',
    runJobs: env.RUN_JOBS !== '0',
    companyRegisterUrl: env.COMPANY_REGISTER_URL?.trim().replace(/\/+$/, '') || undefined,
    filesDir: filesDirOf(env.FILES_DIR, dataDir, databaseUrl),
    clamdUrl: env.CLAMD_URL?.trim() || undefined,
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    proconnect,
    apiRateLimit,
  };
}

/**
 * Where the bytes of uploaded files go. The embedded default keeps them out of the database: a 200 kB file cost
 * PGlite ~45 ms of CPU in the thread that serves every request (the deadline rush fell to 10–11 submits/s, against
 * 29–65/s with a folder: docs/benchmarks.md, decision 0009).
 */
function filesDirOf(setting: string | undefined, dataDir: string, databaseUrl: string | undefined): string | undefined {
  if (setting?.trim()) return resolve(setting.trim());
  return databaseUrl ? undefined : join(dataDir, 'files');
}
