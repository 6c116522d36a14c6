import type { FastifyReply, FastifyRequest } from 'fastify';
import { servePublicPage } from '../../../core/cache/public-page.js';
import { readStoredFile } from '../../../core/files/store-file.js';
import { HttpError } from '../../../core/http/errors.js';
import { formMessages } from '../../../core/http/forms.js';
import { BAD_CHARACTERS } from '../../../core/http/input-rules.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, plainViewContext, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, OptionalText, Query } from '../../../core/http/route-schemas.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { publishedPageBody } from '../../content/index.js';
import { seasonSummaries } from '../../seasons/index.js';
import { deletePartner, movePartner, setPartnerPublished } from './manage-partner.js';
import { partnerMessages as m } from './messages.js';
import { checkLogo, listOf, logoError, MAX_LOGO_BYTES, type PartnerReading, readPartner } from './partner-input.js';
import {
  listPartners,
  type Partner,
  PUBLIC_PATH,
  partnerById,
  publicPartners,
  publishedLogoFileId,
  STAFF_PATH,
} from './queries.js';
import { createPartner, type LogoUpload, type SaveProblem, updatePartner } from './save-partner.js';
import { PartnersPage } from './views/public.js';
import {
  DeletePartnerPage,
  emptyPartnerForm,
  type Notice,
  PartnerFormPage,
  type PartnerFormState,
  partnerFormState,
  type SeasonChoice,
  StaffListPage,
} from './views/staff.js';

const STAFF = { permission: 'events.manage', tracks: 'none' } as const;
const PUBLIC = { permission: 'public' } as const;
/** Room for the typed fields of a partner's form (descriptions, seasons) beside the logo. */
const FIELDS_BYTES = 64 * 1024;

const NOTICES: Record<string, keyof typeof m> = {
  cree: 'createdNotice',
  enregistre: 'savedNotice',
  publie: 'publishedNotice',
  depublie: 'unpublishedNotice',
  supprime: 'deletedNotice',
  deplace: 'movedNotice',
};

/** What a partner's form sent: its fields, the logo (if one was chosen and kept), and why a logo was refused. */
interface SentForm {
  fields: Record<string, unknown>;
  logo?: LogoUpload;
  logoTooLarge: boolean;
  badField: string | null;
}

/**
 * Reads a partner's form, multipart (with a logo) or urlencoded, only once the route's permission and CSRF
 * token were checked. The logo streams within its limit; a larger one is refused without being kept.
 */
async function readSentForm(request: FastifyRequest): Promise<SentForm> {
  if (!request.isMultipart()) {
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    return { fields: body, logoTooLarge: false, badField: null };
  }
  try {
    const sent = await readMultipartForm(request, {
      maxFileBytes: (field) => (field === 'logo' ? MAX_LOGO_BYTES : 0),
      quota: () => ({ files: 1, bytes: MAX_LOGO_BYTES }),
      bodyBytes: MAX_LOGO_BYTES + FIELDS_BYTES,
      afterRefusalBytes: FIELDS_BYTES,
    });
    const part = sent.files.find((f) => f.field === 'logo');
    const tooLarge = sent.refusal !== null && sent.refusal.reason !== 'not_a_file_field';
    return {
      fields: sent.fields,
      ...(part && part.data.length > 0 ? { logo: { data: part.data, name: part.name } } : {}),
      logoTooLarge: tooLarge,
      badField: null,
    };
  } catch (error) {
    // A field with a NUL byte or a lone surrogate stops the read: the form comes back with the field named.
    if (!(error instanceof HttpError) || error.code !== BAD_CHARACTERS) throw error;
    return { fields: {}, logoTooLarge: false, badField: error.message };
  }
}

const versionOf = (body: unknown) => {
  const text = listOf(body, 'version')[0] ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : -1;
};

/** The problem of a refused save as a field error, with its status. */
function problemError(request: FastifyRequest, problem: Exclude<SaveProblem, 'not_found' | 'stale'>) {
  if (problem === 'name_taken') return { field: 'name', error: { message: m.errNameTaken }, status: 409 };
  return {
    field: 'logo',
    error: logoError(request.locale, problem),
    status: problem === 'logo_too_large' ? 413 : 415,
  };
}

