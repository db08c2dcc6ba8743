// PVC usage from each node's kubelet (/api/v1/nodes/NODE/proxy/stats/summary). A node that fails or hangs becomes
// an incomplete entry for that node; it never aborts the others (kubectl-df-pv's weakness).
import { KINDS, projectStatsSummary, type IncompleteEntry, type VolumeStats } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClusterConnection } from './connection';
import { Semaphore } from './concurrency';
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

/** One node's stats, or its gap: never throws for a node's own failure (only for the caller's abort). */
async function statsOfNode(conn: ClusterConnection, node: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<VolumeStatsResult> {
  const path = `/api/v1/nodes/${encodeURIComponent(node)}/proxy${KINDS.volumestats.path}`;
  const gap = (reason: IncompleteEntry['reason'], message: string): VolumeStatsResult => ({
    stats: [],
    incomplete: [{ kind: 'volumestats', node, reason, message: `volume stats of node ${node}: ${message}` }],
  });
  try {
    const response = await conn.get(path, { timeoutMs, signal });
    if (response.status !== 200) return gap(reasonOfStatus(response.status), statusMessage(response));
    return { stats: volumeStatsFromSummary(node, response.body), incomplete: [] };
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    if (err instanceof ClusterUnreachableError) return gap(err.reason === 'timeout' ? 'timeout' : 'error', err.message);
    throw err;
  }
}

/** The stats of these nodes, asked all at once (with the pool's bound): VolumeStatsPool for a known set. */
export function collectVolumeStats(conn: ClusterConnection, nodeNames: string[], o: VolumeStatsOptions = {}): Promise<VolumeStatsResult> {
  return new VolumeStatsPool(conn, o).results(nodeNames);
}

/**
 * Volume stats asked for node by node as the pods that need them are listed, instead of after every LIST: a kubelet
 * takes its time to summarise (100 ms to seconds on a busy node), and that wait then overlaps the other lists.
 * `results(nodes)` gives the stats of exactly those nodes (the final set: a node seen only on pages a restarted
 * list dropped is left out; one not asked yet is asked then), in the order given.
 */
export class VolumeStatsPool {
  private readonly asked = new Map<string, Promise<VolumeStatsResult>>();
  private readonly semaphore: Semaphore;
  private readonly timeoutMs: number;

  constructor(
    private readonly conn: ClusterConnection,
    private readonly o: VolumeStatsOptions = {},
  ) {
    this.semaphore = new Semaphore(o.concurrency ?? 4);
    this.timeoutMs = o.perNodeTimeoutMs ?? 10_000;
  }

  add(node: string): void {
    if (this.asked.has(node)) return;
    const result = this.semaphore.run(() => statsOfNode(this.conn, node, this.timeoutMs, this.o.signal));
    // Awaited in results(); until then an abort's rejection must not count as unhandled.
    result.catch(() => undefined);
    this.asked.set(node, result);
  }

  async results(nodes: string[]): Promise<VolumeStatsResult> {
    for (const node of nodes) this.add(node);
    const perNode = await Promise.all([...new Set(nodes)].map((node) => this.asked.get(node)!));
    return { stats: perNode.flatMap((r) => r.stats), incomplete: perNode.flatMap((r) => r.incomplete) };
  }
}
