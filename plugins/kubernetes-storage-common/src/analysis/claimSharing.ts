// A single-writer claim used by several pods or nodes: ReadWriteOncePod (the scheduler admits one pod), and
// ReadWriteOnce across nodes, which blocks a pod only when Kubernetes attaches the volume (Multi-Attach).
import type { ObjectRef } from '../model/report';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../model/snapshot';
import { volumeAttachment } from './attachment';
import type { AnalysisContext } from './context';
import { isOnNode, isUnfinished, refOf } from './refs';
import { secondsSince } from '../util/time';

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const podPlace = (p: Pod): string => (p.nodeName ? `${p.meta.name} on ${p.nodeName}` : `${p.meta.name} unscheduled`);

/** Waiting reasons of a pod whose volumes are not set up yet (anything else means its containers got that far). */
const BEFORE_MOUNT: ReadonlySet<string> = new Set(['ContainerCreating', 'PodInitializing']);

/**
 * A scheduled pod still waiting for its volumes: phase Pending and no container past volume setup. The kubelet
 * mounts every volume before it pulls images or starts containers, so a pod in ImagePullBackOff or a Running pod
 * (Ready or not) has its volume and is not waiting for an attach.
 */
function waitsForVolumes(p: Pod): boolean {
  if (p.phase !== 'Pending' || !p.nodeName) return false;
  return p.containers.every((c) => c.state === 'unknown' || (c.state === 'waiting' && (c.reason === undefined || BEFORE_MOUNT.has(c.reason))));
}

export function checkSharing(ctx: AnalysisContext, claim: PersistentVolumeClaim, object: ObjectRef, id: string, pods: Pod[]): void {
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
  const active = pods.filter(isOnNode);
  if (active.length < 2) return;
  const nodes = [...new Set(active.map((p) => p.nodeName as string))].sort(compareStrings);
  if (nodes.length < 2) return;
  const pv = claim.volumeName !== undefined ? ctx.index.pvByName.get(claim.volumeName) : undefined;
  const single = singleNodeModes(claim, pv);
  if (!single) return;
  const attachment = volumeAttachment(ctx, pv);
  // hostPath and local volumes exist on one node each and network file systems are shared by design: only a CSI
  // driver that skips attach leaves "one node" unenforced on storage that may not be shared.
  if (attachment.attached === false && !pv?.source.startsWith('csi:')) return;

  const modes = single.modes.join(', ');
  const what = single.volume ? `is bound to ${single.volume}, a ${modes} volume,` : `is ${modes}`;
  const where = active.map(podPlace).join(', ');
  const details = {
    pods: active.length,
    nodes: nodes.length,
    nodeNames: nodes.join(','),
    accessMode: single.modes.join(','),
    attachRequired: attachment.attached === 'unknown' ? 'unknown' : attachment.attached,
  };
  const related = active.map((p) => refOf('Pod', p.meta));
  const waiting = attachment.attached === false ? [] : active.filter(waitsForVolumes);
  // A rolling update of a ReadWriteOnce Deployment waits a moment for the old pod's detach: only a wait that has
  // outlasted the grace period (from the pod's creation; never when that is unknown) is a blocked pod.
  const blocked = waiting.filter((p) => {
    const age = secondsSince(p.meta.creationTimestamp, ctx.nowMs);
    return age !== undefined && age >= ctx.options.pendingGraceSeconds;
  });
  if (blocked.length === 0 && waiting.length > 0) return;

  if (blocked.length > 0) {
    const holders = active.filter((p) => !waitsForVolumes(p));
    ctx.emit({
      code: 'pvc-rwo-multi-node',
      object,
      message:
        `Claim ${id} ${what} but pods on ${nodes.length} nodes use it (${where}): ` +
        `${blocked.map((p) => p.meta.name).join(', ')} ${blocked.length === 1 ? 'has' : 'have'} not started, waiting for an attach ` +
        `the attach/detach controller refuses while the volume is attached elsewhere (Multi-Attach error)` +
        (attachment.attached === 'unknown' ? `, if it is attached at all: ${attachment.why}.` : '.'),
      hint:
        holders.length > 0
          ? `The volume follows the pod that holds it (${holders.map(podPlace).join(', ')}): let it finish or move it first, or keep the pods on one node.`
          : 'Keep the pods that share the claim on one node (affinity) or give each its own claim.',
      related,
      details: { ...details, blockedPods: blocked.map((p) => p.meta.name).join(',') },
    });
    return;
  }
  ctx.emit({
    code: 'pvc-rwo-several-nodes',
    object,
    message:
      `Claim ${id} ${what} but pods on ${nodes.length} nodes mount it (${where}), ` +
      (attachment.attached === false
        ? `and nothing enforces one node: ${attachment.why}. Safe only if the driver's storage is a shared file system.`
        : `and every pod has it mounted, so no attach is blocked now (${attachment.why}); ` +
          'the next pod that moves to another node will hit Multi-Attach.'),
    related,
    details,
  });
}

/**
 * The access modes that keep the claim's volume on one node, or undefined when it may be on several. Like the
 * attach/detach controller (IsMultiAttachAllowed), this reads the bound PersistentVolume's modes (the claim's only
 * when the volume is not in the snapshot): multi-attach is refused unless they include ReadWriteMany or ReadOnlyMany.
 */
function singleNodeModes(claim: PersistentVolumeClaim, pv: PersistentVolume | undefined): { modes: string[]; volume?: string } | undefined {
  const fromVolume = pv !== undefined && pv.accessModes.length > 0;
  const modes = fromVolume ? pv.accessModes : claim.accessModes;
  if (modes.length === 0 || modes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany')) return undefined;
  // Name the volume only when its modes are not the claim's, so the message explains itself.
  const same = modes.length === claim.accessModes.length && modes.every((m) => claim.accessModes.includes(m));
  return fromVolume && !same ? { modes, volume: pv.meta.name } : { modes };
}
