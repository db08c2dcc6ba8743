import { emptySnapshot } from '../model/emptySnapshot';
import type { IncompleteEntry, Meta, ResourceKind, Snapshot, SnapshotSource, VolumeStats } from '../model/snapshot';
import { projectObject, type Projected, type ProjectedTypes } from './projectObject';
import { ANALYSED_KINDS, type ListedKind } from './resources';

export interface BuildOptions {
  collectedAt?: string;
  /** Kinds that were read; default: the kinds the builder was given objects of or told it observed. */
  observedKinds?: ResourceKind[];
  incomplete?: IncompleteEntry[];
  /** Namespaces the collection covered; namespaced objects outside them are dropped. */
  namespaces?: string[];
}

const byNamespaceThenName = (a: { meta: Meta }, b: { meta: Meta }): number =>
  (a.meta.namespace ?? '').localeCompare(b.meta.namespace ?? '') || a.meta.name.localeCompare(b.meta.name);

const identity = (meta: Meta): string => `${meta.namespace ?? ''}/${meta.name}`;

/**
 * Accumulates projected objects (page by page for a live collection, item by item for a dump) and produces the
 * Snapshot. The same object seen twice (overlapping dump files) is kept once, the later copy winning; lists are
 * sorted so a snapshot does not depend on collection order or concurrency.
 */
export class SnapshotBuilder {
  private readonly objects = new Map<ListedKind, Map<string, ProjectedTypes[ListedKind]>>();
  private readonly observed = new Set<ResourceKind>();
  private readonly incomplete: IncompleteEntry[] = [];
  private readonly volumeStats: VolumeStats[] = [];

  add(p: Projected): void {
    let map = this.objects.get(p.kind);
    if (!map) this.objects.set(p.kind, (map = new Map()));
    map.set(identity(p.object.meta), p.object);
    this.observed.add(p.kind);
  }

  /** Projects and adds a raw object; returns its kind, or undefined for kinds the product does not read. */
  addRaw(raw: unknown): ListedKind | undefined {
    const p = projectObject(raw);
    if (p) this.add(p);
    return p?.kind;
  }

  /** Records a kind as read even when it had no objects (an empty LIST is a fact: there are none). */
  observe(kind: ResourceKind): void {
    this.observed.add(kind);
  }

  addIncomplete(entry: IncompleteEntry): void {
    this.incomplete.push(entry);
  }

  addVolumeStats(stats: VolumeStats[]): void {
    this.volumeStats.push(...stats);
  }

  private list<K extends ListedKind>(kind: K, namespaces: Set<string> | undefined): ProjectedTypes[K][] {
    const all = [...(this.objects.get(kind)?.values() ?? [])] as ProjectedTypes[K][];
    const kept = namespaces ? all.filter((o) => o.meta.namespace === undefined || namespaces.has(o.meta.namespace)) : all;
    return kept.sort(byNamespaceThenName);
  }

  build(source: SnapshotSource, options: BuildOptions = {}): Snapshot {
    const ns = options.namespaces ? new Set(options.namespaces) : undefined;
    const snapshot = emptySnapshot(source, options.collectedAt);
    if (options.namespaces) snapshot.namespaces = [...options.namespaces];
    snapshot.persistentVolumes = this.list('persistentvolumes', ns);
    snapshot.persistentVolumeClaims = this.list('persistentvolumeclaims', ns);
    snapshot.storageClasses = this.list('storageclasses', ns);
    snapshot.pods = this.list('pods', ns);
    snapshot.statefulSets = this.list('statefulsets', ns);
    snapshot.services = this.list('services', ns);
    snapshot.ingresses = this.list('ingresses', ns);
    snapshot.ingressClasses = this.list('ingressclasses', ns);
    snapshot.nodes = this.list('nodes', ns);
    snapshot.secrets = this.list('secrets', ns);

    const observed = new Set<ResourceKind>(options.observedKinds ?? this.observed);
    // Endpoints stand in for EndpointSlices only where no slice was read, as a live collection does when the
    // EndpointSlice API is missing; with both, the slices are the source of truth (the mirroring controller makes
    // one for every Endpoints anyway).
    if (observed.has('endpointslices') && this.objects.has('endpointslices')) {
      snapshot.endpointSlices = this.list('endpointslices', ns);
      observed.delete('endpoints');
    } else if (observed.has('endpoints')) {
      snapshot.endpointSlices = this.list('endpoints', ns);
      observed.add('endpointslices');
    } else {
      snapshot.endpointSlices = this.list('endpointslices', ns);
    }

    snapshot.volumeStats = [...this.volumeStats].sort(
      (a, b) => a.namespace.localeCompare(b.namespace) || a.claimName.localeCompare(b.claimName) || a.podName.localeCompare(b.podName),
    );
    const order: ResourceKind[] = [...ANALYSED_KINDS, 'endpoints', 'volumestats'];
    snapshot.observedKinds = order.filter((k) => observed.has(k));
    snapshot.incomplete = [...(options.incomplete ?? []), ...this.incomplete];
    return snapshot;
  }
}

/** Projects raw API objects (unknown kinds are skipped) into a Snapshot. */
export function buildSnapshot(rawObjects: unknown[], source: SnapshotSource, options: BuildOptions = {}): Snapshot {
  const builder = new SnapshotBuilder();
  for (const raw of rawObjects) builder.addRaw(raw);
  return builder.build(source, options);
}
