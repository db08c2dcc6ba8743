// Why a claim is Pending, told apart the way an on-call engineer would: a class that does not exist or no
// default (broken now), WaitForFirstConsumer (normal until a pod waits), static binding with nothing to bind
// to, or a dynamic provisioner that is failing.
import type { ObjectRef } from '../model/report';
import type { PersistentVolumeClaim, Pod, StorageClass } from '../model/snapshot';
import { formatBytes, quantityBytes } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { effectiveDefaultClass } from './defaultClass';
import { BINDING_MODES } from './knownValues';
import { compact, refOf } from './refs';
import { key } from './snapshotIndex';
import type { StaticVolumePool } from './staticBinding';

export interface PendingClaim {
  claim: PersistentVolumeClaim;
  object: ObjectRef;
  /** namespace/name, for messages */
  id: string;
  pods: Pod[];
  /** Undefined when creationTimestamp is missing: no grace period can then be judged. */
  ageSeconds?: number;
}

const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export function checkPendingClaim(ctx: AnalysisContext, c: PendingClaim, pool: StaticVolumePool): void {
  const { claim, object, id, ageSeconds } = c;
  // An unknown age never passes a grace period: only conclusions that need no time are drawn then.
  const settled = ageSeconds !== undefined && ageSeconds >= ctx.options.pendingGraceSeconds;
  const pending = ageSeconds !== undefined ? `has been Pending for ${humanizeAge(ageSeconds)}` : 'is Pending (since when is unknown: no creationTimestamp)';
  let cls: StorageClass | undefined;

  if (claim.volumeName !== undefined) {
    // A claim that names its volume binds that volume or nothing: the controller neither provisions nor matches.
    if (settled) checkNamedVolume(ctx, c, claim.volumeName, pending);
    return;
  }

  if (claim.storageClassName === undefined) {
    if (!ctx.observed('storageclasses')) return;
    cls = effectiveDefaultClass(ctx.index);
    // Without a default class the binder still matches class-less volumes: one that fits is a binding under way.
    if (!cls && ctx.observed('persistentvolumes') && pool.fits(claim, '')) return;
    if (!cls) {
      ctx.emit({
        code: 'pvc-pending-no-default-class',
        object,
        message: `Claim ${id} sets no storageClassName and the cluster has no default StorageClass, so it ${pending} and will stay so.`,
        hint: 'kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true',
        details: compact({ ageSeconds }),
      });
      return;
    }
  } else if (claim.storageClassName === '') {
    if (settled) checkStaticMatch(ctx, c, pool, '', `Claim ${id} (class "", static binding only) ${pending}`);
    return;
  } else {
    cls = ctx.index.storageClassByName.get(claim.storageClassName);
    if (!cls) {
      if (!ctx.observed('storageclasses')) return;
      ctx.emit({
        code: 'pvc-pending-class-missing',
        object,
        message: `Claim ${id} names StorageClass ${claim.storageClassName}, which does not exist, so it ${pending} and will stay so.`,
        hint: `Create StorageClass ${claim.storageClassName} or recreate the claim with an existing class (kubectl get storageclass).`,
        related: [{ kind: 'StorageClass', name: claim.storageClassName }],
        details: compact({ ageSeconds, storageClass: claim.storageClassName }),
      });
      return;
    }
  }

  const classText = `class ${cls.meta.name}`;
  // A binding mode the API does not know is reported as storageclass-unknown-value; nothing is concluded from it.
  if (!BINDING_MODES.has(cls.volumeBindingMode)) return;
  if (cls.volumeBindingMode === 'WaitForFirstConsumer') {
    checkWaitingForConsumer(ctx, c, cls, pending);
  } else if (!settled) {
    return;
  } else if (cls.provisioner === NO_PROVISIONER) {
    checkStaticMatch(ctx, c, pool, cls.meta.name, `Claim ${id} (${classText}, no provisioner) ${pending}`);
  } else {
    ctx.emit({
      code: 'pvc-pending-provisioning',
      object,
      message: `Claim ${id} (${classText}, provisioner ${cls.provisioner}, Immediate binding) ${pending}: provisioning is failing.`,
      hint: `kubectl describe pvc ${claim.meta.name} -n ${claim.meta.namespace}: the provisioner reports its error in the events.`,
      related: [refOf('StorageClass', cls.meta)],
      details: compact({ ageSeconds, storageClass: cls.meta.name, provisioner: cls.provisioner }),
    });
  }
}

