import { fired, reportOf } from '../__fixtures__/findings';
import { ago, boundPair, DAY, HOUR, MINUTE, pod, pv, pvc, statefulSet, statefulSetPod, storageClass } from '../__fixtures__/snapshot';
import type { PersistentVolumeClaim } from '../model/snapshot';

const pending = (over: Parameters<typeof pvc>[0] = {}): PersistentVolumeClaim =>
  pvc({ phase: 'Pending', capacity: undefined, meta: { creationTimestamp: ago(HOUR) }, ...over });

const standard = storageClass({ name: 'standard', isDefault: true });
const wffc = storageClass({ name: 'local-wffc', volumeBindingMode: 'WaitForFirstConsumer' });
const noProvisioner = storageClass({ name: 'manual', provisioner: 'kubernetes.io/no-provisioner' });

describe('pvc-pending-class-missing', () => {
  it('fires at once (no grace) for a claim naming a class that does not exist', () => {
    const [f] = fired('pvc-pending-class-missing', {
      storageClasses: [standard],
      persistentVolumeClaims: [pending({ name: 'data', namespace: 'shop', storageClassName: 'fast', meta: { creationTimestamp: ago(10) } })],
    });
    expect(f).toMatchObject({ severity: 'critical', object: { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data' } });
    expect(f.message).toBe('Claim shop/data names StorageClass fast, which does not exist, so it has been Pending for 10s and will stay so.');
  });

  it('stays quiet when the class exists', () => {
    const parts = { storageClasses: [standard, storageClass('fast')], persistentVolumeClaims: [pending({ storageClassName: 'fast', meta: { creationTimestamp: ago(10) } })] };
    expect(fired('pvc-pending-class-missing', parts)).toEqual([]);
  });

  it('stays quiet when StorageClasses could not be read, and the report lists what was missing', () => {
    const forbidden = { kind: 'storageclasses' as const, reason: 'forbidden' as const, message: 'storageclasses is forbidden' };
    const report = reportOf({ incomplete: [forbidden], persistentVolumeClaims: [pending({ storageClassName: 'fast' })] });
    expect(report.findings.filter((f) => f.code.startsWith('pvc-pending'))).toEqual([]);
    expect(report.incomplete).toEqual([forbidden]);
  });
});

describe('pvc-pending-no-default-class', () => {
  it('fires at once for a claim without class when no class is default', () => {
    const [f] = fired('pvc-pending-no-default-class', {
      storageClasses: [storageClass({ name: 'standard', isDefault: false })],
      persistentVolumeClaims: [pending({ storageClassName: undefined, meta: { creationTimestamp: ago(5) } })],
    });
    expect(f.severity).toBe('critical');
  });

  it('stays quiet with a default class, and when StorageClasses were not observed', () => {
    const claim = pending({ storageClassName: undefined, meta: { creationTimestamp: ago(5) } });
    expect(fired('pvc-pending-no-default-class', { storageClasses: [standard], persistentVolumeClaims: [claim] })).toEqual([]);
    const unobserved = { observedKinds: ['persistentvolumeclaims' as const], persistentVolumeClaims: [claim] };
    expect(fired('pvc-pending-no-default-class', unobserved)).toEqual([]);
  });
});

describe('pvc-pending-wait-for-consumer and pvc-pending-consumer-waiting', () => {
  it('reports a WaitForFirstConsumer claim without pods as info (normal)', () => {
    const [f] = fired('pvc-pending-wait-for-consumer', { storageClasses: [wffc], persistentVolumeClaims: [pending({ storageClassName: 'local-wffc' })] });
    expect(f.severity).toBe('info');
    expect(f.message).toContain('no pod uses it yet, so this is expected');
  });

  it('reports nothing for a healthy Bound claim of an Immediate class', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'ok' });
    const report = reportOf({ storageClasses: [standard], persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ claims: ['ok'] })] });
    expect(report.findings).toEqual([]);
  });

  it('warns when a pod waits for the claim past the grace period, quoting why the pod is unschedulable', () => {
    const why = '0/3 nodes are available: 3 node(s) had volume node affinity conflict.';
    const [f] = fired('pvc-pending-consumer-waiting', {
      storageClasses: [wffc],
      persistentVolumeClaims: [pending({ name: 'data', storageClassName: 'local-wffc' })],
      pods: [pod({ name: 'web-0', phase: 'Pending', nodeName: undefined, ready: false, claims: ['data'], unschedulableMessage: why, meta: { creationTimestamp: ago(20 * MINUTE) } })],
    });
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(`Claim default/data (class local-wffc, WaitForFirstConsumer) has been Pending for 60m while pod web-0 waits for it: ${why}`);
    expect(f.details).toMatchObject({ waitedSeconds: 20 * MINUTE, pod: 'web-0' });
  });

  it('gives a pod that just arrived the grace period, even for an old claim', () => {
    const parts = {
      storageClasses: [wffc],
      persistentVolumeClaims: [pending({ name: 'data', storageClassName: 'local-wffc', meta: { creationTimestamp: ago(DAY) } })],
      pods: [pod({ phase: 'Pending', nodeName: undefined, claims: ['data'], meta: { creationTimestamp: ago(30) } })],
    };
    expect(fired('pvc-pending-consumer-waiting', parts)).toEqual([]);
    expect(fired('pvc-pending-wait-for-consumer', parts)).toEqual([]);
  });

  it('does not call a claim unconsumed when pods could not be read in its namespace', () => {
    const parts = {
      storageClasses: [wffc],
      persistentVolumeClaims: [pending({ storageClassName: 'local-wffc' })],
      incomplete: [{ kind: 'pods' as const, namespace: 'default', reason: 'forbidden' as const, message: 'no' }],
    };
    expect(fired('pvc-pending-wait-for-consumer', parts)).toEqual([]);
  });
});

