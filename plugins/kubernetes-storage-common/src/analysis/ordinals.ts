// One StatefulSet ordinal as the analysis sees it: its pod (if any), its per-ordinal claims and the view row the
// report shows for it. Everything is looked up through the index, so building all ordinals stays linear, and only
// ordinals that have objects get facts: spec.replicas (any int32) never sizes a structure.
import type { OrdinalClaimView, OrdinalStatus, OrdinalView } from '../model/report';
import type { Pod, StatefulSet } from '../model/snapshot';
import { secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import {
  explainNotReady,
  isRunningAndAvailable,
  isRunningAndReady,
  totalRestarts,
  worstContainer,
  type NotReadyExplanation,
} from './podHealth';
import { optional } from './refs';
import { key } from './snapshotIndex';

export const REVISION_LABEL = 'controller-revision-hash';

/** The largest spec.replicas the API accepts (int32). */
export const MAX_REPLICAS = 2147483647;

export interface OrdinalFacts {
  ordinal: number;
  podName: string;
  pod?: Pod;
  revision?: string;
  /** Running and Ready (and not terminating): the controller's isRunningAndReady. */
  ready: boolean;
  /** Ready for at least minReadySeconds: what OrderedReady waits for before the next ordinal. */
  available: boolean;
  /** Why an existing pod is not Ready, its claims included. Absent for a Ready pod waiting out minReadySeconds. */
  notReady?: NotReadyExplanation;
  view: OrdinalView;
}

/**
 * spec.replicas and spec.ordinals.start as the API server validates them: integers, replicas 0..2147483647,
 * start >= 0. Anything else comes from a hand-made or corrupted input, and no conclusion about ordinals holds.
 */
export function hasValidRange(sts: StatefulSet): boolean {
  const { replicas, ordinalsStart } = sts;
  return Number.isInteger(replicas) && replicas >= 0 && replicas <= MAX_REPLICAS && Number.isInteger(ordinalsStart) && ordinalsStart >= 0;
}

export function ordinalRangeEnd(sts: StatefulSet): number {
  return sts.ordinalsStart + sts.replicas;
}

export function inOrdinalRange(sts: StatefulSet, ordinal: number): boolean {
  return ordinal >= sts.ordinalsStart && ordinal < ordinalRangeEnd(sts);
}

/** "ordinal 2" or "ordinals 2, 3" */
export function ordinalsText(ordinals: number[]): string {
  return ordinals.length === 1 ? `ordinal ${ordinals[0]}` : `ordinals ${ordinals.join(', ')}`;
}

/** The set's pods by ordinal: only pods the set controls and named `<sts>-<ordinal>`. */
export function podsByOrdinal(ctx: AnalysisContext, sts: StatefulSet): Map<number, Pod> {
  const byOrdinal = new Map<number, Pod>();
  for (const pod of ctx.index.podsByStatefulSet.get(key(sts.meta.namespace, sts.meta.name)) ?? []) {
    const match = ctx.index.ordinalOfPod(pod);
    if (match?.statefulSet === sts) byOrdinal.set(match.ordinal, pod);
  }
  return byOrdinal;
}

export function claimView(ctx: AnalysisContext, namespace: string | undefined, template: string, name: string): OrdinalClaimView {
  const claim = ctx.index.pvcByKey.get(key(namespace, name));
  const volume = claim?.volumeName ? ctx.index.pvByName.get(claim.volumeName) : undefined;
  return {
    template,
    name,
    ...optional('phase', claim?.phase),
    ...optional('volume', claim?.volumeName),
    ...optional('volumePhase', volume?.phase),
    // Absent is not missing when claims could not be read there.
    ...optional('notRead', !claim && !ctx.observed('persistentvolumeclaims', namespace) ? true : undefined),
  };
}

/** The claims `<template>-<sts>-<ordinal>` the ordinal should have, one per volumeClaimTemplate. */
export function expectedClaims(ctx: AnalysisContext, sts: StatefulSet, ordinal: number): OrdinalClaimView[] {
  return sts.volumeClaimTemplates.map((t) => claimView(ctx, sts.meta.namespace, t.name, `${t.name}-${sts.meta.name}-${ordinal}`));
}

function statusOf(pod: Pod | undefined, podsObserved: boolean): OrdinalStatus {
  if (!pod) return podsObserved ? 'Missing' : 'Unknown';
  if (pod.meta.deletionTimestamp) return 'Terminating';
  if (isRunningAndReady(pod)) return 'Ready';
  return pod.phase === 'Pending' ? 'Pending' : 'NotReady';
}

function podSummary(ctx: AnalysisContext, sts: StatefulSet, pod: Pod): NonNullable<OrdinalView['pod']> {
  const worst = worstContainer(pod);
  const revision = pod.meta.labels?.[REVISION_LABEL];
  const age = secondsSince(pod.meta.creationTimestamp ?? pod.startTime, ctx.nowMs);
  return {
    phase: pod.phase,
    ready: pod.ready,
    restarts: totalRestarts(pod),
    ...optional('waitingReason', worst?.state === 'waiting' ? worst.reason : undefined),
    ...optional('lastTerminationReason', worst?.lastTerminationReason),
    ...optional('revision', revision),
    updated: revision !== undefined && revision === sts.status.updateRevision,
    available: isRunningAndAvailable(pod, sts.minReadySeconds, ctx.nowMs),
    ...optional('node', pod.nodeName),
    ...optional('ageSeconds', age),
  };
}

/** A pod cannot start while its claim is unbound, and a Lost claim never comes back by itself. */
function withClaimTrouble(explanation: NotReadyExplanation, claims: OrdinalClaimView[]): NotReadyExplanation {
  const troubled = claims.filter((c) => c.phase === 'Pending' || c.phase === 'Lost');
  if (troubled.length === 0) return explanation;
  return {
    ...explanation,
    text: [explanation.text, ...troubled.map((c) => `claim ${c.name} ${c.phase}`)].join(', '),
    fault: explanation.fault || troubled.some((c) => c.phase === 'Lost'),
  };
}

/**
 * The controller deletes a Failed or Succeeded member itself (processReplica: "we should restart the pod
 * regardless of the exit code") and recreates it on the next sync: on its own that is a replacement in progress,
 * not a fault that needs a human. Its containers' own failures still count.
 */
function explainMember(ctx: AnalysisContext, pod: Pod): NotReadyExplanation {
  const explanation = explainNotReady(ctx, pod);
  if ((pod.phase !== 'Failed' && pod.phase !== 'Succeeded') || pod.meta.deletionTimestamp) return explanation;
  return { ...explanation, text: `${explanation.text}; the controller deletes and recreates it`, fault: false };
}

/**
 * Facts and view of one ordinal. `claims` defaults to the claims the templates give the ordinal; leftover
 * ordinals pass the claims actually found instead. `inRange` false marks an ordinal outside the set's range
 * (a leftover); undefined asks the set's range, which must then be valid.
 */
export function ordinalFacts(
  ctx: AnalysisContext,
  sts: StatefulSet,
  ordinal: number,
  pod: Pod | undefined,
  podsObserved: boolean,
  claims: OrdinalClaimView[] = expectedClaims(ctx, sts, ordinal),
  inRange: boolean = inOrdinalRange(sts, ordinal),
): OrdinalFacts {
  const podName = `${sts.meta.name}-${ordinal}`;
  const ready = pod !== undefined && isRunningAndReady(pod);
  const available = pod !== undefined && isRunningAndAvailable(pod, sts.minReadySeconds, ctx.nowMs);
  const status = inRange ? statusOf(pod, podsObserved) : 'Leftover';
  return {
    ordinal,
    podName,
    pod,
    revision: pod?.meta.labels?.[REVISION_LABEL],
    ready,
    available,
    notReady: pod && !ready ? withClaimTrouble(explainMember(ctx, pod), claims) : undefined,
    view: {
      ordinal,
      podName,
      status,
      ...optional('pod', pod && podSummary(ctx, sts, pod)),
      claims,
      blocking: false,
    },
  };
}