function checkWaitingForConsumer(ctx: AnalysisContext, c: PendingClaim, cls: StorageClass, pending: string): void {
  const { claim, object, id, pods, ageSeconds } = c;
  if (pods.length === 0) {
    // Without the namespace's pods we cannot tell "nobody uses it yet" from "a pod is stuck on it".
    if (!ctx.observed('pods', claim.meta.namespace)) return;
    ctx.emit({
      code: 'pvc-pending-wait-for-consumer',
      object,
      message: `Claim ${id} (class ${cls.meta.name}, WaitForFirstConsumer) ${pending}; no pod uses it yet, so this is expected.`,
      details: compact({ ageSeconds, storageClass: cls.meta.name }),
    });
    return;
  }
  // The wait starts when both the claim and its first consumer exist; a pod of unknown age starts no wait.
  let firstPodAge = 0;
  for (const p of pods) firstPodAge = Math.max(firstPodAge, secondsSince(p.meta.creationTimestamp, ctx.nowMs) ?? 0);
  if (ageSeconds === undefined) return;
  const waited = Math.min(ageSeconds, firstPodAge);
  if (waited < ctx.options.pendingGraceSeconds) return;
  const waiting = pods.find((p) => p.unschedulableMessage) ?? pods[0];
  ctx.emit({
    code: 'pvc-pending-consumer-waiting',
    object,
    message:
      `Claim ${id} (class ${cls.meta.name}, WaitForFirstConsumer) ${pending} while pod ${waiting.meta.name} waits for it` +
      (waiting.unschedulableMessage ? `: ${waiting.unschedulableMessage}` : '.'),
    hint: `kubectl describe pod ${waiting.meta.name} -n ${claim.meta.namespace} and kubectl describe pvc ${claim.meta.name} -n ${claim.meta.namespace}`,
    related: pods.map((p) => refOf('Pod', p.meta)),
    details: compact({ ageSeconds, waitedSeconds: waited, storageClass: cls.meta.name, pod: waiting.meta.name }),
  });
}

function checkStaticMatch(
  ctx: AnalysisContext,
  c: PendingClaim,
  pool: StaticVolumePool,
  className: string,
  lead: string,
): void {
  const { claim, object } = c;
  if (!ctx.observed('persistentvolumes')) return;
  // A volume pre-bound to this claim by claimRef is meant for it: binding is a matter of time, not of matching.
  if (ctx.index.pvsByClaim.has(key(claim.meta.namespace, claim.meta.name))) return;
  if (pool.fits(claim, className)) return;
  const size = quantityBytes(claim.requestedStorage);
  ctx.emit({
    code: 'pvc-pending-no-match',
    object,
    message:
      `${lead}: no Available PersistentVolume has class ${className || '""'}, at least ` +
      `${size !== undefined ? formatBytes(size) : 'the requested size'}, access modes ${claim.accessModes.join(',')} ` +
      `and volume mode ${claim.volumeMode}.`,
    hint: 'Create a matching PersistentVolume, or change the claim to fit an existing one (kubectl get pv).',
    details: compact({ ageSeconds: c.ageSeconds, storageClass: className, requestedBytes: size }),
  });
}

/** A claim with spec.volumeName waits for that volume: report it missing, or taken by another claim. */
function checkNamedVolume(ctx: AnalysisContext, c: PendingClaim, volumeName: string, pending: string): void {
  const { claim, object, id } = c;
  if (!ctx.observed('persistentvolumes')) return;
  const pv = ctx.index.pvByName.get(volumeName);
  const ref = pv?.claimRef;
  const mine = ref !== undefined && ref.namespace === claim.meta.namespace && ref.name === claim.meta.name && (ref.uid === undefined || ref.uid === claim.meta.uid);
  // Unreserved or reserved for this claim: the controller binds it (a class or size mismatch shows in the events).
  if (pv && (!ref || mine)) return;
  ctx.emit({
    code: 'pvc-pending-no-match',
    object,
    message: pv
      ? `Claim ${id} names volume ${volumeName} in spec.volumeName and ${pending}: that volume belongs to claim ${ref?.namespace}/${ref?.name}.`
      : `Claim ${id} names volume ${volumeName} in spec.volumeName and ${pending}: that volume does not exist.`,
    hint: `Create PersistentVolume ${volumeName} for this claim, or recreate the claim without spec.volumeName (kubectl get pv).`,
    related: [{ kind: 'PersistentVolume', name: volumeName }],
    details: compact({ ageSeconds: c.ageSeconds, volume: volumeName, volumeClaim: pv && ref ? `${ref.namespace}/${ref.name}` : undefined }),
  });
}
