// Keeps a SnapshotStore in step with a cluster: per kind (and per namespace, when the store covers only some) a
// paginated LIST into store.replace, then a WATCH from the list's resourceVersion with bookmarks, each event
// applied as it arrives. The way client-go's reflector does it: a watch the server ends normally is reopened from
// the last resourceVersion; 410 Gone (the version was compacted away) relists at once; any other failure marks
// the kind failed in the store and relists after an exponential backoff with jitter; a forbidden or missing kind
// backs off up to a slow pace (backoff.ts). Only GET requests. Runs until the signal aborts.
import {
  KINDS,
  RESOURCES,
  listPath,
  type IncompleteReason,
  type ListedKind,
  type SnapshotStore,
  type WatchEventType,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import { Semaphore } from '../concurrency';
import type { ClusterConnection } from '../connection';
import { AuthError, ClusterUnreachableError, firstLine } from '../errors';
import { listPaged } from '../listPaged';
import { RunRequests } from '../requests';
import { reasonOfStatus, statusMessage } from '../statusMessage';
import { createBackoff, type Backoff, type BackoffOptions } from './backoff';
import { readWatchEvents, type WatchLine } from './watchEvents';

export interface WatchKindsOptions {
  kinds: ListedKind[];
  /** Namespaces to watch one by one (namespaced kinds); undefined watches each kind cluster-wide. */
  namespaces?: string[];
  signal: AbortSignal;
  /** What the loop does, as it does it (logs, metrics, and tests that wait for a step). */
  onEvent?: (event: WatchLoopEvent) => void;
  backoff?: BackoffOptions;
  /** The clock the store's times come from. Default: the wall clock. */
  now?: () => Date;
  /** Items per LIST page, default 500. */
  pageSize?: number;
  /** LISTs in flight at once across kinds, default 4 (watches are not limited: one per kind stays open). */
  listConcurrency?: number;
  /**
   * How long the server keeps one watch open before ending it (timeoutSeconds), default a random 5-10 minutes
   * as client-go picks, so the watches of many kinds do not all reopen at once.
   */
  watchTimeoutSeconds?: number;
}

interface Where {
  kind: ListedKind;
  namespace?: string;
}

export type WatchLoopEvent = Where &
  (
    | { type: 'listed'; items: number; resourceVersion?: string }
    | { type: 'watching'; resourceVersion?: string }
    | { type: 'event'; eventType: WatchEventType; resourceVersion?: string }
    | { type: 'bookmark'; resourceVersion: string }
    /** The server ended the watch normally; it is reopened from the last resourceVersion. */
    | { type: 'closed'; resourceVersion?: string }
    /** 410 Gone: the resourceVersion is too old; the kind is listed again now. */
    | { type: 'expired' }
    | { type: 'failed'; reason: IncompleteReason; message: string; retryInMs: number }
  );

type Failure = { reason: IncompleteReason; message: string };

/** Secrets are read as metadata only, in a watch as in a LIST: the server never sends their data. */
const METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const METADATA_WATCH = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

/** Failures that waiting a few seconds will not usually fix: their backoff grows up to the slow pace. */
const SLOW: ReadonlySet<IncompleteReason> = new Set(['forbidden', 'not-found']);

function failureOf(err: unknown): Failure {
  if (err instanceof AuthError) return { reason: 'unauthorized', message: err.message };
  if (err instanceof ClusterUnreachableError) return { reason: err.reason === 'timeout' ? 'timeout' : 'error', message: err.message };
  return { reason: 'error', message: firstLine(err) };
}

export async function watchKinds(connection: ClusterConnection, store: SnapshotStore, o: WatchKindsOptions): Promise<void> {
  const now = o.now ?? (() => new Date());
  const backoff = createBackoff(o.backoff);
  const lists = new Semaphore(o.listConcurrency ?? 4);
  // A bug in one kind's loop stops the others too, and is rethrown to the caller.
  const internal = new AbortController();
  const signal = AbortSignal.any([o.signal, internal.signal]);
  const places: Where[] = [];
  for (const kind of new Set(o.kinds)) {
    if (RESOURCES[kind].namespaced && o.namespaces) for (const namespace of new Set(o.namespaces)) places.push({ kind, namespace });
    else places.push({ kind });
  }
  await Promise.all(
    places.map((where) =>
      // Each place gets a signal of its own: a place adds abort listeners (its backoff sleep, its request) to
      // the signal it is given, and with every kind failing at once (the cluster down) 12 places on one shared
      // signal pass EventTarget's limit of 10 (MaxListenersExceededWarning, a false leak alarm). AbortSignal.any
      // follows its source without adding a listener to it, so the caller's signal carries none per place.
      watchPlace({ connection, store, o, now, backoff, lists, signal: AbortSignal.any([signal]) }, where).catch((err: unknown) => {
        internal.abort(err);
        throw err;
      }),
    ),
  );
}

interface LoopContext {
  connection: ClusterConnection;
  store: SnapshotStore;
  o: WatchKindsOptions;
  now: () => Date;
  backoff: Backoff;
  lists: Semaphore;
  signal: AbortSignal;
}

/** LIST then WATCH one kind in one place, again and again, until aborted. */
async function watchPlace(ctx: LoopContext, where: Where): Promise<void> {
  const { signal, backoff } = ctx;
  const emit = (e: WatchLoopEvent): void => ctx.o.onEvent?.(e);
  let failures = 0;
  const failAndWait = async (failure: Failure): Promise<void> => {
    ctx.store.fail(where.kind, { ...failure, ...(where.namespace !== undefined ? { namespace: where.namespace } : {}) }, ctx.now());
    const retryInMs = backoff.delay(++failures, SLOW.has(failure.reason));
    emit({ ...where, type: 'failed', ...failure, retryInMs });
    await backoff.sleep(retryInMs, signal);
  };

  while (!signal.aborted) {
    const listed = await list(ctx, where);
    if (signal.aborted) return;
    if (!listed.ok) {
      await failAndWait(listed.failure);
      continue;
    }
    failures = 0;
    emit({ ...where, type: 'listed', items: listed.items, resourceVersion: listed.resourceVersion });
    let resourceVersion = listed.resourceVersion;
    let quietCloses = 0;
    for (;;) {
      const w = await watch(ctx, where, resourceVersion, emit);
      if (signal.aborted) return;
      resourceVersion = w.resourceVersion;
      if (w.end === 'closed') {
        emit({ ...where, type: 'closed', resourceVersion });
        // A server that ends every watch at once without a word would make this a busy loop: pace it.
        quietCloses = w.received > 0 ? 0 : quietCloses + 1;
        if (quietCloses > 1) await backoff.sleep(backoff.delay(quietCloses - 1, false), signal);
        if (signal.aborted) return;
        continue;
      }
      if (w.end === 'expired') emit({ ...where, type: 'expired' });
      else await failAndWait(w.failure);
      break;
    }
  }
}

/** The kind's server-side filter (events: type=Warning), the same for the LIST and the WATCH that follows it. */
function fieldSelectorOf(kind: ListedKind): { fieldSelector: string } | undefined {
  const spec = KINDS[kind];
  return 'fieldSelector' in spec ? { fieldSelector: spec.fieldSelector } : undefined;
}

type Listed = { ok: true; items: number; resourceVersion?: string } | { ok: false; failure: Failure };

async function list(ctx: LoopContext, where: Where): Promise<Listed> {
  const { kind, namespace } = where;
  // One run per LIST: its "unreachable before any answer" rule then means this LIST failed, not the whole loop.
  const requests = new RunRequests(ctx.connection, { concurrency: 1, requestTimeoutMs: ctx.connection.requestTimeoutMs, signal: ctx.signal });
  const pending = ctx.store.beginReplace(kind, namespace);
  let items = 0;
  try {
    const outcome = await ctx.lists.run(() =>
      listPaged(requests, listPath(kind, namespace), {
        pageSize: ctx.o.pageSize ?? 500,
        accept: 'metadataOnly' in KINDS[kind] ? METADATA_LIST : undefined,
        query: fieldSelectorOf(kind),
        onPage: (page) => {
          pending.add(page);
          items += page.length;
        },
        onRestart: () => {
          pending.reset();
          items = 0;
        },
      }),
    );
    if (!outcome.ok) return { ok: false, failure: { reason: outcome.reason, message: outcome.message } };
    pending.commit(ctx.now());
    return { ok: true, items, resourceVersion: outcome.resourceVersion };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}

type Watched = { resourceVersion?: string; received: number } & ({ end: 'closed' } | { end: 'expired' } | { end: 'failed'; failure: Failure });

async function watch(ctx: LoopContext, where: Where, resourceVersion: string | undefined, emit: (e: WatchLoopEvent) => void): Promise<Watched> {
  const { kind, namespace } = where;
  const timeoutSeconds = ctx.o.watchTimeoutSeconds ?? Math.floor(300 * (1 + ctx.backoff.random()));
  let rv = resourceVersion;
  let received = 0;
  const failed = (failure: Failure): Watched => ({ end: 'failed', failure, resourceVersion: rv, received });
  let lines: AsyncIterable<string>;
  try {
    const response = await ctx.connection.stream(listPath(kind, namespace), {
      query: { ...fieldSelectorOf(kind), watch: 'true', resourceVersion: rv, allowWatchBookmarks: 'true', timeoutSeconds },
      accept: 'metadataOnly' in KINDS[kind] ? METADATA_WATCH : undefined,
      // The server ends the watch after timeoutSeconds; a connection silent well past that is dead.
      timeoutMs: (timeoutSeconds + 30) * 1000,
      signal: ctx.signal,
    });
    if (!response.ok) {
      if (response.status === 410) return { end: 'expired', resourceVersion: rv, received };
      return failed({ reason: reasonOfStatus(response.status), message: statusMessage({ status: response.status, body: response.body }) });
    }
    lines = response.lines;
  } catch (err) {
    return failed(failureOf(err));
  }
  emit({ ...where, type: 'watching', resourceVersion: rv });
  try {
    for await (const event of readWatchEvents(lines)) {
      received++;
      const next = handle(ctx, where, event);
      if (next.resourceVersion !== undefined) rv = next.resourceVersion;
      if (next.type === 'applied') emit({ ...where, type: 'event', eventType: next.eventType, resourceVersion: rv });
      else if (next.type === 'bookmark') emit({ ...where, type: 'bookmark', resourceVersion: next.resourceVersion });
      else if (next.type === 'expired') return { end: 'expired', resourceVersion: rv, received };
      else return failed(next.failure);
    }
  } catch (err) {
    return failed(failureOf(err));
  }
  return { end: 'closed', resourceVersion: rv, received };
}

type Handled =
  | { type: 'applied'; eventType: WatchEventType; resourceVersion?: string }
  | { type: 'bookmark'; resourceVersion: string }
  | { type: 'expired'; resourceVersion?: undefined }
  | { type: 'failed'; failure: Failure; resourceVersion?: undefined };

function handle(ctx: LoopContext, where: Where, event: WatchLine): Handled {
  switch (event.type) {
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED':
      // A malformed object throws (ProjectionError) and fails the watch: the relist shows what is really there.
      ctx.store.apply(where.kind, event.type, event.object, ctx.now());
      return { type: 'applied', eventType: event.type, resourceVersion: event.resourceVersion };
    case 'BOOKMARK':
      return event.resourceVersion !== undefined
        ? { type: 'bookmark', resourceVersion: event.resourceVersion }
        : { type: 'failed', failure: { reason: 'error', message: 'watch bookmark without a resourceVersion' } };
    case 'ERROR':
      if (event.code === 410) return { type: 'expired' };
      return { type: 'failed', failure: { reason: event.code !== undefined ? reasonOfStatus(event.code) : 'error', message: event.message } };
  }
}
