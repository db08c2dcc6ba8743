import type { ContainerState, Pod } from '../model/snapshot';
import { projectMeta } from './meta';
import { projectPodVolumes } from './podVolumes';
import { projectContainerProbes, restartPolicyOf } from './probes';
import { asRecord, bool, compact, findCondition, nonEmpty, num, oneOf, records, str, type RawRecord } from './raw';

function currentState(state: RawRecord | undefined): Pick<ContainerState, 'state' | 'reason'> {
  if (asRecord(state?.running)) return { state: 'running' };
  const waiting = asRecord(state?.waiting);
  if (waiting) return { state: 'waiting', reason: nonEmpty(waiting.reason) };
  const terminated = asRecord(state?.terminated);
  if (terminated) return { state: 'terminated', reason: nonEmpty(terminated.reason) };
  return { state: 'unknown' };
}

function projectContainer(name: string, status: RawRecord | undefined, spec: RawRecord | undefined): ContainerState {
  const probes = spec && projectContainerProbes(spec);
  if (!status) return compact<ContainerState>({ name, ready: false, restartCount: 0, state: 'unknown', probes });
  const last = asRecord(asRecord(status.lastState)?.terminated);
  return compact<ContainerState>({
    name,
    ready: bool(status.ready) ?? false,
    restartCount: num(status.restartCount) ?? 0,
    ...currentState(asRecord(status.state)),
    lastTerminationReason: nonEmpty(last?.reason),
    lastTerminationExitCode: num(last?.exitCode),
    lastTerminationTime: nonEmpty(last?.finishedAt),
    lastTerminationStartedAt: nonEmpty(last?.startedAt),
    probes,
  });
}

/**
 * Containers first, then init containers (their restarts explain a pod stuck in Init:CrashLoopBackOff). A
 * container with no status yet (pod not scheduled) is kept as 'unknown' so its name still shows.
 */
function projectContainers(spec: RawRecord, status: RawRecord): ContainerState[] {
  const out: ContainerState[] = [];
  for (const [specKey, statusKey] of [
    ['containers', 'containerStatuses'],
    ['initContainers', 'initContainerStatuses'],
  ] as const) {
    const statuses = new Map<string, RawRecord>();
    for (const s of records(status[statusKey])) if (typeof s.name === 'string') statuses.set(s.name, s);
    const specs = new Map<string, RawRecord>();
    for (const c of records(spec[specKey])) {
      const n = str(c.name);
      if (n !== undefined && !specs.has(n)) specs.set(n, c);
    }
    const names = [...specs.keys()];
    // Statuses of containers the spec does not list (never in a real pod, common in trimmed dumps) still count.
    for (const n of statuses.keys()) if (!specs.has(n)) names.push(n);
    // Probes of application containers only (see projectTemplateContainers).
    for (const n of names) out.push(projectContainer(n, statuses.get(n), specKey === 'containers' ? specs.get(n) : undefined));
  }
  return out;
}

/** How many of the projected containers are application containers, when init containers follow them. */
function appContainerCount(spec: RawRecord, status: RawRecord): number | undefined {
  const hasInit = records(spec.initContainers).length > 0 || records(status.initContainerStatuses).length > 0;
  if (!hasInit) return undefined;
  const names = new Set<string>();
  for (const c of records(spec.containers)) if (typeof c.name === 'string') names.add(c.name);
  for (const c of records(status.containerStatuses)) if (typeof c.name === 'string') names.add(c.name);
  return names.size;
}

export function projectPod(raw: unknown): Pod {
  const meta = projectMeta(raw, 'Pod', true);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const status = asRecord(obj.status) ?? {};
  const scheduled = findCondition(status.conditions, 'PodScheduled');
  const ready = findCondition(status.conditions, 'Ready');
  const unschedulable = scheduled?.status === 'False' ? (nonEmpty(scheduled.message) ?? nonEmpty(scheduled.reason) ?? 'Unschedulable') : undefined;
  return compact<Pod>({
    meta,
    phase: oneOf(status.phase, ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'], 'Pending'),
    nodeName: nonEmpty(spec.nodeName),
    podIP: nonEmpty(status.podIP),
    ready: ready?.status === 'True',
    readySince: ready?.status === 'True' ? nonEmpty(ready.lastTransitionTime) : undefined,
    unschedulableMessage: unschedulable,
    containers: projectContainers(spec, status),
    volumes: projectPodVolumes(spec, meta.name),
    statusReason: nonEmpty(status.reason),
    startTime: nonEmpty(status.startTime),
    restartPolicy: restartPolicyOf(spec),
    appContainers: appContainerCount(spec, status),
  });
}
