import type { PodVolume, PodVolumeKind } from '../model/snapshot';
import { asRecord, bool, compact, nonEmpty, quantity, records, str, type RawRecord } from './raw';

// Volume source keys the model names; any other source (cephfs, iscsi, rbd, cloud disks...) is 'other'.
const KNOWN_KINDS: readonly PodVolumeKind[] = [
  'persistentVolumeClaim',
  'ephemeral',
  'emptyDir',
  'hostPath',
  'configMap',
  'secret',
  'projected',
  'downwardAPI',
  'gitRepo',
  'nfs',
  'csi',
];

/**
 * How the containers (init containers included) mount each volume, by volume name: true when every mount of it is
 * readOnly, false when at least one mount may write. A volume no container mounts is absent.
 */
function volumeMountAccess(podSpec: RawRecord): Map<string, boolean> {
  const readOnly = new Map<string, boolean>();
  for (const c of [...records(podSpec.containers), ...records(podSpec.initContainers)]) {
    for (const m of records(c.volumeMounts)) {
      if (typeof m.name !== 'string') continue;
      readOnly.set(m.name, (readOnly.get(m.name) ?? true) && m.readOnly === true);
    }
  }
  return readOnly;
}

function projectVolume(v: RawRecord, podName: string | undefined, mounts: Map<string, boolean>): PodVolume | undefined {
  const name = nonEmpty(v.name);
  if (name === undefined) return undefined;
  const kind = KNOWN_KINDS.find((k) => asRecord(v[k]) !== undefined) ?? 'other';
  const src = asRecord(v[kind]) ?? {};
  const mountedReadOnly = mounts.get(name);
  const out: PodVolume = { name, kind, mounted: mountedReadOnly !== undefined };
  switch (kind) {
    case 'persistentVolumeClaim':
      out.claimName = nonEmpty(src.claimName);
      out.readOnly = bool(src.readOnly);
      break;
    case 'ephemeral':
      // The ephemeral volume controller names the claim `<pod>-<volume>`; a template (no pod yet) has no claim.
      out.claimName = podName !== undefined ? `${podName}-${name}` : undefined;
      break;
    case 'emptyDir':
      out.medium = nonEmpty(src.medium);
      out.sizeLimit = quantity(src.sizeLimit);
      break;
    case 'hostPath':
      out.path = str(src.path);
      break;
    case 'nfs':
      out.path = `${str(src.server) ?? ''}:${str(src.path) ?? ''}`;
      out.readOnly = bool(src.readOnly);
      break;
    case 'csi':
      out.readOnly = bool(src.readOnly);
      break;
    default:
      break;
  }
  // The hostPath source has no readOnly field: read-only is per volumeMounts[] entry. For every kind, a volume all
  // of whose mounts are readOnly cannot be written by the pod, whatever its source says.
  if (mountedReadOnly === true) out.readOnly = true;
  return compact(out);
}

/**
 * Projects spec.volumes of a pod (podName set) or of a pod template (podName undefined: generated claim names are
 * unknown until a pod exists).
 */
export function projectPodVolumes(podSpec: RawRecord, podName: string | undefined): PodVolume[] {
  const mounts = volumeMountAccess(podSpec);
  const out: PodVolume[] = [];
  for (const v of records(podSpec.volumes)) {
    const p = projectVolume(v, podName, mounts);
    if (p) out.push(p);
  }
  return out;
}
