// Volumes pinned to nodes that no longer exist (local and hostPath PVs whose node was removed): the scheduler can
// place no pod that needs them, and their data went with the node. Shared with the StatefulSet analyzers, whose
// rollout advice must not send a recreated pod back to a volume that can never be mounted (deadNodeVolumes.ts
// asks claimOnGoneNode here, so "gone" is decided in one place).
import type { PersistentVolume } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { key } from './snapshotIndex';

/**
 * The nodes `pv` is pinned to when Nodes were read in full and none of them exists any more; undefined when the
 * volume is not pinned, one of its nodes exists, or Nodes were not read (unread is never "gone").
 */
export function goneNodesOf(ctx: AnalysisContext, pv: PersistentVolume): string[] | undefined {
  const pinned = pv.nodeAffinityNodes;
  if (!pinned || pinned.length === 0 || !ctx.observed('nodes')) return undefined;
  return pinned.some((n) => ctx.index.nodeNames.has(n)) ? undefined : [...pinned].sort();
}

/** A claim whose bound volume lives only on nodes that are gone. */
export interface ClaimOnGoneNode {
  namespace: string;
  claim: string;
  volume: string;
  /** The pinned node names, all gone. */
  nodes: string[];
  reclaimPolicy: string;
}

/**
 * The gone-node facts for claim namespace/claimName, found through the claim's spec.volumeName (or, when the claim
 * is not in the snapshot, a Bound volume whose claimRef names it). For the StatefulSet analyzers: an ordinal whose
 * claim is on a gone node needs nodeGoneRecovery(), not "delete the pod once the cause is fixed".
 */
export function claimOnGoneNode(ctx: AnalysisContext, namespace: string, claimName: string): ClaimOnGoneNode | undefined {
  const claim = ctx.index.pvcByKey.get(key(namespace, claimName));
  const pv = claim
    ? claim.volumeName !== undefined
      ? ctx.index.pvByName.get(claim.volumeName)
      : undefined
    : ctx.index.pvsByClaim.get(key(namespace, claimName))?.find((v) => v.phase === 'Bound');
  if (!pv) return undefined;
  const nodes = goneNodesOf(ctx, pv);
  return nodes && { namespace, claim: claimName, volume: pv.meta.name, nodes, reclaimPolicy: pv.reclaimPolicy };
}

const nodeList = (nodes: string[]): string => `node${nodes.length === 1 ? '' : 's'} ${nodes.join(', ')}`;

/**
 * The recovery for a claim on a gone node, with its data loss said first: delete the claim, then the volume, then
 * the pods that wait for it. `statefulSet` names the set that recreates the claim from its template.
 */
export function nodeGoneRecovery(g: ClaimOnGoneNode, pods: string[], statefulSet?: string): string {
  // --wait=false: each waits on its protection finalizer, which lets go only once the next step is done.
  const steps = [
    `kubectl delete pvc ${g.claim} -n ${g.namespace} --wait=false`,
    `kubectl delete pv ${g.volume} --wait=false`,
    ...pods.map((p) => `kubectl delete pod ${p} -n ${g.namespace}`),
  ];
  const after = statefulSet
    ? `StatefulSet ${statefulSet} then recreates the claim from its template and it binds a new, empty volume on a live node`
    : 'then recreate the claim (same spec) so it binds a new, empty volume on a live node';
  return (
    `The data of ${g.volume} lived on ${nodeList(g.nodes)} and is lost with it unless the node comes back with its disk. ` +
    `If it will not: ${steps.join('; ')}; ${after}. Restore the data from a backup or let the application re-replicate it.`
  );
}
