// The Snapshot: compact projections of the API objects one analysis needs. Collectors (live or dump) build it;
// nothing downstream of the projection ever sees a raw API object. Keep fields minimal: at 50,000 pods every
// field here costs memory in the CLI and in the Backstage backend's cache.
import type { ResourceKind, SnapshotKindLists } from './kinds';
import type { ContainerProbes, TemplateContainer } from './probes';

// The kinds and the Snapshot's per-kind fields come from the kinds table (model/kinds.ts).
export type { ResourceKind } from './kinds';

export interface OwnerRef {
  kind: string;
  name: string;
  uid?: string;
  controller?: boolean;
}

/** The metadata every projection keeps. `annotations` holds only the few keys the analyzers read. */
export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerRef[];
  finalizers?: string[];
  generation?: number;
}

/**
 * An enum field as the object wrote it: one of the values the API documents, or any other string, kept as written
 * (a newer API server, a hand-edited dump). Analyzers draw conclusions only from known values and say when a value
 * is unknown; they never rewrite it into a known one.
 */
export type OrUnknown<T extends string> = T | (string & {});

export type PersistentVolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
export type PersistentVolumeClaimPhase = 'Pending' | 'Bound' | 'Lost';
export type ReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';
export type VolumeMode = 'Filesystem' | 'Block';
export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';

export interface ClaimRef {
  namespace: string;
  name: string;
  uid?: string;
}

export interface PersistentVolume {
  meta: Meta;
  /** status.phase; Pending when the API has not set one yet. */
  phase: OrUnknown<PersistentVolumePhase>;
  /** Quantity string as in the API ("10Gi"). */
  capacity?: string;
  accessModes: string[];
  /** Filesystem when unset (the API default). */
  volumeMode: OrUnknown<VolumeMode>;
  /** Retain when unset (the API default). */
  reclaimPolicy: OrUnknown<ReclaimPolicy>;
  storageClassName?: string;
  claimRef?: ClaimRef;
  /** Backend of the volume: "csi:<driver>", "hostPath", "local", "nfs", "awsElasticBlockStore", ... */
  source: string;
  /** Where the backing data lives, for hostPath/local/nfs: the path or server:path. */
  sourcePath?: string;
  /**
   * The only nodes the volume can be used on, when its required nodeAffinity pins it to named nodes (local and
   * hostPath volumes): every nodeSelectorTerm has a kubernetes.io/hostname In expression. Undefined when any term
   * leaves the hostname open (the volume may be usable elsewhere).
   */
  nodeAffinityNodes?: string[];
  statusMessage?: string;
  statusReason?: string;
  lastPhaseTransitionTime?: string;
}

export interface PersistentVolumeClaimCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface PersistentVolumeClaim {
  meta: Meta;
  /** status.phase; Pending when unset. */
  phase: OrUnknown<PersistentVolumeClaimPhase>;
  /**
   * undefined: the field is unset, so the default StorageClass applies;
   * "": explicitly no class (binds only to class-less PVs); otherwise the class name.
   */
  storageClassName?: string;
  /** spec.resources.requests.storage */
  requestedStorage?: string;
  /** status.capacity.storage */
  capacity?: string;
  volumeName?: string;
  accessModes: string[];
  /** Filesystem when unset (the API default). */
  volumeMode: OrUnknown<VolumeMode>;
  /** The claim has a label selector for static binding. */
  hasSelector?: boolean;
  conditions?: PersistentVolumeClaimCondition[];
  /** status.allocatedResourceStatuses.storage (ControllerResizeInProgress, NodeResizePending, ...). */
  resizeStatus?: string;
}

export interface StorageClass {
  meta: Meta;
  provisioner: string;
  /** Delete when unset (the API default). */
  reclaimPolicy: OrUnknown<ReclaimPolicy>;
  /** Immediate when unset (the API default). */
  volumeBindingMode: OrUnknown<VolumeBindingMode>;
  allowVolumeExpansion: boolean;
  isDefault: boolean;
}

/**
 * A CSIDriver object (storage.k8s.io/v1, cluster-scoped, named after the driver). Only what the analysis reads:
 * whether Kubernetes attaches the driver's volumes to a node before mounting them.
 */
export interface CSIDriver {
  meta: Meta;
  /**
   * spec.attachRequired. The API defaults it to true; the kubelet and the attach/detach controller skip attaching
   * only when it is false. A driver with no CSIDriver object is attached too.
   */
  attachRequired: boolean;
}

