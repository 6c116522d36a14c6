import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Starts the longest test files first, so that neither worker is left running one of them alone at the end.
 * Vitest orders by the durations it remembers, and without them (a fresh clone, as in CI's first run) by file size,
 * which puts the long files anywhere. The browser files (a server and Chromium each) and the walks over every
 * route take from tens of seconds to minutes; they go first, in vitest's order among themselves.
 */
const LONG = /\/test\/browser\/|accessibility\.test|journey|\/test\/(security|authorization|input-fuzz)\.test/;

export default class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const long = (file: TestSpecification) => (LONG.test(file.moduleId) ? 0 : 1);
    return sorted.sort((a, b) => long(a) - long(b));
  }
}
