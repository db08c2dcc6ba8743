// Lookups that let scopeSnapshot start from an entity's own objects instead of scanning the cluster: seeds by
// namespace and by label, and the reverse joins of the closure (a StatefulSet's per-ordinal claims and volumes,
// the volumes a namespace's claims hold or held, free volumes by class, volume stats by claim). Built once per
// PreparedSnapshot, on the first scope asked of it, in O(objects); every scope after that costs O(its objects).
import type { PreparedSnapshot } from '../analysis/prepared';
import { key } from '../analysis/snapshotIndex';
import type { Ingress, Meta, PersistentVolume, PersistentVolumeClaim, Pod, Service, StatefulSet, VolumeStats } from '../model/snapshot';

/** The objects of one kind that can seed a scope, by namespace, by label pair and by label key. */
export interface SeedLookup<T extends { meta: Meta }> {
  all: readonly T[];
  byNamespace: Map<string, T[]>;
  /** By labelPair(key, value). */
  byLabel: Map<string, T[]>;
  byLabelKey: Map<string, T[]>;
}

export interface ScopeIndex {
  pods: SeedLookup<Pod>;
  statefulSets: SeedLookup<StatefulSet>;
  claims: SeedLookup<PersistentVolumeClaim>;
  services: SeedLookup<Service>;
  ingresses: SeedLookup<Ingress>;
  volumes: SeedLookup<PersistentVolume>;
  /** Claims named `<template>-<set>-<ordinal>` of a StatefulSet (index.ordinalOfClaim), leftovers included. */
  claimsByStatefulSet: Map<StatefulSet, PersistentVolumeClaim[]>;
  /** Volumes whose claimRef names such a claim of a StatefulSet, whether or not the claim still exists. */
  volumesByStatefulSet: Map<StatefulSet, PersistentVolume[]>;
  /** Volumes whose claimRef names a claim of the namespace. */
  volumesByClaimNamespace: Map<string, PersistentVolume[]>;
  /** Available volumes without a claimRef, by storageClassName ('' for none). */
  freeVolumesByClass: Map<string, PersistentVolume[]>;
  volumeStatsByClaim: Map<string, VolumeStats[]>;
  /** Each object's position in its snapshot list, so a scoped list keeps the snapshot's order. */
  position: Map<object, number>;
}

export const labelPair = (k: string, v: string): string => `${k}\u0000${v}`;

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function seedLookup<T extends { meta: Meta }>(all: readonly T[], position: Map<object, number>): SeedLookup<T> {
  const lookup: SeedLookup<T> = { all, byNamespace: new Map(), byLabel: new Map(), byLabelKey: new Map() };
  all.forEach((o, i) => {
    position.set(o, i);
    push(lookup.byNamespace, o.meta.namespace ?? '', o);
    for (const [k, v] of Object.entries(o.meta.labels ?? {})) {
      push(lookup.byLabel, labelPair(k, v), o);
      push(lookup.byLabelKey, k, o);
    }
  });
  return lookup;
}

const cache = new WeakMap<PreparedSnapshot, ScopeIndex>();

export function scopeIndexOf(prepared: PreparedSnapshot): ScopeIndex {
  const cached = cache.get(prepared);
  if (cached) return cached;
  const { snapshot, index } = prepared;
  const position = new Map<object, number>();
  const scopeIndex: ScopeIndex = {
    pods: seedLookup(snapshot.pods, position),
    statefulSets: seedLookup(snapshot.statefulSets, position),
    claims: seedLookup(snapshot.persistentVolumeClaims, position),
    services: seedLookup(snapshot.services, position),
    ingresses: seedLookup(snapshot.ingresses, position),
    volumes: seedLookup(snapshot.persistentVolumes, position),
    claimsByStatefulSet: new Map(),
    volumesByStatefulSet: new Map(),
    volumesByClaimNamespace: new Map(),
    freeVolumesByClass: new Map(),
    volumeStatsByClaim: new Map(),
    position,
  };
  for (const c of snapshot.persistentVolumeClaims) {
    const owner = index.ordinalOfClaim(c.meta.namespace ?? '', c.meta.name);
    if (owner) push(scopeIndex.claimsByStatefulSet, owner.statefulSet, c);
  }
  for (const pv of snapshot.persistentVolumes) {
    const ref = pv.claimRef;
    if (ref) {
      push(scopeIndex.volumesByClaimNamespace, ref.namespace, pv);
      const owner = index.ordinalOfClaim(ref.namespace, ref.name);
      if (owner) push(scopeIndex.volumesByStatefulSet, owner.statefulSet, pv);
    } else if (pv.phase === 'Available') {
      push(scopeIndex.freeVolumesByClass, pv.storageClassName ?? '', pv);
    }
  }
  snapshot.endpointSlices.forEach((e, i) => position.set(e, i));
  snapshot.volumeStats.forEach((s, i) => {
    position.set(s, i);
    push(scopeIndex.volumeStatsByClaim, key(s.namespace, s.claimName), s);
  });
  cache.set(prepared, scopeIndex);
  return scopeIndex;
}