export type PodVolumeKind =
  | 'persistentVolumeClaim'
  | 'ephemeral'
  | 'emptyDir'
  | 'hostPath'
  | 'configMap'
  | 'secret'
  | 'projected'
  | 'downwardAPI'
  | 'gitRepo'
  | 'nfs'
  | 'csi'
  | 'other';

export interface PodVolume {
  name: string;
  kind: PodVolumeKind;
  /** persistentVolumeClaim: the claim; ephemeral: the generated claim `<pod>-<volume>`. */
  claimName?: string;
  /** Every container and init container that mounts the volume mounts it read-only (or the source itself is read-only). */
  readOnly?: boolean;
  /** emptyDir */
  medium?: string;
  sizeLimit?: string;
  /** hostPath path, nfs server:path */
  path?: string;
  /** The volume is mounted by at least one container (init containers included). */
  mounted?: boolean;
}

export interface ContainerState {
  name: string;
  ready: boolean;
  restartCount: number;
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  /** Waiting or terminated reason of the current state (CrashLoopBackOff, ContainerCreating, Error...). */
  reason?: string;
  lastTerminationReason?: string;
  lastTerminationExitCode?: number;
  lastTerminationTime?: string;
  /** lastState.terminated.startedAt: with lastTerminationTime, how long the last run lasted before it ended. */
  lastTerminationStartedAt?: string;
  /** The container's probes from the pod spec; absent when it has none. */
  probes?: ContainerProbes;
}

