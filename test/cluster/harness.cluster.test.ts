/**
 * Proves the harness: the scenarios exist on the real control plane in the states the real controllers put them
 * in (not the states the harness wrote), and RBAC really forbids what the restricted user must not read.
 */
import { ClusterState, requireState } from './control-plane';
import { KObject, Kube } from './kube';
import { RESTRICTED_FORBIDDEN } from './scenarios';

let state: ClusterState;
let admin: Kube;

beforeAll(() => {
  state = requireState();
  admin = new Kube(state.credentials.admin);
});
afterAll(() => admin?.close());

const ready = (pod: KObject | undefined) => (pod?.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');

describe('PersistentVolumes and claims, as the PV controller left them', () => {
  it('keeps a Retain PV Released after its claim was deleted', async () => {
    const pv = await admin.get('PersistentVolume', 'pv-shop-invoices');
    expect(pv?.status?.phase).toBe('Released');
    expect(pv?.spec.claimRef).toMatchObject({ namespace: 'shop', name: 'invoices' });
    expect(await admin.get('PersistentVolumeClaim', 'invoices', 'shop')).toBeUndefined();
    expect((await admin.get('PersistentVolume', 'pv-shop-orders'))?.status?.phase).toBe('Bound');
  });

  it('keeps the Released PV of a deleted StatefulSet ordinal claim, naming that claim', async () => {
    const pv = await admin.get('PersistentVolume', 'pv-data-ledger-2');
    expect(pv?.status?.phase).toBe('Released');
    expect(pv?.spec.claimRef).toMatchObject({ namespace: 'data', name: 'data-ledger-2' });
    expect(pv?.spec.claimRef.uid).toBeTruthy();
  });

  it('fails to reclaim a Delete-policy hostPath PV outside /tmp and says why', async () => {
    const pv = await admin.get('PersistentVolume', 'pv-data-scratch');
    expect(pv?.status?.phase).toBe('Failed');
    expect(pv?.status?.message).toMatch(/host_?path/i);
  });

  it('leaves a claim on a missing class and a WaitForFirstConsumer claim Pending, with the binder saying why', async () => {
    expect((await admin.get('PersistentVolumeClaim', 'uploads', 'shop'))?.status?.phase).toBe('Pending');
    expect((await admin.get('PersistentVolumeClaim', 'reports', 'shop'))?.status?.phase).toBe('Pending');
    const events = await admin.list('Event', 'shop');
    const about = (name: string) => events.filter(e => e.involvedObject?.name === name).map(e => `${e.reason}: ${e.message}`);
    expect(about('uploads').join('\n')).toMatch(/ProvisioningFailed: storageclass.* "premium-ssd" not found/);
    expect(about('reports').join('\n')).toMatch(/WaitForFirstConsumer/);
  });

  it('has two default StorageClasses', async () => {
    const defaults = (await admin.list('StorageClass'))
      .filter(sc => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true')
      .map(sc => sc.metadata.name);
    expect(defaults.sort()).toEqual(['fast', 'standard']);
  });
});

describe('StatefulSets, as the StatefulSet controller left them', () => {
  it('never creates ordinal 2 of web while ordinal 1 crash-loops', async () => {
    const pods = (await admin.list('Pod', 'shop', { labelSelector: 'app=web' })).map(p => p.metadata.name).sort();
    expect(pods).toEqual(['web-0', 'web-1']);
    const web1 = await admin.get('Pod', 'web-1', 'shop');
    const cs = web1?.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({ restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'Error' } } });
    expect(ready(web1)).toBe(false);
    expect(ready(await admin.get('Pod', 'web-0', 'shop'))).toBe(true);
    const sts = await admin.get('StatefulSet', 'web', 'shop');
    expect(sts?.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
    expect(await admin.get('PersistentVolumeClaim', 'data-web-2', 'shop')).toBeUndefined();
  });

  it('lets the last ordinal of search crash-loop after OOMKilled without blocking anything', async () => {
    const cs = (await admin.get('Pod', 'search-1', 'data'))?.status?.containerStatuses?.[0];
    expect(cs).toMatchObject({ restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } });
    expect((await admin.get('StatefulSet', 'search', 'data'))?.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
  });

  it('keeps the claims of ordinals 2 and 3 after db scaled in from 4 to 2, and db-backup owns only its own', async () => {
    const pods = (await admin.list('Pod', 'data', { labelSelector: 'app=db' })).map(p => p.metadata.name).sort();
    expect(pods).toEqual(['db-0', 'db-1']);
    const claims = (await admin.list('PersistentVolumeClaim', 'data')).map(c => `${c.metadata.name}:${c.status?.phase}`).sort();
    expect(claims).toEqual([
      'data-db-0:Bound', 'data-db-1:Bound', 'data-db-2:Bound', 'data-db-3:Bound',
      'data-db-backup-0:Bound', 'data-db-backup-1:Bound',
      'data-ledger-0:Bound', 'data-ledger-1:Bound',
      'data-search-0:Bound', 'data-search-1:Bound',
    ]);
    expect((await admin.get('StatefulSet', 'db', 'data'))?.spec.replicas).toBe(2);
  });

  it('runs cache without its governing Service and queue behind a non-headless one', async () => {
    expect(await admin.get('Service', 'cache-headless', 'edge')).toBeUndefined();
    expect((await admin.get('Service', 'queue', 'edge'))?.spec.clusterIP).not.toBe('None');
    expect((await admin.get('Service', 'cart', 'shop'))?.spec.clusterIP).toBe('None');
    for (const name of ['cache', 'queue']) expect((await admin.get('StatefulSet', name, 'edge'))?.status?.readyReplicas).toBe(2);
  });
});

describe('Services and Ingresses, as the EndpointSlice controller left them', () => {
  const endpointsOf = async (svc: string) =>
    (await admin.list('EndpointSlice', 'edge', { labelSelector: `kubernetes.io/service-name=${svc}` })).flatMap(s => s.endpoints ?? []);

  it('publishes ready endpoints for storefront and only not-ready ones for checkout', async () => {
    const storefront = await endpointsOf('storefront');
    expect(storefront).toHaveLength(2);
    expect(storefront.every((e: any) => e.conditions.ready === true && e.nodeName)).toBe(true);
    const checkout = await endpointsOf('checkout');
    expect(checkout).toHaveLength(2);
    expect(checkout.every((e: any) => e.conditions.ready === false)).toBe(true);
    expect(await endpointsOf('legacy')).toEqual([]);
  });

  it('has the Ingresses with their classes and addresses', async () => {
    const ingresses = await admin.list('Ingress', 'edge');
    const summary = Object.fromEntries(ingresses.map(i => [i.metadata.name, [i.spec.ingressClassName, i.status?.loadBalancer?.ingress?.[0]?.ip ?? null]]));
    expect(summary).toEqual({ shop: ['nginx', '192.0.2.10'], blog: ['traefik', null], storefront: ['nginx', '192.0.2.10'] });
    expect((await admin.list('IngressClass')).map(c => c.metadata.name)).toEqual(['nginx']);
  });
});

describe('identities', () => {
  it('forbids the restricted user PVs, StorageClasses and Ingresses, but not pods or claims', async () => {
    const alice = new Kube(state.credentials.restricted);
    try {
      const status = async (path: string) => (await alice.request('GET', path)).status;
      const forbidden: Record<string, string> = {
        persistentvolumes: '/api/v1/persistentvolumes',
        storageclasses: '/apis/storage.k8s.io/v1/storageclasses',
        ingresses: '/apis/networking.k8s.io/v1/ingresses',
      };
      expect(Object.keys(forbidden).sort()).toEqual([...RESTRICTED_FORBIDDEN].sort());
      for (const path of Object.values(forbidden)) expect(`${path} ${await status(path)}`).toBe(`${path} 403`);
      expect(await status('/apis/networking.k8s.io/v1/namespaces/edge/ingresses')).toBe(403);
      for (const path of ['/api/v1/pods', '/api/v1/persistentvolumeclaims', '/apis/apps/v1/statefulsets', '/apis/discovery.k8s.io/v1/endpointslices']) {
        expect(`${path} ${await status(path)}`).toBe(`${path} 200`);
      }
    } finally {
      alice.close();
    }
  });

  it('lets the product identity read everything it needs and write nothing', async () => {
    const product = new Kube(state.credentials.product);
    try {
      for (const path of ['/api/v1/persistentvolumes', '/apis/storage.k8s.io/v1/storageclasses', '/apis/networking.k8s.io/v1/ingresses', '/api/v1/nodes']) {
        expect(`${path} ${(await product.request('GET', path)).status}`).toBe(`${path} 200`);
      }
      const create = await product.request('POST', '/api/v1/namespaces/shop/configmaps', { metadata: { name: 'nope' }, data: {} });
      expect(create.status).toBe(403);
    } finally {
      product.close();
    }
  });

  it('serves kubelet volume stats through the API server node proxy', async () => {
    const summary = await admin.ok('GET', '/api/v1/nodes/node-a/proxy/stats/summary');
    const volumes = summary.pods.flatMap((p: any) => p.volume);
    const ledger0 = volumes.find((v: any) => v.pvcRef?.name === 'data-ledger-0');
    expect(ledger0).toMatchObject({ capacityBytes: 2 ** 30 });
    expect(Math.round((100 * ledger0.usedBytes) / ledger0.capacityBytes)).toBe(96);
  });

  it('keeps the nodes Ready (the kubelet stand-in renews their leases)', async () => {
    for (const node of await admin.list('Node')) {
      expect(node.status.conditions.find((c: any) => c.type === 'Ready')?.status).toBe('True');
      expect(node.spec.taints ?? []).toEqual([]);
    }
  });
});