describe('pvc-pending-no-match', () => {
  it('fires for a class "" claim when no Available volume has enough size, the modes and the class', () => {
    const [f] = fired('pvc-pending-no-match', {
      persistentVolumeClaims: [pending({ name: 'static', storageClassName: '', requestedStorage: '50Gi' })],
      persistentVolumes: [
        pv({ name: 'small', phase: 'Available', storageClassName: undefined, capacity: '10Gi', claimRef: undefined }),
        pv({ name: 'rox', phase: 'Available', storageClassName: undefined, capacity: '100Gi', accessModes: ['ReadOnlyMany'], claimRef: undefined }),
        pv({ name: 'other-class', phase: 'Available', storageClassName: 'standard', capacity: '100Gi', claimRef: undefined }),
        pv({ name: 'taken', phase: 'Bound', storageClassName: undefined, capacity: '100Gi', claimRef: { namespace: 'x', name: 'y' } }),
      ],
    });
    expect(f.message).toBe(
      'Claim default/static (class "", static binding only) has been Pending for 60m: no Available PersistentVolume ' +
        'has class "", at least 50Gi, access modes ReadWriteOnce and volume mode Filesystem.',
    );
  });

  it('fires for a no-provisioner class with Immediate binding', () => {
    const parts = { storageClasses: [noProvisioner], persistentVolumeClaims: [pending({ storageClassName: 'manual' })] };
    expect(fired('pvc-pending-no-match', parts)).toHaveLength(1);
  });

  it('stays quiet when a matching volume is Available, or one is pre-bound to the claim', () => {
    const claim = pending({ name: 'static', storageClassName: 'manual', requestedStorage: '50Gi', accessModes: ['ReadWriteOnce'] });
    const fits = pv({ name: 'big', phase: 'Available', storageClassName: 'manual', capacity: '64Gi', accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], claimRef: undefined });
    expect(fired('pvc-pending-no-match', { storageClasses: [noProvisioner], persistentVolumeClaims: [claim], persistentVolumes: [fits] })).toEqual([]);
    const prebound = pv({ name: 'mine', phase: 'Available', storageClassName: 'manual', capacity: '1Gi', claimRef: { namespace: 'default', name: 'static' } });
    expect(fired('pvc-pending-no-match', { storageClasses: [noProvisioner], persistentVolumeClaims: [claim], persistentVolumes: [prebound] })).toEqual([]);
  });

  it('stays quiet for a dynamic class (that is pvc-pending-provisioning) and within the grace period', () => {
    expect(fired('pvc-pending-no-match', { storageClasses: [standard], persistentVolumeClaims: [pending()] })).toEqual([]);
    const young = pending({ storageClassName: '', meta: { creationTimestamp: ago(30) } });
    expect(fired('pvc-pending-no-match', { persistentVolumeClaims: [young] })).toEqual([]);
  });
});

