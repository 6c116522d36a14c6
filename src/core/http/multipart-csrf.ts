import type { FastifyRequest } from 'fastify';

/**
 * The CSRF token of a multipart form travels in its body, as the form's first field (`_csrf`), never in
 * the address (where it would stay in the history, the logs and the Referer). A multipart body is read
 * only inside the handler (multipart.ts), after the CSRF check; so before that check this reads just the
 * body's first part, puts the bytes back for the handler, and hands the token over. A form whose first
 * part is not the `_csrf` field (a file, another field, nothing within a few kilobytes) has no token:
 * the check refuses it before any handler runs, so no file is ever read, let alone stored.
 */

/** Most bytes read looking for the first part: a boundary, its headers and a token fit well within. */
const PEEK_BYTES = 8 * 1024;

const tokens = new WeakMap<FastifyRequest, string>();

export function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/** The token the first part of this request's multipart body carried, once `readMultipartCsrf` ran. */
export function multipartCsrfToken(request: FastifyRequest): string | undefined {
  return tokens.get(request);
}

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * What the bytes read so far say: the `_csrf` value, `null` when the first part is something else (or
 * malformed), `undefined` when more bytes are needed.
 */
export function firstPartToken(head: Buffer, boundary: string): string | null | undefined {
  const opening = Buffer.from(`--${boundary}\r\n`);
  if (head.length < opening.length) return opening.subarray(0, head.length).equals(head) ? undefined : null;
  if (!head.subarray(0, opening.length).equals(opening)) return null;
  const headersEnd = head.indexOf('\r\n\r\n', opening.length);
  if (headersEnd < 0) return undefined;
  const headers = head.subarray(opening.length, headersEnd).toString('latin1').split('\r\n');
  const disposition = headers.find((line) => /^content-disposition:/i.test(line));
  if (!disposition || /;\s*filename\*?=/i.test(disposition)) return null;
  if (!/^content-disposition:\s*form-data\s*;\s*name="_csrf"\s*$/i.test(disposition)) return null;
  const valueStart = headersEnd + 4;
  const valueEnd = head.indexOf(`\r\n--${boundary}`, valueStart);
  if (valueEnd < 0) return undefined;
  return head.subarray(valueStart, valueEnd).toString('utf8');
}

/**
 * Reads the first part of a multipart body for its `_csrf` field and puts every byte read back in the
 * request stream, so the handler's reader (multipart.ts) sees the whole body. Resolves once the token is
 * known (kept for `multipartCsrfToken`) or known to be absent.
 */
export function readMultipartCsrf(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  const boundary = boundaryOf(request.headers['content-type'] ?? '');
  if (!boundary) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const chunks: Buffer[] = [];
    let read = 0;
    let settled = false;
    const finish = (token: string | null | undefined, putBack: boolean) => {
      if (settled) return;
      settled = true;
      raw.removeListener('data', onData);
      raw.removeListener('end', onEnd);
      raw.removeListener('error', onEnd);
      raw.removeListener('aborted', onEnd);
      raw.pause();
      if (putBack && chunks.length > 0) raw.unshift(Buffer.concat(chunks, read));
      if (typeof token === 'string') tokens.set(request, token);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      read += chunk.length;
      const head = Buffer.concat(chunks, read);
      const token = firstPartToken(head.subarray(0, PEEK_BYTES), boundary);
      // Put back synchronously, inside this 'data' event: the stream has not ended yet, whatever it holds.
      if (token !== undefined) finish(token, true);
      else if (read >= PEEK_BYTES) finish(null, true);
    };
    // The body ended (or broke) before its first part did: no token, and nothing left for a handler to read.
    const onEnd = () => finish(null, false);
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('error', onEnd);
    raw.once('aborted', onEnd);
  });
}
