// PVC usage from each node's kubelet (/api/v1/nodes/NODE/proxy/stats/summary). A node that fails or hangs becomes
// an incomplete entry for that node; it never aborts the others (kubectl-df-pv's weakness).
import { KINDS, projectStatsSummary, type IncompleteEntry, type VolumeStats } from '@kubectl-storage/plugin-kubernetes-storage-common';
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

/** Volumes with a pvcRef; emptyDir, projected tokens and the like are skipped (the core's projection). */
export const volumeStatsFromSummary = projectStatsSummary;

export async function collectVolumeStats(conn: ClusterConnection, nodeNames: string[], o: VolumeStatsOptions = {}): Promise<VolumeStatsResult> {
  const timeoutMs = o.perNodeTimeoutMs ?? 10_000;
  const perNode = await mapPool([...new Set(nodeNames)], o.concurrency ?? 4, async (node): Promise<VolumeStatsResult> => {
    const path = `/api/v1/nodes/${encodeURIComponent(node)}/proxy${KINDS.volumestats.path}`;
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
