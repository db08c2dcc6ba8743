// The API resources the product reads, as the live collector, the watch loop, the dump loader and the tests' fake
// API server use them: which apiVersion/kind is which kind, its list path and scope. Derived from the kinds table
// (model/kinds.ts); nothing here is listed by hand.
import { KINDS, LISTED_KINDS, type ListedKind } from '../model/kinds';

export type { ListedKind } from '../model/kinds';

export interface ResourceInfo {
  apiVersion: string;
  kind: string;
  /** Plural resource name in the URL path (equal to the ResourceKind). */
  plural: ListedKind;
  namespaced: boolean;
}

const apiVersionOf = (group: string, version: string): string => (group === '' ? version : `${group}/${version}`);

export const RESOURCES: Readonly<Record<ListedKind, ResourceInfo>> = Object.fromEntries(
  LISTED_KINDS.map((k) => {
    const spec = KINDS[k];
    return [k, { apiVersion: apiVersionOf(spec.group, spec.version), kind: spec.kind, plural: k, namespaced: spec.namespaced }];
  }),
) as Record<ListedKind, ResourceInfo>;

/**
 * The kinds a complete analysis wants, in a fixed order (snapshot output order). Endpoints are not listed: they
 * stand in for EndpointSlices only when a cluster has no EndpointSlice API.
 */
export const ANALYSED_KINDS: ListedKind[] = LISTED_KINDS.filter((k) => !('standsInFor' in KINDS[k]));

/** `${apiVersion}/${kind}` -> ResourceKind, e.g. "apps/v1/StatefulSet" -> "statefulsets". */
export const KIND_OF: Readonly<Record<string, ListedKind>> = Object.fromEntries(
  Object.values(RESOURCES).flatMap((r) => {
    const spec = KINDS[r.plural];
    const others = 'alsoServedAs' in spec ? spec.alsoServedAs : [];
    return [r.apiVersion, ...others].map((apiVersion) => [`${apiVersion}/${r.kind}`, r.plural] as const);
  }),
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
