import type { Locale } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';

/** The season a transparency section is drawn for. */
export interface TransparencySeason {
  id: string;
  slug: string;
}

/**
 * A part of a season's public transparency page that another module draws from its own data (the support
 * given, the grants paid). Modules that depend on decisions add theirs from their index.ts, so decisions
 * never imports them (the arrow stays one way). `render` returns its JSX (escaped as every view is) or null when the
 * module has nothing to show for the season.
 */
export interface TransparencySection {
  /** Sorted by this across modules (tens: 10, 20…). */
  order: number;
  name: string;
  render(services: Services, season: TransparencySeason, locale: Locale): Promise<JSX.Element | null>;
}

const sections = new Map<string, TransparencySection>();

/** Adds (or replaces, by name: modules are imported more than once in tests) a section of the transparency page. */
export function addTransparencySection(section: TransparencySection): void {
  sections.set(section.name, section);
}

/** Every section's HTML for a season, in order, leaving out the empty ones. */
export async function renderTransparencySections(
  services: Services,
  season: TransparencySeason,
  locale: Locale,
): Promise<JSX.Element[]> {
  const ordered = [...sections.values()].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const parts = await Promise.all(ordered.map((s) => s.render(services, season, locale)));
  return parts.filter((part): part is string => typeof part === 'string' && part !== '');
}
