/**
 * An audit event's summary as a person reads it. Use cases write their summaries in a few shapes:
 * `{ before: {…}, after: {…} }` (the fields of an object before and after), `{ before: 'open', after: 'closed' }`
 * (one value), `{ changes: { field: { before, after } } }`, or plain details (`{ method: 'magic-link' }`).
 * Pure: it reads the stored summary and changes nothing in the log.
 */
export interface ChangedField {
  field: string;
  before: string;
  after: string;
}

export interface ReadableSummary {
  /** Fields whose value changed, before → after (empty when the event records no before and after). */
  changes: ChangedField[];
  /** The other details of the event (field → value). */
  details: { field: string; value: string }[];
}

/** The value as text: empty for nothing, lists joined, objects as compact JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    return value.map((v) => valueText(v)).join(', ');
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isChange(value: unknown): value is { before: unknown; after: unknown } {
  return isRecord(value) && 'before' in value && 'after' in value && Object.keys(value).length === 2;
}

/** The fields of `before` and `after` whose values differ (every field when none differs). */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): ChangedField[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const all = fields.map((field) => ({ field, before: valueText(before[field]), after: valueText(after[field]) }));
  const changed = all.filter((c) => c.before !== c.after);
  return changed.length > 0 ? changed : all;
}

export function readableSummary(summary: unknown): ReadableSummary {
  if (!isRecord(summary))
    return { changes: [], details: summary == null ? [] : [{ field: '', value: valueText(summary) }] };
  const { before, after, changes, ...rest } = summary;
  const result: ReadableSummary = { changes: [], details: [] };
  if ('before' in summary && 'after' in summary) {
    if (isRecord(before) || isRecord(after))
      result.changes.push(...diff(isRecord(before) ? before : {}, isRecord(after) ? after : {}));
    else result.changes.push({ field: '', before: valueText(before), after: valueText(after) });
  } else {
    if ('before' in summary) rest.before = before;
    if ('after' in summary) rest.after = after;
  }
  if (isRecord(changes) && Object.values(changes).every(isChange)) {
    for (const [field, change] of Object.entries(changes as Record<string, { before: unknown; after: unknown }>))
      result.changes.push({ field, before: valueText(change.before), after: valueText(change.after) });
  } else if ('changes' in summary) rest.changes = changes;
  // A detail that is itself a before/after pair (`{ status: { before, after } }`) is a change too.
  for (const [field, value] of Object.entries(rest)) {
    if (isChange(value)) result.changes.push({ field, before: valueText(value.before), after: valueText(value.after) });
    else result.details.push({ field, value: valueText(value) });
  }
  return result;
}
