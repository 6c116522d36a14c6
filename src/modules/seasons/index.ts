import type { Module } from '../../core/module.js';

export const seasonsModule: Module = {
  name: 'seasons',
};
