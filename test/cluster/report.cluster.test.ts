/**
 * The product against the real control plane: `kubectl-storage report -o json` (DESIGN.md: one StorageReport with
 * findings[{code, severity, object, message}], incomplete[], per-area views) must report every scenario fault on
 * the right object, keep every look-alike quiet, agree with the `sts`, `pv` and `ingress` commands, degrade to a
 * partial report under a user RBAC restricts, and only ever read (checked in the API server's audit log, for the
 * product's own identity).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ClusterState, REPO_ROOT, requireState } from './control-plane';
import { describeRef, HARNESS_USER_AGENT, ObjectRef, sleep } from './kube';
import { IDENTITIES } from './pki';
import { RESTRICTED_FORBIDDEN, SCENARIOS } from './scenarios';
import { findingCatalog } from '@kubectl-storage/plugin-kubernetes-storage-common';

const CLI = path.join(REPO_ROOT, 'cli', 'bin', 'run.js');

/** The finding codes and severities of the core's catalog: derived from it, so a new code can never be "unknown" here. */
const KNOWN_CODES = new Set(findingCatalog.map((entry) => entry.code));

interface Finding {
  code: string;
  severity: 'critical' | 'warning' | 'info';
  object: ObjectRef;
  message: string;
  hint?: string;
  related?: ObjectRef[];
}

interface Report {
  findings: Finding[];
  incomplete: { kind: string; namespace?: string; reason: string }[];
  [view: string]: unknown;
}

let state: ClusterState;
const runStartedAt = new Date();

/** Runs the CLI with only the given kubeconfig (no KUBECONFIG from the environment). */
function kubectlStorage(args: string[]) {
  const env = { ...process.env };
  delete env.KUBECONFIG;
  const res = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120000 });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, error: res.error };
}

/** One fixed "now" for every run, so ages in the views of separate runs compare equal. */
const NOW = ['--now', new Date(Date.now() + 3600_000).toISOString()];

/** `command -A -o json` for one identity, parsed. */
function jsonOf(command: string, kubeconfig: string, extra: string[] = []): { status: number | null; out: any; stderr: string } {
  const res = kubectlStorage([command, '-A', '-o', 'json', '--kubeconfig', kubeconfig, ...NOW, ...extra]);
  if (res.error) throw res.error;
  try {
    return { status: res.status, out: JSON.parse(res.stdout), stderr: res.stderr };
  } catch {
    throw new Error(`${command} -o json did not print one JSON document (exit ${res.status}).\nstdout:\n${res.stdout.slice(0, 2000)}\nstderr:\n${res.stderr.slice(0, 2000)}`);
  }
}

function reportFor(kubeconfig: string, extra: string[] = []): { status: number | null; report: Report; stderr: string } {
  const { status, out, stderr } = jsonOf('report', kubeconfig, extra);
  return { status, report: out, stderr };
}

const sameRef = (a: ObjectRef, b: ObjectRef) =>
  a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');

const byObject = (findings: Finding[]) => {
  const map = new Map<string, string[]>();
  for (const f of findings) {
    const key = describeRef(f.object);
    map.set(key, [...(map.get(key) ?? []), f.code]);
  }
  return Object.fromEntries([...map].sort());
};


