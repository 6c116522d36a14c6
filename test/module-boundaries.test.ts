import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A module's index.ts is its only door: this test keeps the modules apart so that a new one can be added, or an old
 * one changed, without reading the others' insides. It reads the source as text (no build) and checks three rules:
 *
 * 1. a file of src/modules/X imports nothing of src/modules/Y but Y/index.ts (type imports too: a type is a shape
 *    another module would then depend on);
 * 2. src/core imports nothing of src/modules (modules add their tables and permissions by declaration merging, and
 *    src/modules/index.ts hands core the list);
 * 3. a file of module X names no table of module Y (Kysely's selectFrom/insertInto/…/joins, 'table.column' strings,
 *    raw SQL): X asks Y for a read model or a query fragment instead.
 *
 * Rules 1 and 3 apply to the tests beside the code as well: a test of X that needs Y's data makes it through Y's
 * public use cases or through test/support/factories (which, being test support outside every module, may write any
 * table). Otherwise a table's shape would still be known, and broken, from outside its owner.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const modulesDir = join(src, 'modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const moduleNames = readdirSync(modulesDir).filter((name) => statSync(join(modulesDir, name)).isDirectory());

/** The module a file belongs to, 'core' for src/core, undefined elsewhere. */
function ownerOf(file: string): string | undefined {
  const rel = relative(src, file).split(/[\\/]/);
  if (rel[0] === 'core') return 'core';
  if (rel[0] === 'modules' && rel.length > 2) return rel[1];
  return undefined;
}

function importsOf(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

/** The src-relative path an import points to, with its .js ending taken back to the source file's. */
function resolveImport(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(src, resolve(dirname(file), specifier)).replace(/\.js$/, '');
}

interface Table {
  owner: string;
  columns: Set<string>;
}

/** Each interface of a tables.ts file with its column names, read line by line up to the closing brace. */
function interfacesOf(text: string): Map<string, string[]> {
  const interfaces = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const start = /^export interface (\w+)/.exec(line);
    if (start) interfaces.set(start[1], (current = []));
    else if (line.startsWith('}')) current = undefined;
    else if (current) {
      const key = /^ {2}([a-z_]+)\??\s*:\s*(\w+)?/.exec(line);
      if (key) current.push(`${key[1]}:${key[2] ?? ''}`);
    }
  }
  return interfaces;
}

/** Which module owns each table (the keys of the `…Tables` interface of its tables.ts), with the table's columns. */
function tableOwners(): Map<string, Table> {
  const tables = new Map<string, Table>();
  const read = (file: string, owner: (table: string) => string | undefined) => {
    const interfaces = interfacesOf(readFileSync(file, 'utf8'));
    for (const [name, fields] of interfaces) {
      if (!name.endsWith('Tables')) continue;
      for (const field of fields) {
        const [table, type] = field.split(':');
        const module = owner(table);
        if (!module) continue;
        const columns = (interfaces.get(type) ?? []).map((column) => column.split(':')[0]);
        tables.set(table, { owner: module, columns: new Set(columns) });
      }
    }
  };
  // A module that owns no table (opendata publishes the others' read models) has no tables.ts.
  for (const name of moduleNames) {
    const file = join(modulesDir, name, 'tables.ts');
    if (existsSync(file)) read(file, () => name);
  }
  // Declared in core-tables.ts because core's session check reads them on every request, but the people, their
  // roles and their sessions are the accounts module's: no other module reads them but through accounts' index.ts.
  const accounts = new Set(['users', 'user_roles', 'sessions']);
  read(join(src, 'core', 'db', 'core-tables.ts'), (table) => (accounts.has(table) ? 'accounts' : undefined));
  return tables;
}

/**
 * The tables a text names as a table: Kysely's table arguments, 'table.column' strings (only with a column the table
 * has, so that a permission such as 'seasons.manage' is not taken for one) and raw SQL.
 */
