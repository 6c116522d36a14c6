import { formatDate, formatDateTime, t } from '../../../core/i18n/i18n.js';
import { DataTable } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { panelMessages as m } from '../messages.js';
import { categoriesOf, categoryLabelOf, type PanelRecord, type QuotaRecord } from '../queries.js';
import { AdminBreadcrumb, featureLabel } from './admin-common.js';

/** The staff page of a panel's volunteers' demographic answers (panel.demographics only). */

export interface DemographicRow {
  /** The volunteer's pseudonym in the published pool.csv, once committed and until withdrawn. */
  pseudonym: string;
  email: string;
  name: string;
  availability: string;
  consentAt: Date;
  consentVersion: string;
  answers: Record<string, string>;
}

/** /admin/panels/:id/demographie (panel.demographics only): each volunteer's answers. */
export function DemographicsPage({
  ctx,
  panel,
  quotas,
  rows,
}: {
  ctx: ViewContext;
  panel: PanelRecord;
  quotas: QuotaRecord[];
  rows: DemographicRow[];
}): JSX.Element {
  const { locale } = ctx;
  const categories = categoriesOf(quotas);
  return (
    <Page ctx={ctx} title={t(locale, m.demographicsTitle)}>
      <div class="fr-container fr-my-6w">
        <AdminBreadcrumb locale={locale} current={t(locale, m.demographicsTitle)} />
        <h1 safe>{`${t(locale, m.demographicsTitle)} — ${panel.name}`}</h1>
        <p safe>{t(locale, m.demographicsIntro, { date: formatDate(locale, panel.deleteAfter) })}</p>
        <DataTable
          caption={t(locale, m.demographicsTable)}
          columns={[
            t(locale, m.colPseudonym),
            t(locale, m.colPerson),
            t(locale, m.colEmail),
            ...categories.map((c) => categoryLabelOf(locale, c)),
            t(locale, m.colAvailability),
            t(locale, m.colConsent),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td safe>{r.pseudonym}</td>
              <td safe>{r.name}</td>
              <td safe>{r.email}</td>
              {categories.map((c) => (
                <td safe>{featureLabel(locale, quotas, c.category, r.answers[c.category] ?? '')}</td>
              ))}
              <td safe>{r.availability}</td>
              <td safe>{`${formatDateTime(locale, r.consentAt)} (${r.consentVersion})`}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Page>
  );
}
