import Html from '@kitajs/html';
import { contentTypeLabel } from '../../../core/files/sniff.js';
import { formatFileSize } from '../../../core/files/store-file.js';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { adminMessages as am } from '../messages.js';
import type { AttachmentRow, NewsRow, PageRow } from '../queries.js';
import type { ContentStatus } from '../tables.js';
import { DateText } from './localized.js';

function StatusBadge({ locale, status }: { locale: Locale; status: ContentStatus }): JSX.Element {
  return status === 'published' ? (
    <p class="fr-badge fr-badge--success fr-badge--sm" safe>
      {t(locale, am.statusPublished)}
    </p>
  ) : (
    <p class="fr-badge fr-badge--sm" safe>
      {t(locale, am.statusDraft)}
    </p>
  );
}

function AdminFrame({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: Html.Children;
}): JSX.Element {
  const { locale } = ctx;
  const list = t(locale, am.contentsTitle);
  const items = [
    { label: t(locale, am.administration), href: '/admin' },
    { label: list, href: '/admin/contenus' },
  ];
  if (title !== list) items.push({ label: title, href: '' });
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={items} />
        <h1 safe>{title}</h1>
        {children}
      </div>
    </Page>
  );
}

/** One kind of content in the CMS list: its heading, the "new" button, then its table or an empty message. */
function ListSection(props: {
  title: string;
  newHref: string;
  newLabel: string;
  empty: string;
  columns: string[];
  count: number;
  children: Html.Children;
}): JSX.Element {
  return (
    <section class="fr-mt-4w">
      <h2 safe>{props.title}</h2>
      <a class="fr-btn fr-icon-add-line fr-btn--icon-left fr-mb-2w" href={props.newHref} safe>
        {props.newLabel}
      </a>
      {props.count === 0 ? (
        <p safe>{props.empty}</p>
      ) : (
        <DataTable caption={props.title} columns={props.columns}>
          {props.children}
        </DataTable>
      )}
    </section>
  );
}

export function ContentListPage({
  ctx,
  pages,
  news,
}: {
  ctx: ViewContext;
  pages: PageRow[];
  news: NewsRow[];
}): JSX.Element {
  const { locale } = ctx;
  return (
    <AdminFrame ctx={ctx} title={t(locale, am.contentsTitle)}>
      <ListSection
        title={t(locale, am.newsTitle)}
        newHref="/admin/contenus/actualites/nouvelle"
        newLabel={t(locale, am.newNews)}
        empty={t(locale, am.noNews)}
        columns={[
          t(locale, am.colTitle),
          t(locale, am.colStatus),
          t(locale, am.colPublished),
          t(locale, am.colUpdated),
        ]}
        count={news.length}
      >
        {news.map((n) => (
          <tr>
            <td>
              <a href={`/admin/contenus/actualites/${n.id}`} safe>
                {n.title}
              </a>
              <br />
              <code class="fr-text--xs" safe>{`/actualites/${n.slug}`}</code>
            </td>
            <td>
              <StatusBadge locale={locale} status={n.status} />
            </td>
            <td>
              <DateText locale={locale} date={n.published_at} />
            </td>
            <td safe>{formatDateTime(locale, n.updated_at)}</td>
          </tr>
        ))}
      </ListSection>
      <ListSection
        title={t(locale, am.pagesTitle)}
        newHref="/admin/contenus/pages/nouvelle"
        newLabel={t(locale, am.newPage)}
        empty={t(locale, am.noPages)}
        columns={[t(locale, am.colTitle), t(locale, am.colSlug), t(locale, am.colStatus), t(locale, am.colUpdated)]}
        count={pages.length}
      >
        {pages.map((p) => (
          <tr>
            <td>
              <a href={`/admin/contenus/pages/${p.id}`} safe>
                {p.title}
              </a>
            </td>
            <td>
              <code class="fr-text--xs" safe>
                {p.slug}
              </code>
            </td>
            <td>
              <StatusBadge locale={locale} status={p.status} />
            </td>
            <td safe>{formatDateTime(locale, p.updated_at)}</td>
          </tr>
        ))}
      </ListSection>
    </AdminFrame>
  );
}

export interface Preview {
  title: string;
  html: string;
  titleEn?: string;
  htmlEn?: string;
}

