// A live model of one cluster, fed by LISTs and watch events: the objects of each kind, whether each kind is in
// step with the API server, and a versioned immutable Snapshot (and its prepared index) of the current state.
// Pure: no I/O, and no clock (every change says when it happened). The same objects give the same Snapshot,
// byte for byte, as a SnapshotBuilder given them, whatever the order of the events that brought them.
import { prepareSnapshot, type PreparedSnapshot } from '../analysis/prepared';
import type { IncompleteEntry, IncompleteReason, Meta, Snapshot, SnapshotSource } from '../model/snapshot';
import { assembleSnapshot } from '../projection/assembleSnapshot';
import { projectAs, type ProjectedTypes } from '../projection/projectObject';
import { RESOURCES, type ListedKind } from '../projection/resources';
import { KindTable } from './kindTable';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface KindFailure {
  reason: IncompleteReason;
  message: string;
}

export interface KindState {
  /** A full LIST of the kind (every namespace the store covers) has been applied. */
  synced: boolean;
  /** When the last LIST was applied. */
  syncedAt?: string;
  /** When the last watch event of the kind arrived. */
  lastEventAt?: string;
  /** When the kind started failing (the first failure since it was last synced). */
  failedSince?: string;
  /** The latest failure, while the kind is failing. */
  failure?: KindFailure;
}

export interface SnapshotStoreOptions {
  source: SnapshotSource;
  /** The kinds this store is fed. Any other kind counts as not read; one of these counts as read once synced. */
  kinds: ListedKind[];
  /** Namespaces covered; undefined means all. Namespaced objects outside them are dropped on arrival. */
  namespaces?: string[];
}

interface Failure extends KindFailure {
  namespace?: string;
  since: string;
}

/** A LIST being applied page by page, so a 50,000-pod list never sits in memory as raw objects. */
export interface PendingReplace {
  /** Projects and holds one page of the LIST's items. */
  add(rawItems: unknown[]): void;
  /** The LIST restarted from scratch (an expired continue token): forget the pages so far. */
  reset(): void;
  /** Applies the whole LIST at once: what it did not return is gone. */
  commit(at: Date): void;
}

const CLUSTER = '';

export class SnapshotStore {
  private readonly source: SnapshotSource;
  private readonly kinds: ListedKind[];
  private readonly namespaces?: readonly string[];
  private readonly namespaceSet?: ReadonlySet<string>;
  private readonly tables = new Map<ListedKind, KindTable<ProjectedTypes[ListedKind]>>();
  /** Per kind: the scopes whose LIST was applied ('' is the whole kind). */
  private readonly syncedScopes = new Map<ListedKind, Set<string>>();
  private readonly syncedAt = new Map<ListedKind, string>();
  private readonly lastEventAt = new Map<ListedKind, string>();
  /** Per kind: failures by scope ('' cluster-wide, else the namespace). */
  private readonly failures = new Map<ListedKind, Map<string, Failure>>();
  private changedAt = 0;
  private currentVersion = 0;
  private cachedSnapshot?: { version: number; snapshot: Snapshot };
  private cachedPrepared?: { version: number; prepared: PreparedSnapshot };

  constructor(options: SnapshotStoreOptions) {
    this.source = options.source;
    this.kinds = [...new Set(options.kinds)];
    if (options.namespaces) {
      this.namespaces = Object.freeze([...options.namespaces]);
      this.namespaceSet = new Set(options.namespaces);
    }
    for (const kind of this.kinds) this.tables.set(kind, new KindTable());
  }

  /** Bumps on every change to what snapshot() returns. */
  get version(): number {
    return this.currentVersion;
  }

  /** A full LIST (or relist) of a kind, or of one namespace of it: the kind is synced and its failure cleared. */
  replace(kind: ListedKind, rawObjects: unknown[], at: Date, namespace?: string): void {
    const pending = this.beginReplace(kind, namespace);
    pending.add(rawObjects);
    pending.commit(at);
  }

