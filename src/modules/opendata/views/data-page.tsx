import { formatDateTime, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { LICENCE_URL } from '../api-routes.js';
import { csvHref, type DatasetState, jsonHref } from '../dataset-info.js';
import { openDataMessages as m } from '../messages.js';

function Download({ href, label, detail }: { href: string; label: string; detail: string }): JSX.Element {
  return (
    <li>
      <a class="fr-link fr-link--download" href={href}>
        <span safe>{label}</span>
        <span class="fr-link__detail" safe>
          {detail}
        </span>
      </a>
    </li>
  );
}

/** /donnees: every dataset with its licence, last change, schema and downloads; the catalogue and the API. */
export function DataPage({ ctx, states }: { ctx: ViewContext; states: readonly DatasetState[] }): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.dataTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={[{ label: title }]} />
        <h1 safe>{title}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.dataIntro)}
        </p>
        <ul class="fr-links-group">
          <li>
            <a class="fr-link fr-icon-code-s-slash-line fr-link--icon-left" href="/api" safe>
              {t(locale, m.apiLink)}
            </a>
          </li>
          <li>
            <a class="fr-link fr-icon-file-line fr-link--icon-left" href="/donnees/catalogue.jsonld" safe>
              {t(locale, m.catalogueLink)}
            </a>
          </li>
        </ul>
        {states.map(({ dataset, records, modified }) => {
          const name = t(locale, dataset.title);
          const schema = dataset.schemaUrl;
          return (
            <section class="fr-mt-6w" id={dataset.file} aria-labelledby={`${dataset.file}-title`}>
              <h2 id={`${dataset.file}-title`} safe>
                {name}
              </h2>
              <p safe>{t(locale, dataset.description)}</p>
              <ul>
                <li>
                  <span safe>{`${t(locale, m.licence)} : `}</span>
                  <a href={LICENCE_URL} safe>
                    {t(locale, m.licenceName)}
                  </a>
                </li>
                <li safe>
                  {`${t(locale, m.updated)} : ${modified ? formatDateTime(locale, modified) : t(locale, m.never)}`}
                </li>
                <li safe>{`${t(locale, m.records)} : ${records.length}`}</li>
                <li>
                  <span safe>{`${t(locale, m.schema)} : `}</span>
                  {schema ? (
                    <a href={schema} safe>
                      {t(locale, m.schemaNational)}
                    </a>
                  ) : (
                    <a href={`/api#${dataset.path}`} safe>
                      {t(locale, m.schemaOpenApi)}
                    </a>
                  )}
                </li>
              </ul>
              <h3 class="fr-h6" safe>
                {`${t(locale, m.downloads)} — ${name}`}
              </h3>
              <ul class="fr-links-group">
                <Download
                  href={csvHref(dataset)}
                  label={dataset.csv ? t(locale, dataset.csv.title) : `${name} — ${t(locale, m.downloadCsv)}`}
                  detail="CSV"
                />
                <Download href={jsonHref(dataset)} label={`${name} — ${t(locale, m.downloadJson)}`} detail="JSON" />
                {(dataset.more ?? []).map((other) => (
                  <Download href={other.href} label={t(locale, other.title)} detail={other.format} />
                ))}
                <li>
                  <a class="fr-link" href={`/api/v1/${dataset.path}`} safe>
                    {`${name} — ${t(locale, m.api)} /api/v1/${dataset.path}`}
                  </a>
                </li>
              </ul>
            </section>
          );
        })}
      </div>
    </Page>
  );
}
