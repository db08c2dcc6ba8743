// kubectl flags and exit codes against dumps (no cluster): scoping, --no-headers, --fail-on, --strict, stdin,
// several files, colour, and every usage error ending as one "error:" line with exit code 2.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Explain from '../../cli/src/commands/explain';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import { clusterItems, NOW, useClusterDump } from './support/cluster';
import { runCli, type CliRun } from './support/runCli';

const cluster = useClusterDump();
const now = () => ['--now', NOW];
const dump = () => ['-f', cluster.file, ...now()];
const ANSI = /\u001b\[\d+m/;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-cli-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.exitCode).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
}

describe('namespaces and selectors on a dump', () => {
  it('defaults to every namespace in the dump, with a NAMESPACE column', async () => {
    const run = await runCli(Pvc, dump());
    expect(run.stdout.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+STATUS/);
    for (const ns of ['data', 'messaging', 'monitoring', 'shop']) expect(run.stdout).toMatch(new RegExp(`^${ns}\\s`, 'm'));
  });

  it('-n narrows to one namespace and drops the NAMESPACE column, like kubectl', async () => {
    const run = await runCli(Pvc, ['-n', 'messaging', ...dump()]);
    const [header, ...rows] = run.stdout.split('\n\n')[0].split('\n');
    expect(header).toMatch(/^NAME\s+STATUS/);
    expect(rows.map((r) => r.split(/\s+/)[0]).sort()).toEqual(['connect-offsets', 'connect-offsets-spare', 'datadir-zookeeper-0', 'logs-kafka-0', 'logs-kafka-1', 'logs-kafka-2']);
  });

  it('-A wins over -n', async () => {
    const both = await runCli(Pvc, ['-n', 'shop', '-A', '-o', 'json', ...dump()]);
    const all = await runCli(Pvc, ['-o', 'json', ...dump()]);
    expect(JSON.parse(both.stdout).items.length).toBe(JSON.parse(all.stdout).items.length);
  });

  it('pv lists every volume whatever -n says (cluster-scoped, like kubectl get pv)', async () => {
    const inShop = JSON.parse((await runCli(Pv, ['-n', 'shop', '-o', 'json', ...dump()])).stdout);
    const all = JSON.parse((await runCli(Pv, ['-o', 'json', ...dump()])).stdout);
    expect(inShop.items).toEqual(all.items);
  });

  it('-l narrows through the core scoping (objects the selector picks and what they own)', async () => {
    const run = await runCli(Pvc, ['-n', 'data', '-l', 'app=db', '-o', 'json', ...dump()]);
    expect(JSON.parse(run.stdout).items.map((c: { name: string }) => c.name)).toEqual(['data-db-0', 'data-db-1', 'data-db-2', 'data-db-3']);
  });

  it('-n keeps the volumes its claims held, the Released volume of a deleted claim too', async () => {
    const report = JSON.parse((await runCli(Report, ['-n', 'data', '-o', 'json', ...dump()])).stdout);
    expect(report.claims.map((c: { name: string }) => c.name)).not.toContain('export-tmp');
    expect(report.volumes.map((v: { claim?: string }) => v.claim)).toContain('data/export-tmp');
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'pv-reclaim-failed', details: expect.objectContaining({ claim: 'data/export-tmp' }) }));
  });

  it('pv -l picks volumes by their own labels, like kubectl get pv -l', async () => {
    const items = clusterItems();
    const nfs = items.find((o) => o.kind === 'PersistentVolume' && o.metadata.name === 'nfs-archive');
    if (!nfs) throw new Error('nfs-archive not in the test cluster');
    nfs.metadata.labels = { type: 'nfs' };
    const file = path.join(tmp, 'labelled-pv.json');
    fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    const out = JSON.parse((await runCli(Pv, ['-l', 'type=nfs', '-o', 'json', '-f', file, ...now()])).stdout);
    expect(out.items.map((v: { name: string }) => v.name)).toEqual(['nfs-archive']);
  });

  it('a malformed selector is a usage error', async () => {
    expectUsageError(await runCli(Pvc, ['-l', 'app in (web', ...dump()]), /label selector/i);
  });
});

describe('--no-headers', () => {
  it('prints rows only: no header line and no findings section', async () => {
    const run = await runCli(Pvc, ['-n', 'shop', '--no-headers', ...dump()]);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^assets\s+Bound/);
    expect(run.stdout).not.toMatch(/SEVERITY|NAME/);
  });

  it('makes report print finding rows only', async () => {
    const run = await runCli(Report, ['--no-headers', ...dump()]);
    expect(run.stdout.split('\n')[0]).toMatch(/^critical\s+\S+/);
    expect(run.stdout).not.toContain('Source:');
  });
});

