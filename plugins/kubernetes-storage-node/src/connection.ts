import http from 'node:http';
import type * as https from 'node:https';
import type { Cluster, KubeConfig } from '@kubernetes/client-node';
import type { SnapshotSource } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { AuthError, firstLine } from './errors';
import { httpGet, type ApiResponse, type RawGetOptions } from './httpGet';
import { httpStream, type StreamResponse } from './httpStream';
import { impersonationHeaders } from './impersonation';
import { entriesOf, kubeConfigOf, readKubeconfig } from './kubeconfig';
import type { RetryOptions } from './retry';
import { simpleCredentials, type RequestCredentials } from './simpleCredentials';
import { resolveTarget, type ConnectionOverrides, type Target } from './target';

export type { ConnectionOverrides } from './target';

export type { ApiResponse } from './httpGet';
export type { StreamResponse } from './httpStream';

export interface ConnectOptions {
  /** --kubeconfig: one file; default KUBECONFIG (several files merged), then ~/.kube/config, then in-cluster. */
  kubeconfig?: string;
  /** --context; default the kubeconfig's current context. */
  context?: string;
  /** kubectl's connection flags (--server, --token, --user, --cluster, --as, ...), laid over the kubeconfig. */
  overrides?: ConnectionOverrides;
  /** Default timeout of one request (the whole response), 30 s. */
  requestTimeoutMs?: number;
  /** Root of the in-cluster service account files (tests only). */
  inClusterPathPrefix?: string;
  /** A kubeconfig already in memory (kubeConfigForCluster: the Backstage backend's configured clusters), used instead of loading one. */
  kubeConfigObject?: KubeConfig;
  /** Called once per request when it ends (kubectl -v=6 style request logging). */
  onRequest?: (event: RequestEvent) => void;
  /**
   * Makes the signal that ends a request after its timeout. Default AbortSignal.timeout; tests inject a clock
   * they control, so timeouts are proven without waiting for them.
   */
  timeoutSignal?: (ms: number, request: { url: string }) => AbortSignal;
  /**
   * How a LIST request is retried after 429/500/503 or a dropped connection (retry.ts). Tests inject sleep and
   * random here, so the schedule is proven without waiting for it.
   */
  retry?: RetryOptions;
}

/** One finished request: what kubectl -v=6 logs ("GET https://... 200 OK in 12 milliseconds"). */
export interface RequestEvent {
  method: 'GET';
  url: string;
  /** Undefined when no response arrived. */
  status?: number;
  /** Why no response arrived. */
  error?: string;
  milliseconds: number;
}

