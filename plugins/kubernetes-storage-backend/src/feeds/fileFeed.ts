// A cluster served from kubectl dumps (kubernetesStorage.sources type snapshotFile): loaded once at start, the
// same report a `kubectl storage report -f` over the files gives. For demos and tests; never asks a cluster.
import { prepareSnapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import type { SnapshotFileClusterDefinition } from '../clusters/types';
import type { ClusterFeed, ClusterView } from './types';

export function fileFeed(definition: SnapshotFileClusterDefinition, now: () => Date = () => new Date()): ClusterFeed {
  let view: ClusterView = { version: 0, state: { status: 'pending', incomplete: [] } };
  return {
    name: definition.name,
    async start() {
      try {
        const { snapshot } = loadDump(definition.paths);
        const incomplete = snapshot.incomplete.map((e) => ({ kind: e.kind, reason: e.reason, ...(e.namespace !== undefined ? { namespace: e.namespace } : {}) }));
        view = { version: 1, prepared: prepareSnapshot(snapshot), state: { status: 'ok', lastResyncAt: snapshot.collectedAt, incomplete } };
      } catch (err) {
        // A missing or broken dump answers as a failing cluster: the other clusters keep answering.
        const message = err instanceof Error ? err.message : String(err);
        view = { version: 0, state: { status: 'failing', failure: { reason: 'config', message, since: now().toISOString() }, incomplete: [] } };
      }
    },
    async stop() {},
    async view() {
      return view;
    },
  };
}
