// The one table of the kinds the product reads. Everything that names kinds derives from it: the ResourceKind
// type and the Snapshot's per-kind fields (model/snapshot.ts), emptySnapshot, the builder and the store
// (projection/assembleSnapshot.ts), RESOURCES/ANALYSED_KINDS/KIND_OF/listPath (projection/resources.ts), the
// projectors, the live collector's LIST order, the dump loader's "not in input" kinds, the fake API server of the
// tests and the read-only RBAC manifests in deploy/rbac (`npm run rbac`). Adding a kind is one entry here plus its
// projector; kinds.test.ts fails when a derived list disagrees.
import { projectIngressClass, projectNode, projectSecret } from '../projection/cluster';
import { projectCSIDriver } from '../projection/csiDriver';
import { projectEndpoints } from '../projection/endpoints';
import { boundEvents } from '../projection/boundEvents';
import { projectEndpointSlice } from '../projection/endpointSlice';
import { projectEvent } from '../projection/event';
import { projectIngress } from '../projection/ingress';
import { projectPersistentVolume } from '../projection/persistentVolume';
import { projectPersistentVolumeClaim } from '../projection/persistentVolumeClaim';
import { projectPod } from '../projection/pod';
import { projectService } from '../projection/service';
import { projectStatefulSet } from '../projection/statefulSet';
import { projectStorageClass } from '../projection/storageClass';
import { projectStatsSummary } from '../projection/volumeStats';

export type RbacVerb = 'get' | 'list' | 'watch';

/** What every read kind says about itself. */
interface KindSpecBase {
  /** The Snapshot field its objects land in. */
  field: string;
  /** Why the analysis reads it (the RBAC manifests carry it as a comment). */
  why: string;
}

/** A kind read with one paginated LIST (and, in the backend, a WATCH) of an API resource. */
export interface ListedKindSpec extends KindSpecBase {
  read: 'list';
  /** API group; '' is the core group (/api/v1). */
  group: string;
  version: string;
  /** Plural resource name in the URL path; equal to the table key. */
  resource: string;
  /** The Kind objects carry (and the dump loader recognises). */
  kind: string;
  namespaced: boolean;
  /** Raw API object -> the compact model object the Snapshot holds. */
  project(raw: unknown): { meta: { name: string } };
  /**
   * Relative size of the kind's LIST in a typical cluster: the collector lists the largest first, so the long
   * poles start early and small lists fill the gaps. Distinct values, so the order is fixed.
   */
  listCost: number;
  /** Verbs the product uses: LIST (CLI, backend), WATCH (backend), GET (a name on the command line). */
  verbs: readonly RbacVerb[];
  /** Listed as PartialObjectMetadata (the server never sends the data): Secrets. */
  metadataOnly?: true;
  /**
   * Sent with the LIST (and WATCH) as `fieldSelector`, so the server sends only what the analysis reads: Warning
   * events, never the far more numerous Normal ones.
   */
  fieldSelector?: string;
  /**
   * Other apiVersions whose objects of this Kind are the same objects (events.k8s.io/v1 Events are a view of core
   * Events): the dump loader recognises them as this kind; the live read lists only the table's group/version.
   */
  alsoServedAs?: readonly string[];
  /**
   * What the Snapshot keeps of the kind's objects, applied at assembly whichever way they came (a LIST, a watch, a
   * dump), so the same objects give the same Snapshot: Warning events only, the newest few per involved object.
   */
  keep?(objects: readonly { meta: { name: string } }[]): { meta: { name: string } }[];
  /**
   * Not read for its own sake: stands in for another kind (its objects fill that kind's field) when the API
   * server does not serve that one. Endpoints stand in for EndpointSlices on servers without discovery.k8s.io/v1.
   */
  standsInFor?: string;
}

