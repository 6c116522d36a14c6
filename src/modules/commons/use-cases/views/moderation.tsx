import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, DataTable, Input, Pagination, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { commonsSiteMessages } from '../../messages.js';
import { NEED_KIND_LABELS } from '../labels.js';
import { useCaseMessages as m, useCaseCounts } from '../messages.js';
import type { ModerationItem } from '../queries.js';
import { HiddenBadge, hrefWith, MembersOnlyBadge, MODERATION_PATH, needHref, useCaseHref } from './common.js';

export interface ModerationParams {
  type?: string;
  etat?: string;
  q?: string;
}

/** The address of a moderation action on an item. */
export function moderationAction(item: Pick<ModerationItem, 'type' | 'id' | 'hidden'>): string {
  return `${MODERATION_PATH}/${item.type === 'use-case' ? 'cas-d-usage' : 'besoins'}/${item.id}/${item.hidden ? 'afficher' : 'masquer'}`;
}

export function ModerationPage(props: {
  ctx: ViewContext;
  items: ModerationItem[];
  total: number;
  page: number;
  pages: number;
  params: ModerationParams;
  notice?: { kind: 'success' | 'info'; title: string };
  /** A refused decision, shown on its row with what was typed. */
  failed?: { id: string; error: FieldError; reason: string };
}): JSX.Element {
  const { ctx, params, failed } = props;
  const { locale } = ctx;
  const title = t(locale, m.moderationTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.staffArea), href: '/admin' },
            { label: t(locale, commonsSiteMessages.cooperation), href: '/admin/cooperation' },
            { label: title },
          ]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.moderationIntro)}</p>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        {failed ? (
          <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
            <h2 class="fr-alert__title" safe>
              {t(locale, m.moderationErrorTitle)}
            </h2>
            <p>
              <a href={`#reason-${failed.id}`} safe>
                {t(locale, failed.error.message, failed.error.params)}
              </a>
            </p>
          </div>
        ) : (
          ''
        )}
        <form method="get" action={MODERATION_PATH} class="fr-mb-4w">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <Input
                locale={locale}
                name="q"
                type="search"
                label={t(locale, m.search)}
                value={params.q}
                maxlength={200}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Select
                locale={locale}
                name="type"
                label={t(locale, m.filterType)}
                value={params.type ?? ''}
                options={[
                  { value: '', label: t(locale, m.any) },
                  { value: 'cas-d-usage', label: t(locale, m.typeUseCases) },
                  { value: 'besoins', label: t(locale, m.typeNeeds) },
                ]}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Select
                locale={locale}
                name="etat"
                label={t(locale, m.filterModeration)}
                value={params.etat ?? ''}
                options={[
                  { value: '', label: t(locale, m.any) },
                  { value: 'visibles', label: t(locale, m.moderationVisible) },
                  { value: 'masquees', label: t(locale, m.moderationHidden) },
                ]}
              />
            </div>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" safe>
            {t(locale, m.filter)}
          </button>
        </form>
        <p role="status" safe>
          {tCount(locale, useCaseCounts.itemsCount, props.total)}
        </p>
        {props.items.length === 0 ? (
          <p safe>{t(locale, m.noItems)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[t(locale, m.colItem), t(locale, m.colState), t(locale, m.colAction)]}
          >
            {props.items.map((item) => {
              const error = failed?.id === item.id ? failed.error : undefined;
              const fieldId = `reason-${item.id}`;
              return (
                <tr>
                  <td>
                    <p class="fr-text--xs fr-mb-0" safe>
                      {item.type === 'use-case'
                        ? t(locale, m.typeUseCase)
                        : t(locale, NEED_KIND_LABELS[item.kind ?? 'need'])}
                    </p>
                    <a href={item.type === 'use-case' ? useCaseHref(item.id) : needHref(item.id)} safe>
                      {item.title}
                    </a>
                    <p class="fr-text--xs fr-mb-0" safe>
                      {`${item.owner} — ${formatDate(locale, item.createdAt)}`}
                    </p>
                  </td>
                  <td>
                    {item.hidden ? (
                      <>
                        <HiddenBadge locale={locale} />
                        {item.hiddenReason ? (
                          <p class="fr-text--xs fr-mb-0 acc-break" safe>
                            {t(locale, m.hiddenReason, { reason: item.hiddenReason })}
                          </p>
                        ) : (
                          ''
                        )}
                      </>
                    ) : (
                      <p class="fr-badge fr-badge--sm fr-badge--success" safe>
                        {t(locale, m.visibleBadge)}
                      </p>
                    )}
                    {item.visibility === 'members' ? <MembersOnlyBadge locale={locale} /> : ''}
                  </td>
                  <td>
                    <form method="post" action={moderationAction(item)}>
                      <CsrfField token={ctx.csrfToken} />
                      <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
                        <label class="fr-label" for={fieldId}>
                          <span safe>{t(locale, item.hidden ? m.fieldUnhideReason : m.fieldHideReason)}</span>
                          <span class="fr-sr-only" safe>
                            {` — ${item.title}`}
                          </span>
                        </label>
                        <input
                          class={`fr-input${error ? ' fr-input--error' : ''}`}
                          type="text"
                          id={fieldId}
                          name="reason"
                          maxlength="2000"
                          required
                          value={error ? failed?.reason : ''}
                          {...(error ? { 'aria-describedby': `${fieldId}-error`, 'aria-invalid': 'true' } : {})}
                        />
                        {error ? (
                          <p id={`${fieldId}-error`} class="fr-error-text" safe>
                            {t(locale, error.message, error.params)}
                          </p>
                        ) : (
                          ''
                        )}
                      </div>
                      <button type="submit" class={`fr-btn fr-btn--sm${item.hidden ? ' fr-btn--secondary' : ''}`}>
                        <span safe>{t(locale, item.hidden ? m.unhide : m.hide)}</span>
                        <span class="fr-sr-only" safe>
                          {` — ${item.title}`}
                        </span>
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pagination
          locale={locale}
          page={props.page}
          pages={props.pages}
          href={(n) => hrefWith(MODERATION_PATH, { ...params }, n)}
        />
      </div>
    </Page>
  );
}
