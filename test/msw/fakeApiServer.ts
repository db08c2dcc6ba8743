/**
 * A fake Kubernetes API server as msw 2 handlers, for the collectors', CLI's and backend's API-level tests. It
 * behaves like kube-apiserver where our code depends on it: LIST with `limit` and opaque `continue` tokens
 * (`metadata.continue`, `remainingItemCount`), typed List kinds whose items carry no kind/apiVersion, cluster-wide
 * and namespaced list paths, metav1.Status bodies for errors, PartialObjectMetadataList when asked for, and the
 * kubelet stats/summary proxy. Behaviours switch on the failures the collectors must survive: RBAC denials per
 * kind and namespace, expired continue tokens, slow kinds, a missing EndpointSlice API, bad credentials,
 * failing or hanging kubelets. Every request is logged so tests can assert pagination and read-only behaviour.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { RESOURCES, kindOf, type ListedKind } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RawObject } from '../fixtures/objects';
import { DEFAULT_FAKE_SERVER } from './defaults';
import { createWatchHub, type FakeWatchControls } from './fakeWatch';
import { route } from './routes';
import { expired, forbidden, notFoundPage, statusResponse, unauthorized } from './status';

export type FakeKind = ListedKind | 'namespaces';

export interface FakeApiBehaviour {
  /** Largest page the server returns whatever `limit` asks (the API server may return fewer items). */
  pageSizeMax?: number;
  /**
   * 403s. `{kind}` denies the cluster-wide LIST only (a user with RoleBindings in every namespace); `{kind,
   * namespace}` also denies that namespace ("*": every namespace). Any entry for a kind denies its cluster-wide LIST.
   */
  forbidden?: { kind: FakeKind; namespace?: string }[];
  /** The first continue request of these kinds gets 410 Gone (reason Expired); later ones succeed. */
  expireContinueOnce?: ListedKind[];
  /** Every continue request of these kinds gets 410 Gone. */
  expireContinueAlways?: ListedKind[];
  /** Milliseconds each LIST request of a kind waits before answering (a slow server). */
  delayMs?: Partial<Record<FakeKind, number>>;
  /** Milliseconds each kubelet stats request waits before answering (kubelets reached through the API proxy). */
  nodeStatsDelayMs?: number;
  /** The cluster does not serve discovery.k8s.io/v1 (404 for EndpointSlices). */
  noEndpointSliceApi?: boolean;
  /** Every request gets 401. */
  unauthorized?: boolean;
  /** Per node: a stats/summary body, 'error' (the proxy cannot reach the kubelet) or 'hang' (never answers). */
  nodeStats?: Record<string, unknown>;
  /**
   * Not a Kubernetes API server at all: 'html' answers every request 200 with an HTML page (a login portal),
   * 'error' answers every request 500 (a broken proxy).
   */
  notKubernetes?: 'html' | 'error';
  /** LISTs of these kinds ('all': every kind) never answer until the client gives up: for timeouts a test's clock drives. */
  hang?: FakeKind[] | 'all';
  /** A watch from a compacted resourceVersion gets HTTP 410 instead of a 200 stream with an ERROR 410 event. */
  watchGoneAsHttp?: boolean;
}

export interface FakeApiServerOptions {
  objects: RawObject[];
  /** Base URL, default https://127.0.0.1:6443. */
  server?: string;
  /** When set, requests must carry `Authorization: Bearer <token>` (else 401). */
  token?: string;
  behaviour?: FakeApiBehaviour;
}

export interface LoggedRequest {
  method: string;
  /** The full URL asked for (scheme, host and port: which server the request went to). */
  url: string;
  path: string;
  query: Record<string, string>;
  accept: string | null;
  /** Credentials and impersonation as received (header names lower-case; repeated headers comma-joined). */
  authorization: string | null;
  impersonateUser: string | null;
  impersonateGroup: string | null;
  impersonateUid: string | null;
}

