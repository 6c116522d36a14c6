import { type Locale, t } from '../../../core/i18n/i18n.js';
import type { FormDefinition } from '../form/model.js';
import { applicationMessages as m, stateLabels } from '../messages.js';
import type { ApplicationState } from '../states.js';

export function stateLabel(locale: Locale, state: string): string {
  const label = stateLabels[state as ApplicationState];
  return label ? t(locale, label) : state;
}

export function kindLabel(locale: Locale, kind: string): string {
  const message = (m as Record<string, { fr: string; en: string }>)[`kind_${kind}`];
  return message ? t(locale, message) : kind;
}

/** The English text when the page is in English and one was written, else the French. */
export function pick(locale: Locale, fr: string, en: string): string {
  return locale === 'en' && en.trim() !== '' ? en : fr;
}

/** Field labels by field path, for the error summary (children: "<parent> n: <child>"). */
export function fieldLabels(locale: Locale, definition: FormDefinition): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const question of definition.sections.flatMap((s) => s.questions)) {
    labels[question.id] = question.label[locale] || question.label.fr;
    for (let i = 0; i < (question.maxItems ?? 10); i++) {
      for (const child of question.children ?? []) {
        labels[`${question.id}[${i}][${child.id}]`] =
          `${labels[question.id]} ${i + 1} : ${child.label[locale] || child.label.fr}`;
      }
    }
  }
  return labels;
}

export function stateBadgeClass(state: string): string {
  switch (state) {
    case 'submitted':
    case 'eligible':
    case 'laureate':
      return 'fr-badge fr-badge--success';
    case 'ineligible':
    case 'not_selected':
    case 'withdrawn':
      return 'fr-badge fr-badge--error';
    case 'in_instruction':
      return 'fr-badge fr-badge--info';
    default:
      return 'fr-badge';
  }
}
