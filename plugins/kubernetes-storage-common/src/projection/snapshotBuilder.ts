import type { IncompleteEntry, Meta, ResourceKind, Snapshot, SnapshotSource, VolumeStats } from '../model/snapshot';
import { projectObject, type Projected, type ProjectedTypes } from './projectObject';
import { assembleSnapshot, compareObjects } from './assembleSnapshot';
import type { ListedKind } from './resources';

export interface BuildOptions {
  /** When the objects were read (or the dump taken): the caller's clock, never the core's. */
  collectedAt: string;
  /** Kinds that were read; default: the kinds the builder was given objects of or told it observed. */
  observedKinds?: ResourceKind[];
  incomplete?: IncompleteEntry[];
  /** Namespaces the collection covered; namespaced objects outside them are dropped. */
  namespaces?: string[];
}

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
    return kept.sort(compareObjects);
  }

  build(source: SnapshotSource, options: BuildOptions): Snapshot {
    const ns = options.namespaces ? new Set(options.namespaces) : undefined;
    return assembleSnapshot({
      source,
      collectedAt: options.collectedAt,
      namespaces: options.namespaces,
      list: (kind) => this.list(kind, ns),
      holds: (kind) => this.objects.has(kind),
      observed: options.observedKinds ?? this.observed,
      volumeStats: this.volumeStats,
      incomplete: [...(options.incomplete ?? []), ...this.incomplete],
    });
  }
}

/** Projects raw API objects (unknown kinds are skipped) into a Snapshot. */
export function buildSnapshot(rawObjects: unknown[], source: SnapshotSource, options: BuildOptions): Snapshot {
  const builder = new SnapshotBuilder();
  for (const raw of rawObjects) builder.addRaw(raw);
  return builder.build(source, options);
}
