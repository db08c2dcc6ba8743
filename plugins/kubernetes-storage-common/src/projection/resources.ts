// The API resources the product reads: which apiVersion/kind is which ResourceKind, its list path and scope.
// The live collector builds its LIST paths from this table and the dump loader recognises objects by it.
import type { ResourceKind } from '../model/snapshot';

export type ListedKind = Exclude<ResourceKind, 'volumestats'>;

export interface ResourceInfo {
  apiVersion: string;
  kind: string;
  /** Plural resource name in the URL path (equal to the ResourceKind). */
  plural: ListedKind;
  namespaced: boolean;
}

export const RESOURCES: Record<ListedKind, ResourceInfo> = {
  persistentvolumes: { apiVersion: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false },
  persistentvolumeclaims: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true },
  storageclasses: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', plural: 'storageclasses', namespaced: false },
  pods: { apiVersion: 'v1', kind: 'Pod', plural: 'pods', namespaced: true },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true },
  services: { apiVersion: 'v1', kind: 'Service', plural: 'services', namespaced: true },
  endpointslices: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', plural: 'endpointslices', namespaced: true },
  endpoints: { apiVersion: 'v1', kind: 'Endpoints', plural: 'endpoints', namespaced: true },
  ingresses: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', plural: 'ingresses', namespaced: true },
  ingressclasses: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', plural: 'ingressclasses', namespaced: false },
  csidrivers: { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', plural: 'csidrivers', namespaced: false },
  nodes: { apiVersion: 'v1', kind: 'Node', plural: 'nodes', namespaced: false },
  secrets: { apiVersion: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
};

/**
 * The kinds a complete analysis wants, in a fixed order (snapshot output order). Endpoints are not listed: they
 * stand in for EndpointSlices only when a cluster has no EndpointSlice API.
 */
export const ANALYSED_KINDS: ListedKind[] = [
  'persistentvolumes',
  'persistentvolumeclaims',
  'storageclasses',
  'pods',
  'statefulsets',
  'services',
  'endpointslices',
  'ingresses',
  'ingressclasses',
  'csidrivers',
  'nodes',
  'secrets',
];

/** `${apiVersion}/${kind}` -> ResourceKind, e.g. "apps/v1/StatefulSet" -> "statefulsets". */
export const KIND_OF: Readonly<Record<string, ListedKind>> = Object.fromEntries(
  Object.values(RESOURCES).map((r) => [`${r.apiVersion}/${r.kind}`, r.plural]),
);

export function kindOf(apiVersion: unknown, kind: unknown): ListedKind | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  return Object.prototype.hasOwnProperty.call(KIND_OF, `${apiVersion}/${kind}`) ? KIND_OF[`${apiVersion}/${kind}`] : undefined;
}

/** The API path that lists a kind, cluster-wide or in one namespace. */
export function listPath(kind: ListedKind, namespace?: string): string {
  const r = RESOURCES[kind];
  const group = r.apiVersion === 'v1' ? '/api/v1' : `/apis/${r.apiVersion}`;
  return r.namespaced && namespace !== undefined
    ? `${group}/namespaces/${encodeURIComponent(namespace)}/${r.plural}`
    : `${group}/${r.plural}`;
}
