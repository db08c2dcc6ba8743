// Why a pod is not Ready, in the words an on-call engineer needs, and whether that is a fault or a pod that is
// still starting: a snapshot taken mid-rollout always catches a pod or two on their way up, and reporting those
// as stuck would bury the real cases.
import type { ContainerState, Pod } from '../model/snapshot';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';

/** Waiting reasons that do not clear by themselves: the container cannot start or keeps crashing. */
const FAILING_WAIT_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

/** What the StatefulSet controller calls "running and ready": the only state that lets OrderedReady go on. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.phase === 'Running' && pod.ready && !pod.meta.deletionTimestamp;
}

/**
 * The controller's isRunningAndAvailable (podutil.IsPodAvailable): running and ready, and with minReadySeconds
 * above 0, Ready since strictly more than minReadySeconds ago. A Ready pod without a known Ready time is not
 * available, as for the controller (a zero lastTransitionTime never counts).
 */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = pod.readySince === undefined ? NaN : Date.parse(pod.readySince);
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < nowMs;
}

/**
 * When the pod became available (Ready time plus minReadySeconds), in epoch ms; for a pod without a Ready time
 * its start or creation is the best lower bound the object gives. Undefined when it carries no time at all.
 */
export function availableSinceMs(pod: Pod, minReadySeconds: number): number | undefined {
  const t = Date.parse(pod.readySince ?? pod.startTime ?? pod.meta.creationTimestamp ?? '');
  if (Number.isNaN(t)) return undefined;
  return pod.readySince !== undefined ? t + Math.max(0, minReadySeconds) * 1000 : t;
}

export function totalRestarts(pod: Pod): number {
  return pod.containers.reduce((sum, c) => sum + c.restartCount, 0);
}

/** The container that best explains trouble: one in a failing waiting state first, then the most restarted. */
export function worstContainer(pod: Pod): ContainerState | undefined {
  let worst: ContainerState | undefined;
  for (const c of pod.containers) {
    if (c.state === 'waiting' && c.reason && FAILING_WAIT_REASONS.has(c.reason)) return c;
    if (!worst || c.restartCount > worst.restartCount) worst = c;
  }
  return worst;
}

/** "last terminated OOMKilled (exit code 137)" */
export function lastTermination(c: ContainerState): string | undefined {
  if (!c.lastTerminationReason) return undefined;
  const code = c.lastTerminationExitCode !== undefined ? ` (exit code ${c.lastTerminationExitCode})` : '';
  return `last terminated ${c.lastTerminationReason}${code}`;
}

export const OOM_ADVICE = 'OOMKilled: the container exceeded its memory limit; raise resources.limits.memory or reduce its memory use';

export interface NotReadyExplanation {
  /** "container app CrashLoopBackOff, 7 restarts, last terminated OOMKilled (exit code 137)" */
  text: string;
  /** A fault rather than a pod still starting (or still shutting down within the grace period). */
  fault: boolean;
  oomKilled: boolean;
}

/** Explains a pod that is not running and ready. */
export function explainNotReady(ctx: AnalysisContext, pod: Pod): NotReadyExplanation {
  const { options, nowMs } = ctx;
  if (pod.meta.deletionTimestamp) {
    const terminatingFor = secondsSince(pod.meta.deletionTimestamp, nowMs) ?? 0;
    return {
      text: `terminating for ${humanizeAge(terminatingFor)}`,
      fault: terminatingFor >= options.terminatingAfterSeconds,
      oomKilled: false,
    };
  }
  const parts: string[] = [];
  let fault = false;
  if (pod.phase === 'Failed') {
    parts.push(pod.statusReason ? `Failed (${pod.statusReason})` : 'Failed');
    fault = true;
  } else if (pod.phase === 'Pending') {
    parts.push(pod.unschedulableMessage ? `Pending, unschedulable: ${pod.unschedulableMessage}` : 'Pending');
    fault = pod.unschedulableMessage !== undefined;
  }
  const c = worstContainer(pod);
  const restarts = totalRestarts(pod);
  if (c?.state === 'waiting' && c.reason) {
    parts.push(`container ${c.name} ${c.reason}`);
    fault ||= FAILING_WAIT_REASONS.has(c.reason);
  }
  if (restarts > 0) parts.push(`${restarts} restart${restarts === 1 ? '' : 's'}`);
  const termination = c && lastTermination(c);
  if (termination) {
    parts.push(termination);
    fault ||= restarts > 0;
  }
  if (parts.length === 0) parts.push(`${pod.phase}, not Ready`);
  const age = secondsSince(pod.meta.creationTimestamp ?? pod.startTime, nowMs);
  fault ||= age === undefined || age >= options.pendingGraceSeconds;
  return { text: parts.join(', '), fault, oomKilled: c?.lastTerminationReason === 'OOMKilled' };
}
