// One kubelet's /stats/summary -> the VolumeStats rows of the claims its pods mount. Pure: the node package asks
// each kubelet (through the API server's node proxy) and hands the answer here.
import type { VolumeStats } from '../model/snapshot';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Volumes with a pvcRef; emptyDir, projected tokens and the like are skipped. Missing numbers stay undefined. */
export function projectStatsSummary(nodeName: string, summary: unknown): VolumeStats[] {
  const out: VolumeStats[] = [];
  const pods = rec(summary)?.pods;
  for (const pod of Array.isArray(pods) ? pods : []) {
    const podName = rec(rec(pod)?.podRef)?.name;
    const volumes = rec(pod)?.volume;
    for (const v of Array.isArray(volumes) ? volumes : []) {
      const ref = rec(rec(v)?.pvcRef);
      if (typeof ref?.name !== 'string' || typeof ref.namespace !== 'string') continue;
      const stats: VolumeStats = { namespace: ref.namespace, claimName: ref.name, podName: typeof podName === 'string' ? podName : '', nodeName };
      for (const field of ['usedBytes', 'capacityBytes', 'availableBytes', 'inodesUsed', 'inodes'] as const) {
        const value = num(rec(v)?.[field]);
        if (value !== undefined) stats[field] = value;
      }
      out.push(stats);
    }
  }
  return out;
}
