import { formMessages } from '../../../core/http/forms.js';
import { badCharacterPath } from '../../../core/http/input-rules.js';
import type { Message } from '../../../core/i18n/i18n.js';
import { defineMessages } from '../../../core/i18n/i18n.js';
import { offers, QUESTION_KINDS } from './kinds.js';
import type { Bilingual, FormDefinition, Question, QuestionKind, Section } from './model.js';

/*
 * Checks a form definition written by staff (in the builder or as JSON) and returns a clean copy:
 * known properties only, so whatever is saved can be rendered and validated safely. Every problem
 * names where it is (`sections[1].questions[0].options`) in words a person can act on.
 */

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const OPTION_VALUE = /^[a-z0-9_-]{1,60}$/;
const MIME = /^[a-z0-9.+-]+\/[a-z0-9.+*-]+$/i;
export const LIMITS = {
  sections: 30,
  questions: 200,
  options: 50,
  textLength: 100_000,
  fileBytes: 100 * 1024 * 1024,
  items: 100,
  labelLength: 500,
  helpLength: 2000,
} as const;

export const definitionMessages = defineMessages({
  notJson: { fr: 'Le texte n’est pas du JSON valide : {detail}', en: 'The text is not valid JSON: {detail}' },
  notObject: {
    fr: 'Une définition de formulaire est un objet avec une liste « sections ».',
    en: 'A form definition is an object with a "sections" list.',
  },
  noSections: { fr: 'Le formulaire doit avoir au moins une rubrique.', en: 'The form needs at least one section.' },
  tooMany: { fr: 'Pas plus de {max} éléments ici.', en: 'No more than {max} items here.' },
  badId: {
    fr: 'Identifiant invalide : une lettre minuscule puis lettres minuscules, chiffres ou « _ », 40 caractères au plus.',
    en: 'Invalid identifier: a lower-case letter then lower-case letters, digits or "_", 40 characters at most.',
  },
  duplicateId: {
    fr: 'L’identifiant « {id} » est déjà utilisé dans ce formulaire.',
    en: 'The identifier "{id}" is already used in this form.',
  },
  bilingual: {
    fr: 'Donnez un texte en français ({max} caractères au plus) ; l’anglais est facultatif.',
    en: 'Give a text in French ({max} characters at most); English is optional.',
  },
  badKind: {
    fr: 'Type de question inconnu. Types possibles : {kinds}.',
    en: 'Unknown question kind. Possible kinds: {kinds}.',
  },
  badRequired: { fr: '« required » vaut true ou false.', en: '"required" is true or false.' },
  badInteger: {
    fr: 'Saisissez un nombre entier entre {min} et {max}.',
    en: 'Enter a whole number between {min} and {max}.',
  },
  badNumber: { fr: 'Saisissez un nombre.', en: 'Enter a number.' },
  minAboveMax: { fr: 'Le minimum dépasse le maximum.', en: 'The minimum is above the maximum.' },
  noOptions: {
    fr: 'Une question à choix a besoin d’au moins deux options.',
    en: 'A choice question needs at least two options.',
  },
  badOptionValue: {
    fr: 'Valeur d’option invalide : lettres minuscules, chiffres, « _ » ou « - », 60 caractères au plus.',
    en: 'Invalid option value: lower-case letters, digits, "_" or "-", 60 characters at most.',
  },
  duplicateOption: { fr: 'La valeur « {value} » apparaît deux fois.', en: 'The value "{value}" appears twice.' },
  badFile: {
    fr: 'Une question « fichier » indique les formats acceptés (par exemple application/pdf) et une taille maximale en octets (au plus {max}).',
    en: 'A file question lists the accepted formats (e.g. application/pdf) and a maximum size in bytes (at most {max}).',
  },
  noChildren: {
    fr: 'Un bloc répétable contient au moins une question.',
    en: 'A repeatable block holds at least one question.',
  },
  nestedRepeatable: {
    fr: 'Un bloc répétable ne peut pas en contenir un autre.',
    en: 'A repeatable block cannot contain another one.',
  },
  badCondition: {
    fr: 'La condition doit porter sur une question à choix placée avant celle-ci, avec des valeurs parmi ses options.',
    en: 'The condition must refer to a choice question placed before this one, with values among its options.',
  },
});

export interface DefinitionProblem {
  path: string;
  message: Message;
  params?: Record<string, string | number>;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => !!value && typeof value === 'object' && !Array.isArray(value);

class Checker {
  readonly problems: DefinitionProblem[] = [];
  private readonly ids = new Set<string>();
  /** Choice questions seen so far, by scope: conditions may only look backwards. */
  private readonly choices = new Map<string, string[]>();

  fail(path: string, message: Message, params?: Record<string, string | number>): void {
    if (this.problems.length < 200) this.problems.push({ path, message, ...(params ? { params } : {}) });
  }