  /** Starts applying a LIST page by page; nothing changes until commit(). */
  beginReplace(kind: ListedKind, namespace?: string): PendingReplace {
    const table = this.table(kind);
    let objects: ProjectedTypes[ListedKind][] = [];
    const scope = namespace !== undefined && RESOURCES[kind].namespaced ? namespace : CLUSTER;
    return {
      add: (rawItems) => {
        for (const raw of rawItems) {
          const object = projectAs(kind, raw).object;
          if (this.covers(object.meta) && (scope === CLUSTER || object.meta.namespace === scope)) objects.push(object);
        }
      },
      reset: () => {
        objects = [];
      },
      commit: (at) => {
        let changed = table.replace(objects, scope === CLUSTER ? undefined : (o) => o.meta.namespace === scope);
        objects = [];
        const scopes = this.syncedScopes.get(kind) ?? new Set<string>();
        const wasSynced = this.isSynced(kind);
        const hadScope = scopes.has(scope) || scopes.has(CLUSTER);
        scopes.add(scope);
        this.syncedScopes.set(kind, scopes);
        if (!hadScope || this.isSynced(kind) !== wasSynced) changed = true;
        const failures = this.failures.get(kind);
        if (failures && (scope === CLUSTER ? failures.size > 0 : failures.has(scope))) {
          if (scope === CLUSTER) failures.clear();
          else failures.delete(scope);
          changed = true;
        }
        this.syncedAt.set(kind, at.toISOString());
        if (changed) this.changed(at);
      },
    };
  }

  /** One watch event, projected on arrival. A DELETED of an unknown object, or a no-op MODIFIED, changes nothing. */
  apply(kind: ListedKind, type: WatchEventType, raw: unknown, at: Date): void {
    const table = this.table(kind);
    const object = projectAs(kind, raw).object;
    this.lastEventAt.set(kind, at.toISOString());
    if (!this.covers(object.meta)) return;
    const changed = type === 'DELETED' ? table.remove(object.meta) : table.upsert(object);
    if (changed) this.changed(at);
  }

  /**
   * The kind (or one namespace of it) cannot be read now. Its objects stay (stale, but better than nothing for
   * what they show), and the snapshot says the kind is incomplete since the first failure, so nothing is
   * concluded from what is absent. A LIST applied later clears it.
   */
  fail(kind: ListedKind, failure: { reason: IncompleteReason; message: string; namespace?: string }, at: Date): void {
    this.table(kind);
    const scope = failure.namespace !== undefined && RESOURCES[kind].namespaced ? failure.namespace : CLUSTER;
    const failures = this.failures.get(kind) ?? new Map<string, Failure>();
    this.failures.set(kind, failures);
    const old = failures.get(scope);
    if (old && old.reason === failure.reason && old.message === failure.message) return;
    // `since` stays the first failure's time while the kind keeps failing, whatever the reason now.
    const since = old?.since ?? at.toISOString();
    failures.set(scope, { reason: failure.reason, message: failure.message, since, ...(scope === CLUSTER ? {} : { namespace: scope }) });
    this.changed(at);
  }

  /** The current state as an immutable Snapshot; the same object until the next change. */
  snapshot(): Snapshot {
    if (this.cachedSnapshot?.version === this.currentVersion) return this.cachedSnapshot.snapshot;
    const observed = this.kinds.filter((k) => (this.syncedScopes.get(k)?.size ?? 0) > 0);
    const snapshot = assembleSnapshot({
      source: this.source,
      collectedAt: new Date(this.changedAt).toISOString(),
      namespaces: this.namespaces ? [...this.namespaces] : undefined,
      // Kinds the store is not fed are empty, as a collection that did not read them leaves them.
      list: <K extends ListedKind>(kind: K) => (this.tables.get(kind)?.list() ?? []) as ProjectedTypes[K][],
      holds: (kind) => (this.tables.get(kind)?.size ?? 0) > 0,
      observed,
      volumeStats: [],
      incomplete: this.incompleteEntries(),
    });
    Object.freeze(snapshot.observedKinds);
    Object.freeze(snapshot.incomplete);
    Object.freeze(snapshot.volumeStats);
    if (snapshot.namespaces) Object.freeze(snapshot.namespaces);
    Object.freeze(snapshot);
    this.cachedSnapshot = { version: this.currentVersion, snapshot };
    return snapshot;
  }