describe('pvc-pending-provisioning', () => {
  it('fires for an Immediate dynamic class still Pending after the grace period and points to the events', () => {
    const [f] = fired('pvc-pending-provisioning', { storageClasses: [standard], persistentVolumeClaims: [pending({ name: 'data', namespace: 'shop' })] });
    expect(f.message).toBe(
      'Claim shop/data (class standard, provisioner ebs.csi.aws.com, Immediate binding) has been Pending for 60m: provisioning is failing.',
    );
    expect(f.hint).toContain('kubectl describe pvc data -n shop');
  });

  it('uses the default class for a claim without class', () => {
    const parts = { storageClasses: [standard], persistentVolumeClaims: [pending({ storageClassName: undefined })] };
    expect(fired('pvc-pending-provisioning', parts)[0].details).toMatchObject({ storageClass: 'standard' });
  });

  it('stays quiet for a claim created 10 seconds ago (still settling)', () => {
    const parts = { storageClasses: [standard], persistentVolumeClaims: [pending({ meta: { creationTimestamp: ago(10) } })] };
    expect(fired('pvc-pending-provisioning', parts)).toEqual([]);
  });
});

describe('pvc-lost', () => {
  it('fires as critical and says the volume no longer exists', () => {
    const [f] = fired('pvc-lost', { persistentVolumeClaims: [pvc({ name: 'data', phase: 'Lost', volumeName: 'pv-gone' })], pods: [pod({ name: 'app', claims: ['data'] })] });
    expect(f.severity).toBe('critical');
    expect(f.message).toBe('Claim default/data is Lost: its PersistentVolume pv-gone no longer exists; pod app cannot use its data.');
  });
  it('stays quiet for a Bound claim', () => {
    const { pv: v, pvc: c } = boundPair();
    expect(fired('pvc-lost', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
  });
});

describe('pvc-unused', () => {
  it('fires as info for a Bound claim no pod mounts', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'forgotten' });
    const [f] = fired('pvc-unused', { persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.severity).toBe('info');
    expect(f.message).toContain('is Bound but no pod mounts it; created 30d ago');
  });

  it('stays quiet for a mounted claim, a per-ordinal claim of a StatefulSet, an ephemeral claim, and unread pods', () => {
    const db = statefulSet({ name: 'db', templates: ['data'], replicas: 1 });
    const mounted = boundPair({ name: 'used' });
    const ordinal = boundPair({ name: 'data-db-1' }); // scaled-in leftover: the StatefulSet findings' business
    const ephemeral = boundPair({ name: 'web-0-scratch', meta: { ownerReferences: [{ kind: 'Pod', name: 'web-0', controller: true }] } });
    const report = reportOf({
      statefulSets: [db],
      persistentVolumes: [mounted.pv, ordinal.pv, ephemeral.pv],
      persistentVolumeClaims: [mounted.pvc, ordinal.pvc, ephemeral.pvc],
      pods: [pod({ claims: ['used'] })],
    });
    expect(report.findings.filter((f) => f.code === 'pvc-unused')).toEqual([]);
    const unread = boundPair({ name: 'maybe' });
    const parts = { observedKinds: ['persistentvolumeclaims' as const], persistentVolumeClaims: [unread.pvc] };
    expect(fired('pvc-unused', parts)).toEqual([]);
  });
});

