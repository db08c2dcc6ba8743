import type { ContainerState, Pod } from '../model/snapshot';
import { projectMeta } from './meta';
import { projectPodVolumes } from './podVolumes';
import { asRecord, bool, compact, findCondition, nonEmpty, num, oneOf, records, str, type RawRecord } from './raw';

function currentState(state: RawRecord | undefined): Pick<ContainerState, 'state' | 'reason'> {
  if (asRecord(state?.running)) return { state: 'running' };
  const waiting = asRecord(state?.waiting);
  if (waiting) return { state: 'waiting', reason: nonEmpty(waiting.reason) };
  const terminated = asRecord(state?.terminated);
  if (terminated) return { state: 'terminated', reason: nonEmpty(terminated.reason) };
  return { state: 'unknown' };
}

function projectContainer(name: string, status: RawRecord | undefined): ContainerState {
  if (!status) return { name, ready: false, restartCount: 0, state: 'unknown' };
  const last = asRecord(asRecord(status.lastState)?.terminated);
  return compact<ContainerState>({
    name,
    ready: bool(status.ready) ?? false,
    restartCount: num(status.restartCount) ?? 0,
    ...currentState(asRecord(status.state)),
    lastTerminationReason: nonEmpty(last?.reason),
    lastTerminationExitCode: num(last?.exitCode),
    lastTerminationTime: nonEmpty(last?.finishedAt),
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
    const names = records(spec[specKey]).map((c) => str(c.name)).filter((n): n is string => n !== undefined);
    // Statuses of containers the spec does not list (never in a real pod, common in trimmed dumps) still count.
    for (const n of statuses.keys()) if (!names.includes(n)) names.push(n);
    for (const n of names) out.push(projectContainer(n, statuses.get(n)));
  }
  return out;
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
  });
}
