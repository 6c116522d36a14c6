import type { FieldError } from '../../../../core/http/forms.js';
import { formatDate, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Checkbox, CsrfField, DataTable, ErrorSummary, Input, Select } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { territoryName } from '../../territories.js';
import { IMPORT_COLUMNS, type ImportReport, type LineResult } from '../import-administrations.js';
import { legalCategoryLabel } from '../legal-categories.js';
import { administrationCounts, administrationMessages as m } from '../messages.js';
import { administrationHref, PUBLIC_PATH, STAFF_PATH, staffAdministrationHref } from '../policy.js';
import type { Administration, Member, StaffListItem } from '../queries.js';
import { Badge, Facts, formatSiret, joinedText, registerText, StaffBreadcrumb } from './common.js';
import type { FormState } from './forms.js';
import { RowButton } from './members.js';

export const IMPORT_PATH = `${STAFF_PATH}/import`;

function StateBadges(props: {
  ctx: ViewContext;
  item: Pick<StaffListItem, 'hidden' | 'mergedInto' | 'active' | 'registerStatus'>;
}): JSX.Element {
  const { locale } = props.ctx;
  const { item } = props;
  const badges: { kind: string; text: string }[] = [];
  if (item.mergedInto) badges.push({ kind: 'info', text: t(locale, m.mergedBadge) });
  if (item.hidden) badges.push({ kind: 'warning', text: t(locale, m.hiddenBadge) });
  if (item.active === false) badges.push({ kind: 'warning', text: t(locale, m.closed) });
  if (item.registerStatus !== 'verified') badges.push({ kind: 'new', text: t(locale, m.notVerified) });
  if (badges.length === 0) badges.push({ kind: 'success', text: t(locale, m.stateVisible) });
  return (
    <ul class="fr-badges-group">
      {badges.map((b) => (
        <li>
          <Badge kind={b.kind} text={b.text} />
        </li>
      ))}
    </ul>
  );
}

