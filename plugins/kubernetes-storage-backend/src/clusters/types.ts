// What a cluster is to this plugin: a name and one way to read it. Suppliers (the config, or an adopter's own
// through the extension point) hand out these definitions; feeds turn them into answers.
import type { ClusterConnection } from '@kubectl-storage/plugin-kubernetes-storage-node';

/** A cluster from kubernetes.clusterLocatorMethods (type config): API server URL and a service account token. */
export interface ConfigClusterDefinition {
  type: 'config';
  name: string;
  url: string;
  serviceAccountToken: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
}

/** A kubeconfig context, for development against a cluster the developer can reach. */
export interface KubeconfigClusterDefinition {
  type: 'kubeconfig';
  name: string;
  path?: string;
  context?: string;
}

/** kubectl get -o json|yaml dumps, loaded once: demos and tests. Never changes, never fails after loading. */
export interface SnapshotFileClusterDefinition {
  type: 'snapshotFile';
  name: string;
  paths: string[];
}

/** An adopter's own way to reach a cluster (another auth provider, say): anything that can GET from it. */
export interface ConnectionClusterDefinition {
  type: 'connection';
  name: string;
  connect(): ClusterConnection;
}

export type ClusterDefinition =
  | ConfigClusterDefinition
  | KubeconfigClusterDefinition
  | SnapshotFileClusterDefinition
  | ConnectionClusterDefinition;

/** Adds clusters; registered through kubernetesStorageClustersExtensionPoint. Called once at start-up. */
export interface KubernetesStorageClusterSupplier {
  getClusters(): Promise<ClusterDefinition[]>;
}
