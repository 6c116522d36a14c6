import type { Module } from '../../core/module.js';

export const contentModule: Module = {
  name: 'content',
};
