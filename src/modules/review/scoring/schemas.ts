import { type Static, Type } from '@sinclair/typebox';
import {
  OptionalText,
  Query,
  type RequestWithParams,
  type RequestWithQuery,
  SeasonIdParams,
  Uuid,
} from '../../../core/http/route-schemas.js';

/** Params and query strings of the scoring routes: a malformed id answers 404 before any query. */
export const ApplicationParams = Type.Object({ applicationId: Uuid });
/** `?ok=…` after a redirect (brouillon, soumise, 1, graine) and `?relances=n` after reminders were sent. */
export const OkQuery = Query({ ok: OptionalText(), relances: OptionalText() });
export type OkRequest = RequestWithQuery<Static<typeof OkQuery>>;
export type SeasonRequest = RequestWithParams<Static<typeof SeasonIdParams>>;
export { SeasonIdParams };
