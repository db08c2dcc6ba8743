import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getEventListeners, getMaxListeners } from 'node:events';
import { ANALYSED_KINDS, analyze, kindOf, SnapshotStore, type ListedKind } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { boundClaim, persistentVolumeClaim, pod, sampleCluster, secret, type RawObject } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig, type FakeApiServerOptions } from '../../../../test/msw';
import { connect } from '../connection';
import { watchKinds, type WatchKindsOptions, type WatchLoopEvent } from './watchKinds';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const T0 = Date.parse('2025-06-01T12:00:00.000Z');

/** A watch loop against the fake server, with a test clock, and backoff sleeps the test releases by hand. */
function start(server: FakeApiServerOptions, kinds: ListedKind[], extra: Partial<WatchKindsOptions> = {}) {
  const fake = harness.start(server);
  const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }) });
  const store = new SnapshotStore({ source: conn.source, kinds, namespaces: extra.namespaces });
  const controller = new AbortController();
  const events: WatchLoopEvent[] = [];
  const waiters: { match: (e: WatchLoopEvent) => boolean; resolve: (e: WatchLoopEvent) => void }[] = [];
  const sleeps: { ms: number; signal: AbortSignal; release: () => void }[] = [];
  let clock = T0;
  const done = watchKinds(conn, store, {
    kinds,
    signal: controller.signal,
    now: () => new Date(clock),
    watchTimeoutSeconds: 300,
    backoff: {
      random: () => 0.5,
      // No real waits: a retry happens when the test releases it (or the loop is aborted).
      // Listens on the signal as the real sleep does (so listener counts are the real loop's).
      sleep: (ms, signal) =>
        new Promise<void>((resolve) => {
          const release = (): void => {
            signal.removeEventListener('abort', release);
            resolve();
          };
          sleeps.push({ ms, signal, release });
          signal.addEventListener('abort', release);
        }),
    },
    onEvent: (e) => {
      events.push(e);
      for (const w of waiters.splice(0)) (w.match(e) ? w.resolve(e) : waiters.push(w));
    },
    ...extra,
  });
  /** Resolves with the n-th event (counting those already seen) that matches. */
  const waitFor = (match: (e: WatchLoopEvent) => boolean, n = 1): Promise<WatchLoopEvent> => {
    const seen = events.filter(match);
    if (seen.length >= n) return Promise.resolve(seen[n - 1]);
    let remaining = n - seen.length;
    return new Promise((resolve) =>
      waiters.push({
        match: (e) => match(e) && --remaining === 0,
        resolve,
      }),
    );
  };
  const is =
    (type: WatchLoopEvent['type'], kind?: ListedKind) =>
    (e: WatchLoopEvent): boolean =>
      e.type === type && (kind === undefined || e.kind === kind);
  const stop = async (): Promise<void> => {
    controller.abort();
    await done;
  };
  return { fake, store, events, waitFor, is, sleeps, stop, done, setClock: (s: number) => (clock = T0 + s * 1000) };
}

const podNames = (store: SnapshotStore): string[] => store.snapshot().pods.map((p) => `${p.meta.namespace}/${p.meta.name}`);

