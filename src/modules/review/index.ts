import type { Module } from '../../core/module.js';
import { assignCommand } from './assign-command.js';

/** The expert jury. For now only the assignment engine's command; pages, scoring and ranking come later. */
export const reviewModule: Module = {
  name: 'review',
  commands: { assign: assignCommand },
};
