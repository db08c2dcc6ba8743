// The CLI against an msw-simulated API server: kubectl flags (--kubeconfig, KUBECONFIG, --context, -n/-A/-l,
// --request-timeout), the context's namespace as default, the progress line, and every cluster failure ending as
// one "error:" line with the documented exit code.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { http, HttpResponse } from 'msw';
import {
  kubeletSummary,
  persistentVolumeClaim,
  secret,
  statefulSet,
  statefulSetPod,
  type RawObject,
} from '@kubectl-storage/test-fixtures';
import { RESOURCES, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import Ingress from '../../cli/src/commands/ingress';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import Usage from '../../cli/src/commands/usage';
import { manualTimeouts, useFakeApiServer, writeKubeconfig, type FakeApiBehaviour, type FakeApiServer, type ManualTimeouts } from '../msw';
import { clusterItems, NOW, useClusterDump } from './support/cluster';
import { runCli, type CliRun } from './support/runCli';
import { untargeted } from './support/untargeted';

const api = useFakeApiServer();
const cluster = useClusterDump();
let tmp: string;
let kubeconfig: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-live-'));
  kubeconfig = writeKubeconfig(tmp, { contexts: [{ name: 'prod', namespace: 'shop' }, { name: 'staging' }] });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function serve(behaviour: FakeApiBehaviour = {}) {
  return api.start({ objects: clusterItems(), behaviour });
}

const live = (...argv: string[]) => ['--kubeconfig', kubeconfig, '--now', NOW, ...argv];
const json = <T = StorageReport>(run: CliRun): T => JSON.parse(run.stdout) as T;

/** The command with the test's request clock injected (timeouts proven without waiting for them). */
function withClock<C extends typeof Report>(command: C, clock: ManualTimeouts): C {
  return class extends (command as typeof Report) {
    protected override connectOptions() {
      return { timeoutSignal: clock.timeoutSignal };
    }
  } as unknown as C;
}

/** The command with retries of 429/500/503 waiting on an injected sleep (no real time spent on a failing server). */
function withoutRetryWaits<C extends typeof Report>(command: C): C {
  return class extends (command as typeof Report) {
    protected override connectOptions() {
      return { retry: { sleep: async () => {} } };
    }
  } as unknown as C;
}

function expectClusterError(run: CliRun, message: RegExp): void {
  expect(run.exitCode).toBe(3);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(message);
}

describe('a live cluster', () => {
  it("defaults to the context's namespace, like kubectl get", async () => {
    const fake = serve();
    const report = json(await runCli(Report, live('-o', 'json')));
    expect(report.source).toMatchObject({ type: 'live', context: 'prod', server: fake.server });
    expect(report.scope).toEqual({ namespaces: ['shop'] });
    expect(new Set(report.claims.map((c) => c.namespace))).toEqual(new Set(['shop']));
    // Namespaced kinds were listed in shop only.
    expect(fake.listCalls('pods').map((r) => r.path)).toEqual(['/api/v1/namespaces/shop/pods']);
  });

  it('uses "default" when the context sets no namespace', async () => {
    const fake = serve();
    const report = json(await runCli(Report, live('--context', 'staging', '-o', 'json')));
    expect(report.scope).toEqual({ namespaces: ['default'] });
    expect(fake.listCalls('persistentvolumeclaims').map((r) => r.path)).toEqual(['/api/v1/namespaces/default/persistentvolumeclaims']);
  });

  it('-n picks another namespace, -A reads everything cluster-wide', async () => {
    serve();
    expect(json(await runCli(Report, live('-n', 'data', '-o', 'json'))).scope).toEqual({ namespaces: ['data'] });
    const fake = serve();
    const all = json(await runCli(Report, live('-A', '-o', 'json')));
    expect(all.scope).toBeUndefined();
    expect(fake.listCalls('pods').map((r) => r.path)).toEqual(['/api/v1/pods']);
  });

  it('gives the same findings as the dump of the same objects', async () => {
    // The dump has no Secrets (kubectl get without secrets); the cluster has the one TLS Secret the Ingress names.
    api.start({ objects: [...clusterItems(), secret('shop', 'shop-example-com-tls')] });
    const fromCluster = json(await runCli(Report, live('-A', '-o', 'json')));
    const fromDump = json(await runCli(Report, ['-f', cluster.file, '--now', NOW, '-o', 'json']));
    expect(untargeted(fromCluster.findings)).toEqual(untargeted(fromDump.findings));
    expect(fromCluster.statefulSets).toEqual(fromDump.statefulSets);
  });

  it('-l narrows like the portal does', async () => {
    serve();
    const run = await runCli(Pvc, live('-n', 'data', '-l', 'app=db', '-o', 'json'));
    expect(json<{ items: { name: string }[] }>(run).items.map((c) => c.name)).toEqual(['data-db-0', 'data-db-1', 'data-db-2', 'data-db-3']);
  });

  it('pv reads every namespace whatever -n says', async () => {
    const fake = serve();
    await runCli(Pv, live('-n', 'shop'));
    expect(fake.listCalls('persistentvolumeclaims').map((r) => r.path)).toEqual(['/api/v1/persistentvolumeclaims']);
  });

  it('honours KUBECONFIG when --kubeconfig is not given', async () => {
    serve();
    const run = await runCli(Report, ['--now', NOW, '-o', 'json'], { env: { KUBECONFIG: kubeconfig } });
    expect(run.exitCode).toBe(0);
    expect(json(run).source).toMatchObject({ type: 'live', context: 'prod' });
  });

  it('accepts kubectl --request-timeout syntax', async () => {
    serve();
    for (const t of ['0', '30s', '1m', '45']) expect((await runCli(Report, live('--request-timeout', t))).exitCode).toBe(0);
  });

  it('a --request-timeout longer than a timer can wait (~596h) waits that long instead of firing at once', async () => {
    serve();
    const run = await runCli(Report, live('--request-timeout', '1000h'));
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('--no-headers and -o yaml behave as on dumps', async () => {
    serve();
    const rows = (await runCli(Pvc, live('--no-headers'))).stdout.trimEnd().split('\n');
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['assets', 'data-web-0', 'data-web-1', 'reports', 'scratch-2024', 'uploads']);
    const yaml = await runCli(Pvc, live('-o', 'yaml'));
    expect(yaml.stdout.startsWith('apiVersion: kubectl-storage.io/v1alpha1\nkind: PersistentVolumeClaimList\nitems:\n  - namespace: shop\n')).toBe(true);
  });

  it('only reads (GET) from the cluster', async () => {
    const fake = serve();
    await runCli(Report, live('-A'));
    expect(fake.requests.length).toBeGreaterThan(10);
    expect(new Set(fake.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });
});

describe('the progress line', () => {
  it('is drawn on a TTY stderr while collecting, and cleared before the output', async () => {
    serve();
    const run = await runCli(Pvc, live(), { tty: true, env: { NO_COLOR: '1' } });
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('\r\u001b[2KReading context prod');
    expect(run.stderr).toMatch(/\d+\/7 kinds/); // pvc reads 7 kinds
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('is not drawn when stderr is not a terminal', async () => {
    serve();
    expect((await runCli(Pvc, live())).stderr).toBe('');
  });
});

describe('partial data', () => {
  it('warns on stderr about forbidden kinds and still reports (exit 0)', async () => {
    serve({ forbidden: [{ kind: 'secrets', namespace: '*' }] });
    const run = await runCli(Report, live('-A'));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^warning: could not read secrets.*forbidden/m);
    expect(run.stdout).toMatch(/^Not read:\s+secrets.*forbidden/m);
  });

  it('exits 4 with --strict, after printing the report', async () => {
    serve({ forbidden: [{ kind: 'pods', namespace: 'shop' }] });
    const run = await runCli(Report, live('--strict'));
    expect(run.exitCode).toBe(4);
    expect(run.stdout).toContain('Source:');
    expect(run.stderr).toMatch(/warning: could not read pods: forbidden in namespace shop \(/);
  });

  it('warns once per kind when a kind is forbidden cluster-wide and in every namespace it falls back to', async () => {
    const namespaces = [...new Set(clusterItems().map((o) => (o as { metadata: { namespace?: string } }).metadata.namespace))];
    const everywhere = namespaces.filter((ns): ns is string => !!ns).map((namespace) => ({ kind: 'ingresses' as const, namespace }));
    serve({ forbidden: [{ kind: 'ingresses' }, ...everywhere] });
    const run = await runCli(Report, live('-A'));
    const ingressWarnings = run.stderr.split('\n').filter((l) => l.includes('ingresses'));
    expect(ingressWarnings).toEqual([expect.stringMatching(/^warning: could not read ingresses: forbidden at the cluster scope and in all \d+ namespaces tried \(/)]);
    expect(run.stdout).toMatch(/^Not read:\s+.*ingresses: forbidden at the cluster scope and in all/m);
    // Counts over an unreadable kind are lower bounds and say so; readable kinds do not.
    expect(run.stdout).toMatch(/^Ingress paths:.*\(not all readable, see below\)$/m);
    expect(run.stdout).not.toMatch(/^Claims:.*not all readable/m);
  });

  it('a slow kind times out into partial data, not an error', async () => {
    // The slow kind never answers; the test's clock times it out once every other kind has answered.
    const fake = serve({ hang: ['endpointslices'] });
    const clock = manualTimeouts();
    const pending = runCli(withClock(Report, clock), live('-A', '--request-timeout', '3s', '--strict', '-o', 'json'));
    await fake.requestArrived((r) => r.path.endsWith('/endpointslices'));
    // A kind of the last wave was asked for, so a slot was freed: the server has answered (timing out before any
    // answer would mean "unreachable", another test).
    await fake.requestArrived((r) => r.path.endsWith('/storageclasses'));
    expect(clock.expire((url) => url.includes('/endpointslices'))).toBe(1);
    const run = await pending;
    expect(run.exitCode).toBe(4);
    expect(json(run).incomplete).toEqual([expect.objectContaining({ kind: 'endpointslices', reason: 'timeout', message: expect.stringContaining('within 3000 ms') })]);
  });
});

/** The kinds a run asked the API server for, sorted ('volumestats' for the kubelet proxy). */
function kindsRead(fake: FakeApiServer): string[] {
  const kinds = fake.requests.map((r) => (r.path.endsWith('/proxy/stats/summary') ? 'volumestats' : r.path.split('/').pop() ?? ''));
  return [...new Set(kinds)].sort();
}

describe('each command reads only the kinds its view needs', () => {
  it.each([
    // Warning events (one LIST, type=Warning) for the views whose findings and ordinals they explain.
    ['report', Report, [], ['csidrivers', 'endpointslices', 'events', 'ingressclasses', 'ingresses', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'secrets', 'services', 'statefulsets', 'storageclasses', 'volumestats']],
    ['pv', Pv, [], ['nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets']],
    ['pv -l app=db', Pv, ['-l', 'app=db'], ['nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets', 'storageclasses']],
    ['pvc', Pvc, [], ['csidrivers', 'events', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets', 'storageclasses']],
    // The sts view shows the claim and volume checks' findings about its claims and volumes too, so it reads what
    // they need: CSIDrivers (Multi-Attach) and nodes (volumes pinned to nodes that are gone).
    ['sts', Sts, [], ['csidrivers', 'events', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'services', 'statefulsets', 'storageclasses']],
    ['ingress', Ingress, [], ['endpointslices', 'events', 'ingressclasses', 'ingresses', 'secrets', 'services']],
    ['usage', Usage, [], ['persistentvolumeclaims', 'pods', 'volumestats']],
    ['orphans', Orphans, [], ['persistentvolumeclaims', 'persistentvolumes', 'pods', 'statefulsets']],
  ] as const)('%s', async (_name, command, argv, kinds) => {
    const fake = serve({ nodeStats: {} });
    const run = await runCli(command, live('-A', ...argv));
    expect(run.exitCode).toBe(0);
    expect(kindsRead(fake)).toEqual(kinds);
  });

  it('pv with list on secrets forbidden: no secrets request, no warning, exit 0 even with --strict', async () => {
    const fake = serve({ forbidden: [{ kind: 'secrets', namespace: '*' }] });
    const run = await runCli(Pv, live('--strict'));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(fake.listCalls('secrets')).toEqual([]);
    expect(json<{ incomplete: unknown[] }>(await runCli(Pv, live('-o', 'json'))).incomplete).toEqual([]);
  });

  it('ingress, which checks TLS Secrets, still says it could not read them', async () => {
    serve({ forbidden: [{ kind: 'secrets', namespace: '*' }] });
    const run = await runCli(Ingress, live('--strict'));
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/^warning: could not read secrets: forbidden/m);
  });

  // The dump holds every kind but Secrets; the cluster serves the one TLS Secret the Ingress names, so neither
  // side concludes it is missing. Same rows and findings means the kinds a view reads are all it needs. Added: a
  // StatefulSet whose ordinal cannot start because its claim asks for a class that does not exist.
  const items = (): RawObject[] => [
    ...clusterItems(),
    statefulSet('shop', 'cache', { replicas: 1, volumeClaimTemplates: [{ name: 'data', storageClassName: 'gone' }], status: { readyReplicas: 0 } }),
    statefulSetPod('shop', 'cache', 0, { templates: ['data'], phase: 'Pending' }),
    persistentVolumeClaim('shop', 'data-cache-0', { storageClassName: 'gone' }),
  ];
  let everyKind: string;
  beforeAll(() => {
    everyKind = path.join(tmp, 'every-kind.json');
    fs.writeFileSync(everyKind, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: items() }));
  });

  it.each([
    ['pv', Pv, []],
    ['pv -l app=db', Pv, ['-l', 'app=db']],
    ['pvc', Pvc, []],
    ['sts', Sts, []],
    ['sts web -n shop', Sts, ['web', '-n', 'shop']],
    ['sts cache -n shop', Sts, ['cache', '-n', 'shop']],
    ['ingress', Ingress, []],
    ['orphans', Orphans, []],
  ] as const)('%s shows live what it shows from a dump of every kind', async (_name, command, argv) => {
    api.start({ objects: [...items(), secret('shop', 'shop-example-com-tls')] });
    const scope = (argv as readonly string[]).includes('-n') ? [] : ['-A'];
    const fromCluster = json<Record<string, unknown>>(await runCli(command, live(...scope, '-o', 'json', ...argv)));
    const fromDump = json<Record<string, unknown>>(await runCli(command, ['-f', everyKind, '--now', NOW, '-o', 'json', ...argv]));
    expect(fromCluster.incomplete).toEqual([]);
    expect(untargeted(withoutCommandTarget({ ...fromCluster, incomplete: [] }))).toEqual(untargeted(withoutCommandTarget({ ...fromDump, incomplete: [] })));
    expect((fromDump.findings as unknown[]).length).toBeGreaterThan(0);
  });

  it('orphans aims every printed command at the context and kubeconfig that were read', async () => {
    api.start({ objects: items() });
    const doc = json<{ items: { commands: string[] }[]; target: { flags: string[] } }>(await runCli(Orphans, live('-A', '-o', 'json')));
    expect(doc.target.flags).toEqual(['--context', 'prod', '--kubeconfig', kubeconfig]);
    const commands = doc.items.flatMap((o) => o.commands).filter((c) => !c.startsWith('#'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c.startsWith(`kubectl --context prod --kubeconfig ${kubeconfig} `)).toBe(true);
  });
});

/**
 * Orphan commands point at what was read (a live context, or a placeholder for a dump), so they differ by design
 * between the two sources; everything else must be the same.
 */
function withoutCommandTarget(doc: Record<string, unknown>): Record<string, unknown> {
  if (doc.kind !== 'OrphanList') return doc;
  const { target: _target, ...rest } = doc;
  return { ...rest, items: (rest.items as Record<string, unknown>[]).map(({ commands: _commands, ...item }) => item) };
}

describe('cluster failures: one line, exit 3', () => {
  it('an unknown context', async () => {
    serve();
    expectClusterError(await runCli(Report, live('--context', 'nope')), /context "nope" not found in kubeconfig/);
  });

  it('a kubeconfig file that does not exist', async () => {
    expectClusterError(await runCli(Report, ['--kubeconfig', path.join(tmp, 'missing')]), /kubeconfig file .*missing not found/);
  });

  it('a broken kubeconfig', async () => {
    const broken = path.join(tmp, 'broken');
    fs.writeFileSync(broken, 'apiVersion: v1\nclusters: [\n  - name: x\n    cluster: {server: }\n');
    expectClusterError(await runCli(Report, ['--kubeconfig', broken]), /kubeconfig/);
  });

  it('rejected credentials', async () => {
    serve({ unauthorized: true });
    expectClusterError(await runCli(Report, live()), /rejected the credentials/);
  });

  it('an unreachable server', async () => {
    const down = writeKubeconfig(path.join(tmp, 'down'), { server: 'https://api.down.example:6443' });
    api.msw.use(http.all('https://api.down.example:6443/*', () => HttpResponse.error()));
    expectClusterError(await runCli(Report, ['--kubeconfig', down]), /cannot reach https:\/\/api\.down\.example:6443/);
  });

  it('a server that answers nothing in time', async () => {
    const fake = serve({ hang: 'all' });
    const clock = manualTimeouts();
    const pending = runCli(withClock(Report, clock), live('--request-timeout', '500ms'));
    await fake.requestArrived(() => true);
    clock.expire();
    expectClusterError(await pending, /no response from https:\/\/127\.0\.0\.1:6443 within 500 ms/);
  });

  it.each([
    ['an HTML page on every request (not a Kubernetes API server)', { notKubernetes: 'html' as const }, /^error: nothing could be read from https:\/\/127\.0\.0\.1:6443: the answers were not Kubernetes lists/],
    ['a 500 on every request', { notKubernetes: 'error' as const }, /^error: nothing could be read from .*: all \d+ lists failed; first failure: HTTP 500/],
    ['every kind forbidden', { forbidden: [...Object.keys(RESOURCES), 'namespaces'].map((kind) => ({ kind: kind as 'pods', namespace: '*' })) }, /^error: nothing could be read from .*: every list was forbidden for user "prod-user"/],
  ])('nothing readable at all is never a green run: %s', async (_name, behaviour, message) => {
    for (const extra of [[], ['--strict'], ['--fail-on', 'info'], ['-o', 'json']]) {
      serve(behaviour as FakeApiBehaviour);
      const run = await runCli(withoutRetryWaits(Report), live('-A', ...extra));
      expectClusterError(run, message);
      expect(run.stdout).not.toContain('No findings');
    }
  });
});

describe('usage (kubelet volume stats)', () => {
  const GiB = 2 ** 30;
  it('prints df-style rows from the kubelets and flags the nearly full claim', async () => {
    const nodeA = 'ip-10-0-1-17.eu-west-1.compute.internal';
    serve({
      nodeStats: {
        [nodeA]: kubeletSummary(nodeA, [
          { namespace: 'shop', pod: 'web-0', claim: 'data-web-0', volume: 'data', usedBytes: 19 * GiB, capacityBytes: 20 * GiB, availableBytes: 1 * GiB },
          { namespace: 'shop', pod: 'storefront-5d8f7c9b6-x7k2m', claim: 'uploads', usedBytes: 10 * GiB, capacityBytes: 50 * GiB, availableBytes: 40 * GiB },
        ]),
      },
    });
    const run = await runCli(Usage, live('--fail-on', 'warning'));
    const [header, ...rows] = run.stdout.split('\n\n')[0].split('\n');
    expect(header).toMatch(/^PVC\s+SIZE\s+USED\s+AVAIL\s+USE%\s+NODE$/);
    expect(rows).toEqual([
      expect.stringMatching(/^data-web-0\s+20Gi\s+19Gi\s+1Gi\s+95%\s+ip-10-0-1-17/),
      expect.stringMatching(/^uploads\s+50Gi\s+10Gi\s+40Gi\s+20%\s+ip-10-0-1-17/),
    ]);
    expect(run.stdout).toMatch(/pvc-nearly-full\s+pvc\/data-web-0/);
    expect(run.exitCode).toBe(1);
  });

  it('a kubelet that does not answer is partial data; the other nodes are still shown', async () => {
    const nodeA = 'ip-10-0-1-17.eu-west-1.compute.internal';
    const nodeB = 'ip-10-0-2-44.eu-west-1.compute.internal';
    serve({
      nodeStats: {
        [nodeA]: kubeletSummary(nodeA, [{ namespace: 'shop', pod: 'web-0', claim: 'data-web-0', usedBytes: GiB, capacityBytes: 20 * GiB, availableBytes: 19 * GiB }]),
        [nodeB]: 'error',
      },
    });
    const run = await runCli(Usage, live('--strict'));
    expect(run.exitCode).toBe(4);
    expect(run.stdout).toMatch(/^data-web-0\s+20Gi\s+1Gi/m);
    expect(run.stderr).toMatch(/warning: could not read volumestats: error on node ip-10-0-2-44/);
  });
});

describe('hints aim at the cluster that was read', () => {
  it('every kubectl command in a hint carries --context and the --kubeconfig given', async () => {
    serve();
    const report = json(await runCli(Report, live('-A', '-o', 'json')));
    const commands = report.findings.flatMap((f) => [...(f.hint ?? '').matchAll(/\bkubectl (storage )?(.*?)(?=;|$| then | and kubectl)/g)].map((m) => m[0]));
    expect(commands.length).toBeGreaterThan(3);
    for (const c of commands) expect(c).toMatch(new RegExp(`^kubectl (storage )?--context prod --kubeconfig ${kubeconfig.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `));
  });
});
