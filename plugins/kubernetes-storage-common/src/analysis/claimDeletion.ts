// A deleted claim that still exists: pvc-protection keeping it for the pods that use it (the protection working,
// so the advice is to leave it and protect the data), for finished pods that still name it, or a stuck finalizer.
import type { ClaimView, ObjectRef } from '../model/report';
import type { PersistentVolumeClaim, Pod } from '../model/snapshot';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { compact, isUnfinished, refOf } from './refs';

/**
 * The pods pvc-protection counts as using the claim: scheduled to a node and naming it in a persistentVolumeClaim
 * volume, whatever their phase (a Completed Job pod holds its claim too), or in their own ephemeral volume. The
 * controller lets an ephemeral claim go once its pod is shut down (force-deleted); that state is not projected, so
 * such a pod is counted until it is gone.
 */
function protectionHolders(claim: PersistentVolumeClaim, pods: Pod[]): Pod[] {
  return pods.filter((p) => !!p.nodeName && p.volumes.some((v) => v.claimName === claim.meta.name && (v.kind === 'persistentVolumeClaim' || v.kind === 'ephemeral')));
}

const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

export function checkClaimDeletion(
  ctx: AnalysisContext,
  claim: PersistentVolumeClaim,
  view: ClaimView,
  object: ObjectRef,
  id: string,
  pods: Pod[],
): void {
  const since = secondsSince(claim.meta.deletionTimestamp, ctx.nowMs);
  if (since === undefined || since < ctx.options.terminatingAfterSeconds) return;
  const finalizers = claim.meta.finalizers ?? [];
  const held = `was deleted ${humanizeAge(since)} ago but is held by ${finalizers.length ? `finalizers ${finalizers.join(', ')}` : 'no finalizer left'}`;
  const podsRead = ctx.observed('pods', view.namespace);
  const holders = finalizers.includes(PVC_PROTECTION) ? protectionHolders(claim, pods) : [];
  const running = holders.filter(isUnfinished);
  const finished = holders.filter((p) => !isUnfinished(p));
  const pv = claim.volumeName !== undefined ? ctx.index.pvByName.get(claim.volumeName) : undefined;
  const policy = pv?.reclaimPolicy;
  const fate = !pv
    ? ''
    : policy === 'Delete'
      ? ` Then volume ${pv.meta.name} (reclaim policy Delete) is deleted with its data.`
      : policy === 'Retain'
        ? ` Volume ${pv.meta.name} (reclaim policy Retain) is kept, Released.`
        : ` Volume ${pv.meta.name} has reclaim policy ${policy}.`;
  const details = compact({
    terminatingSeconds: since,
    finalizers: finalizers.join(',') || undefined,
    pods: podsRead ? holders.length : undefined,
    volume: pv?.meta.name,
    reclaimPolicy: policy,
  });
  const keepData = pv && policy === 'Delete' ? ` To keep the data: kubectl patch pv ${pv.meta.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'` : '';

  if (running.length > 0) {
    // The protection working: pods use the claim, so never advise deleting the pods or the claim.
    const names = running.map((p) => `${p.meta.name} (${p.phase})`).join(', ');
    const ordinal = view.ownerOrdinal;
    ctx.emit({
      code: 'pvc-terminating-stuck',
      object,
      message:
        `Claim ${id} ${held}: kubernetes.io/pvc-protection keeps it while pod${running.length === 1 ? '' : 's'} ${names} ` +
        `${running.length === 1 ? 'uses' : 'use'} it; it goes when ${running.length === 1 ? 'that pod stops' : 'they stop'}.${fate}` +
        (ordinal ? ` StatefulSet ${ordinal.statefulSet} would then recreate ${view.name} empty for ordinal ${ordinal.ordinal}.` : ''),
      hint: `Leave it: this is the protection working, and deleting the pods to unstick it ends in deleting the claim.${keepData}`,
      related: holders.map((p) => refOf('Pod', p.meta)),
      details,
    });
    return;
  }
  if (finished.length > 0) {
    const names = finished.map((p) => p.meta.name);
    ctx.emit({
      code: 'pvc-terminating-stuck',
      object,
      message:
        `Claim ${id} ${held}: kubernetes.io/pvc-protection keeps it for finished pod${names.length === 1 ? '' : 's'} ` +
        `${finished.map((p) => `${p.meta.name} (${p.phase})`).join(', ')}, which still name it.${fate}`,
      hint:
        `If the claim should really go, delete the finished pod${names.length === 1 ? '' : 's'}: ` +
        names.map((n) => `kubectl delete pod ${n} -n ${view.namespace}`).join('; ') +
        `.${keepData}`,
      related: finished.map((p) => refOf('Pod', p.meta)),
      details,
    });
    return;
  }
  const hint = !podsRead
    ? 'Pods were not read here, so whether one still uses the claim is unknown: kubectl get pods -n ' + view.namespace
    : finalizers.includes(PVC_PROTECTION)
      ? 'No pod uses it, so pvc-protection should have let it go: check that kube-controller-manager runs.'
      : finalizers.length
        ? `Find the controller that owns ${finalizers.join(', ')} and check it.`
        : undefined;
  ctx.emit({
    code: 'pvc-terminating-stuck',
    object,
    message: `Claim ${id} ${held}.`,
    ...(hint ? { hint } : {}),
    details,
  });
}
