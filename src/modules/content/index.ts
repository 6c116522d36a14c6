import type { Module } from '../../core/module.js';
import { loadContentDemo } from './demo.js';
import { importPostsCommand } from './import-posts-command.js';
import { contentRoutes } from './routes.js';

export const contentModule: Module = {
  name: 'content',
  routes: contentRoutes,
  commands: { 'import-posts': importPostsCommand },
  loadDemo: loadContentDemo,
};