  bilingual(value: unknown, path: string, max: number, optional = false): Bilingual | undefined {
    if (optional && (value === undefined || value === null || (isObj(value) && !value.fr && !value.en)))
      return undefined;
    // French is required; English is optional (readers of the English pages then get the French, marked).
    const en = isObj(value) && (value.en === undefined || value.en === null) ? '' : isObj(value) ? value.en : undefined;
    if (
      !isObj(value) ||
      typeof value.fr !== 'string' ||
      typeof en !== 'string' ||
      !value.fr.trim() ||
      value.fr.length > max ||
      en.length > max
    ) {
      this.fail(path, definitionMessages.bilingual, { max });
      return { fr: '', en: '' };
    }
    return { fr: value.fr.trim(), en: en.trim() };
  }

  id(value: unknown, path: string): string {
    if (typeof value !== 'string' || !ID.test(value)) {
      this.fail(path, definitionMessages.badId);
      return typeof value === 'string' ? value : '';
    }
    if (this.ids.has(value)) this.fail(path, definitionMessages.duplicateId, { id: value });
    this.ids.add(value);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(path, definitionMessages.badInteger, { min, max });
      return undefined;
    }
    return value;
  }

  number(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, definitionMessages.badNumber);
      return undefined;
    }
    return value;
  }

  question(value: unknown, path: string, scope: string, inRepeatable: boolean): Question | null {
    if (!isObj(value)) {
      this.fail(path, definitionMessages.notObject);
      return null;
    }
    const id = this.id(value.id, `${path}.id`);
    const kind = value.kind as QuestionKind;
    if (!QUESTION_KINDS.includes(kind)) {
      this.fail(`${path}.kind`, definitionMessages.badKind, { kinds: QUESTION_KINDS.join(', ') });
      return null;
    }
    if (value.required !== undefined && typeof value.required !== 'boolean')
      this.fail(`${path}.required`, definitionMessages.badRequired);
    const question: Question = {
      id,
      kind,
      label: this.bilingual(value.label, `${path}.label`, LIMITS.labelLength)!,
      required: value.required === true,
    };
    const help = this.bilingual(value.help, `${path}.help`, LIMITS.helpLength, true);
    if (help) question.help = help;
    if (value.condition !== undefined && value.condition !== null) {
      const condition = value.condition;
      const options =
        isObj(condition) && typeof condition.questionId === 'string'
          ? (this.choices.get(`${scope}/${condition.questionId}`) ?? this.choices.get(`/${condition.questionId}`))
          : undefined;
      const equals = isObj(condition) && Array.isArray(condition.equals) ? condition.equals : [];
      if (!options || equals.length === 0 || !equals.every((v) => typeof v === 'string' && options.includes(v)))
        this.fail(`${path}.condition`, definitionMessages.badCondition);
      else
        question.condition = {
          questionId: (condition as Obj).questionId as string,
          equals: [...new Set(equals as string[])],
        };
    }
    if (offers(kind, 'maxLength')) {
      const maxLength = this.integer(value.maxLength, `${path}.maxLength`, 1, LIMITS.textLength);
      if (maxLength !== undefined) question.maxLength = maxLength;
    }
    if (offers(kind, 'bounds')) {
      const min = this.number(value.min, `${path}.min`);
      const max = this.number(value.max, `${path}.max`);
      if (min !== undefined) question.min = min;
      if (max !== undefined) question.max = max;
      if (min !== undefined && max !== undefined && min > max) this.fail(`${path}.min`, definitionMessages.minAboveMax);
    }
    if (offers(kind, 'options')) {
      question.options = this.options(value.options, `${path}.options`);
      this.choices.set(
        `${scope}/${id}`,
        question.options.map((o) => o.value),
      );
    }
    if (offers(kind, 'file')) {
      const file = value.file;
      const types = isObj(file) && Array.isArray(file.contentTypes) ? file.contentTypes : [];
      const maxBytes = isObj(file) ? file.maxBytes : undefined;
      if (
        types.length === 0 ||
        types.length > 20 ||
        !types.every((t) => typeof t === 'string' && MIME.test(t)) ||
        typeof maxBytes !== 'number' ||
        !Number.isInteger(maxBytes) ||
        maxBytes < 1 ||
        maxBytes > LIMITS.fileBytes
      ) {
        this.fail(`${path}.file`, definitionMessages.badFile, { max: LIMITS.fileBytes });
      } else question.file = { contentTypes: types as string[], maxBytes };
    }
    if (offers(kind, 'items')) {
      if (inRepeatable) this.fail(`${path}.kind`, definitionMessages.nestedRepeatable);
      const children = Array.isArray(value.children) ? value.children : [];
      if (children.length === 0) this.fail(`${path}.children`, definitionMessages.noChildren);
      if (children.length > 30) this.fail(`${path}.children`, definitionMessages.tooMany, { max: 30 });
      question.children = children
        .slice(0, 30)
        .flatMap((child, i) => this.question(child, `${path}.children[${i}]`, id, true) ?? []);
      const minItems = this.integer(value.minItems, `${path}.minItems`, 0, LIMITS.items);
      const maxItems = this.integer(value.maxItems, `${path}.maxItems`, 1, LIMITS.items);
      if (minItems !== undefined) question.minItems = minItems;
      if (maxItems !== undefined) question.maxItems = maxItems;
      if (minItems !== undefined && maxItems !== undefined && minItems > maxItems)
        this.fail(`${path}.minItems`, definitionMessages.minAboveMax);
    }
    return question;
  }

  options(value: unknown, path: string): { value: string; label: Bilingual }[] {
    const list = Array.isArray(value) ? value : [];
    if (list.length < 2) {
      this.fail(path, definitionMessages.noOptions);
      return [];
    }
    if (list.length > LIMITS.options) this.fail(path, definitionMessages.tooMany, { max: LIMITS.options });
    const seen = new Set<string>();
    return list.slice(0, LIMITS.options).map((option, i) => {
      const optionValue = isObj(option) && typeof option.value === 'string' ? option.value : '';
      if (!OPTION_VALUE.test(optionValue)) this.fail(`${path}[${i}].value`, definitionMessages.badOptionValue);
      else if (seen.has(optionValue))
        this.fail(`${path}[${i}].value`, definitionMessages.duplicateOption, { value: optionValue });
      seen.add(optionValue);
      return {
        value: optionValue,
        label: this.bilingual(isObj(option) ? option.label : undefined, `${path}[${i}].label`, LIMITS.labelLength)!,
      };
    });
  }

  section(value: unknown, path: string, sectionIds: Set<string>): Section | null {
    if (!isObj(value)) {
      this.fail(path, definitionMessages.notObject);
      return null;
    }
    const id = typeof value.id === 'string' && ID.test(value.id) ? value.id : '';
    if (!id) this.fail(`${path}.id`, definitionMessages.badId);
    else if (sectionIds.has(id)) this.fail(`${path}.id`, definitionMessages.duplicateId, { id });
    sectionIds.add(id);
    const section: Section = {
      id,
      title: this.bilingual(value.title, `${path}.title`, LIMITS.labelLength)!,
      questions: [],
    };
    const description = this.bilingual(value.description, `${path}.description`, LIMITS.helpLength, true);
    if (description) section.description = description;
    const questions = Array.isArray(value.questions) ? value.questions : [];
    section.questions = questions.flatMap((q, i) => this.question(q, `${path}.questions[${i}]`, '', false) ?? []);
    return section;
  }
}

