// PersistentVolume findings and the report's volume view: what became of storage whose claim is gone, volumes
// stuck on the way in or out, and dangling claim references.
import type { ObjectRef, VolumeView } from '../model/report';
import type { PersistentVolume } from '../model/snapshot';
import { formatBytes, quantityBytes } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { claimObjectRef, compact, describeOrdinal, ordinalOfClaimRef, refOf, withDefined } from './refs';
import { key } from './snapshotIndex';

/**
 * An orphaned volume: Released with reclaim policy Retain and not being deleted. Nothing will ever bind, use or free
 * it unless a human acts. The one rule behind pv-released-retain and the report summary's orphan count, so the two
 * always agree (a volume already being deleted gets pv-terminating-stuck instead, if anything).
 */
export function isOrphanedVolume(pv: PersistentVolume): boolean {
  return pv.phase === 'Released' && pv.reclaimPolicy === 'Retain' && !pv.meta.deletionTimestamp;
}

export function analyzeVolumes(ctx: AnalysisContext): VolumeView[] {
  const views = ctx.snapshot.persistentVolumes.map((pv) => {
    const view = volumeView(ctx, pv);
    checkVolume(ctx, pv, view);
    return view;
  });
  return views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function volumeView(ctx: AnalysisContext, pv: PersistentVolume): VolumeView {
  const ref = pv.claimRef;
  // Contract order; undefined facts are left out.
  return withDefined({} as VolumeView, {
    name: pv.meta.name,
    phase: pv.phase,
    capacity: pv.capacity,
    capacityBytes: quantityBytes(pv.capacity),
    reclaimPolicy: pv.reclaimPolicy,
    storageClass: pv.storageClassName,
    accessModes: pv.accessModes,
    claim: ref && `${ref.namespace}/${ref.name}`,
    phaseAgeSeconds: secondsSince(pv.lastPhaseTransitionTime ?? pv.meta.creationTimestamp, ctx.nowMs),
    ageSeconds: secondsSince(pv.meta.creationTimestamp, ctx.nowMs),
    source: pv.source,
    ownerOrdinal: ref && ordinalOfClaimRef(ctx.index, ref.namespace, ref.name),
    message: pv.statusMessage,
  });
}

function checkVolume(ctx: AnalysisContext, pv: PersistentVolume, view: VolumeView): void {
  const object = refOf('PersistentVolume', pv.meta);
  if (pv.meta.deletionTimestamp) {
    // A volume on its way out gets only the deletion finding: phase findings would describe a state being undone.
    checkTerminating(ctx, pv, object);
    return;
  }
  if (pv.reclaimPolicy === 'Recycle') {
    ctx.emit({
      code: 'pv-recycle-deprecated',
      object,
      message: `PersistentVolume ${pv.meta.name} uses the deprecated reclaim policy Recycle.`,
      hint: `kubectl patch pv ${pv.meta.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}' (or Delete)`,
    });
  }
  const phaseAge = view.phaseAgeSeconds ?? 0;
  const size = view.capacityBytes !== undefined ? formatBytes(view.capacityBytes) : 'unknown size';
  switch (pv.phase) {
    case 'Released':
      if (isOrphanedVolume(pv)) releasedRetain(ctx, pv, view, object, size);
      else if (pv.reclaimPolicy === 'Delete' && phaseAge >= ctx.options.pendingGraceSeconds) reclaimFailed(ctx, pv, view, object);
      break;
    case 'Failed':
      if (pv.reclaimPolicy === 'Delete') reclaimFailed(ctx, pv, view, object);
      else {
        ctx.emit({
          code: 'pv-failed',
          object,
          message: `PersistentVolume ${pv.meta.name} (${size}) has been Failed for ${humanizeAge(phaseAge)}${statusSuffix(pv)}.`,
          hint: `kubectl describe pv ${pv.meta.name}`,
          details: compact({ phaseAgeSeconds: view.phaseAgeSeconds, capacityBytes: view.capacityBytes, reclaimPolicy: pv.reclaimPolicy }),
        });
      }
      break;
    case 'Pending':
      if (phaseAge >= ctx.options.pendingGraceSeconds) {
        ctx.emit({
          code: 'pv-pending',
          object,
          message: `PersistentVolume ${pv.meta.name} has been Pending for ${humanizeAge(phaseAge)}${statusSuffix(pv)}.`,
          hint: `kubectl describe pv ${pv.meta.name}`,
          details: compact({ phaseAgeSeconds: view.phaseAgeSeconds }),
        });
      }
      break;
    case 'Available':
      if (phaseAge > ctx.options.availableAfterSeconds) {
        ctx.emit({
          code: 'pv-available-long',
          object,
          message:
            `PersistentVolume ${pv.meta.name} (${size}, class ${pv.storageClassName || '""'}) has been Available ` +
            `and unused for ${humanizeAge(phaseAge)}.`,
          details: compact({ phaseAgeSeconds: view.phaseAgeSeconds, capacityBytes: view.capacityBytes }),
        });
      }
      break;
    case 'Bound':
      checkClaimRef(ctx, pv, object);
      break;
  }
}

const statusSuffix = (pv: PersistentVolume): string => (pv.statusMessage ? `: ${pv.statusMessage}` : '');

function releasedRetain(ctx: AnalysisContext, pv: PersistentVolume, view: VolumeView, object: ObjectRef, size: string): void {
  const ref = pv.claimRef;
  const owner = view.ownerOrdinal;
  const age = humanizeAge(view.phaseAgeSeconds ?? 0);
  const belonged = ref ? `; it belonged to claim ${ref.namespace}/${ref.name}` : '';
  const wasOrdinal = owner ? `, which was ${describeOrdinal(owner)}` : '';
  const related: ObjectRef[] = [];
  if (ref) related.push(claimObjectRef(ref.namespace, ref.name));
  if (owner) related.push({ kind: 'StatefulSet', namespace: owner.namespace, name: owner.statefulSet });
  ctx.emit({
    code: 'pv-released-retain',
    object,
    message:
      `PersistentVolume ${pv.meta.name} (${size}, class ${pv.storageClassName || '""'}) has been Released with ` +
      `reclaim policy Retain for ${age}${belonged}${wasOrdinal}.`,
    hint: owner
      ? `To give ordinal ${owner.ordinal} its data back, remove the claimRef uid before ${ref?.name} is recreated: ` +
        `kubectl patch pv ${pv.meta.name} --type json -p '[{"op":"remove","path":"/spec/claimRef/uid"}]'; ` +
        `otherwise back it up and delete the volume and its disk.`
      : `If nobody needs the data, back it up and delete the volume and its disk: kubectl delete pv ${pv.meta.name}`,
    ...(related.length ? { related } : {}),
    details: compact({
      capacityBytes: view.capacityBytes,
      phaseAgeSeconds: view.phaseAgeSeconds,
      claim: view.claim,
      statefulSet: owner?.statefulSet,
      ordinal: owner?.ordinal,
      template: owner?.template,
    }),
  });
}

function reclaimFailed(ctx: AnalysisContext, pv: PersistentVolume, view: VolumeView, object: ObjectRef): void {
  ctx.emit({
    code: 'pv-reclaim-failed',
    object,
    message:
      `PersistentVolume ${pv.meta.name} has reclaim policy Delete but is still ${pv.phase} after ` +
      `${humanizeAge(view.phaseAgeSeconds ?? 0)}: deleting it failed${statusSuffix(pv)}.`,
    hint: `kubectl describe pv ${pv.meta.name}, then check the ${pv.source} provisioner logs`,
    details: compact({
      phaseAgeSeconds: view.phaseAgeSeconds,
      capacityBytes: view.capacityBytes,
      statusMessage: pv.statusMessage,
      claim: view.claim,
    }),
  });
}

function checkClaimRef(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const ref = pv.claimRef;
  if (!ref || !ctx.observed('persistentvolumeclaims', ref.namespace)) return;
  const claim = ctx.index.pvcByKey.get(key(ref.namespace, ref.name));
  const recreated = claim !== undefined && ref.uid !== undefined && claim.meta.uid !== undefined && claim.meta.uid !== ref.uid;
  if (claim && !recreated) return;
  ctx.emit({
    code: 'pv-claimref-dangling',
    object,
    message: recreated
      ? `PersistentVolume ${pv.meta.name} is Bound to claim ${ref.namespace}/${ref.name} by uid ${ref.uid}, but that ` +
        `claim was recreated (uid ${claim?.meta.uid}).`
      : `PersistentVolume ${pv.meta.name} is Bound to claim ${ref.namespace}/${ref.name}, which does not exist.`,
    related: [claimObjectRef(ref.namespace, ref.name)],
    details: compact({ claim: `${ref.namespace}/${ref.name}`, claimRefUid: ref.uid, liveClaimUid: claim?.meta.uid }),
  });
}

function checkTerminating(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const since = secondsSince(pv.meta.deletionTimestamp, ctx.nowMs) ?? 0;
  if (since < ctx.options.terminatingAfterSeconds) return;
  const finalizers = pv.meta.finalizers ?? [];
  const ref = pv.claimRef;
  const protectedByClaim = finalizers.includes('kubernetes.io/pv-protection') && pv.phase === 'Bound' && ref;
  ctx.emit({
    code: 'pv-terminating-stuck',
    object,
    message:
      `PersistentVolume ${pv.meta.name} was deleted ${humanizeAge(since)} ago but is held by ` +
      `${finalizers.length ? `finalizers ${finalizers.join(', ')}` : 'no finalizer left (the API server should remove it shortly)'}` +
      (protectedByClaim ? `; kubernetes.io/pv-protection keeps it while it is bound to claim ${ref.namespace}/${ref.name}.` : '.'),
    ...(protectedByClaim ? { hint: `Delete claim ${ref.namespace}/${ref.name} first (if its data is not needed).` } : {}),
    ...(ref ? { related: [claimObjectRef(ref.namespace, ref.name)] } : {}),
    details: compact({ terminatingSeconds: since, finalizers: finalizers.join(',') || undefined }),
  });
}
