// Credentials for the kubeconfig users most clusters hand out (a bearer token, a token file, a client certificate
// and key, basic auth; a CA, insecure-skip-tls-verify and a TLS server name on the cluster), built with node's
// https alone. They are what client-node's KubeConfig.applyToHTTPSOptions makes of such a user (applyHTTPSOptions,
// then the token or in-cluster token file as Authorization, then an https.Agent from the same options), without
// loading client-node: 250-400 ms before the first request, more than the rest of the CLI's start-up. Users that
// need code to get credentials (exec plugins, auth providers: OIDC, gcp, azure) and clusters behind a proxy go
// through client-node (connection.ts); `simpleCredentials` returns undefined for them.
import * as fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { Cluster, User } from '@kubernetes/client-node';

/** What one request carries: the connection's agent (TLS material, keep-alive sockets) and fresh credentials. */
export interface RequestCredentials {
  agent?: http.Agent;
  headers: Record<string, string | string[]>;
  /** user:password for basic auth. */
  auth?: string;
}

/** The in-cluster service account's token file (client-node's loadFromCluster shape), the only auth provider handled here. */
function tokenFileOf(user: User): string | undefined {
  const provider = user.authProvider as { name?: unknown; config?: { tokenFile?: unknown } } | null | undefined;
  if (!provider) return undefined;
  return provider.name === 'tokenFile' && typeof provider.config?.tokenFile === 'string' ? provider.config.tokenFile : undefined;
}

/** Whether this user and cluster need client-node to authenticate (anything but what simpleCredentials handles). */
export function needsClientNode(cluster: Cluster, user: User): boolean {
  return !!user.exec || (!!user.authProvider && tokenFileOf(user) === undefined) || !!cluster.proxyUrl;
}

function bufferFromFileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return fs.readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}

/** client-go and client-node re-read a rotating service account token at most once a minute. */
const TOKEN_FILE_REFRESH_MS = 60_000;

/**
 * Per-request credentials for a user and cluster that need no client-node, or undefined when they do. The TLS
 * material is read from its files at the first request and the agent built then, once per connection.
 */
export function simpleCredentials(cluster: Cluster, user: User, now: () => number = Date.now): (() => Promise<RequestCredentials>) | undefined {
  if (needsClientNode(cluster, user)) return undefined;
  const tokenFile = tokenFileOf(user);
  let fileToken: { value: string; readAt: number } | undefined;
  const authorization = (): string | undefined => {
    if (user.token) return `Bearer ${user.token}`;
    if (tokenFile === undefined) return undefined;
    if (!fileToken || now() - fileToken.readAt > TOKEN_FILE_REFRESH_MS) fileToken = { value: fs.readFileSync(tokenFile).toString('utf-8'), readAt: now() };
    return fileToken.value ? `Bearer ${fileToken.value}` : undefined;
  };
  const auth = user.username ? `${user.username}:${user.password}` : undefined;
  let agent: https.Agent | undefined;
  return async () => {
    if (!agent) {
      const options: https.AgentOptions = {
        ca: bufferFromFileOrData(cluster.caFile, cluster.caData),
        cert: bufferFromFileOrData(user.certFile ?? undefined, user.certData ?? undefined),
        key: bufferFromFileOrData(user.keyFile ?? undefined, user.keyData ?? undefined),
        // Sockets kept between the paginated LISTs: one TLS handshake per connection, not per page.
        keepAlive: true,
      };
      if (cluster.skipTLSVerify) options.rejectUnauthorized = false;
      if (cluster.tlsServerName) options.servername = cluster.tlsServerName;
      agent = new https.Agent(options);
    }
    const headers: Record<string, string> = {};
    const bearer = authorization();
    if (bearer) headers.Authorization = bearer;
    return { agent, headers, auth };
  };
}
