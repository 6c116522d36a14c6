/**
 * Editors of rows that work without JavaScript post one flat field per cell (`quotas.3.min`,
 * `s0.q2.label_fr`): @fastify/formbody keeps such names as they are. These helpers find the rows.
 */

/** The indexes used in field names matching `pattern` (first group: the index), in order. */
export function rowIndexes(body: unknown, pattern: RegExp, max: number): number[] {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const found = new Set<number>();
  for (const key of Object.keys(fields)) {
    const match = pattern.exec(key);
    if (match) found.add(Number(match[1]));
    if (found.size >= max) break;
  }
  return [...found].sort((a, b) => a - b);
}
