/**
 * A deliberately small Kubernetes REST client for the cluster harness (node:https, no dependencies).
 * The harness must not depend on the product's collectors (that is what it tests), and jest cannot load the ESM
 * build of @kubernetes/client-node without a transform, so the few calls the harness needs are made by hand.
 */
import * as fs from 'node:fs';
import * as https from 'node:https';

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: any };
  [key: string]: any;
}

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** How to reach the API server as one identity. Serialized into the state file and kubeconfigs. */
export interface Credentials {
  server: string;
  caFile: string;
  certFile?: string;
  keyFile?: string;
  token?: string;
}

/** Kinds the harness creates or reads: apiVersion, plural and scope. */
const RESOURCES: Record<string, { apiVersion: string; plural: string; namespaced: boolean }> = {
  Namespace: { apiVersion: 'v1', plural: 'namespaces', namespaced: false },
  Node: { apiVersion: 'v1', plural: 'nodes', namespaced: false },
  PersistentVolume: { apiVersion: 'v1', plural: 'persistentvolumes', namespaced: false },
  PersistentVolumeClaim: { apiVersion: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
  Pod: { apiVersion: 'v1', plural: 'pods', namespaced: true },
  Service: { apiVersion: 'v1', plural: 'services', namespaced: true },
  ServiceAccount: { apiVersion: 'v1', plural: 'serviceaccounts', namespaced: true },
  Secret: { apiVersion: 'v1', plural: 'secrets', namespaced: true },
  Event: { apiVersion: 'v1', plural: 'events', namespaced: true },
  StatefulSet: { apiVersion: 'apps/v1', plural: 'statefulsets', namespaced: true },
  Deployment: { apiVersion: 'apps/v1', plural: 'deployments', namespaced: true },
  StorageClass: { apiVersion: 'storage.k8s.io/v1', plural: 'storageclasses', namespaced: false },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', plural: 'endpointslices', namespaced: true },
  Ingress: { apiVersion: 'networking.k8s.io/v1', plural: 'ingresses', namespaced: true },
  IngressClass: { apiVersion: 'networking.k8s.io/v1', plural: 'ingressclasses', namespaced: false },
  Lease: { apiVersion: 'coordination.k8s.io/v1', plural: 'leases', namespaced: true },
  ClusterRole: { apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'clusterroles', namespaced: false },
  ClusterRoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'clusterrolebindings', namespaced: false },
  Role: { apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'roles', namespaced: true },
  RoleBinding: { apiVersion: 'rbac.authorization.k8s.io/v1', plural: 'rolebindings', namespaced: true },
};

export function resourceInfo(kind: string) {
  const info = RESOURCES[kind];
  if (!info) throw new Error(`kube.ts does not know kind ${kind}; add it to RESOURCES`);
  return info;
}

/** `/api/v1/namespaces/shop/pods/web-0` style path; omit name for the collection, omit namespace for all namespaces. */
export function resourcePath(kind: string, namespace?: string, name?: string, subresource?: string): string {
  const { apiVersion, plural, namespaced } = resourceInfo(kind);
  let path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  if (namespaced && namespace) path += `/namespaces/${namespace}`;
  path += `/${plural}`;
  if (name) path += `/${name}`;
  if (subresource) path += `/${subresource}`;
  return path;
}

export function refOf(obj: KObject): ObjectRef {
  return { kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace };
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: any,
  ) {
    super(`${method} ${path} -> ${status}: ${typeof body === 'object' && body?.message ? body.message : JSON.stringify(body)}`);
  }
}

/** The User-Agent of every harness request, so audit checks can leave the harness's own requests out. */
export const HARNESS_USER_AGENT = 'kubectl-storage-cluster-harness';

export class Kube {
  private readonly agent: https.Agent;
  private readonly token?: string;

  constructor(
    readonly creds: Credentials,
    private readonly userAgent = HARNESS_USER_AGENT,
  ) {
    this.agent = new https.Agent({
      keepAlive: true,
      ca: fs.readFileSync(creds.caFile),
      cert: creds.certFile ? fs.readFileSync(creds.certFile) : undefined,
      key: creds.keyFile ? fs.readFileSync(creds.keyFile) : undefined,
    });
    this.token = creds.token;
  }

  close() {
    this.agent.destroy();
  }

