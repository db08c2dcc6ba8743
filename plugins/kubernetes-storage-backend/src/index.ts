/**
 * Backstage backend plugin: per-entity storage health (volumes, claims, StatefulSet ordinals, ingress paths)
 * from live clusters, answered from a watch-fed cache, shared across replicas. Add it with
 * `backend.add(import('@kubectl-storage/plugin-kubernetes-storage-backend'))`.
 *
 * @packageDocumentation
 */
export { kubernetesStoragePlugin as default } from './plugin';
export { kubernetesStorageClustersExtensionPoint } from './extensions';
export type { KubernetesStorageClustersExtensionPoint } from './extensions';
export type {
  ClusterDefinition,
  ConfigClusterDefinition,
  ConnectionClusterDefinition,
  KubeconfigClusterDefinition,
  KubernetesStorageClusterSupplier,
  SnapshotFileClusterDefinition,
} from './clusters/types';
export { kubernetesStorageReadPermission, kubernetesStoragePermissions } from './permissions';
// The REST answers' types (EntityStorageResponse, ClusterListResponse, FindingCatalogResponse) live in the core.