function PreviewPanel({ locale, preview }: { locale: Locale; preview: Preview }): JSX.Element {
  const safeHtml = preview.html;
  const safeHtmlEn = preview.htmlEn ?? '';
  return (
    <section class="fr-callout acc-preview fr-mb-4w" aria-labelledby="preview-title">
      <h2 id="preview-title" class="fr-callout__title" safe>
        {t(locale, am.previewTitle)}
      </h2>
      <div lang="fr">
        <p class="fr-h3" safe>
          {preview.title}
        </p>
        <div class="acc-prose">{safeHtml}</div>
      </div>
      {preview.htmlEn !== undefined ? (
        <div lang="en" class="fr-mt-4w">
          <p class="fr-text--bold" safe>
            {t(locale, am.previewEnglish)}
          </p>
          <p class="fr-h3" safe>
            {preview.titleEn ?? ''}
          </p>
          <div class="acc-prose">{safeHtmlEn}</div>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}

function FormButtons({ locale }: { locale: Locale }): JSX.Element {
  return (
    <ButtonGroup
      name="action"
      inline="md"
      class="fr-mt-3w"
      buttons={[
        { value: 'save', label: t(locale, am.save) },
        { value: 'preview', label: t(locale, am.preview), priority: 'secondary' },
      ]}
    />
  );
}

function PublishForm({ ctx, base, status }: { ctx: ViewContext; base: string; status: ContentStatus }): JSX.Element {
  const { locale } = ctx;
  const publish = status === 'draft';
  return (
    <form method="post" action={`${base}/${publish ? 'publier' : 'depublier'}`} class="fr-mb-4w">
      <CsrfField token={ctx.csrfToken} />
      <p>
        <StatusBadge locale={locale} status={status} />
      </p>
      <button
        type="submit"
        class={`fr-btn ${publish ? 'fr-icon-upload-line' : 'fr-btn--tertiary fr-icon-eye-off-line'} fr-btn--icon-left`}
        safe
      >
        {t(locale, publish ? am.publish : am.unpublish)}
      </button>
    </form>
  );
}

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const pageFieldLabels = (locale: Locale): Record<string, string> => ({
  title: t(locale, am.fieldTitle),
  title_en: t(locale, am.fieldTitleEn),
  slug: t(locale, am.fieldSlug),
  body: t(locale, am.fieldBody),
  body_en: t(locale, am.fieldBodyEn),
});

export interface PageFormProps {
  ctx: ViewContext;
  page?: PageRow;
  form: FormState;
  preview?: Preview;
  notice?: string;
}

export function PageFormPage({ ctx, page, form, preview, notice }: PageFormProps): JSX.Element {
  const { locale } = ctx;
  const { values, errors } = form;
  const title = page ? t(locale, am.editPage, { title: page.title }) : t(locale, am.newPage);
  const base = page ? `/admin/contenus/pages/${page.id}` : '/admin/contenus/pages';
  return (
    <AdminFrame ctx={ctx} title={title}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      {page ? <PublishForm ctx={ctx} base={base} status={page.status} /> : ''}
      {preview ? <PreviewPanel locale={locale} preview={preview} /> : ''}
      <ErrorSummary locale={locale} errors={errors} labels={pageFieldLabels(locale)} />
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="title"
          label={t(locale, am.fieldTitle)}
          value={values.title}
          error={errors.title}
          required
          maxlength={200}
        />
        <Input
          locale={locale}
          name="slug"
          label={t(locale, am.fieldSlug)}
          hint={t(locale, am.fieldSlugHint)}
          value={values.slug}
          error={errors.slug}
        />
        <TextArea
          locale={locale}
          name="body"
          label={t(locale, am.fieldBody)}
          hint={t(locale, am.fieldBodyHint)}
          value={values.body}
          error={errors.body}
          rows={16}
        />
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend" safe>
            {t(locale, am.englishFields)}
          </legend>
          <div class="fr-fieldset__content acc-fieldset-content">
            <Input
              locale={locale}
              name="title_en"
              label={t(locale, am.fieldTitleEn)}
              value={values.title_en}
              error={errors.title_en}
              maxlength={200}
            />
            <TextArea
              locale={locale}
              name="body_en"
              label={t(locale, am.fieldBodyEn)}
              value={values.body_en}
              error={errors.body_en}
              rows={12}
            />
          </div>
        </fieldset>
        <FormButtons locale={locale} />
      </form>
      <p class="fr-mt-4w">
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/admin/contenus" safe>
          {t(locale, am.backToList)}
        </a>
      </p>
    </AdminFrame>
  );
}

export const newsFieldLabels = (locale: Locale): Record<string, string> => ({
  ...pageFieldLabels(locale),
  chapeau: t(locale, am.fieldChapeau),
  chapeau_en: t(locale, am.fieldChapeauEn),
  published_at: t(locale, am.fieldDate),
  categories: t(locale, am.fieldCategories),
  tags: t(locale, am.fieldTags),
  image_url: t(locale, am.fieldImageUrl),
  image_alt: t(locale, am.fieldImageAlt),
  press_name: t(locale, am.fieldPressName),
  press_organisation: t(locale, am.fieldPressOrganisation),
  press_email: t(locale, am.fieldPressEmail),
  press_phone: t(locale, am.fieldPressPhone),
  file: t(locale, am.fieldFile),
  label: t(locale, am.fieldFileLabel),
});

export interface NewsFormProps {
  ctx: ViewContext;
  news?: NewsRow;
  attachments?: AttachmentRow[];
  form: FormState;
  upload?: FormState;
  preview?: Preview;
  notice?: string;
}

function Attachments({
  ctx,
  news,
  attachments,
  upload,
}: {
  ctx: ViewContext;
  news: NewsRow;
  attachments: AttachmentRow[];
  upload?: FormState;
}): JSX.Element {
  const { locale } = ctx;
  const base = `/admin/contenus/actualites/${news.id}/fichiers`;
  const fileError = upload?.errors.file;
  return (
    <section class="fr-mt-6w" id="fichiers">
      <h2 safe>{t(locale, am.attachmentsTitle)}</h2>
      {attachments.length === 0 ? (
        <p safe>{t(locale, am.noAttachments)}</p>
      ) : (
        <DataTable
          caption={t(locale, am.attachmentsTitle)}
          columns={[
            t(locale, am.fieldFileLabel),
            t(locale, am.fileType),
            t(locale, am.fileSize),
            t(locale, am.fileAddress),
            t(locale, am.colActions),
          ]}
        >
          {attachments.map((a) => (
            <tr>
              <td>
                <span safe>{a.label}</span>
                {a.original_name && a.original_name !== a.label ? (
                  <>
                    <br />
                    <span class="fr-text--xs" safe>
                      {a.original_name}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td>{a.content_type ? Html.escapeHtml(contentTypeLabel(a.content_type)) : ''}</td>
              <td>{a.size !== null ? Html.escapeHtml(formatFileSize(locale, a.size)) : ''}</td>
              <td>
                <code class="fr-text--xs" safe>
                  {a.url}
                </code>
              </td>
              <td>
                <form method="post" action={`${base}/${a.id}/supprimer`} data-confirm={t(locale, am.deleteFileConfirm)}>
                  <CsrfField token={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left"
                    title={t(locale, am.deleteFileTitle, { label: a.label })}
                    safe
                  >
                    {t(locale, am.deleteFile)}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3 class="fr-mt-4w" safe>
        {t(locale, am.uploadTitle)}
      </h3>
      {upload ? <ErrorSummary locale={locale} errors={upload.errors} labels={newsFieldLabels(locale)} /> : ''}
      <form method="post" enctype="multipart/form-data" action={base}>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="label"
          label={t(locale, am.fieldFileLabel)}
          hint={t(locale, am.fieldFileLabelHint)}
          value={upload?.values.label}
          error={upload?.errors.label}
          maxlength={200}
        />
        <div class={`fr-upload-group${fileError ? ' fr-upload-group--error' : ''}`}>
          <label class="fr-label" for="file">
            <span safe>{t(locale, am.fieldFile)}</span>
            <span class="fr-hint-text" safe>
              {t(locale, am.fieldFileHint)}
            </span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="file"
            name="file"
            accept="image/png,image/jpeg,image/webp,application/pdf,.png,.jpg,.jpeg,.webp,.pdf"
            {...(fileError ? { 'aria-describedby': 'file-error', 'aria-invalid': 'true' } : {})}
          />
          {fileError ? (
            <p id="file-error" class="fr-error-text" safe>
              {t(locale, fileError.message, fileError.params)}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w fr-icon-upload-2-line fr-btn--icon-left" safe>
          {t(locale, am.upload)}
        </button>
      </form>
    </section>
  );
}

export function NewsFormPage({ ctx, news, attachments, form, upload, preview, notice }: NewsFormProps): JSX.Element {
  const { locale } = ctx;
  const { values, errors } = form;
  const title = news ? t(locale, am.editNews, { title: news.title }) : t(locale, am.newNews);
  const base = news ? `/admin/contenus/actualites/${news.id}` : '/admin/contenus/actualites';
  return (
    <AdminFrame ctx={ctx} title={title}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      {news ? <PublishForm ctx={ctx} base={base} status={news.status} /> : ''}
      {preview ? <PreviewPanel locale={locale} preview={preview} /> : ''}
      <ErrorSummary locale={locale} errors={errors} labels={newsFieldLabels(locale)} />
      <form method="post" action={base} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Input
          locale={locale}
          name="title"
          label={t(locale, am.fieldTitle)}
          value={values.title}
          error={errors.title}
          required
          maxlength={200}
        />
        <Input
          locale={locale}
          name="slug"
          label={t(locale, am.fieldSlug)}
          hint={t(locale, am.fieldSlugHint)}
          value={values.slug}
          error={errors.slug}
        />
        <Input
          locale={locale}
          name="published_at"
          type="date"
          label={t(locale, am.fieldDate)}
          hint={t(locale, am.fieldDateHint)}
          value={values.published_at}
          error={errors.published_at}
        />
        <TextArea
          locale={locale}
          name="chapeau"
          label={t(locale, am.fieldChapeau)}
          value={values.chapeau}
          error={errors.chapeau}
          rows={3}
        />
        <TextArea
          locale={locale}
          name="body"
          label={t(locale, am.fieldBody)}
          hint={t(locale, am.fieldBodyHint)}
          value={values.body}
          error={errors.body}
          rows={16}
        />
        <Input
          locale={locale}
          name="categories"
          label={t(locale, am.fieldCategories)}
          hint={t(locale, am.fieldListHint)}
          value={values.categories}
          error={errors.categories}
        />
        <Input
          locale={locale}
          name="tags"
          label={t(locale, am.fieldTags)}
          hint={t(locale, am.fieldListHint)}
          value={values.tags}
          error={errors.tags}
        />
        <Input
          locale={locale}
          name="image_url"
          label={t(locale, am.fieldImageUrl)}
          hint={t(locale, am.fieldImageUrlHint)}
          value={values.image_url}
          error={errors.image_url}
        />
        <Input
          locale={locale}
          name="image_alt"
          label={t(locale, am.fieldImageAlt)}
          hint={t(locale, am.fieldImageAltHint)}
          value={values.image_alt}
          error={errors.image_alt}
          maxlength={300}
        />
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend" safe>
            {t(locale, am.pressContactLegend)}
          </legend>
          <div class="fr-fieldset__content acc-fieldset-content">
            <Input
              locale={locale}
              name="press_name"
              label={t(locale, am.fieldPressName)}
              value={values.press_name}
              error={errors.press_name}
              autocomplete="off"
            />
            <Input
              locale={locale}
              name="press_organisation"
              label={t(locale, am.fieldPressOrganisation)}
              value={values.press_organisation}
              error={errors.press_organisation}
            />
            <Input
              locale={locale}
              name="press_email"
              type="email"
              label={t(locale, am.fieldPressEmail)}
              value={values.press_email}
              error={errors.press_email}
            />
            <Input
              locale={locale}
              name="press_phone"
              label={t(locale, am.fieldPressPhone)}
              value={values.press_phone}
              error={errors.press_phone}
            />
          </div>
        </fieldset>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend" safe>
            {t(locale, am.englishFields)}
          </legend>
          <div class="fr-fieldset__content acc-fieldset-content">
            <Input
              locale={locale}
              name="title_en"
              label={t(locale, am.fieldTitleEn)}
              value={values.title_en}
              error={errors.title_en}
              maxlength={200}
            />
            <TextArea
              locale={locale}
              name="chapeau_en"
              label={t(locale, am.fieldChapeauEn)}
              value={values.chapeau_en}
              error={errors.chapeau_en}
              rows={3}
            />
            <TextArea
              locale={locale}
              name="body_en"
              label={t(locale, am.fieldBodyEn)}
              value={values.body_en}
              error={errors.body_en}
              rows={12}
            />
          </div>
        </fieldset>
        <FormButtons locale={locale} />
      </form>
      {news ? (
        <Attachments ctx={ctx} news={news} attachments={attachments ?? []} upload={upload} />
      ) : (
        <p class="fr-mt-4w fr-text--sm" safe>
          {t(locale, am.createFirst)}
        </p>
      )}
      <p class="fr-mt-4w">
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/admin/contenus" safe>
          {t(locale, am.backToList)}
        </a>
      </p>
    </AdminFrame>
  );
}
