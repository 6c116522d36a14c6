/**
 * Adapter for the public "API Recherche d'entreprises" (https://recherche-entreprises.api.gouv.fr,
 * set as COMPANY_REGISTER_URL; off when unset). It looks an organisation up by SIREN or SIRET with
 * `GET /search?q=<siren or siret>` and reads `results[].siren`, `nom_complet`, `nature_juridique`,
 * `etat_administratif`, `complements.est_association`, `complements.identifiant_association`,
 * `siege.siret` and `matching_etablissements`.
 *
 * The register only helps staff: an application never waits on it for long nor fails because of
 * it. So `lookup` never throws, answers within the timeout (2 s), never retries, and after a 429
 * (the API allows 7 requests per second per IP) or a run of failures it stops calling for a while
 * and answers "unavailable" at once, instead of adding to the load of a struggling service.
 */

export type CompanyRegisterResult =
  | {
      status: 'verified';
      siren: string;
      /** The establishment looked up (null for a SIREN lookup). */
      siret: string | null;
      name: string;
      /** INSEE legal category code (nature juridique), e.g. "5710" for a SAS, "9220" for an association. */
      legalForm: string;
      /** The legal unit is active and, for a SIRET lookup, so is the establishment. */
      active: boolean;
      isAssociation: boolean;
      /** RNA number the register holds for an association, if any. */
      rna: string | null;
    }
  | { status: 'not_found' }
  | { status: 'unavailable'; reason: UnavailableReason };

export type UnavailableReason =
  | 'invalid_identifier'
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'bad_response'
  | 'cooling_down';

export interface CompanyRegisterOptions {
  baseUrl: string;
  /** Whole request, headers and body: 2 s by default. */
  timeoutMs?: number;
  userAgent?: string;
  /** Milliseconds since the epoch; injectable so tests can move past a cool-down. */
  now?: () => number;
  /** How long an answer (verified or not found) is reused: autosaves repeat the same lookup. */
  cacheTtlMs?: number;
  /** Consecutive failures (timeouts, 5xx, network) after which calls pause for `cooldownMs`. */
  failureThreshold?: number;
  cooldownMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const DEFAULT_CACHE_TTL_MS = 10 * 60_000;
const DEFAULT_FAILURE_THRESHOLD = 3;
const DEFAULT_COOLDOWN_MS = 30_000;
const DEFAULT_RETRY_AFTER_S = 30;
const MAX_RETRY_AFTER_S = 600;
const MAX_CACHE_ENTRIES = 1_000;
const MAX_BODY_CHARS = 2_000_000;

/** Legal categories the API counts as associations (its `est_association` filter). */
const ASSOCIATION_LEGAL_FORMS = new Set([
  '5195',
  '9210',
  '9220',
  '9221',
  '9222',
  '9223',
  '9224',
  '9230',
  '9240',
  '9260',
]);

interface ApiEstablishment {
  siret?: unknown;
  etat_administratif?: unknown;
}

interface ApiResult {
  siren?: unknown;
  nom_complet?: unknown;
  nom_raison_sociale?: unknown;
  nature_juridique?: unknown;
  etat_administratif?: unknown;
  siege?: ApiEstablishment | null;
  matching_etablissements?: unknown;
  complements?: { est_association?: unknown; identifiant_association?: unknown } | null;
}

type Failure = Extract<CompanyRegisterResult, { status: 'unavailable' }>;

const unavailable = (reason: UnavailableReason): Failure => ({ status: 'unavailable', reason });

/** Strips the separators people type; returns 9 (SIREN) or 14 (SIRET) digits, or null. */
export function registerQuery(identifier: string): string | null {
  const digits = String(identifier ?? '').replace(/[\s\u00a0\u202f.-]/g, '');
  return /^(\d{9}|\d{14})$/.test(digits) ? digits : null;
}

/** Reads one API answer for the identifier searched; null when the body is not the documented shape. */
export function readSearchAnswer(query: string, body: unknown): CompanyRegisterResult | null {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { results?: unknown }).results)) return null;
  const results = (body as { results: ApiResult[] }).results;
  const siren = query.slice(0, 9);
  const found = results.find((result) => result && typeof result === 'object' && result.siren === siren);
  if (!found) return { status: 'not_found' };
  const name =
    typeof found.nom_complet === 'string' && found.nom_complet.trim()
      ? found.nom_complet.trim()
      : typeof found.nom_raison_sociale === 'string'
        ? found.nom_raison_sociale.trim()
        : '';
  if (!name) return null;

  let establishmentActive = true;
  let siret: string | null = null;
  if (query.length === 14) {
    const candidates = [
      ...(Array.isArray(found.matching_etablissements) ? (found.matching_etablissements as ApiEstablishment[]) : []),
      ...(found.siege ? [found.siege] : []),
    ];
    const establishment = candidates.find((candidate) => candidate && candidate.siret === query);
    // The company exists but not this establishment: the SIRET as typed is unknown.
    if (!establishment) return { status: 'not_found' };
    siret = query;
    establishmentActive = establishment.etat_administratif !== 'F';
  }

  const legalForm = typeof found.nature_juridique === 'string' ? found.nature_juridique : '';
  const complements = found.complements && typeof found.complements === 'object' ? found.complements : {};
  const rna =
    typeof complements.identifiant_association === 'string' && complements.identifiant_association
      ? complements.identifiant_association
      : null;
  return {
    status: 'verified',
    siren,
    siret,
    name,
    legalForm,
    active: found.etat_administratif === 'A' && establishmentActive,
    isAssociation: complements.est_association === true || ASSOCIATION_LEGAL_FORMS.has(legalForm) || rna !== null,
    rna,
  };
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), bounded. */
function retryAfterSeconds(header: string | null, nowMs: number): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_S);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.min(Math.max(Math.ceil((date - nowMs) / 1000), 1), MAX_RETRY_AFTER_S);
  }
  return DEFAULT_RETRY_AFTER_S;
}