describe('--fail-on and --strict', () => {
  it('never fails on findings without --fail-on', async () => {
    expect((await runCli(Report, dump())).exitCode).toBe(0);
  });

  it('exits 1 when a shown finding is at or above the threshold, after printing the output', async () => {
    const run = await runCli(Report, ['--fail-on', 'critical', ...dump()]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('sts-rollout-blocked');
    expect(run.stderr).toBe('');
  });

  it('an unexpected error exits 1 too, told apart from failing findings by its "error:" line on stderr', async () => {
    class Broken extends Pvc {
      protected override async present(): Promise<never> {
        throw new TypeError('claims is undefined');
      }
    }
    const run = await runCli(Broken, dump());
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe('error: claims is undefined\n');
  });

  it('looks only at the findings the view shows', async () => {
    // messaging's claims have a warning and an info, no critical.
    expect((await runCli(Pvc, ['-n', 'messaging', '--fail-on', 'critical', ...dump()])).exitCode).toBe(0);
    expect((await runCli(Pvc, ['-n', 'messaging', '--fail-on', 'warning', ...dump()])).exitCode).toBe(1);
    expect((await runCli(Pvc, ['-n', 'data', '--fail-on', 'critical', ...dump()])).exitCode).toBe(1);
  });

  it('--strict does not fail on kinds a dump simply lacks (the summary names them)', async () => {
    const run = await runCli(Report, ['--strict', ...dump()]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Not in input:\s+events, secrets$/m);
  });

  it('rejects an unknown severity', async () => {
    expectUsageError(await runCli(Report, ['--fail-on', 'fatal', ...dump()]), /fail-on/);
  });
});

describe('dump input', () => {
  it('reads a dump from stdin with -f -', async () => {
    const run = await runCli(Pvc, ['-f', '-', '-n', 'shop', '-o', 'json', ...now()], { stdin: fs.readFileSync(cluster.file, 'utf8') });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).items).toHaveLength(6);
  });

  it('merges several files into the report one file gives', async () => {
    const items = clusterItems();
    const half = Math.floor(items.length / 2);
    const a = path.join(tmp, 'a.json');
    const b = path.join(tmp, 'b.json');
    fs.writeFileSync(a, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: items.slice(0, half) }));
    fs.writeFileSync(b, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: items.slice(half) }));
    const split = JSON.parse((await runCli(Report, ['-f', a, '--from-file', b, '-o', 'json', ...now()])).stdout);
    const whole = JSON.parse((await runCli(Report, ['-o', 'json', ...dump()])).stdout);
    expect(split.source).toEqual({ type: 'file', files: [a, b] });
    expect(split.findings).toEqual(whole.findings);
  });

  it('warns about known kinds in an API version it does not read, instead of dropping them silently', async () => {
    const old = path.join(tmp, 'old-ingress.json');
    const legacy = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'old', namespace: 'shop' }, spec: {} };
    fs.writeFileSync(old, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...clusterItems(), legacy] }));
    const run = await runCli(Pvc, ['-f', old, '-n', 'shop', ...now()]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('warning: ignored 1 Ingress (extensions/v1beta1) object: API version not supported\n');
  });

  it('a malformed dump is a usage error with one line naming the file', async () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"apiVersion": "v1", "kind": "List", "items": [');
    expectUsageError(await runCli(Report, ['-f', bad]), /bad\.json/);
  });

  it('a missing file is a usage error', async () => {
    expectUsageError(await runCli(Report, ['-f', path.join(tmp, 'nope.json')]), /nope\.json: file not found/);
  });

  it('an empty directory is a usage error naming it, never an empty report', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    for (const extra of [[], ['--fail-on', 'info'], ['-o', 'json']]) {
      expectUsageError(await runCli(Report, ['-f', empty, ...extra]), new RegExp(`^error: ${empty}: no \\.json, \\.yaml or \\.yml files directly in the directory$`));
    }
  });

  it('a directory whose dumps sit in subdirectories says so; -R reads them', async () => {
    const top = fs.mkdtempSync(path.join(tmp, 'nested-'));
    fs.mkdirSync(path.join(top, 'day1'));
    fs.copyFileSync(cluster.file, path.join(top, 'day1', 'cluster.json'));
    expectUsageError(await runCli(Report, ['-f', top]), /; 1 in subdirectories: pass them with -f or add -R \(--recursive\)$/);
    const recursive = await runCli(Report, ['-f', top, '-R', '-o', 'json', ...now()]);
    const whole = await runCli(Report, ['-o', 'json', ...dump()]);
    expect(recursive.exitCode).toBe(0);
    expect(JSON.parse(recursive.stdout).findings).toEqual(JSON.parse(whole.stdout).findings);
  });

  it('--from-file cannot be combined with --context', async () => {
    expectUsageError(await runCli(Report, ['-f', cluster.file, '--context', 'prod']), /context/);
  });
});

