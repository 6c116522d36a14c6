import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

describe('readConfig: where uploaded files go', () => {
  it('keeps them in DATA_DIR/files on the embedded database', () => {
    expect(readConfig({ DATA_DIR: '/srv/acc' }).filesDir).toBe(join('/srv/acc', 'files'));
    expect(readConfig({}).filesDir).toBe(resolve('data', 'files'));
  });

  it('keeps them in the database on a PostgreSQL server, where only the operator knows a shared folder', () => {
    expect(readConfig({ DATA_DIR: '/srv/acc', DATABASE_URL: 'postgres://db/acc' }).filesDir).toBeUndefined();
  });

  it('uses FILES_DIR when it is set, on either engine', () => {
    expect(readConfig({ FILES_DIR: ' /mnt/files ' }).filesDir).toBe('/mnt/files');
    expect(readConfig({ FILES_DIR: '/mnt/files', DATABASE_URL: 'postgres://db/acc' }).filesDir).toBe('/mnt/files');
    expect(readConfig({ FILES_DIR: '  ', DATA_DIR: '/srv/acc' }).filesDir).toBe(join('/srv/acc', 'files'));
  });
});
