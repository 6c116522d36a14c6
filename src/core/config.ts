import { resolve } from 'node:path';

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
  /** Folder for uploaded files' bytes (FILES_DIR, shared by every app process); unset: bytes stay in the database. */
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
  return {
    port,
    host,
    baseUrl,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== '0',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Accélérateur <ne-pas-repondre@accelerateur.localhost>',
    logLevel: env.LOG_LEVEL ?? 'info',
    loadDemo: env.DEMO !== '0',
    trustProxy: env.TRUST_PROXY === '1',
    runJobs: env.RUN_JOBS !== '0',
    companyRegisterUrl: env.COMPANY_REGISTER_URL?.trim().replace(/\/+$/, '') || undefined,
    filesDir: env.FILES_DIR?.trim() ? resolve(env.FILES_DIR.trim()) : undefined,
    clamdUrl: env.CLAMD_URL?.trim() || undefined,
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    proconnect,
    apiRateLimit,
  };
}
