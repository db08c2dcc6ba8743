// A cluster definition -> a read-only connection through the node package (the same code the CLI uses), so TLS,
// token and request handling are one implementation. Synchronous and offline: nothing is sent yet.
import { connect, kubeConfigForCluster, type ClusterConnection } from '@kubectl-storage/plugin-kubernetes-storage-node';
import type { ClusterDefinition } from './types';

export function connectCluster(definition: Exclude<ClusterDefinition, { type: 'snapshotFile' }>): ClusterConnection {
  switch (definition.type) {
    case 'connection':
      return definition.connect();
    case 'kubeconfig':
      return connect({ ...(definition.path ? { kubeconfig: definition.path } : {}), ...(definition.context ? { context: definition.context } : {}) });
    case 'config':
      return connect({
        kubeConfigObject: kubeConfigForCluster({
          name: definition.name,
          server: definition.url,
          token: definition.serviceAccountToken,
          skipTLSVerify: definition.skipTLSVerify,
          ...(definition.caData ? { caData: definition.caData } : {}),
          ...(definition.caFile ? { caFile: definition.caFile } : {}),
        }),
      });
  }
}
