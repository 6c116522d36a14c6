import parseSpdx, { type SpdxNode } from 'spdx-expression-parse';
import spdxLicenses from 'spdx-license-list';

/**
 * Licences as SPDX identifiers or expressions (`AGPL-3.0-or-later`, `MIT OR Apache-2.0`,
 * `GPL-2.0-only WITH Classpath-exception-2.0`), checked with spdx-expression-parse against the SPDX licence
 * list it carries (spdx-license-ids), named with spdx-license-list. Identifiers are matched without regard to
 * case, as the SPDX specification says, and written back in their canonical spelling; a custom reference
 * (`LicenseRef-…`) is refused: the catalogue only shows licences a reader can look up.
 */

/** Longer than any real expression; the parser's scanning is quadratic, so the length is bounded first. */
export const MAX_LICENCE_LENGTH = 200;

const CANONICAL = new Map(Object.keys(spdxLicenses).map((id) => [id.toLowerCase(), id]));
const OPERATORS = new Set(['and', 'or', 'with']);

/** The typed expression with its identifiers and operators in canonical spelling, spaces collapsed. */
function canonicalSpelling(typed: string): string {
  return typed
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[A-Za-z0-9.-]+/g, (token) => {
      const lower = token.toLowerCase();
      if (OPERATORS.has(lower)) return lower.toUpperCase();
      return CANONICAL.get(lower) ?? token;
    });
}

function licencesOf(node: SpdxNode): { license: string; exception?: string }[] {
  return 'license' in node ? [node] : [...licencesOf(node.left), ...licencesOf(node.right)];
}

export type LicenceReading = { ok: true; expression: string; ids: string[] } | { ok: false };

/** Reads a licence as typed: its canonical expression and the licence identifiers in it, or not SPDX. */
export function readLicence(typed: string): LicenceReading {
  if (typed.length === 0 || typed.length > MAX_LICENCE_LENGTH) return { ok: false };
  const expression = canonicalSpelling(typed);
  let tree: SpdxNode;
  try {
    tree = parseSpdx(expression);
  } catch {
    return { ok: false };
  }
  const licences = licencesOf(tree);
  // LicenseRef-… and DocumentRef-… are valid SPDX but name no licence of the list.
  if (licences.some((l) => !Object.hasOwn(spdxLicenses, l.license))) return { ok: false };
  return { ok: true, expression, ids: [...new Set(licences.map((l) => l.license))] };
}

/** The SPDX list's entry of an identifier: its full name and where to read it. */
export function licenceInfo(id: string): { id: string; name: string; url: string } | undefined {
  const entry = Object.hasOwn(spdxLicenses, id) ? spdxLicenses[id] : undefined;
  return entry ? { id, name: entry.name, url: `https://spdx.org/licenses/${id}.html` } : undefined;
}

/** The licences named in a stored expression (empty when it is not one). */
export function licencesIn(expression: string | null): { id: string; name: string; url: string }[] {
  if (!expression) return [];
  const reading = readLicence(expression);
  if (!reading.ok) return [];
  return reading.ids.flatMap((id) => licenceInfo(id) ?? []);
}
