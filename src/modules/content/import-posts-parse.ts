import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';

/**
 * Pure reading of one Jekyll post (YAML front matter + Markdown body) into what a news item needs.
 * No database and no file system here, so every odd shape a real post may take is unit-tested.
 */

export interface PressContact {
  name: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
}

export interface PostAttachment {
  label: string;
  url: string;
}

export interface ParsedPost {
  /** `jekyll:<file name>`: identifies the post across imports. */
  source: string;
  /** SHA-256 of the whole file: an unchanged file is not written again. */
  sourceHash: string;
  slug: string;
  title: string;
  publishedAt: Date;
  categories: string[];
  tags: string[];
  chapeau: string | null;
  /** Markdown, rendered (and sanitised) when shown. */
  body: string;
  imageUrl: string | null;
  imageAlt: string | null;
  attachments: PostAttachment[];
  pressContact: PressContact | null;
}

export type ParseResult = { ok: true; post: ParsedPost } | { ok: false; reason: string };

const FILE_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-/;

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function parsePost(fileName: string, text: string): ParseResult {
  const sourceHash = sha256(text);
  const split = splitFrontMatter(text);
  if (!split.ok) return split;
  const doc = parseDocument(split.frontMatter, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    // Line in the file: the front matter starts on the line after the opening `---`.
    const line = split.frontMatter.slice(0, error.pos[0]).split('\n').length + split.firstLine - 1;
    const where = ` at line ${line}`;
    return { ok: false, reason: `invalid YAML front matter${where}: ${firstLine(error.message)}` };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { ok: false, reason: 'empty front matter (no title)' };
  if (typeof data !== 'object' || Array.isArray(data))
    return { ok: false, reason: 'front matter is not a list of fields (key: value)' };
  const fields = data as Record<string, unknown>;

  const title = text1(fields.title);
  if (!title) return { ok: false, reason: 'missing title' };

  const slug = slugOf(fileName);
  if (!slug) return { ok: false, reason: 'no slug can be made from the file name' };

  const publishedAt = publishedAtOf(fields.date, fileName);
  if (!publishedAt.ok) return publishedAt;

  const image = imageOf(fields['une-ou-diaporama']);
  return {
    ok: true,
    post: {
      source: `jekyll:${fileName}`,
      sourceHash,
      slug,
      title,
      publishedAt: publishedAt.date,
      categories: wordList(fields.categories ?? fields.category),
      tags: wordList(fields.tags ?? fields.tag),
      chapeau: text1(fields['chapeau-text'] ?? fields.chapeau),
      body: split.body.replace(/^\s*\n/, '').trimEnd(),
      imageUrl: image.url,
      imageAlt: image.alt,
      attachments: attachmentsOf(fields.files),
      pressContact: pressContactOf(fields['contact-presse']),
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Front matter between a first line `---` and the next line `---` (or `...`). */
function splitFrontMatter(
  text: string,
): { ok: true; frontMatter: string; body: string; firstLine: number } | { ok: false; reason: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { ok: false, reason: 'no front matter (the file must start with a line ---)' };
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end < 0) return { ok: false, reason: 'front matter is not closed (no second line ---)' };
  return { ok: true, frontMatter: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), firstLine: 2 };
}

/** The file name without its date prefix and extension, as a URL-safe slug. */
export function slugOf(fileName: string): string {
  const base = fileName.replace(/\.(md|markdown)$/i, '').replace(FILE_DATE_PREFIX, '');
  return (
    base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      // Same length limit as slugs typed in the CMS.
      .slice(0, 100)
      .replace(/-+$/, '')
  );
}

/** A single line of text, or null when absent/blank. Numbers are accepted (a title "2023"). */
function text1(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** Jekyll accepts a YAML list or a space-separated string for categories and tags. */
export function wordList(value: unknown): string[] {
  let items: string[] = [];
  if (Array.isArray(value)) items = value.map((v) => text1(v)).filter((v): v is string => v !== null);
  else if (typeof value === 'string') items = value.split(/\s+/);
  else if (typeof value === 'number') items = [String(value)];
  return [...new Set(items.map((s) => s.trim()).filter((s) => s !== ''))];
}

type DateResult = { ok: true; date: Date } | { ok: false; reason: string };

function publishedAtOf(value: unknown, fileName: string): DateResult {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: 'unreadable date' } : { ok: true, date: value };
  }
  if (value !== undefined && value !== null && value !== '') {
    const date = parsePostDate(String(value));
    if (!date)
      return { ok: false, reason: `unreadable date "${String(value)}" (expected e.g. 2023-04-14 14:38:00 +02:00)` };
    return { ok: true, date };
  }
  const prefix = FILE_DATE_PREFIX.exec(fileName);
  const fromName = prefix ? parsePostDate(`${prefix[1]}-${prefix[2]}-${prefix[3]}`) : null;
  if (!fromName) return { ok: false, reason: 'no date (neither a date field nor a YYYY-MM-DD- file name prefix)' };
  return { ok: true, date: fromName };
}

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * The date forms Jekyll posts use: `2023-04-14 14:38:00 +02:00`, `… +0200`, `2023-04-14T14:38:00+02:00`,
 * `…Z`, or without an offset (then Europe/Paris time), or a date only (midnight Europe/Paris).
 */
export function parsePostDate(text: string): Date | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s),
  };
  if (!validCalendarParts(parts)) return null;
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const wallClockAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, ms);
  if (offset === undefined) return new Date(parisWallClockToUtc(wallClockAsUtc));
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) return null;
  return new Date(wallClockAsUtc - offsetMinutes * 60_000);
}

