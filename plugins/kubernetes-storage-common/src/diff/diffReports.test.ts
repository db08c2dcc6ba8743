import { reportOf } from '../__fixtures__/findings';
import { pv, pvc, statefulSet, statefulSetPod } from '../__fixtures__/snapshot';
import { diffReports, isEmptyDiff } from './diffReports';

const db = statefulSet({ name: 'db', templates: ['data'], replicas: 2, podManagementPolicy: 'Parallel' });

describe('diffReports', () => {
  it('is empty for the same cluster state read twice', () => {
    const parts = { persistentVolumes: [pv({ name: 'pv-a', phase: 'Released', reclaimPolicy: 'Retain' as const })] };
    const diff = diffReports(reportOf(parts), reportOf(parts));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.findings.appeared).toEqual([]);
  });

  it('lists findings that appeared and cleared, keyed by code and object, most severe first', () => {
    const before = reportOf({ persistentVolumes: [pv({ name: 'pv-old', phase: 'Released', reclaimPolicy: 'Retain' })] });
    const after = reportOf({
      persistentVolumes: [pv({ name: 'pv-new', phase: 'Released', reclaimPolicy: 'Retain' })],
      persistentVolumeClaims: [pvc({ name: 'orders', namespace: 'shop', phase: 'Lost' })],
    });
    const diff = diffReports(before, after);
    expect(diff.findings.appeared.map((f) => `${f.severity} ${f.code} ${f.object.name}`)).toEqual(
      expect.arrayContaining(['warning pv-released-retain pv-new', 'critical pvc-lost orders']),
    );
    // critical before warning
    expect(diff.findings.appeared[0].severity).toBe('critical');
    expect(diff.findings.cleared.map((f) => `${f.code} ${f.object.name}`)).toEqual(['pv-released-retain pv-old']);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reports a severity change of the same code on the same object, not an appear/clear pair', () => {
    const before = reportOf({ persistentVolumeClaims: [pvc({ name: 'a', phase: 'Lost' })] });
    const after = reportOf({ persistentVolumeClaims: [pvc({ name: 'a', phase: 'Lost' })] });
    const lowered = { ...after, findings: after.findings.map((f) => (f.code === 'pvc-lost' ? { ...f, severity: 'warning' as const } : f)) };
    const diff = diffReports(before, lowered);
    expect(diff.findings.severityChanged).toEqual([
      expect.objectContaining({ code: 'pvc-lost', severity: 'warning', previousSeverity: 'critical' }),
    ]);
    expect(diff.findings.appeared).toEqual([]);
    expect(diff.findings.cleared).toEqual([]);
  });

  it('lists volumes and claims that changed phase, appeared or went away', () => {
    const before = reportOf({
      persistentVolumes: [pv({ name: 'pv-1', phase: 'Bound' }), pv({ name: 'pv-gone', phase: 'Available' })],
      persistentVolumeClaims: [pvc({ name: 'c', namespace: 'shop', phase: 'Pending' })],
    });
    const after = reportOf({
      persistentVolumes: [pv({ name: 'pv-1', phase: 'Released' })],
      persistentVolumeClaims: [pvc({ name: 'c', namespace: 'shop', phase: 'Bound' })],
    });
    expect(diffReports(before, after).phases).toEqual([
      { kind: 'PersistentVolume', name: 'pv-1', before: 'Bound', after: 'Released' },
      { kind: 'PersistentVolume', name: 'pv-gone', before: 'Available' },
      { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'c', before: 'Pending', after: 'Bound' },
    ]);
  });

  it('lists ordinals whose status changed, in ordinal order', () => {
    const ready = (o: number) => statefulSetPod(db, o, { ready: true, phase: 'Running' });
    const notReady = (o: number) => statefulSetPod(db, o, { ready: false, phase: 'Running' });
    const before = reportOf({ statefulSets: [db], pods: [ready(0), ready(1)] });
    const after = reportOf({ statefulSets: [db], pods: [ready(0), notReady(1)] });
    const diff = diffReports(before, after);
    expect(diff.ordinals).toEqual([
      { namespace: 'default', statefulSet: 'db', ordinal: 1, podName: 'db-1', before: 'Ready', after: 'NotReady' },
    ]);
  });

  it('says which kinds could not be compared instead of calling them unchanged', () => {
    const before = reportOf({});
    const after = reportOf({ incomplete: [{ kind: 'pods', reason: 'forbidden', message: 'pods is forbidden' }] });
    expect(diffReports(before, after).notCompared).toEqual([{ kind: 'pods', side: 'after', reason: 'forbidden' }]);
  });
});
