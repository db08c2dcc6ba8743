// No import cycles in the CLI's sources (cli/src/lib above all: storageCommand once imported loadReport and
// printPresentation, which imported it back for their types). Type-only imports count: a cycle of types today is a
// cycle of values after the next edit, and it ties the modules' order of loading to whoever is imported first.
// The TypeScript compiler's own pre-processor lists a file's imports: static, `import type`, `export ... from`
// and dynamic `import('./x')`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const CLI_SRC = path.resolve(__dirname, '..');

/** The relative module specifiers a source imports, in any form. */
function importsOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** File -> the files it imports (relative imports resolved to .ts files or index.ts). */
function importGraph(files: Map<string, string>): Map<string, string[]> {
  const resolve = (from: string, spec: string): string | undefined => {
    const base = path.join(path.dirname(from), spec);
    return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => files.has(candidate));
  };
  return new Map(
    [...files].map(([file, source]) => [file, importsOf(source).flatMap((spec) => resolve(file, spec) ?? [])] as const),
  );
}

/** One cycle as a path that starts and ends at the same file, or undefined when the graph has none. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): string[] | undefined => {
    const at = onPath.indexOf(file);
    if (at >= 0) return [...onPath.slice(at), file];
    if (done.has(file)) return undefined;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(file);
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('import cycles', () => {
  it('are found through type-only, re-exported and dynamic imports', () => {
    const files = new Map([
      ['/src/lib/a.ts', "import type { B } from './b';\nexport const a = 1;"],
      ['/src/lib/b.ts', "export { c } from '../other/c';\nexport type B = string;"],
      ['/src/other/c.ts', "export const c = async () => (await import('../lib/a')).a;"],
      ['/src/other/d.ts', "import { a } from '../lib/a';\nimport { readFileSync } from 'node:fs';"],
    ]);
    expect(findCycle(importGraph(files))).toEqual(['/src/lib/a.ts', '/src/lib/b.ts', '/src/other/c.ts', '/src/lib/a.ts']);
    files.set('/src/other/c.ts', 'export const c = 3;');
    expect(findCycle(importGraph(files))).toBeUndefined();
  });

  it('none among the CLI modules (cli/src, lib included)', () => {
    const files = new Map(sourceFiles(CLI_SRC).map((file) => [file, fs.readFileSync(file, 'utf8')] as const));
    expect([...files.keys()].filter((f) => f.includes(`${path.sep}lib${path.sep}`)).length).toBeGreaterThan(20);
    const cycle = findCycle(importGraph(files));
    expect(cycle?.map((f) => path.relative(CLI_SRC, f))).toBeUndefined();
  });
});