export interface FakeApiServer {
  server: string;
  handlers: HttpHandler[];
  requests: LoggedRequest[];
  /** LIST requests of a kind (every scope), in arrival order; watches are not LISTs. */
  listCalls(kind: FakeKind): LoggedRequest[];
  /** WATCH requests of a kind (every scope), in arrival order. */
  watchCalls(kind: FakeKind): LoggedRequest[];
  /** Changes to stream to watches (each also changes what a LIST returns), and the open watches' fate. */
  watch: FakeWatchControls;
  /** The most requests that were being answered at the same time. */
  maxInFlight(): number;
  /** Resolves with the first request (already logged or still to come) that matches. */
  requestArrived(match: (request: LoggedRequest) => boolean): Promise<LoggedRequest>;
}

const USER = 'jane';
const RESOURCE_VERSION = '48213';

interface ContinueToken {
  kind: FakeKind;
  namespace?: string;
  offset: number;
}

const encodeToken = (t: ContinueToken): string => Buffer.from(JSON.stringify(t)).toString('base64url');

function decodeToken(s: string): ContinueToken | undefined {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as ContinueToken;
    return typeof t.offset === 'number' ? t : undefined;
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // Unref'd: a client that gave up may never abort the mocked request, and the test process must still exit.
    const timer = setTimeout(done, ms);
    timer.unref();
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const key = (o: RawObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function info(kind: FakeKind): { apiVersion: string; kind: string; plural: string; namespaced: boolean } {
  return kind === 'namespaces' ? { apiVersion: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false } : RESOURCES[kind];
}

/** Objects by kind, sorted by namespace/name as etcd returns them; namespaces implied by objects are added. */
function index(objects: RawObject[]): Map<FakeKind, RawObject[]> {
  const byKind = new Map<FakeKind, RawObject[]>();
  const namespaces = new Map<string, RawObject>();
  for (const o of objects) {
    if (o.apiVersion === 'v1' && o.kind === 'Namespace') {
      namespaces.set(o.metadata.name, o);
      continue;
    }
    const kind = kindOf(o.apiVersion, o.kind);
    if (!kind) continue;
    if (o.metadata.namespace && !namespaces.has(o.metadata.namespace)) {
      namespaces.set(o.metadata.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.metadata.namespace }, status: { phase: 'Active' } });
    }
    const list = byKind.get(kind) ?? [];
    list.push(o);
    byKind.set(kind, list);
  }
  byKind.set('namespaces', [...namespaces.values()]);
  for (const list of byKind.values()) list.sort((a, b) => key(a).localeCompare(key(b)));
  return byKind;
}

// Shallow: HttpResponse.json serializes the page, so a client can never reach (and change) the store. A deep
// copy per item made the fake server, not the product, dominate the scale benchmark.
function withoutTypeMeta(o: RawObject): Record<string, unknown> {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

/** `?watch=true` (or 1) turns a LIST path into a WATCH. */
function isWatch(q: URL | Record<string, string>): boolean {
  const v = q instanceof URL ? q.searchParams.get('watch') : q.watch;
  return v === 'true' || v === '1';
}

/**
 * `?fieldSelector=` as the API server applies it to a LIST: comma-separated `path=value`, `path==value` and
 * `path!=value` terms over the object's fields (events: type, reason, involvedObject.kind...). Undefined: no filter.
 */
export function fieldFilter(selector: string | null): ((o: RawObject) => boolean) | undefined {
  if (!selector) return undefined;
  const terms = selector.split(',').map((t) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(t.trim());
    if (!m) throw new Error(`fake API server: unsupported fieldSelector term "${t}"`);
    return { path: m[1].split('.'), negate: m[2] === '!=', value: m[3] };
  });
  const valueAt = (o: RawObject, path: string[]): string => {
    let cur: unknown = o;
    for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
    return cur === undefined || cur === null ? '' : String(cur);
  };
  return (o) => terms.every((t) => (valueAt(o, t.path) === t.value) !== t.negate);
}

