import type { FieldError } from '../../../core/http/forms.js';
import { LOCALES, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { noticeMessages as m } from '../notice-messages.js';
import { NOTICE_KINDS, type NoticeKind, type NoticeTemplate } from '../notice-templates.js';
import { placeholderList } from '../save-template.js';
import { kindLabel, NoticeText, outboxPath, type PageNotice } from './outbox.js';

export const templatesPath = (seasonId: string) => `/admin/decisions/${seasonId}/modeles`;

const localeLabel = (locale: Locale, of: Locale) => t(locale, of === 'en' ? m.locale_en : m.locale_fr);

function Crumbs({
  ctx,
  season,
  current,
}: {
  ctx: ViewContext;
  season: { id: string; name: string };
  current?: string;
}) {
  const { locale } = ctx;
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.administration), href: '/admin' },
        { label: t(locale, m.decisions), href: '/admin/decisions' },
        { label: `${t(locale, m.outboxTitle)} – ${season.name}`, href: outboxPath(season.id) },
        current
          ? { label: t(locale, m.templatesTitle), href: templatesPath(season.id) }
          : { label: t(locale, m.templatesTitle) },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}

export interface TemplatesPageProps {
  ctx: ViewContext;
  season: { id: string; name: string };
  templates: Record<NoticeKind, Record<Locale, NoticeTemplate & { custom: boolean }>>;
  /** The decided applications one may preview a notice for. */
  applications: { id: string; title: string }[];
  chosen?: { applicationId: string; kind: NoticeKind; locale: Locale };
  preview?: { subject: string; text: string };
  notice?: PageNotice;
}

/** /admin/decisions/:seasonId/modeles: the season's templates and a preview for one application. */
export function TemplatesPage(props: TemplatesPageProps): JSX.Element {
  const { ctx, season } = props;
  const { locale } = ctx;
  const title = `${t(locale, m.templatesTitle)} – ${season.name}`;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Crumbs ctx={ctx} season={season} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <p safe>{t(locale, m.templatesIntro, { list: placeholderList() })}</p>
        <DataTable
          caption={t(locale, m.templatesTitle)}
          hiddenCaption
          columns={[t(locale, m.colKind), t(locale, m.colLocale), t(locale, m.subject), t(locale, m.colActions)]}
        >
          {NOTICE_KINDS.flatMap((kind) =>
            LOCALES.map((of) => {
              const template = props.templates[kind][of];
              return (
                <tr>
                  <td safe>{kindLabel(locale, kind)}</td>
                  <td safe>{localeLabel(locale, of)}</td>
                  <td>
                    <span safe>{template.subject}</span>
                    <br />
                    <span class="fr-hint-text" safe>
                      {t(locale, template.custom ? m.templateCustom : m.templateDefault)}
                    </span>
                  </td>
                  <td>
                    <a
                      class="fr-link"
                      href={`${templatesPath(season.id)}/${kind}/${of}`}
                      aria-label={t(locale, m.editTemplate, {
                        kind: kindLabel(locale, kind),
                        locale: localeLabel(locale, of),
                      })}
                      safe
                    >
                      {t(locale, m.edit)}
                    </a>
                  </td>
                </tr>
              );
            }),
          )}
        </DataTable>
        <section class="fr-mt-6w" aria-labelledby="preview-title">
          <h2 id="preview-title" class="fr-h4" safe>
            {t(locale, m.previewFor)}
          </h2>
          {props.applications.length === 0 ? (
            <p safe>{t(locale, m.noDecided)}</p>
          ) : (
            <form method="get" action={templatesPath(season.id)}>
              <Select
                locale={locale}
                name="candidature"
                label={t(locale, m.previewApplication)}
                value={props.chosen?.applicationId ?? ''}
                options={props.applications.map((a) => ({ value: a.id, label: a.title || '—' }))}
              />
              <Select
                locale={locale}
                name="modele"
                label={t(locale, m.colKind)}
                value={props.chosen?.kind ?? ''}
                options={NOTICE_KINDS.map((kind) => ({ value: kind, label: kindLabel(locale, kind) }))}
              />
              <Select
                locale={locale}
                name="langue"
                label={t(locale, m.colLocale)}
                value={props.chosen?.locale ?? ''}
                options={LOCALES.map((of) => ({ value: of, label: localeLabel(locale, of) }))}
              />
              <button type="submit" class="fr-btn fr-btn--secondary" safe>
                {t(locale, m.showPreview)}
              </button>
            </form>
          )}
          {props.preview && props.chosen ? (
            <div class="fr-mt-4w">
              <p class="fr-hint-text" safe>
                {t(locale, m.previewAt)}
              </p>
              <NoticeText subject={props.preview.subject} text={props.preview.text} lang={props.chosen.locale} />
            </div>
          ) : (
            ''
          )}
        </section>
      </div>
    </Page>
  );
}

export interface TemplateEditProps {
  ctx: ViewContext;
  season: { id: string; name: string };
  kind: NoticeKind;
  of: Locale;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  custom: boolean;
}

/** One template: subject and text, with the placeholders it may use. */
export function TemplateEditPage(props: TemplateEditProps): JSX.Element {
  const { ctx, season, kind, of } = props;
  const { locale } = ctx;
  const name = t(locale, m.templateTitle, { kind: kindLabel(locale, kind), locale: localeLabel(locale, of) });
  return (
    <Page ctx={ctx} title={name}>
      <div class="fr-container fr-my-6w">
        <Crumbs ctx={ctx} season={season} current={name} />
        <h1 safe>{name}</h1>
        <p safe>{t(locale, m.templatesIntro, { list: placeholderList() })}</p>
        <ErrorSummary
          locale={locale}
          errors={props.errors}
          labels={{ subject: t(locale, m.subject), body: t(locale, m.body) }}
        />
        <form method="post" action={`${templatesPath(season.id)}/${kind}/${of}`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Input
            locale={locale}
            name="subject"
            label={t(locale, m.subject)}
            value={props.values.subject ?? ''}
            error={props.errors.subject}
            required
          />
          <TextArea
            locale={locale}
            name="body"
            label={t(locale, m.body)}
            hint={t(locale, m.bodyHint)}
            value={props.values.body ?? ''}
            error={props.errors.body}
            rows={16}
            required
          />
          <ButtonGroup
            name="action"
            inline="md"
            buttons={[
              { label: t(locale, m.saveTemplate), value: 'save' },
              props.custom && { label: t(locale, m.resetTemplate), value: 'reset', priority: 'secondary' },
            ]}
          />
        </form>
      </div>
    </Page>
  );
}
