import type { Module } from '../../core/module.js';

export const applicationsModule: Module = {
  name: 'applications',
};
