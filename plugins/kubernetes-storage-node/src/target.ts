// Which cluster, user and namespace a run talks to: the kubeconfig's context with kubectl's connection flags laid
// over it, following client-go's clientcmd (DirectClientConfig): --cluster and --user pick other kubeconfig entries,
// --server replaces the address (and drops the kubeconfig's tls-server-name), --token replaces how the user
// authenticates, --certificate-authority or --insecure-skip-tls-verify replace every CA setting, --as/--as-group
// impersonate. With --server, no context is needed at all (`kubectl --server URL --token T get pods` works with an
// empty kubeconfig). The result is one-context kubeconfig entries: exactly what will be used, whether the
// requests authenticate by themselves or through client-node (connection.ts).
import type { Cluster, User } from '@kubernetes/client-node';
import { KubeconfigError } from './errors';
import { effectiveImpersonation, type Impersonation } from './impersonation';
import type { KubeconfigEntries, KubeconfigUser } from './kubeconfig';
import { serverUrl } from './serverUrl';
import { checkTlsFiles } from './tlsFiles';

/** kubectl's connection flags. Unset fields keep the kubeconfig's values. */
export interface ConnectionOverrides {
  /** --server: the API server address. */
  server?: string;
  /** --token: a bearer token, used instead of the user's own credentials. */
  token?: string;
  /** --user: the kubeconfig user to use instead of the context's. */
  user?: string;
  /** --cluster: the kubeconfig cluster to use instead of the context's. */
  cluster?: string;
  /** --as: the user to impersonate (Impersonate-User). */
  as?: string;
  /** --as-uid: the uid to impersonate (Impersonate-Uid); needs a user to impersonate. */
  asUid?: string;
  /** --as-group: groups to impersonate (one Impersonate-Group header each); needs a user to impersonate. */
  asGroups?: string[];
  /** --insecure-skip-tls-verify: do not check the server's certificate. */
  insecureSkipTlsVerify?: boolean;
  /** --certificate-authority: the CA file to trust instead of the kubeconfig's. */
  certificateAuthority?: string;
}

export interface Target {
  /** One context, one cluster, one user: the effective values (names made non-empty, see resolveTarget). */
  entries: KubeconfigEntries;
  /** The effective cluster and user (the entries' only ones, with their real names). */
  effectiveCluster: Cluster;
  effectiveUser: User;
  context: string;
  cluster: string;
  user: string;
  namespace: string;
  /** Normalised: scheme, host, port and any path prefix, no trailing slash. */
  server: string;
  /** Whom the requests act as: the kubeconfig user's as/as-uid/as-groups/as-user-extra under --as/--as-uid/--as-group. */
  impersonation: Impersonation;
}

const byName = <T extends { name: string }>(list: readonly T[], name: string): T | undefined => list.find((e) => e.name === name);

function pickContext(kc: KubeconfigEntries, wanted: string | undefined, o: ConnectionOverrides): { name: string; cluster?: string; user?: string; namespace?: string } {
  if (wanted !== undefined) {
    const ctx = byName(kc.contexts, wanted);
    if (!ctx) throw new KubeconfigError(`context "${wanted}" not found in kubeconfig`);
    return ctx;
  }
  const name = kc.currentContext;
  if (!name) {
    // kubectl needs no context when the flags say where to go.
    if (o.server !== undefined || o.cluster !== undefined) return { name: '' };
    throw new KubeconfigError('kubeconfig has no current context; pass --context');
  }
  const ctx = byName(kc.contexts, name);
  if (!ctx) throw new KubeconfigError(`current context "${name}" not found in kubeconfig`);
  return ctx;
}

function pickCluster(kc: KubeconfigEntries, context: { name: string; cluster?: string }, o: ConnectionOverrides): Cluster {
  if (o.cluster !== undefined) {
    const cluster = byName(kc.clusters, o.cluster);
    if (!cluster) throw new KubeconfigError(`cluster "${o.cluster}" not found in kubeconfig`);
    return cluster;
  }
  const cluster = context.cluster ? byName(kc.clusters, context.cluster) : undefined;
  if (cluster) return cluster;
  if (o.server !== undefined) return { name: context.cluster ?? '', server: o.server, skipTLSVerify: false };
  throw new KubeconfigError(`context "${context.name}" refers to cluster "${context.cluster}", which is not in kubeconfig`);
}

