// StatefulSets: one view per set with one row per ordinal that has objects, and the findings an on-call engineer
// needs about ordering, identity and storage. Each set is looked at through the index (its pods, its ordinal
// claims), claims are grouped by set in one pass, and ordinals without objects are handled as ranges, so the
// whole analysis stays linear in the snapshot whatever spec.replicas says (2147483647 is valid input).
import type { OrdinalClaimView, OrdinalView, StatefulSetView } from '../model/report';
import type { Pod, StatefulSet } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { claimsBySet, reportLeftoverClaims, type LeftoverClaim } from './leftoverClaims';
import { countOf, firstOrdinals, gapsIn, rangesText, type OrdinalRange } from './ordinalRanges';
import { claimView, hasValidRange, inOrdinalRange, ordinalFacts, ordinalRangeEnd, podsByOrdinal, type OrdinalFacts } from './ordinals';
import { reportRestartLoops } from './podRestartLoop';
import { optional } from './refs';
import { findRolloutBlock, reportRolloutBlock } from './rolloutBlock';
import { checkEphemeralData, checkGenerationLag, checkGoverningService, reportInvalidRange } from './statefulSetSpec';
import { reportMissing, reportNotReady } from './statefulSetOrdinalFindings';
import { key } from './snapshotIndex';

/**
 * In-range ordinals with neither pod nor claim get a Missing (or Unknown) row up to this many; the rest are
 * counted in ordinalsElided. Large enough for any real set, small enough that the view cannot explode.
 */
export const MISSING_ORDINAL_ROWS = 100;

export function analyzeStatefulSets(ctx: AnalysisContext): StatefulSetView[] {
  const claims = claimsBySet(ctx);
  const blockingPods = new Set<Pod>();
  const views = ctx.snapshot.statefulSets.map((sts) => {
    const { view, blockingPod } = analyzeStatefulSet(ctx, sts, claims.get(key(sts.meta.namespace, sts.meta.name)) ?? []);
    if (blockingPod) blockingPods.add(blockingPod);
    return view;
  });
  reportRestartLoops(ctx, blockingPods);
  return views;
}

function analyzeStatefulSet(
  ctx: AnalysisContext,
  sts: StatefulSet,
  claims: LeftoverClaim[],
): { view: StatefulSetView; blockingPod: Pod | undefined } {
  const ns = sts.meta.namespace;
  const podsObserved = ctx.observed('pods', ns);
  const pods = podsByOrdinal(ctx, sts);
  const serviceStatus = checkGoverningService(ctx, sts);
  checkEphemeralData(ctx, sts);
  const lagging = checkGenerationLag(ctx, sts);
  const base = {
    namespace: ns ?? '',
    name: sts.meta.name,
    replicas: sts.replicas,
    readyReplicas: sts.status.readyReplicas,
    availableReplicas: sts.status.availableReplicas,
    minReadySeconds: sts.minReadySeconds,
    ...optional('serviceName', sts.serviceName || undefined),
    serviceHeadless: serviceStatus === 'headless' ? true : serviceStatus === 'not-headless' ? false : null,
    ...optional('serviceStatus', serviceStatus),
    podManagementPolicy: sts.podManagementPolicy,
    updateStrategy: sts.updateStrategy.type,
    ...optional('partition', sts.updateStrategy.partition),
    ...optional('currentRevision', sts.status.currentRevision),
    ...optional('updateRevision', sts.status.updateRevision),
  };

  if (!hasValidRange(sts)) {
    // No range, so no ordinal is in or out of it: show what exists, conclude nothing about ordinals.
    reportInvalidRange(ctx, sts);
    const ordinals = [...new Set([...pods.keys(), ...claims.map((c) => c.ordinal)])].sort((a, b) => a - b);
    const byOrdinal = claimViewsByOrdinal(ctx, sts, claims);
    const rows = ordinals.map((o) => ordinalFacts(ctx, sts, o, pods.get(o), podsObserved, byOrdinal.get(o) ?? [], true).view);
    return { view: { ...base, replicasValid: false, ordinals: rows }, blockingPod: undefined };
  }

  const present: OrdinalFacts[] = [...pods.keys()]
    .filter((o) => inOrdinalRange(sts, o))
    .sort((a, b) => a - b)
    .map((o) => ordinalFacts(ctx, sts, o, pods.get(o), podsObserved));
  const missing = gapsIn(sts.ordinalsStart, ordinalRangeEnd(sts), present.map((f) => f.ordinal));

  const block = findRolloutBlock(sts, present, missing);
  if (block) {
    block.blocker.view.blocking = true;
    reportRolloutBlock(ctx, sts, block);
  }
  reportNotReady(ctx, sts, present, block);
  // Missing pods need the pods read, and a spec the controller has seen: a lagging generation explains them.
  if (podsObserved && !lagging) reportMissing(ctx, sts, present, missing);
  const leftovers = claims.filter((c) => !inOrdinalRange(sts, c.ordinal));
  reportLeftoverClaims(ctx, sts, leftovers);

  const { rows, elided } = inRangeRows(ctx, sts, present, claims, podsObserved);
  const view: StatefulSetView = {
    ...base,
    replicasValid: true,
    ordinals: [...rows, ...leftoverOrdinals(ctx, sts, pods, leftovers, podsObserved)],
    ...optional('ordinalsElided', countOf(elided) > 0 ? { count: countOf(elided), ranges: rangesText(elided) } : undefined),
    ...optional('blockingOrdinal', block?.blocker.ordinal),
  };
  return { view, blockingPod: block?.blocker.pod };
}

