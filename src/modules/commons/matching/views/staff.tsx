import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable, Pagination } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { CooperationFigures, FigureRow } from '../figures.js';
import { leverLabel, OUTCOME_SHORT } from '../labels.js';
import { matchingMessages as m } from '../messages.js';
import type { StaffContactRow } from '../staff-contacts.js';
import { leverName, overviewLines, rowCells, rowColumns } from '../staff-csv.js';

export const STAFF_PATH = '/admin/cooperation';
export const STAFF_CSV_PATH = `${STAFF_PATH}/chiffres.csv`;
export const STAFF_CONTACTS_PATH = `${STAFF_PATH}/contacts`;
export const STAFF_CONTACTS_CSV_PATH = `${STAFF_PATH}/contacts.csv`;

function StaffCrumbs(props: { locale: Locale; trail: { label: string; href?: string }[] }): JSX.Element {
  return (
    <Breadcrumb
      locale={props.locale}
      items={[{ label: t(props.locale, m.staffBreadcrumb), href: '/admin' }, ...props.trail]}
    />
  );
}

function FigureTable(props: {
  locale: Locale;
  caption: string;
  first: string;
  rows: FigureRow[];
  label: (row: FigureRow) => string;
  total?: FigureRow;
}): JSX.Element {
  const { locale } = props;
  return (
    <DataTable caption={props.caption} hiddenCaption columns={[props.first, ...rowColumns(locale)]}>
      {props.rows.map((row) => (
        <tr>
          <th scope="row" safe>
            {props.label(row)}
          </th>
          {rowCells(row).map((c) => (
            <td safe>{String(c)}</td>
          ))}
        </tr>
      ))}
      {props.total ? (
        <tr>
          <th scope="row" safe>
            {t(locale, m.total)}
          </th>
          {rowCells(props.total).map((c) => (
            <td>
              <strong safe>{String(c)}</strong>
            </td>
          ))}
        </tr>
      ) : (
        ''
      )}
    </DataTable>
  );
}

const STAFF_LINKS = [
  { href: `${STAFF_PATH}/communs`, label: m.staffCommons },
  { href: `${STAFF_PATH}/administrations`, label: m.staffAdministrations },
  { href: `${STAFF_PATH}/publications`, label: m.staffPublications },
  { href: `${STAFF_PATH}/experimentations`, label: m.staffExperiments },
  { href: STAFF_CONTACTS_PATH, label: m.staffContacts },
];

/** The staff's overview of the cooperation space: links to its moderation pages, and its figures. */
export function StaffOverviewPage(props: { ctx: ViewContext; figures: CooperationFigures }): JSX.Element {
  const { ctx, figures } = props;
  const { locale } = ctx;
  const title = t(locale, m.staffTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} trail={[{ label: title }]} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.staffIntro)}</p>
        <nav aria-labelledby="staff-pages-title" class="fr-mb-4w">
          <h2 id="staff-pages-title" class="fr-h4" safe>
            {t(locale, m.staffPages)}
          </h2>
          <ul>
            {STAFF_LINKS.map((l) => (
              <li>
                <a href={l.href} safe>
                  {t(locale, l.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href={STAFF_CSV_PATH} safe>
            {t(locale, m.downloadCsv)}
          </a>
        </p>
        <h2 safe>{t(locale, m.overview)}</h2>
        <DataTable caption={t(locale, m.overview)} hiddenCaption columns={[t(locale, m.indicator), t(locale, m.value)]}>
          {overviewLines(locale, figures).map(([label, value]) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              <td safe>{String(value)}</td>
            </tr>
          ))}
        </DataTable>
        <h2 safe>{t(locale, m.byLever)}</h2>
        <FigureTable
          locale={locale}
          caption={t(locale, m.byLever)}
          first={t(locale, m.colLever)}
          rows={figures.byLever}
          label={(r) => leverName(locale, r.key)}
          total={figures.total}
        />
        <h2 safe>{t(locale, m.byAdministration)}</h2>
        {figures.byAdministration.length === 0 ? (
          <p safe>{t(locale, m.noAdministrationActivity)}</p>
        ) : (
          <FigureTable
            locale={locale}
            caption={t(locale, m.byAdministration)}
            first={t(locale, m.colAdministration)}
            rows={figures.byAdministration}
            label={(r) => r.label}
          />
        )}
      </div>
    </Page>
  );
}

/** The contacts made, with their outcome; never their messages (only their parties read those). */
export function StaffContactsPage(props: {
  ctx: ViewContext;
  rows: StaffContactRow[];
  page: number;
  pages: number;
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.contactsTitle);
  const date = (d: Date | null) => (d ? formatDate(locale, d) : t(locale, m.none));
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffCrumbs locale={locale} trail={[{ label: t(locale, m.staffTitle), href: STAFF_PATH }, { label: title }]} />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.contactsIntro)}</p>
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href={STAFF_CONTACTS_CSV_PATH} safe>
            {t(locale, m.downloadContactsCsv)}
          </a>
        </p>
        {props.rows.length === 0 ? (
          <p safe>{t(locale, m.noContacts)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colDate),
              t(locale, m.colKind),
              t(locale, m.colAbout),
              t(locale, m.colLever),
              t(locale, m.colSenderAdministration),
              t(locale, m.colRecipients),
              t(locale, m.colAnsweredOn),
              t(locale, m.colFollowedUpOn),
              t(locale, m.colOutcome),
              t(locale, m.colOutcomeNote),
            ]}
          >
            {props.rows.map((r) => (
              <tr>
                <td safe>{formatDate(locale, r.createdAt)}</td>
                <td safe>{t(locale, r.target === 'commons_referents' ? m.targetCommons : m.targetNeed)}</td>
                <td safe>{r.about}</td>
                <td safe>{r.lever ? leverLabel(locale, r.lever) : t(locale, m.none)}</td>
                <td safe>{r.senderAdministration ?? t(locale, m.none)}</td>
                <td safe>{String(r.recipients)}</td>
                <td safe>{date(r.answeredAt)}</td>
                <td safe>{date(r.followedUpAt)}</td>
                <td safe>{r.outcome ? t(locale, OUTCOME_SHORT[r.outcome]) : t(locale, m.none)}</td>
                <td safe>{r.outcomeNote ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination
          locale={locale}
          page={props.page}
          pages={props.pages}
          href={(n) => `${STAFF_CONTACTS_PATH}?page=${n}`}
        />
      </div>
    </Page>
  );
}
