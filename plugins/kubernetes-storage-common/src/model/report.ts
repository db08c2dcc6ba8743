// The StorageReport: the one contract every face renders. `kubectl storage report -o json` prints exactly one;
// the Backstage backend returns one per entity. Changing a field here is an API change.
import type { QuantityProblem } from '../util/quantity';
import type { IncompleteEntry, SnapshotSource } from './snapshot';

export type Severity = 'critical' | 'warning' | 'info';

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Finding {
  /** Stable identifier from the catalog (kebab-case, e.g. "pv-released-retain"). */
  code: string;
  severity: Severity;
  object: ObjectRef;
  /** One sentence an on-call engineer can act on, naming the concrete objects. */
  message: string;
  /** The next step for this case (catalog's fix, specialised). */
  hint?: string;
  related?: ObjectRef[];
  /** Machine-readable facts behind the message (ages in seconds, sizes in bytes, ordinals...). */
  details?: Record<string, string | number | boolean>;
  /**
   * Warning events that explain the finding (a liveness probe failure behind a restart loop, ProvisioningFailed
   * behind a Pending claim), newest first, at most a few. Absent when none was found or events were not read.
   */
  evidence?: EventEvidence[];
}

/** One Warning event as evidence: what the responsible component said, how often, and when last. */
export interface EventEvidence {
  reason: string;
  /** The event's message, bounded in length. */
  message: string;
  count: number;
  /** ISO time of the latest occurrence. */
  lastSeen?: string;
  /** The component that wrote it (kubelet, default-scheduler, attachdetach-controller, a CSI provisioner...). */
  source?: string;
  /** The object the event is about (a pod of a StatefulSet finding, the claim of an ordinal...). */
  object: ObjectRef;
  /** The container, for a probe failure or a restart back-off ("spec.containers{app}"). */
  container?: string;
}

export interface CatalogEntry {
  code: string;
  severity: Severity;
  area: 'PersistentVolume' | 'PersistentVolumeClaim' | 'StorageClass' | 'StatefulSet' | 'Pod' | 'Ingress';
  title: string;
  /** Why it matters, for the docs and `kubectl storage explain`. */
  why: string;
  /** How to fix it. */
  fix: string;
  /**
   * The rule as the responsible controller really applies it, read from its source: what the finding's check
   * is based on. Rendered into docs/findings.md's review table.
   */
  review?: CatalogReview;
}

export interface CatalogReview {
  /** The component whose behaviour the rule follows (e.g. "PV controller", "StatefulSet controller", "kubelet"). */
  controller: string;
  /** What that component does, in one or two sentences, and so when the finding is true. */
  rule: string;
  /** Source files in kubernetes/kubernetes (or the API reference) the rule was read from. */
  sources: string[];
}

export interface StatefulSetOrdinalRef {
  namespace: string;
  statefulSet: string;
  ordinal: number;
  template: string;
}

export interface VolumeView {
  name: string;
  /** As written, known or not (a pv-unknown-value finding names unknown values). */
  phase: string;
  /** spec.capacity.storage as written. */
  capacity?: string;
  /** Absent when the capacity is missing or no usable size (see capacityProblem). */
  capacityBytes?: number;
  /** Set when capacity is written but is no usable size: unparsable, negative, or above 2^63 bytes. */
  capacityProblem?: QuantityProblem;
  reclaimPolicy: string;
  storageClass?: string;
  accessModes: string[];
  /** namespace/name of claimRef */
  claim?: string;
  /** Seconds since the current phase began (lastPhaseTransitionTime, else creation). */
  phaseAgeSeconds?: number;
  /** Absent when creationTimestamp is missing or unparsable: age unknown, so no age-based conclusion is drawn. */
  ageSeconds?: number;
  source: string;
  /** The StatefulSet ordinal whose per-ordinal claim this volume holds (or held). */
  ownerOrdinal?: StatefulSetOrdinalRef;
  message?: string;
}

