/**
 * Least privilege, proven on the real control plane: the read-only roles generated from the kinds table
 * (deploy/rbac/clusterrole.yaml and role-namespaced.yaml, `npm run rbac`) are created exactly as written (under a
 * name of this test's own), bound to fresh ServiceAccounts, and `kubectl-storage report -o json` is run with
 * their TokenRequest tokens. The ClusterRole must give a complete report of the whole cluster (incomplete: [], the
 * same findings as the harness's broad reader); the Role a complete report of its namespace (only cluster-scoped
 * kinds not read); and the audit log must show nothing but get, list and watch from either identity.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { KINDS, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { adminClient, ClusterState, REPO_ROOT, requireState } from './control-plane';
import { HARNESS_USER_AGENT, Kube, KObject, waitFor } from './kube';
import { writeKubeconfig } from './pki';

const CLI = path.join(REPO_ROOT, 'cli', 'bin', 'run.js');
const RBAC_DIR = path.join(REPO_ROOT, 'deploy', 'rbac');
const SUFFIX = `${process.pid}-${Date.now().toString(36)}`;
const NAMESPACE = 'data';
const CLUSTER_SA = { namespace: 'default', name: `rbac-cluster-${SUFFIX}` };
const NAMESPACED_SA = { namespace: NAMESPACE, name: `rbac-namespaced-${SUFFIX}` };
const userOf = (sa: { namespace: string; name: string }) => `system:serviceaccount:${sa.namespace}:${sa.name}`;
/** One fixed "now", so the reports of different identities compare equal. */
const NOW = new Date(Date.now() + 3600_000).toISOString();

type AuditEvent = { verb: string; requestURI: string; userAgent?: string; user?: { username?: string }; objectRef?: { resource?: string } };

let state: ClusterState;
let admin: Kube;
let tmp: string;
const created: { kind: string; name: string; namespace?: string }[] = [];

interface RoleDoc {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

/**
 * The manifest as the generator wrote it. Written by the issue-8 work; should a run start before it lands, wait
 * a bounded while for it rather than skip (the test must fail, not pass, without it).
 */
async function manifest(file: string): Promise<RoleDoc> {
  const full = path.join(RBAC_DIR, file);
  await waitFor(`${path.relative(REPO_ROOT, full)} to exist (npm run rbac)`, async () => fs.existsSync(full), { timeoutMs: 5000, intervalMs: 250 });
  return load(fs.readFileSync(full, 'utf8')) as RoleDoc;
}

function kubectlStorage(kubeconfig: string, args: string[]): { status: number | null; report: StorageReport; stderr: string } {
  const env = { ...process.env };
  delete env.KUBECONFIG;
  const res = spawnSync(process.execPath, [CLI, 'report', '-o', 'json', '--kubeconfig', kubeconfig, '--now', NOW, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 120_000 });
  if (res.error) throw res.error;
  try {
    return { status: res.status, report: JSON.parse(res.stdout) as StorageReport, stderr: res.stderr };
  } catch {
    throw new Error(`report -o json printed no JSON (exit ${res.status}).\nstderr:\n${res.stderr.slice(0, 2000)}`);
  }
}

async function create(obj: KObject): Promise<void> {
  await admin.ensure(obj);
  created.push({ kind: obj.kind, name: obj.metadata.name, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}) });
}

