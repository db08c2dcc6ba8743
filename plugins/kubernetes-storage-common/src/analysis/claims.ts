// PersistentVolumeClaim findings and the report's claim view: who uses each claim, which StatefulSet ordinal
// owns it, how full it is, and what is wrong with it. Pending claims are diagnosed in pendingClaims.ts.
import type { ClaimView, ObjectRef } from '../model/report';
import type { PersistentVolumeClaim, Pod, VolumeStats } from '../model/snapshot';
import { formatBytes } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import { checkClaimSize } from './claimResize';
import type { AnalysisContext } from './context';
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
    storageClass: claim.storageClassName,
    accessModes: claim.accessModes,
    ageSeconds: secondsSince(claim.meta.creationTimestamp, ctx.nowMs),
    usedBy: pods.map((p) => p.meta.name).sort(compareStrings),
    ownerOrdinal: ordinalOfClaimRef(ctx.index, ns, claim.meta.name),
    usage: usageOf(stats),
  });
}

const isUnfinished = (p: Pod): boolean => p.phase !== 'Succeeded' && p.phase !== 'Failed';
/** Pods that hold the volume now: scheduled and not finished. */
const isActive = (p: Pod): boolean => isUnfinished(p) && !!p.nodeName;
const podNames = (pods: Pod[]): string => `pod${pods.length === 1 ? '' : 's'} ${pods.map((p) => p.meta.name).join(', ')}`;
const podPlace = (p: Pod): string => (p.nodeName ? `${p.meta.name} on ${p.nodeName}` : `${p.meta.name} unscheduled`);

function checkClaim(ctx: AnalysisContext, claim: PersistentVolumeClaim, view: ClaimView, pods: Pod[], pool: StaticVolumePool): void {
  const object = refOf('PersistentVolumeClaim', claim.meta);
  const id = `${view.namespace}/${view.name}`;
  checkSharing(ctx, claim, object, id, pods);
  checkFull(ctx, view, object, id);
  if (claim.meta.deletionTimestamp) {
    // Being deleted: whether it is Pending, unused or undersized no longer matters, only that it is stuck.
    checkTerminating(ctx, claim, object, id, pods);
    return;
  }
  if (claim.phase === 'Pending') {
    checkPendingClaim(ctx, { claim, object, id, pods, ageSeconds: view.ageSeconds ?? 0 }, pool);
  } else if (claim.phase === 'Lost') {
    checkLost(ctx, claim, object, id, pods);
  } else {
    checkUnused(ctx, claim, view, object, id, pods);
    checkClaimSize(ctx, claim, object, id);
  }
}

function checkLost(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
  const volume = claim.volumeName;
  const gone = volume !== undefined && ctx.observed('persistentvolumes') && !ctx.index.pvByName.has(volume);
  ctx.emit({
    code: 'pvc-lost',
    object,
    message:
      `Claim ${id} is Lost: ` +
      (volume ? `its PersistentVolume ${volume}${gone ? ' no longer exists' : ' is gone or unusable'}` : 'its volume is gone') +
      (pods.length ? `; ${podNames(pods)} cannot use ${pods.length === 1 ? 'its' : 'their'} data.` : '.'),
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

function checkSharing(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
  // ReadWriteOncePod is enforced by the scheduler from the claim's own modes; the attach rule below reads the volume's.
  if (claim.accessModes.includes('ReadWriteOncePod')) {
    // The scheduler keeps a second user unscheduled, so count every unfinished pod, scheduled or not.
    const users = pods.filter(isUnfinished);
    if (users.length < 2) return;
    ctx.emit({
      code: 'pvc-rwo-multi-node',
      object,
      message:
        `Claim ${id} is ReadWriteOncePod but ${users.length} pods use it (${users.map(podPlace).join(', ')}): ` +
        'only one of them can run.',
      related: users.map((p) => refOf('Pod', p.meta)),
      details: { pods: users.length, accessMode: 'ReadWriteOncePod' },
    });
    return;
  }
  const active = pods.filter(isActive);
  if (active.length < 2) return;
  const single = singleNodeModes(ctx, claim);
  if (!single) return;
  const modes = single.modes.join(', ');
  const nodes = [...new Set(active.map((p) => p.nodeName as string))].sort(compareStrings);
  if (nodes.length < 2) return;
  const where = active.map(podPlace).join(', ');
  ctx.emit({
    code: 'pvc-rwo-multi-node',
    object,
    message:
      `Claim ${id} ${single.volume ? `is bound to ${single.volume}, a ${modes} volume,` : `is ${modes}`} but mounted by ` +
      `pods on ${nodes.length} nodes (${where}): ` +
      'pods on all but one node cannot attach it (Multi-Attach error).',
    related: active.map((p) => refOf('Pod', p.meta)),
    details: { pods: active.length, nodes: nodes.length, nodeNames: nodes.join(','), accessMode: single.modes.join(',') },
  });
}

/**
 * Network file systems no node attaches: the same export is mounted on any number of nodes whatever the access
 * modes say. Only in-tree sources known to be multi-host file systems; block storage, CSI drivers (which we cannot
 * tell apart) and anything else stay subject to the attach rule.
 */
const SHARED_FILESYSTEM_SOURCES: ReadonlySet<string> = new Set(['nfs', 'cephfs', 'glusterfs', 'azureFile', 'quobyte']);

/**
 * The access modes that keep the claim's volume on one node, or undefined when it may be on several. Like the
 * attach/detach controller, this reads the bound PersistentVolume's modes (the claim's only when the volume is not
 * in the snapshot): multi-attach is refused unless they include ReadWriteMany or ReadOnlyMany.
 */
function singleNodeModes(ctx: AnalysisContext, claim: PersistentVolumeClaim): { modes: string[]; volume?: string } | undefined {
  const pv = claim.volumeName !== undefined ? ctx.index.pvByName.get(claim.volumeName) : undefined;
  if (pv && SHARED_FILESYSTEM_SOURCES.has(pv.source)) return undefined;
  const fromVolume = pv !== undefined && pv.accessModes.length > 0;
  const modes = fromVolume ? pv.accessModes : claim.accessModes;
  if (modes.length === 0 || modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany')) return undefined;
  // Name the volume only when its modes are not the claim's, so the message explains itself.
  const same = modes.length === claim.accessModes.length && modes.every((m) => claim.accessModes.includes(m));
  return fromVolume && !same ? { modes, volume: pv.meta.name } : { modes };
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

function checkTerminating(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
  const since = secondsSince(claim.meta.deletionTimestamp, ctx.nowMs) ?? 0;
  if (since < ctx.options.terminatingAfterSeconds) return;
  const finalizers = claim.meta.finalizers ?? [];
  const holders = pods.filter(isUnfinished);
  const protectedByPods = finalizers.includes('kubernetes.io/pvc-protection') && holders.length > 0;
  ctx.emit({
    code: 'pvc-terminating-stuck',
    object,
    message:
      `Claim ${id} was deleted ${humanizeAge(since)} ago but is held by ` +
      (finalizers.length ? `finalizers ${finalizers.join(', ')}` : 'no finalizer left') +
      (protectedByPods
        ? `; kubernetes.io/pvc-protection keeps it while ${podNames(holders)} ${holders.length === 1 ? 'uses' : 'use'} it.`
        : '.'),
    ...(protectedByPods ? { hint: 'Delete or move the pods that still mount it.', related: holders.map((p) => refOf('Pod', p.meta)) } : {}),
    details: compact({ terminatingSeconds: since, finalizers: finalizers.join(',') || undefined, pods: holders.length }),
  });
}
