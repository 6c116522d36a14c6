import type { FieldError } from '../../../core/http/forms.js';
import { formatDate, formatDateTime, type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  PublicNotices,
  RadioGroup,
  TextArea,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import { uiMessages } from '../../../core/ui/messages.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { PublishedDrawRecord } from '../draw-panel.js';
import { panelMessages as m } from '../messages.js';
import { callNotice, drawSummary, type PublicPanel, publicPanelName } from '../public-panels.js';
import {
  categoriesOf,
  categoryLabelOf,
  type PanelRecord,
  type QuotaRecord,
  quotaCategoryLabel,
  valueLabelOf,
} from '../queries.js';
import { percent } from './chart.js';

const nameOf = (locale: Locale, panel: PanelRecord) => (locale === 'en' && panel.nameEn ? panel.nameEn : panel.name);
const descriptionOf = (locale: Locale, panel: PanelRecord) =>
  locale === 'en' && panel.descriptionEn ? panel.descriptionEn : panel.description;

export interface VolunteerPageProps {
  ctx: ViewContext;
  panel: PanelRecord;
  quotas: QuotaRecord[];
  values: Record<string, string>;
  errors: Record<string, FieldError>;
  /** Set when the call no longer takes volunteers, with since when (its end, or the commitment) when known. */
  closed?: { since: Date | null } | null;
  /** A volunteer sent the form after the call closed: nothing was recorded. */
  refused?: boolean;
  tooMany?: boolean;
}

/** /panel-citoyen/:id: the consent text, the questions built from the quotas, availability. */
export function VolunteerPage({
  ctx,
  panel,
  quotas,
  values,
  errors,
  closed,
  refused,
  tooMany,
}: VolunteerPageProps): JSX.Element {
  const { locale } = ctx;
  const categories = categoriesOf(quotas);
  const field = (name: string) => ({ locale, name, value: values[name] ?? '', error: errors[name] });
  const labels: Record<string, string> = {
    given_name: t(locale, m.fieldGivenName),
    family_name: t(locale, m.fieldFamilyName),
    email: t(locale, m.fieldEmail),
    phone: t(locale, m.fieldPhone),
    address: t(locale, m.fieldAddress),
    availability: t(locale, m.fieldAvailability),
    consent: t(locale, m.fieldConsent),
  };
  for (const c of categories) labels[`q_${c.category}`] = categoryLabelOf(locale, c);
  return (
    <Page ctx={ctx} title={t(locale, m.volunteerTitle)}>
      <div class="fr-container fr-my-6w">
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-md-8">
            <h1 safe>{t(locale, m.volunteerTitle)}</h1>
            <p safe>{t(locale, m.volunteerIntro, { name: nameOf(locale, panel), k: panel.size })}</p>
            {descriptionOf(locale, panel)
              .split(/\r?\n\s*\n/)
              .filter((paragraph) => paragraph.trim() !== '')
              .map((paragraph) => (
                <p safe>{paragraph}</p>
              ))}
            {closed ? (
              <Alert
                kind={refused ? 'error' : 'info'}
                title={
                  closed.since
                    ? t(locale, m.recruitingClosedSince, { date: formatDateTime(locale, closed.since) })
                    : t(locale, m.recruitingClosed)
                }
                text={refused ? t(locale, m.recruitingClosedRefused) : undefined}
              />
            ) : (
              <>
                {tooMany ? <Alert kind="error" title={t(locale, m.tooMany)} /> : ''}
                <ErrorSummary locale={locale} errors={errors} labels={labels} />
                <p class="fr-hint-text" safe>
                  {t(locale, uiMessages.requiredHint)}
                </p>
                <form method="post" action={`/panel-citoyen/${panel.id}`} novalidate>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="submission_key" value={values.submission_key ?? ''} />
                  <h2 safe>{t(locale, m.contactTitle)}</h2>
                  <Input
                    {...field('given_name')}
                    label={t(locale, m.fieldGivenName)}
                    autocomplete="given-name"
                    required
                  />
                  <Input
                    {...field('family_name')}
                    label={t(locale, m.fieldFamilyName)}
                    autocomplete="family-name"
                    required
                  />
                  <Input
                    {...field('email')}
                    type="email"
                    label={t(locale, m.fieldEmail)}
                    autocomplete="email"
                    required
                  />
                  <Input {...field('phone')} label={t(locale, m.fieldPhone)} autocomplete="tel" />
                  {panel.onePerHousehold ? (
                    <Input
                      {...field('address')}
                      label={t(locale, m.fieldAddress)}
                      hint={t(locale, m.fieldAddressHint)}
                      autocomplete="street-address"
                      required
                    />
                  ) : (
                    ''
                  )}
                  <h2 safe>{t(locale, m.demographicTitle)}</h2>
                  {categories.map((c) => (
                    <RadioGroup
                      required
                      locale={locale}
                      name={`q_${c.category}`}
                      legend={categoryLabelOf(locale, c)}
                      options={c.values.map((q) => ({ value: q.feature, label: valueLabelOf(locale, q) }))}
                      value={values[`q_${c.category}`] ?? ''}
                      error={errors[`q_${c.category}`]}
                    />
                  ))}
                  <TextArea
                    {...field('availability')}
                    label={t(locale, m.fieldAvailability)}
                    hint={t(locale, m.fieldAvailabilityHint)}
                    rows={3}
                  />
                  <h2 safe>{t(locale, m.consentTitle)}</h2>
                  <div class="fr-callout fr-mb-3w">
                    <p class="fr-callout__text" safe>
                      {t(locale, m.consentPurpose)}
                    </p>
                    <p safe>{t(locale, m.consentSeparate)}</p>
                    <p safe>
                      {t(locale, m.consentRetention, {
                        date: formatDate(locale, panel.deleteAfter),
                        days: panel.retentionDays,
                      })}
                    </p>
                    <p safe>{t(locale, m.consentNoSensitive)}</p>
                    <p safe>{t(locale, m.consentRights)}</p>
                  </div>
                  <div
                    class={`fr-checkbox-group fr-mb-3w${errors.consent ? ' fr-checkbox-group--error' : ''}`}
                    id="consent-group"
                  >
                    <input
                      type="checkbox"
                      id="consent"
                      name="consent"
                      checked={values.consent === 'on'}
                      {...(errors.consent ? { 'aria-describedby': 'consent-error', 'aria-invalid': 'true' } : {})}
                    />
                    <label class="fr-label" for="consent">
                      <span safe>{t(locale, m.fieldConsent)}</span> *
                    </label>
                    {errors.consent ? (
                      <p class="fr-error-text" id="consent-error" safe>
                        {t(locale, errors.consent.message)}
                      </p>
                    ) : (
                      ''
                    )}
                  </div>
                  <button class="fr-btn" type="submit" safe>
                    {t(locale, m.submitVolunteer)}
                  </button>
                </form>
              </>
            )}
          </div>
        </div>
      </div>
    </Page>
  );
}

/** A short page that says one thing (confirmation, invitation answered, invalid link). */
export function MessagePage({
  ctx,
  title,
  text,
  kind,
  link,
}: {
  ctx: ViewContext;
  title: string;
  text: string;
  kind: 'success' | 'error' | 'info';
  link?: { href: string; label: string };
}): JSX.Element {
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{title}</h1>
        <Alert kind={kind} title={title} text={text} />
        {link ? (
          <p>
            <a class="fr-btn" href={link.href} safe>
              {link.label}
            </a>
          </p>
        ) : (
          ''
        )}
      </div>
    </Page>
  );
}