function claimViewsByOrdinal(ctx: AnalysisContext, sts: StatefulSet, claims: LeftoverClaim[]): Map<number, OrdinalClaimView[]> {
  const byOrdinal = new Map<number, OrdinalClaimView[]>();
  for (const l of claims) {
    const list = byOrdinal.get(l.ordinal) ?? [];
    list.push(claimView(ctx, sts.meta.namespace, l.template, l.claim.meta.name));
    byOrdinal.set(l.ordinal, list);
  }
  return byOrdinal;
}

/**
 * Rows for the range: every ordinal with a pod or a claim, and the lowest MISSING_ORDINAL_ROWS ordinals that have
 * neither; the remaining empty ordinals are returned as ranges to count, not to list.
 */
function inRangeRows(
  ctx: AnalysisContext,
  sts: StatefulSet,
  present: OrdinalFacts[],
  claims: LeftoverClaim[],
  podsObserved: boolean,
): { rows: OrdinalView[]; elided: OrdinalRange[] } {
  const withClaims = claims.filter((c) => inOrdinalRange(sts, c.ordinal)).map((c) => c.ordinal);
  const withPods = present.map((f) => f.ordinal);
  const empty = gapsIn(sts.ordinalsStart, ordinalRangeEnd(sts), [...withPods, ...withClaims]);
  const listedEmpty = firstOrdinals(empty, MISSING_ORDINAL_ROWS);
  const elided = gapsIn(sts.ordinalsStart, ordinalRangeEnd(sts), [...withPods, ...withClaims, ...listedEmpty]);
  const byOrdinal = new Map(present.map((f) => [f.ordinal, f.view] as const));
  const ordinals = [...new Set([...withPods, ...withClaims, ...listedEmpty])].sort((a, b) => a - b);
  const rows = ordinals.map((o) => byOrdinal.get(o) ?? ordinalFacts(ctx, sts, o, undefined, podsObserved).view);
  return { rows, elided };
}

/** Ordinals outside the range that still have claims or a pod, ascending, each with the claims found. */
function leftoverOrdinals(
  ctx: AnalysisContext,
  sts: StatefulSet,
  pods: Map<number, Pod>,
  leftovers: LeftoverClaim[],
  podsObserved: boolean,
): OrdinalView[] {
  const claimsByOrdinal = claimViewsByOrdinal(ctx, sts, leftovers);
  for (const o of pods.keys()) if (!inOrdinalRange(sts, o) && !claimsByOrdinal.has(o)) claimsByOrdinal.set(o, []);
  return [...claimsByOrdinal.keys()]
    .sort((a, b) => a - b)
    .map((o) => ordinalFacts(ctx, sts, o, pods.get(o), podsObserved, claimsByOrdinal.get(o), false).view);
}
