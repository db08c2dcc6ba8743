// Which ordinal, if any, holds a StatefulSet back, following what the controller does
// (pkg/controller/statefulset/stateful_set_control.go, updateStatefulSet and processReplica):
// - OrderedReady: it walks ordinals upwards and stops at the first one that is missing (it creates it), terminating,
//   not running and ready, or not yet available (Ready for minReadySeconds), before it creates any higher ordinal
//   and before it updates anything. It never deletes that pod for being on an old or broken revision, so after the
//   template is fixed the pod must be deleted by hand (kubernetes#67250).
// - Parallel: creation never waits; the rolling update walks from the highest ordinal down, replaces pods not at
//   the update revision itself, and waits for an updated pod that is unavailable.
// A pod that is merely starting (no fault yet) holds nothing back: that is a rollout making progress.
// Missing ordinals come as ranges (ordinalRanges.ts), never one entry per ordinal.
import type { StatefulSet } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { deadNodeVolumes, deadNodeAdvice, deadNodeClause } from './deadNodeVolumes';
import type { OrdinalFacts } from './ordinals';
import { countOf, podNamesText, rangesAbove, rangesDetail, type OrdinalRange } from './ordinalRanges';
import { OOM_ADVICE } from './podHealth';
import { compact, refOf } from './refs';

export interface RolloutBlock {
  blocker: OrdinalFacts;
  /** Ordinals below replicas that the blocker keeps from being created, as ranges. */
  missing: OrdinalRange[];
  /** A rolling update has pods left to update (the blocker's own pod included). */
  updatePending: boolean;
  /** Other ordinals whose update waits for the blocker. */
  waitingForUpdate: number[];
}

/** The first ordinal the rolling update may replace: partition counts from spec.ordinals.start. */
function updateMin(sts: StatefulSet): number {
  return sts.ordinalsStart + (sts.updateStrategy.partition ?? 0);
}

function notUpdated(sts: StatefulSet, f: OrdinalFacts): boolean {
  return f.pod !== undefined && f.ordinal >= updateMin(sts) && f.revision !== sts.status.updateRevision;
}

/** OnDelete never replaces a pod by itself: nothing is "pending" for the controller there. */
function isRollingUpdate(sts: StatefulSet): boolean {
  return sts.updateStrategy.type === 'RollingUpdate' && sts.status.updateRevision !== undefined;
}

/**
 * `present`: the in-range ordinals that have a pod, ascending; `missing`: the in-range ordinals without one.
 */
export function findRolloutBlock(sts: StatefulSet, present: OrdinalFacts[], missing: OrdinalRange[]): RolloutBlock | undefined {
  const updatePending = isRollingUpdate(sts) && present.some((f) => notUpdated(sts, f));
  return sts.podManagementPolicy === 'OrderedReady'
    ? orderedReadyBlock(sts, present, missing, updatePending)
    : parallelUpdateBlock(sts, present, missing, updatePending);
}

/** The lowest in-range ordinal the OrderedReady controller stops at: a pod that is not available, or a missing one. */
export function orderedReadyGate(present: OrdinalFacts[], missing: OrdinalRange[]): { pod?: OrdinalFacts; ordinal: number } | undefined {
  const pod = present.find((f) => !f.available);
  const firstMissing = missing[0]?.from;
  if (firstMissing !== undefined && (pod === undefined || firstMissing < pod.ordinal)) return { ordinal: firstMissing };
  return pod && { pod, ordinal: pod.ordinal };
}

function orderedReadyBlock(sts: StatefulSet, present: OrdinalFacts[], missing: OrdinalRange[], updatePending: boolean): RolloutBlock | undefined {
  const gate = orderedReadyGate(present, missing)?.pod;
  // A missing pod at the gate is one the controller creates next: nothing blocks it (see sts-ordinal-missing).
  // A Ready pod waiting out minReadySeconds has no fault either.
  if (!gate?.notReady?.fault) return undefined;
  const above = rangesAbove(missing, gate.ordinal);
  if (countOf(above) === 0 && !updatePending) return undefined;
  const waitingForUpdate = present.filter((f) => f !== gate && notUpdated(sts, f)).map((f) => f.ordinal);
  return { blocker: gate, missing: above, updatePending, waitingForUpdate };
}

function parallelUpdateBlock(sts: StatefulSet, present: OrdinalFacts[], missing: OrdinalRange[], updatePending: boolean): RolloutBlock | undefined {
  if (!updatePending) return undefined;
  const highestMissing = missing.length > 0 ? missing[missing.length - 1].to : -Infinity;
  for (let i = present.length - 1; i >= 0 && present[i].ordinal >= updateMin(sts); i--) {
    const f = present[i];
    // A missing pod is being created and a stale one is being replaced: the update is moving.
    if (highestMissing > f.ordinal && highestMissing >= updateMin(sts)) return undefined;
    if (notUpdated(sts, f) && !f.pod?.meta.deletionTimestamp) return undefined;
    if (f.available) continue;
    if (!f.notReady?.fault) return undefined;
    const waitingForUpdate = present.filter((w) => w.ordinal < f.ordinal && notUpdated(sts, w)).map((w) => w.ordinal);
    return waitingForUpdate.length > 0 ? { blocker: f, missing: [], updatePending, waitingForUpdate } : undefined;
  }
  return undefined;
}

