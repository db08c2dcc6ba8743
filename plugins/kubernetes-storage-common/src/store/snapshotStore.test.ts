import { endpoints, endpointSlice, persistentVolumeClaim, pod, sampleCluster, type RawObject } from '@kubectl-storage/test-fixtures';
import { analyze } from '../analysis/analyze';
import { buildSnapshotIndex } from '../analysis/snapshotIndex';
import type { SnapshotSource } from '../model/snapshot';
import { ANALYSED_KINDS, kindOf, type ListedKind } from '../projection/resources';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { summarizeIncomplete } from '../report/summarizeIncomplete';
import { SnapshotStore } from './snapshotStore';

const SOURCE: SnapshotSource = { type: 'live', context: 'test' };
const T0 = new Date('2025-06-01T12:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function byKind(objects: RawObject[]): Map<ListedKind, RawObject[]> {
  const out = new Map<ListedKind, RawObject[]>(ANALYSED_KINDS.map((k) => [k, []]));
  for (const o of objects) {
    const kind = kindOf(o.apiVersion, o.kind);
    if (kind) out.get(kind)?.push(o);
  }
  return out;
}

/** A store with every analysed kind listed from `objects` at time `when`. */
function listedStore(objects: RawObject[], when: Date, kinds: ListedKind[] = ANALYSED_KINDS): SnapshotStore {
  const store = new SnapshotStore({ source: SOURCE, kinds });
  for (const [kind, list] of byKind(objects)) if (kinds.includes(kind)) store.replace(kind, list, when);
  return store;
}

const podNames = (store: SnapshotStore): string[] => store.snapshot().pods.map((p) => `${p.meta.namespace}/${p.meta.name}`);

