import type { Message } from '../../core/i18n/i18n.js';

/** A refusal a use case answers with: the field it concerns (or '' for the page) and its message. */
export interface Problem {
  ok: false;
  field: string;
  message: Message;
  params?: Record<string, string | number>;
  /** 404: the object is gone; 409: its state or version forbids it; 400: the input. */
  status: 400 | 404 | 409;
}

export function problem(
  status: Problem['status'],
  field: string,
  message: Message,
  params?: Record<string, string | number>,
): Problem {
  return { ok: false, field, message, status, ...(params ? { params } : {}) };
}

export type Result<T = object> = ({ ok: true } & T) | Problem;
