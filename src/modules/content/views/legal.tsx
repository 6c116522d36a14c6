import type Html from '@kitajs/html';
import { type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import { Breadcrumb, DataTable } from '../../../core/ui/components.js';
import { Page } from '../../../core/ui/layout.js';
import type { ViewContext } from '../../../core/ui/view-context.js';
import { legalMessages as lm, publicMessages as m } from '../messages.js';
import type { PageRow } from '../queries.js';
import { MarkdownBody, pick } from './localized.js';

/**
 * The State's mandatory pages exist on every deployment: their core text is part of the platform,
 * and staff may add to it with a published CMS page of the same slug.
 */
function LegalFrame({
  ctx,
  title,
  extra,
  children,
}: {
  ctx: ViewContext;
  title: string;
  extra?: PageRow;
  children: Html.Children;
}): JSX.Element {
  const { locale } = ctx;
  return (
    <Page ctx={ctx} title={title}>
      <div class="fr-container fr-mb-7w">
        <Breadcrumb locale={locale} items={[{ label: t(locale, m.homeTitle), href: '/' }, { label: title }]} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-lg-10">
            <h1 safe>{title}</h1>
            {children}
            {extra ? (
              <section class="fr-mt-4w">
                <h2 safe>{t(locale, lm.moreInformation)}</h2>
                <MarkdownBody value={pick(locale, extra.body, extra.body_en)} />
              </section>
            ) : (
              ''
            )}
          </div>
        </div>
      </div>
    </Page>
  );
}

function Section({ locale, title, text }: { locale: Locale; title: Message; text: Message }): JSX.Element {
  return (
    <section class="fr-mt-4w">
      <h2 safe>{t(locale, title)}</h2>
      <p safe>{t(locale, text)}</p>
    </section>
  );
}

export function LegalNoticePage({ ctx, extra }: { ctx: ViewContext; extra?: PageRow }): JSX.Element {
  const { locale } = ctx;
  return (
    <LegalFrame ctx={ctx} title={t(locale, lm.legalTitle)} extra={extra}>
      <Section locale={locale} title={lm.publisherTitle} text={lm.publisherText} />
      <Section locale={locale} title={lm.hostTitle} text={lm.hostText} />
      <Section locale={locale} title={lm.licenceTitle} text={lm.licenceText} />
    </LegalFrame>
  );
}

export function AccessibilityPage({ ctx, extra }: { ctx: ViewContext; extra?: PageRow }): JSX.Element {
  const { locale } = ctx;
  return (
    <LegalFrame ctx={ctx} title={t(locale, lm.accessibilityTitle)} extra={extra}>
      <p safe>{t(locale, lm.accessibilityIntro)}</p>
      <Section locale={locale} title={lm.complianceTitle} text={lm.complianceText} />
      <Section locale={locale} title={lm.testsTitle} text={lm.testsText} />
      <Section locale={locale} title={lm.feedbackTitle} text={lm.feedbackText} />
      <section class="fr-mt-4w">
        <h2 safe>{t(locale, lm.remedyTitle)}</h2>
        <p safe>{t(locale, lm.remedyText)}</p>
        <ul>
          <li>
            <a href="https://formulaire.defenseurdesdroits.fr/" target="_blank" rel="noopener" lang="fr" safe>
              {t(locale, lm.remedyForm)}
            </a>
          </li>
          <li>
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues" target="_blank" rel="noopener" safe>
              {t(locale, lm.remedyDelegate)}
            </a>
          </li>
          <li safe>{t(locale, lm.remedyMail)}</li>
        </ul>
      </section>
    </LegalFrame>
  );
}

export function PrivacyPage({ ctx, extra }: { ctx: ViewContext; extra?: PageRow }): JSX.Element {
  const { locale } = ctx;
  const cookies = [
    { name: 'acc_session', purpose: lm.cookieSession, lifetime: lm.cookieSessionLife },
    { name: '_csrf', purpose: lm.cookieCsrf, lifetime: lm.cookieCsrfLife },
    { name: 'lang', purpose: lm.cookieLang, lifetime: lm.cookieLangLife },
  ];
  return (
    <LegalFrame ctx={ctx} title={t(locale, lm.privacyTitle)} extra={extra}>
      <p safe>{t(locale, lm.privacyIntro)}</p>
      <Section locale={locale} title={lm.rightsTitle} text={lm.rightsText} />
      <section class="fr-mt-4w">
        <h2 safe>{t(locale, lm.cookiesTitle)}</h2>
        <p safe>{t(locale, lm.cookiesText)}</p>
        <DataTable
          caption={t(locale, lm.cookiesTitle)}
          columns={[t(locale, lm.cookieName), t(locale, lm.cookiePurpose), t(locale, lm.cookieLifetime)]}
        >
          {cookies.map((c) => (
            <tr>
              <td>
                <code safe>{c.name}</code>
              </td>
              <td safe>{t(locale, c.purpose)}</td>
              <td safe>{t(locale, c.lifetime)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </LegalFrame>
  );
}
