// --help of the compiled CLI (what users and kubectl run): every command documents examples and exit codes, and
// usage reads `kubectl storage`. Spawns cli/bin/run.js, so it needs the build (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './support/cluster';

const RUN = path.join(REPO_ROOT, 'cli/bin/run.js');
const COMMANDS = ['report', 'pv', 'pvc', 'sts', 'ingress', 'usage', 'orphans', 'explain'];

function help(...args: string[]): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [RUN, ...args, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, status: r.status };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'cli/dist/commands/report.js'))) {
    throw new Error('cli/dist is missing: run `npm run build` first (`npm test` builds before running jest)');
  }
});

describe('--help', () => {
  it('the root help lists the commands, the namespace rules and the exit codes', () => {
    const { stdout, status } = help();
    expect(status).toBe(0);
    expect(stdout).toContain('$ kubectl storage [COMMAND]');
    for (const c of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    expect(stdout).not.toMatch(/^ {2}(pvs|statefulsets|ing)\s/m);
    expect(stdout).toMatch(/^EXIT CODES\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 .*\n {2}4 /m);
    expect(stdout).toContain('NAMESPACES');
  });

  it.each(COMMANDS)('%s --help has usage, examples and the exit codes', (command) => {
    const { stdout, status } = help(command);
    expect(status).toBe(0);
    expect(stdout).toContain(`$ kubectl storage ${command}`);
    expect(stdout).toMatch(/^EXAMPLES$/m);
    expect(stdout).toMatch(/^\s+kubectl storage \S+/m);
    expect(stdout).toContain('4  partial data');
    // 1 is findings or an unexpected error; stderr tells them apart.
    expect(stdout.replace(/\s+/g, ' ')).toContain('1 findings at or above --fail-on, or an unexpected error (which prints "error: ..." on stderr; findings do not)');
  });

  it('data commands share the kubectl flags', () => {
    const { stdout } = help('pvc');
    for (const flag of ['--kubeconfig', '--context', '-n, --namespace', '-A, --all-namespaces', '-l, --selector', '-o, --output', '--no-headers', '--request-timeout', '-f, --from-file', '--fail-on', '--strict']) {
      expect(stdout).toContain(flag);
    }
    // oclif wraps the description to the terminal width.
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      '--now=<time> Measure ages as of this ISO time (default: now for a cluster; for a dump, the later of its file time and the newest time inside it).',
    );
  });
});

describe('unknown commands and kubectl-style aliases', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [RUN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('an unknown command is a usage error (exit 2) with a suggestion', () => {
    const r = run('reprot');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command "reprot" for "kubectl storage"\n/);
    const near = run('ex');
    expect(near.stderr).toContain('Did you mean this?\n\texplain');
  });

  it('suggests the nearest command like kubectl (edit distance, not only prefixes)', () => {
    const r = run('repot');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: unknown command "repot" for "kubectl storage"\n\nDid you mean this?\n\treport\nRun \'kubectl storage --help\' for usage.\n');
  });

  it('help COMMAND is COMMAND --help; an unknown one is a usage error', () => {
    const viaHelp = run('help', 'pv');
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe(help('pv').stdout);
    expect(run('help', 'sts').stdout).toBe(help('sts').stdout);
    expect(run('help', 'statefulsets').status).toBe(0);
    const unknown = run('help', 'pvv');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('error: unknown command "pvv" for "kubectl storage"; did you mean pv?\n');
  });

  it('version prints the client version, like kubectl version --client, also as JSON and YAML', () => {
    const pjson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cli/package.json'), 'utf8')) as { version: string };
    const plain = run('version');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe(`Client Version: v${pjson.version}\n`);
    const doc = JSON.parse(run('version', '-o', 'json').stdout);
    expect(doc).toEqual({
      apiVersion: 'kubectl-storage.io/v1alpha1',
      kind: 'Version',
      clientVersion: expect.objectContaining({ gitVersion: `v${pjson.version}`, platform: `${process.platform}/${process.arch}` }),
    });
    expect(run('version', '-o', 'yaml').stdout).toContain(`gitVersion: v${pjson.version}\n`);
  });

  it('resource names kubectl users type work as command names', () => {
    const demo = path.join(REPO_ROOT, 'test/fixtures/demo-cluster.json');
    const viaAlias = run('statefulsets', '-f', demo, '-o', 'json');
    const viaName = run('sts', '-f', demo, '-o', 'json');
    expect(viaAlias.status).toBe(0);
    expect(JSON.parse(viaAlias.stdout).items.length).toBeGreaterThan(0);
    expect(viaAlias.stdout).toBe(viaName.stdout);
  });
});
