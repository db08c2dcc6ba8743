// Which class applies when an object names none: the default StorageClass of a claim, the default IngressClass of
// an Ingress. Both admission plugins pick the same way when several classes are marked default.
import type { Meta, StorageClass } from '../model/snapshot';
import type { SnapshotIndex } from './snapshotIndex';

/**
 * The winner among several classes marked default: the newest by creation time (1.26+ for StorageClasses; the
 * DefaultIngressClass admission plugin does the same), ties broken by name so the answer never depends on list
 * order. A missing or unparsable creationTimestamp counts as oldest.
 */
export function newestDefault<T extends { meta: Pick<Meta, 'name' | 'creationTimestamp'> }>(defaults: readonly T[]): T | undefined {
  let winner: T | undefined;
  for (const c of defaults) {
    if (!winner || newerFirst(c, winner) < 0) winner = c;
  }
  return winner;
}

function newerFirst(a: { meta: Pick<Meta, 'name' | 'creationTimestamp'> }, b: { meta: Pick<Meta, 'name' | 'creationTimestamp'> }): number {
  const ta = Date.parse(a.meta.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.meta.creationTimestamp ?? '') || 0;
  if (ta !== tb) return tb - ta;
  return a.meta.name < b.meta.name ? -1 : a.meta.name > b.meta.name ? 1 : 0;
}

/** The default StorageClass a claim without storageClassName gets. */
export function effectiveDefaultClass(index: SnapshotIndex): StorageClass | undefined {
  return newestDefault(index.defaultStorageClasses);
}
