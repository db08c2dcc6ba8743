// The reading side of shared mode, with a cache the test fills as a collecting replica would.
import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { DEMO_DUMP } from '../__testUtils__/testBackend';
import { headKey, sharedFeed, type PublishedHead } from './sharedFeed';

function mapCache(): CacheService & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const cache = {
    values,
    get: async (key: string) => values.get(key),
    set: async (key: string, value: unknown) => void values.set(key, value),
    delete: async (key: string) => void values.delete(key),
    withOptions: () => cache,
  };
  return cache as unknown as CacheService & { values: Map<string, unknown> };
}

function reader(cache: CacheService, now: Date) {
  return sharedFeed({
    name: 'prod',
    connect: () => {
      throw new Error('a reader never connects');
    },
    resyncMs: 60_000,
    logger: mockServices.logger.mock(),
    scheduler: mockServices.scheduler.mock(),
    cache,
    leaseMs: 300_000,
    publishIntervalMs: 2_000,
    now: () => now,
  });
}

const head = (publishedAt: string): PublishedHead => ({
  snapshotKey: 'snapshot:prod:replica-a:7',
  state: { status: 'ok', lastResyncAt: '2026-12-01T10:00:00.000Z', incomplete: [] },
  publishedAt,
  collector: 'replica-a',
});

describe('sharedFeed (reading replica)', () => {
  it('is pending until some replica has published', async () => {
    expect((await reader(mapCache(), new Date('2026-12-01T10:00:00Z')).view()).state).toEqual({ status: 'pending', incomplete: [] });
  });

  it('answers from the published snapshot while the collector keeps publishing', async () => {
    const cache = mapCache();
    cache.values.set('snapshot:prod:replica-a:7', JSON.parse(JSON.stringify(loadDump([DEMO_DUMP]).snapshot)));
    cache.values.set(headKey('prod'), head('2026-12-01T10:00:00.000Z'));
    const view = await reader(cache, new Date('2026-12-01T10:00:05Z')).view();
    expect(view.state.status).toBe('ok');
    expect(view.prepared?.snapshot.statefulSets.map((s) => s.meta.name)).toContain('db');
  });

  it('says failing, since the last publication, when the collector went quiet (a replica died mid-lease)', async () => {
    const cache = mapCache();
    cache.values.set('snapshot:prod:replica-a:7', JSON.parse(JSON.stringify(loadDump([DEMO_DUMP]).snapshot)));
    cache.values.set(headKey('prod'), head('2026-12-01T10:00:00.000Z'));
    const view = await reader(cache, new Date('2026-12-01T10:05:00Z')).view();
    expect(view.state).toMatchObject({
      status: 'failing',
      failure: { reason: 'timeout', since: '2026-12-01T10:00:00.000Z', message: 'no replica has published cluster prod since 2026-12-01T10:00:00.000Z' },
    });
    // The last data still answers, marked stale by the status.
    expect(view.prepared).toBeDefined();
  });
});
