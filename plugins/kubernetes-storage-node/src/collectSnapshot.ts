// A live collection: one paginated LIST per kind (cluster-wide when allowed, namespace by namespace when not),
// projected page by page into a Snapshot. What cannot be read becomes an `incomplete` entry; only a cluster that
// cannot be reached or rejects our credentials everywhere is an error.
import {
  ANALYSED_KINDS,
  KINDS,
  LIST_ORDER,
  RESOURCES,
  SnapshotBuilder,
  listPath,
  projectAs,
  type IncompleteEntry,
  type ListedKind,
  type Projected,
  type ResourceKind,
  type Snapshot,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClusterConnection } from './connection';
import { mapPool } from './concurrency';
import { AuthError, ClusterUnreachableError, NothingReadError } from './errors';
import { listPaged, type ListOutcome } from './listPaged';
import { RunRequests } from './requests';
import { VolumeStatsPool } from './volumeStats';

export type CollectProgress =
  | { type: 'page'; kind: ResourceKind; namespace?: string; page: number; items: number }
  | { type: 'kind'; kind: ResourceKind; items: number; complete: boolean };

export interface CollectOptions {
  /** Namespaces to read; undefined reads all. Cluster-scoped kinds are read once either way. */
  namespaces?: string[];
  /** Items per LIST page, default 500. */
  pageSize?: number;
  /** LIST requests in flight at once, default 4. */
  concurrency?: number;
  /**
   * Kubelet stats requests in flight at once, default 16. Each is one small proxied GET per node; at the LIST
   * concurrency, 1,250 nodes at ~100 ms each would take 30 s, more than every LIST together.
   */
  statsConcurrency?: number;
  /** Per request, default the connection's (30 s). */
  requestTimeoutMs?: number;
  signal?: AbortSignal;
  /** Kinds to read, default every kind the analysis uses. Add 'volumestats' for kubelet usage numbers. */
  kinds?: ResourceKind[];
  onProgress?: (event: CollectProgress) => void;
}

/** Secrets are only ever listed as metadata: the server never sends their data. */
const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

const acceptFor = (kind: ListedKind): string | undefined => ('metadataOnly' in KINDS[kind] ? METADATA_ONLY : undefined);

/** The kind's server-side filter (events: type=Warning), so only what the analysis reads crosses the wire. */
const queryFor = (kind: ListedKind): Record<string, string> | undefined => {
  const spec = KINDS[kind];
  return 'fieldSelector' in spec ? { fieldSelector: spec.fieldSelector } : undefined;
};

type Failure = Extract<ListOutcome, { ok: false }>;

