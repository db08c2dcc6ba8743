import { fired, reportOf } from '../__fixtures__/findings';
import { ago, boundPair, DAY, HOUR, MINUTE, pv, pvc, statefulSet } from '../__fixtures__/snapshot';

describe('pv-released-retain', () => {
  it('fires for a Released volume with Retain, with age, size, class and the claim it belonged to', () => {
    const [f] = fired('pv-released-retain', {
      persistentVolumes: [
        pv({
          name: 'pv-old',
          phase: 'Released',
          reclaimPolicy: 'Retain',
          capacity: '20Gi',
          lastPhaseTransitionTime: ago(3 * DAY + 4 * HOUR),
          claimRef: { namespace: 'shop', name: 'uploads', uid: 'gone' },
        }),
      ],
    });
    expect(f).toMatchObject({ severity: 'warning', object: { kind: 'PersistentVolume', name: 'pv-old' } });
    expect(f.message).toBe(
      'PersistentVolume pv-old (20Gi, class standard) has been Released with reclaim policy Retain for 3d4h; ' +
        'it belonged to claim shop/uploads.',
    );
    expect(f.details).toEqual({ capacityBytes: 20 * 2 ** 30, phaseAgeSeconds: 3 * DAY + 4 * HOUR, claim: 'shop/uploads' });
  });

  it('names the StatefulSet ordinal whose claim it was, with a rebind hint', () => {
    const db = statefulSet({ name: 'db', templates: ['data'], replicas: 3 });
    const [f] = fired('pv-released-retain', {
      statefulSets: [db],
      persistentVolumes: [
        pv({ name: 'pv-3', phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data-db-3' } }),
      ],
    });
    expect(f.message).toContain('it belonged to claim default/data-db-3, which was ordinal 3 of StatefulSet db (template data)');
    expect(f.details).toMatchObject({ statefulSet: 'db', ordinal: 3, template: 'data' });
    expect(f.related).toEqual([
      { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data-db-3' },
      { kind: 'StatefulSet', namespace: 'default', name: 'db' },
    ]);
    expect(f.hint).toContain('/spec/claimRef/uid');
  });

  it('does not attribute claims of StatefulSet db-backup to db', () => {
    const [f] = fired('pv-released-retain', {
      statefulSets: [statefulSet({ name: 'db', templates: ['data'] }), statefulSet({ name: 'db-backup', templates: ['data'] })],
      persistentVolumes: [
        pv({ phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data-db-backup-0' } }),
      ],
    });
    expect(f.details).toMatchObject({ statefulSet: 'db-backup', ordinal: 0 });
  });

  it('stays quiet for a Bound volume with Retain and for a Released volume with Delete', () => {
    const { pv: bound, pvc: claim } = boundPair({ name: 'data' }, { reclaimPolicy: 'Retain' });
    const parts = {
      persistentVolumes: [bound, pv({ name: 'pv-del', phase: 'Released', reclaimPolicy: 'Delete' })],
      persistentVolumeClaims: [claim],
    };
    expect(fired('pv-released-retain', parts)).toEqual([]);
  });
});

describe('pv-reclaim-failed', () => {
  it('fires for a Delete volume still Released after the grace period, with the status message', () => {
    const [f] = fired('pv-reclaim-failed', {
      persistentVolumes: [
        pv({
          name: 'pv-del',
          phase: 'Released',
          reclaimPolicy: 'Delete',
          lastPhaseTransitionTime: ago(2 * HOUR),
          statusMessage: 'error deleting EBS volume: VolumeInUse',
        }),
      ],
    });
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'PersistentVolume pv-del has reclaim policy Delete but is still Released after 120m: deleting it failed: ' +
        'error deleting EBS volume: VolumeInUse.',
    );
    expect(f.details).toMatchObject({ statusMessage: 'error deleting EBS volume: VolumeInUse' });
  });

  it('fires for a Failed Delete volume at once', () => {
    expect(fired('pv-reclaim-failed', { persistentVolumes: [pv({ phase: 'Failed', reclaimPolicy: 'Delete', lastPhaseTransitionTime: ago(5) })] })).toHaveLength(1);
  });

  it('stays quiet for a Delete volume released moments ago (deletion in progress) and for Retain+Released', () => {
    const parts = {
      persistentVolumes: [
        pv({ name: 'a', phase: 'Released', reclaimPolicy: 'Delete', lastPhaseTransitionTime: ago(30) }),
        pv({ name: 'b', phase: 'Released', reclaimPolicy: 'Retain' }),
      ],
    };
    expect(fired('pv-reclaim-failed', parts)).toEqual([]);
  });
});

describe('pv-failed', () => {
  it('fires for a Failed volume with Retain or Recycle', () => {
    const found = fired('pv-failed', {
      persistentVolumes: [pv({ name: 'a', phase: 'Failed', reclaimPolicy: 'Retain' }), pv({ name: 'b', phase: 'Failed', reclaimPolicy: 'Recycle' })],
    });
    expect(found.map((f) => f.object.name)).toEqual(['a', 'b']);
  });
  it('leaves a Failed Delete volume to pv-reclaim-failed', () => {
    expect(fired('pv-failed', { persistentVolumes: [pv({ phase: 'Failed', reclaimPolicy: 'Delete' })] })).toEqual([]);
  });
});

describe('pv-pending', () => {
  it('fires for a volume Pending past the grace period', () => {
    const [f] = fired('pv-pending', { persistentVolumes: [pv({ phase: 'Pending', lastPhaseTransitionTime: ago(HOUR) })] });
    expect(f.message).toContain('has been Pending for 60m');
  });
  it('stays quiet for a volume that became Pending a minute ago', () => {
    expect(fired('pv-pending', { persistentVolumes: [pv({ phase: 'Pending', lastPhaseTransitionTime: ago(MINUTE) })] })).toEqual([]);
  });
});

describe('pv-available-long', () => {
  it('fires as info for a volume Available longer than availableAfterSeconds', () => {
    const [f] = fired('pv-available-long', { persistentVolumes: [pv({ phase: 'Available', lastPhaseTransitionTime: ago(8 * DAY) })] });
    expect(f.severity).toBe('info');
  });
  it('respects the threshold: 8 days is quiet with a 30-day threshold, and a 1-day-old volume is quiet by default', () => {
    const old = pv({ name: 'a', phase: 'Available', lastPhaseTransitionTime: ago(8 * DAY) });
    expect(fired('pv-available-long', { persistentVolumes: [old] }, { availableAfterSeconds: 30 * DAY })).toEqual([]);
    const young = pv({ name: 'b', phase: 'Available', lastPhaseTransitionTime: ago(DAY) });
    expect(fired('pv-available-long', { persistentVolumes: [young] })).toEqual([]);
  });
  it('falls back to creation time when lastPhaseTransitionTime is absent', () => {
    const v = pv({ phase: 'Available', meta: { creationTimestamp: ago(20 * DAY) } });
    expect(fired('pv-available-long', { persistentVolumes: [v] })[0].details).toEqual({ phaseAgeSeconds: 20 * DAY, capacityBytes: 10 * 2 ** 30 });
  });
});

describe('pv-recycle-deprecated', () => {
  it('fires as info for a Recycle volume', () => {
    expect(fired('pv-recycle-deprecated', { persistentVolumes: [pv({ reclaimPolicy: 'Recycle', phase: 'Available' })] })[0].severity).toBe('info');
  });
  it('stays quiet for Retain', () => {
    expect(fired('pv-recycle-deprecated', { persistentVolumes: [pv({ reclaimPolicy: 'Retain', phase: 'Available' })] })).toEqual([]);
  });
});

describe('pv-claimref-dangling', () => {
  it('fires for a Bound volume whose claim does not exist', () => {
    const [f] = fired('pv-claimref-dangling', {
      persistentVolumes: [pv({ name: 'pv-x', claimRef: { namespace: 'shop', name: 'gone', uid: 'u1' } })],
    });
    expect(f.message).toBe('PersistentVolume pv-x is Bound to claim shop/gone, which does not exist.');
  });

  it('fires when the claim of that name was recreated with another uid', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    const recreated = { ...c, meta: { ...c.meta, uid: 'new-uid' } };
    const [f] = fired('pv-claimref-dangling', { persistentVolumes: [v], persistentVolumeClaims: [recreated] });
    expect(f.message).toContain('that claim was recreated (uid new-uid)');
  });

  it('stays quiet for a correctly bound pair, for Released volumes, and when claims were not readable there', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    expect(fired('pv-claimref-dangling', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
    const released = pv({ phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'gone' } });
    expect(fired('pv-claimref-dangling', { persistentVolumes: [released] })).toEqual([]);
    const dangling = pv({ claimRef: { namespace: 'shop', name: 'gone' } });
    const forbidden = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', reason: 'forbidden' as const, message: 'no' };
    expect(fired('pv-claimref-dangling', { persistentVolumes: [dangling], incomplete: [forbidden] })).toEqual([]);
  });
});

describe('pv-terminating-stuck', () => {
  it('fires past terminatingAfterSeconds and names pv-protection while the volume is still bound', () => {
    const { pv: v, pvc: c } = boundPair(
      { name: 'data', namespace: 'shop' },
      { name: 'pv-t', meta: { deletionTimestamp: ago(HOUR), finalizers: ['kubernetes.io/pv-protection'] } },
    );
    const [f] = fired('pv-terminating-stuck', { persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toBe(
      'PersistentVolume pv-t was deleted 60m ago but is held by finalizers kubernetes.io/pv-protection; ' +
        'kubernetes.io/pv-protection keeps it while it is bound to claim shop/data.',
    );
    expect(f.details).toEqual({ terminatingSeconds: HOUR, finalizers: 'kubernetes.io/pv-protection' });
  });

  it('stays quiet while the deletion is recent, and suppresses phase findings of a volume being deleted', () => {
    const recent = pv({ phase: 'Released', reclaimPolicy: 'Retain', meta: { deletionTimestamp: ago(MINUTE), finalizers: ['x'] } });
    const report = reportOf({ persistentVolumes: [recent] });
    expect(report.findings).toEqual([]);
  });
});

describe('volume view', () => {
  it('describes each volume with ages, bytes, claim and owner ordinal, sorted by name', () => {
    const db = statefulSet({ name: 'db', templates: ['data'] });
    const report = reportOf({
      statefulSets: [db],
      persistentVolumes: [
        pv({ name: 'pv-b', phase: 'Available', claimRef: undefined, meta: { creationTimestamp: ago(2 * DAY) } }),
        pv({
          name: 'pv-a',
          phase: 'Released',
          reclaimPolicy: 'Retain',
          lastPhaseTransitionTime: ago(HOUR),
          claimRef: { namespace: 'default', name: 'data-db-1' },
          statusMessage: 'released',
        }),
      ],
    });
    expect(report.volumes.map((v) => v.name)).toEqual(['pv-a', 'pv-b']);
    expect(report.volumes[0]).toEqual({
      name: 'pv-a',
      phase: 'Released',
      capacity: '10Gi',
      capacityBytes: 10 * 2 ** 30,
      reclaimPolicy: 'Retain',
      storageClass: 'standard',
      accessModes: ['ReadWriteOnce'],
      claim: 'default/data-db-1',
      phaseAgeSeconds: HOUR,
      ageSeconds: 30 * DAY,
      source: 'csi:ebs.csi.aws.com',
      ownerOrdinal: { namespace: 'default', statefulSet: 'db', ordinal: 1, template: 'data' },
      message: 'released',
    });
    expect(report.volumes[1]).not.toHaveProperty('claim');
    expect(report.volumes[1].phaseAgeSeconds).toBe(2 * DAY);
  });
});