function podList(sts: StatefulSet, ordinals: number[]): string {
  return ordinals.map((o) => `${sts.meta.name}-${o}`).join(', ');
}

/** What the controller is waiting for, and why it will not sort itself out. */
function updateClause(sts: StatefulSet, block: RolloutBlock): string {
  const { blocker, waitingForUpdate } = block;
  const update = sts.status.updateRevision;
  const waiting = waitingForUpdate.length > 0 ? ` before it updates ${podList(sts, waitingForUpdate)}` : '';
  if (sts.podManagementPolicy === 'Parallel') {
    return `; it runs the update revision ${update} and the rolling update waits for it${waiting}`;
  }
  if (blocker.revision === update) {
    return `; it already runs the update revision ${update}, which looks broken, and the rolling update waits for it${waiting} (kubernetes#67250)`;
  }
  if (blocker.ordinal < updateMin(sts)) return `; the rolling update to ${update} waits for it${waiting}`;
  return (
    `; it runs revision ${blocker.revision ?? '(unknown)'}, not the update revision ${update}, and the controller ` +
    `waits for it to become Ready${waiting} instead of replacing it (kubernetes#67250)`
  );
}

function hintFor(ctx: AnalysisContext, sts: StatefulSet, block: RolloutBlock): string {
  const { blocker } = block;
  const ns = sts.meta.namespace;
  // Deleting the pod alone would bring it back to a volume that only a vanished node could mount.
  const dead = deadNodeVolumes(ctx, ns, blocker.view.claims);
  if (dead.length > 0) return deadNodeAdvice(ns, blocker.podName, dead);
  const deletePod = `kubectl delete pod -n ${ns} ${blocker.podName}`;
  const inspect = `kubectl describe pod -n ${ns} ${blocker.podName}; kubectl logs -n ${ns} ${blocker.podName} --previous`;
  const oom = blocker.notReady?.oomKilled ? `${OOM_ADVICE}. ` : '';
  if (sts.podManagementPolicy === 'Parallel') {
    return `${oom}Fix spec.template (${inspect}); the controller then replaces ${blocker.podName} by itself.`;
  }
  if (block.updatePending && blocker.revision !== sts.status.updateRevision && blocker.ordinal >= updateMin(sts)) {
    return `${oom}Delete the stuck pod so the controller recreates it at update revision ${sts.status.updateRevision}: ${deletePod}`;
  }
  return (
    `${oom}Find why it is not Ready (${inspect}). The controller will not replace it by itself (kubernetes#67250): ` +
    `once the cause (or the template) is fixed, delete it: ${deletePod}`
  );
}

export function reportRolloutBlock(ctx: AnalysisContext, sts: StatefulSet, block: RolloutBlock): void {
  const { blocker, missing, waitingForUpdate } = block;
  const ns = sts.meta.namespace;
  const creation =
    countOf(missing) > 0
      ? ` and blocks creation of ${podNamesText(sts.meta.name, missing)} (podManagementPolicy OrderedReady starts an ordinal only after the one before it is Ready)`
      : '';
  const update = block.updatePending ? updateClause(sts, block) : '';
  const dead = deadNodeVolumes(ctx, ns, blocker.view.claims);
  ctx.emit({
    code: 'sts-rollout-blocked',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name}: pod ${blocker.podName} is not Ready (${blocker.notReady?.text})` +
      `${dead.length > 0 ? `; ${deadNodeClause(dead)}` : ''}${creation}${update}.`,
    hint: hintFor(ctx, sts, block),
    related: [
      refOf('Pod', { name: blocker.podName, namespace: ns }),
      ...dead.flatMap((d) => [refOf('PersistentVolumeClaim', { name: d.claim, namespace: ns }), refOf('PersistentVolume', { name: d.volume })]),
    ],
    details: compact({
      blockingOrdinal: blocker.ordinal,
      pod: blocker.podName,
      missingOrdinals: rangesDetail(missing),
      missingCount: countOf(missing) > 0 ? countOf(missing) : undefined,
      waitingForUpdate: waitingForUpdate.join(','),
      revision: blocker.revision,
      updateRevision: sts.status.updateRevision,
      goneNodes: dead.length > 0 ? [...new Set(dead.flatMap((d) => d.nodes))].join(',') : undefined,
    }),
  });
}