/** Checks a definition; `definition` is the clean copy, meaningful only when there is no problem. */
export function checkDefinition(input: unknown): { definition: FormDefinition; problems: DefinitionProblem[] } {
  const checker = new Checker();
  if (!isObj(input) || !Array.isArray(input.sections)) {
    checker.fail('sections', definitionMessages.notObject);
    return { definition: { sections: [] }, problems: checker.problems };
  }
  if (input.sections.length === 0) checker.fail('sections', definitionMessages.noSections);
  if (input.sections.length > LIMITS.sections)
    checker.fail('sections', definitionMessages.tooMany, { max: LIMITS.sections });
  const count = input.sections.reduce<number>(
    (n, s) => n + (isObj(s) && Array.isArray(s.questions) ? s.questions.length : 0),
    0,
  );
  if (count > LIMITS.questions) checker.fail('sections', definitionMessages.tooMany, { max: LIMITS.questions });
  const sectionIds = new Set<string>();
  const sections = input.sections
    .slice(0, LIMITS.sections)
    .flatMap((s, i) => checker.section(s, `sections[${i}]`, sectionIds) ?? []);
  return { definition: { sections }, problems: checker.problems };
}

/** Parses the JSON typed in the fallback editor, then checks it. */
export function parseDefinitionJson(text: string): { definition: FormDefinition; problems: DefinitionProblem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      definition: { sections: [] },
      problems: [
        {
          path: 'json',
          message: definitionMessages.notJson,
          params: { detail: (error as Error).message.slice(0, 200) },
        },
      ],
    };
  }
  // JSON escapes get past the core input rule (the typed text is plain ASCII): \u0000 or a lone
  // \ud800 would reach jsonb, which refuses them (a 500). Same rule, same message, on the field.
  if (badCharacterPath(parsed))
    return { definition: { sections: [] }, problems: [{ path: 'json', message: formMessages.badCharacters }] };
  return checkDefinition(parsed);
}
