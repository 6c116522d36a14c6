/**
 * A small Atom 1.0 writer (RFC 4287) for the cooperation space's feeds: plain-text titles and summaries,
 * every text XML-escaped, and characters XML 1.0 does not allow (control characters, lone surrogates,
 * U+FFFE/U+FFFF) dropped, so what people typed can never break the document.
 */

export interface AtomEntry {
  /** The record's UUID: the entry's id is `urn:uuid:<uuid>`, stable across edits. */
  uuid: string;
  title: string;
  summary: string;
  /** Absolute URL of the record's page. */
  link: string;
  updated: Date;
  published?: Date;
  /** Who published it (an administration, a commons). */
  author?: string;
  categories?: string[];
}

export interface AtomFeed {
  /** The feed's permanent id (an absolute URL). */
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own address. */
  self: string;
  /** The HTML page it follows. */
  alternate: string;
  /** Used when the feed has no entry (the newest entry's date otherwise). */
  emptyUpdated: Date;
  author: string;
  language: 'fr' | 'en';
  entries: AtomEntry[];
}

// Tab, line feed, carriage return and everything from U+0020 are allowed, except lone surrogates and U+FFFE/U+FFFF.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as XML character data or attribute value: escaped, without characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function entryXml(entry: AtomEntry): string {
  if (!UUID.test(entry.uuid)) throw new Error(`not a UUID: ${entry.uuid}`);
  const lines = [
    '  <entry>',
    `    <id>urn:uuid:${entry.uuid.toLowerCase()}</id>`,
    `    <title type="text">${xmlText(entry.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.link)}"/>`,
    ...(entry.published ? [`    <published>${entry.published.toISOString()}</published>`] : []),
    `    <updated>${entry.updated.toISOString()}</updated>`,
    ...(entry.author ? [`    <author><name>${xmlText(entry.author)}</name></author>`] : []),
    ...(entry.categories ?? []).map((term) => `    <category term="${xmlText(term)}"/>`),
    `    <summary type="text">${xmlText(entry.summary)}</summary>`,
    '  </entry>',
  ];
  return lines.join('\n');
}

/** The feed as an Atom 1.0 document; `updated` is the newest entry's. */
export function atomXml(feed: AtomFeed): string {
  const updated =
    feed.entries.length > 0 ? new Date(Math.max(...feed.entries.map((e) => e.updated.getTime()))) : feed.emptyUpdated;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    '  <generator>Accélérateur</generator>',
    ...feed.entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}