export class CompanyRegister {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly now: () => number;
  private readonly cacheTtlMs: number;
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly cache = new Map<string, { result: CompanyRegisterResult; expires: number }>();
  private readonly inFlight = new Map<string, Promise<CompanyRegisterResult>>();
  private consecutiveFailures = 0;
  private pausedUntil = 0;

  constructor(options: CompanyRegisterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.userAgent = options.userAgent ?? 'Accelerateur (calls for projects platform)';
    this.now = options.now ?? Date.now;
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.failureThreshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  }

  /** Looks a SIREN or SIRET up. Never throws and never retries. */
  async lookup(identifier: string): Promise<CompanyRegisterResult> {
    try {
      const query = registerQuery(identifier);
      if (!query) return unavailable('invalid_identifier');
      const cached = this.cache.get(query);
      if (cached && cached.expires > this.now()) return cached.result;
      if (this.now() < this.pausedUntil) return unavailable('cooling_down');
      // Two saves of the same draft at once share one request.
      const pending = this.inFlight.get(query);
      if (pending) return await pending;
      const request = this.fetchAnswer(query).finally(() => this.inFlight.delete(query));
      this.inFlight.set(query, request);
      return await request;
    } catch {
      return unavailable('network_error');
    }
  }

  private async fetchAnswer(query: string): Promise<CompanyRegisterResult> {
    const url = new URL(`${this.baseUrl}/search`);
    url.searchParams.set('q', query);
    // Only what is read: the legal unit, its head office, the matching establishment and the complements.
    url.searchParams.set('minimal', 'true');
    url.searchParams.set('include', 'siege,complements,matching_etablissements');
    url.searchParams.set('per_page', '1');
    let response: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      response = await fetch(url, {
        headers: { accept: 'application/json', 'user-agent': this.userAgent },
        signal,
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string } | null)?.name;
      return this.failed(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network_error');
    }
    if (response.status === 429) {
      this.pausedUntil = this.now() + retryAfterSeconds(response.headers.get('retry-after'), this.now()) * 1000;
      return unavailable('rate_limited');
    }
    if (response.status >= 500) return this.failed('server_error');
    if (!response.ok || text.length > MAX_BODY_CHARS) return unavailable('bad_response');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return unavailable('bad_response');
    }
    const result = readSearchAnswer(query, body);
    if (!result) return unavailable('bad_response');
    this.consecutiveFailures = 0;
    this.remember(query, result);
    return result;
  }

  /** Counts a failure of the service itself; enough of them in a row pause calls for a while. */
  private failed(reason: UnavailableReason): Failure {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.failureThreshold) {
      this.pausedUntil = this.now() + this.cooldownMs;
      this.consecutiveFailures = 0;
    }
    return unavailable(reason);
  }

  private remember(query: string, result: CompanyRegisterResult): void {
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(query, { result, expires: this.now() + this.cacheTtlMs });
  }
}

const registers = new Map<string, CompanyRegister>();

/**
 * The process's register client for the configured URL, or null when COMPANY_REGISTER_URL is not
 * set. One client per URL, so its cache and its pause after failures are shared by every request.
 */
export function companyRegisterFor(config: {
  companyRegisterUrl: string | undefined;
  baseUrl?: string;
}): CompanyRegister | null {
  if (!config.companyRegisterUrl) return null;
  let register = registers.get(config.companyRegisterUrl);
  if (!register) {
    register = new CompanyRegister({
      baseUrl: config.companyRegisterUrl,
      ...(config.baseUrl ? { userAgent: `Accelerateur (+${config.baseUrl})` } : {}),
    });
    registers.set(config.companyRegisterUrl, register);
  }
  return register;
}
