// The REST client: the backend's base URL from discovery (plugin id 'kubernetes-storage'), requests through
// fetchApi so the user's Backstage token goes along. Non-2xx answers become ResponseErrors, which
// ResponseErrorPanel renders with the backend's own error body.
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterListResponse,
  EntityStorageResponse,
  FindingCatalogResponse,
} from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import type { KubernetesStorageApi } from './KubernetesStorageApi';

/** The backend plugin's id, as registered by createBackendPlugin and resolved by the discovery service. */
export const BACKEND_PLUGIN_ID = 'kubernetes-storage';

export class KubernetesStorageClient implements KubernetesStorageApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityStorage(entity: CompoundEntityRef, options?: { signal?: AbortSignal }): Promise<EntityStorageResponse> {
    // Entity names may hold characters that are not path-safe; each segment is encoded on its own.
    const path = ['v1', 'entity', entity.kind, entity.namespace, entity.name].map(encodeURIComponent).join('/');
    return this.get(path, options?.signal);
  }

  getClusters(options?: { signal?: AbortSignal }): Promise<ClusterListResponse> {
    return this.get('v1/clusters', options?.signal);
  }

  getCatalog(options?: { signal?: AbortSignal }): Promise<FindingCatalogResponse> {
    return this.get('v1/catalog', options?.signal);
  }

  private async get<T>(path: string, signal?: AbortSignal): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(BACKEND_PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}/${path}`, { signal, headers: { accept: 'application/json' } });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}
