import { type Locale, t } from '../../../core/i18n/i18n.js';
import { instructionMessages as im } from './messages.js';

/** The confirmation shown after a message or a note was recorded (`?ok=message` / `?ok=note`). */
export function instructionNotice(locale: Locale, ok: string | undefined): string | undefined {
  if (ok === 'message') return t(locale, im.messageSent);
  if (ok === 'note') return t(locale, im.noteAdded);
  return undefined;
}
