import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { isUuid } from '../ids.js';

export const REDACTED = '[redacted]';

/**
 * Query parameters that carry a secret: sign-in and invitation links (`jeton`), CSRF tokens sent in
 * a multipart form's action (`_csrf`), OpenID Connect answers (`code`, `state`) and any future
 * `…token…` parameter. Compared lower-cased.
 */
const SECRET_QUERY = /^(jeton|_csrf|csrf|code|state|session|.*token.*)$/i;

/**
 * Path segments that are a secret: the segment after a route prefix whose last segment is a token
 * (`/avis/<token>`), and, for routes added later, any long random-looking segment that is not a UUID
 * (tokens are 32 random bytes in base64url: 43 characters).
 */
const TOKEN_PATH_PREFIXES = ['avis'];
const RANDOM_SEGMENT = /^[A-Za-z0-9_-]{32,}$/;

function redactPath(path: string, marker: string): string {
  const segments = path.split('/');
  return segments
    .map((segment, i) => {
      if (i > 0 && TOKEN_PATH_PREFIXES.includes(segments[i - 1]!) && segment !== '') return marker;
      return RANDOM_SEGMENT.test(segment) && !isUuid(segment) ? marker : segment;
    })
    .join('/');
}

function redactQuery(query: string, marker: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed name is kept as sent; its value is judged by the raw name.
      }
      return SECRET_QUERY.test(name) && eq >= 0 ? `${rawName}=${marker}` : pair;
    })
    .join('&');
}

/** A request URL (path and query) fit for the log or for an admin's eyes: every token-bearing path segment and query value replaced. */
export function redactUrl(url: string, marker = REDACTED): string {
  const q = url.indexOf('?');
  if (q < 0) return redactPath(url, marker);
  return `${redactPath(url.slice(0, q), marker)}?${redactQuery(url.slice(q + 1), marker)}`;
}

/** A text (a mail's body) with the secret parts of every absolute link in it replaced by `marker`. */
export function maskLinks(text: string, marker: string): string {
  return text.replace(
    /(https?:\/\/[^\s/?#<>"']+)([^\s<>"']*)/g,
    (_all, origin: string, rest: string) => origin + redactUrl(rest, marker),
  );
}

/**
 * The `req` serializer of the request logger: the fields Fastify logs by default, with the URL
 * redacted, so no sign-in, invitation, expert or CSRF token reaches a log line.
 */
export function logRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket ? request.socket.remotePort : undefined,
  };
}

/** Every request logger gets the serializer above, which keeps tokens out of the log. */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: logRequest as never } };
}
