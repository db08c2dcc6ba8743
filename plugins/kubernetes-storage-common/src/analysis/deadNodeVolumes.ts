// Volumes pinned to a Node that no longer exists: a local (or hostPath) PersistentVolume whose nodeAffinity names
// only nodes absent from the cluster. The scheduler can place a pod that needs it nowhere, so the pod stays Pending
// for ever, and the data lived on the vanished node's disk. Deleting the pod alone brings it straight back to the
// same claim and the same unusable volume: the claim and the volume must go too (the StatefulSet controller then
// creates a new claim from the template), and that loses whatever data was on them.
import type { OrdinalClaimView } from '../model/report';
import type { AnalysisContext } from './context';
import { claimOnGoneNode } from './nodeGone';

export interface DeadNodeVolume {
  claim: string;
  volume: string;
  /** The nodes the volume's nodeAffinity names, none of which exists. */
  nodes: string[];
}

/**
 * The claims (of those given) bound to a volume pinned to nodes that are all gone: the same rule as pv-node-gone
 * (nodeGone.ts), so "gone" is decided in one place. Needs Nodes read in full: unread, a node cannot be called gone.
 */
export function deadNodeVolumes(ctx: AnalysisContext, namespace: string | undefined, claims: readonly OrdinalClaimView[]): DeadNodeVolume[] {
  if (namespace === undefined) return [];
  const out: DeadNodeVolume[] = [];
  for (const c of claims) {
    const gone = claimOnGoneNode(ctx, namespace, c.name);
    if (gone) out.push({ claim: c.name, volume: gone.volume, nodes: gone.nodes });
  }
  return out;
}

export function deadNodeClause(dead: readonly DeadNodeVolume[]): string {
  return dead
    .map((d) => `its claim ${d.claim} is bound to volume ${d.volume}, pinned to node ${d.nodes.join(', ')}, which no longer exists`)
    .join('; ');
}

/**
 * The way out that works: delete the claim and the volume (both wait on their protection finalizers, hence
 * --wait=false), then the pod. Once the pod is gone the claim is released, the controller recreates the pod and
 * a new claim from the template, and a new volume is provisioned or bound. The data loss is said first.
 */
export function deadNodeAdvice(namespace: string | undefined, podName: string, dead: readonly DeadNodeVolume[]): string {
  const claims = dead.map((d) => d.claim);
  const volumes = dead.map((d) => d.volume);
  return (
    `Deleting only the pod would bring it back to the same volume, which no remaining node can mount. The data on ` +
    `${volumes.join(', ')} was on the vanished node and is lost to this cluster: restore it from a backup or let the ` +
    `application resync after recovery. To recreate the ordinal with empty storage: ` +
    `kubectl delete pvc -n ${namespace} ${claims.join(' ')} --wait=false; kubectl delete pv ${volumes.join(' ')} --wait=false; ` +
    `kubectl delete pod -n ${namespace} ${podName} (the controller then recreates the pod and its claim from the template).`
  );
}
