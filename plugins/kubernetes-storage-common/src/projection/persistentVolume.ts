import type { ClaimRef, PersistentVolume } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, asWritten, compact, nonEmpty, quantity, recordAt, records, str, strings, type RawRecord } from './raw';

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

/**
 * The nodes a required nodeAffinity confines the volume to (how local and hostPath PVs are pinned). Terms are ORed,
 * so the volume is confined only when every term has a kubernetes.io/hostname In expression; a term that leaves the
 * hostname open (a zone, say) lets it be used on nodes we cannot name, and then nothing is pinned.
 */
function pinnedNodes(spec: RawRecord): string[] | undefined {
  const nodes = new Set<string>();
  const terms = records(recordAt(spec, 'nodeAffinity', 'required')?.nodeSelectorTerms);
  for (const term of terms) {
    const hostnames = records(term.matchExpressions).filter((e) => e.key === 'kubernetes.io/hostname' && e.operator === 'In');
    if (hostnames.length === 0) return undefined;
    // Several hostname expressions in one term are ANDed: the term allows only the names they all list.
    const [first, ...others] = hostnames.map((e) => new Set(strings(e.values)));
    for (const n of first) if (others.every((o) => o.has(n))) nodes.add(n);
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
    // A PV the API has not given a phase yet is Pending; any other value is kept as written, known or not.
    phase: asWritten(status.phase, 'Pending'),
    capacity: quantity(recordAt(spec, 'capacity')?.storage),
    accessModes: strings(spec.accessModes),
    volumeMode: asWritten(spec.volumeMode, 'Filesystem'),
    // The API server defaults a PV's policy to Retain (dynamically provisioned PVs get their class's policy).
    reclaimPolicy: asWritten(spec.persistentVolumeReclaimPolicy, 'Retain'),
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
