// A watched cluster, through the node package's watch loop, against an in-memory API server: answers come from
// the store (no request per answer), watch events reach the next answer, a dead cluster answers as failing
// since when it died, and recovers. The clock and the retry pauses are the test's own: nothing waits for time.
import { mockServices } from '@backstage/backend-test-utils';
import { ANALYSED_KINDS } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { WatchLoopEvent } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { DEMO_DUMP, component } from '../__testUtils__/testBackend';
import { memoryCluster } from '../__testUtils__/memoryCluster';
import { StorageReports } from '../service/storageReports';
import { watchFeed } from './watchFeed';

const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });

function setup() {
  const cluster = memoryCluster(DEMO_DUMP, 'prod');
  let now = new Date('2026-12-01T10:00:00Z');
  const events: WatchLoopEvent[] = [];
  const waiters: { done: (events: WatchLoopEvent[]) => boolean; resolve: () => void }[] = [];
  // Retry pauses end only when the test says so.
  const retries: (() => void)[] = [];
  const feed = watchFeed({
    name: 'prod',
    connect: () => cluster.connection,
    resyncMs: 3_600_000,
    logger: mockServices.logger.mock(),
    now: () => now,
    backoff: { sleep: (_ms, signal) => new Promise<void>((r) => { retries.push(r); signal.addEventListener('abort', () => r(), { once: true }); }) },
    onEvent: (e) => {
      events.push(e);
      for (const w of [...waiters]) if (w.done(events)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    },
  });
  const until = (done: (events: WatchLoopEvent[]) => boolean) =>
    done(events) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ done, resolve }));
  const watchingAll = (from = 0) => () => ANALYSED_KINDS.every((k) => events.slice(from).some((e) => e.kind === k && e.type === 'watching'));
  return { cluster, feed, events, until, watchingAll, retries, reports: new StorageReports({ feeds: [feed], now: () => now }), setNow: (d: Date) => (now = d) };
}

describe('watchFeed', () => {
  it('answers from the store: later answers send no request to the cluster', async () => {
    const t = setup();
    await t.feed.start();
    await t.until(t.watchingAll());
    const listsAfterSync = t.cluster.lists.length;
    expect(listsAfterSync).toBe(ANALYSED_KINDS.length);

    const first = await t.reports.forEntity(db);
    const second = await t.reports.forEntity(db);
    expect(first.clusters[0]).toMatchObject({ cluster: 'prod', status: 'ok', freshness: { lastResyncAt: '2026-12-01T10:00:00.000Z' } });
    expect(first.clusters[0].report?.statefulSets.map((s) => s.name)).toEqual(['db']);
    expect(second).toEqual(first);
    expect(t.cluster.lists.length).toBe(listsAfterSync);
    await t.feed.stop();
  });

  it('a PV phase change arrives through the watch and shows in the next answer', async () => {
    const t = setup();
    await t.feed.start();
    await t.until(t.watchingAll());
    const phase = async () => (await t.reports.forEntity(db)).clusters[0].report?.volumes.find((v) => v.name === 'pv-data-db-0')?.phase;
    expect(await phase()).toBe('Bound');

    t.setNow(new Date('2026-12-01T10:05:00Z'));
    t.cluster.modify('persistentvolumes', 'pv-data-db-0', undefined, (pv) => ((pv.status as { phase: string }).phase = 'Released'));
    await t.until((events) => events.some((e) => e.kind === 'persistentvolumes' && e.type === 'event'));
    expect(await phase()).toBe('Released');
    expect((await t.reports.forEntity(db)).clusters[0].freshness).toMatchObject({ lastEventAt: '2026-12-01T10:05:00.000Z', ageSeconds: 0 });
    expect(t.cluster.lists.length).toBe(ANALYSED_KINDS.length);
    await t.feed.stop();
  });

  it('a dead cluster answers as failing since it died, keeps its last data, and recovers when it is back', async () => {
    const t = setup();
    await t.feed.start();
    await t.until(t.watchingAll());

    t.setNow(new Date('2026-12-01T11:00:00Z'));
    t.cluster.down();
    await t.until((events) => ANALYSED_KINDS.every((k) => events.some((e) => e.kind === k && e.type === 'failed')));
    const failing = (await t.reports.forEntity(db)).clusters[0];
    expect(failing.status).toBe('failing');
    expect(failing.failure).toMatchObject({ since: '2026-12-01T11:00:00.000Z', message: expect.stringContaining('connection refused') });
    expect(failing.report?.statefulSets.map((s) => s.name)).toEqual(['db']);
    expect((await t.reports.clusters())[0]).toMatchObject({ name: 'prod', status: 'failing' });

    t.setNow(new Date('2026-12-01T11:10:00Z'));
    t.cluster.up();
    const from = t.events.length;
    for (const retry of t.retries.splice(0)) retry();
    await t.until(t.watchingAll(from));
    const back = (await t.reports.forEntity(db)).clusters[0];
    expect(back.status).toBe('ok');
    expect(back.failure).toBeUndefined();
    expect(back.freshness.lastResyncAt).toBe('2026-12-01T11:10:00.000Z');
    await t.feed.stop();
  });

  it('a cluster that was never read answers failing with no report, and gets one once it is read', async () => {
    const t = setup();
    t.cluster.down();
    await t.feed.start();
    await t.until((events) => ANALYSED_KINDS.every((k) => events.some((e) => e.kind === k && e.type === 'failed')));
    const never = (await t.reports.forEntity(db)).clusters[0];
    expect(never).toMatchObject({ cluster: 'prod', status: 'failing', failure: { message: expect.stringContaining('connection refused') } });
    // Not an empty report: nothing was read, so nothing may look "absent" or "healthy".
    expect(never).not.toHaveProperty('report');
    expect((await t.feed.view()).prepared).toBeUndefined();

    t.cluster.up();
    const from = t.events.length;
    for (const retry of t.retries.splice(0)) retry();
    await t.until(t.watchingAll(from));
    const read = (await t.reports.forEntity(db)).clusters[0];
    expect(read.status).toBe('ok');
    expect(read.report?.statefulSets.map((s) => s.name)).toEqual(['db']);
    await t.feed.stop();
  });

  it('a connection that cannot be built answers as failing with reason config', async () => {
    const feed = watchFeed({
      name: 'broken',
      connect: () => {
        throw new Error('kubeconfig file /nope not found');
      },
      resyncMs: 60_000,
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-12-01T10:00:00Z'),
    });
    await feed.start();
    expect((await feed.view()).state).toEqual({
      status: 'failing',
      failure: { reason: 'config', message: 'kubeconfig file /nope not found', since: '2026-12-01T10:00:00.000Z' },
      incomplete: [],
    });
  });
});
