import { tCount } from '../../core/i18n/i18n.js';
import type { Command } from '../../core/module.js';
import { formatParisMoment } from './format.js';
import { listSeasonsForStaff } from './list-public-seasons.js';
import { seasonCounts } from './messages.js';

/** `npx accelerateur seasons list`: the seasons, drafts included, with their status at this moment. */
export const listSeasonsCommand: Command = {
  description: 'Liste les saisons et leur statut / List seasons and their status',
  run: async (_args, services) => {
    const seasons = await listSeasonsForStaff(services);
    if (seasons.length === 0) console.log('no season yet');
    for (const s of seasons) {
      console.log(
        [
          String(s.number).padStart(3),
          s.slug.padEnd(20),
          s.status.padEnd(9),
          `${formatParisMoment('en', s.opensAt)} → ${formatParisMoment('en', s.closesAt)}`,
          tCount('en', seasonCounts.laureates, s.laureateCount),
        ].join('  '),
      );
    }
    return 0;
  },
};