export interface ClaimView {
  namespace: string;
  name: string;
  phase: string;
  volume?: string;
  capacity?: string;
  requested?: string;
  /** Set when capacity or requested is written but is no usable size (unparsable, negative, above 2^63 bytes). */
  capacityProblem?: QuantityProblem;
  requestedProblem?: QuantityProblem;
  storageClass?: string;
  accessModes: string[];
  /** Absent when creationTimestamp is missing or unparsable. */
  ageSeconds?: number;
  /** Pods that mount the claim. */
  usedBy: string[];
  ownerOrdinal?: StatefulSetOrdinalRef;
  usage?: { usedBytes?: number; capacityBytes?: number; availableBytes?: number; usedPercent?: number; nodeName?: string };
}

export interface OrdinalClaimView {
  template: string;
  name: string;
  phase?: string;
  volume?: string;
  volumePhase?: string;
  /** The claim was not found because claims could not be read in the namespace: unknown, not missing. */
  notRead?: boolean;
}

/** Unknown: pods were not readable in the namespace, so whether the ordinal's pod exists cannot be told. */
export type OrdinalStatus = 'Ready' | 'NotReady' | 'Pending' | 'Missing' | 'Terminating' | 'Leftover' | 'Unknown';

export interface OrdinalView {
  ordinal: number;
  podName: string;
  status: OrdinalStatus;
  pod?: {
    phase: string;
    ready: boolean;
    restarts: number;
    /** CrashLoopBackOff, ContainerCreating... */
    waitingReason?: string;
    lastTerminationReason?: string;
    revision?: string;
    /** The pod runs status.updateRevision. */
    updated: boolean;
    /**
     * Running and Ready for at least spec.minReadySeconds, the controller's "available" (always equal to Ready
     * when minReadySeconds is 0). False while a Ready pod waits out minReadySeconds, or when its Ready time is unknown.
     */
    available: boolean;
    node?: string;
    ageSeconds?: number;
  };
  claims: OrdinalClaimView[];
  /** This ordinal is the first not-Ready one, holding back creation or the rolling update. */
  blocking: boolean;
  /**
   * The newest Warning event about the ordinal's pod or claims that the analysis understands (probe failures,
   * restart back-off, attach, mount, provisioning, scheduling and resize failures). Absent when there is none or
   * events were not read.
   */
  latestEvent?: EventEvidence;
}

/**
 * The governing Service as read: 'missing' only when Services were read in the namespace and it is not there;
 * 'not-read' when they could not be read (forbidden, absent from a dump), so nothing is known about it.
 */
export type GoverningServiceStatus = 'headless' | 'not-headless' | 'missing' | 'not-read';

/** In-range ordinals with neither a pod nor a claim that the view does not list one by one. */
export interface ElidedOrdinals {
  count: number;
  /** Compact ranges, e.g. "100-2147483646" or "4, 9-12". */
  ranges: string;
}

export interface StatefulSetView {
  namespace: string;
  name: string;
  /** spec.replicas as written (see replicasValid). */
  replicas: number;
  /** false when spec.replicas is not an integer from 0 to 2147483647 (a value the API server never accepts). */
  replicasValid: boolean;
  readyReplicas: number;
  /** status.availableReplicas: pods Ready for at least minReadySeconds. */
  availableReplicas: number;
  minReadySeconds: number;
  serviceName?: string;
  /** true: headless; false: a normal Service; null: missing, not read or no serviceName (see serviceStatus). */
  serviceHeadless: boolean | null;
  /** Absent when the set names no governing Service. */
  serviceStatus?: GoverningServiceStatus;
  podManagementPolicy: string;
  updateStrategy: string;
  partition?: number;
  currentRevision?: string;
  updateRevision?: string;
  /**
   * Ascending: every ordinal in [start, start+replicas) that has a pod or a claim, plus Missing (or Unknown) rows
   * for the lowest ordinals that have neither, up to a fixed limit; then one per leftover ordinal outside the range.
   * The view's size follows the objects present, never spec.replicas (see ordinalsElided).
   */
  ordinals: OrdinalView[];
  /** In-range ordinals without any object beyond the listed Missing rows: counted, not listed. */
  ordinalsElided?: ElidedOrdinals;
  blockingOrdinal?: number;
}

export type IngressPathStatus =
  | 'OK'
  | 'NoReadyEndpoints'
  | 'ServiceMissing'
  | 'PortMissing'
  | 'ExternalName'
  | 'ResourceBackend'
  /**
   * spec.ingressClassName names an IngressClass that does not exist (ingress-class-unknown): no controller
   * serves the Ingress, so no path of it answers, whatever its backend looks like.
   */
  | 'NoController'
  /** The chain could not be checked: Services, or EndpointSlices and Endpoints, were not read. */
  | 'Unknown';