function pickUser(kc: KubeconfigEntries, context: { name: string; user?: string }, o: ConnectionOverrides): KubeconfigUser {
  if (o.user !== undefined) {
    const user = byName(kc.users, o.user);
    if (!user) throw new KubeconfigError(`user "${o.user}" not found in kubeconfig`);
    return user;
  }
  if (!context.user) return { name: '' };
  const user = byName(kc.users, context.user);
  if (user) return user;
  if (o.token !== undefined) return { name: context.user };
  throw new KubeconfigError(`context "${context.name}" refers to user "${context.user}", which is not in kubeconfig`);
}

function effectiveCluster(base: Cluster, o: ConnectionOverrides, user: User): Cluster {
  const caOverride = o.insecureSkipTlsVerify === true || o.certificateAuthority !== undefined;
  const ca = caOverride ? { caFile: o.certificateAuthority, caData: undefined, skipTLSVerify: o.insecureSkipTlsVerify === true } : { caFile: base.caFile, caData: base.caData, skipTLSVerify: base.skipTLSVerify };
  const tlsServerName = o.server !== undefined ? undefined : base.tlsServerName;
  const tlsConfigured = !!(ca.caFile || ca.caData || ca.skipTLSVerify || tlsServerName || user.certFile || user.certData);
  return {
    name: base.name,
    server: serverUrl(o.server ?? base.server ?? '', base.name, tlsConfigured),
    ...ca,
    ...(tlsServerName ? { tlsServerName } : {}),
    ...(base.proxyUrl ? { proxyUrl: base.proxyUrl } : {}),
  };
}

/** `impersonateUser` is the resolved impersonation's user: client-node sends it too, so it must be the same one. */
function effectiveUser(base: KubeconfigUser, o: ConnectionOverrides, impersonateUser: string | undefined): KubeconfigUser {
  // A --token wins over how the user would otherwise authenticate (client-go: an exec plugin or auth provider
  // steps aside when a bearer token is set); client certificates stay, as kubectl keeps them.
  const auth: Partial<User> =
    o.token !== undefined
      ? { token: o.token, certFile: base.certFile, certData: base.certData, keyFile: base.keyFile, keyData: base.keyData }
      : { ...base };
  return { ...auth, name: base.name, ...(impersonateUser ? { impersonateUser } : { impersonateUser: undefined }) };
}

export function resolveTarget(kc: KubeconfigEntries, wantedContext: string | undefined, o: ConnectionOverrides = {}): Target {
  const context = pickContext(kc, wantedContext, o);
  const picked = pickUser(kc, context, o);
  // From the picked user: a --token replaces how it authenticates, not whom it impersonates.
  const impersonation = effectiveImpersonation(picked.name, picked, o);
  const user = effectiveUser(picked, o, impersonation.user);
  const cluster = effectiveCluster(pickCluster(kc, context, o), o, user);
  // Over plain http kubectl sends no credentials and reads no TLS files (client-go: "only try to read the auth
  // information if we are secure"); over https they must be there before the first request.
  if (cluster.server.startsWith('https:')) checkTlsFiles(cluster, user);
  // client-node's names must be non-empty to be found again; the reported names stay the real (possibly empty) ones.
  const internal = { cluster: cluster.name || '(flags)', user: user.name || '(flags)', context: context.name || '(flags)' };
  const namespace = context.namespace || 'default';
  const entries: KubeconfigEntries = {
    clusters: [{ ...cluster, name: internal.cluster }],
    users: [{ ...user, name: internal.user }],
    contexts: [{ name: internal.context, cluster: internal.cluster, user: internal.user, namespace }],
    currentContext: internal.context,
  };
  return { entries, effectiveCluster: cluster, effectiveUser: user, context: context.name, cluster: cluster.name, user: user.name, namespace, server: cluster.server, impersonation };
}