/** /panel-citoyen/invitation?jeton=…: accept or decline (a form, so a mail scanner's GET changes nothing). */
export function InvitationPage({
  ctx,
  token,
  panelName,
}: {
  ctx: ViewContext;
  token: string;
  panelName: string;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={t(locale, m.invitationTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.invitationTitle)}</h1>
        <p safe>{t(locale, m.invitationText, { name: panelName })}</p>
        <form method="post" action="/panel-citoyen/invitation">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="jeton" value={token} />
          <ButtonGroup
            name="reponse"
            buttons={[
              { value: 'accepter', label: t(locale, m.accept) },
              { value: 'decliner', label: t(locale, m.decline), priority: 'secondary' },
            ]}
          />
        </form>
      </div>
    </Page>
  );
}

export interface TransparencyProps {
  ctx: ViewContext;
  panel: PanelRecord;
  quotas: QuotaRecord[];
  poolSize: number;
  minProbability: number | null;
  draws: PublishedDrawRecord[];
  fileNames: string[];
  profiles: { label: string; count: number; probability: number }[];
  /** When pool.csv was withdrawn (the answers' deletion date), or null while it is published. */
  poolWithdrawnAt: Date | null;
}

/** /panel-citoyen/:id/transparence: pool size, quotas, probabilities, commitment, random value, files, command. */
export function TransparencyPage(props: TransparencyProps): JSX.Element {
  const { ctx, panel, quotas, draws } = props;
  const { locale } = ctx;
  const folder = `tirage-${panel.id.slice(0, 8)}`;
  return (
    <Page ctx={ctx} title={t(locale, m.transparencyTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{`${t(locale, m.transparencyTitle)} — ${nameOf(locale, panel)}`}</h1>
        {draws.length === 0 ? (
          <p safe>{t(locale, m.noDrawYet)}</p>
        ) : (
          <>
            <p safe>{t(locale, m.transparencyIntro, { name: nameOf(locale, panel) })}</p>
            {props.poolWithdrawnAt ? (
              <Alert
                kind="info"
                title={t(locale, m.poolWithdrawnTitle, { date: formatDate(locale, props.poolWithdrawnAt) })}
                text={t(locale, m.poolWithdrawnText)}
              />
            ) : (
              <p safe>{t(locale, m.poolUntil, { date: formatDate(locale, panel.deleteAfter) })}</p>
            )}
            <ul>
              <li safe>{`${t(locale, m.poolSize)} : ${props.poolSize}`}</li>
              <li safe>{`${t(locale, m.panelSize)} : ${panel.size}`}</li>
              {props.minProbability !== null ? (
                <li safe>{`${t(locale, m.slotsMin)} : ${percent(locale, props.minProbability)}`}</li>
              ) : (
                ''
              )}
            </ul>
            <DataTable
              caption={t(locale, m.quotasTitle)}
              columns={[t(locale, m.colCategory), t(locale, m.colFeature), t(locale, m.colMin), t(locale, m.colMax)]}
            >
              {quotas.map((q) => (
                <tr>
                  <td safe>{quotaCategoryLabel(locale, q)}</td>
                  <td safe>{valueLabelOf(locale, q)}</td>
                  <td safe>{String(q.min)}</td>
                  <td safe>{String(q.max)}</td>
                </tr>
              ))}
            </DataTable>
            {props.profiles.length > 0 ? (
              <DataTable
                caption={t(locale, m.probabilitiesTable)}
                columns={[t(locale, m.colProfile), t(locale, m.colCount), t(locale, m.analysisTitle)]}
              >
                {props.profiles.map((p) => (
                  <tr>
                    <td safe>{p.label}</td>
                    <td safe>{String(p.count)}</td>
                    <td safe>{percent(locale, p.probability)}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              ''
            )}
            {draws.map((d) => (
              <section class="fr-mb-4w" aria-labelledby={`draw-${d.id}`}>
                <h2 id={`draw-${d.id}`} safe>
                  {d.kind === 'initial' ? t(locale, m.initialDraw) : t(locale, m.replacementDraw)}
                </h2>
                <dl>
                  <dt safe>{t(locale, m.commitmentLabel)}</dt>
                  <dd>
                    <code safe>{d.commitment ?? ''}</code>
                  </dd>
                  {d.state === 'drawn' ? (
                    <>
                      <dt safe>{t(locale, m.randomValue)}</dt>
                      <dd safe>{d.randomValue ?? ''}</dd>
                      <dt safe>{t(locale, m.witnesses)}</dt>
                      <dd safe>{d.witnesses ?? ''}</dd>
                      {d.drawnAt ? (
                        <>
                          <dt safe>{t(locale, m.drawnAt)}</dt>
                          <dd safe>{formatDateTime(locale, d.drawnAt)}</dd>
                        </>
                      ) : (
                        ''
                      )}
                      {d.slot !== null ? (
                        <>
                          <dt safe>{t(locale, m.slot)}</dt>
                          <dd safe>{String(d.slot)}</dd>
                        </>
                      ) : (
                        ''
                      )}
                      {d.declined.length > 0 ? (
                        <>
                          <dt safe>{t(locale, m.declinedIds)}</dt>
                          <dd safe>{d.declined.join(', ')}</dd>
                        </>
                      ) : (
                        ''
                      )}
                      <dt safe>{t(locale, m.selected)}</dt>
                      <dd safe>{d.selected.join(', ')}</dd>
                    </>
                  ) : (
                    <dd safe>{t(locale, m.notDrawnYet)}</dd>
                  )}
                </dl>
              </section>
            ))}
            <h2 safe>{t(locale, m.filesTitle)}</h2>
            <ul>
              {props.fileNames.map((name) => (
                <li>
                  <a href={`/panel-citoyen/${panel.id}/transparence/${name}`} download={name} safe>
                    {name}
                  </a>
                </li>
              ))}
            </ul>
            <h2 safe>{t(locale, m.verifyTitle)}</h2>
            <p safe>{t(locale, m.verifyText)}</p>
            <pre class="acc-command">
              <code safe>{`npx accelerateur sortition verify ${folder}`}</code>
            </pre>
            <p safe>{t(locale, m.verifyReplacement)}</p>
            <form class="fr-mb-4w" data-draw-verifier hidden>
              <h3 safe>{t(locale, m.browserVerifyTitle)}</h3>
              <p safe>{t(locale, m.browserVerifyText)}</p>
              <div class="fr-upload-group fr-mb-2w">
                <label class="fr-label" for="draw-files" safe>
                  {t(locale, m.browserVerifyInput)}
                </label>
                <input class="fr-upload" type="file" id="draw-files" multiple accept=".csv,.json,.txt" />
              </div>
              <button class="fr-btn" type="submit" safe>
                {t(locale, m.browserVerifyButton)}
              </button>
              <div class="fr-mt-2w" data-result role="status" aria-live="polite"></div>
            </form>
            <script src="/transparence/verification-tirage.js" defer></script>
          </>
        )}
      </div>
    </Page>
  );
}

/** /panel-citoyen: the open calls for volunteers, then every published draw with a link to its transparency page. */
export function PublicPanelsPage({ ctx, panels }: { ctx: ViewContext; panels: PublicPanel[] }): JSX.Element {
  const { locale } = ctx;
  const open = panels.filter((p) => p.callOpen);
  const drawn = panels.filter((p) => p.draw);
  return (
    <Page ctx={ctx} title={t(locale, m.publicListTitle)}>
      <div class="fr-container fr-my-6w">
        <h1 safe>{t(locale, m.publicListTitle)}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.publicListIntro)}
        </p>
        <h2 safe>{t(locale, m.openCallsTitle)}</h2>
        {open.length === 0 ? (
          <p safe>{t(locale, m.noOpenCallNow)}</p>
        ) : (
          <PublicNotices locale={locale} notices={open.map((p) => callNotice(locale, p))} level={3} />
        )}
        <h2 safe>{t(locale, m.publishedDrawsTitle)}</h2>
        {drawn.length === 0 ? (
          <p safe>{t(locale, m.noPublishedDraw)}</p>
        ) : (
          <ul>
            {drawn.map((p) => (
              <li>
                <a href={`/panel-citoyen/${p.id}/transparence`} safe>
                  {t(locale, m.drawNoticeTitle, { name: publicPanelName(locale, p) })}
                </a>
                <span safe>{` — ${drawSummary(locale, p.draw!)}`}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}