describe('usage errors', () => {
  it.each([
    ['an unknown output format', [...dump(), '-o', 'xml'], /xml/],
    ['a malformed --request-timeout', [...dump(), '--request-timeout', 'soon'], /request-timeout/],
    ['an unknown flag', [...dump(), '--colour'], /colour/],
    ['a malformed --now', ['-f', cluster.file, '--now', 'yesterday'], /--now/],
  ])('%s', async (_name, argv, message) => {
    expectUsageError(await runCli(Report, argv as string[]), message as RegExp);
  });

  it('a flag whose value does not parse says why, in one line', async () => {
    expectUsageError(
      await runCli(Report, [...dump(), '--request-timeout', 'soon']),
      /^error: invalid --request-timeout "soon": use a duration with a unit such as 30s, 1m or 1m30s, plain seconds, or 0 for no timeout$/,
    );
  });

  it('an unknown flag is named like kubectl, with the nearest real one', async () => {
    expectUsageError(await runCli(Report, [...dump(), '--namspace', 'shop']), /^error: unknown flag: --namspace; did you mean --namespace\?$/);
    expectUsageError(await runCli(Report, [...dump(), '--zzzzzz']), /^error: unknown flag: --zzzzzz$/);
  });

  it('pv NAME shows that volume only, and an unknown one is a usage error', async () => {
    const all = await runCli(Pv, ['--no-headers', ...dump()]);
    const first = all.stdout.split('\n')[0].split(/\s+/)[0];
    const one = await runCli(Pv, [first, '--no-headers', ...dump()]);
    expect(one.exitCode).toBe(0);
    expect(one.stdout.trimEnd().split('\n').map((r) => r.split(/\s+/)[0])).toEqual([first]);
    expectUsageError(await runCli(Pv, ['pvc-nope', ...dump()]), /^error: persistentvolume "pvc-nope" not found$/);
  });

  it('an unknown StatefulSet name', async () => {
    expectUsageError(await runCli(Sts, ['nope', '-n', 'shop', ...dump()]), /statefulset "nope" not found in namespace shop/);
  });

  it('an unknown finding code, with suggestions', async () => {
    expectUsageError(await runCli(Explain, ['pvc-lots']), /unknown finding code "pvc-lots"; did you mean pvc-/);
  });
});

describe('errors never print a stack trace unless asked', () => {
  const bad = () => ['-f', path.join(tmp, 'missing.json')];
  it('plain: one line', async () => {
    expect((await runCli(Report, bad())).stderr).not.toMatch(/\n\s+at /);
  });
  it('-v adds the stack', async () => {
    expect((await runCli(Report, [...bad(), '-v'])).stderr).toMatch(/\n\s+at /);
  });
  it('-v=9 adds the stack; -v=6 and -v 6 do not', async () => {
    expect((await runCli(Report, [...bad(), '-v=9'])).stderr).toMatch(/\n\s+at /);
    for (const v of [['-v=6'], ['-v', '6'], ['--v=6']]) {
      const run = await runCli(Report, [...bad(), ...v]);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toBe(`error: ${path.join(tmp, 'missing.json')}: file not found\n`);
    }
  });
  it('DEBUG=kubectl-storage adds the stack', async () => {
    expect((await runCli(Report, bad(), { env: { DEBUG: 'kubectl-storage' } })).stderr).toMatch(/\n\s+at /);
  });
});

describe('colour', () => {
  it('colours severities on a terminal', async () => {
    const run = await runCli(Report, dump(), { tty: true, env: { NO_COLOR: undefined } });
    expect(run.stdout).toMatch(ANSI);
    expect(run.stdout).toContain('\u001b[91mcritical\u001b[39m');
  });
  it('never with NO_COLOR', async () => {
    expect((await runCli(Report, dump(), { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });
  it('never on TERM=dumb', async () => {
    expect((await runCli(Report, dump(), { tty: true, env: { NO_COLOR: undefined, TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
  });
  it('never in a pipe', async () => {
    expect((await runCli(Report, dump(), { env: { NO_COLOR: undefined } })).stdout).not.toMatch(ANSI);
  });
  it('never in JSON', async () => {
    expect((await runCli(Report, [...dump(), '-o', 'json'], { tty: true, env: { NO_COLOR: undefined } })).stdout).not.toMatch(ANSI);
  });
});
