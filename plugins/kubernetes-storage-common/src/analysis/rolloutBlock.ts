// Which ordinal, if any, holds a StatefulSet back, following what the controller does
// (pkg/controller/statefulset/stateful_set_control.go):
// - OrderedReady: it walks ordinals upwards and stops at the first pod that is not running and ready, before it
//   creates any higher ordinal and before it updates anything. It never deletes that pod for being on an old or
//   broken revision, so after the template is fixed the pod must be deleted by hand (kubernetes#67250).
// - Parallel: creation never waits; the rolling update walks from the highest ordinal down, replaces pods not at
//   the update revision itself, and waits for an updated pod that is not healthy.
// A pod that is merely starting (no fault yet) holds nothing back: that is a rollout making progress.
import type { StatefulSet } from '../model/snapshot';
import type { AnalysisContext } from './context';
import type { OrdinalFacts } from './ordinals';
import { OOM_ADVICE } from './podHealth';
import { compact, refOf } from './refs';

export interface RolloutBlock {
  blocker: OrdinalFacts;
  /** Ordinals below replicas that the blocker keeps from being created. */
  missing: number[];
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

function isRollingUpdate(sts: StatefulSet): boolean {
  return sts.updateStrategy.type === 'RollingUpdate' && sts.status.updateRevision !== undefined;
}

/** `facts`: the ordinals in the set's range, ascending. */
export function findRolloutBlock(sts: StatefulSet, facts: OrdinalFacts[]): RolloutBlock | undefined {
  const updatePending = isRollingUpdate(sts) && facts.some((f) => notUpdated(sts, f));
  return sts.podManagementPolicy === 'OrderedReady'
    ? orderedReadyBlock(sts, facts, updatePending)
    : parallelUpdateBlock(sts, facts, updatePending);
}

function orderedReadyBlock(sts: StatefulSet, facts: OrdinalFacts[], updatePending: boolean): RolloutBlock | undefined {
  const gate = facts.find((f) => !f.healthy);
  // A missing pod at the gate is one the controller creates next: nothing blocks it (see sts-ordinal-missing).
  if (!gate?.pod || !gate.notReady?.fault) return undefined;
  const missing = facts.filter((f) => f.ordinal > gate.ordinal && !f.pod).map((f) => f.ordinal);
  if (missing.length === 0 && !updatePending) return undefined;
  const waitingForUpdate = facts.filter((f) => f !== gate && notUpdated(sts, f)).map((f) => f.ordinal);
  return { blocker: gate, missing, updatePending, waitingForUpdate };
}

function parallelUpdateBlock(sts: StatefulSet, facts: OrdinalFacts[], updatePending: boolean): RolloutBlock | undefined {
  if (!updatePending) return undefined;
  for (let i = facts.length - 1; i >= 0 && facts[i].ordinal >= updateMin(sts); i--) {
    const f = facts[i];
    // A missing pod is being created and a stale one is being replaced: the update is moving.
    if (!f.pod || (notUpdated(sts, f) && !f.pod.meta.deletionTimestamp)) return undefined;
    if (f.healthy) continue;
    if (!f.notReady?.fault) return undefined;
    const waitingForUpdate = facts.filter((w) => w.ordinal < f.ordinal && notUpdated(sts, w)).map((w) => w.ordinal);
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

function hintFor(sts: StatefulSet, block: RolloutBlock): string {
  const { blocker } = block;
  const ns = sts.meta.namespace;
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
    missing.length > 0
      ? ` and blocks creation of ${podList(sts, missing)} (podManagementPolicy OrderedReady starts an ordinal only after the one before it is Ready)`
      : '';
  const update = block.updatePending ? updateClause(sts, block) : '';
  ctx.emit({
    code: 'sts-rollout-blocked',
    object: refOf('StatefulSet', sts.meta),
    message: `StatefulSet ${ns}/${sts.meta.name}: pod ${blocker.podName} is not Ready (${blocker.notReady?.text})${creation}${update}.`,
    hint: hintFor(sts, block),
    related: [refOf('Pod', { name: blocker.podName, namespace: ns })],
    details: compact({
      blockingOrdinal: blocker.ordinal,
      pod: blocker.podName,
      missingOrdinals: missing.join(','),
      waitingForUpdate: waitingForUpdate.join(','),
      revision: blocker.revision,
      updateRevision: sts.status.updateRevision,
    }),
  });
}
