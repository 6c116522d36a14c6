import type { Module } from '../../core/module.js';
import './mails.js';
import { accountRoutes } from './account-routes.js';
import { proconnectRoutes } from './proconnect-routes.js';
import { signInRoutes } from './sign-in-routes.js';

export const accountsModule: Module = {
  name: 'accounts',
  async routes(app, services) {
    await signInRoutes(app, services);
    await proconnectRoutes(app, services);
    await accountRoutes(app, services);
  },
};
