import type { FieldError } from '../../../../core/http/forms.js';
import { formatDateTime, t, tCount } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb, CsrfField, ErrorSummary, Input, Select, TextArea } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import type { SeasonRecord } from '../../../seasons/index.js';
import type { ExpertRequestRecord } from '../../experts/expert-opinions.js';
import { ExpertOpinionsSection } from '../../experts/views/expert-pages.js';
import { exportZipMessages } from '../../export/messages.js';
import { fileMessages as fm } from '../../files/messages.js';
import type { AnswerMap, FormDefinition } from '../../form/model.js';
import type { AttachedFileView } from '../../form/render.js';
import { AnswerSummary } from '../../form/summary-view.js';
import { instructionMessages as im } from '../../instruction/messages.js';
import {
  BatchRowCheckbox,
  BatchSection,
  type StaffInstructionData,
  StaffInstructionSection,
} from '../../instruction/views/instruction-section.js';
import { type StateNoticesData, StateNoticesSection } from '../../instruction/views/state-notices-section.js';
import { applicationCounts, applicationMessages as m } from '../../messages.js';
import type { StoredOrganisationCheck } from '../../organisation/stored-check.js';
import { StoredOrganisationSection } from '../../organisation/stored-check-view.js';
import type { ApplicationRecord, StaffListRow, TransitionRow } from '../../queries.js';
import { APPLICATION_STATES, nextStates } from '../../states.js';
import { kindLabel, pick, stateBadgeClass, stateLabel } from '../../views/text.js';

export interface AdminListProps {
  ctx: ViewContext;
  seasons: SeasonRecord[];
  filters: Record<string, string>;
  rows: StaffListRow[];
  nextHref?: string;
  drafts: number;
  /** The current filters as a query string, for the export links. */
  exportQuery: string;
  /** Applications of this page with applicant messages this staff member has not read. */
  unread?: Set<string>;
  /** The filtered season's state-change notices to applicants (none when no season is chosen). */
  stateNotices?: StateNoticesData;
}

