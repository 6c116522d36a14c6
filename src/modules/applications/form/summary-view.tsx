import { type Locale, t } from '../../../core/i18n/i18n.js';
import { formFieldMessages as fm } from './messages.js';
import type { AnswerMap, FormDefinition } from './model.js';
import { type SummaryAnswer, type SummaryFiles, type SummaryItem, summariseAnswers } from './summary.js';

/** From this many sections on, the summary opens with a table of contents (DSFR `fr-summary`). */
export const CONTENTS_FROM_SECTIONS = 3;

export interface AnswerSummaryProps {
  locale: Locale;
  definition: FormDefinition;
  answers: AnswerMap;
  /** What the reader may see of each attached file (a link only when they may open it). */
  files?: SummaryFiles;
  /** Prefix of the sections' anchors, unique in the page. */
  idPrefix?: string;
}

function Answer({ locale, answer }: { locale: Locale; answer: SummaryAnswer }): JSX.Element {
  switch (answer.type) {
    case 'none':
      return (
        <p class="fr-text--sm fr-mb-0" safe>
          {t(locale, fm.notAnswered)}
        </p>
      );
    case 'text':
      return (
        <>
          {answer.paragraphs.map((paragraph, index) => (
            <p class={index === answer.paragraphs.length - 1 ? 'fr-mb-0' : 'fr-mb-1w'} safe>
              {paragraph}
            </p>
          ))}
        </>
      );
    case 'choices':
      return answer.labels.length === 1 ? (
        <p class="fr-mb-0" safe>
          {answer.labels[0]}
        </p>
      ) : (
        <ul class="fr-mb-0">
          {answer.labels.map((label) => (
            <li safe>{label}</li>
          ))}
        </ul>
      );
    case 'files':
      return (
        <ul class="fr-mb-0">
          {answer.files.map((file) => (
            <li>
              {file.href ? (
                <a class="fr-link" href={file.href} download="" safe>
                  {file.name}
                </a>
              ) : (
                <span safe>{file.name}</span>
              )}
              {file.detail ? <span class="fr-text--sm" safe>{` (${file.detail})`}</span> : ''}
            </li>
          ))}
        </ul>
      );
    case 'entries':
      return (
        <>
          {answer.entries.map((entry) => (
            <div class="fr-pl-2w fr-mb-2w">
              <p class="fr-text--bold fr-mb-1v" safe>
                {entry.heading}
              </p>
              <Items locale={locale} items={entry.items} />
            </div>
          ))}
        </>
      );
  }
}

function Items({ locale, items }: { locale: Locale; items: SummaryItem[] }): JSX.Element {
  return (
    <dl class="fr-mb-0">
      {items.map((item) => (
        <>
          <dt class="fr-text--bold fr-mb-1v" safe>
            {item.label}
          </dt>
          <dd class="fr-ml-0 fr-mb-3w">
            <Answer locale={locale} answer={item.answer} />
          </dd>
        </>
      ))}
    </dl>
  );
}

/**
 * The submitted answers, read only: question → answer for the questions that apply, option labels, files as links
 * the reader may open, repeatable blocks as their entries; a table of contents for a long form. It replaces the
 * disabled copy of the form wherever answers are read (staff, jury, experts, panel, a locked application).
 */
export function AnswerSummary(props: AnswerSummaryProps): JSX.Element {
  const { locale } = props;
  const prefix = props.idPrefix ?? 'reponses';
  const sections = summariseAnswers(locale, props.definition, props.answers, props.files);
  if (sections.length === 0)
    return (
      <p data-answer-summary="" safe>
        {t(locale, fm.noAnswer)}
      </p>
    );
  const anchor = (id: string) => `${prefix}-${id}`;
  return (
    <div data-answer-summary="">
      {sections.length >= CONTENTS_FROM_SECTIONS ? (
        <nav class="fr-summary fr-mb-4w" aria-labelledby={`${prefix}-sommaire`}>
          <p class="fr-summary__title" id={`${prefix}-sommaire`} safe>
            {t(locale, fm.summaryContents)}
          </p>
          <ol class="fr-summary__list">
            {sections.map((section) => (
              <li>
                <a class="fr-summary__link" href={`#${anchor(section.id)}`} safe>
                  {section.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : (
        ''
      )}
      {sections.map((section) => (
        <section class="fr-mb-4w" aria-labelledby={anchor(section.id)}>
          <h3 class="fr-h5" id={anchor(section.id)} safe>
            {section.title}
          </h3>
          <Items locale={locale} items={section.items} />
        </section>
      ))}
    </div>
  );
}
