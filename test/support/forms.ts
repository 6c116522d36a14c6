import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** Form fields; a list posts the field once per value, in order. */
export type FormFields = Record<string, string | string[]>;

/** Cookies a response sets, as `name=value` pairs for the next request's cookie header. */
export function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  const list = Array.isArray(header) ? header : header ? [header] : [];
  return list.map((c) => c.split(';')[0]);
}

/**
 * GETs a page with a form and returns the cookies and `_csrf` value to post it back. When the
 * cookie sent already holds a `_csrf` secret, the page sets none and that one is kept.
 */
export async function formSession(
  app: FastifyInstance,
  cookie: string,
  url: string,
): Promise<{ cookie: string; csrf: string; html: string }> {
  const page = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (page.statusCode !== 200) throw new Error(`GET ${url} answered ${page.statusCode}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const csrfCookie = setCookies(page).find((c) => c.startsWith('_csrf='));
  const sentCsrf = cookie.split(/;\s*/).some((c) => c.startsWith('_csrf='));
  if (!csrf || (!csrfCookie && !sentCsrf)) throw new Error(`no CSRF token on ${url}`);
  return { cookie: csrfCookie ? `${cookie}; ${csrfCookie}` : cookie, csrf, html: page.body };
}

/** A form body as application/x-www-form-urlencoded, fields in order. */
export function formBody(fields: FormFields): { payload: string; headers: Record<string, string> } {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const one of ([] as string[]).concat(value)) params.append(name, one);
  return { payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/** POSTs urlencoded fields with the cookies and CSRF token of a form page already opened by `formSession`. */
export async function submitForm(
  app: FastifyInstance,
  session: { cookie: string; csrf: string },
  url: string,
  fields: FormFields,
  options: { remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const body = formBody({ ...fields, _csrf: session.csrf });
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, ...body.headers },
    payload: body.payload,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** Opens `pageUrl` as `cookie` for its CSRF token, then POSTs the fields to `url`, as a browser would. */
export async function postForm(
  app: FastifyInstance,
  cookie: string,
  pageUrl: string,
  url: string,
  fields: FormFields,
): Promise<LightMyRequestResponse> {
  return submitForm(app, await formSession(app, cookie, pageUrl), url, fields);
}

/**
 * Like `postForm`, and also sends the idempotency key of the page when it has one (first, before
 * the fields, which may be given as pairs to repeat or order them).
 */
export async function postIdempotentForm(
  app: FastifyInstance,
  cookie: string,
  pageUrl: string,
  url: string,
  fields: Record<string, string> | [string, string][],
): Promise<LightMyRequestResponse> {
  const session = await formSession(app, cookie, pageUrl);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)?.[1];
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  const params = new URLSearchParams([...(key ? [['idempotency_key', key]] : []), ...pairs, ['_csrf', session.csrf]]);
  return app.inject({
    method: 'POST',
    url,
    payload: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
  });
}

/** A multipart/form-data body with text fields and one file. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; data: Buffer },
): { payload: Buffer; contentType: string } {
  const boundary = `----acc${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest valid PNG (1×1, transparent). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
