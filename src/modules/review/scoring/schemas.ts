import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { OptionalText, Query, Uuid } from '../../../core/http/route-schemas.js';

/** Params and query strings of the scoring routes: a malformed id answers 404 before any query. */
export const ApplicationParams = Type.Object({ applicationId: Uuid });
export const SeasonParams = Type.Object({ seasonId: Uuid });
/** `?ok=…` after a redirect (brouillon, soumise, 1, graine) and `?relances=n` after reminders were sent. */
export const OkQuery = Query({ ok: OptionalText(), relances: OptionalText() });
export type OkRequest = FastifyRequest & { query: { ok?: string; relances?: string } };
export type SeasonRequest = FastifyRequest & { params: { seasonId: string } };
