// The reading side of shared mode, with a cache the test fills as a collecting replica would.
import type { CacheService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { DEMO_DUMP } from '../__testUtils__/testBackend';
import { memoryCluster } from '../__testUtils__/memoryCluster';
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

  it('a failing head without data (the cluster was never read) answers failing with nothing to report from', async () => {
    const cache = mapCache();
    const failure = { reason: 'error' as const, message: 'cannot reach https://10.0.0.1:6443: connection refused', since: '2026-12-01T10:00:00.000Z' };
    cache.values.set(headKey('prod'), { state: { status: 'failing', failure, incomplete: [] }, publishedAt: '2026-12-01T10:00:00.000Z', collector: 'replica-a' });
    const view = await reader(cache, new Date('2026-12-01T10:00:01Z')).view();
    expect(view.state).toMatchObject({ status: 'failing', failure });
    expect(view.prepared).toBeUndefined();
  });
});

describe('sharedFeed (collecting replica)', () => {
  /** Runs one collection lease at once (the scheduler mock only records the task) and returns what was published. */
  async function collectOnce(connect: Parameters<typeof sharedFeed>[0]['connect'], cache = mapCache()) {
    const scheduler = mockServices.scheduler.mock();
    const feed = sharedFeed({ name: 'prod', connect, resyncMs: 60_000, logger: mockServices.logger.mock(), scheduler, cache, leaseMs: 100, publishIntervalMs: 5, now: () => new Date('2026-12-01T10:00:00Z') });
    await feed.start();
    const task = (scheduler.scheduleTask as jest.Mock).mock.calls[0][0] as { fn: (signal: AbortSignal) => Promise<void> };
    await task.fn(new AbortController().signal);
    return { head: cache.values.get(headKey('prod')) as PublishedHead | undefined, cache };
  }

  it('publishes a config mistake as the cluster failing with reason config (not pending forever)', async () => {
    const { head } = await collectOnce(() => {
      throw new Error('certificate-authority file /nope/ca.crt: no such file');
    });
    expect(head?.state).toMatchObject({ status: 'failing', failure: { reason: 'config', message: 'certificate-authority file /nope/ca.crt: no such file' } });
    expect(head?.snapshotKey).toBeUndefined();
  });

  it('publishes no snapshot for a cluster whose every LIST failed, and keeps the previous collector\'s data', async () => {
    const dead = memoryCluster(DEMO_DUMP, 'prod');
    dead.down();
    const cache = mapCache();
    const first = (await collectOnce(() => dead.connection, cache)).head;
    expect(first?.state).toMatchObject({ status: 'failing', failure: { message: expect.stringContaining('connection refused') } });
    expect(first?.snapshotKey).toBeUndefined();
    expect([...cache.values.keys()].filter((k) => k.startsWith('snapshot:'))).toEqual([]);
    // Another collector had read it before: its data stays the answer while this lease cannot read.
    cache.values.set(headKey('prod'), head('2026-12-01T09:59:00.000Z'));
    const second = (await collectOnce(() => dead.connection, cache)).head;
    expect(second).toMatchObject({ snapshotKey: 'snapshot:prod:replica-a:7', state: { status: 'failing' } });
    expect(second?.collector).not.toBe('replica-a');
  });
});
