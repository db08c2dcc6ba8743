// PersistentVolumeClaim findings and the report's claim view: who uses each claim, which StatefulSet ordinal
// owns it, how full it is, and what is wrong with it. Pending claims are diagnosed in pendingClaims.ts, sizes in
// claimResize.ts, several-node use in claimSharing.ts.
import type { ClaimView, ObjectRef } from '../model/report';
import type { PersistentVolumeClaim, Pod, VolumeStats } from '../model/snapshot';
import { formatBytes, readQuantity } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import { checkClaimDeletion } from './claimDeletion';
import { checkClaimSize } from './claimResize';
import { checkSharing } from './claimSharing';
import type { AnalysisContext } from './context';
import { describeUnknown, PVC_PHASES, unknownDetails, unknownFields, VOLUME_MODES } from './knownValues';
import { checkPendingClaim } from './pendingClaims';
import { compact, ordinalOfClaimRef, refOf, withDefined } from './refs';
import { key } from './snapshotIndex';
import { buildStaticVolumePool, type StaticVolumePool } from './staticBinding';

export function analyzeClaims(ctx: AnalysisContext): ClaimView[] {
  const stats = statsByClaim(ctx.snapshot.volumeStats);
  const pool = buildStaticVolumePool(ctx.snapshot.persistentVolumes);
  const views = ctx.snapshot.persistentVolumeClaims.map((claim) => {
    const ns = claim.meta.namespace ?? '';
    const k = key(ns, claim.meta.name);
    const pods = ctx.index.podsByClaim.get(k) ?? [];
    const view = claimView(ctx, claim, ns, pods, stats.get(k));
    checkClaim(ctx, claim, view, pods, pool);
    return view;
  });
  return views.sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function statsByClaim(all: VolumeStats[]): Map<string, VolumeStats> {
  const map = new Map<string, VolumeStats>();
  for (const s of all) {
    const k = key(s.namespace, s.claimName);
    // Several pods may report the same shared volume; prefer an entry that carries numbers.
    if (!map.has(k) || (map.get(k)?.usedBytes === undefined && s.usedBytes !== undefined)) map.set(k, s);
  }
  return map;
}

function usageOf(s: VolumeStats | undefined): ClaimView['usage'] {
  if (!s) return undefined;
  const usedPercent =
    s.usedBytes !== undefined && s.capacityBytes ? Math.round((s.usedBytes / s.capacityBytes) * 1000) / 10 : undefined;
  return withDefined({} as NonNullable<ClaimView['usage']>, {
    usedBytes: s.usedBytes,
    capacityBytes: s.capacityBytes,
    availableBytes: s.availableBytes,
    usedPercent,
    nodeName: s.nodeName,
  });
}

function claimView(
  ctx: AnalysisContext,
  claim: PersistentVolumeClaim,
  ns: string,
  pods: Pod[],
  stats: VolumeStats | undefined,
): ClaimView {
  return withDefined({} as ClaimView, {
    namespace: ns,
    name: claim.meta.name,
    phase: claim.phase,
    volume: claim.volumeName,
    capacity: claim.capacity,
    requested: claim.requestedStorage,
    capacityProblem: readQuantity(claim.capacity).problem,
    requestedProblem: readQuantity(claim.requestedStorage).problem,
    storageClass: claim.storageClassName,
    accessModes: claim.accessModes,
    ageSeconds: secondsSince(claim.meta.creationTimestamp, ctx.nowMs),
    usedBy: pods.map((p) => p.meta.name).sort(compareStrings),
    ownerOrdinal: ordinalOfClaimRef(ctx.index, ns, claim.meta.name),
    usage: usageOf(stats),
  });
}

const podNames = (pods: Pod[]): string => `pod${pods.length === 1 ? '' : 's'} ${pods.map((p) => p.meta.name).join(', ')}`;

function checkClaim(ctx: AnalysisContext, claim: PersistentVolumeClaim, view: ClaimView, pods: Pod[], pool: StaticVolumePool): void {
  const object = refOf('PersistentVolumeClaim', claim.meta);
  const id = `${view.namespace}/${view.name}`;
  checkUnknownValues(ctx, claim, object, id);
  checkSharing(ctx, claim, object, id, pods);
  checkFull(ctx, view, object, id);
  if (claim.meta.deletionTimestamp) {
    // Being deleted: whether it is Pending, unused or undersized no longer matters, only that it is stuck.
    checkClaimDeletion(ctx, claim, view, object, id, pods);
    return;
  }
  // Unknown phases are reported by checkUnknownValues and judged no further.
  if (claim.phase === 'Pending') {
    checkPendingClaim(ctx, { claim, object, id, pods, ageSeconds: view.ageSeconds }, pool);
  } else if (claim.phase === 'Lost') {
    checkLost(ctx, claim, object, id, pods);
  } else if (claim.phase === 'Bound') {
    checkUnused(ctx, claim, view, object, id, pods);
    checkClaimSize(ctx, claim, object, id, pods);
  }
}

function checkUnknownValues(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string): void {
  const fields = unknownFields(
    [
      ['phase', claim.phase, PVC_PHASES],
      ['volumeMode', claim.volumeMode, VOLUME_MODES],
    ],
    [
      ['requested', claim.requestedStorage],
      ['capacity', claim.capacity],
    ],
  );
  if (fields.length === 0) return;
  ctx.emit({
    code: 'pvc-unknown-value',
    object,
    message: `Claim ${id} has ${describeUnknown(fields)}: checks that depend on ${fields.length === 1 ? 'it' : 'them'} were not made.`,
    details: unknownDetails(fields),
  });
}

function checkLost(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
  const volume = claim.volumeName;
  const pvsRead = ctx.observed('persistentvolumes');
  const pv = volume !== undefined ? ctx.index.pvByName.get(volume) : undefined;
  const ref = pv?.claimRef;
  const takenBy = ref && (ref.namespace !== claim.meta.namespace || ref.name !== claim.meta.name || (ref.uid !== undefined && ref.uid !== claim.meta.uid));
  const what = !volume
    ? 'its volume is gone'
    : pv
      ? takenBy
        ? `its PersistentVolume ${volume} now belongs to claim ${ref.namespace}/${ref.name}`
        : `its PersistentVolume ${volume} is unusable`
      : pvsRead
        ? `its PersistentVolume ${volume} no longer exists`
        : `its PersistentVolume ${volume} is gone or unusable (PersistentVolumes were not read)`;
  ctx.emit({
    code: 'pvc-lost',
    object,
    message:
      `Claim ${id} is Lost: ${what}` + (pods.length ? `; ${podNames(pods)} cannot use ${pods.length === 1 ? 'its' : 'their'} data.` : '.'),
    ...(volume && pvsRead && !pv
      ? { hint: `If the disk still exists, recreate PersistentVolume ${volume} pointing at it with claimRef ${id}: the claim returns to Bound.` }
      : {}),
    related: [...(volume ? [{ kind: 'PersistentVolume', name: volume }] : []), ...pods.map((p) => refOf('Pod', p.meta))],
    details: compact({ volume, pods: pods.length }),
  });
}

function checkUnused(
  ctx: AnalysisContext,
  claim: PersistentVolumeClaim,
  view: ClaimView,
  object: ObjectRef,
  id: string,
  pods: Pod[],
): void {
  if (pods.length > 0 || !ctx.observed('pods', view.namespace)) return;
  // Per-ordinal claims of a live StatefulSet are the StatefulSet findings' business (leftovers or scaled down),
  // and a generic ephemeral claim lives and dies with its pod.
  if (view.ownerOrdinal || claim.meta.ownerReferences?.some((o) => o.kind === 'Pod')) return;
  ctx.emit({
    code: 'pvc-unused',
    object,
    message:
      `Claim ${id} (${claim.capacity ?? claim.requestedStorage ?? 'unknown size'}, volume ${claim.volumeName ?? '?'}) ` +
      `is Bound but no pod mounts it${view.ageSeconds !== undefined ? `; created ${humanizeAge(view.ageSeconds)} ago` : ''}.`,
    details: compact({ ageSeconds: view.ageSeconds, volume: claim.volumeName }),
  });
}

function checkFull(ctx: AnalysisContext, view: ClaimView, object: ObjectRef, id: string): void {
  const u = view.usage;
  if (!u || u.usedPercent === undefined || u.usedPercent < ctx.options.nearlyFullPercent) return;
  ctx.emit({
    code: 'pvc-nearly-full',
    object,
    message:
      `Claim ${id} is ${u.usedPercent}% full (${formatBytes(u.usedBytes ?? 0)} of ${formatBytes(u.capacityBytes ?? 0)} used` +
      `${u.nodeName ? ` on node ${u.nodeName}` : ''}).`,
    hint: 'Free space or raise spec.resources.requests.storage (the StorageClass must allow expansion).',
    details: compact({ usedPercent: u.usedPercent, usedBytes: u.usedBytes, capacityBytes: u.capacityBytes }),
  });
}
