import type { Module } from '../../core/module.js';
import { sortitionCommands } from './sortition-commands.js';

/** The citizen panel. For now: the sortition commands (analyse, draw, verify) over CSV files. */
export const panelModule: Module = {
  name: 'panel',
  commands: sortitionCommands,
};