describe('pvc-rwo-multi-node', () => {
  it('fires for a ReadWriteOnce claim used by running pods on two nodes', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const [f] = fired('pvc-rwo-multi-node', {
      persistentVolumes: [v],
      persistentVolumeClaims: [c],
      pods: [pod({ name: 'a', nodeName: 'n1', claims: ['shared'] }), pod({ name: 'b', nodeName: 'n2', claims: ['shared'] })],
    });
    expect(f.severity).toBe('critical');
    expect(f.message).toBe(
      'Claim default/shared is ReadWriteOnce but mounted by pods on 2 nodes (a on n1, b on n2): pods on all but one node cannot attach it (Multi-Attach error).',
    );
    expect(f.details).toMatchObject({ nodes: 2, nodeNames: 'n1,n2' });
  });

  it('fires for a ReadWriteOncePod claim used by two pods even on one node', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'solo', accessModes: ['ReadWriteOncePod'] });
    const parts = {
      persistentVolumes: [v],
      persistentVolumeClaims: [c],
      pods: [pod({ name: 'a', claims: ['solo'] }), pod({ name: 'b', phase: 'Pending', nodeName: undefined, claims: ['solo'] })],
    };
    expect(fired('pvc-rwo-multi-node', parts)[0].message).toContain('is ReadWriteOncePod but 2 pods use it (a on node-1, b unscheduled)');
  });

  const onTwoNodes = (claim: string) => [pod({ name: 'a', nodeName: 'n1', claims: [claim] }), pod({ name: 'b', nodeName: 'n2', claims: [claim] })];

  it("reads the bound volume's access modes, not the claim's: a ReadWriteOnce volume behind a ReadWriteMany claim fires", () => {
    // Binding needs the claim's modes to be a subset of the volume's, but a bound volume's modes can be edited later;
    // the attach/detach controller decides on the volume's.
    const { pv: v, pvc: c } = boundPair({ name: 'shared', accessModes: ['ReadWriteMany'] }, { name: 'pv-disk', accessModes: ['ReadWriteOnce'] });
    const [f] = fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: onTwoNodes('shared') });
    expect(f.message).toBe(
      'Claim default/shared is bound to pv-disk, a ReadWriteOnce volume, but mounted by pods on 2 nodes (a on n1, b on n2): ' +
        'pods on all but one node cannot attach it (Multi-Attach error).',
    );
    expect(f.details).toMatchObject({ accessMode: 'ReadWriteOnce' });
  });

  it('stays quiet for a ReadWriteOnce claim bound to a volume that also offers ReadWriteMany or ReadOnlyMany', () => {
    for (const modes of [['ReadWriteOnce', 'ReadWriteMany'], ['ReadWriteOnce', 'ReadOnlyMany']]) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { accessModes: modes });
      expect(fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: onTwoNodes('shared') })).toEqual([]);
    }
  });

  it('falls back to the claim\'s modes when its volume is not in the snapshot', () => {
    const { pvc: c } = boundPair({ name: 'shared' });
    expect(fired('pvc-rwo-multi-node', { persistentVolumeClaims: [c], pods: onTwoNodes('shared') })).toHaveLength(1);
  });

  it('stays quiet for ReadWriteOnce volumes on network file systems no node attaches (nfs, cephfs, glusterfs...)', () => {
    for (const source of ['nfs', 'cephfs', 'glusterfs', 'azureFile', 'quobyte']) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source });
      expect(fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: onTwoNodes('shared') })).toEqual([]);
    }
  });

  it('still fires for ReadWriteOnce block and CSI volumes (a CSI driver may be a file system, but we cannot tell)', () => {
    for (const source of ['csi:nfs.csi.k8s.io', 'rbd', 'iscsi', 'awsElasticBlockStore', 'flocker']) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source });
      expect(fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: onTwoNodes('shared') })).toHaveLength(1);
    }
  });

  it('stays quiet for two pods on one node, a ReadWriteMany claim, and a finished pod elsewhere', () => {
    const rwo = boundPair({ name: 'rwo' });
    const rwx = boundPair({ name: 'rwx', accessModes: ['ReadWriteMany'] });
    const report = reportOf({
      persistentVolumes: [rwo.pv, rwx.pv],
      persistentVolumeClaims: [rwo.pvc, rwx.pvc],
      pods: [
        pod({ name: 'a', nodeName: 'n1', claims: ['rwo', 'rwx'] }),
        pod({ name: 'b', nodeName: 'n1', claims: ['rwo'] }),
        pod({ name: 'c', nodeName: 'n2', claims: ['rwx'] }),
        pod({ name: 'done', nodeName: 'n3', phase: 'Succeeded', claims: ['rwo'] }),
      ],
    });
    expect(report.findings.filter((f) => f.code === 'pvc-rwo-multi-node')).toEqual([]);
  });
});