/** Staff's list of every administration (hidden and merged ones included), with a search. */
export function StaffListPage(props: {
  ctx: ViewContext;
  items: StaffListItem[];
  search: string;
  notice?: { kind: 'success'; title: string };
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.staffTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb locale={locale} trail={[{ label: t(locale, m.listTitle) }]} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href={`${PUBLIC_PATH}/nouvelle`} safe>
              {t(locale, m.staffCreate)}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={IMPORT_PATH} safe>
              {t(locale, m.staffImport)}
            </a>
          </li>
        </ul>
        <form method="get" action={STAFF_PATH} class="fr-mb-4w">
          <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div class="fr-col-12 fr-col-md-8">
              <Input
                locale={locale}
                name="q"
                type="search"
                label={t(locale, m.search)}
                hint={t(locale, m.staffSearchHint)}
                value={props.search}
                maxlength={200}
              />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <ul class="fr-btns-group fr-btns-group--inline">
                <li>
                  <button type="submit" class="fr-btn fr-btn--secondary" safe>
                    {t(locale, m.filter)}
                  </button>
                </li>
              </ul>
            </div>
          </div>
        </form>
        <p role="status" safe>
          {tCount(locale, administrationCounts.resultCount, props.items.length)}
        </p>
        {props.items.length === 0 ? (
          <p safe>{t(locale, m.noResult)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colAdministration),
              t(locale, m.colSiret),
              t(locale, m.colTerritory),
              t(locale, m.colMembers),
              t(locale, m.colState),
            ]}
          >
            {props.items.map((item) => (
              <tr>
                <td>
                  <a href={staffAdministrationHref(item.id)} safe>
                    {item.name}
                  </a>
                </td>
                <td safe>{formatSiret(item.siret)}</td>
                <td safe>{territoryName(locale, item.territory)}</td>
                <td safe>{String(item.members)}</td>
                <td>
                  <StateBadges ctx={ctx} item={item} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

export interface StaffForms {
  hide?: FormState;
  merge?: FormState;
  member?: FormState;
}

/** One administration for staff: its register state, members (remove, add), hide or show, merge, re-check. */
export function StaffDetailPage(props: {
  ctx: ViewContext;
  administration: Administration;
  mergedInto: { name: string; id: string } | null;
  members: Member[];
  candidates: { id: string; name: string; siret: string }[];
  forms: StaffForms;
  notice?: { kind: 'success' | 'warning'; title: string };
}): JSX.Element {
  const { ctx, administration: a, forms } = props;
  const { locale } = ctx;
  const base = staffAdministrationHref(a.id);
  const title = t(locale, m.staffDetailTitle, { name: a.name });
  const register = a.registerCheck?.register;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.listTitle), href: STAFF_PATH }, { label: a.name }]}
        />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <StateBadges
          ctx={ctx}
          item={{
            hidden: a.hidden,
            mergedInto: a.mergedInto,
            active: a.active,
            registerStatus: register?.status ?? null,
          }}
        />
        {props.mergedInto ? (
          <p>
            <a href={staffAdministrationHref(props.mergedInto.id)} safe>
              {t(locale, m.mergedInto, { name: props.mergedInto.name })}
            </a>
          </p>
        ) : (
          <p>
            <a class="fr-link" href={administrationHref(a.slug)} safe>
              {t(locale, m.publicPage)}
            </a>
          </p>
        )}
        <Facts
          items={[
            [t(locale, m.siret), formatSiret(a.siret)],
            [
              t(locale, m.legalCategory),
              a.legalCategory ? legalCategoryLabel(locale, a.legalCategory) : t(locale, m.noService),
            ],
            [t(locale, m.territory), territoryName(locale, a.territory)],
            [t(locale, m.registerAnswer), registerText(locale, a)],
            a.hidden ? [t(locale, m.hiddenBadge), a.hiddenReason ?? ''] : false,
          ]}
        />
        <form method="post" action={`${base}/verifier`} class="fr-mb-4w">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm" safe>
            {t(locale, m.recheck)}
          </button>
        </form>

        <h2 class="fr-h4" safe>
          {t(locale, m.membersLink)}
        </h2>
        {props.members.length === 0 ? (
          <p safe>{t(locale, m.noMembers)}</p>
        ) : (
          <DataTable
            caption={t(locale, m.membersLink)}
            hiddenCaption
            columns={[t(locale, m.colName), t(locale, m.colAddress), t(locale, m.colJoined), t(locale, m.colActions)]}
          >
            {props.members.map((member) => (
              <tr>
                <td safe>{member.name || t(locale, m.erasedPerson)}</td>
                <td safe>{member.email ?? '—'}</td>
                <td safe>{joinedText(locale, member.joinedVia, member.joinedAt)}</td>
                <td>
                  <form method="post" action={`${base}/membres/${member.userId}/retirer`}>
                    <CsrfField token={ctx.csrfToken} />
                    <RowButton label={t(locale, m.removeMember)} what={member.name || member.email || ''} />
                  </form>
                </td>
              </tr>
            ))}
          </DataTable>
        )}

        {a.mergedInto ? (
          ''
        ) : (
          <>
            <h2 class="fr-h5 fr-mt-4w" safe>
              {t(locale, m.addMemberTitle)}
            </h2>
            <p class="fr-text--sm" safe>
              {t(locale, m.addMemberText)}
            </p>
            <ErrorSummary
              locale={locale}
              errors={forms.member?.errors ?? {}}
              labels={{ member_email: t(locale, m.fieldEmail) }}
            />
            <form method="post" action={`${base}/membres`}>
              <CsrfField token={ctx.csrfToken} />
              <Input
                locale={locale}
                name="member_email"
                type="email"
                label={t(locale, m.fieldEmail)}
                value={forms.member?.values.member_email}
                error={forms.member?.errors.member_email}
                required
                maxlength={254}
                autocomplete="off"
              />
              <button type="submit" class="fr-btn fr-btn--secondary" safe>
                {t(locale, m.addMember)}
              </button>
            </form>

            <h2 class="fr-h4 fr-mt-6w" safe>
              {t(locale, a.hidden ? m.unhide : m.hideTitle)}
            </h2>
            {a.hidden ? (
              <form method="post" action={`${base}/afficher`}>
                <CsrfField token={ctx.csrfToken} />
                <button type="submit" class="fr-btn fr-btn--secondary" safe>
                  {t(locale, m.unhide)}
                </button>
              </form>
            ) : (
              <>
                <ErrorSummary
                  locale={locale}
                  errors={forms.hide?.errors ?? {}}
                  labels={{ reason: t(locale, m.fieldReason) }}
                />
                <form method="post" action={`${base}/masquer`}>
                  <CsrfField token={ctx.csrfToken} />
                  <Input
                    locale={locale}
                    name="reason"
                    label={t(locale, m.fieldReason)}
                    value={forms.hide?.values.reason}
                    error={forms.hide?.errors.reason}
                    required
                    maxlength={500}
                  />
                  <button type="submit" class="fr-btn fr-btn--secondary" safe>
                    {t(locale, m.hide)}
                  </button>
                </form>
              </>
            )}

            <h2 class="fr-h4 fr-mt-6w" safe>
              {t(locale, m.mergeTitle)}
            </h2>
            <p safe>{t(locale, m.mergeText)}</p>
            <ErrorSummary
              locale={locale}
              errors={forms.merge?.errors ?? {}}
              labels={{ target: t(locale, m.fieldTarget), confirm: t(locale, m.fieldConfirmMerge) }}
            />
            <form method="post" action={`${base}/fusionner`}>
              <CsrfField token={ctx.csrfToken} />
              <Select
                locale={locale}
                name="target"
                label={t(locale, m.fieldTarget)}
                value={forms.merge?.values.target ?? ''}
                error={forms.merge?.errors.target}
                options={props.candidates.map((c) => ({ value: c.id, label: `${c.name} — ${formatSiret(c.siret)}` }))}
              />
              {forms.merge?.errors.confirm ? (
                <p class="fr-error-text" id="confirm-error" safe>
                  {t(locale, forms.merge.errors.confirm.message)}
                </p>
              ) : (
                ''
              )}
              <Checkbox name="confirm" label={t(locale, m.fieldConfirmMerge)} />
              <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" safe>
                {t(locale, m.merge)}
              </button>
            </form>
          </>
        )}
      </div>
    </Page>
  );
}

