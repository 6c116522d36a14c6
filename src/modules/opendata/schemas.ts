import { type TSchema, Type } from '@sinclair/typebox';
import { Uuid } from '../../core/http/route-schemas.js';

/** A value or null (OpenAPI 3.1, like JSON Schema). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An instant, ISO 8601 in UTC ("2026-01-15T09:30:00.000Z"). */
export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });

/** A day, ISO 8601 ("2026-01-15"). */
export const Day = Type.String({ format: 'date', description: 'ISO 8601 day' });

/** An address on this site, relative to its root ("/saisons/saison-1"). */
export const SitePath = Type.String({ description: 'Path of the public page, relative to the site root' });

export { Uuid };

/** A bilingual pair of texts of a record. */
export const Texts = { fr: Type.String(), en: Type.String() };

/** The body of every error of the API: the HTTP status, its name and a message saying what to change. */
export const ApiError = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
  },
  { description: 'Error: the status, its name and what to change' },
);
