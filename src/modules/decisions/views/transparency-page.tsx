import { formatDate, formatNumber, type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import type { CountBy, CriterionShown, PublishedTransparency, SeasonTransparency } from '../transparency.js';
import { transparencyMessages as m, transparencyCounts } from './transparency-messages.js';

/** /saisons/:slug/transparence: figures, criteria, method, jury and panel, downloads, verifiers. */

/** The ZIP's download name (the season's slug keeps two seasons' bundles apart in a folder). */
export function selectionZipName(slug: string): string {
  return `selection-${slug.replace(/[^a-z0-9-]/gi, '')}.zip`;
}

const money = (locale: Locale, cents: number) =>
  formatNumber(locale, cents / 100, { style: 'currency', currency: 'EUR' });
const number = (locale: Locale, value: number, digits = 0) =>
  formatNumber(locale, value, { maximumFractionDigits: digits });

function seasonName(locale: Locale, season: { name: string; nameEn: string }): string {
  return locale === 'en' && season.nameEn.trim() !== '' ? season.nameEn : season.name;
}

function kindLabel(locale: Locale, kind: string): string {
  const message = (m as Record<string, { fr: string; en: string }>)[`kind_${kind}`];
  return message ? t(locale, message) : kind;
}

function CountTable(props: {
  locale: Locale;
  caption: string;
  column: string;
  rows: CountBy[];
  label?: (key: string) => string;
}) {
  const { locale } = props;
  return (
    <DataTable caption={props.caption} columns={[props.column, t(locale, m.count)]}>
      {props.rows.map((r) => (
        <tr>
          <td safe>{r.key === '' ? t(locale, m.unknown) : props.label ? props.label(r.key) : r.key}</td>
          <td safe>{number(locale, r.count)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function CriteriaTable(props: { locale: Locale; caption: string; criteria: CriterionShown[] }) {
  const { locale } = props;
  return (
    <DataTable caption={props.caption} columns={[t(locale, m.criterion), t(locale, m.weight)]}>
      {props.criteria.map((c) => (
        <tr>
          <td safe>{locale === 'en' && c.labelEn ? c.labelEn : c.label}</td>
          <td safe>{number(locale, c.weight, 2)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Published({ locale, data, base }: { locale: Locale; data: PublishedTransparency; base: string }) {
  const f = data.figures;
  const zipName = selectionZipName(data.season.slug);
  const inputs = data.frozen.inputs;
  const rows: [string, string][] = [
    [t(locale, m.received), number(locale, f.received)],
    [t(locale, m.eligible), number(locale, f.eligible)],
    [t(locale, m.reviewed), number(locale, f.reviewed)],
    [t(locale, m.reviews), number(locale, f.reviews)],
    [
      t(locale, m.reviewsPer),
      `${number(locale, f.reviewsPerApplication.mean, 2)} (${f.reviewsPerApplication.min}–${f.reviewsPerApplication.max})`,
    ],
    [t(locale, m.shortlisted), number(locale, f.shortlistedForPanel)],
    [t(locale, m.panelists), number(locale, f.panelists)],
    [t(locale, m.laureates), number(locale, f.laureates)],
    [t(locale, m.waitingList), number(locale, f.waitingList)],
    [t(locale, m.notSelected), number(locale, f.notSelected)],
    [t(locale, m.requested), money(locale, f.requestedCents)],
    [t(locale, m.requestedCandidates), money(locale, f.requestedByCandidatesCents)],
    [t(locale, m.granted), money(locale, f.grantedCents)],
  ];
  return (
    <>
      <p safe>{t(locale, m.publishedOn, { date: formatDate(locale, data.publishedAt) })}</p>
      <h2 safe>{t(locale, m.figures)}</h2>
      <DataTable caption={t(locale, m.figures)} hiddenCaption columns={[t(locale, m.figure), t(locale, m.value)]}>
        {rows.map(([label, value]) => (
          <tr>
            <td safe>{label}</td>
            <td safe>{value}</td>
          </tr>
        ))}
      </DataTable>
      <CountTable
        locale={locale}
        caption={t(locale, m.byKind)}
        column={t(locale, m.kind)}
        rows={f.byApplicantKind}
        label={(k) => kindLabel(locale, k)}
      />
      <CountTable
        locale={locale}
        caption={t(locale, m.byTrack)}
        column={t(locale, m.track)}
        rows={f.byTrack}
        label={(code) => {
          const track = data.trackNames[code];
          return track ? (locale === 'en' && track.nameEn ? track.nameEn : track.name) : code;
        }}
      />
      <CountTable
        locale={locale}
        caption={t(locale, m.byTerritory)}
        column={t(locale, m.territory)}
        rows={f.byTerritory}
      />

      <h2 safe>{t(locale, m.criteria)}</h2>
      <p safe>{t(locale, m.sources, { jury: inputs.weights.jury, panel: inputs.weights.panel })}</p>
      <CriteriaTable locale={locale} caption={t(locale, m.juryCriteria)} criteria={data.juryCriteria} />
      {data.panelCriteria.length > 0 ? (
        <CriteriaTable locale={locale} caption={t(locale, m.panelCriteria)} criteria={data.panelCriteria} />
      ) : (
        ''
      )}

      <h2 safe>{t(locale, m.method)}</h2>
      <p safe>{t(locale, m.method1)}</p>
      <p safe>{t(locale, m.method2)}</p>
      <p safe>{t(locale, m.method3)}</p>
      <p safe>
        {`${t(locale, m.method4, {
          replicates: inputs.replicates,
          seed: inputs.seed,
          level: Math.round(inputs.level * 100),
        })} ${tCount(locale, transparencyCounts.sought, inputs.selectionSize)}`}
      </p>
      <p safe>{t(locale, m.method5)}</p>

      <h2 safe>{t(locale, m.jury)}</h2>
      <p safe>{t(locale, m.juryText)}</p>
      <CountTable
        locale={locale}
        caption={t(locale, m.juryByOrganisation)}
        column={t(locale, m.organisation)}
        rows={data.juryByOrganisation}
      />

      <h2 safe>{t(locale, m.panel)}</h2>
      {data.panel ? (
        <p>
          <span safe>{t(locale, m.panelText, { size: data.panel.size })}</span>{' '}
          <a href={data.panel.transparencyPath} safe>
            {t(locale, m.panelLink)}
          </a>
        </p>
      ) : (
        <p safe>{t(locale, m.noPanel)}</p>
      )}

      <h2 safe>{t(locale, m.downloads)}</h2>
      <ul>
        <li>
          <a href={`${base}/selection.zip`} download="selection.zip" safe>
            {t(locale, m.zip)}
          </a>
        </li>
        <li>
          <a href={`${base}/chiffres.csv`} download="chiffres.csv" safe>
            {t(locale, m.figuresCsv)}
          </a>
        </li>
        <li>
          <a href={`${base}/chiffres.json`} download="chiffres.json" safe>
            {t(locale, m.figuresJson)}
          </a>
        </li>
        <li>
          <a href="/transparence/verificateur-selection.mjs" download="verificateur-selection.mjs" safe>
            {t(locale, m.verifierFile)}
          </a>
        </li>
      </ul>

      <h2 safe>{t(locale, m.verify)}</h2>
      <p safe>{t(locale, m.verifyText)}</p>
      <pre class="acc-command">
        <code safe>{`node verificateur-selection.mjs ${zipName}`}</code>
      </pre>
      <p safe>{t(locale, m.verifyPlatform)}</p>
      <pre class="acc-command">
        <code safe>{`npx accelerateur selection verify ${zipName}`}</code>
      </pre>
      <form class="fr-mb-4w" data-selection-verifier hidden>
        <h3 safe>{t(locale, m.browserTitle)}</h3>
        <p safe>{t(locale, m.browserText)}</p>
        <div class="fr-upload-group fr-mb-2w">
          <label class="fr-label" for="selection-files" safe>
            {t(locale, m.browserInput)}
          </label>
          <input class="fr-upload" type="file" id="selection-files" multiple accept=".zip,.csv,.json,.md" />
        </div>
        <button class="fr-btn" type="submit" safe>
          {t(locale, m.browserButton)}
        </button>
        <div class="fr-mt-2w" data-result role="status" aria-live="polite"></div>
      </form>
      <script src="/transparence/verification-selection.js" defer></script>

      <h2 safe>{t(locale, m.notPublishedWhy)}</h2>
      <p safe>{t(locale, m.notPublishedText)}</p>
    </>
  );
}

export function TransparencyPage({
  ctx,
  data,
  sections = [],
}: {
  ctx: ViewContext;
  data: SeasonTransparency;
  /** Other modules' parts of the page (support given, grants), rendered by them: see transparency-sections.ts. */
  sections?: JSX.Element[];
}): JSX.Element {
  const { locale } = ctx;
  const name = seasonName(locale, data.season);
  const base = `/saisons/${encodeURIComponent(data.season.slug)}/transparence`;
  return (
    <Page ctx={ctx} title={`${t(locale, m.title)} — ${name}`}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: t(locale, m.seasons), href: '/saisons' },
            { label: name, href: `/saisons/${encodeURIComponent(data.season.slug)}` },
            { label: t(locale, m.title) },
          ]}
        />
        <h1 safe>{`${t(locale, m.title)} — ${name}`}</h1>
        {data.published ? (
          <>
            <p class="fr-text--lead" safe>
              {t(locale, m.intro, { season: name })}
            </p>
            <Published locale={locale} data={data} base={base} />
            {sections}
          </>
        ) : (
          <p safe>{t(locale, m.notPublished)}</p>
        )}
      </div>
    </Page>
  );
}
