/**
 * Seeds the benchmarks' control plane with a cluster at scale (default 300 namespaces, ~20,000 objects, 6,000 pods)
 * through the harness's Kube client, with bounded concurrency. Most objects are written already reconciled (claims
 * and volumes bound to each other, pods bound to a node with the status the kubelet stand-in would give them), so
 * the real controllers have little left to do; the StatefulSet controller still creates each set's pods and the
 * EndpointSlice controller every slice. A few percent of the namespaces carry a fault of a known kind, listed in
 * `faults` so the benchmark can check which tool finds which.
 */
import { randomUUID } from 'node:crypto';
import { KObject, Kube, sleep, waitFor } from '../../cluster/kube';
import { behaviorFor, DEFAULT_NODES, KubeletRule, podStatus } from '../../cluster/kubelet';
import { SCENARIOS } from '../../cluster/scenarios';

export interface SeedPlan {
  namespaces: number;
  /** Bare pods per namespace behind the `web` Service, each with its own claim. */
  webPods: number;
  /** Where the kubelet stand-in's nodes are reachable (the host IP), as the pods' hostIP. */
  nodeAddress?: string;
}

export const DEFAULT_PLAN: SeedPlan = { namespaces: 300, webPods: 17 };

/** A seeded fault: the object it is on, and what is wrong. */
export interface SeededFault {
  fault: FaultKind;
  kind: string;
  namespace?: string;
  name: string;
}

export type FaultKind =
  | 'released-volume'
  | 'claim-pending-missing-class'
  | 'claim-lost'
  | 'sts-ordinal-crashloop'
  | 'sts-leftover-claim'
  | 'ingress-service-missing'
  | 'ingress-tls-secret-missing'
  | 'service-no-ready-endpoints';

export const FAULT_LABELS: Record<FaultKind, string> = {
  'released-volume': 'Released Retain volume (its claim deleted)',
  'claim-pending-missing-class': 'claim Pending on a StorageClass that does not exist',
  'claim-lost': 'claim Lost (its volume deleted)',
  'sts-ordinal-crashloop': 'StatefulSet ordinal in CrashLoopBackOff',
  'sts-leftover-claim': 'claim left behind by a scaled-in StatefulSet',
  'ingress-service-missing': 'Ingress to a Service that does not exist',
  'ingress-tls-secret-missing': 'Ingress TLS Secret missing',
  'service-no-ready-endpoints': 'Service (behind an Ingress) with no ready endpoints',
};

const ns = (i: number) => `bench-${String(i).padStart(3, '0')}`;
const has = (i: number, every: number, at: number) => i % every === at;

/** Which namespaces get which fault (a steady rate each, never two pod faults in one namespace). */
const FAULTS = {
  released: (i: number) => has(i, 20, 3),
  pendingClass: (i: number) => has(i, 20, 7),
  lost: (i: number) => has(i, 50, 11),
  crash: (i: number) => has(i, 25, 5),
  leftover: (i: number) => has(i, 15, 2),
  ingressMissing: (i: number) => has(i, 30, 13),
  tlsMissing: (i: number) => has(i, 40, 17),
  noEndpoints: (i: number) => has(i, 35, 24), // never in a namespace whose Ingress already points elsewhere
};

/** The kubelet stand-in's rules for the seeded pod faults (passed to it in KUBECTL_STORAGE_KUBELET_EXTRA_RULES). */
export function benchKubeletRules(plan: SeedPlan): KubeletRule[] {
  const rules: KubeletRule[] = [];
  for (let i = 0; i < plan.namespaces; i++) {
    if (FAULTS.crash(i)) rules.push({ namespace: ns(i), name: 'db-1', behavior: 'crashloop', restarts: 9 });
    if (FAULTS.noEndpoints(i)) rules.push({ namespace: ns(i), name: 'web-.*', behavior: 'not-ready' });
  }
  return rules;
}

export function expectedFaults(plan: SeedPlan): SeededFault[] {
  const out: SeededFault[] = [];
  for (let i = 0; i < plan.namespaces; i++) {
    const n = ns(i);
    if (FAULTS.released(i)) out.push({ fault: 'released-volume', kind: 'PersistentVolume', name: `bench-released-${i}` });
    if (FAULTS.pendingClass(i)) out.push({ fault: 'claim-pending-missing-class', kind: 'PersistentVolumeClaim', namespace: n, name: 'scratch' });
    if (FAULTS.lost(i)) out.push({ fault: 'claim-lost', kind: 'PersistentVolumeClaim', namespace: n, name: 'restore' });
    if (FAULTS.crash(i)) out.push({ fault: 'sts-ordinal-crashloop', kind: 'Pod', namespace: n, name: 'db-1' });
    if (FAULTS.leftover(i)) out.push({ fault: 'sts-leftover-claim', kind: 'PersistentVolumeClaim', namespace: n, name: 'data-db-3' });
    if (FAULTS.ingressMissing(i)) out.push({ fault: 'ingress-service-missing', kind: 'Ingress', namespace: n, name: 'web' });
    if (FAULTS.tlsMissing(i)) out.push({ fault: 'ingress-tls-secret-missing', kind: 'Ingress', namespace: n, name: 'web' });
    if (FAULTS.noEndpoints(i)) out.push({ fault: 'service-no-ready-endpoints', kind: 'Service', namespace: n, name: 'web' });
  }
  return out;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const CLASS = 'bench-local';
const STORAGE = '1Gi';

function claim(namespace: string, name: string, o: { volumeName?: string; storageClassName?: string; labels?: Record<string, string> } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      ...(o.labels ? { labels: o.labels } : {}),
      // What the binder writes once it bound the pair: it then leaves them alone.
      ...(o.volumeName ? { annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' } } : {}),
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: STORAGE } },
      storageClassName: o.storageClassName ?? CLASS,
      volumeMode: 'Filesystem',
      ...(o.volumeName ? { volumeName: o.volumeName } : {}),
    },
  };
}