function partialMetadata(o: RawObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function createFakeApiServer(options: FakeApiServerOptions): FakeApiServer {
  // Normalised like request URLs are (https://host:443 -> https://host), or msw would not match them.
  const parsed = new URL(options.server ?? DEFAULT_FAKE_SERVER);
  const base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  const b = options.behaviour ?? {};
  const store = index(options.objects);
  const requests: LoggedRequest[] = [];
  const waiters: { match: (r: LoggedRequest) => boolean; resolve: (r: LoggedRequest) => void }[] = [];
  const expireOnce = new Set(b.expireContinueOnce ?? []);
  const expireAlways = new Set(b.expireContinueAlways ?? []);
  const forbiddenRules = b.forbidden ?? [];

  const isForbidden = (kind: FakeKind, namespace: string | undefined): boolean => {
    const rules = forbiddenRules.filter((r) => r.kind === kind);
    if (namespace === undefined) return rules.length > 0;
    return rules.some((r) => r.namespace === namespace || r.namespace === '*');
  };

  const groupOf = (kind: FakeKind): string => {
    const v = info(kind).apiVersion;
    return v.includes('/') ? v.split('/')[0] : '';
  };

  // Filtered once per kind and namespace, not on every page (that made paging quadratic in the fake server).
  const scoped = new Map<string, RawObject[]>();
  function objectsIn(kind: FakeKind, namespace: string | undefined): RawObject[] {
    const k = `${kind}/${namespace ?? ''}`;
    let list = scoped.get(k);
    if (!list) {
      list = (store.get(kind) ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace);
      scoped.set(k, list);
    }
    return list;
  }

  const watches = createWatchHub({
    store,
    kindOf: (o) => (o.apiVersion === 'v1' && o.kind === 'Namespace' ? 'namespaces' : kindOf(o.apiVersion, o.kind)),
    changed: () => scoped.clear(),
    typeMeta: (kind) => ({ apiVersion: info(kind).apiVersion, kind: info(kind).kind }),
    render: (o, accept) => (accept?.includes('as=PartialObjectMetadata') ? partialMetadata(o) : o),
    initialResourceVersion: Number(RESOURCE_VERSION),
    goneAsHttp: b.watchGoneAsHttp,
  });

  function listResponse(kind: FakeKind, namespace: string | undefined, url: URL, accept: string | null): Response {
    const filter = fieldFilter(url.searchParams.get('fieldSelector'));
    const all = filter ? objectsIn(kind, namespace).filter(filter) : objectsIn(kind, namespace);
    const cont = url.searchParams.get('continue');
    let offset = 0;
    if (cont) {
      const token = decodeToken(cont);
      if (!token || token.kind !== kind || token.namespace !== namespace) {
        return statusResponse(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      }
      if (kind !== 'namespaces' && (expireAlways.has(kind) || expireOnce.delete(kind))) return expired();
      offset = token.offset;
    }
    const limitParam = Number(url.searchParams.get('limit') ?? '0');
    let pageSize = limitParam > 0 ? limitParam : all.length;
    if (b.pageSizeMax !== undefined) pageSize = Math.min(pageSize, b.pageSizeMax);
    const page = all.slice(offset, offset + pageSize);
    const next = offset + page.length;
    const metadata: Record<string, unknown> = { resourceVersion: watches.resourceVersion() };
    if (next < all.length) {
      metadata.continue = encodeToken({ kind, namespace, offset: next });
      metadata.remainingItemCount = all.length - next;
    }
    const i = info(kind);
    if (accept?.includes('as=PartialObjectMetadataList')) {
      return HttpResponse.json({ kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', metadata, items: page.map(partialMetadata) });
    }
    return HttpResponse.json({ kind: `${i.kind}List`, apiVersion: i.apiVersion, metadata, items: page.map(withoutTypeMeta) });
  }

  async function nodeStats(node: string, signal: AbortSignal): Promise<Response> {
    if (b.nodeStatsDelayMs) await sleep(b.nodeStatsDelayMs, signal);
    const stats = b.nodeStats?.[node];
    if (stats === 'hang') {
      // Answer only once the client gave up, so no timer outlives the test.
      await sleep(120_000, signal);
      return statusResponse(504, 'Timeout', 'the kubelet did not answer');
    }
    if (stats === 'error') {
      return statusResponse(503, 'ServiceUnavailable', `error trying to reach service: dial tcp 10.0.0.1:10250: connect: connection refused`);
    }
    if (stats !== undefined) return HttpResponse.json(clone(stats));
    if (store.get('nodes')?.some((n) => n.metadata.name === node)) {
      return HttpResponse.json({ node: { nodeName: node }, pods: [] });
    }
    return statusResponse(404, 'NotFound', `nodes "${node}" not found`, { name: node, kind: 'nodes' });
  }

  let inFlight = 0;
  let maxInFlight = 0;

  const handler = http.all(`${base}/*`, async ({ request }) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await answer(request);
    } finally {
      inFlight--;
    }
  });

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const accept = request.headers.get('accept');
    const logged: LoggedRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept,
      authorization: request.headers.get('authorization'),
      impersonateUser: request.headers.get('impersonate-user'),
      impersonateGroup: request.headers.get('impersonate-group'),
      impersonateUid: request.headers.get('impersonate-uid'),
    };
    requests.push(logged);
    for (const w of waiters.splice(0)) {
      if (w.match(logged)) w.resolve(logged);
      else waiters.push(w);
    }
    if (b.notKubernetes === 'html') return new HttpResponse('<!doctype html><html><body>Sign in</body></html>\n', { status: 200, headers: { 'Content-Type': 'text/html' } });
    if (b.notKubernetes === 'error') return new HttpResponse('upstream connect error\n', { status: 500, headers: { 'Content-Type': 'text/plain' } });
    if (b.unauthorized) return unauthorized();
    if (options.token !== undefined && request.headers.get('authorization') !== `Bearer ${options.token}`) return unauthorized();
    if (request.method !== 'GET') {
      return statusResponse(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
    const r = route(url.pathname);
    if (r.type === 'unknown') return notFoundPage();
    if (r.type === 'nodeStats') return nodeStats(r.node, request.signal);
    if (r.kind === 'endpointslices' && b.noEndpointSliceApi) return notFoundPage();
    if (r.type === 'get') {
      const found = (store.get(r.kind) ?? []).find((o) => o.metadata.name === r.name && (r.namespace === undefined || o.metadata.namespace === r.namespace));
      if (!found) return statusResponse(404, 'NotFound', `${info(r.kind).plural} "${r.name}" not found`, { name: r.name, kind: info(r.kind).plural });
      return HttpResponse.json(clone(found));
    }
    if (isForbidden(r.kind, r.namespace)) return forbidden(USER, info(r.kind).plural, groupOf(r.kind), r.namespace);
    if (isWatch(url)) return watches.open(r.kind, r.namespace, url, accept);
    if (b.hang === 'all' || b.hang?.includes(r.kind)) {
      await sleep(2 ** 31 - 1, request.signal);
      return statusResponse(504, 'Timeout', 'the client gave up');
    }
    const delay = b.delayMs?.[r.kind];
    if (delay) await sleep(delay, request.signal);
    return listResponse(r.kind, r.namespace, url, accept);
  }

  return {
    server: base,
    handlers: [handler],
    requests,
    listCalls: (kind) => requests.filter((q) => {
      const r = route(q.path);
      return r.type === 'list' && r.kind === kind && !isWatch(q.query);
    }),
    watchCalls: (kind) => requests.filter((q) => {
      const r = route(q.path);
      return r.type === 'list' && r.kind === kind && isWatch(q.query);
    }),
    watch: watches,
    maxInFlight: () => maxInFlight,
    requestArrived: (match) =>
      new Promise((resolve) => {
        const seen = requests.find(match);
        if (seen) resolve(seen);
        else waiters.push({ match, resolve });
      }),
  };
}
