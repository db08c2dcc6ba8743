/**
 * Warning events against the real control plane: the kubelet stand-in writes them through the API as a kubelet's
 * recorder does (Unhealthy "Liveness probe failed: ..." and BackOff for the crash-looping ordinal web-1, Unhealthy
 * readiness for the not-ready checkout pods), the real PV controller writes ProvisioningFailed for the claim on a
 * missing class. The report must join each to the ordinal, claim and finding it explains, with one LIST of
 * Warning events per run (audit log).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterState, REPO_ROOT, requireState } from './control-plane';
import { HARNESS_USER_AGENT, sleep } from './kube';
import { IDENTITIES } from './pki';

const CLI = path.join(REPO_ROOT, 'cli', 'bin', 'run.js');

let state: ClusterState;
let report: any;
let runStartedAt: Date;

function kubectlStorage(args: string[]) {
  const env = { ...process.env };
  delete env.KUBECONFIG;
  return spawnSync(process.execPath, [CLI, ...args, '--kubeconfig', state.kubeconfigs.product], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120000 });
}

beforeAll(() => {
  state = requireState();
  runStartedAt = new Date();
  // The events are minutes old: read them as of now (the other suites read an hour ahead, past the events' age bound).
  const res = kubectlStorage(['report', '-A', '-o', 'json']);
  if (res.status !== 0) throw new Error(`report failed (exit ${res.status}): ${res.stderr}`);
  report = JSON.parse(res.stdout);
});

const evidenceOf = (code: string, ns: string, name: string): any[] =>
  report.findings.find((f: any) => f.code === code && f.object.namespace === ns && f.object.name === name)?.evidence ?? [];

describe('Warning events from the real control plane', () => {
  it('are read: no events entry in incomplete', () => {
    expect(report.incomplete.filter((e: any) => e.kind === 'events')).toEqual([]);
  });

  it('explain the blocked rollout of shop/web by the liveness probe of ordinal 1, in the kubelet\'s words', () => {
    const evidence = evidenceOf('sts-rollout-blocked', 'shop', 'web');
    expect(evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          reason: 'Unhealthy',
          message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
          source: 'kubelet',
          container: 'web',
          object: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
        }),
        expect.objectContaining({ reason: 'BackOff', object: { kind: 'Pod', name: 'web-1', namespace: 'shop' } }),
      ]),
    );
    expect(evidence.every((e: any) => e.object.name === 'web-1')).toBe(true);
  });

  it('give ordinal 1 of shop/web its latest event, and none to the healthy ordinal 0 or the missing ordinal 2', () => {
    const web = report.statefulSets.find((s: any) => s.namespace === 'shop' && s.name === 'web');
    const latest = web.ordinals.map((o: any) => [o.ordinal, o.latestEvent?.reason, o.latestEvent?.object?.name]);
    expect(latest[0]).toEqual([0, undefined, undefined]);
    expect(latest[1][2]).toBe('web-1');
    expect(['Unhealthy', 'BackOff']).toContain(latest[1][1]);
    expect(latest[2]).toEqual([2, undefined, undefined]);
  });

  it("join the PV controller's ProvisioningFailed to the claim shop/uploads it is about", () => {
    expect(evidenceOf('pvc-pending-class-missing', 'shop', 'uploads')).toEqual([
      expect.objectContaining({
        reason: 'ProvisioningFailed',
        message: expect.stringContaining('"premium-ssd" not found'),
        source: 'persistentvolume-controller',
        object: { kind: 'PersistentVolumeClaim', name: 'uploads', namespace: 'shop' },
      }),
    ]);
  });

  it('explain the Ingress path without ready endpoints by the readiness probes of the pods behind it', () => {
    const evidence = evidenceOf('ingress-no-ready-endpoints', 'edge', 'shop');
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) {
      expect(e).toMatchObject({ reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' });
      expect(e.object.name).toMatch(/^checkout-/);
    }
  });

  it('show in kubectl storage sts web -n shop: the LAST EVENT of ordinal 1', () => {
    const res = kubectlStorage(['sts', 'web', '-n', 'shop']);
    expect(res.status).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('ORDINAL'))).toMatch(/LAST EVENT$/);
    expect(lines.find((l) => /^1\s+web-1\s/.test(l))).toMatch(/(Unhealthy|BackOff) \S+ \(x\d+\): (Liveness probe failed|Back-off restarting)/);
    expect(lines.find((l) => /^0\s+web-0\s/.test(l))).toMatch(/<none>$/);
  });

  it('cost one LIST of Warning events per run (fieldSelector type=Warning), in the audit log', async () => {
    let lists: any[] = [];
    for (let i = 0; i < 20 && lists.length === 0; i++) {
      lists = fs
        .readFileSync(state.auditLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((e) => e.user?.username === IDENTITIES.product.user && e.userAgent !== HARNESS_USER_AGENT && new Date(e.requestReceivedTimestamp) >= runStartedAt)
        .filter((e) => e.objectRef?.resource === 'events' && e.stage === 'ResponseComplete');
      if (lists.length === 0) await sleep(250);
    }
    // Two runs since runStartedAt (report, then sts): one LIST each, never a WATCH or a GET of single events.
    expect(lists.map((e) => [e.verb, decodeURIComponent(new URL(e.requestURI, 'https://x').searchParams.get('fieldSelector') ?? '')])).toEqual([
      ['list', 'type=Warning'],
      ['list', 'type=Warning'],
    ]);
  });
});
