// A feed's state as the REST contract shows it: freshness measured at answer time.
import type { ClusterFreshness, ClusterHealth } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { FeedState } from '../feeds/types';

export function freshnessOf(state: FeedState, now: Date): ClusterFreshness {
  const newest = [state.lastEventAt, state.lastResyncAt].filter((t): t is string => t !== undefined).sort().pop();
  return {
    ...(state.lastEventAt ? { lastEventAt: state.lastEventAt } : {}),
    ...(state.lastResyncAt ? { lastResyncAt: state.lastResyncAt } : {}),
    ...(newest ? { ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(newest)) / 1000)) } : {}),
  };
}

export function healthOf(name: string, state: FeedState, now: Date): ClusterHealth {
  return {
    name,
    status: state.status,
    freshness: freshnessOf(state, now),
    ...(state.failure ? { failure: state.failure } : {}),
    incomplete: state.incomplete,
  };
}