function validCalendarParts(p: {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const daysInMonth = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return p.day <= daysInMonth;
}

function parseOffset(offset: string): number | null {
  if (/^(z|utc|gmt)$/i.test(offset)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Offset of Europe/Paris from UTC at an instant, in milliseconds. */
function parisOffsetAt(instant: number): number {
  const p = Object.fromEntries(parisParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which Paris clocks show the given wall-clock time (encoded as if it were UTC). */
function parisWallClockToUtc(wallClockAsUtc: number): number {
  let guess = wallClockAsUtc - parisOffsetAt(wallClockAsUtc);
  // A second pass settles times near a daylight-saving change.
  guess = wallClockAsUtc - parisOffsetAt(guess);
  return guess;
}

/** `une-ou-diaporama`: a list of slides `{image, alt | alternative-textuelle | legend}`; the first image wins. */
function imageOf(value: unknown): { url: string | null; alt: string | null } {
  const slides = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  for (const slide of slides) {
    const url =
      typeof slide === 'string' ? text1(slide) : isRecord(slide) ? text1(slide.image ?? slide.src ?? slide.url) : null;
    if (!url || !isSafeImageUrl(url)) continue;
    const alt = isRecord(slide)
      ? text1(slide.alt ?? slide['alternative-textuelle'] ?? slide.legend ?? slide.legende ?? slide.légende)
      : null;
    return { url, alt };
  }
  return { url: null, alt: null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Images are shown as is: https or a path on the site, nothing else. */
export function isSafeImageUrl(url: string): boolean {
  return /^https:\/\/[^\s]+$/i.test(url) || /^\/(?!\/)[^\s]*$/.test(url);
}

/** Links are kept as given, but only web, mail or site-relative ones (no javascript:, data:…). */
export function isSafeLinkUrl(url: string): boolean {
  if (/^(https?:\/\/|mailto:)/i.test(url)) return true;
  if (url.startsWith('//')) return false;
  // No scheme at all: a path on the site (`/uploads/x.pdf`, `uploads/x.pdf`).
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/[\u0000-\u001f]/.test(url);
}

/** `files`: strings, or objects `{file | url | path, title | label | nom}`. */
function attachmentsOf(value: unknown): PostAttachment[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const attachments: PostAttachment[] = [];
  for (const item of items) {
    const url =
      typeof item === 'string'
        ? text1(item)
        : isRecord(item)
          ? text1(item.file ?? item.url ?? item.path ?? item.href ?? item.lien)
          : null;
    if (!url || !isSafeLinkUrl(url)) continue;
    const label = isRecord(item) ? text1(item.title ?? item.label ?? item.nom ?? item.name ?? item.titre) : null;
    attachments.push({ url, label: label ?? fileNameOf(url) });
  }
  return attachments;
}

function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0]!.split('/').filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * `contact-presse` as the real posts write it: `{name, tel: [..], email}`; other spellings
 * (nom, organisation/structure, mail/courriel, phone/telephone) and a list of contacts (first one) too.
 */
function pressContactOf(value: unknown): PressContact | null {
  const contact = Array.isArray(value) ? value.find(isRecord) : value;
  if (typeof contact === 'string') {
    const name = text1(contact);
    return name ? { name, organisation: null, email: null, phone: null } : null;
  }
  if (!isRecord(contact)) return null;
  const pick = (...keys: string[]): unknown => keys.map((k) => contact[k]).find((v) => v !== undefined && v !== null);
  const joined = (v: unknown): string | null =>
    Array.isArray(v)
      ? text1(
          v
            .map((x) => text1(x))
            .filter(Boolean)
            .join(', '),
        )
      : text1(v);
  const result: PressContact = {
    name: joined(pick('name', 'nom')),
    organisation: joined(pick('organisation', 'organization', 'structure', 'org', 'entreprise')),
    email: joined(pick('email', 'mail', 'courriel', 'e-mail')),
    phone: joined(pick('phone', 'tel', 'telephone', 'téléphone', 'tél')),
  };
  return Object.values(result).some((v) => v !== null) ? result : null;
}
