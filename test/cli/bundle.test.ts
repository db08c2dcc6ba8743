// The CLI as users run it: cli/bin/run.js loads dist/bundle.js (scripts/bundle.js) through a V8 code cache
// (bin/compileCache.js). The bundle must hold every command and answer exactly as the unbundled commands do; the
// cache must only ever be a speed-up: written once, read after, rewritten when V8 rejects it, skipped when it cannot
// be written or is turned off. Spawns the compiled CLI, so it needs the build (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './support/cluster';

const CLI = path.join(REPO_ROOT, 'cli');
const RUN = path.join(CLI, 'bin/run.js');
const DEMO = path.join(REPO_ROOT, 'test/fixtures/demo-cluster.json');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  if (!fs.existsSync(path.join(CLI, 'dist/bundle.js'))) throw new Error('cli/dist/bundle.js is missing: run `npm run build` first (`npm test` builds before running jest)');
});

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

function bundled(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [RUN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** The same commands found by oclif's pattern strategy in dist/commands, without the bundle or the cache (node -e:
 * process.argv has no script path, so a stand-in takes its place for oclif's argv.slice(2)). */
function unbundled(args: string[]): Run {
  const script = `const o = require('@oclif/core'); o.settings.enableAutoTranspile = false; o.execute({ dir: ${JSON.stringify(path.join(CLI, 'bin'))} });`;
  const r = spawnSync(process.execPath, ['-e', script, '--', 'kubectl-storage', ...args], { cwd: CLI, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const cacheFiles = (cacheHome: string): string[] => {
  const v8 = path.join(cacheHome, 'kubectl-storage', 'v8');
  return fs.existsSync(v8) ? fs.readdirSync(v8).filter((f) => f.endsWith('.bin')) : [];
};

describe('the bundled CLI', () => {
  it('holds every command in dist/commands', () => {
    const files = fs.readdirSync(path.join(CLI, 'dist/commands')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
    const bundle = require(path.join(CLI, 'dist/bundle.js')) as { COMMANDS: Record<string, unknown>; Help: unknown; commandNotFound: unknown };
    expect(Object.keys(bundle.COMMANDS).sort()).toEqual(files.sort());
    expect(typeof bundle.Help).toBe('function');
    expect(typeof bundle.commandNotFound).toBe('function');
  });

  it.each([
    ['a report of a dump', ['report', '-f', DEMO, '-o', 'json']],
    ['a table view', ['sts', '-f', DEMO, '-A']],
    ['explain', ['explain', 'pv-released-retain']],
    ['root help', ['--help']],
    ['a flag error', ['report', '--output', 'xml', '-f', DEMO]],
    ['an unknown command', ['reprot']],
    ['a broken kubeconfig', ['report', '-A', '--kubeconfig', path.join(dir, 'missing.yaml')]],
  ])('answers %s exactly as the unbundled commands do', (_what, args) => {
    const a = bundled(args, { XDG_CACHE_HOME: path.join(dir, 'same') });
    const b = unbundled(args);
    expect(a.status).toBe(b.status);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
  });
});

describe('the code cache', () => {
  it('is written by the first run and read, not rewritten, by the next', () => {
    const home = path.join(dir, 'fresh');
    expect(bundled(['version'], { XDG_CACHE_HOME: home }).status).toBe(0);
    const [file] = cacheFiles(home);
    expect(file).toBeDefined();
    const first = fs.statSync(path.join(home, 'kubectl-storage', 'v8', file));
    expect(first.size).toBeGreaterThan(0);
    const again = bundled(['explain', 'pv-released-retain'], { XDG_CACHE_HOME: home });
    expect(again.status).toBe(0);
    expect(cacheFiles(home)).toEqual([file]);
    expect(fs.statSync(path.join(home, 'kubectl-storage', 'v8', file)).ino).toBe(first.ino);
  });

  it('a cache V8 rejects (corrupt) is compiled around and rewritten, with the same answer', () => {
    const home = path.join(dir, 'corrupt');
    const expected = bundled(['explain', 'pv-released-retain'], { XDG_CACHE_HOME: home });
    const [file] = cacheFiles(home);
    const cachePath = path.join(home, 'kubectl-storage', 'v8', file);
    fs.writeFileSync(cachePath, Buffer.alloc(4096, 7));
    const run = bundled(['explain', 'pv-released-retain'], { XDG_CACHE_HOME: home });
    expect(run).toEqual(expected);
    expect(fs.readFileSync(cachePath).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('is skipped without a word when it cannot be written, and when KUBECTL_STORAGE_NO_COMPILE_CACHE is set', () => {
    const notADir = path.join(dir, 'a-file');
    fs.writeFileSync(notADir, 'not a directory');
    const expected = unbundled(['version']);
    expect(bundled(['version'], { XDG_CACHE_HOME: notADir })).toEqual(expected);
    const off = path.join(dir, 'off');
    expect(bundled(['version'], { XDG_CACHE_HOME: off, KUBECTL_STORAGE_NO_COMPILE_CACHE: '1' })).toEqual(expected);
    expect(fs.existsSync(off)).toBe(false);
  });
});
