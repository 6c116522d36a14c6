import { Type } from '@sinclair/typebox';
import { type NoticeQuery, OptionalText, Query, type RequestWithQuery, Uuid } from '../../core/http/route-schemas.js';

/** `/panel/:id/candidatures/:applicationId`: a panel and an application on its shortlist. */
export const ShortlistParams = Type.Object({ id: Uuid, applicationId: Uuid });

/** A file of a panel's published draw (pool.csv, slots.json, …); an unknown name answers 404. */
export const DrawFileParams = Type.Object({
  id: Uuid,
  file: Type.String({ maxLength: 200, description: 'Name of a published file, as listed on the transparency page' }),
});

export { NoticeQuery } from '../../core/http/route-schemas.js';
/** A request of a route that declares `querystring: NoticeQuery`, as the page helpers receive it. */
export type NoticeRequest = RequestWithQuery<NoticeQuery>;

/** `?jeton=…`: the invitation token from the email. */
export const InvitationQuery = Query({ jeton: OptionalText() });
