// Loading kubeconfig the way kubectl does: --kubeconfig, else every file in KUBECONFIG (merged, first file wins for
// the current context and for entries of the same name), else ~/.kube/config, else in-cluster service account.
// The files are read as plain entries (kubeconfigFile.ts); client-node's KubeConfig is built only when asked for.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeconfigError } from './errors';
import { readKubeconfigFile, type KubeconfigEntries } from './kubeconfigFile';

export type { KubeconfigEntries, KubeconfigUser } from './kubeconfigFile';

type ClientNode = typeof import('@kubernetes/client-node');

/** Loaded on first use: it is large and ESM, and most runs (dumps, plain kubeconfigs) never need it. */
export function clientNode(): ClientNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@kubernetes/client-node') as ClientNode;
}

export interface KubeconfigSources {
  /** --kubeconfig: one file, which must exist. */
  kubeconfig?: string;
  /** Root for the in-cluster service account files (tests only). */
  inClusterPathPrefix?: string;
  /** No kubeconfig at all is fine (--server says where to go): an empty one is returned instead of an error. */
  allowMissing?: boolean;
}

function firstByName<T extends { name: string }>(lists: T[][]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
  return [...seen.values()];
}

function merge(configs: KubeconfigEntries[]): KubeconfigEntries {
  return {
    clusters: firstByName(configs.map((c) => c.clusters)),
    users: firstByName(configs.map((c) => c.users)),
    contexts: firstByName(configs.map((c) => c.contexts)),
    currentContext: configs.map((c) => c.currentContext).find((name) => !!name),
  };
}

const SERVICEACCOUNT_ROOT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** client-node's KubeConfig.loadFromCluster, as entries: the token file stays a file, re-read as it rotates. */
function inCluster(prefix = ''): KubeconfigEntries {
  const host = process.env.KUBERNETES_SERVICE_HOST ?? '';
  const port = process.env.KUBERNETES_SERVICE_PORT;
  const scheme = port === '80' || port === '8080' || port === '8001' ? 'http' : 'https';
  const serverHost = net.isIPv6(host) ? `[${host}]` : host;
  const namespaceFile = `${prefix}${SERVICEACCOUNT_ROOT}/namespace`;
  const namespace = fs.existsSync(namespaceFile) ? fs.readFileSync(namespaceFile).toString('utf-8') : undefined;
  return {
    clusters: [{ name: 'inCluster', caFile: `${prefix}${SERVICEACCOUNT_ROOT}/ca.crt`, server: `${scheme}://${serverHost}:${port}`, skipTLSVerify: false }],
    users: [{ name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: `${prefix}${SERVICEACCOUNT_ROOT}/token` } } }],
    contexts: [{ cluster: 'inCluster', name: 'inClusterContext', user: 'inClusterUser', namespace }],
    currentContext: 'inClusterContext',
  };
}

const EMPTY: KubeconfigEntries = { clusters: [], users: [], contexts: [], currentContext: undefined };

/** Reads the kubeconfig kubectl would use, as plain entries. Throws KubeconfigError when there is none or it is broken. */
export function readKubeconfig(sources: KubeconfigSources = {}): { entries: KubeconfigEntries; files: string[] } {
  const env = process.env;
  if (sources.kubeconfig) return { entries: readKubeconfigFile(sources.kubeconfig), files: [sources.kubeconfig] };

  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (listed.length > 0) {
    // kubectl skips listed files that do not exist; only all of them missing is an error.
    const existing = listed.filter((f) => fs.existsSync(f));
    if (existing.length === 0) throw new KubeconfigError(`none of the KUBECONFIG files exist: ${listed.join(path.delimiter)}`);
    return { entries: merge(existing.map(readKubeconfigFile)), files: existing };
  }

  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const defaultFile = path.join(home, '.kube', 'config');
  if (fs.existsSync(defaultFile)) return { entries: readKubeconfigFile(defaultFile), files: [defaultFile] };

  if (env.KUBERNETES_SERVICE_HOST) return { entries: inCluster(sources.inClusterPathPrefix), files: [] };
  if (sources.allowMissing) return { entries: { ...EMPTY }, files: [] };
  throw new KubeconfigError(`no kubeconfig found (KUBECONFIG is unset and ${defaultFile} does not exist) and not running in a cluster`);
}

/** client-node's KubeConfig holding these entries (loads client-node). */
export function kubeConfigOf(entries: KubeconfigEntries): KubeConfig {
  const kc = new (clientNode().KubeConfig)();
  kc.loadFromOptions(entries);
  return kc;
}

/** The entries of a client-node KubeConfig already in memory. */
export function entriesOf(kc: KubeConfig): KubeconfigEntries {
  return { clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: kc.getCurrentContext() || undefined };
}

/** Loads the kubeconfig kubectl would use as client-node's KubeConfig. Throws KubeconfigError when there is none or it is broken. */
export function loadKubeconfig(sources: KubeconfigSources = {}): { kubeConfig: KubeConfig; files: string[] } {
  const { entries, files } = readKubeconfig(sources);
  return { kubeConfig: kubeConfigOf(entries), files };
}