/** /admin/candidatures: filters (GET form), French full-text search, keyset pages, drafts in progress. */
export function AdminListPage(props: AdminListProps): JSX.Element {
  const { ctx, filters, rows } = props;
  const { locale } = ctx;
  const tracks = [...new Map(props.seasons.flatMap((s) => s.tracks).map((tr) => [tr.code, tr])).values()];
  const kinds = [...new Set(props.seasons.flatMap((s) => s.eligibleKinds))];
  const any = { value: '', label: t(locale, m.all) };
  return (
    <Page ctx={ctx} title={t(locale, m.adminTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.adminTitle)}</h1>
        <p class="fr-badge fr-badge--info" safe>
          {tCount(locale, applicationCounts.draftsInProgress, props.drafts)}
        </p>
        <form method="get" action="/admin/candidatures" class="fr-my-4w">
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <Input locale={locale} name="q" type="search" label={t(locale, m.search)} value={filters.q ?? ''} />
            </div>
            <div class="fr-col-12 fr-col-md-4">
              <Input
                locale={locale}
                name="territoire"
                label={t(locale, m.territory)}
                value={filters.territoire ?? ''}
              />
            </div>
            <div class="fr-col-6 fr-col-md-2">
              <Select
                locale={locale}
                name="saison"
                label={t(locale, m.season)}
                value={filters.saison ?? ''}
                options={[any, ...props.seasons.map((s) => ({ value: s.slug, label: pick(locale, s.name, s.nameEn) }))]}
              />
            </div>
            <div class="fr-col-6 fr-col-md-2">
              <Select
                locale={locale}
                name="parcours"
                label={t(locale, m.track)}
                value={filters.parcours ?? ''}
                options={[any, ...tracks.map((tr) => ({ value: tr.code, label: pick(locale, tr.name, tr.nameEn) }))]}
              />
            </div>
            <div class="fr-col-6 fr-col-md-2">
              <Select
                locale={locale}
                name="etat"
                label={t(locale, m.state)}
                value={filters.etat ?? ''}
                options={[any, ...APPLICATION_STATES.map((s) => ({ value: s, label: stateLabel(locale, s) }))]}
              />
            </div>
            <div class="fr-col-6 fr-col-md-2">
              <Select
                locale={locale}
                name="type"
                label={t(locale, m.applicantKind)}
                value={filters.type ?? ''}
                options={[any, ...kinds.map((k) => ({ value: k, label: kindLabel(locale, k) }))]}
              />
            </div>
          </div>
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.filter)}
          </button>
        </form>
        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
          <li>
            <a
              class="fr-btn fr-btn--tertiary fr-icon-download-line"
              href={`/admin/candidatures/export.csv${props.exportQuery ? `?${props.exportQuery}` : ''}`}
              safe
            >
              {t(locale, m.exportCsv)}
            </a>
          </li>
          <li>
            <a
              class="fr-btn fr-btn--tertiary fr-icon-download-line"
              href={`/admin/candidatures/export.xlsx${props.exportQuery ? `?${props.exportQuery}` : ''}`}
              safe
            >
              {t(locale, exportZipMessages.exportXlsx)}
            </a>
          </li>
          <li>
            <a
              class="fr-btn fr-btn--tertiary fr-icon-download-line"
              href={`/admin/candidatures/export.json${props.exportQuery ? `?${props.exportQuery}` : ''}`}
              safe
            >
              {t(locale, m.exportJson)}
            </a>
          </li>
          <li>
            <a
              class="fr-btn fr-btn--tertiary fr-icon-download-line"
              href={`/admin/candidatures/export.zip${props.exportQuery ? `?${props.exportQuery}` : ''}`}
              safe
            >
              {t(locale, exportZipMessages.exportZip)}
            </a>
          </li>
        </ul>
        {rows.length === 0 ? (
          <p safe>{t(locale, m.noResults)}</p>
        ) : (
          <div class="fr-table" tabindex="0">
            <table>
              <caption safe>{t(locale, m.adminTitle)}</caption>
              <thead>
                <tr>
                  <th scope="col" class="fr-cell--fixed" safe>
                    {t(locale, im.batchColumn)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.title)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.owner)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.season)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.track)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.applicantKind)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.state)}
                  </th>
                  <th scope="col" safe>
                    {t(locale, m.submittedAt)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr>
                    <td class="fr-cell--fixed">
                      <BatchRowCheckbox
                        locale={locale}
                        index={index}
                        id={row.id}
                        title={row.title || t(locale, m.untitled)}
                      />
                    </td>
                    <td>
                      <a href={`/admin/candidatures/${row.id}`} safe>
                        {row.title || t(locale, m.untitled)}
                      </a>
                      {props.unread?.has(row.id) ? (
                        <>
                          {' '}
                          <span class="fr-badge fr-badge--new fr-badge--sm" safe>
                            {t(locale, im.unreadMessages)}
                          </span>
                        </>
                      ) : (
                        ''
                      )}
                    </td>
                    <td safe>{row.ownerEmail}</td>
                    <td safe>{row.seasonName}</td>
                    <td safe>{row.trackCode}</td>
                    <td safe>{kindLabel(locale, row.applicantKind)}</td>
                    <td>
                      <span class={stateBadgeClass(row.state)} safe>
                        {stateLabel(locale, row.state)}
                      </span>
                    </td>
                    <td>{row.submittedAt ? formatDateTime(locale, row.submittedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <BatchSection ctx={ctx} rows={rows} allResultsQuery={props.exportQuery} ticksInTable />
        {props.nextHref ? (
          <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={props.nextHref} safe>
            {t(locale, m.nextPage)}
          </a>
        ) : (
          ''
        )}
        <StateNoticesSection ctx={ctx} data={props.stateNotices} />
      </div>
    </Page>
  );
}

export interface AdminDetailProps {
  ctx: ViewContext;
  application: ApplicationRecord;
  ownerEmail: string;
  definition: FormDefinition;
  answers: AnswerMap;
  /** A never-submitted draft: how far it is (its answers and files are the applicant's until submitted). */
  draft?: { required: number; answered: number; savedAt: Date | null };
  transitions: TransitionRow[];
  /** The stored register check of the SIRET/RNA answers; null when none is stored. */
  organisation: StoredOrganisationCheck | null;
  /** Whether the company register is configured. */
  registerEnabled?: boolean;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  notice?: string;
  files?: StaffFileView[];
  /** The message thread and the private notes. */
  instruction?: StaffInstructionData;
  /** Outside experts' opinion requests, with the time their status is judged at. */
  experts?: { requests: ExpertRequestRecord[]; now: Date };
}

export interface StaffFileView extends AttachedFileView {
  fileId: string;
  questionPath: string;
  downloadable: boolean;
  removed: boolean;
}

/** The attached files with their antivirus state; a link only when the file may be downloaded. */
function StaffFiles({
  locale,
  files,
}: {
  locale: AdminDetailProps['ctx']['locale'];
  files: StaffFileView[];
}): JSX.Element {
  return (
    <section aria-labelledby="files-title" class="fr-my-4w">
      <h2 id="files-title" class="fr-h4" safe>
        {t(locale, fm.files)}
      </h2>
      {files.length === 0 ? (
        <p safe>{t(locale, fm.noFiles)}</p>
      ) : (
        <ul>
          {files.map((file) => (
            <li>
              {file.downloadable ? (
                <a class="fr-link" href={file.href} download="" safe>
                  {file.name}
                </a>
              ) : (
                <span safe>{file.name}</span>
              )}{' '}
              <span
                class="fr-text--sm"
                safe
              >{`(${file.questionPath} · ${file.detail}${file.removed ? ` · ${t(locale, fm.removedFromDraft)}` : ''})`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** /admin/candidatures/:id: the answers (read only), the history and the state change form. */
export function AdminDetailPage(props: AdminDetailProps): JSX.Element {
  const { ctx, application, errors } = props;
  const { locale } = ctx;
  const draft = props.draft;
  const heading = draft ? t(locale, m.draftHeading) : application.title || t(locale, m.untitled);
  const moves = nextStates(application.state, 'staff');
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[{ label: t(locale, m.adminTitle), href: '/admin/candidatures' }, { label: heading }]}
        />
        <h1 safe>{heading}</h1>
        <p class={stateBadgeClass(application.state)} safe>
          {stateLabel(locale, application.state)}
        </p>
        <p
          safe
        >{`${t(locale, m.owner)} : ${props.ownerEmail} · ${t(locale, m.track)} : ${application.trackCode} · ${t(locale, m.applicantKind)} : ${kindLabel(locale, application.applicantKind)} · ${t(locale, m.version)} : ${application.currentVersion}`}</p>
        {props.notice ? <Alert kind="success" title={props.notice} /> : ''}
        {draft ? (
          <section aria-labelledby="answers-title" class="fr-my-4w">
            <h2 id="answers-title" class="fr-h4" safe>
              {t(locale, m.answers)}
            </h2>
            <p safe>{t(locale, m.draftOwned)}</p>
            <ul>
              <li safe>{t(locale, m.draftProgress, { answered: draft.answered, n: draft.required })}</li>
              <li safe>
                {draft.savedAt
                  ? t(locale, m.draftSavedAt, { date: formatDateTime(locale, draft.savedAt) })
                  : t(locale, m.draftNeverSaved)}
              </li>
            </ul>
          </section>
        ) : (
          <section aria-labelledby="answers-title" class="fr-my-4w">
            <h2 id="answers-title" class="fr-h4" safe>
              {t(locale, m.answers)}
            </h2>
            <AnswerSummary
              locale={locale}
              definition={props.definition}
              answers={props.answers}
              files={Object.fromEntries(
                (props.files ?? []).map((file) => [
                  file.fileId,
                  { name: file.name, href: file.downloadable ? file.href : undefined, detail: file.detail },
                ]),
              )}
            />
          </section>
        )}
        {moves.length > 0 ? (
          <section aria-labelledby="state-title" class="fr-my-4w">
            <h2 id="state-title" class="fr-h4" safe>
              {t(locale, m.changeState)}
            </h2>
            <ErrorSummary
              locale={locale}
              errors={errors}
              labels={{ to: t(locale, m.newState), reason: t(locale, m.reason) }}
            />
            <form method="post" action={`/admin/candidatures/${application.id}/etat`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <Select
                locale={locale}
                name="to"
                label={t(locale, m.newState)}
                value={props.values.to ?? ''}
                error={errors.to}
                options={moves.map((s) => ({ value: s, label: stateLabel(locale, s) }))}
              />
              <TextArea
                locale={locale}
                name="reason"
                label={t(locale, m.reason)}
                hint={t(locale, m.reasonHelp)}
                value={props.values.reason ?? ''}
                error={errors.reason}
                rows={3}
              />
              <button type="submit" class="fr-btn" safe>
                {t(locale, m.changeState)}
              </button>
            </form>
          </section>
        ) : (
          ''
        )}
        {draft ? (
          ''
        ) : (
          <StoredOrganisationSection
            locale={locale}
            csrfToken={ctx.csrfToken}
            applicationId={application.id}
            heading={t(locale, m.organisation)}
            stored={props.organisation}
            registerEnabled={props.registerEnabled ?? false}
          />
        )}
        <section aria-labelledby="history-title" class="fr-my-4w">
          <h2 id="history-title" class="fr-h4" safe>
            {t(locale, m.history)}
          </h2>
          <ul>
            {props.transitions.map((tr) => (
              <li
                safe
              >{`${formatDateTime(locale, tr.at)} : ${stateLabel(locale, tr.fromState)} → ${stateLabel(locale, tr.toState)}${tr.reason ? ` (${tr.reason})` : ''}`}</li>
            ))}
          </ul>
        </section>
        <StaffInstructionSection ctx={ctx} applicationId={application.id} data={props.instruction} />
        {draft ? '' : <StaffFiles locale={locale} files={props.files ?? []} />}
        <ExpertOpinionsSection
          ctx={ctx}
          application={application}
          requests={props.experts?.requests ?? []}
          now={props.experts?.now ?? new Date()}
        />
      </div>
    </Page>
  );
}
