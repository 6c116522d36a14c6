import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { UUID_PATTERN } from '../ids.js';

/**
 * The app as modules receive it: routes declare TypeBox schemas for their params, query string and JSON
 * bodies, and handlers see the typed values (`request.params.id` is a string, checked before any query).
 * HTML form bodies are read with FormReader (core/http/forms.ts), which gives field-level messages.
 */
export type App = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** A public reference. A malformed one in a URL answers 404 before any query (see the app's error handler). */
export const Uuid = Type.String({ pattern: UUID_PATTERN, description: 'UUID' });

/** `/…/:id` with a UUID id: the most common params. */
export const IdParams = Type.Object({ id: Uuid });
export type IdParams = Static<typeof IdParams>;

/** `/…/:seasonId/…`: a season by its id. */
export const SeasonIdParams = Type.Object({ seasonId: Uuid });

/** A URL slug as the CMS writes them (lower-case letters, digits and hyphens). */
export const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 200 });

/**
 * An optional query-string field. Query strings are typed by people and by crawlers, so pages read them
 * leniently: a field is a string the handler interprets (a bad page number shows page 1), never a 400.
 */
export const OptionalText = (maxLength = 500) => Type.Optional(Type.String({ maxLength }));

/** A query-string object that accepts fields it does not name (tracking parameters, old links). */
export function Query<T extends Record<string, TSchema>>(properties: T) {
  return Type.Object(properties, { additionalProperties: true });
}

/** `?ok=…` after a redirect: which confirmation the page shows (an unknown value shows none). */
export const NoticeQuery = Query({ ok: OptionalText() });
export type NoticeQuery = Static<typeof NoticeQuery>;

/**
 * A request whose params (or query string) a route's schema checked. Helpers take these rather than
 * `FastifyRequest<{ Params: … }>`, which a route typed by the TypeBox provider does not match.
 */
export type RequestWithParams<P> = FastifyRequest & { params: P };
export type RequestWithQuery<Q> = FastifyRequest & { query: Q };

/**
 * The ajv `validationContext` of a failed check, as Fastify sets it on the error. A malformed path
 * parameter means the thing does not exist (404); a malformed query string or body is a bad request (400).
 */
export function statusForValidation(context: string | undefined): 404 | 400 {
  return context === 'params' ? 404 : 400;
}
