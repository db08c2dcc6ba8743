// What each check reads, and what each view runs: the kinds a view needs (what `kubectl storage pv` lists, what a
// portal watch must cover) are computed from its checks, never listed by hand. A check concludes nothing from a
// kind it did not get (ctx.observed), so reading less than this is safe but says less; reading more costs requests.
import { RESOURCE_KINDS, type ResourceKind } from '../model/kinds';

export interface CheckSpec {
  /** The kinds whose objects the check's conclusions rest on. */
  reads: readonly ResourceKind[];
  /** What it concludes, in a few words. */
  about: string;
}

/** Every check of the analysis, with the kinds it reads (analysis/*.ts implement them). */
export const CHECKS = {
  // analyzeVolumes: phases, reclaim policies, claim references, the ordinal a volume belongs to (claims and sets),
  // the pods that still use a deleted volume, volumes pinned to nodes that are gone.
  volumes: { reads: ['persistentvolumes', 'persistentvolumeclaims', 'statefulsets', 'pods', 'nodes'], about: 'PersistentVolumes' },
  // analyzeClaims: Lost, Pending (classes, free volumes), resize, unused and multi-node claims; CSIDrivers tell
  // whether a volume is attached at all (Multi-Attach); per-ordinal claims are the StatefulSet checks' business.
  claims: {
    reads: ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'pods', 'statefulsets', 'csidrivers'],
    about: 'PersistentVolumeClaims',
  },
  // analyzeClaims' usage part: the kubelets' volume stats of mounted claims (pvc-nearly-full, used %).
  'claim-usage': { reads: ['persistentvolumeclaims', 'pods', 'volumestats'], about: 'claim usage from the kubelets' },
  // analyzeStorageClasses: the default class, classes claims and volumes name.
  'storage-classes': { reads: ['storageclasses', 'persistentvolumeclaims', 'persistentvolumes'], about: 'StorageClasses' },
  // analyzePodVolumes: memory-backed, deprecated and node-local pod volumes (StatefulSet pods are checked by template).
  'pod-volumes': { reads: ['pods', 'statefulsets'], about: 'pod volumes' },
  // analyzeStatefulSets: ordinals with their pods, claims and volumes, the governing Service, Pending ordinal claims
  // (classes), rollouts blocked by volumes pinned to nodes that are gone.
  statefulsets: {
    reads: ['statefulsets', 'pods', 'persistentvolumeclaims', 'persistentvolumes', 'services', 'storageclasses', 'nodes'],
    about: 'StatefulSets and their ordinals',
  },
  // analyzeIngresses: host/path -> Service -> ready endpoints, classes, TLS Secrets (metadata only).
  ingresses: { reads: ['ingresses', 'ingressclasses', 'services', 'endpointslices', 'secrets'], about: 'Ingress paths' },
  // analyzeProbes: probe configuration of pods and StatefulSet templates; the kubelet's liveness events tell which
  // restarts were the probe's (pod-probe-liveness-no-startup). Pods behind an Ingress are checked where the Ingress
  // chain was read too (the report); without it they are not known to get traffic, and nothing is said of them.
  probes: { reads: ['pods', 'statefulsets', 'events'], about: 'probes' },
  // explainWithEvents: Warning events as evidence of the other checks' findings (joined by the objects those name),
  // as findings of their own where the pod or claim they are about was read and still shows the trouble, and as each
  // ordinal's latest event. One more LIST for a view: what it joins to is what the view's other checks read.
  events: { reads: ['events'], about: 'Warning events behind findings' },
  // findOrphans: Released Retain volumes (and the ordinal they belonged to), leftover ordinal claims, unused claims.
  'orphaned-volumes': { reads: ['persistentvolumes', 'statefulsets'], about: 'orphaned volumes' },
  'leftover-claims': { reads: ['statefulsets', 'persistentvolumeclaims', 'pods'], about: 'claims of ordinals scaled away' },
  'unused-claims': { reads: ['persistentvolumeclaims', 'pods', 'statefulsets'], about: 'claims no pod mounts' },
  // scopeSnapshot with -l on volumes: a selected Pending claim's default class decides which free volumes it could bind.
  'volume-selection': { reads: ['pods', 'storageclasses'], about: 'which volumes a label selector reaches' },
} as const satisfies Record<string, CheckSpec>;

export type CheckId = keyof typeof CHECKS;

export interface ViewSpec {
  /** The checks whose conclusions the view shows ('all': the whole report). */
  checks: readonly CheckId[] | 'all';
  /** Checks run as well when a label selector narrows the view. */
  withSelector?: readonly CheckId[];
}

/** The views: the CLI's data commands, and the whole report (the portal's). */
export const VIEWS = {
  report: { checks: 'all' },
  pv: { checks: ['volumes'], withSelector: ['volume-selection'] },
  pvc: { checks: ['claims', 'events'] },
  // The set, its pods, claims and volumes, and the findings about each: those of the claim and volume checks too.
  sts: { checks: ['statefulsets', 'claims', 'volumes', 'pod-volumes', 'probes', 'events'] },
  ingress: { checks: ['ingresses', 'events'] },
  usage: { checks: ['claim-usage'] },
  orphans: { checks: ['orphaned-volumes', 'leftover-claims', 'unused-claims'] },
} as const satisfies Record<string, ViewSpec>;

export type ViewName = keyof typeof VIEWS;

const CHECK_IDS = Object.keys(CHECKS) as CheckId[];

/** The kinds a set of checks reads, in kinds-table order. */
export function kindsOfChecks(checks: readonly CheckId[], order: readonly ResourceKind[]): ResourceKind[] {
  const read = new Set<ResourceKind>(checks.flatMap((c) => CHECKS[c].reads));
  return order.filter((k) => read.has(k));
}

/** The checks a view runs; with a selector, the selection's too. */
export function checksOfView(view: ViewName, options: { selector?: boolean } = {}): CheckId[] {
  const spec: ViewSpec = VIEWS[view];
  const checks = spec.checks === 'all' ? CHECK_IDS : [...spec.checks];
  return [...new Set([...checks, ...(options.selector ? (spec.withSelector ?? []) : [])])];
}

/** The kinds a view reads: what its checks read (with a selector, the selection's too), in kinds-table order. */
export function kindsOfView(view: ViewName, options: { selector?: boolean } = {}): ResourceKind[] {
  return kindsOfChecks(checksOfView(view, options), RESOURCE_KINDS);
}
