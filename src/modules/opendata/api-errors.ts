import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, t } from '../../core/i18n/i18n.js';
import { apiErrorMessages as m } from './messages.js';

/** A JSON error of the API: the status, its name, and a message that says what to change. */
export function sendApiError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ statusCode: status, error, message });
}

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

const REASONS: Record<string, { fr: string; en: string }> = {
  maximum: { fr: 'au plus {limit}', en: 'at most {limit}' },
  minimum: { fr: 'au moins {limit}', en: 'at least {limit}' },
  type: { fr: 'un nombre entier est attendu', en: 'a whole number is expected' },
  maxLength: { fr: '{limit} caractères au plus', en: '{limit} characters at most' },
  pattern: { fr: 'un identifiant UUID est attendu', en: 'a UUID is expected' },
  format: { fr: 'une date AAAA-MM-JJ est attendue', en: 'a YYYY-MM-DD date is expected' },
  enum: { fr: 'une de ces valeurs est attendue : {allowed}', en: 'one of these values is expected: {allowed}' },
};

/** What a failed query-string check means, in the reader's words (ajv's words for a rule not foreseen). */
export function validationMessage(locale: Locale, issues: readonly AjvIssue[]): string {
  const issue = issues[0];
  if (!issue) return t(locale, m.badCursor);
  const name = issue.instancePath.replace(/^\//, '') || String(issue.params.missingProperty ?? '?');
  const reason = REASONS[issue.keyword];
  const params = {
    limit: String(issue.params.limit ?? ''),
    allowed: Array.isArray(issue.params.allowedValues) ? issue.params.allowedValues.join(', ') : '',
  };
  const text = reason
    ? reason[locale].replace(/\{(\w+)\}/g, (_, key: 'limit' | 'allowed') => params[key])
    : (issue.message ?? '');
  return t(locale, m.badParameter, { name, reason: text });
}

/**
 * The API's error handler: a query string the schema refuses is a 400 saying which parameter and why, a
 * malformed id is a 404, the rate limit's refusal is a 429 (its Retry-After header already set); anything
 * else goes on to the app's handler (which answers JSON under /api/ too).
 */
export function apiErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale ?? 'fr';
  if (error.validation) {
    if (error.validationContext === 'params')
      return sendApiError(reply, 404, t(locale, m.notFound), t(locale, m.noSuchRecord));
    return sendApiError(
      reply,
      400,
      t(locale, m.badRequest),
      validationMessage(locale, error.validation as unknown as AjvIssue[]),
    );
  }
  if (error.statusCode === 429)
    return sendApiError(
      reply,
      429,
      'Too Many Requests',
      t(locale, m.tooMany, { n: String(reply.getHeader('retry-after') ?? 60) }),
    );
  throw error;
}
