import { t } from '../../../core/i18n/i18n.js';
import { addTransparencySection, type TransparencySection } from '../../decisions/index.js';
import { formatEuros } from '../../seasons/index.js';
import { envelopeFigures, HOLDING_STATUSES, sumFigures } from '../figures.js';
import { openDataMessages as m } from './messages.js';

/**
 * The season's grants on its public transparency page: committed, signed (conventions signed), paid, the number
 * of grants, and the link to the open data. Registered on import: grants/index.ts imports this file.
 */
export const grantsTransparencySection: TransparencySection = {
  order: 40,
  name: 'grants',
  async render(services, season, locale) {
    const figures = await envelopeFigures(services.db, { seasonId: season.id });
    const count = await services.db
      .selectFrom('grants')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('season_id', '=', season.id)
      .where('status', 'in', HOLDING_STATUSES)
      .executeTakeFirstOrThrow();
    const n = Number(count.n);
    if (figures.length === 0 && n === 0) return null;
    const totals = sumFigures(figures);
    return (
      <section class="fr-mb-6w" aria-labelledby="transparence-subventions">
        <h2 id="transparence-subventions" safe>
          {t(locale, m.transparencyTitle)}
        </h2>
        <ul>
          <li safe>{t(locale, m.transparencyCommitted, { amount: formatEuros(locale, totals.committedCents) })}</li>
          <li safe>{t(locale, m.transparencySigned, { amount: formatEuros(locale, totals.signedCents) })}</li>
          <li safe>{t(locale, m.transparencyPaid, { amount: formatEuros(locale, totals.paidCents) })}</li>
          <li safe>{t(locale, m.transparencyCount, { n })}</li>
        </ul>
        <p>
          <a class="fr-link fr-icon-download-line fr-link--icon-left" href="/donnees/subventions.csv" safe>
            {t(locale, m.transparencyData)}
          </a>
        </p>
      </section>
    ) as string;
  },
};

addTransparencySection(grantsTransparencySection);
