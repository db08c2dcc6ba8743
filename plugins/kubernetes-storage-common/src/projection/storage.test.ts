import { csiDriver, persistentVolume, persistentVolumeClaim, storageClass } from '@kubectl-storage/test-fixtures';
import { projectCSIDriver } from './csiDriver';
import { projectObject } from './projectObject';
import { ProjectionError } from './errors';
import { projectPersistentVolume } from './persistentVolume';
import { projectPersistentVolumeClaim } from './persistentVolumeClaim';
import { projectStorageClass } from './storageClass';

describe('projectPersistentVolume', () => {
  it('keeps the model fields of a bound CSI volume and drops managedFields and unknown annotations', () => {
    const raw = persistentVolume('pvc-1', {
      capacity: '20Gi',
      storageClassName: 'fast',
      claim: { namespace: 'shop', name: 'data', uid: 'u-1' },
      csi: { driver: 'pd.csi.storage.gke.io' },
      annotations: { 'pv.kubernetes.io/provisioned-by': 'pd.csi.storage.gke.io', 'kubectl.kubernetes.io/last-applied-configuration': '{}' },
    });
    const pv = projectPersistentVolume(raw);
    expect(pv).toEqual({
      meta: {
        name: 'pvc-1',
        uid: raw.metadata.uid,
        creationTimestamp: '2024-01-01T00:00:00Z',
        annotations: { 'pv.kubernetes.io/provisioned-by': 'pd.csi.storage.gke.io' },
      },
      phase: 'Bound',
      capacity: '20Gi',
      accessModes: ['ReadWriteOnce'],
      volumeMode: 'Filesystem',
      reclaimPolicy: 'Delete',
      storageClassName: 'fast',
      claimRef: { namespace: 'shop', name: 'data', uid: 'u-1' },
      source: 'csi:pd.csi.storage.gke.io',
      lastPhaseTransitionTime: '2024-01-01T00:00:00Z',
    });
  });

  it('names in-tree sources by their key and keeps where node-local and NFS data lives', () => {
    expect(projectPersistentVolume(persistentVolume('a', { hostPath: '/srv/data' }))).toMatchObject({ source: 'hostPath', sourcePath: '/srv/data' });
    expect(projectPersistentVolume(persistentVolume('b', { nfs: { server: 'nas', path: '/exports/x' } }))).toMatchObject({ source: 'nfs', sourcePath: 'nas:/exports/x' });
    expect(projectPersistentVolume(persistentVolume('c', { inTree: { awsElasticBlockStore: { volumeID: 'vol-1' } } })).source).toBe('awsElasticBlockStore');
  });

  it('reads pinned node names from required kubernetes.io/hostname terms', () => {
    const raw = persistentVolume('local-a', { local: { path: '/mnt/a' }, nodeAffinityNodes: ['node-a', 'node-b'] });
    expect(projectPersistentVolume(raw).nodeAffinityNodes).toEqual(['node-a', 'node-b']);
    // A zone expression ANDed into the same term narrows nothing we can name: still pinned to the hostnames.
    raw.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions.push({ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z1'] });
    expect(projectPersistentVolume(raw).nodeAffinityNodes).toEqual(['node-a', 'node-b']);
  });

  it('pins nothing when one term (terms are ORed) leaves the hostname open, so a zone-wide volume is never "on a gone node"', () => {
    const raw = persistentVolume('local-a', { local: { path: '/mnt/a' }, nodeAffinityNodes: ['node-a'] });
    raw.spec.nodeAffinity.required.nodeSelectorTerms.push({ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z1'] }] });
    expect(projectPersistentVolume(raw)).not.toHaveProperty('nodeAffinityNodes');
  });

  it('keeps unknown phase, reclaim policy and volume mode as written instead of rewriting them to known ones', () => {
    const raw = persistentVolume('odd');
    raw.status.phase = 'Exploded';
    raw.spec.persistentVolumeReclaimPolicy = 'Explode';
    raw.spec.volumeMode = 'Hologram';
    expect(projectPersistentVolume(raw)).toMatchObject({ phase: 'Exploded', reclaimPolicy: 'Explode', volumeMode: 'Hologram' });
  });

  it('applies the API defaults for a hand-written PV (Retain policy, Filesystem mode, Pending without status)', () => {
    const raw = persistentVolume('manual', { hostPath: '/x' });
    delete raw.spec.persistentVolumeReclaimPolicy;
    delete raw.spec.volumeMode;
    delete raw.status;
    expect(projectPersistentVolume(raw)).toMatchObject({ reclaimPolicy: 'Retain', volumeMode: 'Filesystem', phase: 'Pending' });
  });

  it('keeps the Released phase, its message and its transition time', () => {
    const pv = projectPersistentVolume(
      persistentVolume('old', { phase: 'Released', reclaimPolicy: 'Delete', message: 'delete failed: timeout', lastPhaseTransitionTime: '2023-05-01T00:00:00Z' }),
    );
    expect(pv).toMatchObject({ phase: 'Released', statusMessage: 'delete failed: timeout', lastPhaseTransitionTime: '2023-05-01T00:00:00Z' });
  });

  it('rejects a PV without a name with a one-line ProjectionError', () => {
    const raw = persistentVolume('x');
    delete (raw.metadata as { name?: string }).name;
    expect(() => projectPersistentVolume(raw)).toThrow(new ProjectionError('PersistentVolume without metadata.name'));
    expect(() => projectPersistentVolume({ kind: 'PersistentVolume' })).toThrow(ProjectionError);
  });
});

describe('projectPersistentVolumeClaim', () => {
  it('keeps "" (no class) distinct from an unset class (default class applies)', () => {
    expect(projectPersistentVolumeClaim(persistentVolumeClaim('ns', 'a', { storageClassName: '' })).storageClassName).toBe('');
    expect(projectPersistentVolumeClaim(persistentVolumeClaim('ns', 'b'))).not.toHaveProperty('storageClassName');
  });

  it('honours the beta storage-class annotation when the field is unset', () => {
    const raw = persistentVolumeClaim('ns', 'legacy', { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } });
    expect(projectPersistentVolumeClaim(raw).storageClassName).toBe('slow');
  });

  it('projects request, capacity, binding, selector, conditions and resize status', () => {
    const pvc = projectPersistentVolumeClaim(
      persistentVolumeClaim('ns', 'data', {
        request: '5Gi',
        capacity: '8Gi',
        volumeName: 'pv-1',
        selector: { matchLabels: { tier: 'gold' } },
        conditions: [{ type: 'Resizing', status: 'True' }],
        resizeStatus: 'ControllerResizeInProgress',
        annotations: { 'volume.kubernetes.io/selected-node': 'node-a' },
      }),
    );
    expect(pvc).toMatchObject({
      meta: { name: 'data', namespace: 'ns', annotations: { 'volume.kubernetes.io/selected-node': 'node-a' } },
      phase: 'Bound',
      requestedStorage: '5Gi',
      capacity: '8Gi',
      volumeName: 'pv-1',
      hasSelector: true,
      conditions: [{ type: 'Resizing', status: 'True' }],
      resizeStatus: 'ControllerResizeInProgress',
    });
  });

  it('keeps an unknown phase and volume mode as written; unset is Pending and Filesystem', () => {
    const raw = persistentVolumeClaim('ns', 'odd');
    raw.status.phase = 'Evaporated';
    raw.spec.volumeMode = 'Hologram';
    expect(projectPersistentVolumeClaim(raw)).toMatchObject({ phase: 'Evaporated', volumeMode: 'Hologram' });
    delete raw.status.phase;
    delete raw.spec.volumeMode;
    expect(projectPersistentVolumeClaim(raw)).toMatchObject({ phase: 'Pending', volumeMode: 'Filesystem' });
  });

  it('rejects a claim without a namespace', () => {
    const raw = persistentVolumeClaim('ns', 'x');
    delete raw.metadata.namespace;
    expect(() => projectPersistentVolumeClaim(raw)).toThrow('PersistentVolumeClaim "x" without metadata.namespace');
  });
});

describe('projectStorageClass', () => {
  it('defaults reclaimPolicy to Delete and binding to Immediate', () => {
    const raw = storageClass('std');
    delete raw.volumeBindingMode;
    expect(projectStorageClass(raw)).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: false, isDefault: false });
  });

  it('recognises the GA and the beta default-class annotation, and only the value "true"', () => {
    expect(projectStorageClass(storageClass('a', { isDefault: true })).isDefault).toBe(true);
    expect(projectStorageClass(storageClass('b', { isDefault: true, betaDefaultAnnotation: true })).isDefault).toBe(true);
    expect(projectStorageClass(storageClass('c', { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } })).isDefault).toBe(false);
  });
});

