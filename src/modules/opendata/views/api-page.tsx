import { t } from '../../../core/i18n/i18n.js';
import { Breadcrumb } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { LICENCE_URL } from '../api-routes.js';
import { openDataMessages as m } from '../messages.js';
import type { Operation } from '../openapi-page.js';

export interface ApiGroup {
  id: string;
  title: string;
  operations: Operation[];
}

function OperationBlock({ ctx, op }: { ctx: ViewContext; op: Operation }): JSX.Element {
  const { locale } = ctx;
  return (
    <div class="fr-mb-5w" id={op.id}>
      <h3 class="fr-h5">
        <span class="fr-badge fr-badge--info fr-badge--no-icon fr-mr-1w" safe>
          {op.method}
        </span>
        <code>
          {op.path.split(/(?=[/._-])/).map((part, i) => (
            <>
              {i > 0 ? <wbr /> : ''}
              <span safe>{part}</span>
            </>
          ))}
        </code>
      </h3>
      <p class="fr-text--bold" safe>
        {op.summary}
      </p>
      <p safe>{op.description}</p>
      {op.parameters.length > 0 ? (
        <>
          <p class="fr-mb-1w" safe>
            {`${t(locale, m.apiParameters)} :`}
          </p>
          <ul>
            {op.parameters.map((p) => (
              <li>
                <code safe>{p.name}</code>
                <span safe>
                  {` (${p.in === 'path' ? t(locale, m.apiInPath) : t(locale, m.apiInQuery)}, ${
                    p.required ? t(locale, m.apiRequiredYes) : t(locale, m.apiRequiredNo)
                  }, ${p.type})${p.description ? ` : ${p.description}` : ''}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p class="fr-text--sm" safe>
        {t(locale, m.apiResponses, { codes: op.statuses.join(', ') })}
      </p>
      {op.example ? (
        <details>
          <summary safe>{`${t(locale, m.apiExample)} — ${op.path}`}</summary>
          <pre class="fr-p-2w acc-command">
            <code safe>{op.example}</code>
          </pre>
        </details>
      ) : (
        ''
      )}
    </div>
  );
}

/** /api: the API's reference for people, generated from the OpenAPI document, with its rules. */
export function ApiPage({
  ctx,
  groups,
  rateLimit,
}: {
  ctx: ViewContext;
  groups: readonly ApiGroup[];
  rateLimit: number;
}): JSX.Element {
  const { locale } = ctx;
  const title = t(locale, m.apiTitle);
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb locale={locale} items={[{ label: t(locale, m.dataTitle), href: '/donnees' }, { label: title }]} />
        <h1 safe>{title}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, m.apiIntro)}
        </p>
        <h2 safe>{t(locale, m.apiRules)}</h2>
        <ul>
          <li>
            <a href={LICENCE_URL} safe>
              {t(locale, m.apiLicence)}
            </a>
          </li>
          <li safe>{t(locale, m.apiRateLimit, { n: rateLimit })}</li>
          <li safe>{t(locale, m.apiCaching)}</li>
          <li>
            <a href="/api/openapi.json" safe>
              {t(locale, m.apiDocument)}
            </a>
          </li>
        </ul>
        <nav class="fr-summary fr-my-4w" aria-labelledby="api-contents">
          <p class="fr-summary__title" id="api-contents" safe>
            {t(locale, m.apiContents)}
          </p>
          <ol class="fr-summary__list">
            {groups.map((g) => (
              <li>
                <a class="fr-summary__link" href={`#${g.id}`} safe>
                  {g.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
        {groups.map((g) => (
          <section class="fr-mt-6w" id={g.id} aria-labelledby={`${g.id}-title`}>
            <h2 id={`${g.id}-title`} safe>
              {g.title}
            </h2>
            {g.operations.map((op) => (
              <OperationBlock ctx={ctx} op={op} />
            ))}
          </section>
        ))}
      </div>
    </Page>
  );
}
