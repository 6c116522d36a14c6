import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from './error-pages.js';
import { HttpError, httpMessages as hm } from './errors.js';

/**
 * The one input rule of the platform: no text that reaches a handler holds a NUL (U+0000), an
 * unpaired UTF-16 surrogate, or comes from percent-encoding that is not valid UTF-8. PostgreSQL
 * refuses NUL in text and jsonb (a 500 once it reaches a query), lone surrogates turn into U+FFFD
 * garbage on the way to the database, and none of them is ever typed by a person.
 */
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_GLOBAL = new RegExp(BAD.source, 'g');

/** The code of every refusal for bad characters, for the error handler and for tests. */
export const BAD_CHARACTERS = 'bad_characters';

export function hasBadCharacters(value: string): boolean {
  return BAD.test(value);
}

export function withoutBadCharacters(value: string): string {
  return value.replace(BAD_GLOBAL, '');
}

/** The first key path (e.g. `answers.0.name`) in a parsed value whose key or text breaks the rule, or null. */
export function badCharacterPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasBadCharacters(value) ? path || '(texte)' : null;
  if (!value || typeof value !== 'object' || depth > 50) return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const here = path ? `${path}.${key}` : key;
    if (hasBadCharacters(key)) return withoutBadCharacters(here);
    const found = badCharacterPath(inner, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Whether every `name=value` pair of a raw query string decodes as UTF-8. The query parser turns a
 * bad sequence (`%FF`, overlong `%C0%80`, an encoded surrogate `%ED%A0%80`) into U+FFFD or keeps it
 * raw; either way it is not what anyone sent on purpose.
 */
function queryDecodes(rawQuery: string): boolean {
  for (const pair of rawQuery.split('&')) {
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

/** Query parameters that name a page to go back to: a bad one is dropped (the default page is used), never refused. */
const RETURN_PARAMS = ['retour'];

/** The answer to a request that breaks the rule outside a form: a 400 page (or JSON) that says so, naming the field. */
export function refuseBadCharacters(request: FastifyRequest, reply: FastifyReply, field: string): FastifyReply {
  return sendErrorPage(request, reply, 400, hm.badCharactersTitle, hm.badCharactersText, { field });
}

/** The error a handler meets when it reads a field that broke the rule (see the body proxy below). */
export function badCharactersError(field: string): HttpError {
  return new HttpError(400, field, BAD_CHARACTERS);
}

interface Marks {
  /** The body with the bad characters taken out. */
  clean: Record<string, unknown>;
  /** The fields that held bad characters. */
  fields: Set<string>;
}

const marked = new WeakMap<object, Marks>();

/**
 * The fields of a form body that held bad characters, and the body without them, when the input
 * rule marked it. FormReader uses this to show the form again with an error on each such field.
 */
export function badFieldsOf(body: unknown): Marks | undefined {
  return body && typeof body === 'object' ? marked.get(body) : undefined;
}

function cleaned(value: unknown): unknown {
  if (typeof value === 'string') return withoutBadCharacters(value);
  if (Array.isArray(value)) return value.map(cleaned);
  return value;
}

/**
 * A form body with bad characters: the characters are taken out and the fields remembered. The
 * handler gets a proxy: FormReader reads through it (see badFieldsOf) and reports the fields on the
 * form; any other code that reads such a field gets a 400, so stripped text is never acted on.
 */
function markForm(body: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  const fields = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    const name = withoutBadCharacters(key);
    if (name !== key || badCharacterPath(value)) fields.add(name);
    clean[name] = cleaned(value);
  }
  const proxy = new Proxy(clean, {
    get(target, key, receiver) {
      if (typeof key === 'string' && fields.has(key)) throw badCharactersError(key);
      return Reflect.get(target, key, receiver);
    },
  });
  marked.set(proxy, { clean, fields });
  return proxy;
}

type Part = { type: 'file' | 'field'; fieldname: string; filename?: string; value?: unknown };

/** Wraps the multipart iterator so a field name, value or file name breaking the rule stops the read with a 400. */
function checkParts(request: FastifyRequest): void {
  const original = request.parts.bind(request);
  const checked = async function* (...args: Parameters<typeof original>) {
    for await (const part of original(...args) as AsyncIterable<Part>) {
      for (const [what, text] of [
        [part.fieldname, part.fieldname],
        [part.fieldname, part.filename],
        [part.fieldname, part.value],
      ] as const) {
        if (typeof text === 'string' && hasBadCharacters(text)) throw badCharactersError(withoutBadCharacters(what));
      }
      yield part;
    }
  };
  request.parts = checked as unknown as typeof request.parts;
}

function isFormBody(request: FastifyRequest): boolean {
  return (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/**
 * Registers the rule on every route. It runs after the body is parsed and before CSRF and the
 * handler: path parameters and query are refused with a 400 page, a bad `retour` is dropped, JSON
 * bodies are refused, form bodies are marked for FormReader, multipart parts are checked as read.
 */
export function registerInputRules(app: FastifyInstance): void {
  // With `done` rather than async (it runs on every request): a refusal has answered, so it does not go on.
  app.addHook('preValidation', (request, reply, done) => {
    if (!checkInput(request, reply)) done();
  });
}

/** Applies the rule to a request; returns the reply when it refused the request (the answer is sent), else nothing. */
function checkInput(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const params = badCharacterPath(request.params);
  if (params) return refuseBadCharacters(request, reply, params);

  const queryAt = request.url.indexOf('?');
  const query = request.query as Record<string, unknown> | undefined;
  if (query && typeof query === 'object') {
    for (const name of RETURN_PARAMS)
      if (badCharacterPath(query[name]) || hasMalformedParam(request.url, queryAt, name)) delete query[name];
  }
  if (queryAt >= 0 && !queryDecodesWithout(request.url.slice(queryAt + 1), RETURN_PARAMS))
    return refuseBadCharacters(request, reply, '?');
  const queryField = badCharacterPath(query);
  if (queryField) return refuseBadCharacters(request, reply, queryField);

  if (request.isMultipart()) {
    checkParts(request);
    return;
  }
  const body = request.body;
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) {
    if (typeof body === 'string' && hasBadCharacters(body)) return refuseBadCharacters(request, reply, '(corps)');
    return;
  }
  const bodyField = badCharacterPath(body);
  if (!bodyField) return;
  if (isFormBody(request) && !Array.isArray(body)) {
    request.body = markForm(body as Record<string, unknown>);
    return;
  }
  return refuseBadCharacters(request, reply, bodyField);
}

function pairsOf(rawQuery: string): string[] {
  return rawQuery.split('&').filter((p) => p !== '');
}

function nameOf(pair: string): string {
  const raw = pair.split('=')[0]!;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Whether the raw query holds the named parameter with a value that does not decode as UTF-8. */
function hasMalformedParam(url: string, queryAt: number, name: string): boolean {
  if (queryAt < 0) return false;
  return pairsOf(url.slice(queryAt + 1)).some((pair) => nameOf(pair) === name && !queryDecodes(pair));
}

function queryDecodesWithout(rawQuery: string, skipped: string[]): boolean {
  return queryDecodes(
    pairsOf(rawQuery.split('#')[0]!)
      .filter((pair) => !skipped.includes(nameOf(pair)))
      .join('&'),
  );
}
