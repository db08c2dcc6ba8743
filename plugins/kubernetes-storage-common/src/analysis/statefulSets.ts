// StatefulSets: one view per set with one row per ordinal, and the findings an on-call engineer needs about
// ordering, identity and storage. Each set is looked at through the index (its pods, its ordinal claims), and
// leftover claims are found in one pass over all claims, so the whole analysis stays linear in the snapshot.
import type { OrdinalClaimView, OrdinalView, StatefulSetView } from '../model/report';
import type { Pod, StatefulSet } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { claimsOutsideOrdinalRange, reportLeftoverClaims, type LeftoverClaim } from './leftoverClaims';
import { claimView, inOrdinalRange, ordinalFacts, ordinalRangeEnd, ordinalsText, podsByOrdinal, type OrdinalFacts } from './ordinals';
import { reportRestartLoops } from './podRestartLoop';
import { optional, refOf } from './refs';
import { findRolloutBlock, reportRolloutBlock, type RolloutBlock } from './rolloutBlock';
import { checkEphemeralData, checkGenerationLag, checkGoverningService } from './statefulSetSpec';
import { key } from './snapshotIndex';

export function analyzeStatefulSets(ctx: AnalysisContext): StatefulSetView[] {
  const leftovers = claimsOutsideOrdinalRange(ctx);
  const blockingPods = new Set<Pod>();
  const views = ctx.snapshot.statefulSets.map((sts) => {
    const { view, blockingPod } = analyzeStatefulSet(ctx, sts, leftovers.get(key(sts.meta.namespace, sts.meta.name)) ?? []);
    if (blockingPod) blockingPods.add(blockingPod);
    return view;
  });
  reportRestartLoops(ctx, blockingPods);
  return views;
}

function analyzeStatefulSet(
  ctx: AnalysisContext,
  sts: StatefulSet,
  leftovers: LeftoverClaim[],
): { view: StatefulSetView; blockingPod: Pod | undefined } {
  const ns = sts.meta.namespace;
  const podsObserved = ctx.observed('pods', ns);
  const pods = podsByOrdinal(ctx, sts);
  const facts: OrdinalFacts[] = [];
  for (let o = sts.ordinalsStart; o < ordinalRangeEnd(sts); o++) facts.push(ordinalFacts(ctx, sts, o, pods.get(o), podsObserved));

  const block = findRolloutBlock(sts, facts);
  if (block) {
    block.blocker.view.blocking = true;
    reportRolloutBlock(ctx, sts, block);
  }
  reportNotReady(ctx, sts, facts, block);
  if (podsObserved) reportMissing(ctx, sts, facts);
  reportLeftoverClaims(ctx, sts, leftovers);
  const serviceHeadless = checkGoverningService(ctx, sts);
  checkEphemeralData(ctx, sts);
  checkGenerationLag(ctx, sts);

  const view: StatefulSetView = {
    namespace: ns ?? '',
    name: sts.meta.name,
    replicas: sts.replicas,
    readyReplicas: sts.status.readyReplicas,
    ...optional('serviceName', sts.serviceName || undefined),
    serviceHeadless,
    podManagementPolicy: sts.podManagementPolicy,
    updateStrategy: sts.updateStrategy.type,
    ...optional('partition', sts.updateStrategy.partition),
    ...optional('currentRevision', sts.status.currentRevision),
    ...optional('updateRevision', sts.status.updateRevision),
    ordinals: [...facts.map((f) => f.view), ...leftoverOrdinals(ctx, sts, pods, leftovers, podsObserved)],
    ...optional('blockingOrdinal', block?.blocker.ordinal),
  };
  return { view, blockingPod: block?.blocker.pod };
}

/** Ordinals outside the range that still have claims or a pod, ascending, each with the claims found. */
function leftoverOrdinals(
  ctx: AnalysisContext,
  sts: StatefulSet,
  pods: Map<number, Pod>,
  leftovers: LeftoverClaim[],
  podsObserved: boolean,
): OrdinalView[] {
  const claimsByOrdinal = new Map<number, OrdinalClaimView[]>();
  for (const l of leftovers) {
    const claims = claimsByOrdinal.get(l.ordinal) ?? [];
    claims.push(claimView(ctx, sts.meta.namespace, l.template, l.claim.meta.name));
    claimsByOrdinal.set(l.ordinal, claims);
  }
  for (const o of pods.keys()) if (!inOrdinalRange(sts, o) && !claimsByOrdinal.has(o)) claimsByOrdinal.set(o, []);
  return [...claimsByOrdinal.keys()]
    .sort((a, b) => a - b)
    .map((o) => ordinalFacts(ctx, sts, o, pods.get(o), podsObserved, claimsByOrdinal.get(o)).view);
}

/** One finding per set for the not-Ready ordinals the blocker does not already explain; pods still starting are left out. */
function reportNotReady(ctx: AnalysisContext, sts: StatefulSet, facts: OrdinalFacts[], block: RolloutBlock | undefined): void {
  const notReady = facts.filter((f) => f.notReady?.fault && f !== block?.blocker);
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

/**
 * Ordinals without a pod that nothing explains. With OrderedReady, ordinals above an existing not-Ready pod are
 * explained by it: either it blocks them (sts-rollout-blocked) or it is still starting and they come next.
 */
function reportMissing(ctx: AnalysisContext, sts: StatefulSet, facts: OrdinalFacts[]): void {
  const gate = sts.podManagementPolicy === 'OrderedReady' ? facts.find((f) => !f.healthy) : undefined;
  const heldBackAbove = gate?.pod ? gate.ordinal : Infinity;
  const missing = facts.filter((f) => !f.pod && f.ordinal < heldBackAbove);
  if (missing.length === 0) return;
  const ns = sts.meta.namespace;
  const ordinals = missing.map((f) => f.ordinal);
  ctx.emit({
    code: 'sts-ordinal-missing',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} wants ${sts.replicas} replica${sts.replicas === 1 ? '' : 's'} but ` +
      `${ordinalsText(ordinals)} ha${missing.length === 1 ? 's' : 've'} no pod (${missing.map((f) => f.podName).join(', ')}), ` +
      'and no lower ordinal holds them back: the controller is not creating them.',
    hint: `kubectl describe statefulset -n ${ns} ${sts.meta.name} (its events show why pod creation fails: quota, admission, claims)`,
    details: { ordinals: ordinals.join(','), count: missing.length },
  });
}
