import { Type } from '@sinclair/typebox';
import { Query, Uuid } from '../../core/http/route-schemas.js';

/**
 * The TypeBox schemas the applications routes share. Path ids are checked (a malformed one answers 404
 * before any query); query strings are read leniently, as free text each page interprets.
 */

/** An optional query-string field of any length: a page ignores what it does not understand (core's OptionalText caps at 500). */
export const LenientText = () => Type.Optional(Type.String());

/** `?ok=…` after a change: which confirmation a page shows; any length (core's NoticeQuery caps it at 500). */
export const NoticeQuery = Query({ ok: LenientText() });

/** `/…/:id/fichiers/:fileId`: an application and one of its files. */
export const FileParams = Type.Object({ id: Uuid, fileId: Uuid });

/** `/candidater/:seasonSlug…`: a season by its slug (an unknown one answers 404 from the handler). */
export const SeasonSlugParams = Type.Object({ seasonSlug: Type.String() });

/** `/avis/:token`: an expert's link (an unknown or expired one answers the invalid-link page). */
export const TokenParams = Type.Object({ token: Type.String() });

export { type RequestWithParams, type RequestWithQuery, SeasonIdParams } from '../../core/http/route-schemas.js';
