// Probe configuration checks: StatefulSet templates once per set, pods behind an Ingress once per controller.
// Each check names the decision that hangs on the probe (traffic, the next ordinal, a restart); see catalog/probes.ts.
import type { ContainerProbes, ProbeSpec } from '../model/probes';
import type { ObjectRef } from '../model/report';
import type { ContainerState, Pod, StatefulSet } from '../model/snapshot';
import type { AnalysisContext, CheckFinding } from './context';
import { containerOf, eventsAbout } from './eventIndex';
import { refOf } from './refs';
import { key } from './snapshotIndex';
import { workloadPods } from './workloadPods';

type Draft = CheckFinding;

/** "GET :8080/healthz", "TCP :5432", "exec pg_isready", "gRPC :9090" */
export function probeTarget(p: ProbeSpec): string {
  switch (p.handler) {
    case 'httpGet':
      return `GET :${p.port ?? '?'}${p.path ?? '/'}`;
    case 'tcpSocket':
      return `TCP :${p.port ?? '?'}`;
    case 'exec':
      return `exec ${p.command ?? ''}`.trim();
    case 'grpc':
      return `gRPC :${p.port ?? '?'}${p.service ? ` (${p.service})` : ''}`;
    default:
      return 'no handler';
  }
}

const failureBudget = (p: ProbeSpec): number => p.periodSeconds * p.failureThreshold;

/** Same handler and target, and liveness fails no later than readiness: both trip on the same trouble together. */
export function livenessMirrorsReadiness(probes: ContainerProbes): boolean {
  const { liveness, readiness } = probes;
  if (!liveness || !readiness || liveness.handler === 'none') return false;
  return probeTarget(liveness) === probeTarget(readiness) && failureBudget(liveness) <= failureBudget(readiness);
}

interface ProbeSubject {
  object: ObjectRef;
  /** "StatefulSet shop/db" or "3 pods of ReplicaSet shop/web-5d8f" */
  who: string;
  containers: { name: string; probes?: ContainerProbes }[];
  related?: ObjectRef[];
}

function names(list: { name: string }[]): string {
  return list.map((c) => c.name).join(', ');
}

function configChecks(subject: ProbeSubject, why: string): Draft[] {
  const out: Draft[] = [];
  const base = { object: subject.object, ...(subject.related ? { related: subject.related } : {}) };
  const noReadiness = subject.containers.filter((c) => !c.probes?.readiness);
  if (noReadiness.length) {
    out.push({
      code: 'pod-probe-readiness-missing',
      ...base,
      message:
        `${subject.who}: container${noReadiness.length === 1 ? '' : 's'} ${names(noReadiness)} ` +
        `${noReadiness.length === 1 ? 'has' : 'have'} no readiness probe, so ${why} as soon as the process runs.`,
      hint: 'Add a readinessProbe that answers only when the container can serve.',
      details: { containers: names(noReadiness) },
    });
  }
  const noLiveness = subject.containers.filter((c) => c.probes?.readiness && !c.probes.liveness);
  if (noLiveness.length) {
    out.push({
      code: 'pod-probe-liveness-missing',
      ...base,
      message:
        `${subject.who}: container${noLiveness.length === 1 ? '' : 's'} ${names(noLiveness)} ` +
        `${noLiveness.length === 1 ? 'has' : 'have'} a readiness probe but no liveness probe: a hung process stays NotReady and is never restarted.`,
      hint: 'Add a livenessProbe that checks the process only, with a longer failure budget than the readinessProbe.',
      details: { containers: names(noLiveness) },
    });
  }
  const mirrored = subject.containers.filter((c) => c.probes && livenessMirrorsReadiness(c.probes));
  for (const c of mirrored) {
    const target = probeTarget(c.probes!.liveness!);
    out.push({
      code: 'pod-probe-liveness-same-as-readiness',
      ...base,
      message:
        `${subject.who}: container ${c.name}'s liveness probe checks the same ${target} as its readiness probe: ` +
        'whatever makes the replicas unready (a slow dependency) also makes the kubelet restart all of them at once.',
      hint: 'Point the livenessProbe at a check of the process only (a /livez without dependencies, or tcpSocket) with a longer failure budget.',
      details: { container: c.name, target },
    });
  }
  return out;
}

/** What waits for the set's pods to be Ready, in the words of the message; undefined when nothing does. */
function statefulSetReadinessUse(sts: StatefulSet, backsIngress: boolean): string | undefined {
  if (backsIngress) return 'its pods get Ingress traffic';
  if (sts.podManagementPolicy === 'OrderedReady') return 'the next ordinal starts';
  if (sts.updateStrategy.type === 'RollingUpdate') return 'the rolling update moves to the next pod';
  return undefined;
}

function statefulSetChecks(ctx: AnalysisContext, sts: StatefulSet, backsIngress: boolean): Draft[] {
  if (!sts.templateContainers) return [];
  const use = statefulSetReadinessUse(sts, backsIngress);
  const subject: ProbeSubject = {
    object: refOf('StatefulSet', sts.meta),
    who: `StatefulSet ${sts.meta.namespace}/${sts.meta.name}`,
    containers: sts.templateContainers,
  };
  const drafts = configChecks(subject, use ?? '');
  // Without anything waiting on Ready (Parallel with OnDelete, no Ingress) a missing readiness probe decides nothing.
  return use ? drafts : drafts.filter((d) => d.code !== 'pod-probe-readiness-missing');
}

