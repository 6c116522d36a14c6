import { formatDate, t } from '../../../core/i18n/i18n.js';
import { DataTable } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { BoardStatus } from '../board-data.js';
import { boardMessages as m } from '../board-messages.js';
import { DecisionsBreadcrumb, statusLabel } from './common.js';

export interface SeasonDeliberation {
  id: string;
  name: string;
  status: BoardStatus;
  closedAt: Date | null;
}

/** /admin/decisions: every season with the state of its deliberation. */
export function SeasonListPage({ ctx, seasons }: { ctx: ViewContext; seasons: SeasonDeliberation[] }): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.listTitle)}>
      <div class="fr-container fr-my-6w">
        <DecisionsBreadcrumb locale={locale} />
        <h1 safe>{t(locale, m.listTitle)}</h1>
        <p safe>{t(locale, m.listIntro)}</p>
        {seasons.length === 0 ? (
          <p safe>{t(locale, m.noSeason)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.seasonsTable)}
            columns={[t(locale, m.colSeason), t(locale, m.colStatus), t(locale, m.colClosedAt), t(locale, m.colNext)]}
          >
            {seasons.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/decisions/${s.id}`} safe>
                    {s.name}
                  </a>
                </td>
                <td safe>{statusLabel(locale, s.status)}</td>
                <td>{s.closedAt ? formatDate(locale, s.closedAt) : '—'}</td>
                <td>
                  {s.closedAt ? (
                    <ul class="fr-mb-0">
                      <li>
                        <a href={`/admin/decisions/${s.id}/notifications`} safe>
                          {t(locale, m.toNotices)}
                        </a>
                      </li>
                      <li>
                        <a href={`/admin/decisions/${s.id}/publication`} safe>
                          {t(locale, m.toPublication)}
                        </a>
                      </li>
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}
