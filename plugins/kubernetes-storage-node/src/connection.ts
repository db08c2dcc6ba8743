import type * as http from 'node:http';
import type * as https from 'node:https';
import type { Cluster, KubeConfig } from '@kubernetes/client-node';
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

/** What one request carries: the connection's agent (TLS material, keep-alive sockets) and fresh credentials. */
interface RequestCredentials {
  agent?: http.Agent;
  headers: Record<string, string>;
  /** user:password for basic auth. */
  auth?: string;
}

/**
 * The steps behind client-node's applyToHTTPSOptions. They are private in its typings but present throughout 1.x
 * (DESIGN pins 1.4); without them every request goes through applyToHTTPSOptions, as it once did here.
 */
interface KubeConfigSteps {
  /** CA, client certificate and key (read from their files), skip-verify, server name, impersonation. */
  applyHTTPSOptions(opts: https.RequestOptions): void;
  /** The authenticators (exec, OIDC, token file, cloud providers): Authorization, and exec client certificates. */
  applyAuthorizationHeader(opts: https.RequestOptions): Promise<void>;
  /** An https.Agent, or a proxy agent for proxy-url. */
  createAgent(cluster: Cluster | null, options: https.AgentOptions): http.Agent;
}

function stepsOf(kc: KubeConfig): KubeConfigSteps | undefined {
  const k = kc as unknown as Partial<KubeConfigSteps>;
  const present = typeof k.applyHTTPSOptions === 'function' && typeof k.applyAuthorizationHeader === 'function' && typeof k.createAgent === 'function';
  return present ? (k as KubeConfigSteps) : undefined;
}

function stringHeaders(headers: https.RequestOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

const sameMaterial = (a: unknown, b: unknown): boolean =>
  a === b || (a !== undefined && b !== undefined && String(a) === String(b));

/**
 * Credentials for each request of a connection. The TLS material is read from its files once and the agent is
 * built once, so keep-alive sockets are reused; only what can expire is refreshed per request: the authenticators'
 * Authorization header, and the client certificate an exec plugin hands out, which rebuilds the agent when it
 * changes (a cached agent would otherwise keep presenting the expired certificate).
 */
function credentialsFor(kc: KubeConfig): () => Promise<RequestCredentials> {
  let steps: KubeConfigSteps | null | undefined;
  let tls: https.RequestOptions | undefined;
  let current: { agent: http.Agent; cert: unknown; key: unknown } | undefined;
  return async () => {
    if (steps === undefined) steps = stepsOf(kc) ?? null;
    if (!steps) {
      const all: https.RequestOptions = {};
      await kc.applyToHTTPSOptions(all);
      return { agent: all.agent as http.Agent | undefined, headers: stringHeaders(all.headers), auth: all.auth ?? undefined };
    }
    if (!tls) {
      const read: https.RequestOptions = {};
      steps.applyHTTPSOptions.call(kc, read);
      tls = read;
    }
    const opts: https.RequestOptions = { ...tls, headers: { ...tls.headers } };
    await steps.applyAuthorizationHeader.call(kc, opts);
    if (!current || !sameMaterial(current.cert, opts.cert) || !sameMaterial(current.key, opts.key)) {
      const options: https.AgentOptions = { ca: opts.ca, cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase };
      if (opts.rejectUnauthorized !== undefined) options.rejectUnauthorized = opts.rejectUnauthorized;
      if (opts.servername !== undefined) options.servername = opts.servername;
      current = { agent: steps.createAgent.call(kc, kc.getCurrentCluster(), options), cert: opts.cert, key: opts.key };
    }
    const user = kc.getCurrentUser();
    return { agent: current.agent, headers: stringHeaders(opts.headers), auth: user?.username ? `${user.username}:${user.password}` : undefined };
  };
}

/** Loads the kubeconfig and picks the context. Synchronous and offline: nothing is sent until the first get(). */
export function connect(options: ConnectOptions = {}): ClusterConnection {
  const { kubeConfig: kc } = loadKubeconfig(options);
  const { context, cluster, user, namespace, server } = resolveContext(kc, options.context);
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const credentials = credentialsFor(kc);

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
      let c: RequestCredentials;
      try {
        c = await credentials();
      } catch (err) {
        throw new AuthError(`cannot get credentials for user "${user}": ${firstLine(err)}`, { cause: err });
      }
      return httpGet(buildUrl(server, path, o.query), {
        agent: c.agent,
        headers: { Accept: o.accept ?? 'application/json', 'User-Agent': 'kubectl-storage', ...c.headers },
        auth: c.auth,
        timeoutMs: o.timeoutMs ?? requestTimeoutMs,
        signal: o.signal,
      });
    },
  };
}
