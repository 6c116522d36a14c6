import type { Module } from '../../core/module.js';
import { importPostsCommand } from './import-posts-command.js';

export const contentModule: Module = {
  name: 'content',
  commands: { 'import-posts': importPostsCommand },
};
