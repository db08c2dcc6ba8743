// One feed per cluster, by how the cluster is read and how the backend runs (one process, or several replicas).
import type { ClusterDefinition } from '../clusters/types';
import { fileFeed } from './fileFeed';
import type { ClusterFeed } from './types';

export interface FeedFactoryContext {
  /** Builds the feed for a live cluster (watch-fed memory, or the shared cache in shared mode). */
  live(definition: Exclude<ClusterDefinition, { type: 'snapshotFile' }>): ClusterFeed;
}

export function createFeed(definition: ClusterDefinition, context: FeedFactoryContext): ClusterFeed {
  // A dump is the same in every replica and costs nothing to hold: each replica loads its own, in any mode.
  if (definition.type === 'snapshotFile') return fileFeed(definition);
  return context.live(definition);
}