/** A ServiceAccount, the binding of `role` to it, RBAC answering yes, and a kubeconfig with its TokenRequest token. */
async function identity(sa: { namespace: string; name: string }, binding: KObject, probe: { verb: string; resource: string; namespace?: string }): Promise<string> {
  await create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa.name, namespace: sa.namespace } });
  await create(binding);
  // The binding reaches the authorizer through its informer: wait for a yes, or the first LISTs would be forbidden.
  await waitFor(`RBAC to allow ${userOf(sa)} to ${probe.verb} ${probe.resource}`, async () => {
    const review = await admin.ok('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: userOf(sa), groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`], resourceAttributes: probe },
    });
    return review.status?.allowed === true;
  }, { timeoutMs: 30_000, intervalMs: 200 });
  const tokenRequest = await admin.ok('POST', `/api/v1/namespaces/${sa.namespace}/serviceaccounts/${sa.name}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  });
  const file = path.join(tmp, `${sa.name}.kubeconfig`);
  writeKubeconfig(file, sa.name, { server: state.server, caFile: state.credentials.admin.caFile, token: tokenRequest.status.token as string });
  return file;
}

/** The audit log up to now (a marker request by the harness is waited for, so everything before it is written). */
async function auditUpToNow(): Promise<AuditEvent[]> {
  const marker = `/api/v1/namespaces/default/configmaps/rbac-audit-marker-${SUFFIX}-${Math.random().toString(36).slice(2)}`;
  await admin.request('GET', marker);
  return waitFor('the audit log to catch up with a marker request', async () => {
    const events = fs.readFileSync(state.auditLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEvent);
    return events.some((e) => e.requestURI === marker && e.userAgent === HARNESS_USER_AGENT) ? events : undefined;
  }, { timeoutMs: 20_000, intervalMs: 100 });
}

const findingKeys = (r: StorageReport) => r.findings.map((f) => `${f.code} ${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name}`).sort();

let clusterKubeconfig: string;
let namespacedKubeconfig: string;
let clusterRole: RoleDoc;
let role: RoleDoc;

beforeAll(async () => {
  state = requireState();
  admin = adminClient(state);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-rbac-'));
  clusterRole = await manifest('clusterrole.yaml');
  role = await manifest('role-namespaced.yaml');

  // Exactly the manifests' rules, under names of this run (the harness's own reader role is left alone).
  const clusterRoleName = `kubectl-storage-reader-${SUFFIX}`;
  await create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: clusterRoleName, labels: clusterRole.metadata.labels }, rules: clusterRole.rules } as KObject);
  clusterKubeconfig = await identity(
    CLUSTER_SA,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: CLUSTER_SA.name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRoleName },
      subjects: [{ kind: 'ServiceAccount', name: CLUSTER_SA.name, namespace: CLUSTER_SA.namespace }],
    } as KObject,
    { verb: 'list', resource: 'persistentvolumes' },
  );

  const roleName = `kubectl-storage-reader-${SUFFIX}`;
  await create({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: roleName, namespace: NAMESPACE, labels: role.metadata.labels }, rules: role.rules } as KObject);
  namespacedKubeconfig = await identity(
    NAMESPACED_SA,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: NAMESPACED_SA.name, namespace: NAMESPACE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
      subjects: [{ kind: 'ServiceAccount', name: NAMESPACED_SA.name, namespace: NAMESPACED_SA.namespace }],
    } as KObject,
    { verb: 'list', resource: 'persistentvolumeclaims', namespace: NAMESPACE },
  );
}, 120_000);

afterAll(async () => {
  for (const ref of created.reverse()) await admin.delete(ref).catch(() => undefined);
  admin?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the generated RBAC manifests', () => {
  it('grant only get, list and watch, on named resources (no wildcards)', () => {
    expect(clusterRole.kind).toBe('ClusterRole');
    expect(role.kind).toBe('Role');
    for (const rule of [...clusterRole.rules, ...role.rules]) expect(rule.verbs.filter((v) => !['get', 'list', 'watch'].includes(v))).toEqual([]);
    for (const rule of [...clusterRole.rules, ...role.rules]) expect(rule.resources.filter((r) => r.includes('*'))).toEqual([]);
  });

  it('the ClusterRole alone gives a complete report of the whole cluster, with the findings of the broad reader', () => {
    const mine = kubectlStorage(clusterKubeconfig, ['-A']);
    expect({ status: mine.status, incomplete: mine.report.incomplete }).toEqual({ status: 0, incomplete: [] });
    const broad = kubectlStorage(state.kubeconfigs.product, ['-A']);
    expect(broad.report.incomplete).toEqual([]);
    expect(findingKeys(mine.report)).toEqual(findingKeys(broad.report));
    expect(mine.report.findings.length).toBeGreaterThan(0);
    expect(mine.report.volumes.map((v) => v.name)).toEqual(broad.report.volumes.map((v) => v.name));
    // Warnings on stderr would mean something was not read.
    expect(mine.stderr).not.toMatch(/not read|forbidden/i);
  });

  it('the namespaced Role gives a complete report of its namespace: only cluster-scoped kinds are not read', () => {
    const mine = kubectlStorage(namespacedKubeconfig, ['-n', NAMESPACE]);
    expect(mine.status).toBe(0);
    const clusterScoped = new Set<string>([...Object.entries(KINDS)].filter(([, spec]) => !('namespaced' in spec) || !spec.namespaced).map(([kind]) => kind));
    const gaps = mine.report.incomplete.map((e) => e.kind);
    expect(gaps.filter((k) => !clusterScoped.has(k))).toEqual([]);
    // Every namespaced kind was read in the namespace.
    const broad = kubectlStorage(state.kubeconfigs.product, ['-n', NAMESPACE]);
    expect(mine.report.claims.map((c) => `${c.namespace}/${c.name} ${c.phase}`)).toEqual(broad.report.claims.map((c) => `${c.namespace}/${c.name} ${c.phase}`));
    expect(mine.report.claims.length).toBeGreaterThan(0);
    expect(mine.report.statefulSets.map((s) => `${s.name} ${s.readyReplicas}/${s.replicas}`)).toEqual(broad.report.statefulSets.map((s) => `${s.name} ${s.readyReplicas}/${s.replicas}`));
    // The findings about namespaced objects that need nothing cluster-scoped: StatefulSets and pods.
    const workloadFindings = (r: StorageReport) => findingKeys(r).filter((k) => /^(sts|pod)-/.test(k));
    expect(workloadFindings(mine.report)).toEqual(workloadFindings(broad.report));
  });

  it('the audit log shows only get, list and watch from both identities', async () => {
    const events = await auditUpToNow();
    for (const sa of [CLUSTER_SA, NAMESPACED_SA]) {
      const mine = events.filter((e) => e.user?.username === userOf(sa));
      expect(mine.some((e) => e.verb === 'list')).toBe(true);
      expect(mine.filter((e) => !['get', 'list', 'watch'].includes(e.verb)).map((e) => `${e.verb} ${e.requestURI}`)).toEqual([]);
    }
  });
});
