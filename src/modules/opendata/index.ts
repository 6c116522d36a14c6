import type { Module } from '../../core/module.js';

/**
 * Open data (issue 16): the read-only REST API under /api/v1 with its OpenAPI document, the data page
 * /donnees with CSV and JSON downloads, and the DCAT-AP catalogue for data.gouv.fr. It owns no table: it
 * publishes what the other modules' public read models give.
 */
export const opendataModule: Module = {
  name: 'opendata',
};
