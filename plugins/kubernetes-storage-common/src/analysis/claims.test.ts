import { fired, reportOf } from '../__fixtures__/findings';
import { ago, boundPair, csiDriver, DAY, HOUR, MINUTE, pod, pv, pvc, snapshotOf, statefulSet, statefulSetPod, storageClass } from '../__fixtures__/snapshot';
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

  it('stays quiet while an Available class-less volume fits (the binder matches those without a default class)', () => {
    const claim = pending({ storageClassName: undefined, meta: { creationTimestamp: ago(5) } });
    const classless = pv({ name: 'manual', phase: 'Available', storageClassName: undefined, claimRef: undefined, capacity: '20Gi' });
    const parts = { storageClasses: [storageClass({ name: 'standard', isDefault: false })], persistentVolumeClaims: [claim], persistentVolumes: [classless] };
    expect(fired('pvc-pending-no-default-class', parts)).toEqual([]);
    const tooSmall = { ...classless, capacity: '1Gi' };
    expect(fired('pvc-pending-no-default-class', { ...parts, persistentVolumes: [tooSmall] })).toHaveLength(1);
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

describe('pvc-rwo-multi-node and pvc-rwo-several-nodes', () => {
  /** a holds the volume on n1; b on n2 has not started (its volume is not set up). */
  const blockedOnTwoNodes = (claim: string) => [
    pod({ name: 'a', nodeName: 'n1', claims: [claim] }),
    pod({
      name: 'b',
      nodeName: 'n2',
      phase: 'Pending',
      ready: false,
      claims: [claim],
      containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ContainerCreating' }],
    }),
  ];
  const runningOnTwoNodes = (claim: string) => [pod({ name: 'a', nodeName: 'n1', claims: [claim] }), pod({ name: 'b', nodeName: 'n2', claims: [claim] })];
  const ebs = csiDriver({ name: 'ebs.csi.aws.com', attachRequired: true });

  it('fires critical when a pod of an attached ReadWriteOnce volume waits on a second node (Multi-Attach)', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const [f] = fired('pvc-rwo-multi-node', { csiDrivers: [ebs], persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
    expect(f.severity).toBe('critical');
    expect(f.message).toBe(
      'Claim default/shared is ReadWriteOnce but pods on 2 nodes use it (a on n1, b on n2): b has not started, waiting for an attach ' +
        'the attach/detach controller refuses while the volume is attached elsewhere (Multi-Attach error).',
    );
    expect(f.hint).toContain('The volume follows the pod that holds it (a on n1)');
    expect(f.hint).not.toMatch(/delete/i);
    expect(f.details).toMatchObject({ nodes: 2, nodeNames: 'n1,n2', attachRequired: true, blockedPods: 'b' });
  });

  it('gives a pod that just started waiting the grace period (a rolling update waits a moment for the detach)', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const [holder, waiting] = blockedOnTwoNodes('shared');
    const young = { ...waiting, meta: { ...waiting.meta, creationTimestamp: ago(30) } };
    const report = reportOf({ csiDrivers: [ebs], persistentVolumes: [v], persistentVolumeClaims: [c], pods: [holder, young] });
    expect(report.findings.filter((f) => f.code.startsWith('pvc-rwo'))).toEqual([]);
  });

  it('is a warning, not Multi-Attach, when every pod on both nodes runs', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const parts = { csiDrivers: [ebs], persistentVolumes: [v], persistentVolumeClaims: [c], pods: runningOnTwoNodes('shared') };
    expect(fired('pvc-rwo-multi-node', parts)).toEqual([]);
    const [f] = fired('pvc-rwo-several-nodes', parts);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Claim default/shared is ReadWriteOnce but pods on 2 nodes mount it (a on n1, b on n2), and every pod has it mounted, so no attach ' +
        'is blocked now (CSIDriver ebs.csi.aws.com requires attach); the next pod that moves to another node will hit Multi-Attach.',
    );
  });

  it('does not count a pod past volume setup (Running not Ready, ImagePullBackOff) as waiting for an attach', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const pulling = pod({
      name: 'b',
      nodeName: 'n2',
      phase: 'Pending',
      ready: false,
      claims: ['shared'],
      containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ImagePullBackOff' }],
    });
    const unready = pod({ name: 'c', nodeName: 'n3', ready: false, claims: ['shared'] });
    const parts = { csiDrivers: [ebs], persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ name: 'a', nodeName: 'n1', claims: ['shared'] }), pulling, unready] };
    expect(fired('pvc-rwo-multi-node', parts)).toEqual([]);
    expect(fired('pvc-rwo-several-nodes', parts)).toHaveLength(1);
  });

  it('never says Multi-Attach for a CSI driver with attachRequired: false, and says nothing enforces one node', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source: 'csi:nfs.csi.k8s.io' });
    const parts = { csiDrivers: [csiDriver({ name: 'nfs.csi.k8s.io', attachRequired: false })], persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') };
    expect(fired('pvc-rwo-multi-node', parts)).toEqual([]);
    const [f] = fired('pvc-rwo-several-nodes', parts);
    expect(f.message).toContain("nothing enforces one node: CSIDriver nfs.csi.k8s.io has attachRequired: false. Safe only if the driver's storage is a shared file system.");
    expect(f.details).toMatchObject({ attachRequired: false });
  });

  it('treats a CSI driver without a CSIDriver object as attached, as the CSI plugin does', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source: 'csi:disk.example.com' });
    const [f] = fired('pvc-rwo-multi-node', { csiDrivers: [ebs], persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
    expect(f.details).toMatchObject({ attachRequired: true });
  });

  it('keeps the finding but says the attach requirement is unknown when CSIDrivers were not read', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'shared' });
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'csidrivers');
    const [f] = fired('pvc-rwo-multi-node', { observedKinds, persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
    expect(f.message).toContain(', if it is attached at all: CSIDrivers were not read, so whether driver ebs.csi.aws.com attaches is unknown.');
    expect(f.details).toMatchObject({ attachRequired: 'unknown' });
  });

  it('stays quiet for volumes never attached: hostPath, local and network file systems', () => {
    for (const source of ['hostPath', 'local', 'nfs', 'cephfs', 'glusterfs', 'azureFile', 'quobyte']) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source });
      const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
      expect(report.findings.filter((f) => f.code.startsWith('pvc-rwo'))).toEqual([]);
    }
  });

  it('fires for attached in-tree block volumes (rbd, iscsi, awsElasticBlockStore)', () => {
    for (const source of ['rbd', 'iscsi', 'awsElasticBlockStore']) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { source });
      expect(fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') })).toHaveLength(1);
    }
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

  it("reads the bound volume's access modes, not the claim's: a ReadWriteOnce volume behind a ReadWriteMany claim fires", () => {
    // Binding needs the claim's modes to be a subset of the volume's, but a bound volume's modes can be edited later;
    // the attach/detach controller decides on the volume's.
    const { pv: v, pvc: c } = boundPair({ name: 'shared', accessModes: ['ReadWriteMany'] }, { name: 'pv-disk', accessModes: ['ReadWriteOnce'] });
    const [f] = fired('pvc-rwo-multi-node', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
    expect(f.message).toMatch(/^Claim default\/shared is bound to pv-disk, a ReadWriteOnce volume, but pods on 2 nodes use it/);
    expect(f.details).toMatchObject({ accessMode: 'ReadWriteOnce' });
  });

  it('stays quiet for a ReadWriteOnce claim bound to a volume that also offers ReadWriteMany or ReadOnlyMany', () => {
    for (const modes of [['ReadWriteOnce', 'ReadWriteMany'], ['ReadWriteOnce', 'ReadOnlyMany']]) {
      const { pv: v, pvc: c } = boundPair({ name: 'shared' }, { accessModes: modes });
      const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
      expect(report.findings.filter((f) => f.code.startsWith('pvc-rwo'))).toEqual([]);
    }
  });

  it("falls back to the claim's modes when its volume is not in the snapshot, and says attach is unknown", () => {
    const { pvc: c } = boundPair({ name: 'shared' });
    const [f] = fired('pvc-rwo-multi-node', { persistentVolumeClaims: [c], pods: blockedOnTwoNodes('shared') });
    expect(f.message).toContain('its PersistentVolume was not read, so whether it is attached is unknown');
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
    expect(report.findings.filter((f) => f.code.startsWith('pvc-rwo'))).toEqual([]);
  });
});

