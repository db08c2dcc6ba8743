import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { http, HttpResponse } from 'msw';
import {
  endpoints,
  endpointSlice,
  kubeletSummary,
  node,
  persistentVolume,
  persistentVolumeClaim,
  pod,
  sampleCluster,
  secret,
  service,
  statefulSetPod,
  storageClass,
  type RawObject,
} from '@kubectl-storage/test-fixtures';
import { DEFAULT_FAKE_SERVER, manualTimeouts, useFakeApiServer, writeKubeconfig, type FakeApiServerOptions } from '../../../test/msw';
import { route } from '../../../test/msw/routes';
import { collectSnapshot, type CollectOptions } from './collectSnapshot';
import { connect } from './connection';
import { AuthError, ClusterUnreachableError, NothingReadError } from './errors';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(options: FakeApiServerOptions, collect: CollectOptions = {}, contextNamespace?: string) {
  const fake = harness.start(options);
  const file = writeKubeconfig(dir, { server: fake.server, token: options.token, contexts: [{ name: 'fake', namespace: contextNamespace }] });
  // Retries of 429/500/503 wait on an injected sleep: a server failing every LIST costs no real time here.
  const conn = connect({ kubeconfig: file, retry: { sleep: async () => {} } });
  return { fake, conn, collect: () => collectSnapshot(conn, collect) };
}

const manyPods = (n: number, namespace = 'shop'): RawObject[] => Array.from({ length: n }, (_, i) => pod(namespace, `web-${String(i).padStart(3, '0')}`));

