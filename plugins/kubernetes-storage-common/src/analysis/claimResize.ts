// A claim asking for more than it has: a resize under way that has not finished (on the controller side or on the
// node), one that only waits for the next mount, or none at all. Since 1.24 (online expansion GA) the kubelet grows
// the file system of a mounted volume while the pod runs, so a restart is the exception, not the fix.
import type { ObjectRef } from '../model/report';
import type { PersistentVolumeClaim, Pod } from '../model/snapshot';
import { formatBytes, quantityBytes } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { compact, refOf } from './refs';

// Conditions the resize controllers set while a resize runs or after it failed (the last two since 1.31).
const RESIZE_CONDITIONS = new Set(['Resizing', 'FileSystemResizePending', 'ControllerResizeError', 'NodeResizeError']);
/** The node's part: the backend volume is already larger, the file system is not yet. */
const NODE_STAGE = /FileSystemResizePending|NodeResize(Pending|InProgress)/;
const FAILED = /Infeasible|Error|Failed/;

export function checkClaimSize(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
  const requested = quantityBytes(claim.requestedStorage);
  const capacity = quantityBytes(claim.capacity);
  if (requested === undefined || capacity === undefined || requested <= capacity) return;
  const sizes = `asks for ${formatBytes(requested)} but has ${formatBytes(capacity)}`;
  const condition = claim.conditions?.find((c) => c.status === 'True' && RESIZE_CONDITIONS.has(c.type));

  if (!condition && !claim.resizeStatus) {
    const cls = claim.storageClassName ? ctx.index.storageClassByName.get(claim.storageClassName) : undefined;
    const cause =
      cls && !cls.allowVolumeExpansion
        ? `StorageClass ${cls.meta.name} does not allow volume expansion`
        : 'no resize is in progress (does the driver run a resizer?)';
    ctx.emit({
      code: 'pvc-capacity-below-request',
      object,
      message: `Claim ${id} ${sizes} and ${cause}.`,
      details: compact({ requestedBytes: requested, capacityBytes: capacity, storageClass: claim.storageClassName }),
    });
    return;
  }

  const state = condition?.type ?? claim.resizeStatus ?? '';
  const both = `${state} ${claim.resizeStatus ?? ''}`;
  const failed = FAILED.test(both);
  const onNode = !failed && NODE_STAGE.test(both);
  const since = secondsSince(condition?.lastTransitionTime, ctx.nowMs);
  const details = compact({ requestedBytes: requested, capacityBytes: capacity, resizeState: state, resizeStatus: claim.resizeStatus, sinceSeconds: since });
  const ns = claim.meta.namespace ?? '';
  const podsRead = ctx.observed('pods', ns);
  const mounting = pods.filter((p) => p.phase === 'Running' && !!p.nodeName);
  const forTime = since !== undefined ? ` for ${humanizeAge(since)}` : '';
  const said = condition?.message ? `: ${condition.message}` : '.';

  if (onNode && podsRead && mounting.length === 0) {
    ctx.emit({
      code: 'pvc-resize-on-next-mount',
      object,
      message: `Claim ${id} ${sizes}: the volume is already expanded and its file system grows when a pod next mounts it (${state}); no pod mounts it now.`,
      details,
    });
    return;
  }
  // A resize takes a while: only a failed one is reported at once; an unknown age never passes the grace period.
  if (!failed && (since === undefined || since < ctx.options.pendingGraceSeconds)) return;

  let message: string;
  let hint: string;
  if (failed) {
    message = `Claim ${id} ${sizes}; the resize is failing (${state}${forTime})${said}`;
    hint =
      `kubectl describe pvc ${claim.meta.name} -n ${ns}, then the CSI resizer logs. With RecoverVolumeExpansionFailure ` +
      '(1.32+) the request may be lowered back to a size the backend accepts, but not below the current capacity.';
  } else if (onNode) {
    const readOnly = mounting.length > 0 && mounting.every((p) => p.volumes.some((v) => v.claimName === claim.meta.name && v.readOnly));
    const where = mounting.map((p) => `${p.meta.name} on ${p.nodeName}`).join(', ');
    message =
      `Claim ${id} ${sizes}; the volume is expanded but its file system is not yet (${state}${forTime})` +
      (podsRead ? `, while ${where} ${mounting.length === 1 ? 'mounts' : 'mount'} it` : ' (pods were not read, so who mounts it is unknown)') +
      '.';
    hint =
      mounting.length > 0
        ? `The kubelet grows the file system online while the pod runs (no restart needed): kubectl describe pod ${mounting[0].meta.name} -n ${ns} ` +
          'for FileSystemResizeFailed, and the CSI node plugin logs on its node. Only a driver without online expansion needs a pod restart.' +
          // The kubelet skips online expansion for a persistentVolumeClaim source marked readOnly; the projection
          // cannot tell that from read-only container mounts, so say both.
          (readOnly
            ? ' The pod mounts it read-only: if that is the pod\'s persistentVolumeClaim.readOnly, the kubelet does not expand it online and it grows when the pod is restarted.'
            : '')
        : `kubectl describe pvc ${claim.meta.name} -n ${ns}; the file system grows online in a running pod or at the next mount.`;
  } else {
    message = `Claim ${id} ${sizes}; the resize is not finished (${state}${forTime})${said}`;
    hint = `kubectl describe pvc ${claim.meta.name} -n ${ns}, then the CSI resizer (external-resizer) logs`;
  }
  ctx.emit({
    code: 'pvc-resize-pending',
    object,
    message,
    hint,
    ...(mounting.length > 0 ? { related: mounting.map((p) => refOf('Pod', p.meta)) } : {}),
    details,
  });
}
