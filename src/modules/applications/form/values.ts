import { type FieldError, formMessages } from '../../../core/http/forms.js';
import type { Question } from './model.js';

/*
 * Reading raw values from the network or a jsonb column: shared by the field kinds (kinds.ts) and the form
 * reader (validate.ts). Nothing here trusts the shape of what it reads, and nothing throws.
 */

export function own(object: unknown, key: string): unknown {
  if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/** Sets a key as an own property, so even an id like `__proto__` cannot touch the prototype. */
export function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Multipart fields arrive as { value }; repeated fields as arrays. */
function unwrap(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) return (raw as { value: unknown }).value;
  return raw;
}

export function rawList(raw: unknown): unknown[] {
  if (raw === undefined || raw === null) return [];
  return Array.isArray(raw) ? raw.map(unwrap) : [unwrap(raw)];
}

export function readText(raw: unknown, path: string, max: number, errors: Record<string, FieldError>): string {
  const list = rawList(raw);
  const first = list[0];
  if (first === undefined || first === null) return '';
  if (typeof first !== 'string') {
    put(errors, path, { message: formMessages.notText });
    return '';
  }
  const value = first.trim();
  if (value.length > max) put(errors, path, { message: formMessages.tooLong, params: { max } });
  return value;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const parsed = DATE.exec(value);
  if (!parsed) return false;
  const date = new Date(Date.UTC(+parsed[1], +parsed[2] - 1, +parsed[3]));
  return (
    date.getUTCFullYear() === +parsed[1] && date.getUTCMonth() === +parsed[2] - 1 && date.getUTCDate() === +parsed[3]
  );
}

export function optionValues(question: Question): string[] {
  return Array.isArray(question.options)
    ? question.options.map((o) => o?.value).filter((v): v is string => typeof v === 'string')
    : [];
}