/** A kind that is not an API resource: read from each node's kubelet through the API server's node proxy. */
export interface KubeletKindSpec extends KindSpecBase {
  read: 'kubelet';
  /** The kubelet path asked on every node that runs a pod mounting a claim. */
  path: string;
  /** One kubelet's answer -> the rows the Snapshot holds. */
  projectSummary(nodeName: string, summary: unknown): unknown[];
  /** The RBAC the proxied request needs: get on nodes/proxy (core group). */
  rbac: { group: string; resource: string; verbs: readonly RbacVerb[] };
}

export type KindSpec = ListedKindSpec | KubeletKindSpec;

const READ: readonly RbacVerb[] = ['get', 'list', 'watch'];

/**
 * The table. Key order is the order of the Snapshot's fields and of the ResourceKind enum in docs/schemas;
 * snapshot.observedKinds lists the analysed kinds in this order, then the stand-ins and volume stats.
 */
export const KINDS = {
  persistentvolumes: {
    read: 'list', group: '', version: 'v1', resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false,
    field: 'persistentVolumes', project: projectPersistentVolume, listCost: 70, verbs: READ,
    why: 'volumes: phase, reclaim policy, claim reference, node affinity',
  },
  persistentvolumeclaims: {
    read: 'list', group: '', version: 'v1', resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', namespaced: true,
    field: 'persistentVolumeClaims', project: projectPersistentVolumeClaim, listCost: 90, verbs: READ,
    why: 'claims: phase, class, size, resize status',
  },
  storageclasses: {
    read: 'list', group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', kind: 'StorageClass', namespaced: false,
    field: 'storageClasses', project: projectStorageClass, listCost: 20, verbs: READ,
    why: 'classes: the default class, binding mode, expansion',
  },
  pods: {
    read: 'list', group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true,
    field: 'pods', project: projectPod, listCost: 130, verbs: READ,
    why: 'pods: which claims are mounted where, readiness, restarts',
  },
  statefulsets: {
    read: 'list', group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true,
    field: 'statefulSets', project: projectStatefulSet, listCost: 60, verbs: READ,
    why: 'StatefulSets: ordinals, claim templates, rollouts',
  },
  services: {
    read: 'list', group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true,
    field: 'services', project: projectService, listCost: 100, verbs: READ,
    why: 'Services: Ingress backends and governing Services',
  },
  endpointslices: {
    read: 'list', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true,
    field: 'endpointSlices', project: projectEndpointSlice, listCost: 120, verbs: READ,
    why: 'EndpointSlices: ready endpoints behind an Ingress backend',
  },
  events: {
    read: 'list', group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true,
    field: 'events', project: projectEvent, listCost: 125, verbs: READ, fieldSelector: 'type=Warning',
    // core/v1, not events.k8s.io/v1: the same stored objects (so never both), served by every API server the
    // product supports, written by the kubelet and the controllers' recorders, and what kubectl get events reads.
    alsoServedAs: ['events.k8s.io/v1'], keep: boundEvents,
    why: 'Warning events only (fieldSelector type=Warning): probe, attach, mount, provisioning, scheduling and resize failures behind findings',
  },
  endpoints: {
    read: 'list', group: '', version: 'v1', resource: 'endpoints', kind: 'Endpoints', namespaced: true,
    field: 'endpointSlices', project: projectEndpoints, listCost: 110, verbs: READ, standsInFor: 'endpointslices',
    why: 'Endpoints: stand in for EndpointSlices on API servers without discovery.k8s.io/v1',
  },
  ingresses: {
    read: 'list', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true,
    field: 'ingresses', project: projectIngress, listCost: 50, verbs: READ,
    why: 'Ingresses: host/path -> Service chains, TLS',
  },
  ingressclasses: {
    read: 'list', group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false,
    field: 'ingressClasses', project: projectIngressClass, listCost: 10, verbs: READ,
    why: 'IngressClasses: the default class, controllers',
  },
  csidrivers: {
    read: 'list', group: 'storage.k8s.io', version: 'v1', resource: 'csidrivers', kind: 'CSIDriver', namespaced: false,
    field: 'csiDrivers', project: projectCSIDriver, listCost: 5, verbs: READ,
    why: 'CSIDrivers: whether a driver\'s volumes are attached (Multi-Attach)',
  },
  nodes: {
    read: 'list', group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false,
    field: 'nodes', project: projectNode, listCost: 40, verbs: READ,
    why: 'nodes: volumes pinned to nodes that are gone or not ready',
  },
  secrets: {
    read: 'list', group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true,
    field: 'secrets', project: projectSecret, listCost: 80, verbs: READ, metadataOnly: true,
    why: 'Secrets, as metadata only: the TLS Secrets Ingresses name',
  },
  volumestats: {
    read: 'kubelet', path: '/stats/summary', field: 'volumeStats', projectSummary: projectStatsSummary,
    rbac: { group: '', resource: 'nodes/proxy', verbs: ['get'] },
    why: 'kubelet volume stats (used bytes) through the node proxy',
  },
} as const satisfies Record<string, KindSpec>;

