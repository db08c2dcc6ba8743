// The StorageReport: the one contract every face renders. `kubectl storage report -o json` prints exactly one;
// the Backstage backend returns one per entity. Changing a field here is an API change.
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
  phase: string;
  capacity?: string;
  capacityBytes?: number;
  reclaimPolicy: string;
  storageClass?: string;
  accessModes: string[];
  /** namespace/name of claimRef */
  claim?: string;
  /** Seconds since the current phase began (lastPhaseTransitionTime, else creation). */
  phaseAgeSeconds?: number;
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
  storageClass?: string;
  accessModes: string[];
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
    node?: string;
    ageSeconds?: number;
  };
  claims: OrdinalClaimView[];
  /** This ordinal is the first not-Ready one, holding back creation or the rolling update. */
  blocking: boolean;
}

export interface StatefulSetView {
  namespace: string;
  name: string;
  replicas: number;
  readyReplicas: number;
  serviceName?: string;
  /** true: headless; false: a normal Service; null: the Service is missing or unknown. */
  serviceHeadless: boolean | null;
  podManagementPolicy: string;
  updateStrategy: string;
  partition?: number;
  currentRevision?: string;
  updateRevision?: string;
  /** One entry per ordinal in [start, start+replicas), then one per leftover ordinal found above it. */
  ordinals: OrdinalView[];
  blockingOrdinal?: number;
}

export type IngressPathStatus =
  | 'OK'
  | 'NoReadyEndpoints'
  | 'ServiceMissing'
  | 'PortMissing'
  | 'ExternalName'
  | 'ResourceBackend'
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
   * The scope the snapshot was cut to (scopeSnapshot, or a namespace-limited collection). Copied to
   * report.scope; cluster-level findings (storageclass-*) are then reported only when a claim in scope is affected.
   */
  scope?: ReportScope;
}
