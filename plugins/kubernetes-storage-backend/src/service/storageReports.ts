// Answers per entity: for each cluster, the core's report over the entity's objects, from what the cluster's
// feed holds (never a request to the cluster), with the cluster's freshness and why it is failing, if it is.
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  STORAGE_API_VERSION,
  analyze,
  commandTargetFor,
  orphanCostOf,
  scopeSnapshot,
  targetReport,
  type ClusterHealth,
  type ClusterStorageAnswer,
  type EntityStorageResponse,
  type PreparedSnapshot,
  type Pricing,
  type ReportScope,
  type StorageReport,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClusterFeed } from '../feeds/types';
import { entityScope, type EntityScope } from './entityScope';
import { freshnessOf, healthOf } from './health';

export interface StorageReportsOptions {
  feeds: ClusterFeed[];
  /** kubernetesStorage.pricing: reports then carry orphanCost, and answers the prices (for per-object costs). */
  pricing?: Pricing;
  now?: () => Date;
}

export class StorageReports {
  private readonly feeds: ClusterFeed[];
  private readonly now: () => Date;
  private readonly pricing?: Pricing;

  constructor(options: StorageReportsOptions) {
    this.feeds = options.feeds;
    this.pricing = options.pricing;
    this.now = options.now ?? (() => new Date());
  }

  async clusters(): Promise<ClusterHealth[]> {
    const now = this.now();
    return Promise.all(this.feeds.map(async (f) => healthOf(f.name, (await f.view()).state, now)));
  }

  /** Throws InputError when the entity's annotations are unusable, NotFoundError for an unknown cluster. */
  async forEntity(entity: Entity, options: { cluster?: string } = {}): Promise<EntityStorageResponse> {
    const scope = entityScope(entity);
    const feeds = options.cluster === undefined ? this.feeds : this.feeds.filter((f) => f.name === options.cluster);
    if (feeds.length === 0) throw new NotFoundError(`no cluster named "${options.cluster}"`);
    const reportScope: ReportScope = { ...(scope.namespaces ? { namespaces: scope.namespaces } : {}), selector: scope.selectorText };
    const now = this.now();

    const clusters = await Promise.all(
      feeds.map(async (feed): Promise<ClusterStorageAnswer> => {
        const { state, prepared } = await feed.view();
        return {
          cluster: feed.name,
          status: state.status,
          freshness: freshnessOf(state, now),
          ...(state.failure ? { failure: state.failure } : {}),
          // A failing cluster still shows its last good data (stale: freshness says how old).
          ...(prepared ? { report: this.report(prepared, scope, reportScope, now) } : {}),
        };
      }),
    );
    return {
      apiVersion: STORAGE_API_VERSION,
      kind: 'EntityStorage',
      entityRef: stringifyEntityRef(entity),
      mapping: { selector: scope.selectorText, ...(scope.namespaces ? { namespace: scope.namespaces[0] } : {}) },
      // The page prices each orphan with these (the core's findOrphans); the totals are each report's orphanCost.
      ...(this.pricing ? { pricing: this.pricing } : {}),
      clusters,
    };
  }

  private report(prepared: PreparedSnapshot, scope: EntityScope, reportScope: ReportScope, now: Date): StorageReport {
    const scoped = scopeSnapshot(prepared, { selector: scope.selector, ...(scope.namespaces ? { namespaces: scope.namespaces } : {}) });
    // A dump is dated by itself (the same report every time); a live cluster's ages grow with the clock.
    const report = analyze(scoped, { ...(prepared.snapshot.source.type === 'file' ? {} : { now }), scope: reportScope });
    // Hints name the cluster their commands are for: --context <cluster name> (how portals name kubeconfig
    // contexts of configured clusters), a placeholder for a demo dump.
    const targeted = targetReport(report, commandTargetFor(report.source));
    // What the entity's orphans cost at the configured prices; without prices none is made up.
    return this.pricing ? { ...targeted, orphanCost: orphanCostOf(targeted, this.pricing) } : targeted;
  }
}
