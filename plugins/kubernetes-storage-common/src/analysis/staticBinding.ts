// Could a Pending claim bind an existing volume? Answered in constant time per claim: Available volumes are
// reduced once to the largest capacity per (class, volume mode, access-mode set), and a claim fits when some
// set with all its modes offers enough capacity. Scanning every volume per claim would be quadratic.
import type { PersistentVolume, PersistentVolumeClaim } from '../model/snapshot';
import { quantityBytes } from '../util/quantity';

const MODE_BITS: Record<string, number> = { ReadWriteOnce: 1, ReadOnlyMany: 2, ReadWriteMany: 4, ReadWriteOncePod: 8 };

function modeMask(modes: string[]): number {
  // Unknown modes get a bit no volume offers, so a claim asking for one never "fits" by accident.
  return modes.reduce((mask, m) => mask | (MODE_BITS[m] ?? 16), 0);
}

export interface StaticVolumePool {
  /** True when an Available, unreserved volume of `className` satisfies the claim's size and modes. */
  fits(claim: PersistentVolumeClaim, className: string): boolean;
}

export function buildStaticVolumePool(volumes: PersistentVolume[]): StaticVolumePool {
  const buckets = new Map<string, Map<number, number>>();
  for (const pv of volumes) {
    // A volume pre-bound by claimRef is reserved for that claim (the caller checks pre-bound volumes itself), and
    // the binder skips volumes being deleted.
    if (pv.phase !== 'Available' || pv.claimRef || pv.meta.deletionTimestamp) continue;
    const bucketKey = `${pv.storageClassName ?? ''}|${pv.volumeMode}`;
    const bucket = buckets.get(bucketKey) ?? new Map<number, number>();
    const mask = modeMask(pv.accessModes) & 15;
    // An unusable capacity (unparsable, negative, absurd) counts as large enough: better silent than a false "no match".
    const capacity = quantityBytes(pv.capacity) ?? Number.POSITIVE_INFINITY;
    bucket.set(mask, Math.max(bucket.get(mask) ?? 0, capacity));
    buckets.set(bucketKey, bucket);
  }
  return {
    fits(claim, className) {
      const bucket = buckets.get(`${className}|${claim.volumeMode}`);
      if (!bucket) return false;
      const wanted = modeMask(claim.accessModes);
      const request = quantityBytes(claim.requestedStorage) ?? 0;
      for (const [mask, capacity] of bucket) if ((mask & wanted) === wanted && capacity >= request) return true;
      return false;
    },
  };
}
