// Several backend replicas, one collector per cluster. A `global` scheduler task (the backend database makes sure
// one replica at a time runs it) holds the cluster's watches for one lease, publishing the compact snapshot to
// the backend cache whenever it changed; then the task ends and the next run may land on any replica, which
// relists once. Every replica answers from the cache (the collecting one from its own store), so N replicas
// cost the cluster one set of watches, not N.
import type { CacheService, LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { prepareSnapshot, type PreparedSnapshot, type Snapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClusterConnection } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { randomUUID } from 'node:crypto';
import type { ClusterFeed, ClusterView, FeedState } from '../feeds/types';
import { everRead, stateOfStore, watchFeed, type WatchFeed } from '../feeds/watchFeed';

export interface SharedFeedOptions {
  name: string;
  connect: () => ClusterConnection;
  resyncMs: number;
  logger: LoggerService;
  scheduler: SchedulerService;
  cache: CacheService;
  leaseMs: number;
  publishIntervalMs: number;
  now?: () => Date;
}

/** What the collector publishes under headKey: small, read on every answer. */
export interface PublishedHead {
  /** The data, once some collector has read the cluster; absent while it never was (nothing to answer from). */
  snapshotKey?: string;
  state: FeedState;
  publishedAt: string;
  collector: string;
}

export const headKey = (cluster: string): string => `head:${cluster}`;
const snapshotKey = (cluster: string, collector: string, version: number): string => `snapshot:${cluster}:${collector}:${version}`;
/**
 * How long past its lease a collection may run before the scheduler hands it on. The task ends itself at the
 * lease's end (a last publish, watches stopped: well under a second), so this only matters when the collecting
 * replica died: then the task's row stays claimed until lease + grace, and the scheduler's janitor (once a minute)
 * frees it for a survivor. Kept short so a kill costs at most lease + grace + a minute of collection.
 */
const LEASE_GRACE_MS = 15_000;
/** How long readers trust a head whose collector went quiet (a replica that died mid-lease). */
const staleAfterMs = (publishIntervalMs: number): number => Math.max(60_000, 10 * publishIntervalMs);

export function sharedFeed(options: SharedFeedOptions): ClusterFeed {
  const now = options.now ?? (() => new Date());
  const replica = randomUUID();
  const ttl = 2 * options.leaseMs + 60_000;
  let collecting: WatchFeed | undefined;
  /** The published snapshot last read from the cache, prepared once. */
  let held: { key: string; prepared: PreparedSnapshot } | undefined;
  const stopped = new AbortController();

  async function publish(feed: WatchFeed, lastKey: string | undefined): Promise<string | undefined> {
    // The feed's state, also when no store could be built (a config mistake answers as failing, not as pending).
    const { state } = await feed.view();
    // A fresh lease relists from scratch: until its first LISTs are in, the previous collector's data stays up.
    if (state.status === 'pending') return lastKey;
    const store = feed.store();
    let key = lastKey;
    // Only data read from the cluster is published: a store whose every LIST failed holds nothing to answer from.
    if (store && everRead(store)) {
      const wanted = snapshotKey(options.name, replica, store.version);
      if (key !== wanted) {
        await options.cache.set(wanted, store.snapshot() as unknown as Parameters<CacheService['set']>[1], { ttl });
        key = wanted;
      }
    }
    const head: PublishedHead = { ...(key ? { snapshotKey: key } : {}), state, publishedAt: now().toISOString(), collector: replica };
    await options.cache.set(headKey(options.name), head as unknown as Parameters<CacheService['set']>[1], { ttl });
    return key;
  }

  async function collect(signal: AbortSignal): Promise<void> {
    const feed = watchFeed({ name: options.name, connect: options.connect, resyncMs: options.resyncMs, logger: options.logger, now });
    collecting = feed;
    await feed.start();
    const leaseEnds = Date.now() + options.leaseMs;
    options.logger.info(`collecting cluster ${options.name} for a lease of ${Math.round(options.leaseMs / 1000)} s`);
    // The previous collector's data stays the answer until this lease has read the cluster itself.
    let key = (await options.cache.get<PublishedHead & Parameters<CacheService['set']>[1]>(headKey(options.name)))?.snapshotKey;
    try {
      while (!signal.aborted && !stopped.signal.aborted && Date.now() < leaseEnds) {
        key = await publish(feed, key);
        await sleep(options.publishIntervalMs, signal, stopped.signal);
      }
      await publish(feed, key);
    } finally {
      collecting = undefined;
      await feed.stop();
      options.logger.info(`lease on cluster ${options.name} ended`);
    }
  }

  return {
    name: options.name,
    async start() {
      await options.scheduler.scheduleTask({
        id: `kubernetes-storage-collect-${options.name}`,
        scope: 'global',
        frequency: { milliseconds: Math.min(10_000, options.leaseMs) },
        timeout: { milliseconds: options.leaseMs + LEASE_GRACE_MS },
        initialDelay: { milliseconds: 0 },
        signal: stopped.signal,
        fn: (signal) => collect(signal),
      });
    },
    async stop() {
      stopped.abort();
    },
    async view(): Promise<ClusterView> {
      const local = collecting?.store();
      // Its own store once the lease's first LISTs are all in; until then the published data (a partial relist
      // would answer with some kinds missing).
      const localState = local && everRead(local) ? stateOfStore(local) : undefined;
      if (local && localState && localState.status !== 'pending') return { version: local.version, prepared: local.prepared(), state: localState };
      const head = await options.cache.get<PublishedHead & Parameters<CacheService['set']>[1]>(headKey(options.name));
      if (!head) return { version: 0, state: { status: 'pending', incomplete: [] } };
      if (head.snapshotKey && held?.key !== head.snapshotKey) {
        const snapshot = await options.cache.get(head.snapshotKey);
        if (snapshot) held = { key: head.snapshotKey, prepared: prepareSnapshot(snapshot as unknown as Snapshot) };
      }
      const quietMs = now().getTime() - Date.parse(head.publishedAt);
      const state: FeedState =
        quietMs > staleAfterMs(options.publishIntervalMs)
          ? {
              ...head.state,
              status: 'failing',
              failure: { reason: 'timeout', message: `no replica has published cluster ${options.name} since ${head.publishedAt}`, since: head.publishedAt },
            }
          : head.state;
      return held ? { version: versionOf(held.key), prepared: held.prepared, state } : { version: 0, state };
    },
  };
}

function versionOf(key: string): number {
  return Number(key.slice(key.lastIndexOf(':') + 1)) || 0;
}

function sleep(ms: number, ...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', done);
      resolve();
    }
    for (const s of signals) s.addEventListener('abort', done, { once: true });
  });
}
