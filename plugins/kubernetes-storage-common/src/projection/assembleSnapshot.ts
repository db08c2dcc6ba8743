// Puts a Snapshot together from per-kind object lists: the one place that says which list fills which field, in
// which order the kinds are reported observed, and when Endpoints stand in for EndpointSlices. SnapshotBuilder (a
// one-shot collection or a dump) and SnapshotStore (a watch-fed live model) both assemble through it, so the same
// objects give the same Snapshot, byte for byte, whichever way they arrived.
import { emptySnapshot } from '../model/emptySnapshot';
import type { IncompleteEntry, Meta, ResourceKind, Snapshot, SnapshotSource, VolumeStats } from '../model/snapshot';
import type { ProjectedTypes } from './projectObject';
import { ANALYSED_KINDS, type ListedKind } from './resources';

export interface SnapshotParts {
  source: SnapshotSource;
  collectedAt?: string;
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

/** Kinds in the order observedKinds lists them. */
const OBSERVED_ORDER: ResourceKind[] = [...ANALYSED_KINDS, 'endpoints', 'volumestats'];

export function assembleSnapshot(parts: SnapshotParts): Snapshot {
  const snapshot = emptySnapshot(parts.source, parts.collectedAt);
  if (parts.namespaces) snapshot.namespaces = [...parts.namespaces];
  snapshot.persistentVolumes = parts.list('persistentvolumes');
  snapshot.persistentVolumeClaims = parts.list('persistentvolumeclaims');
  snapshot.storageClasses = parts.list('storageclasses');
  snapshot.pods = parts.list('pods');
  snapshot.statefulSets = parts.list('statefulsets');
  snapshot.services = parts.list('services');
  snapshot.ingresses = parts.list('ingresses');
  snapshot.ingressClasses = parts.list('ingressclasses');
  snapshot.csiDrivers = parts.list('csidrivers');
  snapshot.nodes = parts.list('nodes');
  snapshot.secrets = parts.list('secrets');

  const observed = new Set<ResourceKind>(parts.observed);
  // Endpoints stand in for EndpointSlices only where no slice was read, as a live collection does when the
  // EndpointSlice API is missing; with both, the slices are the source of truth (the mirroring controller makes
  // one for every Endpoints anyway).
  if (observed.has('endpointslices') && parts.holds('endpointslices')) {
    snapshot.endpointSlices = parts.list('endpointslices');
    observed.delete('endpoints');
  } else if (observed.has('endpoints')) {
    snapshot.endpointSlices = parts.list('endpoints');
    observed.add('endpointslices');
  } else {
    snapshot.endpointSlices = parts.list('endpointslices');
  }

  snapshot.volumeStats = [...parts.volumeStats].sort(compareVolumeStats);
  snapshot.observedKinds = OBSERVED_ORDER.filter((k) => observed.has(k));
  snapshot.incomplete = parts.incomplete;
  return snapshot;
}