describe('pvc-resize-pending, pvc-resize-on-next-mount and pvc-capacity-below-request', () => {
  const grown = (over: Parameters<typeof pvc>[0]) => boundPair({ name: 'data', requestedStorage: '20Gi', capacity: '10Gi', ...over });
  const fsPending = (age: number) => [
    { type: 'FileSystemResizePending', status: 'True', lastTransitionTime: ago(age), message: 'Waiting for user to (re-)start a pod to finish file system resize' },
  ];

  it('says a mounted volume grows online (no restart) when the node step lags, naming the pod and where to look', () => {
    const { pv: v, pvc: c } = grown({ conditions: fsPending(HOUR), resizeStatus: 'NodeResizePending' });
    const [f] = fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ name: 'app', nodeName: 'n1', claims: ['data'] })] });
    expect(f.message).toBe(
      'Claim default/data asks for 20Gi but has 10Gi; the volume is expanded but its file system is not yet (FileSystemResizePending for 60m), while app on n1 mounts it.',
    );
    expect(f.hint).toContain('The kubelet grows the file system online while the pod runs (no restart needed): kubectl describe pod app -n default');
    expect(f.hint).not.toMatch(/^Restart/);
    expect(fired('pvc-capacity-below-request', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
  });

  it('says a read-only persistentVolumeClaim source grows only when the pod restarts', () => {
    const { pv: v, pvc: c } = grown({ conditions: fsPending(HOUR) });
    const reader = pod({ name: 'app', claims: [] , volumes: [{ name: 'd', kind: 'persistentVolumeClaim', claimName: 'data', readOnly: true, mounted: true }] });
    const [f] = fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [reader] });
    expect(f.hint).toContain("if that is the pod's persistentVolumeClaim.readOnly, the kubelet does not expand it online");
  });

  it('reports an unmounted claim waiting for the file system as info: it grows at the next mount', () => {
    const { pv: v, pvc: c } = grown({ conditions: fsPending(HOUR) });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(report.findings.filter((f) => f.code === 'pvc-resize-pending')).toEqual([]);
    const [f] = report.findings.filter((x) => x.code === 'pvc-resize-on-next-mount');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('its file system grows when a pod next mounts it (FileSystemResizePending); no pod mounts it now');
  });

  it('reports an infeasible resize at once, with the recovery limits', () => {
    const { pv: v, pvc: c } = grown({ resizeStatus: 'ControllerResizeInfeasible' });
    const [f] = fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toContain('the resize is failing');
    expect(f.hint).toContain('not below the current capacity');
  });

  it('gives a resize that just started, or whose start is unknown, the grace period', () => {
    const { pv: v, pvc: c } = grown({ conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: ago(MINUTE) }] });
    expect(fired('pvc-resize-pending', { persistentVolumes: [v], persistentVolumeClaims: [c] })).toEqual([]);
    const unknown = grown({ conditions: [{ type: 'Resizing', status: 'True' }] });
    expect(fired('pvc-resize-pending', { persistentVolumes: [unknown.pv], persistentVolumeClaims: [unknown.pvc] })).toEqual([]);
    const stuck = grown({ conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: ago(HOUR) }] });
    expect(fired('pvc-resize-pending', { persistentVolumes: [stuck.pv], persistentVolumeClaims: [stuck.pvc] })[0].hint).toContain('external-resizer');
  });

  it('reports capacity below request with no resize, naming a class that forbids expansion', () => {
    const { pv: v, pvc: c } = grown({ storageClassName: 'fixed' });
    const [f] = fired('pvc-capacity-below-request', { storageClasses: [storageClass({ name: 'fixed', allowVolumeExpansion: false })], persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(f.message).toBe('Claim default/data asks for 20Gi but has 10Gi and StorageClass fixed does not allow volume expansion.');
  });

  it('stays quiet when capacity meets or exceeds the request, and when either size is no usable size', () => {
    const { pv: v, pvc: c } = boundPair({ requestedStorage: '10Gi', capacity: '16Gi' });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(report.findings.filter((f) => /resize|below/.test(f.code))).toEqual([]);
    const absurd = boundPair({ name: 'x', requestedStorage: '1e99', capacity: '10Gi' });
    const r2 = reportOf({ persistentVolumes: [absurd.pv], persistentVolumeClaims: [absurd.pvc] });
    expect(r2.findings.filter((f) => /resize|below/.test(f.code))).toEqual([]);
    expect(r2.claims[0]).toMatchObject({ requested: '1e99', requestedProblem: 'too large' });
    expect(r2.findings.filter((f) => f.code === 'pvc-unknown-value').map((f) => f.details)).toEqual([{ requested: '1e99' }]);
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
  const deleting = { deletionTimestamp: ago(HOUR), finalizers: ['kubernetes.io/pvc-protection'] };

  it('says the protection is working while a running pod uses the claim, names the reclaim policy, and never advises deleting anything', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: deleting }, { name: 'pv-1' });
    const [f] = fired('pvc-terminating-stuck', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [pod({ name: 'app', claims: ['data'] })] });
    expect(f.message).toBe(
      'Claim default/data was deleted 60m ago but is held by finalizers kubernetes.io/pvc-protection: kubernetes.io/pvc-protection keeps it ' +
        'while pod app (Running) uses it; it goes when that pod stops. Then volume pv-1 (reclaim policy Delete) is deleted with its data.',
    );
    expect(f.hint).toBe(
      'Leave it: this is the protection working, and deleting the pods to unstick it ends in deleting the claim. ' +
        `To keep the data: kubectl patch pv pv-1 -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
    );
    expect(f.details).toMatchObject({ pods: 1, volume: 'pv-1', reclaimPolicy: 'Delete' });
  });

  it('warns that a StatefulSet recreates its ordinal claim empty once the pod stops', () => {
    const db = statefulSet({ name: 'db', templates: ['data'] });
    const { pv: v, pvc: c } = boundPair({ name: 'data-db-0', meta: deleting }, { reclaimPolicy: 'Retain' });
    const [f] = fired('pvc-terminating-stuck', { statefulSets: [db], persistentVolumes: [v], persistentVolumeClaims: [c], pods: [statefulSetPod(db, 0)] });
    expect(f.message).toContain('StatefulSet db would then recreate data-db-0 empty for ordinal 0.');
    expect(f.message).toContain('(reclaim policy Retain) is kept, Released');
    expect(f.hint).not.toContain('kubectl patch');
  });

  it('counts finished pods as holders, as pvc-protection does, and offers deleting those finished pods', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: deleting }, { name: 'pv-1' });
    const done = pod({ name: 'job-x', phase: 'Succeeded', ready: false, claims: ['data'] });
    const [f] = fired('pvc-terminating-stuck', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [done] });
    expect(f.message).toContain('kubernetes.io/pvc-protection keeps it for finished pod job-x (Succeeded), which still name it.');
    expect(f.hint).toMatch(/^If the claim should really go, delete the finished pod: kubectl delete pod job-x -n default\./);
  });

  it('does not count an unscheduled pod (pvc-protection ignores pods without a node)', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: deleting });
    const unscheduled = pod({ name: 'p', phase: 'Pending', nodeName: undefined, claims: ['data'] });
    const [f] = fired('pvc-terminating-stuck', { persistentVolumes: [v], persistentVolumeClaims: [c], pods: [unscheduled] });
    expect(f.hint).toContain('No pod uses it, so pvc-protection should have let it go');
  });

  it('stays quiet for a deletion a minute old, and does not call a terminating claim unused', () => {
    const { pv: v, pvc: c } = boundPair({ name: 'data', meta: { deletionTimestamp: ago(MINUTE), finalizers: ['kubernetes.io/pvc-protection'] } });
    const report = reportOf({ persistentVolumes: [v], persistentVolumeClaims: [c] });
    expect(report.findings).toEqual([]);
  });
});

describe('pvc-unknown-value, missing creationTimestamp and claims naming their volume', () => {
  it('keeps an unknown phase as written, says so as info, and draws no phase conclusion', () => {
    const odd = pvc({ name: 'odd', phase: 'Evaporated' });
    const report = reportOf({ persistentVolumeClaims: [odd] });
    expect(report.findings.map((f) => f.code)).toEqual(['pvc-unknown-value']);
    expect(report.findings[0].message).toBe('Claim default/odd has phase "Evaporated" (not a value the API knows): checks that depend on it were not made.');
    expect(report.claims[0].phase).toBe('Evaporated');
  });

  it('never says "Pending for 0s" without a creationTimestamp, and draws no grace-based conclusion', () => {
    const noTime = pvc({ name: 'x', phase: 'Pending', capacity: undefined, storageClassName: 'fast', meta: { creationTimestamp: undefined } });
    const [f] = fired('pvc-pending-class-missing', { storageClasses: [standard], persistentVolumeClaims: [noTime] });
    expect(f.message).toBe('Claim default/x names StorageClass fast, which does not exist, so it is Pending (since when is unknown: no creationTimestamp) and will stay so.');
    expect(f.details).toEqual({ storageClass: 'fast' });
    const dynamic = pvc({ name: 'y', phase: 'Pending', capacity: undefined, meta: { creationTimestamp: undefined } });
    expect(fired('pvc-pending-provisioning', { storageClasses: [standard], persistentVolumeClaims: [dynamic] })).toEqual([]);
  });

  it('says a claim naming a missing or taken volume waits for it, instead of blaming provisioning', () => {
    const named = pending({ name: 'n', volumeName: 'pv-x' });
    const report = reportOf({ storageClasses: [standard], persistentVolumeClaims: [named] });
    expect(report.findings.map((f) => f.code)).toEqual(['pvc-pending-no-match']);
    expect(report.findings[0].message).toBe('Claim default/n names volume pv-x in spec.volumeName and has been Pending for 60m: that volume does not exist.');
    const taken = pv({ name: 'pv-x', claimRef: { namespace: 'other', name: 'c', uid: 'u' } });
    expect(fired('pvc-pending-no-match', { storageClasses: [standard], persistentVolumeClaims: [named], persistentVolumes: [taken] })[0].message).toContain(
      'that volume belongs to claim other/c',
    );
    const free = pv({ name: 'pv-x', phase: 'Available', claimRef: undefined });
    expect(reportOf({ storageClasses: [standard], persistentVolumeClaims: [named], persistentVolumes: [free] }).findings.filter((f) => f.code.startsWith('pvc-pending'))).toEqual([]);
  });

  it('draws no Pending conclusion from a class whose binding mode is unknown, and says the class value is unknown', () => {
    const odd = storageClass({ name: 'odd', volumeBindingMode: 'Eventually', isDefault: true });
    const report = reportOf({ storageClasses: [odd], persistentVolumeClaims: [pending({ storageClassName: 'odd' })] });
    expect(report.findings.map((f) => f.code)).toEqual(['storageclass-unknown-value']);
    expect(report.findings[0].message).toBe(
      'StorageClass odd has volumeBindingMode "Eventually" (not a value the API knows): Pending claims of this class are not diagnosed.',
    );
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