describe('pvc-resize-pending and pvc-capacity-below-request', () => {
  const grown = (over: Parameters<typeof pvc>[0]) => boundPair({ name: 'data', requestedStorage: '20Gi', capacity: '10Gi', ...over });

  it('reports a resize waiting for the file system with the restart hint', () => {
    const { pv: v, pvc: c } = grown({
      conditions: [{ type: 'FileSystemResizePending', status: 'True', lastTransitionTime: ago(HOUR), message: 'Waiting for user to (re-)start a pod' }],
    });
    const [f] = fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toBe(
      'Claim default/data asks for 20Gi but has 10Gi; the resize is not finished (FileSystemResizePending for 60m): Waiting for user to (re-)start a pod',
    );
    expect(f.hint).toContain('Restart the pod');
    expect(fired('pvc-capacity-below-request', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
  });

  it('reports an infeasible resize at once', () => {
    const { pv: v, pvc: c } = grown({ resizeStatus: 'ControllerResizeInfeasible' });
    expect(fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c] })[0].message).toContain('the resize is failing');
  });

  it('gives a resize that just started the grace period', () => {
    const { pv: v, pvc: c } = grown({ conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: ago(MINUTE) }] });
    expect(fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
  });

  it('reports capacity below request with no resize, naming a class that forbids expansion', () => {
    const { pv: v, pvc: c } = grown({ storageClassName: 'fixed' });
    const [f] = fired('pvc-capacity-below-request', { storageClasses: [storageClass({ name: 'fixed', allowVolumeExpansion: false })], persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toBe('Claim default/data asks for 20Gi but has 10Gi and StorageClass fixed does not allow volume expansion.');
  });

  it('stays quiet when capacity meets or exceeds the request', () => {
    const { pv: v, pvc: c } = boundPair({ requestedStorage: '10Gi', capacity: '16Gi' });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(report.findings.filter((f) => /resize|below/.test(f.code))).toEqual([]);
  });
});

describe('pvc-nearly-full', () => {
  const stats = (used: number) => ({ namespace: 'default', claimName: 'data', podName: 'app', nodeName: 'n1', usedBytes: used, capacityBytes: 1000, availableBytes: 1000 - used });

  it('fires at nearlyFullPercent and fills the claim view usage', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ claims: ['data'] })], volumeStats: [stats(934)] });
    const [f] = report.findings.filter((x) => x.code === 'pvc-nearly-full');
    expect(f.message).toBe('Claim default/data is 93.4% full (934 of 1000 used on node n1).');
    expect(report.claims[0].usage).toEqual({ usedBytes: 934, capacityBytes: 1000, availableBytes: 66, usedPercent: 93.4, nodeName: 'n1' });
  });

  it('stays quiet below the threshold', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data' });
    expect(fired('pvc-nearly-full', { persistentVolumes: [v], persistentVolumeClaims: [c], volumeStats: [stats(899)] })).toEqual([]);
    expect(fired('pvc-nearly-full', { persistentVolumes: [v], persistentVolumeClaims: [c], volumeStats: [stats(899)] }, { nearlyFullPercent: 85 })).toHaveLength(1);
  });
});

describe('pvc-terminating-stuck', () => {
  it('names the pods pvc-protection waits for', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: { deletionTimestamp: ago(HOUR), finalizers: ['kubernetes.io/pvc-protection'] } });
    const [f] = fired('pvc-terminating-stuck', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ name: 'app', claims: ['data'] })] });
    expect(f.message).toBe(
      'Claim default/data was deleted 60m ago but is held by finalizers kubernetes.io/pvc-protection; kubernetes.io/pvc-protection keeps it while pod app uses it.',
    );
  });
  it('stays quiet for a deletion a minute old, and does not call a terminating claim unused', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: { deletionTimestamp: ago(MINUTE), finalizers: ['kubernetes.io/pvc-protection'] } });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(report.findings).toEqual([]);
  });
});

describe('claim view', () => {
  it('lists users, owner ordinal and age, sorted by namespace and name', () => {
    const db = statefulSet({ name: 'db', templates: ['data'], replicas: 1 });
    const a = boundPair({ name: 'data-db-0', namespace: 'default' });
    const b = boundPair({ name: 'aaa', namespace: 'zeta' });
    const report = reportOf({
      statefulSets: [db],
      persistentVolumes: [a.pv, b.pv],
      persistentVolumeClaims: [b.pvc, a.pvc],
      pods: [statefulSetPod(db, 0), pod({ name: 'other', claims: ['data-db-0'] })],
    });
    expect(report.claims.map((c) => `${c.namespace}/${c.name}`)).toEqual(['default/data-db-0', 'zeta/aaa']);
    expect(report.claims[0]).toMatchObject({
      usedBy: ['db-0', 'other'],
      ownerOrdinal: { namespace: 'default', statefulSet: 'db', ordinal: 0, template: 'data' },
      ageSeconds: 30 * DAY,
      storageClass: 'standard',
    });
  });
});
