// The Backstage backend's REST contract, shared by the backend (which answers it) and the page (which renders it).
// Types only: the page imports them through the core's browser-safe entry. Changing a field is an API change.
import type { CatalogEntry, StorageReport } from '../model/report';
import type { IncompleteReason } from '../model/snapshot';
import type { Pricing } from '../orphans/pricing';

export const STORAGE_API_VERSION = 'kubectl-storage.io/v1alpha1' as const;

/** How current one cluster's cached data is. Times are ISO strings; absent means "never". */
export interface ClusterFreshness {
  /** The newest watch event (or LIST) applied to the cluster's cache. */
  lastEventAt?: string;
  /** The last time every kind was listed in full. */
  lastResyncAt?: string;
  /** Seconds between lastEventAt/lastResyncAt (whichever is newer) and the answer; the page shows it as "data from 12s ago". */
  ageSeconds?: number;
}

export interface ClusterFailure {
  reason: IncompleteReason | 'unreachable' | 'config';
  message: string;
  /** When the cluster started failing. */
  since: string;
}

/**
 * One cluster's answer for one entity. `ok`: the report was computed from the cache (it may still name kinds it
 * could not read in report.incomplete). `failing`: the cluster cannot be read now; `report` is the last good data if
 * any (stale, see freshness), else absent. `pending`: the cache has not finished its first sync yet.
 */
export interface ClusterStorageAnswer {
  cluster: string;
  status: 'ok' | 'failing' | 'pending';
  freshness: ClusterFreshness;
  failure?: ClusterFailure;
  report?: StorageReport;
}

/** GET /v1/entity/:kind/:namespace/:name */
export interface EntityStorageResponse {
  apiVersion: typeof STORAGE_API_VERSION;
  kind: 'EntityStorage';
  /** The entity ref, e.g. "component:default/checkout". */
  entityRef: string;
  /** How the entity was mapped to cluster objects (annotations read). */
  mapping: { selector?: string; namespace?: string };
  /**
   * The backend's prices (kubernetesStorage.pricing), when it has any: each report's orphanCost is computed at
   * them, and the page prices each orphan with them (findOrphans). Absent: no costs anywhere, sizes only.
   */
  pricing?: Pricing;
  clusters: ClusterStorageAnswer[];
}

/** GET /v1/clusters */
export interface ClusterHealth {
  name: string;
  status: 'ok' | 'failing' | 'pending';
  freshness: ClusterFreshness;
  failure?: ClusterFailure;
  /** Kinds that could not be read, with why. */
  incomplete: { kind: string; reason: string; namespace?: string }[];
}

export interface ClusterListResponse {
  apiVersion: typeof STORAGE_API_VERSION;
  kind: 'ClusterList';
  items: ClusterHealth[];
}

/** GET /v1/catalog */
export interface FindingCatalogResponse {
  apiVersion: typeof STORAGE_API_VERSION;
  kind: 'FindingCatalog';
  items: CatalogEntry[];
}
