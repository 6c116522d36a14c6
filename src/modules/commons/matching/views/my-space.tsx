import type Html from '@kitajs/html';
import { formatDate, type Locale, t } from '../../../../core/i18n/i18n.js';
import { DataTable } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { COOPERATION_HREFS, CooperationPage } from '../../views/cooperation-layout.js';
import type { ContactSummary } from '../exchange.js';
import { OUTCOME_SHORT, USE_CASE_STATUS_LABELS } from '../labels.js';
import { matchingMessages as m } from '../messages.js';
import { contactHref } from '../send-contact.js';
import type { PersonSpace } from '../space.js';

function Section(props: {
  id: string;
  title: string;
  action?: { label: string; href: string };
  children?: Html.Children;
}): JSX.Element {
  return (
    <section class="fr-mt-6w" aria-labelledby={props.id}>
      <h2 id={props.id} safe>
        {props.title}
      </h2>
      {props.children}
      {props.action ? (
        <p>
          <a class="fr-link fr-icon-add-line fr-link--icon-left" href={props.action.href} safe>
            {props.action.label}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}

function ContactTable(props: { locale: Locale; caption: string; rows: ContactSummary[] }): JSX.Element {
  const { locale } = props;
  return (
    <DataTable
      caption={props.caption}
      hiddenCaption
      columns={[t(locale, m.colSubject), t(locale, m.colAbout), t(locale, m.colDate), t(locale, m.colState)]}
    >
      {props.rows.map((c) => (
        <tr>
          <td>
            <a href={contactHref(c.id)} safe>
              {c.subject}
            </a>
          </td>
          <td safe>{c.aboutTitle}</td>
          <td safe>{formatDate(locale, c.createdAt)}</td>
          <td safe>
            {[
              t(locale, c.answeredAt ? m.stateAnswered : m.stateWaiting),
              ...(c.outcome ? [t(locale, OUTCOME_SHORT[c.outcome])] : []),
            ].join(' · ')}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The signed-in person's own page of the space: what they belong to, maintain, refer, posted and wrote. */
export function MySpacePage(props: { ctx: ViewContext; space: PersonSpace }): JSX.Element {
  const { ctx, space } = props;
  const { locale } = ctx;
  return (
    <CooperationPage ctx={ctx} section="mine" title={t(locale, m.mySpaceTitle)}>
      <p class="fr-text--lead" safe>
        {t(locale, m.mySpaceIntro)}
      </p>

      <Section
        id="mine-administrations"
        title={t(locale, m.myAdministrations)}
        action={{ label: t(locale, m.addAdministration), href: `${COOPERATION_HREFS.administrations}/nouvelle` }}
      >
        {space.administrations.length === 0 ? (
          <p safe>{t(locale, m.noAdministration)}</p>
        ) : (
          <ul>
            {space.administrations.map((a) => (
              <li>
                <a href={`${COOPERATION_HREFS.administrations}/${a.slug}`} safe>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="mine-commons"
        title={t(locale, m.myCommons)}
        action={{ label: t(locale, m.addCommons), href: `${COOPERATION_HREFS.commons}/nouveau` }}
      >
        {space.commons.length === 0 ? (
          <p safe>{t(locale, m.noCommons)}</p>
        ) : (
          <ul>
            {space.commons.map((c) => (
              <li>
                <a href={`${COOPERATION_HREFS.commons}/${c.slug}`} safe>
                  {c.name}
                </a>
                <span> — </span>
                <a
                  class="fr-link fr-link--sm"
                  href={`${COOPERATION_HREFS.commons}/${c.slug}/suggestions`}
                  title={`${t(locale, m.suggestions)} — ${c.name}`}
                  safe
                >
                  {t(locale, m.suggestions)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="mine-use-cases"
        title={t(locale, m.myUseCases)}
        action={{ label: t(locale, m.addUseCase), href: `${COOPERATION_HREFS['use-cases']}/nouveau` }}
      >
        {space.useCases.length === 0 ? (
          <p safe>{t(locale, m.noUseCases)}</p>
        ) : (
          <ul>
            {space.useCases.map((u) => (
              <li>
                <a href={`${COOPERATION_HREFS['use-cases']}/${u.id}`} safe>
                  {u.title}
                </a>
                <span
                  safe
                >{` — ${u.commons}, ${u.administration} (${t(locale, USE_CASE_STATUS_LABELS[u.status])})`}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="mine-needs"
        title={t(locale, m.myNeeds)}
        action={{ label: t(locale, m.addNeed), href: `${COOPERATION_HREFS.needs}/nouveau` }}
      >
        {space.needs.length === 0 ? (
          <p safe>{t(locale, m.noNeeds)}</p>
        ) : (
          <ul>
            {space.needs.map((n) => (
              <li>
                <a href={`${COOPERATION_HREFS.needs}/${n.id}`} safe>
                  {n.title}
                </a>
                <span safe>
                  {` — ${t(locale, n.kind === 'offer' ? m.offer : m.need)}, ${n.owner}, ${t(locale, n.closed ? m.closed : m.open)} — `}
                </span>
                <a
                  class="fr-link fr-link--sm"
                  href={`${COOPERATION_HREFS.needs}/${n.id}/suggestions`}
                  title={`${t(locale, m.suggestions)} — ${n.title}`}
                  safe
                >
                  {t(locale, m.suggestions)}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="mine-sent" title={t(locale, m.contactsSent)}>
        {space.sent.length === 0 ? (
          <p safe>{t(locale, m.noContactsSent)}</p>
        ) : (
          <ContactTable locale={locale} caption={t(locale, m.contactsSent)} rows={space.sent} />
        )}
      </Section>

      <Section id="mine-received" title={t(locale, m.contactsReceived)}>
        {space.unanswered > 0 ? (
          <p>
            <span class="fr-badge fr-badge--new" safe>
              {t(locale, m.unansweredCount, { n: space.unanswered })}
            </span>
          </p>
        ) : (
          ''
        )}
        {space.received.length === 0 ? (
          <p safe>{t(locale, m.noContactsReceived)}</p>
        ) : (
          <ContactTable locale={locale} caption={t(locale, m.contactsReceived)} rows={space.received} />
        )}
      </Section>

      <p class="fr-mt-6w">
        <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={COOPERATION_HREFS.experiments} safe>
          {t(locale, m.experimentsLink)}
        </a>
      </p>
    </CooperationPage>
  );
}