function tablesNamed(text: string, tables: Map<string, Table>): Set<string> {
  const named = new Set<string>();
  const kysely =
    /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*\[?\s*['"]([a-z_]+)(?:\s+as\s+\w+)?['"]/g;
  for (const match of text.matchAll(kysely)) if (tables.has(match[1])) named.add(match[1]);
  for (const match of text.matchAll(/['"]([a-z_]+)\.([a-z_]+|\*)['"]/g)) {
    const table = tables.get(match[1]);
    if (table && (match[2] === '*' || table.columns.has(match[2]))) named.add(match[1]);
  }
  for (const template of text.matchAll(/\bsql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const match of template[1].matchAll(/\b(?:from|join|into|update)\s+([a-z_]+)\b/gi)) {
      if (tables.has(match[1])) named.add(match[1]);
    }
  }
  return named;
}

function importViolations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(src)) {
    const owner = ownerOf(file);
    if (!owner) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const target = resolveImport(file, specifier);
      if (!target) continue;
      const parts = target.split(/[\\/]/);
      if (parts[0] !== 'modules') continue;
      const where = `${relative(root, file)} imports ${specifier}`;
      if (owner === 'core') {
        found.push(where);
        continue;
      }
      const targetModule = parts[1];
      if (parts.length < 3 || targetModule === owner) continue;
      if (!(parts.length === 3 && parts[2] === 'index')) found.push(where);
    }
  }
  return found;
}

/**
 * Cross-module tests and benchmarks stand outside every module: they reach one through its index.ts, or through
 * its test factory (test/support/factories/), the one door to its tables and test helpers.
 */
function outsideImportViolations(): string[] {
  const factories = join(root, 'test', 'support', 'factories');
  const files = [...sourceFiles(join(root, 'test')), ...sourceFiles(join(root, 'bench'))].filter(
    (file) => !file.startsWith(factories),
  );
  const found: string[] = [];
  for (const file of files) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const parts = resolveImport(file, specifier)?.split(/[\\/]/);
      if (parts?.[0] === 'modules' && parts.length > 2 && !(parts.length === 3 && parts[2] === 'index'))
        found.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return found;
}

function tableViolations(): string[] {
  const owners = tableOwners();
  const found: string[] = [];
  for (const file of sourceFiles(modulesDir)) {
    const owner = ownerOf(file);
    if (!owner || relative(modulesDir, file).includes(`${join(owner, 'migrations')}`)) continue;
    const foreign = new Map([...owners].filter(([, table]) => table.owner !== owner));
    for (const table of tablesNamed(readFileSync(file, 'utf8'), foreign)) {
      found.push(`${relative(root, file)} names ${owners.get(table)?.owner}'s table ${table}`);
    }
  }
  return found;
}

/**
 * An engine of src/algorithms/<engine>/ is reached from the platform (src/modules, src/core, src/cli.ts), the
 * cross-module tests and the benchmarks through its index.ts only, like a module; its own files, tests and browser entry points import each other freely, and a file
 * at the top of src/algorithms (highs.ts) is its own door.
 */
function engineImportViolations(): string[] {
  const found: string[] = [];
  const outside = [...sourceFiles(src), ...sourceFiles(join(root, 'test')), ...sourceFiles(join(root, 'bench'))];
  for (const file of outside) {
    if (relative(src, file).startsWith('algorithms')) continue;
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      const parts = resolveImport(file, specifier)?.split(/[\\/]/);
      if (parts?.[0] !== 'algorithms' || parts.length < 3) continue;
      if (!(parts.length === 3 && parts[2] === 'index')) found.push(`${relative(root, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('module boundaries', () => {
  it('finds the tables of every module', () => {
    const owners = tableOwners();
    const modules = [...owners.values()].map((table) => table.owner);
    for (const name of moduleNames)
      if (existsSync(join(modulesDir, name, 'tables.ts'))) expect(modules, name).toContain(name);
    expect(owners.get('users')?.columns).toContain('email');
  });

  it('imports another module only through its index.ts, and core imports no module', () => {
    expect(importViolations()).toEqual([]);
  });

  it('reaches an engine of src/algorithms only through its index.ts', () => {
    expect(engineImportViolations()).toEqual([]);
  });

  it('is reached from cross-module tests and benchmarks through index.ts or the test factories only', () => {
    expect(outsideImportViolations()).toEqual([]);
  });

  it("names no other module's table", () => {
    expect(tableViolations()).toEqual([]);
  });

  it('sees a violation when there is one', () => {
    const owners = new Map([
      ['users', { owner: 'accounts', columns: new Set(['email']) }],
      ['seasons', { owner: 'seasons', columns: new Set(['name']) }],
    ]);
    const both = new Set(['users', 'seasons']);
    expect(tablesNamed(`db.selectFrom('users as u').innerJoin('seasons', 'a', 'b')`, owners)).toEqual(both);
    expect(tablesNamed("select('users.email')", owners)).toEqual(new Set(['users']));
    expect(tablesNamed("permission: 'seasons.manage'", owners)).toEqual(new Set());
    expect(tablesNamed('sql`insert into users (email)`', owners)).toEqual(new Set(['users']));
    expect(importsOf(`import type { A } from '../seasons/queries.js';\nawait import('../b.js');`)).toEqual([
      '../seasons/queries.js',
      '../b.js',
    ]);
  });
});
