// Which StorageClass a claim without storageClassName gets.
import type { StorageClass } from '../model/snapshot';
import type { SnapshotIndex } from './snapshotIndex';

/**
 * The default class Kubernetes picks when several are marked default (1.26+): the newest by creation time,
 * ties broken by name, as the DefaultStorageClass admission plugin and the PV controller sort them.
 */
export function effectiveDefaultClass(index: SnapshotIndex): StorageClass | undefined {
  let winner: StorageClass | undefined;
  for (const sc of index.defaultStorageClasses) {
    if (!winner || newerFirst(sc, winner) < 0) winner = sc;
  }
  return winner;
}

function newerFirst(a: StorageClass, b: StorageClass): number {
  const ta = Date.parse(a.meta.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.meta.creationTimestamp ?? '') || 0;
  if (ta !== tb) return tb - ta;
  return a.meta.name < b.meta.name ? -1 : a.meta.name > b.meta.name ? 1 : 0;
}
