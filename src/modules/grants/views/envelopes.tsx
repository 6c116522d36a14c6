import { type Locale, t } from '../../../core/i18n/i18n.js';
import {
  Alert,
  Breadcrumb,
  ButtonGroup,
  CsrfField,
  DataTable,
  ErrorSummary,
  Input,
  Select,
} from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { EnvelopeFigures } from '../figures.js';
import { grantMessages as m } from '../grant-messages.js';
import {
  conventionTemplatePath,
  ENVELOPES_PATH,
  euros,
  type FormState,
  type PageNotice,
  seasonGrantsPath,
} from './common.js';

export interface SeasonChoice {
  id: string;
  name: string;
}

const trackLabel = (locale: Locale, code: string) => (code === '' ? t(locale, m.allTracks) : code);

function Crumbs({ locale, current }: { locale: Locale; current?: string }): JSX.Element {
  return (
    <Breadcrumb
      locale={locale}
      items={[
        { label: t(locale, m.administration), href: '/admin' },
        { label: t(locale, m.grants), href: '/admin/subventions' },
        current ? { label: t(locale, m.envelopes), href: ENVELOPES_PATH } : { label: t(locale, m.envelopes) },
        ...(current ? [{ label: current }] : []),
      ]}
    />
  );
}

/** /admin/subventions/enveloppes: every envelope of a season with what is committed, signed, paid and left. */
export function EnvelopesPage(props: {
  ctx: ViewContext;
  seasons: SeasonChoice[];
  seasonId: string;
  figures: EnvelopeFigures[];
  notice?: PageNotice;
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  const names = new Map(props.seasons.map((s) => [s.id, s.name]));
  const title = t(locale, m.envelopesTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Crumbs locale={locale} />
        <h1 safe>{title}</h1>
        {props.notice ? <Alert kind={props.notice.kind} title={props.notice.title} /> : ''}
        <p safe>{t(locale, m.envelopesIntro)}</p>
        <form method="get" action={ENVELOPES_PATH} class="fr-mb-4w">
          <Select
            locale={locale}
            name="saison"
            label={t(locale, m.season)}
            value={props.seasonId}
            options={[
              { value: 'toutes', label: t(locale, m.allSeasons) },
              ...props.seasons.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <button type="submit" class="fr-btn fr-btn--secondary" safe>
            {t(locale, m.show)}
          </button>
        </form>
        {props.seasonId && props.seasonId !== 'toutes' ? (
          <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
            <li>
              <a class="fr-btn" href={`${ENVELOPES_PATH}/nouvelle?saison=${props.seasonId}`} safe>
                {t(locale, m.newEnvelope)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--secondary" href={seasonGrantsPath(props.seasonId)} safe>
                {t(locale, m.seasonGrantsLink)}
              </a>
            </li>
            <li>
              <a class="fr-btn fr-btn--tertiary" href={conventionTemplatePath(props.seasonId)} safe>
                {t(locale, m.conventionTemplateLink)}
              </a>
            </li>
          </ul>
        ) : (
          ''
        )}
        {props.figures.length === 0 ? (
          <p safe>{t(locale, m.noEnvelope)}</p>
        ) : (
          <DataTable
            caption={title}
            hiddenCaption
            columns={[
              t(locale, m.colLabel),
              t(locale, m.season),
              t(locale, m.colTrack),
              t(locale, m.colAmount),
              t(locale, m.colCommitted),
              t(locale, m.colSigned),
              t(locale, m.colPaid),
              t(locale, m.colRemaining),
              t(locale, m.colActions),
            ]}
          >
            {props.figures.map((f) => (
              <tr>
                <td safe>{f.label}</td>
                <td safe>{names.get(f.seasonId) ?? ''}</td>
                <td safe>{trackLabel(locale, f.trackCode)}</td>
                <td safe>{euros(locale, f.amountCents)}</td>
                <td safe>{euros(locale, f.committedCents)}</td>
                <td safe>{euros(locale, f.signedCents)}</td>
                <td safe>{euros(locale, f.paidCents)}</td>
                <td safe>{euros(locale, f.remainingCents)}</td>
                <td>
                  <a
                    class="fr-link"
                    href={`${ENVELOPES_PATH}/${f.envelopeId}`}
                    aria-label={t(locale, m.editEnvelopeOf, { label: f.label })}
                    safe
                  >
                    {t(locale, m.edit)}
                  </a>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Page>
  );
}

/** The envelope's form, new or existing. */
export function EnvelopeFormPage(props: {
  ctx: ViewContext;
  season: SeasonChoice;
  tracks: string[];
  action: string;
  version?: number;
  state: FormState;
}): JSX.Element {
  const { ctx, state } = props;
  const { locale } = ctx;
  const title = props.version === undefined ? t(locale, m.newEnvelope) : t(locale, m.editEnvelope);
  const labels: Record<string, string> = {
    track_code: t(locale, m.colTrack),
    label: t(locale, m.label),
    amount: t(locale, m.amountEuros),
    payer_name: t(locale, m.payerName),
    payer_siret: t(locale, m.payerSiret),
    budget_line: t(locale, m.budgetLine),
    scheme: t(locale, m.scheme),
  };
  const field = (name: string) => ({
    name,
    label: labels[name],
    value: state.values[name] ?? '',
    error: state.errors[name],
  });
  return (
    <Page ctx={ctx} title={`${title} – ${props.season.name}`}>
      <div class="fr-container fr-my-6w">
        <Crumbs locale={locale} current={title} />
        <h1 safe>{`${title} – ${props.season.name}`}</h1>
        {state.errors[''] ? (
          <Alert kind="error" title={t(locale, state.errors[''].message, state.errors[''].params)} />
        ) : (
          ''
        )}
        <ErrorSummary
          locale={locale}
          errors={Object.fromEntries(Object.entries(state.errors).filter(([k]) => k))}
          labels={labels}
        />
        <form method="post" action={props.action}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="season_id" value={props.season.id} />
          {props.version === undefined ? '' : <input type="hidden" name="version" value={String(props.version)} />}
          <Select
            locale={locale}
            {...field('track_code')}
            options={[
              { value: '', label: t(locale, m.allTracks) },
              ...props.tracks.map((c) => ({ value: c, label: c })),
            ]}
          />
          <Input locale={locale} {...field('label')} required maxlength={200} />
          <Input locale={locale} {...field('amount')} required hint={t(locale, m.amountHint)} />
          <Input locale={locale} {...field('payer_name')} required maxlength={200} />
          <Input locale={locale} {...field('payer_siret')} required hint={t(locale, m.siretHint)} />
          <Input locale={locale} {...field('budget_line')} required maxlength={200} />
          <Input locale={locale} {...field('scheme')} required hint={t(locale, m.schemeHint)} maxlength={200} />
          <ButtonGroup buttons={[{ label: t(locale, m.save) }]} />
        </form>
      </div>
    </Page>
  );
}
