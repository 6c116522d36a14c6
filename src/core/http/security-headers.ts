import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers of every response, computed once. Our policy has no per-request part (no
 * nonces), so running helmet on each request, as @fastify/helmet does, only costs time: on cached
 * public pages it was the largest cost after the bytes themselves (docs/decisions/0007).
 */
export function securityHeaders(secure: boolean): Record<string, string> {
  const options: HelmetOptions = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  };
  const headers: Record<string, string> = {};
  const collector = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, collector as unknown as ServerResponse, () => {
    done = true;
  });
  // helmet's middleware is synchronous; if a future version were not, we must not serve without headers.
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return headers;
}
