import { runVerifier } from '../../algorithms/selection/index.js';
import type { Command } from '../../core/module.js';

/**
 * `npx accelerateur selection verify <zip-or-folder>`: recomputes a published selection (the season's
 * transparency ZIP) from its own files; 0 when everything matches, else the first difference and 1. Works
 * on files alone: the CLI loads only this file and opens no database.
 */
export const selectionCommands: Record<string, Command> = {
  'selection verify': {
    description:
      'Recalcule une sélection publiée (ZIP ou dossier de la page de transparence) / Recompute a published selection (transparency ZIP or folder)',
    standalone: import.meta.url,
    run: (args) => runVerifier(args),
  },
};
