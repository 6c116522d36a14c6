import { CRITERIA_COLUMNS, QUOTA_COLUMNS, rowField } from './panel-form.js';
import type { QuotaRecord } from './queries.js';

/**
 * Test helpers: rows written compactly, turned into the fields the staff's table editors post
 * (`quotas.0.category`, `criteria.1.label`…).
 */

const lines = (rows: string | string[]) =>
  (Array.isArray(rows) ? rows : rows.split('\n')).map((line) => line.trim()).filter(Boolean);

const capitalised = (code: string) => code.charAt(0).toUpperCase() + code.slice(1);

/**
 * Quota rows `category;value;label;English label;min;max` (the question is then the capitalised
 * category, the same in English), or `category;question;English question;value;label;English label;min;max`.
 */
export function quotaFields(rows: string | string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  lines(rows).forEach((line, index) => {
    const parts = line.split(';');
    const cells =
      parts.length === 6 ? [parts[0], capitalised(parts[0]), capitalised(parts[0]), ...parts.slice(1)] : parts;
    QUOTA_COLUMNS.forEach((column, i) => {
      fields[rowField('quotas', index, column)] = cells[i] ?? '';
    });
  });
  return fields;
}

/** Criteria rows `code;label;English label`. */
export function criteriaFields(rows: string | string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  lines(rows).forEach((line, index) => {
    const parts = line.split(';');
    CRITERIA_COLUMNS.forEach((column, i) => {
      fields[rowField('criteria', index, column)] = parts[i] ?? '';
    });
  });
  return fields;
}

/** The two values of the tests' gender category ("Vous êtes": Femme, Homme), each between `min` and `max`. */
export function genderQuotas(min: number, max: number): QuotaRecord[] {
  const question = { category: 'genre', categoryLabel: 'Vous êtes', categoryLabelEn: 'You are', min, max };
  return [
    { ...question, feature: 'femme', label: 'Femme', labelEn: 'Woman' },
    { ...question, feature: 'homme', label: 'Homme', labelEn: 'Man' },
  ];
}