/** The partners' routes: the public page and logos, and staff's list, form, ordering, publishing and deleting. */
export async function partnersRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  // ---- Public ---------------------------------------------------------------------------------------------------

  app.get(
    PUBLIC_PATH,
    { config: PUBLIC, schema: { querystring: Query({ saison: OptionalText(200) }) } },
    async (request, reply) =>
      servePublicPage(request, reply, async () => {
        const seasons = (await seasonSummaries(db)).map((s) => ({
          id: s.id,
          slug: s.slug,
          name: s.name,
          nameEn: s.nameEn,
        }));
        const selected = request.query.saison?.trim() ?? '';
        const season = seasons.find((s) => s.slug === selected);
        const unknownFilter = selected !== '' && !season;
        const [partners, intro] = await Promise.all([
          publicPartners(db, season ? { seasonId: season.id } : {}),
          publishedPageBody(db, 'partenaires', request.locale),
        ]);
        return (
          <PartnersPage
            ctx={plainViewContext(request)}
            intro={intro}
            partners={partners}
            seasons={seasons}
            selected={season ? selected : ''}
            unknownFilter={unknownFilter}
          />
        );
      }),
  );

  async function sendLogo(request: FastifyRequest, reply: FastifyReply, fileId: string | null, open: boolean) {
    const file = fileId ? await readStoredFile(db, services.config.filesDir, fileId) : undefined;
    if (!file) return notFound(request, reply);
    const etag = `"${file.sha256}"`;
    reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'inline')
      // A published logo may be kept by browsers and proxies, revalidated on every use so that an unpublished
      // partner's logo stops being served at once; staff's preview of any logo is never stored.
      .header('cache-control', open ? 'public, no-cache' : 'private, no-store')
      .header('etag', etag);
    if (open && request.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
      return reply.code(304).send();
    return reply.send(file.data);
  }

  app.get(`${PUBLIC_PATH}/:id/logo`, { config: PUBLIC, schema: { params: IdParams } }, async (request, reply) =>
    sendLogo(request, reply, await publishedLogoFileId(db, request.params.id), true),
  );

  // ---- Staff: list, ordering, publishing ------------------------------------------------------------------------

  app.get(
    STAFF_PATH,
    { config: STAFF, schema: { querystring: Query({ ok: OptionalText(20) }) } },
    async (request, reply) => {
      const key = NOTICES[request.query.ok ?? ''];
      const notice = key ? { kind: 'success' as const, title: t(request.locale, m[key]) } : undefined;
      const ctx = await viewContext(request, reply);
      return html(reply, 200, <StaffListPage ctx={ctx} partners={await listPartners(db)} notice={notice} />);
    },
  );

  app.get(`${STAFF_PATH}/:id/logo`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const partner = await partnerById(db, request.params.id);
    return sendLogo(request, reply, partner?.logo_file_id ?? null, false);
  });

  for (const [path, run, ok] of [
    ['publier', (id: string, r: FastifyRequest) => setPartnerPublished(services, actorOf(r), id, true), 'publie'],
    ['depublier', (id: string, r: FastifyRequest) => setPartnerPublished(services, actorOf(r), id, false), 'depublie'],
    ['monter', (id: string, r: FastifyRequest) => movePartner(services, actorOf(r), id, 'up'), 'deplace'],
    ['descendre', (id: string, r: FastifyRequest) => movePartner(services, actorOf(r), id, 'down'), 'deplace'],
  ] as const) {
    app.post(`${STAFF_PATH}/:id/${path}`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
      const done = await run(request.params.id, request);
      if (!done) return notFound(request, reply);
      return reply.redirect(`${STAFF_PATH}?ok=${ok}`, 303);
    });
  }

  // ---- Staff: the form ------------------------------------------------------------------------------------------

  async function seasonChoices(): Promise<SeasonChoice[]> {
    return (await seasonSummaries(db)).map((s) => ({ id: s.id, label: s.name }));
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    partner: Partner | null,
    form: PartnerFormState,
    notice?: Notice,
  ) {
    const [ctx, seasons] = await Promise.all([viewContext(request, reply), seasonChoices()]);
    return html(
      reply,
      status,
      <PartnerFormPage ctx={ctx} partner={partner} form={form} seasons={seasons} notice={notice} />,
    );
  }

  /** Reads the form sent for `partner` (null: a new one); the reading, the logo, and the status of a refusal. */
  async function readForm(request: FastifyRequest, partner: Partner | null) {
    const sent = await readSentForm(request);
    const seasonIds = new Set((await seasonSummaries(db)).map((s) => s.id));
    const reading: PartnerReading = readPartner(sent.fields, {
      seasonIds,
      hasLogo: (remove) => sent.logo !== undefined || sent.logoTooLarge || (!!partner?.logo_file_id && !remove),
    });
    if (sent.badField) {
      reading.errors[sent.badField] ??= { message: formMessages.badCharacters };
      reading.ok = false;
    }
    let status = 400;
    if (sent.logoTooLarge) {
      reading.errors.logo = logoError(request.locale, 'logo_too_large');
      reading.ok = false;
      status = 413;
    } else if (sent.logo) {
      // Checked now so that every problem of the form shows at once; the use case checks again.
      const problem = checkLogo(sent.logo.data);
      if (!problem.ok) {
        reading.errors.logo = logoError(request.locale, problem.problem);
        reading.ok = false;
        status = 415;
      } else if (!reading.ok) {
        // A good logo cannot come back in the form: say so, so that it is chosen again.
        reading.errors.logo = { message: m.errLogoResend };
      }
    }
    const published = listOf(sent.fields, 'published')[0] === 'on';
    return { sent, reading, status, published };
  }

  const formOf = (reading: PartnerReading, extra: Record<string, string> = {}): PartnerFormState => ({
    values: { ...reading.values, ...extra },
    seasonIds: reading.seasonIds,
    errors: reading.errors,
  });

  app.get(`${STAFF_PATH}/nouveau`, { config: STAFF }, async (request, reply) =>
    renderForm(request, reply, 200, null, emptyPartnerForm()),
  );

  app.post(`${STAFF_PATH}/nouveau`, { config: STAFF }, async (request, reply) => {
    const { sent, reading, status, published } = await readForm(request, null);
    const extra: Record<string, string> = published ? { published: 'on' } : {};
    if (!reading.ok) return renderForm(request, reply, status, null, formOf(reading, extra));
    const saved = await createPartner(services, actorOf(request), reading.input, {
      ...(sent.logo ? { logo: sent.logo } : {}),
      published,
    });
    if (saved.ok) return reply.redirect(`${STAFF_PATH}?ok=cree`, 303);
    if (saved.problem === 'not_found' || saved.problem === 'stale') return notFound(request, reply);
    const refused = problemError(request, saved.problem);
    reading.errors[refused.field] = refused.error;
    return renderForm(request, reply, refused.status, null, formOf(reading, extra));
  });

  app.get(`${STAFF_PATH}/:id/modifier`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const partner = await partnerById(db, request.params.id);
    if (!partner) return notFound(request, reply);
    return renderForm(request, reply, 200, partner, partnerFormState(partner));
  });

  app.post(`${STAFF_PATH}/:id/modifier`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const partner = await partnerById(db, request.params.id);
    if (!partner) return notFound(request, reply);
    const { sent, reading, status } = await readForm(request, partner);
    const version = versionOf(sent.fields);
    if (!reading.ok) return renderForm(request, reply, status, partner, formOf(reading, { version: String(version) }));
    const saved = await updatePartner(
      services,
      actorOf(request),
      { id: partner.id, version },
      reading.input,
      sent.logo,
    );
    if (saved.ok) return reply.redirect(`${STAFF_PATH}?ok=enregistre`, 303);
    if (saved.problem === 'not_found') return notFound(request, reply);
    const fresh = (await partnerById(db, partner.id)) ?? partner;
    if (saved.problem === 'stale') {
      // What was typed stays, with the version to save over; a logo sent is not kept and must be chosen again.
      if (sent.logo) reading.errors.logo = { message: m.errLogoResend };
      return renderForm(request, reply, 409, fresh, formOf(reading, { version: String(fresh.version) }), {
        kind: 'warning',
        title: t(request.locale, m.errStale),
        text: t(request.locale, m.currentVersion, { name: fresh.name }),
      });
    }
    const refused = problemError(request, saved.problem);
    reading.errors[refused.field] = refused.error;
    return renderForm(request, reply, refused.status, fresh, formOf(reading, { version: String(version) }));
  });

  // ---- Staff: deleting ------------------------------------------------------------------------------------------

  app.get(`${STAFF_PATH}/:id/supprimer`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const partner = await partnerById(db, request.params.id);
    if (!partner) return notFound(request, reply);
    const ctx = await viewContext(request, reply);
    return html(reply, 200, <DeletePartnerPage ctx={ctx} partner={partner} />);
  });

  app.post(`${STAFF_PATH}/:id/supprimer`, { config: STAFF, schema: { params: IdParams } }, async (request, reply) => {
    const deleted = await deletePartner(services, actorOf(request), request.params.id);
    if (!deleted) return notFound(request, reply);
    return reply.redirect(`${STAFF_PATH}?ok=supprime`, 303);
  });
}
