import type { Module } from '../../core/module.js';
import { registerFormBuilderRoutes } from './forms-routes.js';
import './mails.js';
import { applicationRoutes } from './routes.js';

export const applicationsModule: Module = {
  name: 'applications',
  routes: async (app, services) => {
    registerFormBuilderRoutes(app, services);
    await applicationRoutes(app, services);
  },
};
