// A claim asking for more than it has: a resize under way that has not finished, or none at all.
import type { ObjectRef } from '../model/report';
import type { PersistentVolumeClaim } from '../model/snapshot';
import { formatBytes, quantityBytes } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { compact } from './refs';

// Conditions the resize controllers set while a resize runs or after it failed (the last two since 1.31).
const RESIZE_CONDITIONS = new Set(['Resizing', 'FileSystemResizePending', 'ControllerResizeError', 'NodeResizeError']);

export function checkClaimSize(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string): void {
  const requested = quantityBytes(claim.requestedStorage);
  const capacity = quantityBytes(claim.capacity);
  if (requested === undefined || capacity === undefined || requested <= capacity) return;
  const sizes = `asks for ${formatBytes(requested)} but has ${formatBytes(capacity)}`;
  const details = { requestedBytes: requested, capacityBytes: capacity };
  const condition = claim.conditions?.find((c) => c.status === 'True' && RESIZE_CONDITIONS.has(c.type));

  if (condition || claim.resizeStatus) {
    const state = condition?.type ?? claim.resizeStatus ?? '';
    const failed = /Infeasible|Error/.test(`${state} ${claim.resizeStatus ?? ''}`);
    const since = secondsSince(condition?.lastTransitionTime, ctx.nowMs);
    // A resize takes a while; a failed one or one of unknown age is worth reporting at once.
    if (!failed && since !== undefined && since < ctx.options.pendingGraceSeconds) return;
    ctx.emit({
      code: 'pvc-resize-pending',
      object,
      message:
        `Claim ${id} ${sizes}; the resize is ${failed ? 'failing' : 'not finished'} (${state}` +
        `${since !== undefined ? ` for ${humanizeAge(since)}` : ''})` +
        (condition?.message ? `: ${condition.message}` : '.'),
      hint:
        state === 'FileSystemResizePending'
          ? 'Restart the pod that mounts the claim so the file system grows.'
          : `kubectl describe pvc ${claim.meta.name} -n ${claim.meta.namespace}, then the CSI resizer logs`,
      details: compact({ ...details, resizeState: state, resizeStatus: claim.resizeStatus, sinceSeconds: since }),
    });
    return;
  }

  const cls = claim.storageClassName ? ctx.index.storageClassByName.get(claim.storageClassName) : undefined;
  const cause =
    cls && !cls.allowVolumeExpansion
      ? `StorageClass ${cls.meta.name} does not allow volume expansion`
      : 'no resize is in progress (does the driver run a resizer?)';
  ctx.emit({
    code: 'pvc-capacity-below-request',
    object,
    message: `Claim ${id} ${sizes} and ${cause}.`,
    details: compact({ ...details, storageClass: claim.storageClassName }),
  });
}
