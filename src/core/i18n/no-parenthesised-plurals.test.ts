import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

/** "membre(s)", "accepte(nt)", "tiré(e)", "nouveau(x)": a word that leaves its plural or gender to the reader. */
const PARENTHESISED = /\p{L}\((?:s|es|e|nt|x)\)/u;
/** Not a plural: the scheme of a web address. */
const ALLOWED = /https?\(s\)/gi;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The texts of a file's string literals, templates and JSX text (not its comments), with their line. */
function texts(path: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the interface writes every plural and gender out', () => {
  it('has no "(s)", "(es)", "(e)", "(nt)" or "(x)" in the text of any message, page, mail or command', () => {
    const offenders: string[] = [];
    for (const path of sourceFiles(SRC)) {
      const source = readFileSync(path, 'utf8');
      if (!PARENTHESISED.test(source.replace(ALLOWED, ''))) continue;
      for (const { line, text } of texts(path, source)) {
        if (PARENTHESISED.test(text.replace(ALLOWED, ''))) offenders.push(`${relative(SRC, path)}:${line}: ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
