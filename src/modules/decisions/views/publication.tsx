import type Html from '@kitajs/html';
import type { FieldError } from '../../../core/http/forms.js';
import { formatDateTime, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, Checkbox, CsrfField, ErrorSummary, Input, TextArea } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { PublicationLaureate, PublicationState } from '../publication.js';
import { publicationMessages as m, publicationCounts } from './publication-messages.js';

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

export const publicationPath = (seasonId: string) => `/admin/decisions/${seasonId}/publication`;
export const summaryField = (ref: string) => `summary__${ref}`;
export const summaryEnField = (ref: string) => `summary_en__${ref}`;

function Shell(props: {
  ctx: ViewContext;
  state: PublicationState;
  title: string;
  crumb?: string;
  notice?: string;
  children?: Html.Children;
}): JSX.Element {
  const { locale } = props.ctx;
  const items = [
    { label: t(locale, m.administration), href: '/admin' },
    { label: t(locale, m.decisions), href: '/admin/decisions' },
    { label: t(locale, m.crumb), href: publicationPath(props.state.season.id) },
  ];
  if (props.crumb) items.push({ label: props.crumb, href: '' });
  return (
    <Page ctx={props.ctx} title={props.title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={items} />
        <h1 safe>{props.title}</h1>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        {props.children}
      </div>
    </Page>
  );
}

const seasonName = (locale: Locale, s: PublicationState['season']) => (locale === 'en' && s.nameEn ? s.nameEn : s.name);

function trackName(locale: Locale, state: PublicationState, code: string): string {
  const track = state.season.tracks.find((t) => t.code === code);
  if (!track) return code;
  return locale === 'en' && track.nameEn ? track.nameEn : track.name;
}

function Status({ locale, state, now }: { locale: Locale; state: PublicationState; now: Date }): JSX.Element {
  const d = state.deliberation;
  if (!d?.publishedAt) return <p safe>{t(locale, m.notPublished)}</p>;
  const from = d.publishAt ?? d.publishedAt;
  const text = from.getTime() <= now.getTime() ? m.publishedVisible : m.published;
  return (
    <Alert
      kind="info"
      title={t(locale, text, { at: formatDateTime(locale, d.publishedAt), from: formatDateTime(locale, from) })}
    />
  );
}

function LaureateFields({
  locale,
  state,
  laureate,
  form,
}: {
  locale: Locale;
  state: PublicationState;
  laureate: PublicationLaureate;
  form: FormState;
}): JSX.Element {
  const fr = summaryField(laureate.publicRef);
  const en = summaryEnField(laureate.publicRef);
  return (
    <fieldset class="fr-fieldset fr-mb-4w" aria-labelledby={`legend-${laureate.publicRef}`}>
      <legend class="fr-fieldset__legend" id={`legend-${laureate.publicRef}`}>
        <span safe>{laureate.title}</span>{' '}
        <span class={`fr-badge fr-badge--sm ${laureate.confirmed ? 'fr-badge--success' : 'fr-badge--info'}`} safe>
          {t(locale, laureate.confirmed ? m.confirmed : m.pending)}
        </span>
      </legend>
      <div class="fr-fieldset__element">
        <ul class="fr-text--sm">
          {laureate.organisation ? <li safe>{t(locale, m.organisation, { name: laureate.organisation })}</li> : ''}
          <li safe>{t(locale, m.track, { name: trackName(locale, state, laureate.trackCode) })}</li>
          {laureate.website ? <li safe>{t(locale, m.website, { url: laureate.website })}</li> : ''}
        </ul>
        <TextArea
          locale={locale}
          name={fr}
          label={`${t(locale, m.summary)} — ${laureate.title}`}
          hint={t(locale, m.summaryHint)}
          value={form.values[fr] ?? ''}
          error={form.errors[fr]}
          required
          rows={4}
        />
        <TextArea
          locale={locale}
          name={en}
          label={`${t(locale, m.summaryEn)} — ${laureate.title}`}
          value={form.values[en] ?? ''}
          error={form.errors[en]}
          rows={4}
        />
      </div>
    </fieldset>
  );
}

/** The publication page: status, the public texts and the embargo, and the way to the one "publish all" action. */
export function PublicationPage({
  ctx,
  state,
  form,
  now,
  notice,
  pressReleaseId,
}: {
  ctx: ViewContext;
  state: PublicationState;
  form: FormState;
  now: Date;
  notice?: string;
  /** The draft press release just created, to open in the CMS. */
  pressReleaseId?: string;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.title, { season: seasonName(locale, state.season) });
  const d = state.deliberation;
  if (d?.status !== 'closed')
    return (
      <Shell ctx={ctx} state={state} title={title} notice={notice}>
        <Alert kind="info" title={t(locale, m.notClosedTitle)} text={t(locale, d ? m.notClosed : m.noDeliberation)} />
      </Shell>
    );
  const labels: Record<string, string> = { publish_at: t(locale, m.publishAt) };
  for (const l of state.laureates) {
    labels[summaryField(l.publicRef)] = `${t(locale, m.summary)} — ${l.title}`;
    labels[summaryEnField(l.publicRef)] = `${t(locale, m.summaryEn)} — ${l.title}`;
  }
  return (
    <Shell ctx={ctx} state={state} title={title} notice={notice}>
      <Status locale={locale} state={state} now={now} />
      {pressReleaseId ? (
        <p>
          <a class="fr-link" href={`/admin/contenus/actualites/${pressReleaseId}`} safe>
            {t(locale, m.openPressRelease)}
          </a>
        </p>
      ) : (
        ''
      )}
      <p class="fr-text--sm" safe>
        {t(locale, m.who)}
      </p>
      <form method="post" action={publicationPath(state.season.id)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary locale={locale} errors={form.errors} labels={labels} />
        <Input
          locale={locale}
          name="publish_at"
          type="datetime-local"
          label={t(locale, m.publishAt)}
          hint={t(locale, m.publishAtHint)}
          value={form.values.publish_at ?? ''}
          error={form.errors.publish_at}
        />
        {state.laureates.length === 0 ? (
          <p safe>{t(locale, m.noLaureates)}</p>
        ) : (
          state.laureates.map((laureate) => (
            <LaureateFields locale={locale} state={state} laureate={laureate} form={form} />
          ))
        )}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button class="fr-btn fr-btn--secondary" type="submit" name="action" value="save" safe>
              {t(locale, m.save)}
            </button>
          </li>
          <li>
            <button class="fr-btn" type="submit" name="action" value="publish" safe>
              {t(locale, m.toConfirm)}
            </button>
          </li>
        </ul>
      </form>
    </Shell>
  );
}

/** The confirmation step of "publish all decisions": what will be published, from when, and the one button. */
export function ConfirmPublicationPage({
  ctx,
  state,
  now,
}: {
  ctx: ViewContext;
  state: PublicationState;
  now: Date;
}): JSX.Element {
  const { locale } = ctx;
  const d = state.deliberation!;
  const from = d.publishAt && d.publishAt.getTime() > now.getTime() ? d.publishAt : null;
  const path = publicationPath(state.season.id);
  return (
    <Shell
      ctx={ctx}
      state={state}
      title={t(locale, m.confirmTitle, { season: seasonName(locale, state.season) })}
      crumb={t(locale, m.confirmCrumb)}
    >
      {d.publishedAt ? <Alert kind="info" title={t(locale, m.again)} /> : ''}
      {!from ? (
        <p safe>{t(locale, m.confirmNow)}</p>
      ) : state.laureates.length > 0 ? (
        <p safe>
          {tCount(locale, publicationCounts.confirmIntro, state.laureates.length, {
            from: formatDateTime(locale, from),
          })}
        </p>
      ) : (
        ''
      )}
      {state.laureates.length === 0 ? (
        <p safe>{t(locale, m.noLaureates)}</p>
      ) : (
        <div class="fr-table">
          <table>
            <caption safe>{t(locale, m.tableCaption)}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(locale, m.project)}
                </th>
                <th scope="col" safe>
                  {t(locale, m.organisationColumn)}
                </th>
                <th scope="col" safe>
                  {t(locale, m.trackColumn)}
                </th>
                <th scope="col" safe>
                  {t(locale, m.confirmationColumn)}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.laureates.map((l) => (
                <tr>
                  <td safe>{l.title}</td>
                  <td safe>{l.organisation}</td>
                  <td safe>{trackName(locale, state, l.trackCode)}</td>
                  <td safe>{t(locale, l.confirmed ? m.confirmed : m.pending)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form method="post" action={`${path}/publier`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="confirm" value="oui" />
        <Checkbox name="press_release" label={t(locale, m.pressRelease)} hint={t(locale, m.pressReleaseHint)} />
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
          <li>
            <button class="fr-btn" type="submit" safe>
              {t(locale, m.publish)}
            </button>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={path} safe>
              {t(locale, m.back)}
            </a>
          </li>
        </ul>
      </form>
    </Shell>
  );
}
