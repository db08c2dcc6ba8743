// Names from the cluster for completion, as kubectl's own completion does (`kubectl get sts <TAB>` lists the
// StatefulSets of the namespace): one LIST of names, through the same kubeconfig/context/namespace flags the line
// names, with a short timeout. Any failure (no cluster, forbidden, slow) offers nothing: completion never prints
// an error into the shell.

/** Completion must feel instant; kubectl uses its request timeout, which is often unset. 2 s is what a user waits. */
export const COMPLETION_TIMEOUT_MS = 2000;

const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

export type NamedKind = 'namespaces' | 'statefulsets' | 'ingresses' | 'persistentvolumes';

const PATHS: Record<NamedKind, (namespace: string) => string> = {
  namespaces: () => '/api/v1/namespaces',
  persistentvolumes: () => '/api/v1/persistentvolumes',
  statefulsets: (ns) => `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}/statefulsets`,
  ingresses: (ns) => `/apis/networking.k8s.io/v1/namespaces/${encodeURIComponent(ns)}/ingresses`,
};

/** The value of a flag on the line (`-n x`, `--namespace=x`), the last one winning as in kubectl. */
export function flagValue(words: string[], names: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    for (const name of names) {
      if (w === name && i + 1 < words.length) value = words[i + 1];
      else if (name.startsWith('--') && w.startsWith(`${name}=`)) value = w.slice(name.length + 1);
    }
  }
  return value;
}

export interface ClusterNameOptions {
  timeoutMs?: number;
  /** Tests: the collectors' connect options (a request clock). */
  connect?: Record<string, unknown>;
}

/**
 * Names of `kind` in the namespace the line names (-n, else the context's namespace). Only the first page (500):
 * a completion list longer than that is no help, and one LIST per TAB is the whole cost.
 */
export async function clusterNames(words: string[], kind: NamedKind, options: ClusterNameOptions = {}): Promise<string[]> {
  try {
    const { connect } = await import('@kubectl-storage/plugin-kubernetes-storage-node');
    const timeoutMs = options.timeoutMs ?? COMPLETION_TIMEOUT_MS;
    const conn = connect({
      kubeconfig: flagValue(words, ['--kubeconfig']),
      context: flagValue(words, ['--context']),
      overrides: { server: flagValue(words, ['--server', '-s']), cluster: flagValue(words, ['--cluster']), user: flagValue(words, ['--user']) },
      requestTimeoutMs: timeoutMs,
      ...options.connect,
    });
    const namespace = flagValue(words, ['-n', '--namespace']) ?? conn.namespace;
    // Names only: the API server sends metadata, not whole objects.
    const res = await conn.get(PATHS[kind](namespace), { query: { limit: 500 }, accept: METADATA_ONLY });
    if (res.status !== 200) return [];
    const items = (res.body as { items?: { metadata?: { name?: unknown } }[] } | undefined)?.items ?? [];
    return items.map((i) => i.metadata?.name).filter((n): n is string => typeof n === 'string').sort();
  } catch {
    return [];
  }
}