export interface GetOptions {
  query?: Record<string, string | number | undefined>;
  accept?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** get() only: the status and the body's first bytes, as soon as they arrive (listPaged's look-ahead). Optional for a connection to honour. */
  onHead?: (status: number, head: string) => void;
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
  /**
   * The effective one-context kubeconfig as client-node's KubeConfig, built on first access (that loads
   * client-node). From then on the requests authenticate through it, so what a caller changes on it applies.
   */
  readonly kubeConfig: KubeConfig;
  readonly source: LiveSource;
  /** How LIST requests are retried (ConnectOptions.retry); default retryPolicy()'s. */
  readonly retry?: RetryOptions;
  /**
   * GETs an API path. Resolves with any HTTP status (the caller decides what 403 or 404 means); rejects with
   * ClusterUnreachableError when no response arrives, AuthError when credentials cannot be obtained, or the
   * signal's reason when cancelled.
   */
  get(path: string, options?: GetOptions): Promise<ApiResponse>;
  /**
   * GETs an API path whose answer is a stream (a watch): resolves once the headers arrive, with the body's lines
   * as they come (2xx) or the parsed error body. The timeout covers the whole stream; the same rejections as get().
   */
  stream(path: string, options?: GetOptions): Promise<StreamResponse>;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function buildUrl(server: string, path: string, query: GetOptions['query']): URL {
  // Servers may carry a path prefix (Rancher-style proxies), so append rather than resolve.
  const url = new URL(server + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  return url;
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
 * changes (a cached agent would otherwise keep presenting the expired certificate). Plain tokens, token files and
 * client certificates need no client-node (simpleCredentials.ts); with `viaClientNode` everything goes through it.
 */
function credentialsFor(target: Target, viaClientNode: (() => KubeConfig) | undefined): () => Promise<RequestCredentials> {
  // One header line per group and extra value, as client-go sends them (the API server reads every value).
  const impersonation = impersonationHeaders(target.impersonation);
  if (target.server.startsWith('http:')) {
    // `kubectl proxy` and the like: kubectl sends no credentials over plain http (client-go reads the user's auth
    // only "if we are secure"), but still asks for impersonation. client-node refuses http outright.
    const agent = new http.Agent({ keepAlive: true });
    return async () => ({ agent, headers: impersonation });
  }
  const withImpersonation = (c: RequestCredentials): RequestCredentials => ({ ...c, headers: { ...c.headers, ...impersonation } });
  const next =
    (viaClientNode ? undefined : simpleCredentials(target.effectiveCluster, target.effectiveUser)) ??
    credentialsSteps(viaClientNode ?? (() => kubeConfigOf(target.entries)));
  return async () => withImpersonation(await next());
}

/** Credentials through client-node's KubeConfig, built (and client-node loaded) at the first request. */
function credentialsSteps(kubeConfig: () => KubeConfig): () => Promise<RequestCredentials> {
  let kc: KubeConfig | undefined;
  let steps: KubeConfigSteps | null | undefined;
  let tls: https.RequestOptions | undefined;
  let current: { agent: http.Agent; cert: unknown; key: unknown } | undefined;
  return async () => {
    kc ??= kubeConfig();
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
      // keepAlive: sockets kept between the paginated LISTs, one TLS handshake per socket rather than per request.
      const options: https.AgentOptions = { ca: opts.ca, cert: opts.cert, key: opts.key, pfx: opts.pfx, passphrase: opts.passphrase, keepAlive: true };
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
  const overrides = options.overrides ?? {};
  const entries = options.kubeConfigObject
    ? entriesOf(options.kubeConfigObject)
    : readKubeconfig({ ...options, allowMissing: overrides.server !== undefined }).entries;
  const target = resolveTarget(entries, options.context, overrides);
  const { context, cluster, user, namespace, server } = target;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  let kubeConfig: KubeConfig | undefined;
  let credentials = credentialsFor(target, undefined);

  return {
    context,
    cluster,
    server,
    user,
    namespace,
    requestTimeoutMs,
    get kubeConfig(): KubeConfig {
      if (!kubeConfig) {
        const kc = kubeConfigOf(target.entries);
        kubeConfig = kc;
        credentials = credentialsFor(target, () => kc);
      }
      return kubeConfig;
    },
    source: { type: 'live', context, cluster, server, user },
    ...(options.retry ? { retry: options.retry } : {}),
    get: (path, o = {}) => send(httpGet, path, o),
    stream: (path, o = {}) => send(httpStream, path, o),
  };

  /** One GET with fresh credentials, logged when its answer (or its failure) arrives. */
  async function send<R extends { status: number }>(how: (url: URL, o: RawGetOptions) => Promise<R>, path: string, o: GetOptions): Promise<R> {
    let c: RequestCredentials;
    try {
      c = await credentials();
    } catch (err) {
      throw new AuthError(`cannot get credentials for user "${user}": ${firstLine(err)}`, { cause: err });
    }
    const url = buildUrl(server, path, o.query);
    const started = performance.now();
    const log = (status: number | undefined, error?: string): void =>
      options.onRequest?.({ method: 'GET', url: url.href, status, error, milliseconds: Math.round(performance.now() - started) });
    try {
      const response = await how(url, {
        agent: c.agent,
        headers: { Accept: o.accept ?? 'application/json', 'User-Agent': 'kubectl-storage', ...c.headers },
        auth: c.auth,
        timeoutMs: o.timeoutMs ?? requestTimeoutMs,
        signal: o.signal,
        timeoutSignal: options.timeoutSignal,
        ...(o.onHead ? { onHead: o.onHead } : {}),
      });
      log(response.status);
      return response;
    } catch (err) {
      log(undefined, firstLine(err));
      throw err;
    }
  }
}
