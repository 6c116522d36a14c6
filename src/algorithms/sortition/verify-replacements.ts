import { type Instance, panelProblems } from './instance.js';
import { drawReplacements, NoReplacementError } from './replacement.js';

/** One published replacement draw (`replacement-N.json`), members by pool id. */
export interface ReplacementRecord {
  random: string;
  declined: string[];
  replacements: string[];
  panel: string[];
}

export function parseReplacementJson(text: string): ReplacementRecord {
  const data = JSON.parse(text) as Partial<Record<keyof ReplacementRecord, unknown>>;
  const ids = (value: unknown) => Array.isArray(value) && value.every((id) => typeof id === 'string');
  if (typeof data.random !== 'string' || !ids(data.declined) || !ids(data.replacements) || !ids(data.panel)) {
    throw new Error(
      'not a replacement record (random, declined, replacements, panel) / pas un remplacement (random, declined, replacements, panel)',
    );
  }
  return data as ReplacementRecord;
}

/** The state after a chain of replacements: the current panel and everyone who declined so far. */
export interface ReplacementChain {
  panel: string[];
  declined: string[];
  problems: string[];
}

/**
 * Replays the published replacement draws in order from the main draw's members: each one's declined people
 * must be on the panel of the moment, its replacements and new panel must be exactly what the public
 * procedure gives for its random value (`drawReplacements`: quotas kept, profiles closest to those who
 * declined, inside a profile the order SHA-256(random value, id), nobody who declined before), and the new
 * panel must meet every quota. Any altered replacement file makes a problem.
 */
export async function replayReplacements(
  instance: Instance,
  drawMembers: string[],
  records: { name: string; text: string }[],
): Promise<ReplacementChain> {
  const rowOf = new Map(instance.people.map((p, r) => [p.id, r]));
  const rows = (ids: string[]) => ids.map((id) => rowOf.get(id) ?? -1);
  const idsOf = (list: number[]) => list.map((r) => instance.people[r].id);
  let panel = drawMembers;
  const declinedSoFar: string[] = [];
  const problems: string[] = [];
  for (const { name, text } of records) {
    let record: ReplacementRecord;
    try {
      record = parseReplacementJson(text);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      break;
    }
    const outsiders = record.declined.filter((id) => !panel.includes(id));
    if (outsiders.length > 0 || record.declined.length === 0) {
      problems.push(
        `${name}: declined people not on the panel / personnes hors du panel : ${outsiders.join(', ') || '(none)'}`,
      );
      break;
    }
    try {
      const expected = await drawReplacements(
        instance,
        rows(panel),
        rows(record.declined),
        record.random,
        rows(declinedSoFar),
      );
      if (JSON.stringify(idsOf(expected.replacements)) !== JSON.stringify(record.replacements)) {
        problems.push(
          `${name}: the random value gives replacements ${idsOf(expected.replacements).join(', ')} / la valeur aléatoire donne d’autres remplaçants`,
        );
      }
      if (JSON.stringify(idsOf(expected.panel)) !== JSON.stringify(record.panel)) {
        problems.push(
          `${name}: the new panel differs from the replacement procedure / le nouveau panel diffère de la procédure`,
        );
      }
    } catch (error) {
      if (!(error instanceof NoReplacementError)) throw error;
      problems.push(`${name}: no replacement keeps the quotas / aucun remplacement ne tient les quotas`);
    }
    const panelRows = rows(record.panel);
    if (panelRows.includes(-1)) problems.push(`${name}: unknown id in the panel / identifiant inconnu dans le panel`);
    else for (const problem of panelProblems(instance, panelRows)) problems.push(`${name}: ${problem}`);
    panel = record.panel;
    declinedSoFar.push(...record.declined);
  }
  return { panel, declined: declinedSoFar, problems };
}
