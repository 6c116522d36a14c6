import type { Module } from '../../core/module.js';
import { assignCommand } from './assign-command.js';
import { reviewRoutes } from './routes.js';

/** The expert jury: members, conflicts, phases, the assignment (routes.tsx) and the `assign` command. */
export const reviewModule: Module = {
  name: 'review',
  commands: { assign: assignCommand },
  routes: async (app, services) => {
    await reviewRoutes(app, services);
  },
};
