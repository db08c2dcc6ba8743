// One cluster watched in this process: LIST+WATCH of the kinds the analysis reads into the core's SnapshotStore
// (the node package's watch loop reconnects with backoff and relists after 410 Gone). Answers read the store;
// nothing here sends a request per answer. A full relist every resyncMs guards against a missed event.
import type { LoggerService } from '@backstage/backend-plugin-api';
import { SnapshotStore, isListed, kindsOfView, type KindFailure, type ListedKind } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { watchKinds, type BackoffOptions, type ClusterConnection, type WatchLoopEvent } from '@kubectl-storage/plugin-kubernetes-storage-node';
import type { ClusterFeed, ClusterView, FeedState } from './types';

/** What the portal shows is the whole report: the kinds its checks read that a watch can follow (not kubelet stats). */
export const WATCHED_KINDS: readonly ListedKind[] = kindsOfView('report').filter(isListed);

export interface WatchFeedOptions {
  name: string;
  /** Builds the connection; throws on a config mistake (reported as the cluster failing with reason "config"). */
  connect: () => ClusterConnection;
  resyncMs: number;
  logger: LoggerService;
  kinds?: ListedKind[];
  now?: () => Date;
  /** Retry pacing of the watch loop (tests inject its sleep). */
  backoff?: BackoffOptions;
  onEvent?: (event: WatchLoopEvent) => void;
}

export interface WatchFeed extends ClusterFeed {
  /** The store, once connected (shared mode publishes its snapshots). */
  store(): SnapshotStore | undefined;
}

/**
 * Some kind has been listed: the store holds data read from the cluster. Failures bump the store's version too
 * (the snapshot names the kinds not read), so the version alone cannot tell "never read" from "read".
 */
export function everRead(store: SnapshotStore): boolean {
  return Object.values(store.kindStates()).some((s) => s.syncedAt !== undefined);
}

/** The store's per-kind states folded into the cluster's state. */
export function stateOfStore(store: SnapshotStore): FeedState {
  const states = Object.entries(store.kindStates()) as [ListedKind, ReturnType<SnapshotStore['kindStates']>[ListedKind]][];
  const snapshot = store.snapshot();
  const incomplete = snapshot.incomplete.map((e) => ({ kind: e.kind, reason: e.reason, ...(e.namespace !== undefined ? { namespace: e.namespace } : {}) }));
  let lastEventAt: string | undefined;
  let lastResyncAt: string | undefined;
  let allSynced = true;
  for (const [, s] of states) {
    for (const t of [s.lastEventAt, s.syncedAt]) if (t && (!lastEventAt || t > lastEventAt)) lastEventAt = t;
    if (!s.syncedAt) allSynced = false;
    else if (!lastResyncAt || s.syncedAt < lastResyncAt) lastResyncAt = s.syncedAt;
  }
  const failing = states.filter(([, s]) => s.failure);
  const base = { ...(lastEventAt ? { lastEventAt } : {}), ...(allSynced && lastResyncAt ? { lastResyncAt } : {}), incomplete };
  // Every kind failing is the cluster failing (unreachable, credentials revoked); one forbidden kind is not:
  // the report names it in incomplete and the rest still answers.
  if (states.length > 0 && failing.length === states.length) {
    const since = failing.map(([, s]) => s.failedSince as string).sort()[0];
    const latest = failing[failing.length - 1][1].failure as KindFailure;
    return { ...base, status: 'failing', failure: { reason: latest.reason, message: latest.message, since } };
  }
  const waiting = states.some(([, s]) => !s.synced && !s.failure);
  return { ...base, status: waiting ? 'pending' : 'ok' };
}

export function watchFeed(options: WatchFeedOptions): WatchFeed {
  const now = options.now ?? (() => new Date());
  const kinds = options.kinds ?? [...WATCHED_KINDS];
  let store: SnapshotStore | undefined;
  let configFailure: FeedState['failure'];
  let controller: AbortController | undefined;
  let running: Promise<void> | undefined;
  let resyncTimer: NodeJS.Timeout | undefined;

  const run = (connection: ClusterConnection, s: SnapshotStore): void => {
    const current = new AbortController();
    controller = current;
    running = watchKinds(connection, s, {
      kinds,
      signal: current.signal,
      now,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    })
      .catch((err: unknown) => {
        if (!current.signal.aborted) options.logger.error(`watch of cluster ${options.name} stopped: ${err instanceof Error ? err.message : String(err)}`);
      });
  };

  return {
    name: options.name,
    store: () => store,
    async start() {
      let connection: ClusterConnection;
      try {
        connection = options.connect();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        configFailure = { reason: 'config', message, since: now().toISOString() };
        options.logger.error(`cluster ${options.name}: ${message}`);
        return;
      }
      // Every report names its cluster as the configuration does, with the server it was read from.
      const s = new SnapshotStore({ source: { type: 'cluster', name: options.name, server: connection.server }, kinds });
      store = s;
      run(connection, s);
      // A periodic relist from scratch: the store keeps answering from what it has while the new LISTs run.
      resyncTimer = setInterval(() => {
        controller?.abort();
        void running?.then(() => run(connection, s));
      }, options.resyncMs);
      resyncTimer.unref();
    },
    async stop() {
      if (resyncTimer) clearInterval(resyncTimer);
      controller?.abort();
      await running;
    },
    async view(): Promise<ClusterView> {
      if (configFailure) return { version: 0, state: { status: 'failing', failure: configFailure, incomplete: [] } };
      if (!store) return { version: 0, state: { status: 'pending', incomplete: [] } };
      const state = stateOfStore(store);
      // Nothing read yet (even if every kind failed): no report, since an empty snapshot would read as "no objects".
      return everRead(store) ? { version: store.version, prepared: store.prepared(), state } : { version: 0, state };
    },
  };
}
