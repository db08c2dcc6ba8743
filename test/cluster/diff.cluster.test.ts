/**
 * `kubectl storage diff` on two real captures of the control plane, taken before and after a scenario change: a
 * claim on a Retain volume is deleted, so the real PV controller turns the volume Released. The diff must show the
 * new orphan finding, the PV's phase change and the claim going away; a diff of a capture against itself is empty;
 * --fail-on gates on new findings only; and the live cluster can stand in for the second capture. The test owns
 * its objects (namespace diff-scenario, PV pv-diff-scenario) and removes them, so the other suites never see them.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureObjects } from './capture-demo';
import { adminClient, ClusterState, REPO_ROOT, requireState } from './control-plane';
import { HARNESS_USER_AGENT, Kube, waitFor } from './kube';

const CLI = path.join(REPO_ROOT, 'cli', 'bin', 'run.js');
const NS = 'diff-scenario';
const PV = 'pv-diff-scenario';

let state: ClusterState;
let kube: Kube;
let tmp: string;
let before: string;
let after: string;

async function capture(file: string) {
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: await captureObjects(kube) }));
}

function storage(args: string[]) {
  const res = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '' } });
  if (res.error) throw res.error;
  return res;
}

beforeAll(async () => {
  state = requireState();
  kube = adminClient(state, HARNESS_USER_AGENT);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-diff-'));
  before = path.join(tmp, 'before.json');
  after = path.join(tmp, 'after.json');

  await kube.ensure({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await kube.ensure({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: PV },
    spec: {
      capacity: { storage: '2Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      hostPath: { path: '/srv/diff-scenario' },
      claimRef: { namespace: NS, name: 'reports' },
    },
  });
  await kube.ensure({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'reports', namespace: NS },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: PV, resources: { requests: { storage: '2Gi' } } },
  });
  await waitFor('the claim to bind', async () => (await kube.get('PersistentVolumeClaim', 'reports', NS))?.status?.phase === 'Bound');
  await capture(before);

  // The scenario change: the claim goes, the PV controller releases the Retain volume.
  await kube.delete({ kind: 'PersistentVolumeClaim', name: 'reports', namespace: NS });
  await waitFor('the volume to be Released', async () => (await kube.get('PersistentVolume', PV))?.status?.phase === 'Released');
  await capture(after);
});

afterAll(async () => {
  if (kube) {
    await kube.delete({ kind: 'PersistentVolume', name: PV }).catch(() => undefined);
    await kube.delete({ kind: 'Namespace', name: NS }).catch(() => undefined);
    kube.close();
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('kubectl storage diff on two captures of the real control plane', () => {
  it('shows the orphan that appeared, the phase change and the claim that went away', () => {
    const res = storage(['diff', before, after, '-o', 'json']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const diff = JSON.parse(res.stdout);
    expect(diff).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'StorageDiff' });
    expect(diff.findings.appeared).toEqual([
      expect.objectContaining({ code: 'pv-released-retain', severity: 'warning', object: { kind: 'PersistentVolume', name: PV } }),
    ]);
    // The claim no pod mounted is gone, and with it its finding.
    expect(diff.findings.cleared).toEqual([
      expect.objectContaining({ code: 'pvc-unused', object: { kind: 'PersistentVolumeClaim', namespace: NS, name: 'reports' } }),
    ]);
    expect(diff.phases).toEqual(
      expect.arrayContaining([
        { kind: 'PersistentVolume', name: PV, before: 'Bound', after: 'Released' },
        { kind: 'PersistentVolumeClaim', namespace: NS, name: 'reports', before: 'Bound' },
      ]),
    );
    // Nothing else in the cluster changed between the two captures.
    const others = diff.phases.filter((p: { name: string }) => p.name !== PV && p.name !== 'reports');
    expect(others).toEqual([]);
  });

  it('prints the same as a table, newest problems first', () => {
    const res = storage(['diff', before, after]);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`\\+ new\\s+warning\\s+pv-released-retain\\s+pv/${PV}`));
    expect(res.stdout).toMatch(new RegExp(`pv/${PV}\\s+Bound\\s+Released`));
  });

  it('gates on new findings only: exit 1 for the new warning, 0 for a capture against itself', () => {
    const regression = storage(['diff', before, after, '--fail-on', 'warning']);
    expect(regression.status).toBe(1);
    expect(regression.stderr).toBe('');
    const same = storage(['diff', before, before, '--fail-on', 'info']);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('No changes.');
  });

  it('compares a capture with the live cluster when the second dump is left out', () => {
    const res = storage(['diff', before, '-A', '--kubeconfig', state.kubeconfigs.product, '-o', 'json']);
    expect(res.status).toBe(0);
    const diff = JSON.parse(res.stdout);
    expect(diff.after.source).toMatchObject({ type: 'live' });
    expect(diff.findings.appeared.map((f: { code: string; object: { name: string } }) => `${f.code} ${f.object.name}`)).toContain(`pv-released-retain ${PV}`);
  });
});
