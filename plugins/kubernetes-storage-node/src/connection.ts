import type * as http from 'node:http';
import type * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { SnapshotSource } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { AuthError, KubeconfigError, firstLine } from './errors';
import { httpGet, type ApiResponse } from './httpGet';
import { loadKubeconfig } from './kubeconfig';

export type { ApiResponse } from './httpGet';

export interface ConnectOptions {
  /** --kubeconfig: one file; default KUBECONFIG (several files merged), then ~/.kube/config, then in-cluster. */
  kubeconfig?: string;
  /** --context; default the kubeconfig's current context. */
  context?: string;
  /** Default timeout of one request (the whole response), 30 s. */
  requestTimeoutMs?: number;
  /** Root of the in-cluster service account files (tests only). */
  inClusterPathPrefix?: string;
}

export interface GetOptions {
  query?: Record<string, string | number | undefined>;
  accept?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type LiveSource = Extract<SnapshotSource, { type: 'live' }>;

/** A cluster to read from: who we are, where it is, and one way to GET from it (the product never writes). */
export interface ClusterConnection {
  readonly context: string;
  readonly cluster: string;
  readonly server: string;
  readonly user: string;
  /** The context's namespace, else "default". */
  readonly namespace: string;
  readonly requestTimeoutMs: number;
  readonly kubeConfig: KubeConfig;
  readonly source: LiveSource;
  /**
   * GETs an API path. Resolves with any HTTP status (the caller decides what 403 or 404 means); rejects with
   * ClusterUnreachableError when no response arrives, AuthError when credentials cannot be obtained, or the
   * signal's reason when cancelled.
   */
  get(path: string, options?: GetOptions): Promise<ApiResponse>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function resolveContext(kc: KubeConfig, wanted: string | undefined): { context: string; cluster: string; user: string; namespace: string; server: string } {
  if (wanted !== undefined) {
    if (!kc.getContextObject(wanted)) throw new KubeconfigError(`context "${wanted}" not found in kubeconfig`);
    kc.setCurrentContext(wanted);
  }
  const name = kc.getCurrentContext();
  if (!name) throw new KubeconfigError('kubeconfig has no current context; pass --context');
  const ctx = kc.getContextObject(name);
  if (!ctx) throw new KubeconfigError(`current context "${name}" not found in kubeconfig`);
  const cluster = kc.getCluster(ctx.cluster);
  if (!cluster) throw new KubeconfigError(`context "${name}" refers to cluster "${ctx.cluster}", which is not in kubeconfig`);
  if (ctx.user && !kc.getUser(ctx.user)) throw new KubeconfigError(`context "${name}" refers to user "${ctx.user}", which is not in kubeconfig`);
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    throw new KubeconfigError(`cluster "${cluster.name}" uses plain http without insecure-skip-tls-verify`);
  }
  return { context: name, cluster: cluster.name, user: ctx.user, namespace: ctx.namespace || 'default', server: cluster.server };
}

function buildUrl(server: string, path: string, query: GetOptions['query']): URL {
  // Servers may carry a path prefix (Rancher-style proxies), so append rather than resolve.
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  return url;
}

/** Loads the kubeconfig and picks the context. Synchronous and offline: nothing is sent until the first get(). */
export function connect(options: ConnectOptions = {}): ClusterConnection {
  const { kubeConfig: kc } = loadKubeconfig(options);
  const { context, cluster, user, namespace, server } = resolveContext(kc, options.context);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  // One agent (TLS material, keep-alive sockets) for the connection; credentials are re-applied per request so
  // exec and OIDC providers can refresh expiring tokens.
  let agent: http.Agent | undefined;

  return {
    context,
    cluster,
    server,
    user,
    namespace,
    requestTimeoutMs,
    kubeConfig: kc,
    source: { type: 'live', context, cluster, server, user },
    async get(path, o = {}) {
      const opts: https.RequestOptions = {};
      try {
        await kc.applyToHTTPSOptions(opts);
      } catch (err) {
        throw new AuthError(`cannot get credentials for user "${user}": ${firstLine(err)}`, { cause: err });
      }
      agent ??= opts.agent as http.Agent | undefined;
      const headers: Record<string, string> = { Accept: o.accept ?? 'application/json', 'User-Agent': 'kubectl-storage' };
      for (const [k, v] of Object.entries(opts.headers ?? {})) if (typeof v === 'string') headers[k] = v;
      return httpGet(buildUrl(server, path, o.query), {
        agent,
        headers,
        auth: opts.auth ?? undefined,
        timeoutMs: o.timeoutMs ?? requestTimeoutMs,
        signal: o.signal,
      });
    },
  };
}
