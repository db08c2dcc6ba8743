// A cluster given by its parts (the Backstage backend's app-config: URL, service account token, CA) as a
// one-context kubeconfig held in memory, so it connects through the same code as a kubeconfig file and the
// token never touches disk.
import type { KubeConfig } from '@kubernetes/client-node';
import { clientNode } from './kubeconfig';

export interface InlineCluster {
  name: string;
  server: string;
  token: string;
  /** Base64 PEM, as in a kubeconfig's certificate-authority-data. */
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
}

export function kubeConfigForCluster(cluster: InlineCluster): KubeConfig {
  const kc = new (clientNode().KubeConfig)();
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.server,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
        ...(cluster.caData ? { caData: cluster.caData } : {}),
        ...(cluster.caFile ? { caFile: cluster.caFile } : {}),
      },
    ],
    users: [{ name: cluster.name, token: cluster.token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: cluster.name }],
    currentContext: cluster.name,
  });
  return kc;
}