export interface IngressPathView {
  namespace: string;
  ingress: string;
  ingressClass?: string;
  /** "*" when the rule has no host; "(default)" for spec.defaultBackend. */
  host: string;
  path: string;
  pathType?: string;
  service?: string;
  /** The backend port as written: a number or a name. */
  port?: string;
  readyEndpoints: number;
  notReadyEndpoints: number;
  status: IngressPathStatus;
  /** The backend's own status when status is NoController (what the path would be if a controller served it). */
  backendStatus?: IngressPathStatus;
  tls: boolean;
  address?: string;
}

export interface StorageClassView {
  name: string;
  provisioner: string;
  reclaimPolicy: string;
  volumeBindingMode: string;
  allowVolumeExpansion: boolean;
  isDefault: boolean;
  claims: number;
  volumes: number;
}

export interface ReportSummary {
  findings: Record<Severity, number>;
  volumes: { total: number; byPhase: Record<string, number>; orphaned: number; orphanedBytes: number };
  claims: { total: number; byPhase: Record<string, number> };
  statefulSets: { total: number; healthy: number };
  ingresses: { total: number; paths: number; failingPaths: number };
}

export interface ReportScope {
  namespaces?: string[];
  /** kubectl label selector syntax, as given. */
  selector?: string;
}

export interface StorageReport {
  apiVersion: 'kubectl-storage.io/v1alpha1';
  kind: 'StorageReport';
  source: SnapshotSource;
  generatedAt: string;
  scope?: ReportScope;
  summary: ReportSummary;
  /** Most severe first, then by namespace, kind, name. */
  findings: Finding[];
  volumes: VolumeView[];
  claims: ClaimView[];
  storageClasses: StorageClassView[];
  statefulSets: StatefulSetView[];
  ingresses: IngressPathView[];
  incomplete: IncompleteEntry[];
  /**
   * What the orphaned storage costs (Released Retain volumes, leftover StatefulSet claims, unused claims), present
   * only when prices were given (`--pricing`, the backend's kubernetesStorage.pricing): never a made-up price.
   */
  orphanCost?: OrphanCost;
}

/** findOrphans' totals at the given prices (orphans/findOrphans.ts). */
export interface OrphanCost {
  currency: string;
  /** Per month; the sum of unrounded costs rounded to cents. Absent when no orphan had a price. */
  monthlyCost?: number;
  count: number;
  bytes: number;
  /** Orphans without a price (no price for their class, or no known size). */
  unpriced: number;
  byNamespace: { namespace: string; count: number; bytes: number; monthlyCost?: number; unpriced: number }[];
}

export interface AnalyzeOptions {
  /** "Now" for ages; defaults to the snapshot's collectedAt so a dump gives the same report every time. */
  now?: Date;
  /** An Available PV older than this is reported (pv-available-long). Default 7 days. */
  availableAfterSeconds?: number;
  /** A PV/PVC with a deletionTimestamp older than this is stuck. Default 10 minutes. */
  terminatingAfterSeconds?: number;
  /** A Pending claim younger than this is still settling. Default 5 minutes. */
  pendingGraceSeconds?: number;
  /** Restart count from which a not-Ready pod is in a restart loop. Default 5. */
  restartLoopThreshold?: number;
  /** Used percentage from which a claim is nearly full. Default 90. */
  nearlyFullPercent?: number;
  /**
   * How long a StatefulSet ordinal may be without a pod before sts-ordinal-missing says the controller is not
   * creating it, measured from when the controller could have created it (the set's creation, or for
   * OrderedReady the moment the ordinal below became available). Default 5 minutes.
   */
  missingOrdinalGraceSeconds?: number;
  /**
   * How long status.observedGeneration may lag metadata.generation before sts-generation-lag fires, measured
   * from the last spec write (managedFields). The controller observes a new generation within seconds. Default 5 minutes.
   */
  generationLagGraceSeconds?: number;
  /**
   * The scope the snapshot was cut to (scopeSnapshot, or a namespace-limited collection). Copied to
   * report.scope; cluster-level findings (storageclass-*) are then reported only when a claim in scope is affected.
   */
  scope?: ReportScope;
}
