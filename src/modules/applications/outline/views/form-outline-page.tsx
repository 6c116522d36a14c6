import { formatDateTime, type Locale, t } from '../../../../core/i18n/i18n.js';
import { Alert, Breadcrumb } from '../../../../core/ui/components.js';
import { Page } from '../../../../core/ui/layout.js';
import type { ViewContext } from '../../../../core/ui/view-context.js';
import { KINDS, maxLengthOf, offers } from '../../form/kinds.js';
import { formFieldMessages as fm } from '../../form/messages.js';
import type { Bilingual, FormDefinition, Question } from '../../form/model.js';
import { outlineMessages as om } from '../messages.js';

const text = (locale: Locale, value: Bilingual | undefined): string => (value ? value[locale] || value.fr : '');

/** What one question asks for: its kind, whether it is required, its limits and its condition. */
function details(locale: Locale, question: Question, all: Question[]): string[] {
  const out = [t(locale, KINDS[question.kind].label), t(locale, question.required ? om.required : om.optional)];
  if (offers(question.kind, 'maxLength')) out.push(t(locale, om.upTo, { n: maxLengthOf(question) }));
  if (offers(question.kind, 'items'))
    out.push(
      t(locale, om.items, { min: question.minItems ?? (question.required ? 1 : 0), max: question.maxItems ?? 50 }),
    );
  if (question.file) {
    const size = Math.round((question.file.maxBytes / (1024 * 1024)) * 10) / 10;
    out.push(t(locale, fm.fileHint, { types: question.file.contentTypes.join(', '), size: String(size) }));
  }
  if (question.condition) {
    const target = all.find((q) => q.id === question.condition!.questionId);
    const values = question.condition.equals.map(
      (value) => text(locale, target?.options?.find((o) => o.value === value)?.label) || value,
    );
    out.push(
      t(locale, fm.conditionHint, {
        question: text(locale, target?.label) || question.condition.questionId,
        values: values.join(', '),
      }),
    );
  }
  return out;
}

function QuestionItem({ locale, question, all }: { locale: Locale; question: Question; all: Question[] }): JSX.Element {
  return (
    <li class="fr-mb-2w">
      <p class="fr-text--bold fr-mb-0" safe>
        {text(locale, question.label)}
      </p>
      {question.help ? (
        <p class="fr-text--sm fr-mb-0" safe>
          {text(locale, question.help)}
        </p>
      ) : (
        ''
      )}
      <p class="fr-text--sm fr-text-mention--grey fr-mb-0" safe>
        {details(locale, question, all).join(' · ')}
      </p>
      {question.options && question.options.length > 0 ? (
        <ul class="fr-text--sm">
          {question.options.map((option) => (
            <li safe>{text(locale, option.label)}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {question.children && question.children.length > 0 ? (
        <ol>
          {question.children.map((child) => (
            <QuestionItem locale={locale} question={child} all={[...question.children!, ...all]} />
          ))}
        </ol>
      ) : (
        ''
      )}
    </li>
  );
}

/** /candidater/:seasonSlug/questions: the form's outline, public, to prepare an application before signing in. */
export function FormOutlinePage(props: {
  ctx: ViewContext;
  seasonName: string;
  seasonSlug: string;
  closesAt: Date;
  open: boolean;
  definition: FormDefinition | null;
}): JSX.Element {
  const { ctx, definition } = props;
  const { locale } = ctx;
  const heading = t(locale, om.title, { season: props.seasonName });
  const all = (definition?.sections ?? []).flatMap((section) => section.questions);
  return (
    <Page ctx={ctx} title={heading}>
      <div class="fr-container fr-my-6w">
        <Breadcrumb
          locale={locale}
          items={[
            { label: props.seasonName, href: `/saisons/${encodeURIComponent(props.seasonSlug)}` },
            { label: heading },
          ]}
        />
        <h1 safe>{heading}</h1>
        <p safe>{t(locale, om.intro)}</p>
        <p class="fr-text--bold" safe>
          {t(locale, om.closesAt, { date: formatDateTime(locale, props.closesAt) })}
        </p>
        {props.open ? (
          <a class="fr-btn fr-mb-4w" href={`/candidater/${encodeURIComponent(props.seasonSlug)}`} safe>
            {t(locale, om.apply)}
          </a>
        ) : (
          ''
        )}
        {!definition || definition.sections.length === 0 ? (
          <Alert kind="info" title={t(locale, om.noForm)} />
        ) : (
          definition.sections.map((section, index) => (
            <section aria-labelledby={`section-${index}`} class="fr-my-4w">
              <h2 id={`section-${index}`} class="fr-h4" safe>
                {`${index + 1}. ${text(locale, section.title)}`}
              </h2>
              {section.description ? <p safe>{text(locale, section.description)}</p> : ''}
              <ol>
                {section.questions.map((question) => (
                  <QuestionItem locale={locale} question={question} all={all} />
                ))}
              </ol>
            </section>
          ))
        )}
      </div>
    </Page>
  );
}
