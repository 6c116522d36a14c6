import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FormReader } from '../../core/http/forms.js';
import { readMultipartForm } from '../../core/http/multipart.js';
import { html, notFound } from '../../core/http/replies.js';
import { actorOf, viewContext } from '../../core/http/request-context.js';
import { type App, IdParams, NoticeQuery, Uuid } from '../../core/http/route-schemas.js';
import { t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { attachNewsFile, MAX_ATTACHMENT_BYTES } from './attach-news-file.js';
import { newsFormValues, pageFormValues, readNewsForm, readPageForm } from './content-forms.js';
import { deleteNewsAttachment } from './delete-news-attachment.js';
import { renderMarkdown } from './markdown.js';
import { adminMessages as am } from './messages.js';
import { publishNews, unpublishNews } from './publish-news.js';
import { publishPage, unpublishPage } from './publish-page.js';
import { findNewsById, findPageById, listAllNews, listAllPages, listAttachments, type NewsRow } from './queries.js';
import { saveNews } from './save-news.js';
import { savePage } from './save-page.js';
import { ContentListPage, type FormState, NewsFormPage, PageFormPage, type Preview } from './views/admin.js';

const NOTICES = {
  saved: am.saved,
  published: am.published,
  unpublished: am.unpublished,
  'file-added': am.fileAdded,
  'file-deleted': am.fileDeleted,
};

function noticeOf(request: FastifyRequest & { query: { ok?: string } }): string | undefined {
  const ok = request.query.ok;
  return typeof ok === 'string' && Object.hasOwn(NOTICES, ok)
    ? t(request.locale, NOTICES[ok as keyof typeof NOTICES])
    : undefined;
}

function previewOf(title: string, body: string, titleEn: string | null, bodyEn: string | null): Preview {
  return {
    title,
    html: renderMarkdown(body),
    ...(titleEn || bodyEn ? { titleEn: titleEn ?? '', htmlEn: renderMarkdown(bodyEn ?? '') } : {}),
  };
}

function wantsPreview(body: unknown): boolean {
  return (body as Record<string, unknown> | undefined)?.action === 'preview';
}

/** `/…/:id` of a page or a news item, with the `?ok=…` notice after a redirect. */
const byId = { params: IdParams, querystring: NoticeQuery };

export async function registerAdminRoutes(app: App, services: Services): Promise<void> {
  const { db } = services;
  const config = { permission: 'content.manage' as const };

  app.get('/admin/contenus', { config }, async (request, reply) => {
    const [pages, news] = await Promise.all([listAllPages(db), listAllNews(db)]);
    return html(reply, 200, <ContentListPage ctx={await viewContext(request, reply)} pages={pages} news={news} />);
  });

  // ---- Pages ----
  app.get('/admin/contenus/pages/nouvelle', { config }, async (request, reply) =>
    html(reply, 200, <PageFormPage ctx={await viewContext(request, reply)} form={{ values: {}, errors: {} }} />),
  );

  const submitPage = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const page = id ? await findPageById(db, id) : undefined;
    if (id && !page) return notFound(request, reply);
    const { form, input } = readPageForm(request.body);
    const render = async (status: number, preview?: Preview) =>
      html(
        reply,
        status,
        <PageFormPage ctx={await viewContext(request, reply)} page={page} form={form} preview={preview} />,
      );
    if (!form.ok) return render(400);
    if (wantsPreview(request.body)) return render(200, previewOf(input.title, input.body, input.titleEn, input.bodyEn));
    const result = await savePage(services, actorOf(request), id, input);
    if (!result.ok) {
      if (result.error === 'not-found') return notFound(request, reply);
      form.fail('slug', am.slugTaken);
      return render(400);
    }
    return reply.redirect(`/admin/contenus/pages/${result.id}?ok=saved`, 303);
  };
  app.post('/admin/contenus/pages', { config }, (request, reply) => submitPage(request, reply, null));

  app.get('/admin/contenus/pages/:id', { schema: byId, config }, async (request, reply) => {
    const page = await findPageById(db, request.params.id);
    if (!page) return notFound(request, reply);
    const form = { values: pageFormValues(page), errors: {} };
    return html(
      reply,
      200,
      <PageFormPage ctx={await viewContext(request, reply)} page={page} form={form} notice={noticeOf(request)} />,
    );
  });
  app.post('/admin/contenus/pages/:id', { schema: byId, config }, (request, reply) =>
    submitPage(request, reply, request.params.id),
  );

  const pageStatus = (path: string, change: typeof publishPage, notice: string) =>
    app.post(`/admin/contenus/pages/:id/${path}`, { schema: byId, config }, async (request, reply) => {
      if (!(await findPageById(db, request.params.id))) return notFound(request, reply);
      await change(services, actorOf(request), request.params.id);
      return reply.redirect(`/admin/contenus/pages/${request.params.id}?ok=${notice}`, 303);
    });
  pageStatus('publier', publishPage, 'published');
  pageStatus('depublier', unpublishPage, 'unpublished');

  // ---- News ----
  app.get('/admin/contenus/actualites/nouvelle', { config }, async (request, reply) =>
    html(reply, 200, <NewsFormPage ctx={await viewContext(request, reply)} form={{ values: {}, errors: {} }} />),
  );

  const renderNews = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    news: NewsRow | undefined,
    props: { form: FormState; upload?: FormState; preview?: Preview; notice?: string },
  ) => {
    const attachments = news ? await listAttachments(db, news.id) : [];
    return html(
      reply,
      status,
      <NewsFormPage ctx={await viewContext(request, reply)} news={news} attachments={attachments} {...props} />,
    );
  };

  const submitNews = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const news = id ? await findNewsById(db, id) : undefined;
    if (id && !news) return notFound(request, reply);
    const { form, input } = readNewsForm(request.body, news, services.clock.now());
    if (!form.ok) return renderNews(request, reply, 400, news, { form });
    if (wantsPreview(request.body)) {
      return renderNews(request, reply, 200, news, {
        form,
        preview: previewOf(input.title, input.body, input.titleEn, input.bodyEn),
      });
    }
    const result = await saveNews(services, actorOf(request), id, input);
    if (!result.ok) {
      if (result.error === 'not-found') return notFound(request, reply);
      form.fail('slug', am.slugTaken);
      return renderNews(request, reply, 400, news, { form });
    }
    return reply.redirect(`/admin/contenus/actualites/${result.id}?ok=saved`, 303);
  };
  app.post('/admin/contenus/actualites', { config }, (request, reply) => submitNews(request, reply, null));

  app.get('/admin/contenus/actualites/:id', { schema: byId, config }, async (request, reply) => {
    const news = await findNewsById(db, request.params.id);
    if (!news) return notFound(request, reply);
    return renderNews(request, reply, 200, news, {
      form: { values: newsFormValues(news), errors: {} },
      notice: noticeOf(request),
    });
  });
  app.post('/admin/contenus/actualites/:id', { schema: byId, config }, (request, reply) =>
    submitNews(request, reply, request.params.id),
  );

  const newsStatus = (path: string, change: typeof publishNews, notice: string) =>
    app.post(`/admin/contenus/actualites/:id/${path}`, { schema: byId, config }, async (request, reply) => {
      if (!(await findNewsById(db, request.params.id))) return notFound(request, reply);
      await change(services, actorOf(request), request.params.id);
      return reply.redirect(`/admin/contenus/actualites/${request.params.id}?ok=${notice}`, 303);
    });
  newsStatus('publier', publishNews, 'published');
  newsStatus('depublier', unpublishNews, 'unpublished');

  // ---- Attachments ----
  app.post('/admin/contenus/actualites/:id/fichiers', { schema: byId, config }, async (request, reply) => {
    const news = await findNewsById(db, request.params.id);
    if (!news) return notFound(request, reply);
    const fields: Record<string, string> = {};
    let file: { data: Buffer; name: string } | undefined;
    let tooLarge = false;
    if (request.isMultipart()) {
      // Read only now, the staff permission and the news item checked: one file, streamed within its limit.
      const form = await readMultipartForm(request, {
        maxFileBytes: (field) => (field === 'file' ? MAX_ATTACHMENT_BYTES : 0),
        quota: () => ({ files: 1, bytes: MAX_ATTACHMENT_BYTES }),
        bodyBytes: MAX_ATTACHMENT_BYTES + 1024 * 1024,
        afterRefusalBytes: 1024 * 1024,
      });
      for (const [name, value] of Object.entries(form.fields)) if (typeof value === 'string') fields[name] = value;
      const sent = form.files.find((f) => f.field === 'file');
      // The sender's full file name is kept as display text (never a path), so it is shown as sent.
      if (sent) file = { data: sent.data, name: sent.name };
      tooLarge = form.refusal !== null && form.refusal.reason !== 'not_a_file_field';
    }
    const upload = new FormReader(fields);
    const label = upload.text('label', { max: 200 });
    const rerender = (status: number) =>
      renderNews(request, reply, status, news, {
        form: { values: newsFormValues(news), errors: {} },
        upload: { values: upload.values, errors: upload.errors },
      });
    if (tooLarge) {
      upload.fail('file', am.fileTooLarge);
      return rerender(413);
    }
    if (!file || file.data.length === 0) upload.fail('file', am.fileRequired);
    if (!upload.ok || !file) return rerender(400);
    const result = await attachNewsFile(services, actorOf(request), news.id, {
      data: file.data,
      originalName: file.name,
      label,
    });
    if (!result.ok) {
      if (result.error === 'not-found') return notFound(request, reply);
      upload.fail(
        'file',
        result.error === 'too-large'
          ? am.fileTooLarge
          : result.error === 'empty'
            ? am.fileRequired
            : am.fileTypeRefused,
      );
      return rerender(result.error === 'too-large' ? 413 : 400);
    }
    return reply.redirect(`/admin/contenus/actualites/${news.id}?ok=file-added#fichiers`, 303);
  });

  app.post(
    '/admin/contenus/actualites/:id/fichiers/:attachmentId/supprimer',
    { schema: { params: Type.Object({ id: Uuid, attachmentId: Uuid }) }, config },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const news = await findNewsById(db, id);
      const attachments = news ? await listAttachments(db, news.id) : [];
      if (!news || !attachments.some((a) => a.id === attachmentId)) return notFound(request, reply);
      await deleteNewsAttachment(services, actorOf(request), id, attachmentId);
      return reply.redirect(`/admin/contenus/actualites/${id}?ok=file-deleted#fichiers`, 303);
    },
  );
}
