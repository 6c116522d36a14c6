import { Type } from '@sinclair/typebox';
import { Slug, Uuid } from '../../../core/http/route-schemas.js';

/** `/cooperation/administrations/:slug/…`: a malformed slug answers 404 before any query. */
export const SlugParams = Type.Object({ slug: Slug });
export const InvitationParams = Type.Object({ slug: Slug, invitationId: Uuid });
export const ServiceParams = Type.Object({ slug: Slug, serviceId: Uuid });
/** An invitation link's token (32 random bytes, base64url). */
export const TokenParams = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' }) });
export const MemberParams = Type.Object({ id: Uuid, userId: Uuid });
