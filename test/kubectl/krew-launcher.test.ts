// The launcher shipped in the krew archive (cli/krew/kubectl-storage), in the layout krew installs: the archive
// unpacked in a store directory with `package/` beside the launcher, and a symlink to the launcher in krew's bin
// directory. Runs the compiled CLI: `npm test` builds first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const LAUNCHER = path.join(REPO, 'cli/krew/kubectl-storage');

let root: string;
let krewBin: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(REPO, 'cli/dist/commands/report.js'))) {
    throw new Error('cli/dist is missing: run `npm run build` first (`npm test` builds before running jest)');
  }
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-krew-'));
  const store = path.join(root, 'store', 'storage', 'v0.1.0');
  krewBin = path.join(root, 'bin');
  fs.mkdirSync(store, { recursive: true });
  fs.mkdirSync(krewBin);
  fs.copyFileSync(LAUNCHER, path.join(store, 'kubectl-storage'));
  fs.chmodSync(path.join(store, 'kubectl-storage'), 0o755);
  // The unpacked npm package; in the checkout, cli/ resolves its dependencies from the workspace.
  fs.symlinkSync(path.join(REPO, 'cli'), path.join(store, 'package'));
  fs.symlinkSync(path.join(store, 'kubectl-storage'), path.join(krewBin, 'kubectl-storage'));
});

afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const pathWith = (...first: string[]): string => [...first, ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter);

describe('krew launcher', () => {
  it('runs the bundled package through the symlink krew creates', () => {
    const r = spawnSync(path.join(krewBin, 'kubectl-storage'), ['explain', 'pvc-lost', '-o', 'json'], { encoding: 'utf8', env: { ...process.env, PATH: pathWith(path.dirname(process.execPath)) } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).code).toBe('pvc-lost');
  });

  it('passes exit codes through', () => {
    const r = spawnSync(path.join(krewBin, 'kubectl-storage'), ['explain', 'nope'], { encoding: 'utf8', env: { ...process.env, PATH: pathWith(path.dirname(process.execPath)) } });
    expect(r.status).toBe(2);
  });

  it('refuses a Node.js that is too old, in one line', () => {
    const fake = path.join(root, 'old-node');
    fs.mkdirSync(fake, { recursive: true });
    fs.writeFileSync(path.join(fake, 'node'), '#!/bin/sh\n[ "$1" = "--version" ] && echo v18.19.0 && exit 0\nexit 1\n', { mode: 0o755 });
    const r = spawnSync(path.join(krewBin, 'kubectl-storage'), ['--help'], { encoding: 'utf8', env: { ...process.env, PATH: pathWith(fake) } });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('error: kubectl storage needs Node.js 20.19+ or 22.12+; found v18.19.0\n');
  });

  const kubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
  // In CI (which installs kubectl) a missing kubectl fails here instead of skipping.
  (kubectl || process.env.CI ? it : it.skip)('is found by a real kubectl when krew\'s bin directory is on PATH', () => {
    const env = { ...process.env, PATH: pathWith(krewBin), KUBECONFIG: path.join(root, 'none') };
    const list = spawnSync(kubectl, ['plugin', 'list', '--name-only'], { encoding: 'utf8', env });
    expect(list.stdout).toMatch(/^kubectl-storage$/m);
    const help = spawnSync(kubectl, ['storage', '--help'], { encoding: 'utf8', env });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('$ kubectl storage [COMMAND]');
  });
});
