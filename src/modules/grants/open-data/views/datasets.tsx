import { formatDateTime, t } from '../../../../core/i18n/i18n.js';
import { DataTable } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { openDataMessages as m } from '../messages.js';

export interface DatasetsInfo {
  count: number;
  updatedAt: Date | null;
}

const LICENCE = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

/** The public list of the grants' datasets (/donnees). */
export function DatasetsPage({ ctx, info }: { ctx: ViewContext; info: DatasetsInfo }): JSX.Element {
  const { locale } = ctx;
  const updated = info.updatedAt ? formatDateTime(locale, info.updatedAt) : t(locale, m.never);
  const datasets = [
    { href: '/donnees/subventions.csv', title: m.scdlTitle, text: m.scdlText, format: m.scdlFormat },
    { href: '/donnees/subventions-360giving.json', title: m.givingTitle, text: m.givingText, format: m.givingFormat },
  ];
  return (
    <Page ctx={ctx} title={t(locale, m.datasetsTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.datasetsTitle)}</h1>
        <p safe>{t(locale, m.datasetsIntro)}</p>
        <DataTable
          caption={t(locale, m.datasetsCaption)}
          columns={[
            t(locale, m.dataset),
            t(locale, m.format),
            t(locale, m.licence),
            t(locale, m.updated),
            t(locale, m.rows),
          ]}
        >
          {datasets.map((d) => (
            <tr>
              <td>
                <a href={d.href} safe>
                  {t(locale, d.title)}
                </a>
                <p class="fr-text--sm fr-mb-0" safe>
                  {t(locale, d.text)}
                </p>
              </td>
              <td safe>{t(locale, d.format)}</td>
              <td>
                <a href={LICENCE} safe>
                  {t(locale, m.licenceName)}
                </a>
              </td>
              <td safe>{updated}</td>
              <td safe>{String(info.count)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}
