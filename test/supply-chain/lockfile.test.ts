// Supply chain: the lockfile is the only source of versions, and install scripts run only where one is needed.
// - Every dependency of every workspace package.json (dependencies, devDependencies, optionalDependencies) is an
//   exact version, the one the lockfile installs; peerDependencies are ranges on purpose (the host app, a
//   Backstage portal, brings React and its router).
// - Every package of the lockfile comes with an integrity hash and from the registry (no git, file or URL sources).
// - allowScripts in the root package.json names every locked package that has an install script (each one was
//   reviewed: npm runs none it does not approve), and approves only the ones the product or its tests need.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

interface PackageJson {
  name: string;
  workspaces?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

interface LockedPackage {
  version?: string;
  integrity?: string;
  resolved?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const root = readJson<PackageJson>('package.json');
const lock = readJson<{ lockfileVersion: number; packages: Record<string, LockedPackage> }>('package-lock.json');

/** Workspace folders from the root's globs (only the `dir/*` and plain forms this repo uses). */
function workspaceDirs(): string[] {
  return (root.workspaces ?? []).flatMap((w) => {
    if (!w.endsWith('/*')) return [w];
    const base = w.slice(0, -2);
    return fs.readdirSync(path.join(ROOT, base)).map((d) => `${base}/${d}`).filter((d) => fs.existsSync(path.join(ROOT, d, 'package.json')));
  });
}

const manifests: { dir: string; pkg: PackageJson }[] = [{ dir: '', pkg: root }, ...workspaceDirs().map((dir) => ({ dir, pkg: readJson<PackageJson>(`${dir}/package.json`) }))];
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** The version npm installs for `name` as seen from workspace `dir`: nested under it first, else hoisted. */
function lockedVersion(dir: string, name: string): string | undefined {
  const nested = dir ? lock.packages[`${dir}/node_modules/${name}`] : undefined;
  const hoisted = lock.packages[`node_modules/${name}`];
  const entry = nested ?? hoisted;
  // A workspace package is linked: its version is the workspace's own.
  if (entry?.link) return readJson<PackageJson & { version: string }>(`${(entry as { resolved?: string }).resolved}/package.json`).version;
  return entry?.version;
}

/**
 * The packages whose install scripts must run, and why. Everything else with one is denied: its scripts are
 * optional speed-ups or checks (esbuild's binary check, ssh2's and cpu-features' optional native code, keytar as
 * an optional credential store, protobufjs' version notice, msw's service-worker copy, nx's and swc's telemetry or
 * binary checks, @parcel/watcher's prebuilt binary lookup).
 */
const NEEDED_INSTALL_SCRIPTS: Record<string, string> = {
  'better-sqlite3': 'the native SQLite binding of Backstage test backends (the database service of startTestBackend); built at install',
};

describe('the lockfile is the only source of versions', () => {
  it.each(manifests.map((m) => [m.dir || '(root)', m] as const))('%s pins every dependency to the exact version the lockfile installs', (_name, { dir, pkg }) => {
    const problems: string[] = [];
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
      for (const [name, spec] of Object.entries(pkg[field] ?? {})) {
        if (!EXACT.test(spec)) problems.push(`${field}.${name}: "${spec}" is not an exact version`);
        else if (lockedVersion(dir, name) !== spec) problems.push(`${field}.${name}: ${spec} pinned, lockfile installs ${lockedVersion(dir, name) ?? 'nothing'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every locked package has an integrity hash and comes from the registry, not git, a file or a URL', () => {
    expect(lock.lockfileVersion).toBe(3);
    const problems: string[] = [];
    for (const [where, p] of Object.entries(lock.packages)) {
      if (where === '' || p.link || !where.includes('node_modules/')) continue;
      if (!p.version || !EXACT.test(p.version)) problems.push(`${where}: version ${p.version}`);
      if (!p.integrity?.startsWith('sha512-')) problems.push(`${where}: no sha512 integrity`);
      if (p.resolved !== undefined && !/^https:\/\/[^/]+\/.+\.tgz$/.test(p.resolved)) problems.push(`${where}: resolved from ${p.resolved}`);
    }
    expect(problems).toEqual([]);
  });

  it('no .npmrc in the repository re-points the registry or turns script blocking off', () => {
    expect(fs.existsSync(path.join(ROOT, '.npmrc'))).toBe(false);
  });
});

describe('install scripts', () => {
  const withScripts = [...new Set(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([where]) => where.replace(/^.*node_modules\//, '')))].sort();
  const allow = root.allowScripts ?? {};

  it('allowScripts reviews every locked package that has an install script, and names no other', () => {
    expect(Object.keys(allow).sort()).toEqual(withScripts);
  });

  it('approves only the packages whose install scripts are needed', () => {
    const approved = Object.entries(allow).filter(([, ok]) => ok).map(([name]) => name).sort();
    expect(approved).toEqual(Object.keys(NEEDED_INSTALL_SCRIPTS).sort());
  });

  it('our own packages have no install scripts', () => {
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'];
    const own = manifests.flatMap(({ dir, pkg }) => lifecycle.filter((s) => pkg.scripts?.[s]).map((s) => `${dir || '(root)'}: ${s}`));
    expect(own).toEqual([]);
  });
});
