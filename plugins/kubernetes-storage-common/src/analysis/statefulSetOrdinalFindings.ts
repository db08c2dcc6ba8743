// sts-ordinal-not-ready and sts-ordinal-missing: the per-set findings about ordinals that are not serving.
// Missing ordinals arrive as ranges, so a set that "wants" 2147483647 replicas costs what its pods cost.
import type { StatefulSet } from '../model/snapshot';
import { humanizeAge } from '../util/time';
import type { AnalysisContext } from './context';
import { ordinalsText, type OrdinalFacts } from './ordinals';
import { countOf, ordinalRangesText, podNamesText, rangesBelow, rangesDetail, type OrdinalRange } from './ordinalRanges';
import { availableSinceMs } from './podHealth';
import { compact, refOf } from './refs';
import type { RolloutBlock } from './rolloutBlock';
import { orderedReadyGate } from './rolloutBlock';

/** One finding per set for the not-Ready ordinals the blocker does not already explain; pods still starting are left out. */
export function reportNotReady(ctx: AnalysisContext, sts: StatefulSet, present: OrdinalFacts[], block: RolloutBlock | undefined): void {
  const notReady = present.filter((f) => f.notReady?.fault && f !== block?.blocker);
  if (notReady.length === 0) return;
  const ns = sts.meta.namespace;
  const ordinals = notReady.map((f) => f.ordinal);
  ctx.emit({
    code: 'sts-ordinal-not-ready',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name}: ${ordinalsText(ordinals)} not Ready: ` +
      `${notReady.map((f) => `${f.podName} (${f.notReady?.text})`).join('; ')}.`,
    hint: `kubectl describe pod -n ${ns} ${notReady.map((f) => f.podName).join(' ')}`,
    related: notReady.map((f) => refOf('Pod', { name: f.podName, namespace: ns })),
    details: { ordinals: ordinals.join(','), count: notReady.length },
  });
}

const POD_NAMES_LISTED = 10;

const parseMs = (t: string | undefined): number | undefined => {
  const ms = t === undefined ? NaN : Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * Since when the controller could have created `ordinal`: the set's creation and its last spec write (a scale-up),
 * and for OrderedReady the moment the ordinal below became available (the controller creates an ordinal only
 * then). The latest of the times known; undefined when the objects carry none.
 */
function creatableSinceMs(ctx: AnalysisContext, sts: StatefulSet, ordinal: number, present: OrdinalFacts[]): number | undefined {
  const times = [parseMs(sts.meta.creationTimestamp), parseMs(sts.specChangedAt)];
  if (sts.podManagementPolicy === 'OrderedReady') {
    const below = present.find((f) => f.ordinal === ordinal - 1)?.pod;
    if (below) times.push(availableSinceMs(below, sts.minReadySeconds));
  }
  const known = times.filter((t): t is number => t !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

/**
 * Ordinals without a pod that nothing explains. With OrderedReady, ordinals above an existing pod that is not
 * available are explained by it: either it blocks them (sts-rollout-blocked), it is still starting, or it is
 * waiting out minReadySeconds, and they come next. The lowest missing ordinal is given
 * missingOrdinalGraceSeconds from when the controller could have created it.
 */
export function reportMissing(ctx: AnalysisContext, sts: StatefulSet, present: OrdinalFacts[], missingRanges: OrdinalRange[]): void {
  const gate = sts.podManagementPolicy === 'OrderedReady' ? orderedReadyGate(present, missingRanges) : undefined;
  const heldBackAbove = gate?.pod ? gate.ordinal : Infinity;
  const missing = rangesBelow(missingRanges, heldBackAbove);
  const count = countOf(missing);
  if (count === 0) return;

  const since = creatableSinceMs(ctx, sts, missing[0].from, present);
  const waited = since === undefined ? undefined : Math.floor((ctx.nowMs - since) / 1000);
  if (waited !== undefined && waited < ctx.options.missingOrdinalGraceSeconds) return;

  const ns = sts.meta.namespace;
  // The pod names while they are few; past that the ordinal ranges already say it all.
  const podList = count <= POD_NAMES_LISTED ? ` (${podNamesText(sts.meta.name, missing, POD_NAMES_LISTED)})` : '';
  const absurd = sts.replicas > 10 * Math.max(present.length, 1) && count > 1000;
  const howLong =
    waited === undefined
      ? ' (the objects carry no time to tell for how long)'
      : ` for at least ${humanizeAge(waited)}`;
  ctx.emit({
    code: 'sts-ordinal-missing',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} wants ${sts.replicas} replica${sts.replicas === 1 ? '' : 's'} but ` +
      `${ordinalRangesText(missing)} ha${count === 1 ? 's' : 've'} no pod${podList}${howLong}, ` +
      'and no lower ordinal holds them back: the controller is not creating them.' +
      (absurd ? ` spec.replicas ${sts.replicas} is far beyond the ${present.length} pod${present.length === 1 ? '' : 's'} that exist: check that the value is intended.` : ''),
    hint: `kubectl describe statefulset -n ${ns} ${sts.meta.name} (its events show why pod creation fails: quota, admission, claims)`,
    details: compact({ ordinals: rangesDetail(missing), count, waitedSeconds: waited }),
  });
}
