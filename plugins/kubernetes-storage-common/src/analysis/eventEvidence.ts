// Warning events put to work: attached as evidence to the finding they explain (a liveness failure behind a
// restart loop, ProvisioningFailed behind a Pending claim, Multi-Attach behind a claim used on two nodes), reported
// as their own finding where nothing else explains the object and its state still shows the trouble, and the
// newest one per StatefulSet ordinal for the ordinal views. Linear: every lookup goes through the index.
import type { EventEvidence, Finding, ObjectRef, OrdinalView, StatefulSetView } from '../model/report';
import type { ContainerState, PersistentVolumeClaim, Pod } from '../model/snapshot';
import { quantityBytes } from '../util/quantity';
import { humanizeAge } from '../util/time';
import type { AnalysisContext } from './context';
import { containerOf, eventsAbout, type EventCategory, type IndexedEvent } from './eventIndex';
import { probeTarget } from './probeConfig';
import { refOf } from './refs';
import { key } from './snapshotIndex';
import { workloadPods } from './workloadPods';

type Draft = Omit<Finding, 'severity'>;

/** Evidence entries per finding: the newest few say what is going on; the rest repeat it. */
export const MAX_EVIDENCE = 3;

const PROBES: EventCategory[] = ['liveness', 'readiness', 'startup', 'backoff'];
const VOLUMES_ON_NODE: EventCategory[] = ['attach', 'multi-attach', 'mount'];
const POD_TROUBLE: EventCategory[] = [...PROBES, ...VOLUMES_ON_NODE, 'scheduling-volume'];
const CLAIM_TROUBLE: EventCategory[] = ['provisioning', 'resize'];

interface Explains {
  categories: ReadonlySet<EventCategory>;
  /** Also read the events of the pods that use the finding's claims (the scheduler writes about pods, not claims). */
  podsOfClaims?: boolean;
  /** Also read the not-ready endpoints' pods of the finding's Services (readiness behind an Ingress path). */
  podsOfServices?: boolean;
  /** Also read the events of the claims of the finding's pods (ProvisioningFailed behind a Pending ordinal). */
  claimsOfPods?: boolean;
}

const explains = (categories: EventCategory[], more: Omit<Explains, 'categories'> = {}): Explains => ({ categories: new Set(categories), ...more });

/**
 * Which events explain which finding. Codes not listed take none: an event joins a finding only where the finding's
 * rule and the event's cause are the same trouble (a ProvisioningFailed says nothing about pvc-unused).
 */
const EXPLAINS: Record<string, Explains> = {
  'pod-restart-loop': explains(['liveness', 'startup', 'backoff']),
  'pod-probe-liveness-no-startup': explains(['liveness', 'startup', 'backoff']),
  'sts-ordinal-not-ready': explains([...POD_TROUBLE, ...CLAIM_TROUBLE], { claimsOfPods: true }),
  'sts-rollout-blocked': explains([...POD_TROUBLE, ...CLAIM_TROUBLE], { claimsOfPods: true }),
  'pvc-pending-provisioning': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-pending-no-match': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-pending-class-missing': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-pending-no-default-class': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-pending-wait-for-consumer': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-pending-consumer-waiting': explains(['provisioning', 'scheduling-volume'], { podsOfClaims: true }),
  'pvc-rwo-multi-node': explains(VOLUMES_ON_NODE, { podsOfClaims: true }),
  'pvc-rwo-several-nodes': explains(VOLUMES_ON_NODE, { podsOfClaims: true }),
  'pvc-resize-pending': explains(['resize']),
  'pvc-capacity-below-request': explains(['resize']),
  'pvc-resize-on-next-mount': explains(['resize']),
  'pv-node-gone': explains(VOLUMES_ON_NODE, { podsOfClaims: true }),
  'ingress-no-ready-endpoints': explains(['readiness', 'liveness', 'startup', 'backoff'], { podsOfServices: true }),
};

export function toEvidence(e: IndexedEvent): EventEvidence {
  const s = e.event.involvedObject;
  const container = containerOf(e.event);
  return {
    reason: e.event.reason,
    message: e.event.message,
    count: e.event.count,
    ...(e.event.lastTime ? { lastSeen: e.event.lastTime } : {}),
    ...(e.event.source ? { source: e.event.source } : {}),
    object: { kind: s.kind, name: s.name, ...(s.namespace ? { namespace: s.namespace } : {}) },
    ...(container ? { container } : {}),
  };
}