export async function collectSnapshot(conn: ClusterConnection, o: CollectOptions = {}): Promise<Snapshot> {
  const collectedAt = new Date().toISOString();
  const wanted = new Set<ResourceKind>(o.kinds ?? ANALYSED_KINDS);
  const concurrency = o.concurrency ?? 4;
  const pageSize = o.pageSize ?? 500;
  const requests = new RunRequests(conn, { concurrency, requestTimeoutMs: o.requestTimeoutMs ?? conn.requestTimeoutMs, signal: o.signal });
  const builder = new SnapshotBuilder();
  const failures: Failure[] = [];
  // Nodes running pods that mount claims: the only kubelets worth asking for volume stats, asked as soon as a
  // page of pods names them.
  const nodesWithClaims = new Set<string>();
  const stats = wanted.has('volumestats')
    ? new VolumeStatsPool(conn, { concurrency: o.statsConcurrency ?? 16, perNodeTimeoutMs: o.requestTimeoutMs ?? conn.requestTimeoutMs, signal: requests.signal })
    : undefined;
  const claimNode = (p: Projected): string | undefined =>
    p.kind === 'pods' && p.object.nodeName && p.object.volumes.some((v) => v.claimName) ? p.object.nodeName : undefined;
  let namespaceList: Promise<{ names: string[]; note: string }> | undefined;

  /** Kinds of which at least one LIST (in some scope) answered with a list: something was read. */
  const readKinds = new Set<ResourceKind>();
  const itemsOf = new Map<ResourceKind, number>();
  const kindsWithGaps = new Set<ResourceKind>();
  const gap = (entry: IncompleteEntry, failure: Failure): void => {
    builder.addIncomplete(entry);
    kindsWithGaps.add(entry.kind);
    failures.push(failure);
  };

  /** Lists one kind in one scope into the builder; partial results of a failed list are kept. */
  async function listInto(kind: ListedKind, namespace: string | undefined): Promise<ListOutcome> {
    let buffer: Projected[] = [];
    let page = 0;
    const outcome = await listPaged(requests, listPath(kind, namespace), {
      pageSize,
      accept: acceptFor(kind),
      query: queryFor(kind),
      onRestart: () => {
        buffer = [];
        page = 0;
      },
      onPage: (items) => {
        for (const item of items) {
          const p = projectAs(kind, item) as Projected;
          buffer.push(p);
          const node = stats && claimNode(p);
          if (node) stats.add(node);
        }
        o.onProgress?.({ type: 'page', kind, namespace, page: ++page, items: items.length });
      },
    });
    for (const p of buffer) {
      builder.add(p);
      const node = claimNode(p);
      if (node) nodesWithClaims.add(node);
    }
    if (outcome.ok || buffer.length > 0) {
      builder.observe(kind);
      readKinds.add(kind);
    }
    itemsOf.set(kind, (itemsOf.get(kind) ?? 0) + buffer.length);
    return outcome;
  }

  /** Namespaces to fall back to: all of them if we may list them, else the context's. Listed once per run. */
  function fallbackNamespaces(): Promise<{ names: string[]; note: string }> {
    namespaceList ??= (async () => {
      const names: string[] = [];
      const outcome = await listPaged(requests, '/api/v1/namespaces', {
        pageSize,
        accept: METADATA_ONLY,
        onRestart: () => (names.length = 0),
        onPage: (items) => {
          for (const item of items) {
            const name = (item as { metadata?: { name?: unknown } }).metadata?.name;
            if (typeof name === 'string') names.push(name);
          }
        },
      });
      if (outcome.ok) return { names, note: `read namespace by namespace in ${names.length} namespaces` };
      return { names: [conn.namespace], note: `namespaces cannot be listed either, so only namespace "${conn.namespace}" was read` };
    })();
    return namespaceList;
  }

  async function listNamespaces(kind: ListedKind, namespaces: string[]): Promise<{ namespace: string; outcome: ListOutcome }[]> {
    return mapPool(namespaces, concurrency, async (namespace) => ({ namespace, outcome: await listInto(kind, namespace) }));
  }

  function namespaceGaps(reportAs: ResourceKind, results: { namespace: string; outcome: ListOutcome }[]): void {
    for (const { namespace, outcome: r } of results) if (!r.ok) gap({ kind: reportAs, namespace, reason: r.reason, message: r.message }, r);
  }

  /** Returns false when the kind's API is not served at all (404 on the cluster-wide list). */
  async function collectKind(kind: ListedKind, reportAs: ResourceKind = kind): Promise<boolean> {
    if (RESOURCES[kind].namespaced && o.namespaces) {
      const results = await listNamespaces(kind, o.namespaces);
      const apiMissing = results.length > 0 && results.every(({ outcome: r }) => !r.ok && r.reason === 'not-found');
      if (apiMissing && kind === 'endpointslices') return false;
      namespaceGaps(reportAs, results);
      return true;
    }
    const r = await listInto(kind, undefined);
    if (r.ok) return true;
    if (r.reason === 'not-found' && kind === 'endpointslices') return false;
    if (r.reason === 'forbidden' && RESOURCES[kind].namespaced) {
      const { names, note } = await fallbackNamespaces();
      const results = await listNamespaces(kind, names);
      const readNamespaces = results.filter(({ outcome }) => outcome.ok).map(({ namespace }) => namespace);
      gap({ kind: reportAs, reason: 'forbidden', message: `${r.message} (${note})`, readNamespaces }, r);
      namespaceGaps(reportAs, results);
      return true;
    }
    gap({ kind: reportAs, reason: r.reason, message: r.message }, r);
    return true;
  }

  async function collect(kind: ListedKind): Promise<void> {
    // EndpointSlice is GA since 1.21; older or trimmed API servers only serve v1 Endpoints. Their gaps are
    // reported as EndpointSlice gaps, since that is the data they stand in for.
    let listed = kind;
    if (!(await collectKind(kind)) && !wanted.has('endpoints')) {
      listed = 'endpoints';
      await collectKind('endpoints', 'endpointslices');
    }
    o.onProgress?.({ type: 'kind', kind: listed, items: itemsOf.get(listed) ?? 0, complete: !kindsWithGaps.has(kind) });
  }

  try {
    // Largest lists first (the kinds table's listCost), so the long poles start early and small ones fill the gaps.
    await mapPool(
      LIST_ORDER.filter((k) => wanted.has(k)),
      concurrency,
      collect,
    );
    if (stats) {
      const vs = await stats.results([...nodesWithClaims].sort());
      builder.addVolumeStats(vs.stats);
      if (vs.stats.length > 0) readKinds.add('volumestats');
      for (const entry of vs.incomplete) builder.addIncomplete(entry);
      builder.observe('volumestats');
    }
  } catch (err) {
    throw requests.signal.aborted ? requests.stopReason() : err;
  }

  assertSomethingAnswered(conn, requests, failures);
  assertSomethingRead(conn, readKinds, failures);
  return builder.build(conn.source, { collectedAt, namespaces: o.namespaces });
}

/**
 * When not one request succeeded and every failure was a 401 or a network failure, the report would be empty for
 * reasons the user must fix first (credentials, VPN), so that is an error rather than a report full of gaps.
 */
function assertSomethingAnswered(conn: ClusterConnection, requests: RunRequests, failures: Failure[]): void {
  if (requests.successes > 0 || failures.length === 0) return;
  const isAuthOrNetwork = (f: Failure): boolean => f.reason === 'unauthorized' || f.unreachable === true;
  if (!failures.every(isAuthOrNetwork)) return;
  if (failures.some((f) => f.reason === 'unauthorized')) {
    throw new AuthError(`the API server at ${conn.server} rejected the credentials of user "${conn.user}" (401 Unauthorized)`);
  }
  const first = failures.find((f) => f.unreachable);
  throw new ClusterUnreachableError(first?.message ?? `cannot reach ${conn.server}`, 'network');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The server answered, yet not one kind could be read (all forbidden, all 500, or no Kubernetes lists at all):
 * a report would say "No findings." about a cluster it never saw. One line naming the first failure and a hint.
 */
function assertSomethingRead(conn: ClusterConnection, readKinds: Set<ResourceKind>, failures: Failure[]): void {
  if (readKinds.size > 0 || failures.length === 0) return;
  const first = failures[0];
  const hint = failures.every((f) => f.reason === 'forbidden')
    ? `every list was forbidden for user "${conn.user}" (check its RBAC, e.g. kubectl auth can-i list pods)`
    : failures.some((f) => f.notAList) || failures.every((f) => f.reason === 'not-found')
      ? `the answers were not Kubernetes lists: is ${conn.server} a Kubernetes API server?`
      : `all ${plural(failures.length, 'list')} failed`;
  throw new NothingReadError(`nothing could be read from ${conn.server}: ${hint}; first failure: ${first.message}`);
}
