import { type Locale, t, tCount } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { DataTable } from '../../../core/ui/components.js';
import type { TransparencySeason } from '../../decisions/index.js';
import { aggregateFigures, introductionFacts } from './figures.js';
import { introductionCounts, introductionMessages as m } from './messages.js';
import { leverLabel } from './views/common.js';

/**
 * The introductions' part of a season's public transparency page: counts per lever, and how many distinct
 * administrations, without naming any. Administrations are public bodies and their names are not personal
 * data, but per season there are a handful of laureates: "laureate X was introduced to administration Y"
 * could be read from a name and a count of one, and a request for data access or an experiment under
 * discussion is the laureate's to announce, not ours. Counts per lever say what the programme does; the
 * staff's figures page and its CSV (for the impact report) name the administrations.
 */
export async function renderIntroductionsSection(
  services: Services,
  season: TransparencySeason,
  locale: Locale,
): Promise<string | null> {
  const facts = await introductionFacts(services.db, { seasonId: season.id });
  if (facts.length === 0) return null;
  const figures = aggregateFigures(facts);
  const organisations = new Set(facts.map((f) => f.organisation.toLocaleLowerCase('fr'))).size;
  return (
    <section class="fr-mt-6w" aria-labelledby="transparency-introductions">
      <h2 id="transparency-introductions" safe>
        {t(locale, m.transparencyTitle)}
      </h2>
      <p safe>
        {t(locale, m.transparencyIntro, {
          made: tCount(locale, introductionCounts.made, figures.total.made, {
            organisations: tCount(locale, introductionCounts.administrations, organisations),
          }),
          outcome:
            figures.total.positive > 0
              ? tCount(locale, introductionCounts.positive, figures.total.positive)
              : t(locale, m.noPositive),
        })}
      </p>
      <DataTable
        caption={t(locale, m.transparencyCaption)}
        columns={[t(locale, m.colLever), t(locale, m.colMade), t(locale, m.colPositive)]}
      >
        {figures.byLever.map((row) => (
          <tr>
            <th scope="row" safe>
              {leverLabel(locale, row.key)}
            </th>
            <td safe>{String(row.made)}</td>
            <td safe>{String(row.positive)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  ) as Promise<string> | string;
}
