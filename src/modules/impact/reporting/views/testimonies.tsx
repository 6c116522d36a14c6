import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  Checkbox,
  CsrfField,
  ErrorSummary,
  Input,
  Select,
  TextArea,
} from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { LaureateRecord } from '../../../seasons/index.js';
import { type LaureateSpace, SpacePage, spaceHref } from '../../../support/index.js';
import { reportingMessages as m } from '../messages.js';
import type { Testimony } from '../queries.js';
import { CONSENT_VERSION } from '../save-testimony.js';
import { leverLabel, leverOptions, type Notice, StaffCrumbs } from './common.js';

export interface TestimonyFormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: Notice;
}

function TestimonyForm(props: {
  locale: Locale;
  csrfToken?: string;
  action: string;
  state: TestimonyFormState;
  laureates?: LaureateRecord[];
  existing?: Testimony;
  cancelHref: string;
}): JSX.Element {
  const { locale, state, existing } = props;
  const v = state.values;
  const e = state.errors;
  const labels: Record<string, string> = {
    laureate_id: t(locale, m.fieldLaureate),
    quote: t(locale, m.fieldQuote),
    quote_en: t(locale, m.fieldQuoteEn),
    author_name: t(locale, m.fieldAuthorName),
    author_role: t(locale, m.fieldAuthorRole),
    consent: t(locale, m.consentV1),
    photo: t(locale, m.fieldPhoto),
    photo_alt: t(locale, m.fieldPhotoAlt),
    video_url: t(locale, m.fieldVideo),
    lever: t(locale, m.fieldLever),
  };
  return (
    <>
      {state.notice ? <Alert kind={state.notice.kind} title={state.notice.title} text={state.notice.text} /> : ''}
      <ErrorSummary locale={locale} errors={e} labels={labels} />
      <form method="post" enctype="multipart/form-data" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="submission_key" value={v.submission_key ?? ''} />
        {props.laureates ? (
          <Select
            locale={locale}
            name="laureate_id"
            label={labels.laureate_id!}
            value={v.laureate_id}
            error={e.laureate_id}
            required
            options={props.laureates.map((l) => ({ value: l.id, label: l.name }))}
          />
        ) : (
          ''
        )}
        <TextArea
          locale={locale}
          name="quote"
          label={labels.quote!}
          value={v.quote}
          error={e.quote}
          rows={4}
          required
        />
        <TextArea
          locale={locale}
          name="quote_en"
          label={labels.quote_en!}
          value={v.quote_en}
          error={e.quote_en}
          rows={4}
        />
        <Input
          locale={locale}
          name="author_name"
          label={labels.author_name!}
          value={v.author_name}
          error={e.author_name}
          required
          maxlength={120}
        />
        <Input
          locale={locale}
          name="author_role"
          label={labels.author_role!}
          hint={t(locale, m.fieldAuthorRoleHint)}
          value={v.author_role}
          error={e.author_role}
          maxlength={200}
        />
        <Select
          locale={locale}
          name="lever"
          label={labels.lever!}
          value={v.lever}
          error={e.lever}
          options={leverOptions(locale)}
        />
        {existing?.photoFileId ? (
          <div class="fr-mb-3w">
            <p class="fr-mb-1v" safe>
              {t(locale, m.currentPhoto)}
            </p>
            <img src={`/admin/impact/temoignages/${existing.id}/photo`} alt={existing.photoAlt} width="160" />
            <Checkbox name="remove_photo" label={t(locale, m.removePhoto)} checked={v.remove_photo === 'on'} />
          </div>
        ) : (
          ''
        )}
        <div class={`fr-upload-group fr-mb-3w${e.photo ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="photo">
            <span safe>{labels.photo}</span>
            <span class="fr-hint-text" safe>
              {t(locale, m.fieldPhotoHint)}
            </span>
          </label>
          <input
            class="fr-upload"
            type="file"
            id="photo"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            {...(e.photo ? { 'aria-describedby': 'photo-error', 'aria-invalid': 'true' } : {})}
          />
          {e.photo ? (
            <p id="photo-error" class="fr-error-text" safe>
              {t(locale, e.photo.message, e.photo.params)}
            </p>
          ) : (
            ''
          )}
        </div>
        <Input
          locale={locale}
          name="photo_alt"
          label={labels.photo_alt!}
          hint={t(locale, m.fieldPhotoAltHint)}
          value={v.photo_alt}
          error={e.photo_alt}
          maxlength={300}
        />
        <Input
          locale={locale}
          name="video_url"
          type="url"
          label={labels.video_url!}
          hint={t(locale, m.fieldVideoHint)}
          value={v.video_url}
          error={e.video_url}
          maxlength={2000}
        />
        <div class={`fr-checkbox-group${e.consent ? ' fr-checkbox-group--error' : ''}`}>
          <input
            type="checkbox"
            id="consent"
            name="consent"
            checked={v.consent === 'on'}
            {...(e.consent ? { 'aria-describedby': 'consent-error' } : {})}
          />
          <label class="fr-label" for="consent">
            <span safe>{`${labels.consent} *`}</span>
            {existing ? (
              <span class="fr-hint-text" safe>
                {t(locale, m.consentRecorded, {
                  date: formatDate(locale, existing.consentAt),
                  version: existing.consentVersion,
                })}
              </span>
            ) : (
              ''
            )}
          </label>
          {e.consent ? (
            <p id="consent-error" class="fr-error-text" safe>
              {t(locale, e.consent.message)}
            </p>
          ) : (
            ''
          )}
        </div>
        <input type="hidden" name="consent_version" value={String(CONSENT_VERSION)} />
        <ButtonGroup buttons={[{ label: t(locale, m.save) }]} class="fr-mt-4w" />
        <p>
          <a class="fr-link" href={props.cancelHref} safe>
            {t(locale, m.cancel)}
          </a>
        </p>
      </form>
    </>
  );
}

/** Staff's list of testimonies (of their tracks' laureates), with publish, unpublish and delete. */
export function StaffTestimoniesPage(props: {
  ctx: ViewContext;
  testimonies: Testimony[];
  laureates: Map<string, LaureateRecord>;
  notice?: Notice;
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const heading = t(locale, m.testimoniesTitle);
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} items={[{ label: heading }]} />
        <h1 safe>{heading}</h1>
        <p safe>{t(locale, m.testimoniesIntro)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} text={props.notice.text} /> : ''}
        <p>
          <a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/admin/impact/temoignages/nouveau" safe>
            {t(locale, m.newTestimony)}
          </a>
        </p>
        {props.testimonies.length === 0 ? <p safe>{t(locale, m.noTestimonies)}</p> : ''}
        <ul class="fr-raw-list">
          {props.testimonies.map((testimony) => (
            <li class="fr-mb-4w">
              <figure class="fr-quote fr-mb-2w">
                <blockquote>
                  <p safe>{testimony.quote}</p>
                </blockquote>
                <figcaption>
                  <p class="fr-quote__author" safe>
                    {testimony.authorName}
                  </p>
                  <ul class="fr-quote__source">
                    {testimony.authorRole ? <li safe>{testimony.authorRole}</li> : ''}
                    <li safe>{props.laureates.get(testimony.laureateId)?.name ?? ''}</li>
                    {testimony.lever ? <li safe>{leverLabel(locale, testimony.lever)}</li> : ''}
                    {testimony.videoUrl ? (
                      <li>
                        <a href={testimony.videoUrl} rel="noopener noreferrer" safe>
                          {t(locale, m.video)}
                        </a>
                      </li>
                    ) : (
                      ''
                    )}
                  </ul>
                  {testimony.photoFileId ? (
                    <div class="fr-quote__image">
                      <img
                        src={`/admin/impact/temoignages/${testimony.id}/photo`}
                        class="fr-responsive-img"
                        alt={testimony.photoAlt}
                      />
                    </div>
                  ) : (
                    ''
                  )}
                </figcaption>
              </figure>
              <p class="fr-text--sm" safe>
                {`${
                  testimony.publishedAt
                    ? t(locale, m.published, { date: formatDate(locale, testimony.publishedAt) })
                    : t(locale, m.notPublishedYet)
                } — ${t(locale, m.consentRecorded, {
                  date: formatDate(locale, testimony.consentAt),
                  version: testimony.consentVersion,
                })}`}
              </p>
              <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                <li>
                  <a class="fr-btn fr-btn--secondary" href={`/admin/impact/temoignages/${testimony.id}/modifier`}>
                    <span safe>{t(locale, m.editTestimony)}</span>
                    <span class="fr-sr-only" safe>
                      {` — ${testimony.authorName}`}
                    </span>
                  </a>
                </li>
                <li>
                  <form
                    method="post"
                    action={`/admin/impact/temoignages/${testimony.id}/${testimony.publishedAt ? 'depublier' : 'publier'}`}
                  >
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="fr-btn" safe>
                      {t(locale, testimony.publishedAt ? m.unpublish : m.publish)}
                    </button>
                  </form>
                </li>
                <li>
                  <form method="post" action={`/admin/impact/temoignages/${testimony.id}/supprimer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="fr-btn fr-btn--tertiary" title={t(locale, m.deleteHint)} safe>
                      {t(locale, m.delete)}
                    </button>
                  </form>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}

/** Staff record or change a testimony. */
export function StaffTestimonyFormPage(props: {
  ctx: ViewContext;
  heading: string;
  action: string;
  state: TestimonyFormState;
  laureates?: LaureateRecord[];
  existing?: Testimony;
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={props.heading}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs
          locale={locale}
          items={[
            { label: t(locale, m.testimoniesTitle), href: '/admin/impact/temoignages' },
            { label: props.heading },
          ]}
        />
        <h1 safe>{props.heading}</h1>
        <p class="fr-hint-text" safe>
          {t(locale, m.testimoniesIntro)}
        </p>
        <TestimonyForm
          locale={locale}
          csrfToken={ctx.csrfToken}
          action={props.action}
          state={props.state}
          laureates={props.laureates}
          existing={props.existing}
          cancelHref="/admin/impact/temoignages"
        />
      </div>
    </Page>
  );
}

/** The team proposes a testimony, which staff read and publish. */
export function TeamTestimonyFormPage(props: {
  ctx: ViewContext;
  space: LaureateSpace;
  state: TestimonyFormState;
}): JSX.Element {
  const { ctx, space } = props;
  const { locale } = ctx;
  const href = spaceHref('team', space.application.id, 'impact');
  return (
    <SpacePage ctx={ctx} side="team" space={space} section="impact" title={t(locale, m.proposeTestimony)} showGrant>
      <p safe>{t(locale, m.proposeIntro)}</p>
      <TestimonyForm
        locale={locale}
        csrfToken={ctx.csrfToken}
        action={`${href}/temoignages`}
        state={props.state}
        cancelHref={href}
      />
    </SpacePage>
  );
}
