// Live clusters: in local mode each is watched in this process (watchFeed); in shared mode one replica at a time
// collects it (a global scheduler task) and every replica answers from the backend cache (sharedFeed).
import type { CacheService, LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import type { ClusterDefinition } from '../clusters/types';
import type { StorageConfig } from '../config/readStorageConfig';
import { connectCluster } from '../clusters/connectCluster';
import { sharedFeed } from '../shared/sharedFeed';
import type { ClusterFeed } from './types';
import { watchFeed } from './watchFeed';

export interface LiveFeedDeps {
  config: StorageConfig;
  logger: LoggerService;
  scheduler: SchedulerService;
  cache: CacheService;
}

export function liveFeedFactory(deps: LiveFeedDeps) {
  return (definition: Exclude<ClusterDefinition, { type: 'snapshotFile' }>): ClusterFeed => {
    const logger = deps.logger.child({ cluster: definition.name });
    const options = { name: definition.name, connect: () => connectCluster(definition), resyncMs: deps.config.resyncMs, logger };
    if (deps.config.collection.mode === 'shared') {
      return sharedFeed({ ...options, scheduler: deps.scheduler, cache: deps.cache, leaseMs: deps.config.collection.leaseMs, publishIntervalMs: deps.config.collection.publishIntervalMs });
    }
    return watchFeed(options);
  };
}
