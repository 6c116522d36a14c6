import type { Module } from '../../core/module.js';

export const accountsModule: Module = {
  name: 'accounts',
};
