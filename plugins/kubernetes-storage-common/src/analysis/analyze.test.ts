import { reportOf } from '../__fixtures__/findings';
import { ago, boundPair, DAY, FIXTURE_NOW, pod, pv, pvc, snapshotOf, storageClass } from '../__fixtures__/snapshot';
import type { Finding } from '../model/report';
import { analyze } from './analyze';
import { createContext, resolveOptions } from './createContext';
import { buildSnapshotIndex } from './snapshotIndex';
import { isOrphanedVolume } from './volumes';

function contextFor(parts: Parameters<typeof snapshotOf>[0]) {
  const snapshot = snapshotOf(parts);
  const findings: Finding[] = [];
  return { ctx: createContext(snapshot, buildSnapshotIndex(snapshot), resolveOptions(snapshot), findings), findings };
}

describe('analyze', () => {
  const faults = () => ({
    storageClasses: [storageClass({ name: 'standard', isDefault: true })],
    persistentVolumes: [
      pv({ name: 'orphan-b', phase: 'Released' as const, reclaimPolicy: 'Retain' as const, capacity: '5Gi', claimRef: { namespace: 'b', name: 'x' } }),
      pv({ name: 'orphan-a', phase: 'Released' as const, reclaimPolicy: 'Retain' as const, capacity: '1Gi', claimRef: { namespace: 'a', name: 'y' } }),
      pv({ name: 'spare', phase: 'Available' as const, claimRef: undefined, lastPhaseTransitionTime: ago(30 * DAY) }),
    ],
    persistentVolumeClaims: [
      pvc({ name: 'lost', namespace: 'zeta', phase: 'Lost' as const, volumeName: 'gone' }),
      pvc({ name: 'typo', namespace: 'alpha', phase: 'Pending' as const, storageClassName: 'fsat', capacity: undefined }),
      pvc({ name: 'idle', namespace: 'alpha', volumeName: 'idle-pv' }),
    ],
  });

  it('sorts findings by severity, then namespace, kind, name and code', () => {
    const report = reportOf(faults());
    expect(report.findings.map((f) => `${f.severity} ${f.object.namespace ?? '-'} ${f.object.kind} ${f.object.name} ${f.code}`)).toEqual([
      'critical alpha PersistentVolumeClaim typo pvc-pending-class-missing',
      'critical zeta PersistentVolumeClaim lost pvc-lost',
      'warning - PersistentVolume orphan-a pv-released-retain',
      'warning - PersistentVolume orphan-b pv-released-retain',
      'info - PersistentVolume spare pv-available-long',
      'info alpha PersistentVolumeClaim idle pvc-unused',
    ]);
  });

  it('orders by kind before name within a namespace and severity', () => {
    const full = boundPair({ name: 'z-claim', namespace: 'alpha', requestedStorage: '20Gi', capacity: '10Gi' });
    const memoryPod = pod({ name: 'a-pod', namespace: 'alpha', volumes: [{ name: 'm', kind: 'emptyDir', medium: 'Memory' }], claims: undefined });
    const report = reportOf({ persistentVolumes: [full.pv], persistentVolumeClaims: [full.pvc], pods: [memoryPod] });
    expect(report.findings.filter((f) => f.severity === 'warning').map((f) => `${f.object.kind}/${f.object.name}`)).toEqual([
      'PersistentVolumeClaim/z-claim',
      'Pod/a-pod',
    ]);
  });

  it('summarises findings, phases and orphaned bytes', () => {
    const report = reportOf(faults());
    expect(report.summary).toEqual({
      findings: { critical: 2, warning: 2, info: 2 },
      volumes: { total: 3, byPhase: { Released: 2, Available: 1 }, orphaned: 2, orphanedBytes: 6 * 2 ** 30 },
      claims: { total: 3, byPhase: { Lost: 1, Pending: 1, Bound: 1 } },
      statefulSets: { total: 0, healthy: 0 },
      ingresses: { total: 0, paths: 0, failingPaths: 0 },
    });
  });

  it('does not count a Released+Retain volume being deleted as orphaned, just as pv-released-retain does not fire for it', () => {
    const parts = faults();
    const deleting = pv({
      name: 'orphan-c',
      phase: 'Released',
      reclaimPolicy: 'Retain',
      capacity: '7Gi',
      meta: { deletionTimestamp: ago(DAY), finalizers: ['kubernetes.io/pv-protection'] },
    });
    const report = reportOf({ ...parts, persistentVolumes: [...parts.persistentVolumes, deleting] });
    const released = report.findings.filter((f) => f.code === 'pv-released-retain').map((f) => f.object.name);
    expect(released).toEqual(['orphan-a', 'orphan-b']);
    expect(report.summary.volumes).toMatchObject({ total: 4, orphaned: released.length, orphanedBytes: 6 * 2 ** 30 });
    // The exported predicate is that same rule, for callers holding the volumes rather than the report.
    expect([...parts.persistentVolumes, deleting].filter(isOrphanedVolume).map((v) => v.meta.name).sort()).toEqual(released);
  });

  it('is deterministic: generatedAt is the snapshot time and the same input gives the same bytes', () => {
    const a = reportOf(faults());
    expect(a.generatedAt).toBe(FIXTURE_NOW);
    expect(JSON.stringify(reportOf(faults()))).toBe(JSON.stringify(a));
    const later = new Date('2030-01-01T00:00:00Z');
    const b = reportOf(faults(), { now: later });
    expect(b.generatedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(b.volumes.find((v) => v.name === 'spare')?.ageSeconds).toBeGreaterThan(a.volumes.find((v) => v.name === 'spare')?.ageSeconds ?? 0);
  });

  it('carries source, incomplete and scope into the report', () => {
    const incomplete = [{ kind: 'secrets' as const, namespace: 'a', reason: 'forbidden' as const, message: 'secrets is forbidden' }];
    const report = analyze(snapshotOf({ source: { type: 'file', files: ['dump.json'] }, incomplete }), { scope: { namespaces: ['a'], selector: 'app=db' } });
    expect(report).toMatchObject({
      apiVersion: 'kubectl-storage.io/v1alpha1',
      kind: 'StorageReport',
      source: { type: 'file', files: ['dump.json'] },
      scope: { namespaces: ['a'], selector: 'app=db' },
      incomplete,
    });
    expect(reportOf({})).not.toHaveProperty('scope');
  });

  it('suppresses absence-based findings for kinds that were forbidden, while presence-based ones still fire', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    const report = reportOf({
      persistentVolumes: [v, pv({ name: 'dangling', claimRef: { namespace: 'default', name: 'nope' } })],
      persistentVolumeClaims: [c, pvc({ name: 'typo', phase: 'Pending', storageClassName: 'fsat' }), pvc({ name: 'lost', phase: 'Lost', volumeName: 'x' })],
      observedKinds: ['persistentvolumes', 'persistentvolumeclaims', 'storageclasses', 'pods'],
      incomplete: [
        { kind: 'storageclasses', reason: 'forbidden', message: 'storageclasses is forbidden' },
        { kind: 'pods', namespace: 'default', reason: 'forbidden', message: 'pods is forbidden' },
      ],
    });
    const codes = report.findings.map((f) => f.code);
    expect(codes).not.toContain('pvc-pending-class-missing');
    expect(codes).not.toContain('pvc-unused');
    expect(codes).toContain('pv-claimref-dangling');
    expect(codes).toContain('pvc-lost');
    expect(report.incomplete.map((e) => e.kind)).toEqual(['storageclasses', 'pods']);
  });
});