beforeAll(() => {
  state = requireState();
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: the CLI must be built before the cluster tier`);
});

describe('kubectl-storage report against the scenario cluster (product identity, full read access)', () => {
  let report: Report;
  let status: number | null;

  beforeAll(() => {
    ({ report, status } = reportFor(state.kubeconfigs.product));
  });

  it('exits 0 (no --fail-on) with a complete report, volume stats included', () => {
    expect(status).toBe(0);
    expect(report).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'StorageReport', source: { type: 'live', user: IDENTITIES.product.user } });
    expect(Array.isArray(report.findings)).toBe(true);
    expect(report.incomplete).toEqual([]);
  });

  it('uses only catalogued finding codes and severities', () => {
    const severityOf = new Map(findingCatalog.map((entry) => [entry.code, entry.severity] as const));
    const unknown = report.findings.filter(f => !KNOWN_CODES.has(f.code) || severityOf.get(f.code) !== f.severity);
    expect(unknown).toEqual([]);
  });

  it.each(SCENARIOS.filter(s => s.expect.length > 0).map(s => [s.name, s] as const))('reports the faults of scenario %s', (_name, scenario) => {
    const missing = scenario.expect.filter(e => {
      const targets = [e.object, ...(e.alsoOn ?? [])];
      return !report.findings.some(f => f.code === e.code && targets.some(t => sameRef(f.object, t)));
    });
    expect({ missing: missing.map(e => `${e.code} on ${describeRef(e.object)}`), reported: byObject(report.findings) }).toMatchObject({ missing: [] });
  });

  it.each(SCENARIOS.filter(s => s.quiet.length > 0).map(s => [s.name, s] as const))('keeps the look-alikes of scenario %s quiet', (_name, scenario) => {
    const noisy = report.findings.filter(f => scenario.quiet.some(q => sameRef(f.object, q)));
    expect(noisy.map(f => `${f.code} on ${describeRef(f.object)}: ${f.message}`)).toEqual([]);
  });

  it('does not blame the claims of db-backup on db (name prefix)', () => {
    const leftovers = report.findings.filter(f => f.code === 'sts-leftover-claims');
    const text = JSON.stringify(leftovers);
    expect(text).toContain('data-db-2');
    expect(text).toContain('data-db-3');
    expect(text).not.toContain('data-db-backup');
    expect(leftovers.every(f => f.object.name !== 'db-backup')).toBe(true);
  });

  it('ties the Released PV of a deleted ordinal claim back to StatefulSet ledger ordinal 2', () => {
    const f = report.findings.find(x => x.code === 'pv-released-retain' && x.object.name === 'pv-data-ledger-2');
    expect(f).toBeDefined();
    expect(`${f!.message} ${JSON.stringify(f!.related ?? [])}`).toMatch(/ledger/);
    expect(f!.message).toMatch(/\b2\b|ledger-2/);
    const volume = (report.volumes as any[]).find(v => v.name === 'pv-data-ledger-2');
    expect(volume).toMatchObject({ phase: 'Released', ownerOrdinal: { namespace: 'data', statefulSet: 'ledger', ordinal: 2 } });
  });

  it('shows one entry per ordinal: web blocked at 1 with 2 missing, db with leftovers 2 and 3, db-backup only its own', () => {
    const ordinals = (ns: string, name: string) =>
      (report.statefulSets as any[]).find(s => s.namespace === ns && s.name === name)?.ordinals.map((o: any) => `${o.ordinal}:${o.status}`);
    expect(ordinals('shop', 'web')).toEqual(['0:Ready', '1:NotReady', '2:Missing']);
    expect(ordinals('data', 'db')).toEqual(['0:Ready', '1:Ready', '2:Leftover', '3:Leftover']);
    expect(ordinals('data', 'db-backup')).toEqual(['0:Ready', '1:Ready']);
    expect(ordinals('shop', 'cart')).toEqual(['0:Ready', '1:Ready', '2:Ready']);
  });

  it('follows every Ingress path down to its ready endpoints', () => {
    const paths = (report.ingresses as any[])
      .filter(i => i.namespace === 'edge')
      .map(i => `${i.ingress} ${i.host}${i.path} -> ${i.service}:${i.port} ${i.readyEndpoints}/${i.readyEndpoints + i.notReadyEndpoints}`)
      .sort();
    expect(paths).toEqual([
      'blog blog.example.test/ -> storefront:80 2/2',
      'shop shop.example.test/ -> storefront:80 2/2',
      'shop shop.example.test/admin -> storefront:9090 0/0',
      'shop shop.example.test/catalog -> storefront:http 2/2',
      'shop shop.example.test/checkout -> checkout:80 0/2',
      'shop shop.example.test/legacy -> legacy:80 0/0',
      'storefront www.example.test/ -> storefront:http 2/2',
    ]);
  });

  it('reads claim usage from the kubelet through the API server', () => {
    const usage = (name: string) => (report.claims as any[]).find(c => c.namespace === 'data' && c.name === name)?.usage;
    expect(usage('data-ledger-0')).toMatchObject({ usedPercent: 96, capacityBytes: 2 ** 30 });
    expect(usage('data-ledger-1')).toMatchObject({ usedPercent: 60 });
  });

  it('treats WaitForFirstConsumer Pending as normal (never critical)', () => {
    const f = report.findings.filter(x => x.object.name === 'reports' && x.object.namespace === 'shop');
    expect(f.every(x => x.severity !== 'critical')).toBe(true);
  });

  it.each([
    ['sts', 'statefulSets'],
    ['pv', 'volumes'],
    ['ingress', 'ingresses'],
  ])('agrees with the %s command (same %s view, its findings a subset of the report\'s)', (command, view) => {
    const { status: code, out } = jsonOf(command, state.kubeconfigs.product);
    expect(code).toBe(0);
    // The view's list document holds the report's slice as items.
    expect(out.items).toEqual(report[view]);
    const key = (f: Finding) => `${f.code} ${describeRef(f.object)}`;
    const all = new Set(report.findings.map(key));
    expect((out.findings as Finding[]).map(key).filter(k => !all.has(k))).toEqual([]);
    expect(out.findings.length).toBeGreaterThan(0);
  });
});

describe('kubectl-storage report as a user RBAC restricts', () => {
  it('returns a partial report naming the forbidden kinds in incomplete[], and analyses what it could read', () => {
    const { status, report } = reportFor(state.kubeconfigs.restricted);
    expect(status).toBe(0);
    // dev-alice may not list PVs, StorageClasses, Ingresses (scenario rbac), nor CSIDrivers (no storage.k8s.io at
    // all), Secrets and nodes/proxy (stats).
    const forbidden = [...new Set(report.incomplete.map(i => i.kind))].sort();
    expect(forbidden).toEqual([...RESTRICTED_FORBIDDEN, 'csidrivers', 'secrets', 'volumestats'].sort());
    expect(report.incomplete.every(i => i.reason === 'forbidden')).toBe(true);
    const codes = new Set(report.findings.map(f => `${f.code} ${describeRef(f.object)}`));
    expect(codes).toContain('sts-rollout-blocked StatefulSet shop/web');
    expect(codes).toContain('sts-leftover-claims StatefulSet data/db');
    // Nothing is concluded from kinds it could not read.
    expect(report.findings.filter(f => /^(pv-|storageclass-|ingress-)/.test(f.code))).toEqual([]);
  });

  it('exits 4 with --strict', () => {
    expect(jsonOf('report', state.kubeconfigs.restricted, ['--strict']).status).toBe(4);
  });
});

describe('the audit log', () => {
  it('shows only get, list and watch requests from the product identities', async () => {
    const users = new Set<string>([IDENTITIES.product.user, IDENTITIES.restricted.user]);
    let events: any[] = [];
    // The log backend writes after the response; give it a moment to catch up.
    for (let i = 0; i < 20; i++) {
      events = fs
        .readFileSync(state.auditLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(line => JSON.parse(line))
        .filter(e => users.has(e.user?.username) && e.userAgent !== HARNESS_USER_AGENT && new Date(e.requestReceivedTimestamp) >= runStartedAt);
      if (events.some(e => e.user.username === IDENTITIES.product.user) && events.some(e => e.user.username === IDENTITIES.restricted.user)) break;
      await sleep(250);
    }
    const product = events.filter(e => e.user.username === IDENTITIES.product.user);
    expect(product.length).toBeGreaterThan(0);
    expect(product.some(e => e.verb === 'list' && e.objectRef?.resource === 'persistentvolumes')).toBe(true);
    const writes = events.filter(e => !['get', 'list', 'watch'].includes(e.verb));
    expect(writes.map(e => `${e.user.username} ${e.verb} ${e.requestURI} (${e.userAgent})`)).toEqual([]);
    // The product identifies itself (kubectl-storage/<version>... or the like), never as a generic client.
    const agents = [...new Set(product.map(e => String(e.userAgent)))];
    expect(agents.filter(a => !a.startsWith('kubectl-storage'))).toEqual([]);
  });
});
