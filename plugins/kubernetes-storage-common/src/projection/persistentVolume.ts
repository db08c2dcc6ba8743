import type { ClaimRef, PersistentVolume, PersistentVolumePhase, ReclaimPolicy } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, compact, nonEmpty, oneOf, quantity, recordAt, records, str, strings, type RawRecord } from './raw';

const PHASES: readonly PersistentVolumePhase[] = ['Pending', 'Available', 'Bound', 'Released', 'Failed'];
const RECLAIM: readonly ReclaimPolicy[] = ['Retain', 'Delete', 'Recycle'];

// In-tree PersistentVolumeSource keys, in the order the API documents them. Exactly one is set on a valid PV.
const IN_TREE_SOURCES = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'glusterfs',
  'hostPath',
  'iscsi',
  'local',
  'nfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
] as const;

function volumeSource(spec: RawRecord): { source: string; sourcePath?: string } {
  const csi = asRecord(spec.csi);
  if (csi) return { source: `csi:${str(csi.driver) ?? 'unknown'}` };
  for (const key of IN_TREE_SOURCES) {
    const src = asRecord(spec[key]);
    if (!src) continue;
    if (key === 'hostPath' || key === 'local') return { source: key, sourcePath: str(src.path) };
    if (key === 'nfs') return { source: key, sourcePath: `${str(src.server) ?? ''}:${str(src.path) ?? ''}` };
    return { source: key };
  }
  return { source: 'unknown' };
}

/** Node names from required terms on kubernetes.io/hostname (how local and hostPath PVs are pinned). */
function pinnedNodes(spec: RawRecord): string[] | undefined {
  const nodes = new Set<string>();
  for (const term of records(recordAt(spec, 'nodeAffinity', 'required')?.nodeSelectorTerms)) {
    for (const expr of records(term.matchExpressions)) {
      if (expr.key === 'kubernetes.io/hostname' && expr.operator === 'In') for (const v of strings(expr.values)) nodes.add(v);
    }
  }
  return nodes.size ? [...nodes] : undefined;
}

function claimRef(spec: RawRecord): ClaimRef | undefined {
  const ref = asRecord(spec.claimRef);
  const name = nonEmpty(ref?.name);
  if (!ref || name === undefined) return undefined;
  return compact<ClaimRef>({ namespace: str(ref.namespace) ?? '', name, uid: nonEmpty(ref.uid) });
}

export function projectPersistentVolume(raw: unknown): PersistentVolume {
  const meta = projectMeta(raw, 'PersistentVolume', false);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const status = asRecord(obj.status) ?? {};
  const { source, sourcePath } = volumeSource(spec);
  return compact<PersistentVolume>({
    meta,
    // A PV the API has not given a phase yet is Pending.
    phase: oneOf(status.phase, PHASES, 'Pending'),
    capacity: quantity(recordAt(spec, 'capacity')?.storage),
    accessModes: strings(spec.accessModes),
    volumeMode: oneOf(spec.volumeMode, ['Filesystem', 'Block'], 'Filesystem'),
    // The API server defaults a PV's policy to Retain (dynamically provisioned PVs get their class's policy).
    reclaimPolicy: oneOf(spec.persistentVolumeReclaimPolicy, RECLAIM, 'Retain'),
    storageClassName: str(spec.storageClassName) ?? str(asRecord(asRecord(obj.metadata)?.annotations)?.['volume.beta.kubernetes.io/storage-class']),
    claimRef: claimRef(spec),
    source,
    sourcePath,
    nodeAffinityNodes: pinnedNodes(spec),
    statusMessage: nonEmpty(status.message),
    statusReason: nonEmpty(status.reason),
    lastPhaseTransitionTime: nonEmpty(status.lastPhaseTransitionTime),
  });
}
