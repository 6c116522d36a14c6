import { type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert } from '../../../../core/ui/components.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { CooperationPage } from '../../views/cooperation-layout.js';
import { leverLabel, territoryLabel } from '../labels.js';
import { matchingMessages as m } from '../messages.js';
import { type Explanation, NATIONAL } from '../suggest.js';
import type { SuggestionView } from '../suggestions.js';

/** The reasons of one suggestion, each a sentence the person can check. */
export function explanationLines(locale: Locale, e: Explanation): string[] {
  const lines: string[] = [];
  if (e.words.length > 0)
    lines.push(t(locale, m.whyWords, { words: e.words.map((w) => `«\u00a0${w}\u00a0»`).join(', ') }));
  if (e.tags.length > 0) lines.push(t(locale, m.whyTags, { tags: e.tags.join(', ') }));
  if (e.levers.length > 0)
    lines.push(t(locale, m.whyLever, { levers: e.levers.map((l) => leverLabel(locale, l)).join(', ') }));
  if (e.similar)
    lines.push(
      t(locale, e.similar.kind === 'need' ? m.whySimilarNeed : m.whySimilarUseCase, {
        title: e.similar.title,
        administration: e.similar.administration,
      }),
    );
  if (e.territory)
    lines.push(
      e.territory === NATIONAL
        ? t(locale, m.whyNational)
        : t(locale, m.whyTerritory, { territory: territoryLabel(locale, e.territory) }),
    );
  return lines;
}

const KIND_LABELS = { commons: m.kindCommons, need: m.kindNeed, 'use-case': m.kindUseCase } as const;
const CONTACT_LABELS = {
  commons: m.contactReferents,
  need: m.contactAuthors,
  'use-case': m.contactUseCaseReferents,
} as const;

function SuggestionItem(props: { locale: Locale; s: SuggestionView; index: number }): JSX.Element {
  const { locale, s } = props;
  const headingId = `suggestion-${props.index}`;
  return (
    <li class="fr-mb-5w">
      <article aria-labelledby={headingId}>
        <ul class="fr-badges-group">
          <li>
            <p class="fr-badge fr-badge--sm fr-badge--info" safe>
              {t(locale, KIND_LABELS[s.kind])}
            </p>
          </li>
          <li>
            <p class="fr-badge fr-badge--sm" safe>
              {t(locale, m.relevance, { n: Math.round(s.score * 100) })}
            </p>
          </li>
        </ul>
        <h2 class="fr-h4 fr-mt-1w fr-mb-1w" id={headingId}>
          <a href={s.href} safe>
            {s.title}
          </a>
        </h2>
        {s.subtitle ? (
          <p class="fr-text--sm fr-mb-2w" safe>
            {s.subtitle}
          </p>
        ) : (
          ''
        )}
        <div class="fr-highlight fr-mb-2w">
          <h3 class="fr-text--md fr-text--bold fr-mb-1w" safe>
            {t(locale, m.why)}
          </h3>
          <ul class="fr-text--sm fr-mb-0">
            {explanationLines(locale, s.explanation).map((line) => (
              <li safe>{line}</li>
            ))}
          </ul>
        </div>
        <a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-mail-line fr-btn--icon-left" href={s.contactHref}>
          <span safe>{t(locale, CONTACT_LABELS[s.kind])}</span>
          <span class="fr-sr-only" safe>{` — ${s.title}`}</span>
        </a>
      </article>
    </li>
  );
}

/** A page of explained suggestions (for a need, or for a commons), each with its "why" and a contact link. */
export function SuggestionsPage(props: {
  ctx: ViewContext;
  section: 'needs' | 'commons';
  title: string;
  crumbs: { label: string; href?: string }[];
  intro: string;
  back: { label: string; href: string };
  closed?: boolean;
  suggestions: SuggestionView[];
}): JSX.Element {
  const { ctx } = props;
  const { locale } = ctx;
  return (
    <CooperationPage ctx={ctx} section={props.section} title={props.title} crumbs={props.crumbs}>
      <p class="fr-text--lead" safe>
        {props.intro}
      </p>
      <p class="fr-text--sm" safe>
        {t(locale, m.howScored)}
      </p>
      {props.closed ? <Alert kind="info" title={t(locale, m.closedNeed)} /> : ''}
      {props.suggestions.length === 0 ? (
        <p safe>{t(locale, m.noSuggestions)}</p>
      ) : (
        <ol class="fr-raw-list fr-mt-4w">
          {props.suggestions.map((s, index) => (
            <SuggestionItem locale={locale} s={s} index={index} />
          ))}
        </ol>
      )}
      <p class="fr-mt-4w">
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={props.back.href} safe>
          {props.back.label}
        </a>
      </p>
    </CooperationPage>
  );
}
