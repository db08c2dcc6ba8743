/**
 * The krew release, installed for real: builds the release archives and the manifest (cli/scripts/
 * build-krew-release.js), builds krew itself from the Go module proxy (build-krew.sh, cached), then runs
 * `kubectl krew install --manifest=... --archive=...` offline into a fresh KREW_ROOT and uses the installed plugin
 * through a real kubectl. Needs `npm run build` first, Go and kubectl (.ci/run has them).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'cli/package.json'), 'utf8')).version;

let work: string;
let release: { manifest: string; archives: { os: string; arch: string; file: string; sha256: string; bytes: number }[] };
let env: NodeJS.ProcessEnv;
let cacheHome: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-krew-install-'));
  const out = execFileSync('node', [path.join(REPO, 'cli/scripts/build-krew-release.js'), path.join(work, 'release')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  release = JSON.parse(out);
  const krew = execFileSync('bash', [path.join(__dirname, 'build-krew.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  // kubectl finds krew the way a krew user has it: an executable named kubectl-krew on PATH.
  const tools = path.join(work, 'tools');
  fs.mkdirSync(tools);
  fs.symlinkSync(krew, path.join(tools, 'kubectl-krew'));
  const krewRoot = path.join(work, 'krew-root');
  // krew's list/uninstall want a plugin index; `kubectl krew update` would clone krew-index over the network. An
  // empty local index (a git repository with a plugins/ folder, what `krew index add` points at) works offline.
  const index = path.join(krewRoot, 'index', 'default');
  fs.mkdirSync(path.join(index, 'plugins'), { recursive: true });
  execFileSync('git', ['init', '-q', index]);
  cacheHome = path.join(work, 'cache');
  env = {
    ...process.env,
    KREW_ROOT: krewRoot,
    XDG_CACHE_HOME: cacheHome,
    PATH: [path.join(krewRoot, 'bin'), tools, path.dirname(process.execPath), ...(process.env.PATH ?? '').split(path.delimiter)].join(path.delimiter),
    KUBECONFIG: path.join(work, 'no-kubeconfig'),
  };
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('krew release', () => {
  it('has one archive per platform and a manifest generated from the package version with each sha256', () => {
    expect(release.archives.map((a) => `${a.os}/${a.arch}`)).toEqual(['linux/amd64', 'linux/arm64', 'darwin/amd64', 'darwin/arm64']);
    const manifest = fs.readFileSync(release.manifest, 'utf8');
    expect(manifest).toContain(`version: "v${VERSION}"`);
    expect(manifest).not.toContain('{{');
    for (const a of release.archives) {
      const sha = crypto.createHash('sha256').update(fs.readFileSync(a.file)).digest('hex');
      expect(a.sha256).toBe(sha);
      expect(manifest).toContain(`sha256: ${sha}`);
      expect(manifest).toContain(`/v${VERSION}/${path.basename(a.file)}`);
    }
  });

  it('installs with `kubectl krew install --manifest --archive`, offline, and runs as `kubectl storage`', () => {
    const linux = release.archives.find((a) => a.os === 'linux' && a.arch === 'amd64')!;
    const install = spawnSync('kubectl', ['krew', 'install', `--manifest=${release.manifest}`, `--archive=${linux.file}`], { encoding: 'utf8', env, input: '' });
    expect(install.stderr + install.stdout).toContain('Installed plugin: storage');
    expect(install.status).toBe(0);

    const list = spawnSync('kubectl', ['krew', 'list'], { encoding: 'utf8', env });
    // "detached": installed from a manifest, not from an index.
    expect(list.stdout).toMatch(/^(detached\/)?storage$/m);

    const help = spawnSync('kubectl', ['storage', '--help'], { encoding: 'utf8', env });
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('$ kubectl storage [COMMAND]');

    // A real command through krew's symlink: the catalog needs no cluster.
    const explain = spawnSync('kubectl', ['storage', 'explain', 'pv-released-retain', '-o', 'json'], { encoding: 'utf8', env });
    expect(explain.status).toBe(0);
    expect(JSON.parse(explain.stdout).code).toBe('pv-released-retain');

    // The installed copy runs from its bundle through the code cache (cli/bin/run.js), in the user's cache dir.
    const installed = path.join(env.KREW_ROOT!, 'store', 'storage');
    const bundles = fs.readdirSync(installed, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(path.join('package', 'dist', 'bundle.js')));
    expect(bundles).toHaveLength(1);
    expect(fs.readdirSync(path.join(cacheHome, 'kubectl-storage', 'v8')).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('uninstalls cleanly (krew owns nothing else)', () => {
    const r = spawnSync('kubectl', ['krew', 'uninstall', 'storage'], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(env.KREW_ROOT!, 'bin', 'kubectl-storage'))).toBe(false);
  });
});
