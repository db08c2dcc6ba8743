// PVCs of StatefulSet ordinals outside the set's range: what a scale-in (or a moved spec.ordinals.start) leaves
// behind. Found in ONE pass over all claims through the index's exact `<template>-<sts>-<ordinal>` rule, so
// the cost does not grow with the number of sets, and `data-db-backup-0` never counts for a set named `db`.
import type { PersistentVolumeClaim, StatefulSet } from '../model/snapshot';
import { formatBytes, quantityBytes } from '../util/quantity';
import type { AnalysisContext } from './context';
import { ordinalRangeEnd } from './ordinals';
import { ordinalRangesText, toRanges } from './ordinalRanges';
import { refOf } from './refs';
import { key } from './snapshotIndex';

export interface LeftoverClaim {
  claim: PersistentVolumeClaim;
  template: string;
  ordinal: number;
}

/**
 * Every claim named `<template>-<sts>-<ordinal>` after one of a set's templates, in or out of its range, by
 * namespace/set, in snapshot order: one pass over all claims whatever the sets' replicas say.
 */
export function claimsBySet(ctx: AnalysisContext): Map<string, LeftoverClaim[]> {
  const bySet = new Map<string, LeftoverClaim[]>();
  for (const claim of ctx.snapshot.persistentVolumeClaims) {
    const match = ctx.index.ordinalOfClaim(claim.meta.namespace ?? '', claim.meta.name);
    if (!match) continue;
    const setKey = key(match.statefulSet.meta.namespace, match.statefulSet.meta.name);
    const list = bySet.get(setKey) ?? [];
    list.push({ claim, template: match.template, ordinal: match.ordinal });
    bySet.set(setKey, list);
  }
  return bySet;
}

/**
 * Reports the leftovers nobody uses. Claims already being deleted are on their way out, and a claim a pod still
 * mounts is in use (a scale-in caught half way): neither is a leftover yet.
 *
 * With whenScaled: Delete the controller should have removed them; they are still reported, because they cost
 * the same whatever should have happened (typically they predate the policy, which only applies to scale-ins
 * after it was set, or the deletion failed), and the message says so.
 */
export function reportLeftoverClaims(ctx: AnalysisContext, sts: StatefulSet, leftovers: LeftoverClaim[]): void {
  const ns = sts.meta.namespace;
  // "Nobody mounts it" needs the pods: unread, a claim still in use would be offered for deletion.
  if (!ctx.observed('pods', ns)) return;
  const unused = leftovers.filter(
    (l) => !l.claim.meta.deletionTimestamp && !ctx.index.podsByClaim.get(key(ns, l.claim.meta.name))?.length,
  );
  if (unused.length === 0) return;

  const names = unused.map((l) => l.claim.meta.name);
  const ordinals = [...new Set(unused.map((l) => l.ordinal))].sort((a, b) => a - b);
  const ordinalText = ordinalRangesText(toRanges(ordinals));
  const sizes = unused.map((l) => quantityBytes(l.claim.requestedStorage));
  const requestedBytes = sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  const sizeText = sizes.some((s) => s === undefined) ? `at least ${formatBytes(requestedBytes)}` : formatBytes(requestedBytes);
  const range = `ordinals ${sts.ordinalsStart}-${ordinalRangeEnd(sts) - 1}`;
  const policyNote =
    sts.pvcRetentionPolicy.whenScaled === 'Delete'
      ? ' persistentVolumeClaimRetentionPolicy.whenScaled is Delete, so the controller should have removed them ' +
        '(they predate the policy or their deletion failed).'
      : '';

  ctx.emit({
    code: 'sts-leftover-claims',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} runs ${sts.replicas} replica${sts.replicas === 1 ? '' : 's'} ` +
      `(${sts.replicas > 0 ? range : 'no ordinals'}) but ${unused.length} claim${unused.length === 1 ? '' : 's'} of ` +
      `${ordinalText} remain${unused.length === 1 ? 's' : ''}: ${names.join(', ')} (${sizeText} requested). ` +
      `They are reused, data included, if the set scales out to those ordinals again.${policyNote}`,
    hint: `If ${sts.meta.name} will not scale out again and nobody needs the data: kubectl delete pvc -n ${ns} ${names.join(' ')}`,
    related: unused.map((l) => refOf('PersistentVolumeClaim', l.claim.meta)),
    details: { claims: names.join(','), ordinals: ordinals.join(','), requestedBytes, count: unused.length },
  });
}
