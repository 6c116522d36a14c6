import { commonsDataset } from './datasets/commons.js';
import type { AnyDataset } from './datasets/dataset.js';
import { eventsDataset } from './datasets/events.js';
import { grantsDataset } from './datasets/grants.js';
import { laureatesDataset } from './datasets/laureates.js';
import { newsDataset } from './datasets/news.js';
import { seasonsDataset } from './datasets/seasons.js';
import { useCasesDataset } from './datasets/use-cases.js';

/**
 * Every dataset of the open data, in the order /donnees, /api and the catalogue list them. A new dataset is
 * one file of datasets/ (defineDataset) added here: its API routes, downloads, entry on /donnees and in the
 * DCAT-AP catalogue, and the personal-data test follow.
 */
export const DATASETS: readonly AnyDataset[] = [
  seasonsDataset,
  laureatesDataset,
  grantsDataset,
  commonsDataset,
  useCasesDataset,
  newsDataset,
  eventsDataset,
];
