// PVC usage from each node's kubelet (/api/v1/nodes/NODE/proxy/stats/summary). A node that fails or hangs becomes
// an incomplete entry for that node; it never aborts the others (kubectl-df-pv's weakness).
import type { IncompleteEntry, VolumeStats } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClusterConnection } from './connection';
import { mapPool } from './concurrency';
import { ClusterUnreachableError } from './errors';
import { reasonOfStatus, statusMessage } from './statusMessage';

export interface VolumeStatsOptions {
  /** Nodes asked at once; default 4. */
  concurrency?: number;
  /** Default 10 s: a kubelet that has not answered by then is reported, not waited for. */
  perNodeTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface VolumeStatsResult {
  stats: VolumeStats[];
  incomplete: IncompleteEntry[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** Volumes with a pvcRef; emptyDir, projected tokens and the like are skipped. Missing numbers stay undefined. */
export function volumeStatsFromSummary(nodeName: string, summary: unknown): VolumeStats[] {
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

export async function collectVolumeStats(conn: ClusterConnection, nodeNames: string[], o: VolumeStatsOptions = {}): Promise<VolumeStatsResult> {
  const timeoutMs = o.perNodeTimeoutMs ?? 10_000;
  const perNode = await mapPool([...new Set(nodeNames)], o.concurrency ?? 4, async (node): Promise<VolumeStatsResult> => {
    const path = `/api/v1/nodes/${encodeURIComponent(node)}/proxy/stats/summary`;
    const gap = (reason: IncompleteEntry['reason'], message: string): VolumeStatsResult => ({
      stats: [],
      incomplete: [{ kind: 'volumestats', node, reason, message: `volume stats of node ${node}: ${message}` }],
    });
    try {
      const response = await conn.get(path, { timeoutMs, signal: o.signal });
      if (response.status !== 200) return gap(reasonOfStatus(response.status), statusMessage(response));
      return { stats: volumeStatsFromSummary(node, response.body), incomplete: [] };
    } catch (err) {
      if (o.signal?.aborted) throw o.signal.reason;
      if (err instanceof ClusterUnreachableError) return gap(err.reason === 'timeout' ? 'timeout' : 'error', err.message);
      throw err;
    }
  });
  return { stats: perNode.flatMap((r) => r.stats), incomplete: perNode.flatMap((r) => r.incomplete) };
}