  /** Raw request; resolves for every HTTP status (see `ok`), rejects on transport errors and timeouts. */
  request(method: string, path: string, body?: unknown, contentType = 'application/json', timeoutMs = 15000) {
    const url = new URL(path, this.creds.server);
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    return new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: this.agent,
          timeout: timeoutMs,
          headers: {
            Accept: 'application/json',
            'User-Agent': this.userAgent,
            ...(payload !== undefined ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}),
            ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: any = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              /* plain text body, e.g. /readyz */
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out after ${timeoutMs}ms`)));
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** LIST every page and return the items with the list's resourceVersion (where a WATCH starts from). */
  async listWithVersion(kind: string, namespace?: string): Promise<{ items: KObject[]; resourceVersion: string }> {
    const { apiVersion } = resourceInfo(kind);
    const items: KObject[] = [];
    let cont: string | undefined;
    let resourceVersion = '';
    do {
      const q = new URLSearchParams({ limit: '500', ...(cont ? { continue: cont } : {}) });
      const body = await this.ok('GET', `${resourcePath(kind, namespace)}?${q}`);
      for (const item of body.items ?? []) items.push({ apiVersion, kind, ...item });
      resourceVersion = body.metadata?.resourceVersion ?? resourceVersion;
      cont = body.metadata?.continue || undefined;
    } while (cont);
    return { items, resourceVersion };
  }

  /**
   * WATCH from `resourceVersion` (with bookmarks), calling `onEvent` per event line. Resolves with the last
   * resourceVersion seen when the server ends the stream (timeoutSeconds); rejects with ApiError 410 when the
   * version is too old (the caller relists), or on transport errors. `signal` ends it early.
   */
  watch(
    kind: string,
    resourceVersion: string,
    onEvent: (type: string, object: KObject) => void,
    signal: AbortSignal,
    timeoutSeconds = 240,
  ): Promise<string> {
    const { apiVersion } = resourceInfo(kind);
    const q = new URLSearchParams({ watch: '1', allowWatchBookmarks: 'true', resourceVersion, timeoutSeconds: String(timeoutSeconds) });
    const url = new URL(`${resourcePath(kind)}?${q}`, this.creds.server);
    let last = resourceVersion;
    return new Promise<string>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method: 'GET',
          agent: this.agent,
          signal,
          headers: { Accept: 'application/json', 'User-Agent': this.userAgent, ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
        },
        res => {
          if (res.statusCode !== 200) {
            res.resume();
            return reject(new ApiError('GET', url.pathname, res.statusCode ?? 0, undefined));
          }
          let buffered = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffered += chunk;
            let nl: number;
            while ((nl = buffered.indexOf('\n')) >= 0) {
              const line = buffered.slice(0, nl);
              buffered = buffered.slice(nl + 1);
              if (!line.trim()) continue;
              const event = JSON.parse(line) as { type: string; object: any };
              if (event.type === 'ERROR') {
                req.destroy();
                return reject(new ApiError('GET', url.pathname, event.object?.code ?? 500, event.object));
              }
              last = event.object?.metadata?.resourceVersion ?? last;
              if (event.type !== 'BOOKMARK') onEvent(event.type, { apiVersion, kind, ...event.object });
            }
          });
          res.on('end', () => resolve(last));
          res.on('error', reject);
        },
      );
      req.on('error', e => (signal.aborted ? resolve(last) : reject(e)));
      req.end();
    });
  }

  /** Like request, but throws ApiError on non-2xx. */
  async ok(method: string, path: string, body?: unknown, contentType?: string): Promise<any> {
    const res = await this.request(method, path, body, contentType);
    if (res.status < 200 || res.status > 299) throw new ApiError(method, path, res.status, res.body);
    return res.body;
  }

  /** GET one object; undefined on 404. */
  async get(kind: string, name: string, namespace?: string): Promise<KObject | undefined> {
    const path = resourcePath(kind, namespace, name);
    const res = await this.request('GET', path);
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw new ApiError('GET', path, res.status, res.body);
    return res.body;
  }

  /** LIST every page (limit/continue); items get kind and apiVersion filled in (LIST responses omit them). */
  async list(kind: string, namespace?: string, query: Record<string, string> = {}): Promise<KObject[]> {
    const { apiVersion } = resourceInfo(kind);
    const items: KObject[] = [];
    let cont: string | undefined;
    do {
      const q = new URLSearchParams({ ...query, limit: '500', ...(cont ? { continue: cont } : {}) });
      const body = await this.ok('GET', `${resourcePath(kind, namespace)}?${q}`);
      for (const item of body.items ?? []) items.push({ apiVersion, kind, ...item });
      cont = body.metadata?.continue || undefined;
    } while (cont);
    return items;
  }

  create(obj: KObject): Promise<KObject> {
    return this.ok('POST', resourcePath(obj.kind, obj.metadata.namespace), obj);
  }

  /** Create, or leave an existing object of that name alone (so re-applying a scenario is harmless). */
  async ensure(obj: KObject): Promise<KObject> {
    const res = await this.request('POST', resourcePath(obj.kind, obj.metadata.namespace), obj);
    if (res.status === 409) return (await this.get(obj.kind, obj.metadata.name, obj.metadata.namespace))!;
    if (res.status < 200 || res.status > 299) throw new ApiError('POST', resourcePath(obj.kind, obj.metadata.namespace), res.status, res.body);
    return res.body;
  }

  /** JSON merge patch, optionally on a subresource such as `status` or `scale`. */
  patch(ref: ObjectRef, patch: unknown, subresource?: string): Promise<KObject> {
    return this.ok('PATCH', resourcePath(ref.kind, ref.namespace, ref.name, subresource), patch, 'application/merge-patch+json');
  }

  /** DELETE; a 404 counts as done. */
  async delete(ref: ObjectRef, options: Record<string, unknown> = {}): Promise<void> {
    const path = resourcePath(ref.kind, ref.namespace, ref.name);
    const res = await this.request('DELETE', path, { kind: 'DeleteOptions', apiVersion: 'v1', ...options });
    if (res.status !== 404 && (res.status < 200 || res.status > 299)) throw new ApiError('DELETE', path, res.status, res.body);
  }
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Bounded polling. `probe` returns a truthy value when done (that value is returned), or a falsy value; it may
 * return `{ done: false, last }`-style strings through `describe` so the timeout error says what was last seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 60000, intervalMs = 500, lastSeen }: { timeoutMs?: number; intervalMs?: number; lastSeen?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastSeen ? `; last seen: ${lastSeen()}` : '';
      const err = lastError ? `; last error: ${(lastError as Error).message ?? lastError}` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}${seen}${err}`);
    }
    await sleep(intervalMs);
  }
}
