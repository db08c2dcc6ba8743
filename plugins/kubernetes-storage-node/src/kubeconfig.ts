// Loading kubeconfig the way kubectl does: --kubeconfig, else every file in KUBECONFIG (merged, first file wins for
// the current context and for entries of the same name), else ~/.kube/config, else in-cluster service account.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Cluster, Context, KubeConfig, User } from '@kubernetes/client-node';
import { KubeconfigError, firstLine } from './errors';

type ClientNode = typeof import('@kubernetes/client-node');

/** Loaded on first use: it is large and ESM, and a dump-only run never needs it. */
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

function loadFile(file: string): KubeConfig {
  const kc = new (clientNode().KubeConfig)();
  try {
    kc.loadFromFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new KubeconfigError(`kubeconfig file ${file} not found`, { cause: err });
    // client-node reports an empty file as a TypeError from deep inside; say what is wrong instead.
    if (err instanceof TypeError && readOrEmpty(file).trim() === '') {
      throw new KubeconfigError(`kubeconfig ${file} is empty`, { cause: err });
    }
    throw new KubeconfigError(`cannot read kubeconfig ${file}: ${firstLine(err)}`, { cause: err });
  }
  return kc;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function firstByName<T extends { name: string }>(lists: T[][]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
  return [...seen.values()];
}

function merge(configs: KubeConfig[]): KubeConfig {
  const merged = new (clientNode().KubeConfig)();
  merged.loadFromOptions({
    clusters: firstByName<Cluster>(configs.map((c) => c.getClusters())),
    users: firstByName<User>(configs.map((c) => c.getUsers())),
    contexts: firstByName<Context>(configs.map((c) => c.getContexts())),
    currentContext: configs.map((c) => c.getCurrentContext()).find((name) => !!name),
  });
  return merged;
}

/** Loads the kubeconfig kubectl would use. Throws KubeconfigError when there is none or it is broken. */
export function loadKubeconfig(sources: KubeconfigSources = {}): { kubeConfig: KubeConfig; files: string[] } {
  const env = process.env;
  if (sources.kubeconfig) return { kubeConfig: loadFile(sources.kubeconfig), files: [sources.kubeconfig] };

  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((f) => f !== '');
  if (listed.length > 0) {
    // kubectl skips listed files that do not exist; only all of them missing is an error.
    const existing = listed.filter((f) => fs.existsSync(f));
    if (existing.length === 0) throw new KubeconfigError(`none of the KUBECONFIG files exist: ${listed.join(path.delimiter)}`);
    return { kubeConfig: merge(existing.map(loadFile)), files: existing };
  }

  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const defaultFile = path.join(home, '.kube', 'config');
  if (fs.existsSync(defaultFile)) return { kubeConfig: loadFile(defaultFile), files: [defaultFile] };

  if (env.KUBERNETES_SERVICE_HOST) {
    const kc = new (clientNode().KubeConfig)();
    kc.loadFromCluster(sources.inClusterPathPrefix);
    return { kubeConfig: kc, files: [] };
  }
  if (sources.allowMissing) return { kubeConfig: new (clientNode().KubeConfig)(), files: [] };
  throw new KubeconfigError(`no kubeconfig found (KUBECONFIG is unset and ${defaultFile} does not exist) and not running in a cluster`);
}

