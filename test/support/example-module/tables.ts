import type { Generated } from 'kysely';

export interface ExampleTables {
  example_notes: { id: Generated<string>; body: string };
}

// Adds the table to the database type, from this folder only, as a real module does in its tables.ts.
declare module '../../../src/core/db/schema.js' {
  interface DB extends ExampleTables {}
}
