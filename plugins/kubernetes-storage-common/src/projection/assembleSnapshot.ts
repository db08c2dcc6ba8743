// Puts a Snapshot together from per-kind object lists: the one place that says which list fills which field, in
// which order the kinds are reported observed, and when Endpoints stand in for EndpointSlices. SnapshotBuilder (a
// one-shot collection or a dump) and SnapshotStore (a watch-fed live model) both assemble through it, so the same
// objects give the same Snapshot, byte for byte, whichever way they arrived.
import { emptySnapshot } from '../model/emptySnapshot';
import type { IncompleteEntry, Meta, ResourceKind, Snapshot, SnapshotSource, VolumeStats } from '../model/snapshot';
import type { ProjectedTypes } from './projectObject';
import { isListed, KINDS, RESOURCE_KINDS, SNAPSHOT_FIELDS, type ListedKind, type ListedKindSpec } from '../model/kinds';
import { ANALYSED_KINDS } from './resources';

export interface SnapshotParts {
  source: SnapshotSource;
  /** When the objects were read (the caller's clock; the core has none). */
  collectedAt: string;
  namespaces?: string[];
  /** The objects of a kind, already filtered to the namespaces and sorted by compareObjects. */
  list<K extends ListedKind>(kind: K): ProjectedTypes[K][];
  /** Whether any object of the kind is held at all (EndpointSlices decide the Endpoints rule). */
  holds(kind: ListedKind): boolean;
  observed: Iterable<ResourceKind>;
  volumeStats: VolumeStats[];
  incomplete: IncompleteEntry[];
}

/**
 * Snapshot order: namespace, then name; the uid breaks the tie of two objects of one name that a live store may
 * briefly hold (a StatefulSet pod deleted and recreated), so the order never depends on arrival.
 */
export const compareObjects = (a: { meta: Meta }, b: { meta: Meta }): number =>
  (a.meta.namespace ?? '').localeCompare(b.meta.namespace ?? '') ||
  a.meta.name.localeCompare(b.meta.name) ||
  (a.meta.uid ?? '').localeCompare(b.meta.uid ?? '');

const compareVolumeStats = (a: VolumeStats, b: VolumeStats): number =>
  a.namespace.localeCompare(b.namespace) || a.claimName.localeCompare(b.claimName) || a.podName.localeCompare(b.podName);

/** A kind that stands in for another (Endpoints for EndpointSlices), and the kind it stands in for. */
const STAND_INS = RESOURCE_KINDS.flatMap((k) => {
  const spec = KINDS[k];
  return 'standsInFor' in spec ? [{ kind: k as ListedKind, for: spec.standsInFor as ListedKind }] : [];
});
const STOOD_IN_FOR = new Set<ResourceKind>(STAND_INS.map((s) => s.for));

/** Kinds in the order observedKinds lists them: the analysed kinds, then the stand-ins and volume stats. */
const OBSERVED_ORDER: ResourceKind[] = [...ANALYSED_KINDS, ...RESOURCE_KINDS.filter((k) => !ANALYSED_KINDS.includes(k as ListedKind))];

export function assembleSnapshot(parts: SnapshotParts): Snapshot {
  const snapshot = emptySnapshot(parts.source, parts.collectedAt);
  if (parts.namespaces) snapshot.namespaces = [...parts.namespaces];
  const observed = new Set<ResourceKind>(parts.observed);
  const lists = snapshot as unknown as Record<string, unknown[]>;
  for (const { field, kind } of SNAPSHOT_FIELDS) {
    if (!isListed(kind) || STOOD_IN_FOR.has(kind)) continue;
    // The table's own bound of what is kept (events: Warning only, the newest few per object), for every source.
    const keep = (KINDS[kind] as ListedKindSpec).keep;
    lists[field] = keep ? keep(parts.list(kind)) : parts.list(kind);
  }
  // Endpoints stand in for EndpointSlices only where no slice was read, as a live collection does when the
  // EndpointSlice API is missing; with both, the slices are the source of truth (the mirroring controller makes
  // one for every Endpoints anyway).
  for (const standIn of STAND_INS) {
    const field = KINDS[standIn.for].field;
    if (observed.has(standIn.for) && parts.holds(standIn.for)) {
      lists[field] = parts.list(standIn.for);
      observed.delete(standIn.kind);
    } else if (observed.has(standIn.kind)) {
      lists[field] = parts.list(standIn.kind);
      observed.add(standIn.for);
    } else {
      lists[field] = parts.list(standIn.for);
    }
  }

  snapshot.volumeStats = [...parts.volumeStats].sort(compareVolumeStats);
  snapshot.observedKinds = OBSERVED_ORDER.filter((k) => observed.has(k));
  snapshot.incomplete = parts.incomplete;
  return snapshot;
}