describe('watchKinds', () => {
  it('lists each kind, then watches from the list\'s resourceVersion with bookmarks, applying every event as it arrives', async () => {
    const [pv, claim] = boundClaim('shop', 'data', 'pv-data');
    const w = start({ objects: [pod('shop', 'a'), claim, pv] }, ['pods', 'persistentvolumeclaims', 'persistentvolumes']);
    await Promise.all([w.waitFor(w.is('watching', 'pods')), w.waitFor(w.is('watching', 'persistentvolumeclaims'))]);
    expect(w.store.kindStates().pods.synced).toBe(true);
    expect(w.fake.watchCalls('pods')[0].query).toMatchObject({ watch: 'true', resourceVersion: '48213', allowWatchBookmarks: 'true', timeoutSeconds: '300' });

    w.setClock(10);
    w.fake.watch.emit('ADDED', pod('shop', 'b'));
    w.fake.watch.emit('MODIFIED', pod('shop', 'a', { nodeName: 'node-9' }));
    w.fake.watch.emit('DELETED', claim);
    await Promise.all([w.waitFor(w.is('event', 'pods'), 2), w.waitFor(w.is('event', 'persistentvolumeclaims'))]);

    const s = w.store.snapshot();
    expect(podNames(w.store)).toEqual(['shop/a', 'shop/b']);
    expect(s.pods[0].nodeName).toBe('node-9');
    expect(s.persistentVolumeClaims).toEqual([]);
    expect(s.incomplete).toEqual([]);
    expect(w.store.kindStates().pods.lastEventAt).toBe(new Date(T0 + 10_000).toISOString());
    await w.stop();
    // Read-only, and one LIST per kind: the events did the rest.
    expect(w.fake.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(w.fake.listCalls('pods')).toHaveLength(1);
  });

  it('moves on to a bookmark\'s resourceVersion, and reopens a watch the server ended from there without relisting', async () => {
    const w = start({ objects: [pod('shop', 'a')] }, ['pods', 'persistentvolumeclaims']);
    await w.waitFor(w.is('watching', 'pods'));
    // Changes to another kind move the server's resourceVersion on; the pods watch learns it from the bookmark.
    w.fake.watch.emit('ADDED', persistentVolumeClaim('shop', 'x'));
    const rv = w.fake.watch.emit('ADDED', persistentVolumeClaim('shop', 'y'));
    w.fake.watch.bookmark('pods');
    expect(await w.waitFor(w.is('bookmark', 'pods'))).toMatchObject({ resourceVersion: rv });
    w.fake.watch.closeWatches('pods');
    await w.waitFor(w.is('watching', 'pods'), 2);
    expect(w.fake.watchCalls('pods').map((c) => c.query.resourceVersion)).toEqual(['48213', rv]);
    expect(w.fake.listCalls('pods')).toHaveLength(1);
    await w.stop();
  });

  it('relists at once on 410 Gone, whether it comes as an ERROR event or as the HTTP status, without marking the kind failed', async () => {
    const w = start({ objects: [pod('shop', 'a')] }, ['pods']);
    await w.waitFor(w.is('watching', 'pods'));
    w.fake.watch.emit('ADDED', pod('shop', 'b'));
    await w.waitFor(w.is('event', 'pods'));
    w.fake.watch.compact();
    w.fake.watch.expireWatches('pods');
    await w.waitFor(w.is('expired', 'pods'));
    await w.waitFor(w.is('watching', 'pods'), 2);
    expect(w.fake.listCalls('pods')).toHaveLength(2);
    expect(w.events.filter(w.is('failed'))).toEqual([]);
    expect(w.sleeps).toEqual([]);
    expect(podNames(w.store)).toEqual(['shop/a', 'shop/b']);
    await w.stop();

    // HTTP 410 to a reconnect from a compacted resourceVersion.
    const h = start({ objects: [pod('shop', 'a')], behaviour: { watchGoneAsHttp: true } }, ['pods']);
    await h.waitFor(h.is('watching', 'pods'));
    h.fake.watch.emit('DELETED', pod('shop', 'a'));
    await h.waitFor(h.is('event', 'pods'));
    // The watch ends; before the loop reconnects, another change lands and the history is compacted past it.
    h.fake.watch.closeWatches('pods');
    h.fake.watch.emit('ADDED', pod('shop', 'c'));
    h.fake.watch.compact();
    await h.waitFor(h.is('expired', 'pods'));
    await h.waitFor(h.is('listed', 'pods'), 2);
    expect(podNames(h.store)).toEqual(['shop/c']);
    expect(h.fake.watchCalls('pods').map((c) => c.query.resourceVersion)).toEqual(['48213', '48214']);
    expect(h.store.kindStates().pods.failure).toBeUndefined();
    await h.stop();
  });

  it('when the stream is cut in the middle of an event, marks the kind failed since then, backs off, relists and recovers', async () => {
    const w = start({ objects: [pod('shop', 'a')] }, ['pods']);
    await w.waitFor(w.is('watching', 'pods'));
    w.setClock(5);
    w.fake.watch.cutWatches('pods', { midEvent: true });
    const failed = await w.waitFor(w.is('failed', 'pods'));
    expect(failed).toMatchObject({ reason: 'error', retryInMs: 750 }); // 1 s initial, jitter 0.5 -> 0.75
    expect(w.store.snapshot().incomplete).toEqual([{ kind: 'pods', reason: 'error', message: expect.stringContaining('cut'), since: new Date(T0 + 5000).toISOString() }]);
    expect(podNames(w.store)).toEqual(['shop/a']); // stale objects stay while the kind is failing
    // A change made while the loop waits arrives with the relist.
    w.fake.watch.emit('ADDED', pod('shop', 'b'));
    expect(w.sleeps.map((s) => s.ms)).toEqual([750]);
    w.sleeps[0].release();
    await w.waitFor(w.is('watching', 'pods'), 2);
    expect(w.fake.listCalls('pods')).toHaveLength(2);
    expect(podNames(w.store)).toEqual(['shop/a', 'shop/b']);
    expect(w.store.snapshot().incomplete).toEqual([]);
    await w.stop();
  });

  it('retries a forbidden kind soon at first, then slower up to the slow pace, while the other kinds are watched', async () => {
    const w = start({ objects: [pod('shop', 'a'), persistentVolumeClaim('shop', 'x')], behaviour: { forbidden: [{ kind: 'persistentvolumeclaims' }] } }, [
      'pods',
      'persistentvolumeclaims',
    ]);
    const failed = await w.waitFor(w.is('failed', 'persistentvolumeclaims'));
    // An API server that has just started answers 403 until its RBAC caches fill: the first retry is as soon as for
    // any failure (1 s, jitter 0.5), not 5 minutes later.
    expect(failed).toMatchObject({ reason: 'forbidden', retryInMs: 750 });
    await w.waitFor(w.is('watching', 'pods'));
    const s = w.store.snapshot();
    expect(s.observedKinds).toEqual(['pods']);
    expect(s.incomplete).toEqual([expect.objectContaining({ kind: 'persistentvolumeclaims', reason: 'forbidden', since: new Date(T0).toISOString() })]);
    for (let n = 1; n <= 10; n++) {
      w.sleeps[n - 1].release();
      await w.waitFor(w.is('failed', 'persistentvolumeclaims'), n + 1);
    }
    expect(w.fake.listCalls('persistentvolumeclaims')).toHaveLength(11);
    // Doubling past the 60 s cap of other failures, up to the slow pace (5 min, a quarter off for jitter).
    expect(w.sleeps.map((x) => x.ms)).toEqual([750, 1500, 3000, 6000, 12000, 24000, 48000, 96000, 192000, 225000, 225000]);
    await w.stop();
  });

  it('keeps every abort signal under EventTarget\'s listener limit while all analysed kinds back off at once (no MaxListenersExceededWarning)', async () => {
    const w = start({ objects: [pod('shop', 'a')], behaviour: { unauthorized: true } }, ANALYSED_KINDS);
    await w.waitFor(w.is('failed'), ANALYSED_KINDS.length);
    expect(w.sleeps).toHaveLength(ANALYSED_KINDS.length);
    // Node warns when a signal's abort listeners pass its limit (events.defaultMaxListeners, 10): ask the same.
    const over = [...new Set(w.sleeps.map((s) => s.signal))]
      .map((signal) => ({ listeners: getEventListeners(signal, 'abort').length, max: getMaxListeners(signal) }))
      .filter((s) => s.listeners > s.max);
    expect(over).toEqual([]);
    await w.stop();
  });

  it('doubles the delay per consecutive failure up to the cap', async () => {
    const w = start({ objects: [pod('shop', 'a')], behaviour: { unauthorized: true } }, ['pods']);
    for (let n = 1; n <= 8; n++) {
      await w.waitFor(w.is('failed', 'pods'), n);
      w.sleeps[n - 1].release();
    }
    // 1 s doubling per failure, capped at 60 s; jitter (random 0.5) takes a quarter off each.
    expect(w.sleeps.map((s) => s.ms)).toEqual([750, 1500, 3000, 6000, 12000, 24000, 45000, 45000]);
    expect(w.store.kindStates().pods).toMatchObject({ synced: false, failure: { reason: 'unauthorized' } });
    await w.stop();
  });

  it('watches secrets as metadata only, like it lists them', async () => {
    const w = start({ objects: [secret('shop', 'tls')] }, ['secrets']);
    await w.waitFor(w.is('watching', 'secrets'));
    w.fake.watch.emit('ADDED', secret('shop', 'token'));
    await w.waitFor(w.is('event', 'secrets'));
    expect(w.fake.listCalls('secrets')[0].accept).toContain('as=PartialObjectMetadataList');
    expect(w.fake.watchCalls('secrets')[0].accept).toBe('application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1');
    expect(w.store.snapshot().secrets.map((s) => s.meta.name)).toEqual(['tls', 'token']);
    await w.stop();
  });

  it('with namespaces watches each namespace of a namespaced kind on its own, and cluster-scoped kinds once', async () => {
    const w = start({ objects: [pod('shop', 'a'), pod('data', 'b'), pod('other', 'c')] }, ['pods', 'storageclasses'], { namespaces: ['shop', 'data'] });
    await Promise.all([w.waitFor(w.is('watching', 'pods'), 2), w.waitFor(w.is('watching', 'storageclasses'))]);
    expect(w.fake.watchCalls('pods').map((c) => c.path).sort()).toEqual(['/api/v1/namespaces/data/pods', '/api/v1/namespaces/shop/pods']);
    expect(w.fake.watchCalls('storageclasses').map((c) => c.path)).toEqual(['/apis/storage.k8s.io/v1/storageclasses']);
    w.fake.watch.emit('ADDED', pod('other', 'd')); // not watched: never arrives
    w.fake.watch.emit('ADDED', pod('data', 'e'));
    await w.waitFor(w.is('event', 'pods'));
    expect(podNames(w.store)).toEqual(['data/b', 'data/e', 'shop/a']);
    expect(w.store.kindStates().pods.synced).toBe(true);
    await w.stop();
  });

  it('stops everything when the signal aborts: the promise settles and no request follows', async () => {
    const w = start({ objects: [pod('shop', 'a')], behaviour: { forbidden: [{ kind: 'persistentvolumeclaims' }] } }, ['pods', 'persistentvolumeclaims']);
    await Promise.all([w.waitFor(w.is('watching', 'pods')), w.waitFor(w.is('failed', 'persistentvolumeclaims'))]);
    await w.stop(); // resolves although one kind sits in a backoff sleep and one in an open watch
    const count = w.fake.requests.length;
    w.fake.watch.emit('ADDED', pod('shop', 'b'));
    await new Promise((r) => setImmediate(r));
    expect(w.fake.requests.length).toBe(count);
    expect(podNames(w.store)).toEqual(['shop/a']);
  });

  it('gives the same report, byte for byte, for the same objects whether they came by LIST alone or by LIST and watch events', async () => {
    const final = sampleCluster();
    const kinds: ListedKind[] = ['persistentvolumes', 'persistentvolumeclaims', 'storageclasses', 'pods', 'statefulsets', 'services', 'endpointslices'];
    const listed = start({ objects: final }, kinds);
    await Promise.all(kinds.map((k) => listed.waitFor(listed.is('watching', k))));
    const viaList = JSON.stringify(analyze(listed.store.prepared()));
    await listed.stop();

    // Start from a different cluster (some objects missing, some older, one extra) and let events bring it to `final`.
    const isPod = (o: RawObject): boolean => o.kind === 'Pod';
    const initial = [...final.filter((o) => !isPod(o)).map((o) => ({ ...o, metadata: { ...o.metadata, labels: { stale: 'yes' } } })), pod('shop', 'gone-soon')];
    const watched = start({ objects: initial }, kinds);
    await Promise.all(kinds.map((k) => watched.waitFor(watched.is('watching', k))));
    let n = 0;
    for (const o of final) {
      const kind = kindOf(o.apiVersion, o.kind);
      if (!kind || !kinds.includes(kind)) continue;
      watched.fake.watch.emit(isPod(o) ? 'ADDED' : 'MODIFIED', o);
      n++;
    }
    watched.fake.watch.emit('DELETED', pod('shop', 'gone-soon'));
    await watched.waitFor(watched.is('event'), n + 1);
    const viaWatch = JSON.stringify(analyze(watched.store.prepared()));
    await watched.stop();
    expect(viaWatch).toBe(viaList);
  });
});