class EventJoin {
  readonly used = new Set<IndexedEvent>();
  constructor(private readonly ctx: AnalysisContext) {}

  /** Events about an object the snapshot holds, of this incarnation (uid) when the object is known. */
  about(ref: ObjectRef): IndexedEvent[] {
    const { index } = this.ctx;
    const uid =
      ref.kind === 'Pod'
        ? index.podByKey.get(key(ref.namespace, ref.name))?.meta.uid
        : ref.kind === 'PersistentVolumeClaim'
          ? index.pvcByKey.get(key(ref.namespace, ref.name))?.meta.uid
          : undefined;
    return eventsAbout(this.ctx, { ...ref, ...(uid ? { uid } : {}) });
  }

  /** The objects whose events may explain the finding: its own, its related ones, and the rule's extras. */
  subjects(f: Draft, rule: Explains): ObjectRef[] {
    const { index } = this.ctx;
    const refs = new Map<string, ObjectRef>();
    const add = (r: ObjectRef): void => {
      refs.set(`${r.kind}/${r.namespace ?? ''}/${r.name}`, r);
    };
    for (const r of [f.object, ...(f.related ?? [])]) add(r);
    for (const r of [...refs.values()]) {
      if (rule.podsOfClaims && r.kind === 'PersistentVolumeClaim') {
        for (const p of index.podsByClaim.get(key(r.namespace, r.name)) ?? []) add(refOf('Pod', p.meta));
      }
      if (rule.claimsOfPods && r.kind === 'Pod') {
        const pod = index.podByKey.get(key(r.namespace, r.name));
        for (const v of pod?.volumes ?? []) if (v.claimName) add({ kind: 'PersistentVolumeClaim', name: v.claimName, ...(r.namespace ? { namespace: r.namespace } : {}) });
      }
      if (rule.podsOfServices && r.kind === 'Service') {
        for (const slice of index.slicesByService.get(key(r.namespace, r.name)) ?? []) {
          for (const ep of slice.endpoints) if (!ep.ready && ep.podName) add({ kind: 'Pod', name: ep.podName, ...(r.namespace ? { namespace: r.namespace } : {}) });
        }
      }
    }
    return [...refs.values()];
  }