  /** The snapshot and its index, built once per version. */
  prepared(): PreparedSnapshot {
    if (this.cachedPrepared?.version === this.currentVersion) return this.cachedPrepared.prepared;
    const prepared = prepareSnapshot(this.snapshot());
    this.cachedPrepared = { version: this.currentVersion, prepared };
    return prepared;
  }

  kindStates(): Record<ListedKind, KindState> {
    const states = {} as Record<ListedKind, KindState>;
    for (const kind of this.kinds) {
      const state: KindState = { synced: this.isSynced(kind) };
      const syncedAt = this.syncedAt.get(kind);
      if (syncedAt !== undefined) state.syncedAt = syncedAt;
      const lastEventAt = this.lastEventAt.get(kind);
      if (lastEventAt !== undefined) state.lastEventAt = lastEventAt;
      const failures = [...(this.failures.get(kind)?.values() ?? [])];
      if (failures.length > 0) {
        state.failedSince = failures.reduce((min, f) => (f.since < min ? f.since : min), failures[0].since);
        const latest = failures.reduce((a, b) => (b.since >= a.since ? b : a));
        state.failure = { reason: latest.reason, message: latest.message };
      }
      states[kind] = state;
    }
    return states;
  }

  private table(kind: ListedKind): KindTable<ProjectedTypes[ListedKind]> {
    const table = this.tables.get(kind);
    if (!table) throw new Error(`this store is not fed ${kind}; pass it in the kinds option`);
    return table;
  }

  private covers(meta: Meta): boolean {
    return !this.namespaceSet || meta.namespace === undefined || this.namespaceSet.has(meta.namespace);
  }

  /** Every namespace the store covers was listed (or the whole kind was). */
  private isSynced(kind: ListedKind): boolean {
    const scopes = this.syncedScopes.get(kind);
    if (!scopes) return false;
    if (scopes.has(CLUSTER)) return true;
    return this.namespaces !== undefined && RESOURCES[kind].namespaced && this.namespaces.every((ns) => scopes.has(ns));
  }

  private incompleteEntries(): IncompleteEntry[] {
    const entries: IncompleteEntry[] = [];
    for (const kind of this.kinds) {
      const failures = this.failures.get(kind) ?? new Map<string, Failure>();
      for (const scope of [...failures.keys()].sort()) {
        const f = failures.get(scope) as Failure;
        entries.push({ kind, ...(f.namespace !== undefined ? { namespace: f.namespace } : {}), reason: f.reason, message: f.message, since: f.since });
      }
      if (failures.has(CLUSTER) || this.isSynced(kind)) continue;
      const scopes = this.syncedScopes.get(kind) ?? new Set<string>();
      if (scopes.size === 0 && failures.size === 0) {
        entries.push({ kind, reason: 'not-synced', message: notSynced(kind) });
      } else if (this.namespaces && RESOURCES[kind].namespaced) {
        // Some namespaces listed or failing: the others are still waiting for their first LIST.
        for (const namespace of this.namespaces) {
          if (!scopes.has(namespace) && !failures.has(namespace)) entries.push({ kind, namespace, reason: 'not-synced', message: notSynced(kind) });
        }
      }
    }
    return entries;
  }

  private changed(at: Date): void {
    this.changedAt = Math.max(this.changedAt, at.getTime());
    this.currentVersion++;
  }
}

const notSynced = (kind: ListedKind): string => `${kind} not read yet: the first LIST has not finished`;