type Kinds = typeof KINDS;

/** The kinds the product reads. Values are the plural resource names kubectl uses. */
export type ResourceKind = keyof Kinds & string;

/** The kinds read by a LIST of an API resource (every kind but kubelet volume stats). */
export type ListedKind = { [K in ResourceKind]: Kinds[K] extends { read: 'list' } ? K : never }[ResourceKind];

/** The model object (or row) one kind's Snapshot field holds. */
export type KindRow<K extends ResourceKind> = Kinds[K] extends { project(raw: unknown): infer T }
  ? T
  : Kinds[K] extends { projectSummary(node: string, summary: unknown): (infer R)[] }
    ? R
    : never;

/** Kinds that fill a Snapshot field of their own (Endpoints share the EndpointSlices field). */
type OwnFieldKind = { [K in ResourceKind]: Kinds[K] extends { standsInFor: string } ? never : K }[ResourceKind];

/** The Snapshot's per-kind lists, one field per kind, named by the table. */
export type SnapshotKindLists = { [K in OwnFieldKind as Kinds[K]['field']]: KindRow<K>[] };

/** The name of a Snapshot field that holds one kind's objects. */
export type SnapshotKindField = keyof SnapshotKindLists;

export const RESOURCE_KINDS = Object.keys(KINDS) as ResourceKind[];

export const kindSpec = <K extends ResourceKind>(kind: K): Kinds[K] => KINDS[kind];

export const isListed = (kind: ResourceKind): kind is ListedKind => KINDS[kind].read === 'list';

export const LISTED_KINDS: readonly ListedKind[] = RESOURCE_KINDS.filter(isListed);

/** Every Snapshot field of a kind, in table order, with the kind whose objects fill it. */
export const SNAPSHOT_FIELDS: readonly { field: SnapshotKindField; kind: OwnFieldKind }[] = RESOURCE_KINDS.filter(
  (k): k is OwnFieldKind => !('standsInFor' in KINDS[k]),
).map((kind) => ({ kind, field: KINDS[kind].field as SnapshotKindField }));

/** The order a live collection lists kinds in: largest LIST first (see listCost). */
export const LIST_ORDER: readonly ListedKind[] = [...LISTED_KINDS].sort((a, b) => KINDS[b].listCost - KINDS[a].listCost);

/**
 * API reads outside the kinds: the namespaces a collector falls back to when a namespaced kind is forbidden
 * cluster-wide, and the names `-n` completes (metadata-only LISTs).
 */
export const AUXILIARY_READS: readonly { group: string; resource: string; verbs: readonly RbacVerb[]; namespaced: boolean; why: string }[] = [
  { group: '', resource: 'namespaces', verbs: ['get', 'list'], namespaced: false, why: 'namespaces: completion of -n, and where to read a kind forbidden cluster-wide' },
];
