// pod-restart-loop: pods that hold persistent data (StatefulSet members, or any pod mounting a claim) and keep
// crashing. One pass over the pods, at most one finding per pod.
import type { ContainerState, Pod } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { lastTermination, OOM_ADVICE } from './podHealth';
import { compact, refOf } from './refs';

function holdsData(ctx: AnalysisContext, pod: Pod): boolean {
  return pod.volumes.some((v) => v.claimName !== undefined) || ctx.index.ordinalOfPod(pod) !== undefined;
}

/** The container in CrashLoopBackOff, else the most restarted one. */
function restartingContainer(pod: Pod): ContainerState | undefined {
  const looping = pod.containers.find((c) => c.state === 'waiting' && c.reason === 'CrashLoopBackOff');
  return looping ?? pod.containers.reduce<ContainerState | undefined>((m, c) => (!m || c.restartCount > m.restartCount ? c : m), undefined);
}

/**
 * `explained`: pods another finding already describes with the same facts (the blocking ordinal of
 * sts-rollout-blocked names its container state, restarts and last termination), left out to keep noise low.
 * Pods only listed by sts-ordinal-not-ready are still reported here: that finding is one line per set, this one
 * gives the per-pod detail.
 */
export function reportRestartLoops(ctx: AnalysisContext, explained: ReadonlySet<Pod>): void {
  const threshold = ctx.options.restartLoopThreshold;
  for (const pod of ctx.snapshot.pods) {
    if (pod.ready || pod.meta.deletionTimestamp || explained.has(pod) || !holdsData(ctx, pod)) continue;
    const c = restartingContainer(pod);
    if (!c) continue;
    const crashLooping = c.state === 'waiting' && c.reason === 'CrashLoopBackOff';
    if (!crashLooping && c.restartCount < threshold) continue;

    const ns = pod.meta.namespace;
    const termination = lastTermination(c);
    const owner = ctx.index.ordinalOfPod(pod)?.statefulSet;
    const oom = c.lastTerminationReason === 'OOMKilled';
    ctx.emit({
      code: 'pod-restart-loop',
      object: refOf('Pod', pod.meta),
      message:
        `Pod ${ns}/${pod.meta.name} is not Ready: container ${c.name} ${crashLooping ? 'is in CrashLoopBackOff' : 'keeps restarting'} ` +
        `(${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}${termination ? `, ${termination}` : ''})` +
        `${oom ? ` — ${OOM_ADVICE}` : ''}.`,
      hint: `kubectl logs -n ${ns} ${pod.meta.name} -c ${c.name} --previous`,
      related: [
        ...(owner ? [refOf('StatefulSet', owner.meta)] : []),
        ...pod.volumes.flatMap((v) => (v.claimName ? [refOf('PersistentVolumeClaim', { name: v.claimName, namespace: ns })] : [])),
      ],
      details: compact({
        container: c.name,
        restarts: c.restartCount,
        lastTerminationReason: c.lastTerminationReason,
        lastTerminationExitCode: c.lastTerminationExitCode,
      }),
    });
  }
}
