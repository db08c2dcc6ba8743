import { runAnalyzer } from '../__fixtures__/analysisContext';
import { fired, reportOf } from '../__fixtures__/findings';
import { ago, boundPair, DAY, HOUR, MINUTE, node, pod, pv, pvc, snapshotOf, statefulSet } from '../__fixtures__/snapshot';
import { claimOnGoneNode } from './nodeGone';

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

  it('says that the repair deletes a Delete volume and offers the Retain patch first; a Retain volume is only Released', () => {
    const del = pv({ name: 'pv-x', claimRef: { namespace: 'shop', name: 'gone', uid: 'u1' } });
    expect(fired('pv-claimref-dangling', { persistentVolumes: [del] })[0].hint).toContain(
      `With reclaim policy Delete that repair deletes the volume and its disk: if the data may be needed, first kubectl patch pv pv-x -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
    );
    const keep = pv({ name: 'pv-r', reclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'gone', uid: 'u1' } });
    expect(fired('pv-claimref-dangling', { persistentVolumes: [keep] })[0].hint).toContain('The repair makes it Released (reclaim policy Retain).');
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
  const deleted = (finalizers: string[], age = HOUR) => ({ deletionTimestamp: ago(age), finalizers });

  it('says the protection is working for a Bound volume whose claim a running pod mounts, and never advises deleting the claim', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', namespace: 'shop' }, { name: 'pv-t', meta: deleted(['kubernetes.io/pv-protection']) });
    const [f] = fired('pv-terminating-stuck', {
      persistentVolumes: [v],
      persistentVolumeClaims: [c],
      pods: [pod({ name: 'web-0', namespace: 'shop', claims: ['data'] })],
    });
    expect(f.message).toBe(
      'PersistentVolume pv-t was deleted 60m ago but is held by finalizers kubernetes.io/pv-protection: ' +
        'kubernetes.io/pv-protection keeps it while it is Bound to claim shop/data, which pod web-0 uses. ' +
        'It keeps working until the claim is deleted; with reclaim policy Delete, deleting the claim deletes the disk and its data.',
    );
    expect(f.hint).toMatch(/^Leave it: this is the protection working/);
    expect(f.hint).toContain(`kubectl patch pv pv-t -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`);
    expect(f.hint).not.toMatch(/kubectl delete|Delete claim/);
    expect(f.related).toEqual([
      { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data' },
      { kind: 'Pod', namespace: 'shop', name: 'web-0' },
    ]);
    expect(f.details).toEqual({ terminatingSeconds: HOUR, finalizers: 'kubernetes.io/pv-protection', reclaimPolicy: 'Delete', claim: 'shop/data', pods: 1 });
  });

  it('names the Retain policy (no patch needed) and says when pods were not read', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' }, { name: 'pv-r', reclaimPolicy: 'Retain', meta: deleted(['kubernetes.io/pv-protection']) });
    const observedKinds = ['persistentvolumes' as const, 'persistentvolumeclaims' as const];
    const [f] = fired('pv-terminating-stuck', { observedKinds, persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toContain('(pods were not read, so who uses it is unknown)');
    expect(f.message).toContain('with reclaim policy Retain, the disk stays in the backend when the volume object goes');
    expect(f.hint).toBe('Leave it: this is the protection working, and deleting the claim to unstick it would end its data.');
  });

  it('points at the controller when the Bound volume\'s claim is gone, and at the driver for driver finalizers', () => {
    const gone = pv({ name: 'pv-g', claimRef: { namespace: 'shop', name: 'gone', uid: 'u' }, meta: deleted(['kubernetes.io/pv-protection']) });
    expect(fired('pv-terminating-stuck', { persistentVolumes: [gone] })[0].hint).toContain('kube-controller-manager');
    const attached = pv({ name: 'pv-a', phase: 'Released', meta: deleted(['external-attacher/ebs-csi-aws-com']) });
    expect(fired('pv-terminating-stuck', { persistentVolumes: [attached] })[0].hint).toContain('kubectl get volumeattachment | grep pv-a');
    const deleting = pv({ name: 'pv-d', phase: 'Released', meta: deleted(['external-provisioner.volume.kubernetes.io/finalizer']) });
    expect(fired('pv-terminating-stuck', { persistentVolumes: [deleting] })[0].hint).toContain('provisioner has not deleted the disk');
  });

  it('stays quiet while the deletion is recent or its time unreadable, and suppresses phase findings of a volume being deleted', () => {
    const recent = pv({ phase: 'Released', reclaimPolicy: 'Retain', meta: { deletionTimestamp: ago(MINUTE), finalizers: ['x'] } });
    expect(reportOf({ persistentVolumes: [recent] }).findings).toEqual([]);
    const garbled = pv({ phase: 'Released', reclaimPolicy: 'Retain', meta: { deletionTimestamp: 'yesterday', finalizers: ['x'] } });
    expect(reportOf({ persistentVolumes: [garbled] }).findings).toEqual([]);
  });
});

describe('pv-node-gone', () => {
  const local = (nodes: string[]) =>
    boundPair({ name: 'data-db-0', namespace: 'db' }, { name: 'local-pv', source: 'local', sourcePath: '/mnt/disks/a', nodeAffinityNodes: nodes, reclaimPolicy: 'Retain' });

  it('fires critical for a Bound volume pinned to a node that is gone, with the delete-claim-volume-pod recovery and the data loss said', () => {
    const db = statefulSet({ name: 'db', namespace: 'db', templates: ['data'] });
    const { pv: v, pvc: c } = local(['node-old']);
    const waiting = pod({ name: 'db-0', namespace: 'db', phase: 'Pending', nodeName: undefined, ready: false, claims: ['data-db-0'], owner: ['StatefulSet', 'db'] });
    const [f] = fired('pv-node-gone', { statefulSets: [db], persistentVolumes: [v], persistentVolumeClaims: [c], pods: [waiting], nodes: [node('node-1')] });
    expect(f.severity).toBe('critical');
    expect(f.message).toBe(
      'PersistentVolume local-pv (local /mnt/disks/a) can only be used on node node-old, which no longer exists: ' +
        'claim db/data-db-0 and pod db-0 can never start; its data went with the node.',
    );
    expect(f.hint).toBe(
      'The data of local-pv lived on node node-old and is lost with it unless the node comes back with its disk. If it will not: ' +
        'kubectl delete pvc data-db-0 -n db --wait=false; kubectl delete pv local-pv --wait=false; kubectl delete pod db-0 -n db; ' +
        'StatefulSet db then recreates the claim from its template and it binds a new, empty volume on a live node. ' +
        'Restore the data from a backup or let the application re-replicate it.',
    );
    expect(f.details).toEqual({ nodes: 'node-old', claim: 'db/data-db-0', pods: 'db-0', reclaimPolicy: 'Retain', statefulSet: 'db', ordinal: 0 });
  });

  it('stays quiet when one of the pinned nodes exists, when Nodes were not read, and when the volume is not Bound', () => {
    const { pv: v, pvc: c } = local(['node-old', 'node-1']);
    expect(fired('pv-node-gone', { persistentVolumes: [v], persistentVolumeClaims: [c], nodes: [node('node-1')] })).toEqual([]);
    const gone = local(['node-old']);
    const unread = snapshotOf().observedKinds.filter((k) => k !== 'nodes');
    expect(fired('pv-node-gone', { observedKinds: unread, persistentVolumes: [gone.pv], persistentVolumeClaims: [gone.pvc] })).toEqual([]);
    const forbidden = { kind: 'nodes' as const, reason: 'forbidden' as const, message: 'nodes is forbidden' };
    expect(fired('pv-node-gone', { incomplete: [forbidden], persistentVolumes: [gone.pv], persistentVolumeClaims: [gone.pvc], nodes: [node('node-1')] })).toEqual([]);
    const released = pv({ name: 'old', phase: 'Released', reclaimPolicy: 'Retain', nodeAffinityNodes: ['node-old'], source: 'local' });
    expect(fired('pv-node-gone', { persistentVolumes: [released], nodes: [node('node-1')] })).toEqual([]);
  });

  it('never advises deleting a volume a pod runs with on a live node', () => {
    const { pv: v, pvc: c } = local(['node-old']);
    const running = pod({ name: 'db-0', namespace: 'db', nodeName: 'node-1', claims: ['data-db-0'] });
    expect(fired('pv-node-gone', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [running], nodes: [node('node-1')] })).toEqual([]);
  });

  it('exposes the same facts to other analyzers through claimOnGoneNode', () => {
    const { pv: v, pvc: c } = local(['node-old']);
    const { result } = runAnalyzer((ctx) => [claimOnGoneNode(ctx, 'db', 'data-db-0'), claimOnGoneNode(ctx, 'db', 'other')], snapshotOf({ persistentVolumes: [v], persistentVolumeClaims: [c], nodes: [node('node-1')] }));
    expect(result).toEqual([{ namespace: 'db', claim: 'data-db-0', volume: 'local-pv', nodes: ['node-old'], reclaimPolicy: 'Retain' }, undefined]);
  });
});

describe('pv-claimref-dangling with two volumes Bound to one claim (or one uid twice)', () => {
  it('fires once, for the volume the claim does not name, and keeps the other quiet', () => {
    const { pv: own, pvc: c } = boundPair({ name: 'data' }, { name: 'pv-own' });
    const twin = { ...own, meta: { ...own.meta, name: 'pv-twin' } }; // same claimRef, same uid
    const found = fired('pv-claimref-dangling', { persistentVolumes: [own, twin], persistentVolumeClaims: [c] });
    expect(found.map((f) => f.object.name)).toEqual(['pv-twin']);
    expect(found[0].message).toBe('PersistentVolume pv-twin is Bound to claim default/data, but that claim is bound to volume pv-own.');
    // Not dynamically provisioned: the controller only unbinds it, whatever its policy.
    expect(found[0].hint).toContain('The repair unbinds the volume (Available again).');
  });
});

describe('duplicate uids', () => {
  it('a claimRef uid shared by two claims neither crashes nor double-counts: the claim is found by name', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    const clone = { ...c, meta: { ...c.meta, name: 'data-copy' }, volumeName: 'elsewhere' }; // same uid, other name
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c, clone] });
    expect(report.findings.filter((f) => f.object.kind === 'PersistentVolume')).toEqual([]);
    expect(report.summary.volumes.total).toBe(1);
    expect(report.summary.claims.total).toBe(2);
  });
});

describe('unknown values and unusable sizes', () => {
  it('keeps an unknown phase and reclaim policy as written, says so as info, and alarms on nothing else', () => {
    const odd = pv({ name: 'odd', phase: 'Exploded', reclaimPolicy: 'Explode', claimRef: undefined, lastPhaseTransitionTime: ago(30 * DAY) });
    const report = reportOf({ persistentVolumes: [odd] });
    expect(report.findings.map((f) => f.code)).toEqual(['pv-unknown-value']);
    expect(report.findings[0]).toMatchObject({
      severity: 'info',
      message:
        'PersistentVolume odd has phase "Exploded" (not a value the API knows), reclaimPolicy "Explode" (not a value the API knows): ' +
        'checks that depend on them were not made.',
      details: { phase: 'Exploded', reclaimPolicy: 'Explode' },
    });
    expect(report.volumes[0]).toMatchObject({ phase: 'Exploded', reclaimPolicy: 'Explode' });
    expect(report.summary.volumes.byPhase).toEqual({ Exploded: 1 });
  });

  it('shows an absurd or negative capacity as written with a flag, and keeps the orphaned bytes finite', () => {
    const huge = pv({ name: 'huge', phase: 'Released', reclaimPolicy: 'Retain', capacity: '1e99' });
    const negative = pv({ name: 'neg', phase: 'Released', reclaimPolicy: 'Retain', capacity: '-5Gi' });
    const fine = pv({ name: 'fine', phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi' });
    const report = reportOf({ persistentVolumes: [huge, negative, fine] });
    expect(report.volumes.find((v) => v.name === 'huge')).toMatchObject({ capacity: '1e99', capacityProblem: 'too large' });
    expect(report.volumes.find((v) => v.name === 'huge')).not.toHaveProperty('capacityBytes');
    expect(report.volumes.find((v) => v.name === 'neg')).toMatchObject({ capacity: '-5Gi', capacityProblem: 'negative' });
    expect(report.summary.volumes).toMatchObject({ orphaned: 3, orphanedBytes: 2 ** 30 });
    const released = report.findings.filter((f) => f.code === 'pv-released-retain');
    expect(released.find((f) => f.object.name === 'huge')?.message).toContain('(unknown size, class standard)');
    expect(report.findings.filter((f) => f.code === 'pv-unknown-value').map((f) => f.details)).toEqual([{ capacity: '1e99' }, { capacity: '-5Gi' }]);
  });

  it('draws no age-based conclusion without a creationTimestamp: no "for 0s", no grace period passed', () => {
    const noTime = (over: Parameters<typeof pv>[0]) => pv({ ...over, meta: { creationTimestamp: undefined } });
    const report = reportOf({
      persistentVolumes: [
        noTime({ name: 'p', phase: 'Pending' }),
        noTime({ name: 'a', phase: 'Available', claimRef: undefined }),
        noTime({ name: 'd', phase: 'Released', reclaimPolicy: 'Delete' }),
        noTime({ name: 'r', phase: 'Released', reclaimPolicy: 'Retain' }),
      ],
    });
    expect(report.findings.map((f) => `${f.code} ${f.object.name}`)).toEqual(['pv-released-retain r']);
    expect(report.findings[0].message).toBe('PersistentVolume r (10Gi, class standard) has been Released with reclaim policy Retain.');
    expect(report.volumes.find((v) => v.name === 'p')).not.toHaveProperty('ageSeconds');
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