describe('projectCSIDriver', () => {
  it('reads attachRequired, defaulting to true as the API server does', () => {
    expect(projectCSIDriver(csiDriver('nfs.csi.k8s.io', { attachRequired: false }))).toEqual({
      meta: { name: 'nfs.csi.k8s.io', uid: expect.any(String), creationTimestamp: '2024-01-01T00:00:00Z' },
      attachRequired: false,
    });
    expect(projectCSIDriver(csiDriver('ebs.csi.aws.com')).attachRequired).toBe(true);
    expect(projectCSIDriver(csiDriver('x', { attachRequired: true })).attachRequired).toBe(true);
  });

  it('is recognised by apiVersion and kind like every read kind', () => {
    expect(projectObject(csiDriver('pd.csi.storage.gke.io'))).toMatchObject({ kind: 'csidrivers', object: { attachRequired: true } });
  });
});

describe('projectStorageClass unknown values', () => {
  it('keeps an unknown reclaim policy and binding mode as written', () => {
    const raw = storageClass('odd');
    raw.reclaimPolicy = 'Explode';
    raw.volumeBindingMode = 'Eventually';
    expect(projectStorageClass(raw)).toMatchObject({ reclaimPolicy: 'Explode', volumeBindingMode: 'Eventually' });
  });
});
