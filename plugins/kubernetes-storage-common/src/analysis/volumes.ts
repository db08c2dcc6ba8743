// PersistentVolume findings and the report's volume view: what became of storage whose claim is gone, volumes
// stuck on the way in or out, dangling claim references, and volumes whose node is gone.
import type { ObjectRef, VolumeView } from '../model/report';
import type { PersistentVolume } from '../model/snapshot';
import { formatBytes, readQuantity } from '../util/quantity';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { describeUnknown, PV_PHASES, RECLAIM_POLICIES, unknownDetails, unknownFields, VOLUME_MODES } from './knownValues';
import { claimOnGoneNode, goneNodesOf, nodeGoneRecovery } from './nodeGone';
import { claimObjectRef, compact, describeOrdinal, isOnNode, isUnfinished, ordinalOfClaimRef, refOf, withDefined } from './refs';
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
  const capacity = readQuantity(pv.capacity);
  // Contract order; undefined facts are left out.
  return withDefined({} as VolumeView, {
    name: pv.meta.name,
    phase: pv.phase,
    capacity: pv.capacity,
    capacityBytes: capacity.bytes,
    capacityProblem: capacity.problem,
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

/** " for 3d4h" when the age is known, else "" (a missing timestamp is no age, and never "0s"). */
const forAge = (seconds: number | undefined): string => (seconds === undefined ? '' : ` for ${humanizeAge(seconds)}`);
/** True only when the age is known and at least `threshold`: an unknown age never passes a grace period. */
const olderThan = (seconds: number | undefined, threshold: number): boolean => seconds !== undefined && seconds >= threshold;

function checkVolume(ctx: AnalysisContext, pv: PersistentVolume, view: VolumeView): void {
  const object = refOf('PersistentVolume', pv.meta);
  checkUnknownValues(ctx, pv, object);
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
  const phaseAge = view.phaseAgeSeconds;
  const size = view.capacityBytes !== undefined ? formatBytes(view.capacityBytes) : 'unknown size';
  // Unknown phases (and policies) are reported by checkUnknownValues and judged no further.
  switch (pv.phase) {
    case 'Released':
      if (isOrphanedVolume(pv)) releasedRetain(ctx, pv, view, object, size);
      else if (pv.reclaimPolicy === 'Delete' && olderThan(phaseAge, ctx.options.pendingGraceSeconds)) reclaimFailed(ctx, pv, view, object);
      break;
    case 'Failed':
      if (pv.reclaimPolicy === 'Delete') reclaimFailed(ctx, pv, view, object);
      else {
        ctx.emit({
          code: 'pv-failed',
          object,
          message: `PersistentVolume ${pv.meta.name} (${size}) has been Failed${forAge(phaseAge)}${statusSuffix(pv)}.`,
          hint: `kubectl describe pv ${pv.meta.name}`,
          details: compact({ phaseAgeSeconds: phaseAge, capacityBytes: view.capacityBytes, reclaimPolicy: pv.reclaimPolicy }),
        });
      }
      break;
    case 'Pending':
      if (olderThan(phaseAge, ctx.options.pendingGraceSeconds)) {
        ctx.emit({
          code: 'pv-pending',
          object,
          message: `PersistentVolume ${pv.meta.name} has been Pending${forAge(phaseAge)}${statusSuffix(pv)}.`,
          hint: `kubectl describe pv ${pv.meta.name}`,
          details: compact({ phaseAgeSeconds: phaseAge }),
        });
      }
      break;
    case 'Available':
      if (phaseAge !== undefined && phaseAge > ctx.options.availableAfterSeconds) {
        ctx.emit({
          code: 'pv-available-long',
          object,
          message:
            `PersistentVolume ${pv.meta.name} (${size}, class ${pv.storageClassName || '""'}) has been Available ` +
            `and unused${forAge(phaseAge)}.`,
          details: compact({ phaseAgeSeconds: phaseAge, capacityBytes: view.capacityBytes }),
        });
      }
      break;
    case 'Bound':
      checkClaimRef(ctx, pv, object);
      checkNodeGone(ctx, pv, object);
      break;
  }
}

const statusSuffix = (pv: PersistentVolume): string => (pv.statusMessage ? `: ${pv.statusMessage}` : '');

function checkUnknownValues(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const fields = unknownFields(
    [
      ['phase', pv.phase, PV_PHASES],
      ['reclaimPolicy', pv.reclaimPolicy, RECLAIM_POLICIES],
      ['volumeMode', pv.volumeMode, VOLUME_MODES],
    ],
    [['capacity', pv.capacity]],
  );
  if (fields.length === 0) return;
  ctx.emit({
    code: 'pv-unknown-value',
    object,
    message: `PersistentVolume ${pv.meta.name} has ${describeUnknown(fields)}: checks that depend on ${fields.length === 1 ? 'it' : 'them'} were not made.`,
    details: unknownDetails(fields),
  });
}

function releasedRetain(ctx: AnalysisContext, pv: PersistentVolume, view: VolumeView, object: ObjectRef, size: string): void {
  const ref = pv.claimRef;
  const owner = view.ownerOrdinal;
  const belonged = ref ? `; it belonged to claim ${ref.namespace}/${ref.name}` : '';
  const wasOrdinal = owner ? `, which was ${describeOrdinal(owner)}` : '';
  const related: ObjectRef[] = [];
  if (ref) related.push(claimObjectRef(ref.namespace, ref.name));
  if (owner) related.push({ kind: 'StatefulSet', namespace: owner.namespace, name: owner.statefulSet });
  // Once the set has recreated the claim, it is bound to a new volume: removing the uid no longer gives the data back.
  const recreated = ref && owner && ctx.index.pvcByKey.get(key(ref.namespace, ref.name));
  const rebind = `kubectl patch pv ${pv.meta.name} --type json -p '[{"op":"remove","path":"/spec/claimRef/uid"}]'`;
  ctx.emit({
    code: 'pv-released-retain',
    object,
    message:
      `PersistentVolume ${pv.meta.name} (${size}, class ${pv.storageClassName || '""'}) has been Released with ` +
      `reclaim policy Retain${forAge(view.phaseAgeSeconds)}${belonged}${wasOrdinal}.`,
    hint: !owner
      ? `If nobody needs the data, back it up and delete the volume and its disk: kubectl delete pv ${pv.meta.name}`
      : recreated
        ? `Claim ${ref.name} was already recreated${recreated.volumeName ? ` (bound to ${recreated.volumeName})` : ''}, so ` +
          `ordinal ${owner.ordinal} no longer gets this data back by itself; copy what is needed from it, then back it up and delete the volume and its disk.`
        : `To give ordinal ${owner.ordinal} its data back, remove the claimRef uid before ${ref?.name} is recreated: ${rebind}; ` +
          `otherwise back it up and delete the volume and its disk.`,
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
  const age = view.phaseAgeSeconds;
  ctx.emit({
    code: 'pv-reclaim-failed',
    object,
    message:
      `PersistentVolume ${pv.meta.name} has reclaim policy Delete but is still ${pv.phase}` +
      `${age !== undefined ? ` after ${humanizeAge(age)}` : ''}: deleting it failed${statusSuffix(pv)}.`,
    hint: `kubectl describe pv ${pv.meta.name}, then check the ${pv.source} provisioner logs`,
    details: compact({
      phaseAgeSeconds: age,
      capacityBytes: view.capacityBytes,
      statusMessage: pv.statusMessage,
      claim: view.claim,
    }),
  });
}

/**
 * The PV controller's checks of a Bound volume's claimRef: the claim must exist, have the uid the volume names, and
 * (once bound) name this volume in spec.volumeName. A claim that names another volume is how two volumes Bound to one
 * claim (or a duplicated uid) show up: only the volume the claim names is its own.
 */
function checkClaimRef(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const ref = pv.claimRef;
  if (!ref || !ctx.observed('persistentvolumeclaims', ref.namespace)) return;
  const claim = ctx.index.pvcByKey.get(key(ref.namespace, ref.name));
  const recreated = claim !== undefined && ref.uid !== undefined && claim.meta.uid !== undefined && claim.meta.uid !== ref.uid;
  const elsewhere = claim !== undefined && !recreated && claim.volumeName !== undefined && claim.volumeName !== pv.meta.name;
  if (claim && !recreated && !elsewhere) return;
  const id = `${ref.namespace}/${ref.name}`;
  ctx.emit({
    code: 'pv-claimref-dangling',
    object,
    message: recreated
      ? `PersistentVolume ${pv.meta.name} is Bound to claim ${id} by uid ${ref.uid}, but that claim was recreated (uid ${claim?.meta.uid}).`
      : elsewhere
        ? `PersistentVolume ${pv.meta.name} is Bound to claim ${id}, but that claim is bound to volume ${claim?.volumeName}.`
        : `PersistentVolume ${pv.meta.name} is Bound to claim ${id}, which does not exist.`,
    hint: `The PV controller (kube-controller-manager) repairs this within seconds when it runs: check it and its logs. ${repairFate(pv, elsewhere)}`,
    related: [claimObjectRef(ref.namespace, ref.name)],
    details: compact({ claim: id, claimRefUid: ref.uid, liveClaimUid: claim?.meta.uid, claimVolume: elsewhere ? claim?.volumeName : undefined }),
  });
}

/**
 * What the PV controller's repair of a dangling claimRef does to the volume (syncVolume): a volume whose claim is
 * gone is Released and reclaimed by its policy; one whose claim is bound elsewhere is deleted when dynamically
 * provisioned with Delete, else unbound. Said before anyone restarts the controller, since Delete loses the data.
 */
function repairFate(pv: PersistentVolume, elsewhere: boolean): string {
  const retain = `kubectl patch pv ${pv.meta.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`;
  const dynamic = pv.meta.annotations?.['pv.kubernetes.io/provisioned-by'] !== undefined;
  if (pv.reclaimPolicy === 'Delete' && (!elsewhere || dynamic)) {
    return `With reclaim policy Delete that repair deletes the volume and its disk: if the data may be needed, first ${retain}`;
  }
  return elsewhere ? 'The repair unbinds the volume (Available again).' : `The repair makes it Released (reclaim policy ${pv.reclaimPolicy}).`;
}


function checkNodeGone(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const nodes = goneNodesOf(ctx, pv);
  const ref = pv.claimRef;
  if (!nodes) return;
  const pods = ref ? (ctx.index.podsByClaim.get(key(ref.namespace, ref.name)) ?? []) : [];
  // A pod running on a live node with this volume contradicts "gone": never advise deleting what is in use.
  if (pods.some((p) => p.phase === 'Running' && p.nodeName !== undefined && ctx.index.nodeNames.has(p.nodeName))) return;
  const owner = ref && ordinalOfClaimRef(ctx.index, ref.namespace, ref.name);
  const gone = ref && claimOnGoneNode(ctx, ref.namespace, ref.name);
  const waiting = pods.filter(isUnfinished).map((p) => p.meta.name).sort();
  const where = `node${nodes.length === 1 ? '' : 's'} ${nodes.join(', ')}`;
  ctx.emit({
    code: 'pv-node-gone',
    object,
    message:
      `PersistentVolume ${pv.meta.name} (${pv.source}${pv.sourcePath ? ` ${pv.sourcePath}` : ''}) can only be used on ${where}, ` +
      `which no longer ${nodes.length === 1 ? 'exists' : 'exist'}` +
      (ref ? `: claim ${ref.namespace}/${ref.name}` : '') +
      (waiting.length ? ` and pod${waiting.length === 1 ? '' : 's'} ${waiting.join(', ')} can never start` : ref ? ' can never be mounted' : '') +
      '; its data went with the node.',
    hint:
      gone && ref
        ? nodeGoneRecovery(gone, waiting, owner?.statefulSet)
        : `The data lived on ${where}. If the node will not come back: kubectl delete pv ${pv.meta.name}`,
    related: [
      ...(ref ? [claimObjectRef(ref.namespace, ref.name)] : []),
      ...nodes.map((n) => ({ kind: 'Node', name: n })),
      ...(owner ? [{ kind: 'StatefulSet', namespace: owner.namespace, name: owner.statefulSet }] : []),
    ],
    details: compact({
      nodes: nodes.join(','),
      claim: ref && `${ref.namespace}/${ref.name}`,
      pods: waiting.join(',') || undefined,
      reclaimPolicy: pv.reclaimPolicy,
      statefulSet: owner?.statefulSet,
      ordinal: owner?.ordinal,
    }),
  });
}

const FINALIZER_PV_PROTECTION = 'kubernetes.io/pv-protection';
const FINALIZER_PROVISIONER = 'external-provisioner.volume.kubernetes.io/finalizer';
const FINALIZER_ATTACHER_PREFIX = 'external-attacher/';

function checkTerminating(ctx: AnalysisContext, pv: PersistentVolume, object: ObjectRef): void {
  const since = secondsSince(pv.meta.deletionTimestamp, ctx.nowMs);
  // An unreadable deletionTimestamp is no age: the deletion may be seconds old.
  if (since === undefined || since < ctx.options.terminatingAfterSeconds) return;
  const finalizers = pv.meta.finalizers ?? [];
  const ref = pv.claimRef;
  const held = `was deleted ${humanizeAge(since)} ago but is held by ${finalizers.length ? `finalizers ${finalizers.join(', ')}` : 'no finalizer left (the API server should remove it shortly)'}`;
  const base = {
    code: 'pv-terminating-stuck' as const,
    object,
    ...(ref ? { related: [claimObjectRef(ref.namespace, ref.name)] } : {}),
  };
  const details = { terminatingSeconds: since, finalizers: finalizers.join(',') || undefined, reclaimPolicy: pv.reclaimPolicy };

  if (finalizers.includes(FINALIZER_PV_PROTECTION) && pv.phase === 'Bound' && ref) {
    const claim = ctx.observed('persistentvolumeclaims', ref.namespace) ? ctx.index.pvcByKey.get(key(ref.namespace, ref.name)) : undefined;
    const claimKnown = ctx.observed('persistentvolumeclaims', ref.namespace);
    if (claimKnown && !claim) {
      ctx.emit({
        ...base,
        message: `PersistentVolume ${pv.meta.name} ${held}; it is still Bound to claim ${ref.namespace}/${ref.name}, which does not exist.`,
        hint: 'The PV controller should release it (then pv-protection lets it go): check that kube-controller-manager runs and its logs.',
        details: compact(details),
      });
      return;
    }
    // The protection working: the volume serves its claim until the claim is deleted. Never advise deleting it.
    const podsRead = ctx.observed('pods', ref.namespace);
    const users = (ctx.index.podsByClaim.get(key(ref.namespace, ref.name)) ?? []).filter(isOnNode);
    const use = !podsRead
      ? ' (pods were not read, so who uses it is unknown)'
      : users.length
        ? `, which pod${users.length === 1 ? '' : 's'} ${users.map((p) => p.meta.name).sort().join(', ')} ${users.length === 1 ? 'uses' : 'use'}`
        : ', which no pod uses now';
    const fate =
      pv.reclaimPolicy === 'Delete'
        ? 'with reclaim policy Delete, deleting the claim deletes the disk and its data'
        : pv.reclaimPolicy === 'Retain'
          ? 'with reclaim policy Retain, the disk stays in the backend when the volume object goes'
          : `reclaim policy ${pv.reclaimPolicy}`;
    ctx.emit({
      ...base,
      message:
        `PersistentVolume ${pv.meta.name} ${held}: kubernetes.io/pv-protection keeps it while it is Bound to claim ` +
        `${ref.namespace}/${ref.name}${use}. It keeps working until the claim is deleted; ${fate}.`,
      hint:
        'Leave it: this is the protection working, and deleting the claim to unstick it would end its data.' +
        (pv.reclaimPolicy === 'Delete'
          ? ` To keep the disk whatever happens: kubectl patch pv ${pv.meta.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`
          : ''),
      related: [claimObjectRef(ref.namespace, ref.name), ...users.map((p) => refOf('Pod', p.meta))],
      details: compact({ ...details, claim: `${ref.namespace}/${ref.name}`, pods: podsRead ? users.length : undefined }),
    });
    return;
  }

  const attacher = finalizers.find((f) => f.startsWith(FINALIZER_ATTACHER_PREFIX));
  const hint = attacher
    ? `The volume is still attached to a node: kubectl get volumeattachment | grep ${pv.meta.name}; check the node and the ${attacher.slice(FINALIZER_ATTACHER_PREFIX.length)} attacher logs.`
    : finalizers.includes(FINALIZER_PROVISIONER)
      ? `The provisioner has not deleted the disk yet: check the ${pv.source} provisioner logs (kubectl describe pv ${pv.meta.name}).`
      : finalizers.includes(FINALIZER_PV_PROTECTION)
        ? `The volume is ${pv.phase}, so pv-protection should have let it go: check that kube-controller-manager runs.`
        : finalizers.length
          ? `Find the controller that owns ${finalizers.join(', ')} and check it.`
          : undefined;
  ctx.emit({
    ...base,
    message: `PersistentVolume ${pv.meta.name} ${held}.`,
    ...(hint ? { hint } : {}),
    details: compact(details),
  });
}
