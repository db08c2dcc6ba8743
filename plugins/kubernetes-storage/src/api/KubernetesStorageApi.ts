// The page's view of the backend plugin: one call per REST route of the contract in the core
// (api/entityStorage.ts). Components depend on this interface, so tests and adopters can swap the client.
import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ClusterListResponse,
  EntityStorageResponse,
  FindingCatalogResponse,
} from '@kubectl-storage/plugin-kubernetes-storage-common/light';

export interface KubernetesStorageApi {
  /** GET /v1/entity/:kind/:namespace/:name: one answer per cluster, each ok, failing or pending. */
  getEntityStorage(entity: CompoundEntityRef, options?: { signal?: AbortSignal }): Promise<EntityStorageResponse>;
  /** GET /v1/clusters: the health of each cluster's cache. */
  getClusters(options?: { signal?: AbortSignal }): Promise<ClusterListResponse>;
  /** GET /v1/catalog: every finding code with its explanation and fix. */
  getCatalog(options?: { signal?: AbortSignal }): Promise<FindingCatalogResponse>;
}

export const kubernetesStorageApiRef = createApiRef<KubernetesStorageApi>({
  id: 'plugin.kubernetes-storage.service',
});