function controllerOf(pod: Pod): { kind: string; name: string } {
  return pod.meta.ownerReferences?.find((o) => o.controller) ?? { kind: 'Pod', name: pod.meta.name };
}

function podGroupChecks(pods: Pod[]): Draft[] {
  const pod = pods[0];
  const owner = controllerOf(pod);
  const ns = pod.meta.namespace;
  const bare = owner.kind === 'Pod';
  const subject: ProbeSubject = {
    object: bare ? refOf('Pod', pod.meta) : { kind: owner.kind, name: owner.name, ...(ns ? { namespace: ns } : {}) },
    who: bare ? `Pod ${ns}/${pod.meta.name}` : `${pods.length} pod${pods.length === 1 ? '' : 's'} of ${owner.kind} ${ns}/${owner.name}`,
    containers: appContainers(pod),
    ...(bare ? {} : { related: [refOf('Pod', pod.meta)] }),
  };
  // A hung replica of these drops out of the endpoints while the others serve: liveness-missing is about sets,
  // where a NotReady member also holds back later ordinals and the rollout.
  const out = configChecks(subject, 'the Ingress sends it traffic').filter((d) => d.code !== 'pod-probe-liveness-missing');
  const live = subject.containers.filter((c) => c.probes?.liveness);
  if (pod.restartPolicy === 'Never' && live.length) {
    out.push({
      code: 'pod-probe-liveness-restart-never',
      object: subject.object,
      ...(subject.related ? { related: subject.related } : {}),
      message:
        `${subject.who}: restartPolicy Never with a liveness probe on ${names(live)}: the first time the probe fails ` +
        'the container is killed and not restarted, and the pod ends Failed.',
      hint: 'Run it under a Deployment or StatefulSet (restartPolicy Always), or drop the livenessProbe.',
      details: { containers: names(live), restartPolicy: 'Never' },
    });
  }
  return out;
}

/** Application containers only: the projection lists spec.containers first, init containers after them. */
function appContainers(pod: Pod): ContainerState[] {
  return pod.appContainers === undefined ? pod.containers : pod.containers.slice(0, pod.appContainers);
}

/** Liveness kills during start: the check that reads restarts and the kubelet's Unhealthy events. */
function killedWhileStarting(ctx: AnalysisContext, pod: Pod): Draft[] {
  const out: Draft[] = [];
  const liveness = eventsAbout(ctx, { kind: 'Pod', namespace: pod.meta.namespace, name: pod.meta.name, uid: pod.meta.uid }).filter(
    (e) => e.category === 'liveness',
  );
  if (!liveness.length) return out;
  for (const c of pod.containers) {
    const probe = c.probes?.liveness;
    if (!probe || c.probes?.startup || c.restartCount === 0) continue;
    if (!liveness.some((e) => containerOf(e.event) === c.name)) continue;
    const started = Date.parse(c.lastTerminationStartedAt ?? '');
    const ended = Date.parse(c.lastTerminationTime ?? '');
    if (Number.isNaN(started) || Number.isNaN(ended) || ended < started) continue;
    const ranSeconds = Math.round((ended - started) / 1000);
    const budget = probe.initialDelaySeconds + failureBudget(probe);
    // The probe can kill no earlier than its budget; a run that ended within one period after it was cut short by
    // the probe, not by the application exiting on its own.
    if (ranSeconds < budget - probe.periodSeconds || ranSeconds > budget + probe.periodSeconds) continue;
    out.push({
      code: 'pod-probe-liveness-no-startup',
      object: refOf('Pod', pod.meta),
      message:
        `Pod ${pod.meta.namespace}/${pod.meta.name}: container ${c.name} ran ${ranSeconds}s before its last restart, the ` +
        `liveness budget (initialDelaySeconds ${probe.initialDelaySeconds} + ${probe.failureThreshold} × ${probe.periodSeconds}s = ${budget}s) ` +
        `of ${probeTarget(probe)}, with no startupProbe: the restarts show it needs longer than ${budget}s to start.`,
      hint: `Add a startupProbe on ${probeTarget(probe)} whose periodSeconds × failureThreshold covers the container's start.`,
      details: { container: c.name, ranSeconds, budgetSeconds: budget, restarts: c.restartCount },
    });
  }
  return out;
}

export function analyzeProbes(ctx: AnalysisContext): Draft[] {
  const out: Draft[] = [];
  const pods = workloadPods(ctx);
  const setsBehindIngress = new Set<StatefulSet>();
  const groups = new Map<string, Pod[]>();
  for (const pod of ctx.snapshot.pods) {
    if (pod.meta.deletionTimestamp) continue;
    const member = ctx.index.ordinalOfPod(pod)?.statefulSet;
    if (pods.relevant(pod)) out.push(...killedWhileStarting(ctx, pod));
    if (!pods.backsIngress(pod)) continue;
    if (member) {
      setsBehindIngress.add(member);
      continue;
    }
    const owner = controllerOf(pod);
    const groupKey = key(pod.meta.namespace, `${owner.kind}/${owner.name}`);
    const group = groups.get(groupKey);
    if (group) group.push(pod);
    else groups.set(groupKey, [pod]);
  }
  for (const sts of ctx.snapshot.statefulSets) out.push(...statefulSetChecks(ctx, sts, setsBehindIngress.has(sts)));
  for (const group of groups.values()) out.push(...podGroupChecks(group));
  return out;
}
