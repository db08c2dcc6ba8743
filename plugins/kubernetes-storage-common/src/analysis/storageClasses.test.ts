import { fired, reportOf } from '../__fixtures__/findings';
import { ago, boundPair, DAY, pv, pvc, storageClass } from '../__fixtures__/snapshot';

const unsetClaim = pvc({ name: 'helm-data', namespace: 'shop', storageClassName: undefined });

describe('storageclass-no-default', () => {
  it('fires when classes exist and none is default', () => {
    const [f] = fired('storageclass-no-default', { storageClasses: [storageClass('fast'), storageClass('slow')] });
    expect(f).toMatchObject({ severity: 'warning', object: { kind: 'StorageClass', name: '(default)' }, details: { claims: 0, classes: 2 } });
  });

  it('fires when a claim without class exists even with no class at all, listing the claim', () => {
    const [f] = fired('storageclass-no-default', { persistentVolumeClaims: [unsetClaim] });
    expect(f.message).toContain('1 claim without a class depends on it.');
    expect(f.related).toEqual([{ kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'helm-data' }]);
  });

  it('stays quiet with one default, with an empty cluster, and when StorageClasses were not observed', () => {
    expect(fired('storageclass-no-default', { storageClasses: [storageClass({ name: 'std', isDefault: true }), storageClass('fast')] })).toEqual([]);
    expect(fired('storageclass-no-default', {})).toEqual([]);
    expect(fired('storageclass-no-default', { observedKinds: ['persistentvolumeclaims'], persistentVolumeClaims: [unsetClaim] })).toEqual([]);
  });

  it('in a scoped report fires only when a claim in scope leaves its class unset', () => {
    const classes = [storageClass('fast')];
    const scope = { namespaces: ['shop'] };
    expect(fired('storageclass-no-default', { storageClasses: classes, persistentVolumeClaims: [pvc({ storageClassName: 'fast' })] }, { scope })).toEqual([]);
    expect(fired('storageclass-no-default', { storageClasses: classes, persistentVolumeClaims: [unsetClaim] }, { scope })).toHaveLength(1);
  });
});

describe('storageclass-multiple-defaults', () => {
  const older = storageClass({ name: 'gp2', isDefault: true, meta: { creationTimestamp: ago(400 * DAY) } });
  const newer = storageClass({ name: 'gp3', isDefault: true, meta: { creationTimestamp: ago(10 * DAY) } });

  it('fires on the newest default and says it wins', () => {
    const [f] = fired('storageclass-multiple-defaults', { storageClasses: [newer, older] });
    expect(f.object).toEqual({ kind: 'StorageClass', name: 'gp3' });
    expect(f.message).toBe('2 StorageClasses are marked default (gp3, gp2); since Kubernetes 1.26 the newest, gp3, wins for claims without a class.');
    expect(f.details).toMatchObject({ winner: 'gp3', defaults: 2 });
  });

  it('breaks a creation-time tie by name', () => {
    const a = storageClass({ name: 'b-class', isDefault: true });
    const b = storageClass({ name: 'a-class', isDefault: true });
    expect(fired('storageclass-multiple-defaults', { storageClasses: [a, b] })[0].details).toMatchObject({ winner: 'a-class' });
  });

  it('stays quiet with a single default, and in a scoped report without unset claims', () => {
    expect(fired('storageclass-multiple-defaults', { storageClasses: [older, storageClass('fast')] })).toEqual([]);
    expect(fired('storageclass-multiple-defaults', { storageClasses: [older, newer] }, { scope: { selector: 'app=x' } })).toEqual([]);
  });

  it('a claim without class uses the winning default', () => {
    const claim = pvc({ phase: 'Pending', storageClassName: undefined, capacity: undefined, meta: { creationTimestamp: ago(DAY) } });
    const [f] = fired('pvc-pending-provisioning', { storageClasses: [older, newer], persistentVolumeClaims: [claim] });
    expect(f.details).toMatchObject({ storageClass: 'gp3' });
  });
});

describe('storage class view', () => {
  it('counts claims and volumes per class, sorted by name', () => {
    const a = boundPair({ name: 'a', storageClassName: 'fast' });
    const report = reportOf({
      storageClasses: [storageClass({ name: 'std', isDefault: true }), storageClass('fast')],
      persistentVolumeClaims: [a.pvc, pvc({ name: 'b', storageClassName: 'fast' }), pvc({ name: 'c', storageClassName: undefined })],
      persistentVolumes: [a.pv, pv({ name: 'loose', storageClassName: 'std', phase: 'Available' })],
    });
    expect(report.storageClasses).toEqual([
      { name: 'fast', provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true, isDefault: false, claims: 2, volumes: 1 },
      { name: 'std', provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true, isDefault: true, claims: 0, volumes: 1 },
    ]);
  });
});
