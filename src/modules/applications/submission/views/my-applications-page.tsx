import { formatDateTime, t } from '../../../../core/i18n/i18n.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { instructionMessages as im } from '../../instruction/messages.js';
import { applicationMessages as m } from '../../messages.js';
import type { MyApplicationRow } from '../../queries.js';
import { pick, stateBadgeClass, stateLabel } from '../../views/text.js';

/** /mes-candidatures: the applications the person owns or was invited to. */
export function MyApplicationsPage({
  ctx,
  rows,
  unread,
}: {
  ctx: ViewContext;
  rows: MyApplicationRow[];
  unread?: Set<string>;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.myApplications)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.myApplications)}</h1>
        {rows.length === 0 ? (
          <p safe>{t(locale, m.noApplications)}</p>
        ) : (
          <ul class="fr-raw-list">
            {rows.map((row) => (
              <li class="fr-mb-3w">
                <h2 class="fr-h5 fr-mb-1v">
                  <a href={`/mes-candidatures/${row.id}`} safe>
                    {row.title || t(locale, m.untitled)}
                  </a>
                </h2>
                <p class={stateBadgeClass(row.state)} safe>
                  {stateLabel(locale, row.state)}
                </p>
                {unread?.has(row.id) ? (
                  <p class="fr-badge fr-badge--new fr-badge--sm fr-ml-1w" safe>
                    {t(locale, im.unreadMessages)}
                  </p>
                ) : (
                  ''
                )}
                <p class="fr-text--sm" safe>
                  {`${t(locale, m.season)} : ${pick(locale, row.seasonName, row.seasonNameEn)} · ${formatDateTime(locale, row.updatedAt)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}