export interface Pod {
  meta: Meta;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  nodeName?: string;
  podIP?: string;
  ready: boolean;
  /**
   * lastTransitionTime of the Ready condition, when the pod is Ready: the StatefulSet controller counts a pod as
   * available once it has been Ready for spec.minReadySeconds (podutil.IsPodAvailable).
   */
  readySince?: string;
  /** PodScheduled=False reason/message (Unschedulable: "... unbound immediate PersistentVolumeClaims"). */
  unschedulableMessage?: string;
  containers: ContainerState[];
  volumes: PodVolume[];
  /** status.reason, e.g. Evicted. */
  statusReason?: string;
  startTime?: string;
  /** spec.restartPolicy when it is not Always (Never, OnFailure), as written. */
  restartPolicy?: string;
  /**
   * Set when the pod has init containers: the first appContainers entries of `containers` are spec.containers,
   * the rest init containers (the probe checks look at application containers only).
   */
  appContainers?: number;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface VolumeClaimTemplate {
  name: string;
  storageClassName?: string;
  requestedStorage?: string;
  accessModes: string[];
}

export interface StatefulSet {
  meta: Meta;
  /**
   * spec.replicas (defaults to 1), as written: a hand-made dump may hold a value the API server never accepts
   * (negative, fractional, above 2147483647); the analysis says so instead of trusting it.
   */
  replicas: number;
  /** spec.minReadySeconds (defaults to 0): how long a Ready pod must stay Ready before it counts as available. */
  minReadySeconds: number;
  /**
   * The newest metadata.managedFields time of a write to the object itself (not its status): when the spec last
   * changed, as near as the object tells. Absent when the input has no managedFields (kubectl get drops them).
   */
  specChangedAt?: string;
  serviceName?: string;
  podManagementPolicy: 'OrderedReady' | 'Parallel';
  updateStrategy: { type: 'RollingUpdate' | 'OnDelete'; partition?: number; maxUnavailable?: number | string };
  /** spec.ordinals.start (defaults to 0). */
  ordinalsStart: number;
  selector?: LabelSelector;
  volumeClaimTemplates: VolumeClaimTemplate[];
  pvcRetentionPolicy: { whenDeleted: 'Retain' | 'Delete'; whenScaled: 'Retain' | 'Delete' };
  /** spec.template.spec.volumes */
  templateVolumes: PodVolume[];
  /** spec.template.spec.containers: names and probes (the probe checks read them once per set). */
  templateContainers?: TemplateContainer[];
  status: {
    observedGeneration?: number;
    replicas: number;
    readyReplicas: number;
    currentReplicas: number;
    updatedReplicas: number;
    availableReplicas: number;
    currentRevision?: string;
    updateRevision?: string;
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol: string;
}

export interface Service {
  meta: Meta;
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  clusterIP?: string;
  /** clusterIP: None */
  headless: boolean;
  selector?: Record<string, string>;
  ports: ServicePort[];
  externalName?: string;
}

export interface EndpointSlicePort {
  name?: string;
  port?: number;
  protocol?: string;
}

export interface EndpointSliceEndpoint {
  /** conditions.ready; nil means ready (API semantics). */
  ready: boolean;
  serving?: boolean;
  terminating?: boolean;
  addresses: string[];
  nodeName?: string;
  /** targetRef of kind Pod */
  podName?: string;
}

/** EndpointSlices, or Endpoints projected into the same shape when the EndpointSlice API is unavailable. */
export interface EndpointSlice {
  meta: Meta;
  /** The kubernetes.io/service-name label (or the Endpoints object's name). */
  serviceName: string;
  addressType: string;
  ports: EndpointSlicePort[];
  endpoints: EndpointSliceEndpoint[];
  origin: 'EndpointSlice' | 'Endpoints';
}

export interface IngressBackend {
  service?: { name: string; portNumber?: number; portName?: string };
  resource?: { kind: string; name: string; apiGroup?: string };
}

export interface IngressPath {
  path?: string;
  pathType: string;
  backend: IngressBackend;
}

export interface Ingress {
  meta: Meta;
  ingressClassName?: string;
  /** The deprecated kubernetes.io/ingress.class annotation, when set. */
  legacyClassAnnotation?: string;
  defaultBackend?: IngressBackend;
  rules: { host?: string; paths: IngressPath[] }[];
  tls: { hosts: string[]; secretName?: string }[];
  /** status.loadBalancer.ingress ip or hostname values. */
  loadBalancer: string[];
}

export interface IngressClass {
  meta: Meta;
  controller: string;
  isDefault: boolean;
}

export interface Node {
  meta: Meta;
  ready: boolean;
  unschedulable: boolean;
}

/** Secrets are read as metadata only (name and type), never their data. */
export interface SecretRef {
  meta: Meta;
  type?: string;
}

/** One PVC's usage as the kubelet reports it in /stats/summary. Absent numbers mean the driver reports none. */
export interface VolumeStats {
  namespace: string;
  claimName: string;
  podName: string;
  nodeName: string;
  usedBytes?: number;
  capacityBytes?: number;
  availableBytes?: number;
  inodesUsed?: number;
  inodes?: number;
}

/**
 * Why something is not (fully) read. 'not-in-input': a dump holds no objects of the kind; 'not-synced': a live
 * store has not finished its first LIST of the kind yet.
 */
export type IncompleteReason = 'forbidden' | 'unauthorized' | 'not-found' | 'timeout' | 'error' | 'not-in-input' | 'not-synced';

/** Something that could not be read. The report says so instead of pretending it saw everything. */
export interface IncompleteEntry {
  kind: ResourceKind;
  /** Set when only this namespace (or node, for volumestats) could not be read. */
  namespace?: string;
  node?: string;
  reason: IncompleteReason;
  message: string;
  /**
   * For a cluster-wide entry: the namespaces that were read one by one instead (RBAC that allows some namespaces
   * only). Conclusions may still be drawn there; everywhere else the kind counts as unread.
   */
  readNamespaces?: string[];
  /** ISO time since which the gap has lasted (a watched kind that keeps failing), when known. */
  since?: string;
}

export type SnapshotSource =
  | { type: 'live'; context: string; cluster?: string; server?: string; user?: string }
  | { type: 'file'; files: string[] }
  /** A cluster the Backstage backend is configured with: its name in the config, and its API server. */
  | { type: 'cluster'; name: string; server?: string };

/**
 * One list per read kind, named by the kinds table (persistentVolumes, persistentVolumeClaims, storageClasses, pods,
 * statefulSets, services, endpointSlices, ingresses, ingressClasses, csiDrivers, nodes, secrets, volumeStats): a
 * kind that was not read has an empty list, told apart from "none exist" by observedKinds and incomplete.
 */
export interface Snapshot extends SnapshotKindLists {
  source: SnapshotSource;
  /** ISO time the snapshot was taken (or the dump was loaded). Analysis ages are measured against it. */
  collectedAt: string;
  /** Namespaces the collection covered; undefined means all namespaces. */
  namespaces?: string[];
  /** Kinds that were read (fully or in part). Absence-based findings ("service missing") need the kind read. */
  observedKinds: ResourceKind[];
  incomplete: IncompleteEntry[];
}
