import type { Snapshot, SnapshotSource } from './snapshot';

/** A snapshot with nothing in it yet; collectors and tests fill the lists. */
export function emptySnapshot(source: SnapshotSource, collectedAt: string = new Date().toISOString()): Snapshot {
  return {
    source,
    collectedAt,
    persistentVolumes: [],
    persistentVolumeClaims: [],
    storageClasses: [],
    pods: [],
    statefulSets: [],
    services: [],
    endpointSlices: [],
    ingresses: [],
    ingressClasses: [],
    csiDrivers: [],
    nodes: [],
    secrets: [],
    volumeStats: [],
    observedKinds: [],
    incomplete: [],
  };
}