describe('AnalysisContext', () => {
  it('emit takes severity from the catalog and rejects unknown codes', () => {
    const { ctx, findings } = contextFor({});
    ctx.emit({ code: 'pvc-lost', object: { kind: 'PersistentVolumeClaim', name: 'x', namespace: 'a' }, message: 'm' });
    expect(findings).toEqual([{ code: 'pvc-lost', severity: 'critical', object: { kind: 'PersistentVolumeClaim', name: 'x', namespace: 'a' }, message: 'm' }]);
    expect(Object.keys(findings[0]).slice(0, 2)).toEqual(['code', 'severity']);
    // A code outside the catalog does not compile (FindingCode); one that arrives anyway is rejected at run time.
    // @ts-expect-error not a catalog code
    expect(() => ctx.emit({ code: 'pvc-typo', object: { kind: 'X', name: 'y' }, message: 'm' })).toThrow(
      'Unknown finding code "pvc-typo": add it to the catalog (src/catalog) first',
    );
  });

  it('observed: read, not covered by an incomplete entry, and inside the collected namespaces', () => {
    const { ctx } = contextFor({
      namespaces: ['a', 'b'],
      observedKinds: ['pods', 'services', 'storageclasses', 'volumestats'],
      incomplete: [
        { kind: 'pods', namespace: 'b', reason: 'forbidden', message: '' },
        { kind: 'services', reason: 'timeout', message: '' },
        { kind: 'volumestats', node: 'n1', reason: 'error', message: '' },
      ],
    });
    expect(ctx.observed('pods', 'a')).toBe(true);
    expect(ctx.observed('pods', 'b')).toBe(false); // forbidden there
    expect(ctx.observed('pods', 'c')).toBe(false); // not collected
    expect(ctx.observed('pods')).toBe(false); // not everywhere
    expect(ctx.observed('services', 'a')).toBe(false); // cluster-wide gap
    expect(ctx.observed('storageclasses')).toBe(true);
    expect(ctx.observed('ingresses', 'a')).toBe(false); // never read
    expect(ctx.observed('volumestats', 'a')).toBe(true); // one node failing says nothing about a namespace
    expect(ctx.observed('volumestats')).toBe(false);
  });

  it('observed: a kind forbidden cluster-wide but read namespace by namespace counts where it was read', () => {
    const { ctx } = contextFor({
      observedKinds: ['pods'],
      incomplete: [
        { kind: 'pods', reason: 'forbidden', message: '', readNamespaces: ['a', 'b'] },
        { kind: 'pods', namespace: 'b', reason: 'timeout', message: '' },
      ],
    });
    expect(ctx.observed('pods', 'a')).toBe(true);
    expect(ctx.observed('pods', 'b')).toBe(false); // read instead, but that read failed
    expect(ctx.observed('pods', 'c')).toBe(false); // not among the namespaces read instead
    expect(ctx.observed('pods')).toBe(false);
  });

  it('resolves defaults and keeps explicit options, ignoring undefined ones', () => {
    const snapshot = snapshotOf({});
    const o = resolveOptions(snapshot, { pendingGraceSeconds: 1, nearlyFullPercent: undefined });
    expect(o).toEqual({
      availableAfterSeconds: 7 * DAY,
      terminatingAfterSeconds: 600,
      pendingGraceSeconds: 1,
      restartLoopThreshold: 5,
      nearlyFullPercent: 90,
      missingOrdinalGraceSeconds: 300,
      generationLagGraceSeconds: 300,
      now: new Date(FIXTURE_NOW),
    });
  });

  it('a pod mounting a claim does not make an unrelated claim used', () => {
    const a = boundPair({ name: 'a' });
    const b = boundPair({ name: 'b' });
    const report = reportOf({ persistentVolumes: [a.pv, b.pv], persistentVolumeClaims: [a.pvc, b.pvc], pods: [pod({ claims: ['a'] })] });
    expect(report.findings.map((f) => `${f.code} ${f.object.name}`)).toEqual(['pvc-unused b']);
  });
});
