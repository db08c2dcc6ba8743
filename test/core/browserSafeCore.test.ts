// The core as the Backstage page consumes it: an ES module build beside the CommonJS one, an `exports` map with a
// light subpath, nothing Node-only anywhere, and a light entry that never pulls in projection or analysis. Reads
// the built package (npm test builds first), loading the ES modules with Node's own loader in a child process.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const PKG = path.join(REPO, 'plugins/kubernetes-storage-common');
const ESM = path.join(PKG, 'dist/esm');
const DEMO = path.join(REPO, 'test/fixtures/demo-cluster.json');

/** Runs an ES module snippet with Node itself (jest's CommonJS runtime cannot load native ES modules). */
const runModule = (source: string): string =>
  execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Relative and bare import specifiers of one built module. */
function specifiers(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  // Statements only (each starts a line in swc's output); dynamic import() is not used by the core.
  return [...code.matchAll(/(?:^|\*\/[ \t]*)(?:(?:import|export)\b[^'";]*?\bfrom\s*|import\s*)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of specifiers(file)) if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
  };
  visit(entry);
  return seen;
}

const allModules = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allModules(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []));

beforeAll(() => {
  if (!fs.existsSync(path.join(ESM, 'index.js'))) throw new Error('the core ESM build is missing: run `npm run build` first');
});

describe('browser-safe core', () => {
  it('resolves its entries through the exports map: ES modules for import, CommonJS for require', () => {
    const out = runModule(`
      const light = await import('@kubectl-storage/plugin-kubernetes-storage-common/light');
      const main = await import('@kubectl-storage/plugin-kubernetes-storage-common');
      console.log(JSON.stringify({
        light: import.meta.resolve('@kubectl-storage/plugin-kubernetes-storage-common/light'),
        main: import.meta.resolve('@kubectl-storage/plugin-kubernetes-storage-common'),
        codes: light.findingCatalog.length, age: light.humanizeAge(3 * 86400 + 4 * 3600), analyze: typeof main.analyze,
      }));`);
    const result = JSON.parse(out);
    expect(result.light).toMatch(/plugins\/kubernetes-storage-common\/dist\/esm\/light\.js$/);
    expect(result.main).toMatch(/plugins\/kubernetes-storage-common\/dist\/esm\/index\.js$/);
    expect(result).toMatchObject({ age: '3d4h', analyze: 'function' });
    expect(result.codes).toBeGreaterThan(40);
    const required = execFileSync(process.execPath, ['-p', "require.resolve('@kubectl-storage/plugin-kubernetes-storage-common/light')"], { cwd: REPO, encoding: 'utf8' });
    expect(required.trim()).toBe(path.join(PKG, 'dist/light.js'));
  });

  it('gives the same report from the ES module build as from the CommonJS one', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      const core = await import('@kubectl-storage/plugin-kubernetes-storage-common');
      const dump = JSON.parse(readFileSync(${JSON.stringify(DEMO)}, 'utf8'));
      const snapshot = core.buildSnapshot(dump.items, { type: 'file', files: ['demo'] }, { collectedAt: '2026-12-01T00:00:00Z' });
      process.stdout.write(JSON.stringify(core.analyze(snapshot)));`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cjs = require(path.join(PKG, 'dist/index.js')) as typeof import('@kubectl-storage/plugin-kubernetes-storage-common');
    const dump = JSON.parse(fs.readFileSync(DEMO, 'utf8'));
    const expected = cjs.analyze(cjs.buildSnapshot(dump.items, { type: 'file', files: ['demo'] }, { collectedAt: '2026-12-01T00:00:00Z' }));
    expect(JSON.parse(runModule(script))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('imports nothing but its own modules: no Node built-ins, no other packages', () => {
    expect(specifiers(path.join(ESM, 'index.js')).length).toBeGreaterThan(10);
    const foreign = allModules(ESM).flatMap((file) => specifiers(file).filter((s) => !s.startsWith('.')).map((s) => `${path.relative(ESM, file)}: ${s}`));
    expect(foreign).toEqual([]);
  });

  it('keeps the light entry free of projection, analysis, scoping and the store', () => {
    const reached = [...graph(path.join(ESM, 'light.js'))].map((f) => path.relative(ESM, f));
    expect(reached.filter((f) => /^(projection|analysis|scope|store)\//.test(f))).toEqual([]);
    expect(reached).toEqual(expect.arrayContaining(['catalog/findingCatalog.js', 'util/time.js', 'orphans/findOrphans.js']));
  });

  it('declares itself free of side effects, so a bundler keeps only what a page imports', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(ESM, 'package.json'), 'utf8'))).toEqual({ type: 'module', sideEffects: false });
  });
});