describe('collectSnapshot', () => {
  it('reads every kind with one paginated LIST each, page by page, and no per-object GETs', async () => {
    const { fake, collect } = run({ objects: [...sampleCluster(), ...manyPods(23)] }, { pageSize: 10 });
    const s = await collect();

    expect(s.pods).toHaveLength(26);
    // 26 pods at 10 per page: 3 requests, the 2nd and 3rd carrying the continue token of the one before.
    const podCalls = fake.listCalls('pods');
    expect(podCalls.map((c) => c.path)).toEqual(['/api/v1/pods', '/api/v1/pods', '/api/v1/pods']);
    expect(podCalls.map((c) => c.query.limit)).toEqual(['10', '10', '10']);
    expect(podCalls[0].query.continue).toBeUndefined();
    expect(podCalls[1].query.continue).toEqual(expect.any(String));
    expect(fake.listCalls('persistentvolumes')).toHaveLength(1);
    // Every request is a LIST (no GET of single objects): 3 pod pages + one page for each of the other 12 kinds
    // (Warning events are one of them: the only extra request they cost).
    expect(fake.requests.filter((r) => route(r.path).type !== 'list')).toEqual([]);
    expect(fake.requests).toHaveLength(3 + 12);
    expect(s.incomplete).toEqual([]);
    expect(s.observedKinds).toEqual(expect.arrayContaining(['pods', 'secrets', 'endpointslices', 'nodes']));
    expect(s.source).toEqual({ type: 'live', context: 'fake', cluster: 'fake-cluster', server: DEFAULT_FAKE_SERVER, user: 'fake-user' });
  });

  it('only ever sends GET requests', async () => {
    const { fake, collect } = run({ objects: sampleCluster(), behaviour: { forbidden: [{ kind: 'pods' }] } }, { kinds: ['pods', 'volumestats', 'persistentvolumes'] });
    await collect();
    expect(fake.requests.length).toBeGreaterThan(2);
    expect(new Set(fake.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  });

  it('lists secrets as metadata only, so their data never reaches the snapshot', async () => {
    const { fake, collect } = run({ objects: [secret('shop', 'db-password', { type: 'Opaque', data: { password: 'aHVudGVyMg==' } })] }, { kinds: ['secrets'] });
    const s = await collect();
    expect(fake.listCalls('secrets')[0].accept).toBe('application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1');
    expect(s.secrets).toEqual([{ meta: expect.objectContaining({ name: 'db-password', namespace: 'shop' }) }]);
    expect(JSON.stringify(s)).not.toContain('aHVudGVyMg');
  });

  it('turns a forbidden kind into an incomplete entry and still collects the others', async () => {
    const { collect } = run({ objects: sampleCluster(), behaviour: { forbidden: [{ kind: 'nodes' }, { kind: 'secrets', namespace: '*' }] } }, { kinds: ['nodes', 'secrets', 'persistentvolumes'] }, 'shop');
    const s = await collect();
    expect(s.persistentVolumes).toHaveLength(5);
    expect(s.nodes).toEqual([]);
    expect(s.observedKinds).toEqual(['persistentvolumes']);
    expect(s.incomplete).toEqual(
      expect.arrayContaining([
        { kind: 'nodes', reason: 'forbidden', message: 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope' },
        expect.objectContaining({ kind: 'secrets', reason: 'forbidden', message: expect.stringContaining('at the cluster scope') }),
        expect.objectContaining({ kind: 'secrets', namespace: 'data', reason: 'forbidden' }),
        expect.objectContaining({ kind: 'secrets', namespace: 'shop', reason: 'forbidden' }),
      ]),
    );
  });

  it('falls back to namespace-by-namespace LISTs when the cluster-wide LIST is forbidden', async () => {
    const { fake, collect } = run(
      { objects: sampleCluster(), behaviour: { forbidden: [{ kind: 'pods' }, { kind: 'pods', namespace: 'data' }] } },
      { kinds: ['pods'] },
    );
    const s = await collect();
    expect(fake.listCalls('pods').map((c) => c.path).sort()).toEqual(['/api/v1/namespaces/data/pods', '/api/v1/namespaces/shop/pods', '/api/v1/pods']);
    expect(fake.listCalls('namespaces')).toHaveLength(1);
    expect(s.pods.map((p) => p.meta.name)).toEqual(['web-5d8f7-abcde']);
    expect(s.observedKinds).toEqual(['pods']);
    expect(s.incomplete).toEqual([
      {
        kind: 'pods',
        reason: 'forbidden',
        message: expect.stringMatching(/at the cluster scope \(read namespace by namespace in 2 namespaces\)$/),
        readNamespaces: ['shop'],
      },
      { kind: 'pods', namespace: 'data', reason: 'forbidden', message: expect.stringContaining('in the namespace "data"') },
    ]);
  });

  it("reads only the context's namespace when namespaces cannot be listed either", async () => {
    const { fake, collect } = run({ objects: sampleCluster(), behaviour: { forbidden: [{ kind: 'pods' }, { kind: 'namespaces' }] } }, { kinds: ['pods'] }, 'data');
    const s = await collect();
    expect(fake.listCalls('pods').map((c) => c.path)).toEqual(['/api/v1/pods', '/api/v1/namespaces/data/pods']);
    expect(s.pods.map((p) => p.meta.name)).toEqual(['db-0', 'db-1']);
    expect(s.incomplete).toEqual([
      { kind: 'pods', reason: 'forbidden', message: expect.stringContaining('only namespace "data" was read'), readNamespaces: ['data'] },
    ]);
  });

  it('lists only the requested namespaces, cluster-scoped kinds once', async () => {
    const { fake, collect } = run({ objects: sampleCluster() }, { namespaces: ['shop'], kinds: ['pods', 'services', 'persistentvolumes'] });
    const s = await collect();
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/api/v1/namespaces/shop/pods', '/api/v1/namespaces/shop/services', '/api/v1/persistentvolumes']);
    expect(s.namespaces).toEqual(['shop']);
    expect(s.services.map((x) => x.meta.name)).toEqual(['api', 'web']);
  });

  it('restarts a list from scratch once when its continue token expires (410 Gone)', async () => {
    const { fake, collect } = run({ objects: manyPods(25), behaviour: { expireContinueOnce: ['pods'] } }, { pageSize: 10, kinds: ['pods'] });
    const s = await collect();
    // page 1, continue -> 410, then page 1, 2, 3 again
    expect(fake.listCalls('pods').map((c) => c.query.continue === undefined)).toEqual([true, false, true, false, false]);
    expect(s.pods).toHaveLength(25);
    expect(s.incomplete).toEqual([]);
  });

  it('records a list whose continue token expires again as incomplete, keeping what it read', async () => {
    const { collect } = run({ objects: manyPods(25), behaviour: { expireContinueAlways: ['pods'] } }, { pageSize: 10, kinds: ['pods'] });
    const s = await collect();
    expect(s.pods).toHaveLength(10);
    expect(s.incomplete).toEqual([{ kind: 'pods', reason: 'error', message: expect.stringMatching(/^list expired twice while paging \(410 Gone\): The provided continue parameter is too old/) }]);
  });

  it('reports a kind that does not answer in time as a timeout while the others are collected', async () => {
    // The slow kind never answers; the test's clock times it out once it has arrived, no real wait involved.
    const clock = manualTimeouts();
    const fake = harness.start({ objects: sampleCluster(), behaviour: { hang: ['storageclasses'] } });
    const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }), timeoutSignal: clock.timeoutSignal });
    // One at a time, so the fast kinds have answered before the slow one times out (a timeout before the server
    // ever answered means "unreachable", tested below).
    const pending = collectSnapshot(conn, { requestTimeoutMs: 2000, concurrency: 1, kinds: ['pods', 'storageclasses', 'persistentvolumes'] });
    await fake.requestArrived((r) => r.path === '/apis/storage.k8s.io/v1/storageclasses');
    expect(clock.expire((url) => url.includes('/storageclasses'))).toBe(1);
    const s = await pending;
    expect(s.pods).toHaveLength(3);
    expect(s.storageClasses).toEqual([]);
    expect(s.incomplete).toEqual([{ kind: 'storageclasses', reason: 'timeout', message: `no response from ${DEFAULT_FAKE_SERVER} within 2000 ms` }]);
    expect(s.observedKinds).toEqual(['persistentvolumes', 'pods']);
  });

  it('uses v1 Endpoints when the cluster serves no EndpointSlice API', async () => {
    const objects = [
      service('shop', 'web'),
      endpoints('shop', 'web', { ready: [{ ip: '10.0.0.1', podName: 'web-a' }], notReady: [{ ip: '10.0.0.2' }] }),
      endpointSlice('shop', 'web-x', { serviceName: 'web', endpoints: [{ addresses: ['10.9.9.9'] }] }),
    ];
    const { fake, collect } = run({ objects, behaviour: { noEndpointSliceApi: true } }, { kinds: ['services', 'endpointslices'] });
    const s = await collect();
    expect(fake.listCalls('endpoints')).toHaveLength(1);
    expect(s.endpointSlices).toEqual([expect.objectContaining({ origin: 'Endpoints', serviceName: 'web', endpoints: [expect.objectContaining({ ready: true }), expect.objectContaining({ ready: false })] })]);
    expect(s.observedKinds).toEqual(['services', 'endpointslices', 'endpoints']);
    expect(s.incomplete).toEqual([]);
  });

  it('does not fall back to Endpoints when EndpointSlices are merely forbidden', async () => {
    const { fake, collect } = run(
      // Services are readable: with every kind forbidden the run would be an error (nothing read), tested below.
      { objects: [endpoints('shop', 'web'), endpointSlice('shop', 'web-x', { serviceName: 'web' })], behaviour: { forbidden: [{ kind: 'endpointslices', namespace: '*' }] } },
      { kinds: ['endpointslices', 'services'] },
    );
    const s = await collect();
    expect(fake.listCalls('endpoints')).toEqual([]);
    expect(s.incomplete.map((e) => [e.kind, e.namespace, e.reason])).toEqual([
      ['endpointslices', undefined, 'forbidden'],
      ['endpointslices', 'shop', 'forbidden'],
    ]);
  });

  it('throws AuthError when every request is rejected as unauthorized', async () => {
    const { collect } = run({ objects: sampleCluster(), behaviour: { unauthorized: true } });
    await expect(collect()).rejects.toThrow(new AuthError(`the API server at ${DEFAULT_FAKE_SERVER} rejected the credentials of user "fake-user" (401 Unauthorized)`));
  });

  it('sends the kubeconfig token: a wrong one is rejected like bad credentials', async () => {
    const fake = harness.start({ objects: sampleCluster(), token: 'right' });
    const file = writeKubeconfig(dir, { server: fake.server, token: 'wrong', fileName: 'wrong-token' });
    await expect(collectSnapshot(connect({ kubeconfig: file }), { kinds: ['pods'] })).rejects.toBeInstanceOf(AuthError);
    const ok = writeKubeconfig(dir, { server: fake.server, token: 'right', fileName: 'right-token' });
    await expect(collectSnapshot(connect({ kubeconfig: ok }), { kinds: ['pods'] })).resolves.toMatchObject({ pods: expect.any(Array) });
  });

  it('throws ClusterUnreachableError when the network fails before anything answered, without waiting for the rest', async () => {
    const { collect } = run({ objects: sampleCluster() });
    harness.msw.use(http.all(`${DEFAULT_FAKE_SERVER}/*`, () => HttpResponse.error()));
    await expect(collect()).rejects.toBeInstanceOf(ClusterUnreachableError);
  });

  it('gives up with ClusterUnreachableError (timeout) when the server never answers, after the first wave', async () => {
    const kinds = ['pods', 'services', 'persistentvolumes', 'nodes', 'storageclasses'] as const;
    const clock = manualTimeouts();
    const fake = harness.start({ objects: sampleCluster(), behaviour: { hang: [...kinds] } });
    const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }), timeoutSignal: clock.timeoutSignal });
    const pending = collectSnapshot(conn, { requestTimeoutMs: 200, concurrency: 2, kinds: [...kinds] }).catch((e: unknown) => e);
    await fake.requestArrived(() => fake.requests.length === 2);
    clock.expire((url) => url.includes('/pods'));
    const err = await pending;
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect(err).toMatchObject({ reason: 'timeout' });
    // Not one timeout per kind: the run stopped with the first two requests.
    expect(fake.requests).toHaveLength(2);
  });

  it('never has more requests in flight than the concurrency allows', async () => {
    const ns = Array.from({ length: 12 }, (_, i) => `ns-${i}`);
    const { fake, collect } = run(
      { objects: ns.map((n) => pod(n, 'p')), behaviour: { delayMs: { pods: 30, namespaces: 0 }, forbidden: [{ kind: 'pods' }] } },
      { concurrency: 2, kinds: ['pods', 'persistentvolumes', 'services', 'nodes'] },
    );
    const s = await collect();
    expect(s.pods).toHaveLength(12);
    expect(fake.listCalls('pods')).toHaveLength(13);
    expect(fake.maxInFlight()).toBe(2);
  });

  it('stops everything in flight when the caller aborts', async () => {
    const controller = new AbortController();
    const { fake, collect } = run({ objects: sampleCluster(), behaviour: { hang: ['pods'] } }, { signal: controller.signal, kinds: ['pods'] });
    // The LIST never answers: rejecting at all shows the abort reached it. Aborted once the request is out.
    const pending = collect();
    await fake.requestArrived((r) => r.path === '/api/v1/pods');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it.each([
    ['an HTML page on every request (not a Kubernetes API server)', { notKubernetes: 'html' as const }, /^nothing could be read from https:\/\/127\.0\.0\.1:6443: the answers were not Kubernetes lists: is https:\/\/127\.0\.0\.1:6443 a Kubernetes API server\?; first failure: GET \/api\/v1\/\w+ answered HTTP 200 with HTML, not a Kubernetes list$/],
    ['a 500 on every request', { notKubernetes: 'error' as const }, /^nothing could be read from https:\/\/127\.0\.0\.1:6443: all \d+ lists failed; first failure: HTTP 500: upstream connect error$/],
    ['every kind forbidden, in every namespace', { forbidden: [...['pods', 'persistentvolumes', 'namespaces'].map((kind) => ({ kind: kind as 'pods', namespace: '*' }))] }, /^nothing could be read from .*: every list was forbidden for user "fake-user" \(check its RBAC, e\.g\. kubectl auth can-i list pods\); first failure: (pods|persistentvolumes) is forbidden/],
  ])('throws NothingReadError when not one kind could be read: %s', async (_name, behaviour, message) => {
    const { collect } = run({ objects: sampleCluster(), behaviour }, { kinds: ['pods', 'persistentvolumes'] });
    const err = await collect().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NothingReadError);
    expect((err as Error).message).toMatch(message);
  });

  it('a cluster with one readable kind, even an empty one, is a report with gaps, not an error', async () => {
    const { collect } = run({ objects: [], behaviour: { forbidden: [{ kind: 'pods', namespace: '*' }, { kind: 'namespaces' }] } }, { kinds: ['pods', 'persistentvolumes'] });
    const s = await collect();
    expect(s.observedKinds).toEqual(['persistentvolumes']);
    expect(s.incomplete.map((e) => e.kind)).toEqual(['pods', 'pods']);
  });

  it('adds kubelet volume stats for nodes that run pods with claims when asked for volumestats', async () => {
    const objects = [
      node('node-a'),
      node('node-b'),
      persistentVolumeClaim('data', 'data-db-0', { volumeName: 'pv-0' }),
      persistentVolume('pv-0', { claim: { namespace: 'data', name: 'data-db-0' } }),
      storageClass('std'),
      statefulSetPod('data', 'db', 0, { templates: ['data'], nodeName: 'node-a' }),
      pod('data', 'stateless', { nodeName: 'node-b' }),
    ];
    const { fake, collect } = run(
      { objects, behaviour: { nodeStats: { 'node-a': kubeletSummary('node-a', [{ namespace: 'data', pod: 'db-0', claim: 'data-db-0', usedBytes: 5, capacityBytes: 10 }]) } } },
      { kinds: ['pods', 'volumestats'] },
    );
    const s = await collect();
    expect(fake.requests.filter((r) => r.path.includes('/proxy/')).map((r) => r.path)).toEqual(['/api/v1/nodes/node-a/proxy/stats/summary']);
    expect(s.volumeStats).toEqual([{ namespace: 'data', claimName: 'data-db-0', podName: 'db-0', nodeName: 'node-a', usedBytes: 5, capacityBytes: 10 }]);
    expect(s.observedKinds).toContain('volumestats');
  });

  it('asks a kubelet as soon as a page of pods names its node, while the other kinds are still being listed', async () => {
    const objects = [
      node('node-a'),
      persistentVolume('pv-0', { claim: { namespace: 'data', name: 'data-db-0' } }),
      statefulSetPod('data', 'db', 0, { templates: ['data'], nodeName: 'node-a' }),
    ];
    const stop = new AbortController();
    // Pods are listed first (the largest LIST), then the volumes, which never answer: the kubelet must be asked anyway.
    const { fake, collect } = run({ objects, behaviour: { hang: ['persistentvolumes'] } }, { kinds: ['pods', 'persistentvolumes', 'volumestats'], concurrency: 1, signal: stop.signal });
    const pending = collect();
    pending.catch(() => undefined);
    const statsAsked = (): boolean => fake.requests.some((r) => r.path === '/api/v1/nodes/node-a/proxy/stats/summary');
    for (let turn = 0; turn < 1000 && !statsAsked(); turn++) await new Promise((r) => setImmediate(r));
    expect(statsAsked()).toBe(true);
    expect(fake.requests.map((r) => r.path)).toContain('/api/v1/persistentvolumes');
    stop.abort(new Error('enough'));
    await expect(pending).rejects.toThrow('enough');
  });

  it('asks the kubelets with their own bounded concurrency', async () => {
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'];
    const objects = nodes.flatMap((n, i) => [
      node(n),
      statefulSetPod('data', 'db', i, { templates: ['data'], nodeName: n }),
    ]);
    // Slow kubelets, so the pool's slots are all held at once and any excess would show as more in flight.
    const { fake, collect } = run(
      { objects, behaviour: { nodeStatsDelayMs: 150 } },
      { kinds: ['pods', 'volumestats'], concurrency: 1, statsConcurrency: 3 },
    );
    const s = await collect();
    expect(fake.requests.filter((r) => r.path.includes('/proxy/'))).toHaveLength(8);
    expect(fake.maxInFlight()).toBe(3);
    expect(s.incomplete).toEqual([]);
  });

  it('reports progress page by page and per kind', async () => {
    const events: unknown[] = [];
    const { collect } = run({ objects: manyPods(15) }, { pageSize: 10, kinds: ['pods'], onProgress: (e) => events.push(e) });
    await collect();
    expect(events).toEqual([
      { type: 'page', kind: 'pods', page: 1, items: 10 },
      { type: 'page', kind: 'pods', page: 2, items: 5 },
      { type: 'kind', kind: 'pods', items: 15, complete: true },
    ]);
  });
});