  /** Attaches the newest explaining events to the finding and marks every explaining event as used. */
  attach(f: Draft): void {
    const rule = EXPLAINS[f.code];
    if (!rule) return;
    const subjects = this.subjects(f, rule);
    const found: IndexedEvent[] = [];
    for (const s of subjects) for (const e of this.about(s)) if (rule.categories.has(e.category)) found.push(e);
    if (!found.length) return;
    for (const e of found) this.used.add(e);
    found.sort((a, b) => b.lastMs - a.lastMs);
    const seen = new Set<string>();
    const evidence: EventEvidence[] = [];
    for (const e of found) {
      const s = e.event.involvedObject;
      const k = `${s.kind}/${s.namespace ?? ''}/${s.name} ${e.event.reason} ${e.event.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      evidence.push(toEvidence(e));
      if (evidence.length === MAX_EVIDENCE) break;
    }
    f.evidence = evidence;
  }
}

function ago(ctx: AnalysisContext, e: IndexedEvent): string {
  return Number.isFinite(e.lastMs) ? `, last ${humanizeAge(Math.max(0, (ctx.nowMs - e.lastMs) / 1000))} ago` : '';
}

const times = (n: number): string => (n === 1 ? 'once' : `${n} times`);

/** The pod has not started its containers yet: it waits for its volumes (ContainerCreating). */
const notStarted = (pod: Pod): boolean => pod.phase === 'Pending' && !pod.containers.some((c) => c.state === 'running' || c.state === 'terminated');

function containerNamed(pod: Pod, name: string | undefined): ContainerState | undefined {
  return name === undefined ? undefined : pod.containers.find((c) => c.name === name);
}

function podContext(ctx: AnalysisContext, pod: Pod): ObjectRef[] {
  const sts = ctx.index.ordinalOfPod(pod)?.statefulSet;
  const claims = pod.volumes.flatMap((v) => (v.claimName ? [{ kind: 'PersistentVolumeClaim', name: v.claimName, ...(pod.meta.namespace ? { namespace: pod.meta.namespace } : {}) }] : []));
  return [...(sts ? [refOf('StatefulSet', sts.meta)] : []), ...claims];
}

function probeFinding(ctx: AnalysisContext, pod: Pod, events: IndexedEvent[], which: 'liveness' | 'readiness'): Draft | undefined {
  const newest = events[0];
  const container = containerNamed(pod, containerOf(newest.event));
  const restartsOf = container ? container.restartCount : pod.containers.reduce((n, c) => n + c.restartCount, 0);
  // A liveness failure matters once it has restarted the container; a readiness failure while the pod is not Ready.
  if (which === 'liveness' ? restartsOf === 0 : pod.ready) return undefined;
  const ns = pod.meta.namespace;
  const probe = newest.category === 'startup' ? container?.probes?.startup : container?.probes?.[which];
  const probeName = newest.category === 'startup' ? 'startup' : which;
  const total = events.reduce((n, e) => n + e.event.count, 0);
  const what = container ? `container ${container.name}` : 'a container';
  const target = probe ? ` (${probeTarget(probe)})` : '';
  const restarts = restartsOf;
  const consequence =
    which === 'liveness' ? `the kubelet restarted ${container ? 'it' : 'its containers'} ${times(restarts)}` : 'the pod is not Ready and gets no traffic';
  return {
    code: which === 'liveness' ? 'pod-liveness-probe-failing' : 'pod-readiness-probe-failing',
    object: refOf('Pod', pod.meta),
    message:
      `Pod ${ns}/${pod.meta.name}: ${what} failed its ${probeName} probe${target} ${times(total)}${ago(ctx, newest)}: ` +
      `"${newest.event.message}"; ${consequence}.`,
    hint:
      which === 'liveness'
        ? `kubectl logs -n ${ns} ${pod.meta.name}${container ? ` -c ${container.name}` : ''} --previous`
        : `kubectl describe pod -n ${ns} ${pod.meta.name}`,
    related: podContext(ctx, pod),
    details: {
      ...(container ? { container: container.name, restarts: container.restartCount } : {}),
      probe: probeName,
      failures: total,
      ...(probe ? { target: probeTarget(probe) } : {}),
    },
    evidence: events.slice(0, MAX_EVIDENCE).map(toEvidence),
  };
}

function volumeFinding(ctx: AnalysisContext, pod: Pod, events: IndexedEvent[], code: 'pod-volume-attach-failed' | 'pod-volume-mount-failed' | 'pod-unschedulable-volume'): Draft {
  const newest = events[0];
  const ns = pod.meta.namespace;
  const total = events.reduce((n, e) => n + e.event.count, 0);
  const state =
    code === 'pod-unschedulable-volume' ? 'is not scheduled' : code === 'pod-volume-attach-failed' ? 'waits for a volume to be attached' : 'waits for a volume to be mounted';
  const source = newest.event.source ? `${newest.event.source}: ` : '';
  return {
    code,
    object: refOf('Pod', pod.meta),
    message: `Pod ${ns}/${pod.meta.name} ${state}: ${source}${newest.event.reason} "${newest.event.message}" (${times(total)}${ago(ctx, newest)}).`,
    hint: `kubectl describe pod -n ${ns} ${pod.meta.name}`,
    related: podContext(ctx, pod),
    details: { reason: newest.event.reason, failures: total, ...(newest.category === 'multi-attach' ? { multiAttach: true } : {}) },
    evidence: events.slice(0, MAX_EVIDENCE).map(toEvidence),
  };
}

function claimFinding(ctx: AnalysisContext, claim: PersistentVolumeClaim, events: IndexedEvent[], code: 'pvc-provisioning-failed' | 'pvc-resize-failed'): Draft | undefined {
  if (code === 'pvc-provisioning-failed' && claim.phase !== 'Pending') return undefined;
  if (code === 'pvc-resize-failed') {
    const requested = quantityBytes(claim.requestedStorage);
    const capacity = quantityBytes(claim.capacity);
    if (requested === undefined || capacity === undefined || requested <= capacity) return undefined;
  }
  const newest = events[0];
  const ns = claim.meta.namespace;
  const total = events.reduce((n, e) => n + e.event.count, 0);
  const state = code === 'pvc-provisioning-failed' ? 'is Pending' : `asks for ${claim.requestedStorage} but has ${claim.capacity}`;
  const source = newest.event.source ? `${newest.event.source}: ` : '';
  return {
    code,
    object: refOf('PersistentVolumeClaim', claim.meta),
    message: `PersistentVolumeClaim ${ns}/${claim.meta.name} ${state}: ${source}${newest.event.reason} "${newest.event.message}" (${times(total)}${ago(ctx, newest)}).`,
    hint: `kubectl describe pvc -n ${ns} ${claim.meta.name}`,
    ...(claim.storageClassName ? { related: [{ kind: 'StorageClass', name: claim.storageClassName }] } : {}),
    details: { reason: newest.event.reason, failures: total },
    evidence: events.slice(0, MAX_EVIDENCE).map(toEvidence),
  };
}

function byCategory(events: IndexedEvent[]): Map<EventCategory, IndexedEvent[]> {
  const out = new Map<EventCategory, IndexedEvent[]>();
  for (const e of events) {
    const list = out.get(e.category);
    if (list) list.push(e);
    else out.set(e.category, [e]);
  }
  return out;
}

function ownFindings(ctx: AnalysisContext, join: EventJoin): Draft[] {
  const out: Draft[] = [];
  const pods = workloadPods(ctx);
  for (const pod of ctx.snapshot.pods) {
    if (pod.meta.deletionTimestamp) continue;
    const fresh = join.about(refOf('Pod', pod.meta)).filter((e) => !join.used.has(e));
    if (!fresh.length) continue;
    const cats = byCategory(fresh);
    const relevant = pods.relevant(pod);
    const liveness = [...(cats.get('liveness') ?? []), ...(cats.get('startup') ?? [])].sort((a, b) => b.lastMs - a.lastMs);
    const found = [
      relevant && liveness.length ? probeFinding(ctx, pod, liveness, 'liveness') : undefined,
      relevant && cats.get('readiness') ? probeFinding(ctx, pod, cats.get('readiness')!, 'readiness') : undefined,
    ];
    if (notStarted(pod) && pod.nodeName) {
      const attach = [...(cats.get('multi-attach') ?? []), ...(cats.get('attach') ?? [])].sort((a, b) => b.lastMs - a.lastMs);
      if (attach.length) found.push(volumeFinding(ctx, pod, attach, 'pod-volume-attach-failed'));
      else if (cats.get('mount')) found.push(volumeFinding(ctx, pod, cats.get('mount')!, 'pod-volume-mount-failed'));
    }
    if (pod.phase === 'Pending' && !pod.nodeName && cats.get('scheduling-volume')) {
      found.push(volumeFinding(ctx, pod, cats.get('scheduling-volume')!, 'pod-unschedulable-volume'));
    }
    for (const f of found) if (f) out.push(f);
  }
  for (const claim of ctx.snapshot.persistentVolumeClaims) {
    if (claim.meta.deletionTimestamp) continue;
    const fresh = join.about(refOf('PersistentVolumeClaim', claim.meta)).filter((e) => !join.used.has(e));
    if (!fresh.length) continue;
    const cats = byCategory(fresh);
    const found = [
      cats.get('provisioning') ? claimFinding(ctx, claim, cats.get('provisioning')!, 'pvc-provisioning-failed') : undefined,
      cats.get('resize') ? claimFinding(ctx, claim, cats.get('resize')!, 'pvc-resize-failed') : undefined,
    ];
    for (const f of found) if (f) out.push(f);
  }
  return out;
}

/** The newest understood event about the ordinal's pod (this incarnation) or its claims. */
function latestOfOrdinal(join: EventJoin, namespace: string, o: OrdinalView): EventEvidence | undefined {
  let newest: IndexedEvent | undefined;
  const consider = (list: IndexedEvent[]): void => {
    for (const e of list) if (!newest || e.lastMs > newest.lastMs) newest = e;
  };
  if (o.pod) consider(join.about({ kind: 'Pod', namespace, name: o.podName }));
  for (const c of o.claims) if (c.phase) consider(join.about({ kind: 'PersistentVolumeClaim', namespace, name: c.name }));
  return newest && toEvidence(newest);
}

/**
 * Attaches evidence to `findings` (in place), returns the event findings nothing else explains, and sets each
 * ordinal's latestEvent. With no events in the snapshot (not read, or none) it changes nothing: the absence of
 * events is never read as the absence of trouble.
 */
export function explainWithEvents(ctx: AnalysisContext, findings: Draft[], statefulSets: StatefulSetView[]): Draft[] {
  if (!ctx.snapshot.events?.length) return [];
  const join = new EventJoin(ctx);
  for (const f of findings) join.attach(f);
  const own = ownFindings(ctx, join);
  for (const sts of statefulSets) {
    for (const o of sts.ordinals) {
      const latest = latestOfOrdinal(join, sts.namespace, o);
      if (latest) o.latestEvent = latest;
    }
  }
  return own;
}