/** The import's upload form, with the file's columns. */
export function ImportPage(props: { ctx: ViewContext; fileError?: FieldError }): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const title = t(locale, m.importTitle);
  const error = props.fileError;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[{ label: t(locale, m.listTitle), href: STAFF_PATH }, { label: title }]}
        />
        <h1 safe>{title}</h1>
        <p safe>{t(locale, m.importIntro)}</p>
        <DataTable
          caption={t(locale, m.importColumns)}
          columns={[t(locale, m.colColumn), t(locale, m.colMeaning), t(locale, m.colRequired)]}
        >
          {IMPORT_COLUMNS.map((c) => (
            <tr>
              <td>
                <code>{c.name}</code>
              </td>
              <td safe>{t(locale, c.help)}</td>
              <td safe>{t(locale, c.required ? m.yes : m.no)}</td>
            </tr>
          ))}
        </DataTable>
        {error ? <Alert kind="error" title={t(locale, error.message, error.params)} /> : ''}
        <form method="post" enctype="multipart/form-data" action={IMPORT_PATH}>
          <CsrfField token={ctx.csrfToken} />
          <div class={`fr-upload-group${error ? ' fr-upload-group--error' : ''}`}>
            <label class="fr-label" for="file">
              <span safe>{t(locale, m.importFile)}</span>
              <span class="fr-hint-text" safe>
                {t(locale, m.importFileHint)}
              </span>
            </label>
            <input
              class="fr-upload"
              type="file"
              id="file"
              name="file"
              accept=".csv,text/csv"
              {...(error ? { 'aria-describedby': 'file-error', 'aria-invalid': 'true' } : {})}
            />
            {error ? (
              <p id="file-error" class="fr-error-text" safe>
                {t(locale, error.message, error.params)}
              </p>
            ) : (
              ''
            )}
          </div>
          <button type="submit" class="fr-btn fr-mt-2w" safe>
            {t(locale, m.importButton)}
          </button>
        </form>
      </div>
    </Page>
  );
}

const RESULT: Record<LineResult, { label: typeof m.yes; badge: string }> = {
  created: { label: m.resultCreated, badge: 'success' },
  updated: { label: m.resultUpdated, badge: 'info' },
  unchanged: { label: m.resultUnchanged, badge: 'new' },
  error: { label: m.resultError, badge: 'error' },
};

/** The import's report: one line per line of the file. */
export function ImportReportPage(props: { ctx: ViewContext; report: ImportReport; at: Date }): JSX.Element {
  const { ctx, report } = props;
  const { locale } = ctx;
  const title = t(locale, m.importReport);
  const count = (result: LineResult) => report.lines.filter((l) => l.result === result).length;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <StaffBreadcrumb
          locale={locale}
          trail={[
            { label: t(locale, m.listTitle), href: STAFF_PATH },
            { label: t(locale, m.importTitle), href: IMPORT_PATH },
            { label: title },
          ]}
        />
        <h1 safe>{title}</h1>
        <p role="status" safe>
          {`${formatDate(locale, props.at)} — ${t(locale, m.importSummary, {
            lines: report.lines.length,
            created: count('created'),
            updated: count('updated'),
            unchanged: count('unchanged'),
            errors: count('error'),
            invited: report.lines.reduce((n, l) => n + l.invited, 0),
          })}`}
        </p>
        <DataTable
          caption={title}
          hiddenCaption
          columns={[
            t(locale, m.colLine),
            t(locale, m.colSiret),
            t(locale, m.colAdministration),
            t(locale, m.colResult),
            t(locale, m.colInvitations),
          ]}
        >
          {report.lines.map((line) => (
            <tr>
              <td safe>{String(line.line)}</td>
              <td safe>{line.siret}</td>
              <td>
                {line.slug ? (
                  <a href={administrationHref(line.slug)} safe>
                    {line.name}
                  </a>
                ) : (
                  <span safe>{line.name}</span>
                )}
                {[...line.problems, ...line.notes].map((p) => (
                  <p class={`fr-text--sm fr-mb-0 ${line.result === 'error' ? 'fr-error-text' : ''}`} safe>
                    {t(locale, p.message, p.params)}
                  </p>
                ))}
              </td>
              <td>
                <Badge kind={RESULT[line.result].badge} text={t(locale, RESULT[line.result].label)} />
              </td>
              <td safe>
                {line.result === 'error'
                  ? '—'
                  : t(locale, m.invitationsLine, {
                      sent: line.invited,
                      pending: line.alreadyInvited,
                      members: line.alreadyMembers,
                    })}
              </td>
            </tr>
          ))}
        </DataTable>
        <p>
          <a class="fr-link" href={IMPORT_PATH} safe>
            {t(locale, m.importAgain)}
          </a>
        </p>
      </div>
    </Page>
  );
}
