import type { Services } from '../../core/services.js';
import type { AnyDataset, Item } from './datasets/dataset.js';

/** Where a dataset's downloads are: its CSV (its own, or another module's in a national schema) and JSON. */
export function csvHref(dataset: AnyDataset): string {
  return dataset.csv?.href ?? `/donnees/${dataset.file}.csv`;
}

export function jsonHref(dataset: AnyDataset): string {
  return `/donnees/${dataset.file}.json`;
}

/** A dataset's records now, with its last change (null when it has no record). */
export interface DatasetState {
  dataset: AnyDataset;
  records: Item[];
  modified: Date | null;
}

export async function datasetState(services: Services, dataset: AnyDataset): Promise<DatasetState> {
  const records = await dataset.load(services);
  let modified: Date | null = null;
  if (dataset.updatedAt) {
    const latest = Math.max(...records.map((r) => new Date(dataset.updatedAt!(r)).getTime()));
    modified = Number.isFinite(latest) ? new Date(latest) : null;
  } else if (dataset.modified) modified = records.length ? await dataset.modified(services, records) : null;
  return { dataset, records, modified };
}