/** Deterministic shuffle (a small LCG), so "any order" is tested with several orders that stay reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('SnapshotStore', () => {
  it('gives the same Snapshot, byte for byte, as SnapshotBuilder given the same raw objects', () => {
    const objects = sampleCluster();
    const store = listedStore(objects, T0);
    const built = buildSnapshot(objects, SOURCE, { collectedAt: T0.toISOString(), observedKinds: ANALYSED_KINDS });
    expect(JSON.stringify(store.snapshot())).toBe(JSON.stringify(built));
  });

  it('does not depend on the order events arrive in: several orders, one result', () => {
    const final = sampleCluster();
    const extra = [pod('shop', 'temp-1'), pod('shop', 'temp-2'), persistentVolumeClaim('shop', 'scratch')];
    // Events that end in `final`: every final object ADDED or MODIFIED (from an older version), extras added then deleted.
    const older = (o: RawObject): RawObject => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, old: 'yes' } } });
    const events: { kind: ListedKind; type: 'ADDED' | 'MODIFIED' | 'DELETED'; raw: RawObject }[] = [];
    for (const o of [...final, ...extra]) {
      const kind = kindOf(o.apiVersion, o.kind);
      if (kind) events.push({ kind, type: 'ADDED', raw: older(o) });
    }
    const tail: typeof events = [];
    for (const o of final) {
      const kind = kindOf(o.apiVersion, o.kind);
      if (kind) tail.push({ kind, type: 'MODIFIED', raw: o });
    }
    for (const o of extra) tail.push({ kind: kindOf(o.apiVersion, o.kind) as ListedKind, type: 'DELETED', raw: o });

    const expected = JSON.stringify(listedStore(final, at(60)).snapshot());
    for (const seed of [1, 2, 3]) {
      const store = listedStore([], T0);
      // Per object the order is causal (ADDED before MODIFIED/DELETED); across objects it is shuffled.
      for (const e of [...shuffled(events, seed), ...shuffled(tail, seed + 10)]) store.apply(e.kind, e.type, e.raw, at(60));
      expect(JSON.stringify(store.snapshot())).toBe(expected);
    }
  });

  it('gives the same report from LISTs alone as from a LIST followed by watch events ending in the same objects', () => {
    const final = sampleCluster();
    const viaWatch = listedStore(final.filter((o) => o.kind !== 'Pod'), T0);
    for (const o of final.filter((p) => p.kind === 'Pod')) viaWatch.apply('pods', 'ADDED', o, at(30));
    const viaList = listedStore(final, at(30));
    expect(JSON.stringify(analyze(viaWatch.prepared()))).toBe(JSON.stringify(analyze(viaList.snapshot())));
  });

  it('keys objects by uid: a pod recreated under the same name replaces the old one whichever event comes first', () => {
    const oldPod = pod('shop', 'db-0', { uid: 'uid-old' });
    const newPod = pod('shop', 'db-0', { uid: 'uid-new', nodeName: 'node-b' });
    const store = listedStore([oldPod], T0);
    store.apply('pods', 'ADDED', newPod, at(1));
    expect(store.snapshot().pods.map((p) => p.meta.uid)).toEqual(['uid-new', 'uid-old'].sort());
    store.apply('pods', 'DELETED', oldPod, at(2));
    expect(store.snapshot().pods.map((p) => p.meta.uid)).toEqual(['uid-new']);
    expect(store.snapshot().pods[0].nodeName).toBe('node-b');
  });

  it('bumps the version only on a change, and hands out one frozen snapshot per version that later events never touch', () => {
    const store = listedStore([pod('shop', 'a'), pod('shop', 'c')], T0);
    const v = store.version;
    const first = store.snapshot();
    expect(store.snapshot()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.pods)).toBe(true);
    // A write to a field no projection keeps (resourceVersion) is not a change.
    store.apply('pods', 'MODIFIED', { ...pod('shop', 'a'), metadata: { ...pod('shop', 'a').metadata, resourceVersion: '999' } }, at(1));
    expect(store.version).toBe(v);
    store.apply('pods', 'ADDED', pod('shop', 'b'), at(2));
    store.apply('pods', 'DELETED', pod('shop', 'c'), at(2));
    expect(store.version).toBe(v + 2);
    expect(first.pods.map((p) => p.meta.name)).toEqual(['a', 'c']);
    expect(podNames(store)).toEqual(['shop/a', 'shop/b']);
    expect(store.snapshot().collectedAt).toBe(at(2).toISOString());
    // A DELETED of an object never seen changes nothing.
    store.apply('pods', 'DELETED', pod('shop', 'zzz'), at(3));
    expect(store.version).toBe(v + 2);
  });

  it('keeps a sorted list through many inserts and removals (binary insertion), equal to a fresh sort', () => {
    const store = listedStore([], T0);
    const names = shuffled(Array.from({ length: 200 }, (_, i) => `p-${i}`), 7);
    for (const n of names) store.apply('pods', 'ADDED', pod(`ns-${n.length % 3}`, n), at(1));
    for (const n of names.filter((_, i) => i % 3 === 0)) store.apply('pods', 'DELETED', pod(`ns-${n.length % 3}`, n), at(2));
    const kept = names.filter((_, i) => i % 3 !== 0).map((n) => pod(`ns-${n.length % 3}`, n));
    expect(podNames(store)).toEqual(podNames(listedStore(kept, T0)));
  });

  it('counts a kind not yet listed as not read, and says so in one line', () => {
    const store = new SnapshotStore({ source: SOURCE, kinds: ['pods', 'persistentvolumeclaims'] });
    store.replace('pods', [pod('shop', 'a')], T0);
    const s = store.snapshot();
    expect(s.observedKinds).toEqual(['pods']);
    expect(s.incomplete).toEqual([{ kind: 'persistentvolumeclaims', reason: 'not-synced', message: expect.stringContaining('not read yet') }]);
    expect(summarizeIncomplete(s.incomplete).map((u) => u.text)).toEqual(['persistentvolumeclaims: not read yet']);
    expect(store.kindStates()).toEqual({
      pods: { synced: true, syncedAt: T0.toISOString() },
      persistentvolumeclaims: { synced: false },
    });
  });

  it('keeps a failing kind\'s stale objects, reports it incomplete since the first failure, and clears that on the next LIST', () => {
    const store = listedStore([pod('shop', 'a')], T0, ['pods']);
    store.fail('pods', { reason: 'timeout', message: 'watch timed out' }, at(10));
    store.fail('pods', { reason: 'error', message: 'connection reset' }, at(20));
    let s = store.snapshot();
    expect(podNames(store)).toEqual(['shop/a']);
    expect(s.observedKinds).toEqual(['pods']);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: 'connection reset', since: at(10).toISOString() }]);
    expect(summarizeIncomplete(s.incomplete)[0]).toMatchObject({ text: 'pods: error', since: at(10).toISOString() });
    expect(store.kindStates().pods).toMatchObject({ synced: true, failedSince: at(10).toISOString(), failure: { reason: 'error', message: 'connection reset' } });
    store.replace('pods', [], at(30));
    s = store.snapshot();
    expect(s.incomplete).toEqual([]);
    expect(store.kindStates().pods).toEqual({ synced: true, syncedAt: at(30).toISOString() });
  });

  it('a kind that fails before its first LIST is not read, with the failure as the reason', () => {
    const store = new SnapshotStore({ source: SOURCE, kinds: ['ingresses'] });
    store.fail('ingresses', { reason: 'forbidden', message: 'ingresses is forbidden' }, T0);
    const s = store.snapshot();
    expect(s.observedKinds).toEqual([]);
    expect(s.incomplete).toEqual([{ kind: 'ingresses', reason: 'forbidden', message: 'ingresses is forbidden', since: T0.toISOString() }]);
  });

  it('with namespaces drops objects outside them, lists namespace by namespace, and is synced once every namespace is', () => {
    const store = new SnapshotStore({ source: SOURCE, kinds: ['pods'], namespaces: ['shop', 'data'] });
    store.replace('pods', [pod('shop', 'a'), pod('other', 'x')], T0, 'shop');
    expect(store.kindStates().pods.synced).toBe(false);
    expect(store.snapshot().incomplete).toEqual([{ kind: 'pods', namespace: 'data', reason: 'not-synced', message: expect.any(String) }]);
    store.apply('pods', 'ADDED', pod('other', 'y'), at(1));
    store.replace('pods', [pod('data', 'b')], at(2), 'data');
    expect(store.kindStates().pods.synced).toBe(true);
    expect(podNames(store)).toEqual(['data/b', 'shop/a']);
    // A relist of one namespace leaves the other namespace's objects alone.
    store.replace('pods', [], at(3), 'shop');
    expect(podNames(store)).toEqual(['data/b']);
    expect(store.snapshot().namespaces).toEqual(['shop', 'data']);
  });

  it('applies the Endpoints rule of SnapshotBuilder: Endpoints stand in for EndpointSlices only when no slice was read', () => {
    const eps = endpoints('shop', 'web', {});
    const slice = endpointSlice('shop', 'web-abc', { serviceName: 'web' });
    const onlyEndpoints = new SnapshotStore({ source: SOURCE, kinds: ['endpoints'] });
    onlyEndpoints.replace('endpoints', [eps], T0);
    expect(JSON.stringify(onlyEndpoints.snapshot())).toBe(JSON.stringify(buildSnapshot([eps], SOURCE, { collectedAt: T0.toISOString() })));
    expect(onlyEndpoints.snapshot().observedKinds).toEqual(['endpointslices', 'endpoints']);
    const both = new SnapshotStore({ source: SOURCE, kinds: ['endpointslices', 'endpoints'] });
    both.replace('endpoints', [eps], T0);
    both.replace('endpointslices', [slice], T0);
    expect(both.snapshot().endpointSlices.map((e) => e.origin)).toEqual(['EndpointSlice']);
    expect(JSON.stringify(both.snapshot())).toBe(JSON.stringify(buildSnapshot([eps, slice], SOURCE, { collectedAt: T0.toISOString() })));
  });

  it('prepares the index once per version', () => {
    const store = listedStore(sampleCluster(), T0);
    const p = store.prepared();
    expect(store.prepared()).toBe(p);
    expect(p.snapshot).toBe(store.snapshot());
    expect([...p.index.podByKey.keys()]).toEqual([...buildSnapshotIndex(store.snapshot()).podByKey.keys()]);
    store.apply('pods', 'ADDED', pod('shop', 'new'), at(1));
    expect(store.prepared()).not.toBe(p);
    expect(store.prepared().index.podByKey.has('shop/new')).toBe(true);
  });

  it('refuses events of a kind it is not fed, and leaves itself unchanged when an object cannot be projected', () => {
    const store = listedStore([], T0, ['pods']);
    expect(() => store.apply('services', 'ADDED', {}, T0)).toThrow(/not fed services/);
    const v = store.version;
    expect(() => store.apply('pods', 'ADDED', { metadata: {} }, T0)).toThrow();
    expect(store.version).toBe(v);
  });
});
