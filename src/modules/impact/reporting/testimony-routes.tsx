import type { FastifyRequest } from 'fastify';
import { tracksInclude } from '../../../core/auth/permissions.js';
import { html, notFound } from '../../../core/http/replies.js';
import { actorOf, tracksOf, viewContext } from '../../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery } from '../../../core/http/route-schemas.js';
import { newSubmissionKey, readSubmissionKey } from '../../../core/http/submission-keys.js';
import { t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { type LaureateRecord, loadLaureates } from '../../seasons/index.js';
import { testimonyForStaff } from './access.js';
import { MAX_PHOTO_BYTES } from './files.js';
import { readTestimonyForm } from './forms.js';
import { reportingMessages as m } from './messages.js';
import { testimonyPhotoHref } from './photo-href.js';
import { testimoniesOf, testimonyById } from './queries.js';
import { failFile, noticeOf, sendPhoto } from './responses.js';
import { createTestimony, deleteTestimony, setTestimonyPublished, updateTestimony } from './save-testimony.js';
import { readUploadForm } from './upload.js';
import { StaffTestimoniesPage, StaffTestimonyFormPage } from './views/testimonies.js';

const ONE = { permission: 'impact.manage', tracks: 'one' } as const;
const FILTERED = { permission: 'impact.manage', tracks: 'filtered' } as const;
const LIST = '/admin/impact/temoignages';

const NOTICES = {
  enregistre: m.testimonySaved,
  publie: m.testimonyPublished,
  depublie: m.testimonyUnpublished,
  supprime: m.testimonyDeleted,
};

/** Staff record, change, publish and delete testimonies; the public route serves a published one's photo. */
export async function testimonyRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;

  async function visibleLaureates(request: FastifyRequest): Promise<LaureateRecord[]> {
    const tracks = tracksOf(request);
    return (await loadLaureates(db)).filter((l) => tracksInclude(tracks, l.trackCode || undefined));
  }

  app.get(LIST, { config: FILTERED, schema: { querystring: NoticeQuery } }, async (request, reply) => {
    const laureates = await visibleLaureates(request);
    const testimonies = await testimoniesOf(
      db,
      laureates.map((l) => l.id),
    );
    return html(
      reply,
      200,
      <StaffTestimoniesPage
        ctx={await viewContext(request, reply)}
        testimonies={testimonies}
        laureates={new Map(laureates.map((l) => [l.id, l]))}
        notice={noticeOf(request.locale, request.query.ok, NOTICES)}
      />,
    );
  });

  app.get(`${LIST}/nouveau`, { config: FILTERED }, async (request, reply) => {
    return html(
      reply,
      200,
      <StaffTestimonyFormPage
        ctx={await viewContext(request, reply)}
        heading={t(request.locale, m.newTestimony)}
        action={LIST}
        laureates={await visibleLaureates(request)}
        state={{ values: { submission_key: newSubmissionKey() }, errors: {} }}
      />,
    );
  });

  app.post(LIST, { config: FILTERED }, async (request, reply) => {
    const laureates = await visibleLaureates(request);
    const { form, file, tooLarge } = await readUploadForm(request, 'photo', MAX_PHOTO_BYTES);
    const input = readTestimonyForm(form, { laureateIds: laureates.map((l) => l.id), hasPhoto: file !== undefined });
    const key = readSubmissionKey(form);
    const again = async (status: number) =>
      html(
        reply,
        status,
        <StaffTestimonyFormPage
          ctx={await viewContext(request, reply)}
          heading={t(request.locale, m.newTestimony)}
          action={LIST}
          laureates={laureates}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    let status = 400;
    if (tooLarge) status = failFile(form, 'photo', 'too_large', 'photo');
    if (!form.ok || !input.laureateId) return again(status);
    const result = await createTestimony(
      services,
      actorOf(request),
      { ...input, laureateId: input.laureateId },
      { photo: file, submissionKey: key, proposedByTeam: false },
    );
    if (!result.ok) {
      if (result.problem === 'not_found') return notFound(request, reply);
      return again(failFile(form, 'photo', result.problem, 'photo'));
    }
    return reply.redirect(`${LIST}?ok=enregistre`, 303);
  });

  app.get(`${LIST}/:id/modifier`, { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const found = await testimonyForStaff(services, request, reply);
    if (!found) return reply;
    const x = found.testimony;
    return html(
      reply,
      200,
      <StaffTestimonyFormPage
        ctx={await viewContext(request, reply)}
        heading={t(request.locale, m.editTestimony)}
        action={`${LIST}/${x.id}`}
        existing={x}
        state={{
          values: {
            quote: x.quote,
            quote_en: x.quoteEn,
            author_name: x.authorName,
            author_role: x.authorRole,
            photo_alt: x.photoAlt,
            video_url: x.videoUrl ?? '',
            lever: x.lever ?? '',
          },
          errors: {},
        }}
      />,
    );
  });

  app.post(`${LIST}/:id`, { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const found = await testimonyForStaff(services, request, reply);
    if (!found) return reply;
    const { form, file, tooLarge } = await readUploadForm(request, 'photo', MAX_PHOTO_BYTES);
    const removePhoto = form.checkbox('remove_photo');
    const keeps = found.testimony.photoFileId !== null && !removePhoto;
    const input = readTestimonyForm(form, { hasPhoto: file !== undefined || keeps });
    const again = async (status: number) =>
      html(
        reply,
        status,
        <StaffTestimonyFormPage
          ctx={await viewContext(request, reply)}
          heading={t(request.locale, m.editTestimony)}
          action={`${LIST}/${found.testimony.id}`}
          existing={found.testimony}
          state={{ values: form.values, errors: form.errors }}
        />,
      );
    let status = 400;
    if (tooLarge) status = failFile(form, 'photo', 'too_large', 'photo');
    if (!form.ok) return again(status);
    const { laureateId: _, ...fields } = input;
    const result = await updateTestimony(services, actorOf(request), found.testimony.id, fields, {
      photo: file,
      removePhoto,
    });
    if (!result.ok) {
      if (result.problem === 'not_found') return notFound(request, reply);
      return again(failFile(form, 'photo', result.problem, 'photo'));
    }
    return reply.redirect(`${LIST}?ok=enregistre`, 303);
  });

  for (const [path, published] of [
    ['publier', true],
    ['depublier', false],
  ] as const)
    app.post(`${LIST}/:id/${path}`, { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
      const found = await testimonyForStaff(services, request, reply);
      if (!found) return reply;
      if (!(await setTestimonyPublished(services, actorOf(request), found.testimony.id, published)))
        return notFound(request, reply);
      return reply.redirect(`${LIST}?ok=${published ? 'publie' : 'depublie'}`, 303);
    });

  app.post(`${LIST}/:id/supprimer`, { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const found = await testimonyForStaff(services, request, reply);
    if (!found) return reply;
    if (!(await deleteTestimony(services, actorOf(request), found.testimony.id))) return notFound(request, reply);
    return reply.redirect(`${LIST}?ok=supprime`, 303);
  });

  app.get(`${LIST}/:id/photo`, { config: ONE, schema: { params: IdParams } }, async (request, reply) => {
    const found = await testimonyForStaff(services, request, reply);
    if (!found) return reply;
    if (!found.testimony.photoFileId) return notFound(request, reply);
    return sendPhoto(request, reply, services, found.testimony.photoFileId, 'private');
  });

  app.get(
    testimonyPhotoHref(':id'),
    { config: { permission: 'public' }, schema: { params: IdParams } },
    async (request, reply) => {
      const testimony = await testimonyById(db, request.params.id);
      const now = services.clock.now();
      if (!testimony?.photoFileId || !testimony.publishedAt || testimony.publishedAt > now)
        return notFound(request, reply);
      return sendPhoto(request, reply, services, testimony.photoFileId, 'public');
    },
  );
}