function volume(name: string, claimRef: { namespace: string; name: string; uid: string }, reclaim: 'Delete' | 'Retain' = 'Delete'): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': 'bench' } },
    spec: {
      capacity: { storage: STORAGE },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: reclaim,
      storageClassName: CLASS,
      volumeMode: 'Filesystem',
      // Outside /tmp: the in-tree hostPath deleter only ever deletes under /tmp (see test/cluster/README.md).
      hostPath: { path: `/srv/kubectl-storage/bench/${name}`, type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claimRef },
    },
  };
}

export interface SeedResult {
  ms: number;
  settleMs: number;
  requests: number;
  created: Record<string, number>;
  faults: SeededFault[];
}

/** Creates everything and waits until the controllers and the kubelet stand-in have settled. */
export async function seed(kube: Kube, plan: SeedPlan, log: (line: string) => void, concurrency = 48): Promise<SeedResult> {
  const t0 = Date.now();
  let requests = 0;
  const created: Record<string, number> = {};
  const count = (kind: string) => (created[kind] = (created[kind] ?? 0) + 1);
  const create = async (obj: KObject): Promise<KObject> => {
    requests++;
    const out = await kube.create(obj);
    count(obj.kind);
    return out;
  };
  const status = async (kind: string, name: string, namespace: string | undefined, body: unknown) => {
    requests++;
    await kube.patch({ kind, name, namespace }, { status: body }, 'status');
  };
  /** A claim and its volume, bound to each other as the binder leaves them. */
  const boundPair = async (namespace: string, claimName: string, labels?: Record<string, string>) => {
    const pvName = `pv-${namespace}-${claimName}`;
    const c = await create(claim(namespace, claimName, { volumeName: pvName, labels }));
    // The binder finds the pair bound to each other and only writes both statuses (Bound): two requests fewer here.
    await create(volume(pvName, { namespace, name: claimName, uid: c.metadata.uid }));
  };

  // The product's read-only identity and its role, as the scenarios define them (the tools under test read with it).
  for (const obj of SCENARIOS.find(sc => sc.name === 'rbac')!.objects) await create(obj);
  // The control plane's service range is a /24 (254 ClusterIPs): one more range (ServiceCIDR, GA since 1.33) for
  // the hundreds of Services.
  requests++;
  await kube.ok('POST', '/apis/networking.k8s.io/v1/servicecidrs', { apiVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', metadata: { name: 'bench' }, spec: { cidrs: ['10.96.0.0/16'] } });
  await waitFor('the bench ServiceCIDR to be ready', async () => {
    const cidr = await kube.ok('GET', '/apis/networking.k8s.io/v1/servicecidrs/bench');
    return (cidr.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
  }, { timeoutMs: 30000, intervalMs: 250 });
  await create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: CLASS }, provisioner: 'kubernetes.io/no-provisioner', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  await create({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'bench-nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });

  const indexes = Array.from({ length: plan.namespaces }, (_, i) => i);
  await pool(indexes, concurrency, i => create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns(i) } }));
  // Pods cannot be created before their namespace's default ServiceAccount exists.
  await waitFor('every bench namespace has its default ServiceAccount', async () => {
    const sas = await kube.list('ServiceAccount', undefined, { fieldSelector: 'metadata.name=default' });
    return sas.filter(s => s.metadata.namespace?.startsWith('bench-')).length === plan.namespaces;
  }, { timeoutMs: 120000, intervalMs: 500 });
  log(`namespaces and ServiceAccounts ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const rules = benchKubeletRules(plan);
  const nodes = DEFAULT_NODES.map(n => ({ ...n, ...(plan.nodeAddress ? { address: plan.nodeAddress } : {}) }));
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

  // Claims and volumes first (StatefulSet claims too, so the set's controller finds them and only creates pods).
  const pairs: [string, string, Record<string, string> | undefined][] = [];
  for (const i of indexes) {
    const n = ns(i);
    for (let o = 0; o < 3; o++) pairs.push([n, `data-db-${o}`, { app: 'db' }]);
    if (FAULTS.leftover(i)) pairs.push([n, 'data-db-3', { app: 'db' }]);
    for (let k = 0; k < plan.webPods; k++) pairs.push([n, `cache-web-${k}`, { app: 'web' }]);
  }
  await pool(pairs, concurrency, ([n, c, labels]) => boundPair(n, c, labels));
  log(`${pairs.length} bound claim/volume pairs after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const perNamespace = async (i: number) => {
    const n = ns(i);
    await create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: n }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] } });
    await create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: n }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
    await create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db', namespace: n },
      spec: {
        replicas: 3,
        serviceName: 'db',
        podManagementPolicy: 'Parallel',
        selector: { matchLabels: { app: 'db' } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'registry.k8s.io/pause:3.10', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'data', labels: { app: 'db' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: CLASS, resources: { requests: { storage: STORAGE } } } }],
      },
    });
    for (let k = 0; k < plan.webPods; k++) {
      const node = nodes[k % nodes.length];
      const pod = await create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${k}`, namespace: n, labels: { app: 'web' } },
        spec: {
          nodeName: node.name,
          containers: [{ name: 'web', image: 'registry.k8s.io/pause:3.10', ports: [{ containerPort: 8080 }], volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }],
          volumes: [{ name: 'cache', persistentVolumeClaim: { claimName: `cache-web-${k}` } }],
        },
      });
      await status('Pod', pod.metadata.name, n, podStatus(pod, behaviorFor(pod, rules), node, now));
    }
    const tls = !FAULTS.tlsMissing(i);
    if (tls) await create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: n }, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } });
    await create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: n },
      spec: {
        ingressClassName: 'bench-nginx',
        tls: [{ hosts: [`web.${n}.example.com`], secretName: 'web-tls' }],
        rules: [{ host: `web.${n}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: FAULTS.ingressMissing(i) ? 'web-old' : 'web', port: { number: 80 } } } }] } }],
      },
    });
    if (FAULTS.released(i)) {
      const name = `bench-released-${i}`;
      // Bound to a claim that is gone: the binder marks it Released, and Retain keeps it.
      await create(volume(name, { namespace: n, name: 'data-old-0', uid: randomUUID() }, 'Retain'));
    }
    if (FAULTS.pendingClass(i)) await create(claim(n, 'scratch', { storageClassName: 'fast-typo' }));
    if (FAULTS.lost(i)) {
      // Bound once (the binder's annotation) to a volume that is gone: the binder marks it Lost.
      await create(claim(n, 'restore', { volumeName: `pv-gone-${i}` }));
    }
  };
  await pool(indexes, concurrency, perNamespace);
  const ms = Date.now() - t0;
  log(`created everything after ${(ms / 1000).toFixed(1)} s (${requests} requests); waiting for the controllers and the kubelet stand-in`);

  // Settled: every set's pods exist and are Running on a node, and every Service has its EndpointSlice with all pods.
  const t1 = Date.now();
  let seen = '';
  await waitFor('the seeded cluster to settle', async () => {
    const sets = (await kube.list('StatefulSet')).filter(s => s.metadata.namespace?.startsWith('bench-'));
    const slices = (await kube.list('EndpointSlice')).filter(s => s.metadata.namespace?.startsWith('bench-'));
    const expectedReady = indexes.reduce((sum, i) => sum + (FAULTS.crash(i) ? 2 : 3), 0);
    const ready = sets.reduce((sum, s) => sum + (s.status?.readyReplicas ?? 0), 0);
    const endpoints = slices.reduce((sum, s) => sum + (s.endpoints?.length ?? 0), 0);
    const wantEndpoints = plan.namespaces * (3 + plan.webPods);
    seen = `${sets.length} sets, ${ready}/${expectedReady} ready ordinals, ${slices.length} slices with ${endpoints}/${wantEndpoints} endpoints`;
    return sets.length === plan.namespaces && ready === expectedReady && endpoints === wantEndpoints;
  }, { timeoutMs: 600000, intervalMs: 2000, lastSeen: () => seen });
  // The binder: every pair Bound, the Lost claims Lost, the Released volumes Released.
  await waitFor('the binder to mark every claim and volume', async () => {
    const claims = (await kube.list('PersistentVolumeClaim')).filter(c => c.metadata.namespace?.startsWith('bench-'));
    const volumes = await kube.list('PersistentVolume');
    const wrong = [
      ...claims.filter(c => c.status?.phase !== (c.metadata.name === 'restore' ? 'Lost' : c.metadata.name === 'scratch' ? 'Pending' : 'Bound')),
      ...volumes.filter(v => v.status?.phase !== (v.metadata.name.startsWith('bench-released-') ? 'Released' : 'Bound')),
    ];
    seen = `${wrong.length} claims and volumes not yet in their phase (e.g. ${wrong.slice(0, 3).map(o => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}: ${o.status?.phase}`).join(', ')})`;
    return wrong.length === 0;
  }, { timeoutMs: 300000, intervalMs: 2000, lastSeen: () => seen });
  await sleep(1000);
  const settleMs = Date.now() - t1;
  log(`settled after ${(settleMs / 1000).toFixed(1)} s more: ${seen}`);
  return { ms, settleMs, requests, created, faults: expectedFaults(plan) };
}
