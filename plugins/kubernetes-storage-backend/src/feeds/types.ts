// A feed keeps one cluster's current state where answers can be read from without asking the cluster:
// memory (a loaded dump, a watch-fed store) or the backend cache (another replica collects).
import type { ClusterFailure, ClusterHealth, PreparedSnapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';

/** JSON-safe (it travels through the cache in shared mode); times are ISO strings. */
export interface FeedState {
  status: ClusterHealth['status'];
  /** The newest watch event or LIST applied. */
  lastEventAt?: string;
  /** When every kind was last listed in full (the oldest of the kinds' last LISTs). */
  lastResyncAt?: string;
  failure?: ClusterFailure;
  /** Kinds that cannot be read now (or not yet), with why. */
  incomplete: ClusterHealth['incomplete'];
}

export interface ClusterView {
  state: FeedState;
  /**
   * What answers are computed from, with its index built once per version (not once per answer: at 50,000
   * objects the index is most of an answer's cost). Undefined while nothing has been read yet.
   */
  prepared?: PreparedSnapshot;
  /** Bumps whenever the data changes. */
  version: number;
}

export interface ClusterFeed {
  readonly name: string;
  /** Starts reading; resolves once started (not once synced: a slow cluster must not hold the backend's start-up). */
  start(): Promise<void>;
  stop(): Promise<void>;
  view(): Promise<ClusterView>;
}
