/**
 * The seed scenarios of the domain brief, created for real through the API so the real controllers act on them
 * (PV binder, StatefulSet, Deployment/ReplicaSet, EndpointSlice, garbage collector, PVC protection), with the
 * kubelet stand-in (kubelet.ts) playing the pods. Every fault has a healthy look-alike beside it.
 *
 * A scenario is data: the objects to create (in order), how the kubelet treats its pods, the steps that follow
 * (waits, scale, delete; each wait bounded with a clear timeout error), the findings the product must report
 * (`expect`) and the look-alikes that must stay quiet (`quiet`). report.cluster.test.ts reads the last two.
 */
import { describeRef, KObject, Kube, ObjectRef, sleep, waitFor } from './kube';
import type { KubeletRule, VolumeUsage } from './kubelet';
import { IDENTITIES } from './pki';

export interface Expectation {
  code: string;
  /** The object the finding is expected on. */
  object: ObjectRef;
  /** Other objects the finding may name instead (e.g. the pod of an ordinal rather than its StatefulSet). */
  alsoOn?: ObjectRef[];
}

export interface Step {
  title: string;
  run: (kube: Kube) => Promise<unknown>;
}

export interface Scenario {
  name: string;
  why: string;
  objects: KObject[];
  kubelet?: KubeletRule[];
  /** What the kubelet stand-in's /stats/summary reports for these claims (others: 20% used). */
  volumeUsage?: VolumeUsage[];
  steps?: Step[];
  expect: Expectation[];
  quiet: ObjectRef[];
}

export const NAMESPACES = ['shop', 'data', 'edge'];

// --- object builders ----------------------------------------------------------------------------------------------

const ref = (kind: string, name: string, namespace?: string): ObjectRef => ({ kind, name, namespace });

const namespace = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

function storageClass(name: string, opts: { isDefault?: boolean; binding?: 'Immediate' | 'WaitForFirstConsumer' } = {}): KObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      ...(opts.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: 'kubernetes.io/no-provisioner',
    reclaimPolicy: 'Retain',
    volumeBindingMode: opts.binding ?? 'Immediate',
  };
}

/**
 * A static hostPath PV, pre-bound (claimRef) to the one claim it is for, which may not exist yet. Never leave a
 * scenario PV unreserved: the binder's volume cache lags behind a burst of creations, and a StatefulSet claim
 * synced before its own PV is cached can take any free PV of its class and size (the likely cause of a claim once
 * left Pending; see README.md).
 */
function pv(name: string, opts: { policy?: 'Retain' | 'Delete'; size?: string; claim: { namespace: string; name: string } }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, labels: { 'kubectl-storage.test/scenario': 'true' } },
    spec: {
      capacity: { storage: opts.size ?? '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: opts.policy ?? 'Retain',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      // Outside /tmp on purpose: kube-controller-manager's hostPath deleter rm -rf's /tmp/.+ paths (on its own host).
      hostPath: { path: `/srv/kubectl-storage/${name}`, type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...opts.claim },
    },
  };
}

function pvc(ns: string, name: string, opts: { storageClassName: string; volumeName?: string; size?: string }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: ns },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: opts.storageClassName,
      resources: { requests: { storage: opts.size ?? '1Gi' } },
      ...(opts.volumeName ? { volumeName: opts.volumeName } : {}),
    },
  };
}

const container = (name: string, image: string, port = 8080) => ({
  name,
  image,
  ports: [{ name: 'http', containerPort: port }],
  readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
  // On its own path and with a longer failure budget than readiness: what the probe checks recommend.
  livenessProbe: { httpGet: { path: '/livez', port: 'http' }, periodSeconds: 10, failureThreshold: 6 },
});

function service(ns: string, name: string, opts: { headless?: boolean; app?: string; port?: number; targetPort?: number } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: {
      ...(opts.headless ? { clusterIP: 'None' } : {}),
      selector: { app: opts.app ?? name },
      ports: [{ name: 'http', port: opts.port ?? 80, targetPort: opts.targetPort ?? 8080, protocol: 'TCP' }],
    },
  };
}

function statefulSet(ns: string, name: string, opts: { replicas: number; serviceName?: string; claims?: boolean; image?: string }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns },
    spec: {
      replicas: opts.replicas,
      serviceName: opts.serviceName ?? name,
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [{ ...container(name, opts.image ?? 'postgres:16'), ...(opts.claims === false ? {} : { volumeMounts: [{ name: 'data', mountPath: '/var/lib/data' }] }) }],
        },
      },
      ...(opts.claims === false
        ? {}
        : {
            volumeClaimTemplates: [
              {
                metadata: { name: 'data' },
                spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } },
              },
            ],
          }),
    },
  };
}

/** PVs pre-bound to `data-<sts>-<ordinal>` for ordinals 0..n-1. */
const ordinalPVs = (ns: string, sts: string, n: number) =>
  Array.from({ length: n }, (_, i) => pv(`pv-${ns}-${sts}-${i}`, { claim: { namespace: ns, name: `data-${sts}-${i}` } }));

function deployment(ns: string, name: string, replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container(name, 'nginx:1.27')] } },
    },
  };
}

type Backend = { path: string; service: string; port: number | string };

function ingress(ns: string, name: string, className: string, host: string, backends: Backend[]): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: ns },
    spec: {
      ingressClassName: className,
      rules: [
        {
          host,
          http: {
            paths: backends.map(b => ({
              path: b.path,
              pathType: 'Prefix',
              backend: { service: { name: b.service, port: typeof b.port === 'number' ? { number: b.port } : { name: b.port } } },
            })),
          },
        },
      ],
    },
  };
}

function clusterRole(name: string, rules: { apiGroups: string[]; resources: string[] }[]): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules: rules.map(r => ({ ...r, verbs: ['get', 'list', 'watch'] })),
  };
}

function clusterRoleBinding(name: string, role: string, subject: { kind: 'User' | 'Group'; name: string }): KObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  };
}

// --- steps --------------------------------------------------------------------------------------------------------

const brief = (obj: KObject | undefined) => {
  if (!obj) return 'absent';
  const s = obj.status ?? {};
  if (obj.kind === 'StatefulSet') return `replicas=${s.replicas} ready=${s.readyReplicas ?? 0} observed=${s.observedGeneration}/${obj.metadata.generation}`;
  if (obj.kind === 'Pod') return `phase=${s.phase} node=${obj.spec.nodeName ?? '-'} ready=${(s.conditions ?? []).find((c: any) => c.type === 'Ready')?.status}`;
  return `phase=${s.phase}${s.message ? ` message=${s.message}` : ''}`;
};

/** Waits until the object satisfies `until` (gets undefined when the object is absent). */
function waitObject(r: ObjectRef, what: string, until: (obj: KObject | undefined) => boolean, timeoutMs = 120000): Step {
  const title = `${describeRef(r)} ${what}`;
  return {
    title,
    run: async kube => {
      let last: KObject | undefined;
      await waitFor(title, async () => until((last = await kube.get(r.kind, r.name, r.namespace))), {
        timeoutMs,
        lastSeen: () => brief(last),
      });
    },
  };
}

const phaseIs = (kind: string, name: string, phase: string | string[], ns?: string) =>
  waitObject(ref(kind, name, ns), `phase ${phase}`, o => [phase].flat().includes(o?.status?.phase));

const gone = (kind: string, name: string, ns?: string) => waitObject(ref(kind, name, ns), 'deleted', o => o === undefined);

const isReady = (pod: KObject | undefined) => (pod?.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');

const podReady = (ns: string, name: string) => waitObject(ref('Pod', name, ns), 'Running and Ready', o => isReady(o));

/** The StatefulSet controller has seen the current spec and reports these counts. */
const stsSettled = (ns: string, name: string, replicas: number, ready: number) =>
  waitObject(ref('StatefulSet', name, ns), `settled at replicas=${replicas} ready=${ready}`, o =>
    !!o && o.status?.observedGeneration === o.metadata.generation && (o.status?.replicas ?? 0) === replicas && (o.status?.readyReplicas ?? 0) === ready,
  );

const scale = (ns: string, name: string, replicas: number): Step => ({
  title: `scale StatefulSet ${ns}/${name} to ${replicas}`,
  run: kube => kube.patch(ref('StatefulSet', name, ns), { spec: { replicas } }, 'scale').catch(() =>
    kube.patch(ref('StatefulSet', name, ns), { spec: { replicas } })),
});

const remove = (kind: string, name: string, ns?: string): Step => ({
  title: `delete ${describeRef(ref(kind, name, ns))}`,
  run: kube => kube.delete(ref(kind, name, ns)),
});

/** A negative check: the object does not appear during `ms` (e.g. an ordinal an OrderedReady set must not create). */
const staysAbsent = (kind: string, name: string, ns: string, ms = 5000): Step => ({
  title: `${kind} ${ns}/${name} stays absent for ${ms / 1000}s`,
  run: async kube => {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await kube.get(kind, name, ns)) throw new Error(`${kind} ${ns}/${name} exists, but the scenario expects it never to be created`);
      await sleep(500);
    }
  },
});

/** An event the real controller emits about the object, e.g. the PV binder's ProvisioningFailed. */
const eventFor = (kind: string, name: string, ns: string, reason: RegExp): Step => ({
  title: `event ${reason} on ${kind} ${ns}/${name}`,
  run: kube =>
    waitFor(`event ${reason} on ${kind} ${ns}/${name}`, async () =>
      (await kube.list('Event', ns)).find(e => e.involvedObject?.kind === kind && e.involvedObject?.name === name && reason.test(e.reason)),
    { timeoutMs: 60000 }),
});

/** EndpointSlices of a Service (label kubernetes.io/service-name) with `total` endpoints, `ready` of them ready. */
const endpoints = (ns: string, svc: string, total: number, ready: number): Step => ({
  title: `EndpointSlices of ${ns}/${svc}: ${ready}/${total} ready`,
  run: async kube => {
    let seen = '';
    await waitFor(`EndpointSlices of Service ${ns}/${svc} to have ${ready}/${total} ready endpoints`, async () => {
      const slices = await kube.list('EndpointSlice', ns, { labelSelector: `kubernetes.io/service-name=${svc}` });
      const eps = slices.flatMap(s => s.endpoints ?? []);
      const r = eps.filter((e: any) => e.conditions?.ready === true).length;
      seen = `${r}/${eps.length} ready in ${slices.length} slices`;
      return eps.length === total && r === ready;
    }, { timeoutMs: 60000, lastSeen: () => seen });
  },
});

/** Plays the ingress controller of class `nginx`: publishes the address it would get on each of its Ingresses. */
const ingressAddress = (ns: string, names: string[]): Step => ({
  title: `ingress-nginx stand-in publishes addresses of ${names.join(', ')}`,
  run: async kube => {
    for (const name of names) {
      await kube.patch(ref('Ingress', name, ns), { status: { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } } }, 'status');
    }
  },
});

// --- the scenarios ------------------------------------------------------------------------------------------------

const podRef = (ns: string, name: string) => ref('Pod', name, ns);
const stsRef = (ns: string, name: string) => ref('StatefulSet', name, ns);
const pvRef = (name: string) => ref('PersistentVolume', name);
const pvcRef = (ns: string, name: string) => ref('PersistentVolumeClaim', name, ns);
const ingRef = (ns: string, name: string) => ref('Ingress', name, ns);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const SCENARIOS: Scenario[] = [
  {
    name: 'storage-classes',
    why: 'Two StorageClasses both claim to be the default (the newest wins silently); a WaitForFirstConsumer class is fine.',
    objects: [
      storageClass('standard', { isDefault: true }),
      storageClass('fast', { isDefault: true }),
      storageClass('local-wait', { binding: 'WaitForFirstConsumer' }),
    ],
    expect: [
      { code: 'storageclass-multiple-defaults', object: ref('StorageClass', 'standard'), alsoOn: [ref('StorageClass', 'fast')] },
    ],
    quiet: [ref('StorageClass', 'local-wait')],
  },
  {
    name: 'released-retain',
    why: 'A Retain PV stays Released after its claim is deleted: orphaned data nobody will ever reuse. Beside it a Retain PV bound to a claim a running pod mounts.',
    objects: [
      pv('pv-shop-invoices', { size: '5Gi', claim: { namespace: 'shop', name: 'invoices' } }),
      pvc('shop', 'invoices', { storageClassName: 'standard', volumeName: 'pv-shop-invoices', size: '5Gi' }),
      pv('pv-shop-orders', { size: '2Gi', claim: { namespace: 'shop', name: 'orders' } }),
      pvc('shop', 'orders', { storageClassName: 'standard', volumeName: 'pv-shop-orders', size: '2Gi' }),
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'orders-api', namespace: 'shop', labels: { app: 'orders-api' } },
        spec: {
          containers: [{ ...container('api', 'nginx:1.27'), volumeMounts: [{ name: 'orders', mountPath: '/data' }] }],
          volumes: [{ name: 'orders', persistentVolumeClaim: { claimName: 'orders' } }],
        },
      },
    ],
    steps: [
      phaseIs('PersistentVolumeClaim', 'invoices', 'Bound', 'shop'),
      remove('PersistentVolumeClaim', 'invoices', 'shop'),
      gone('PersistentVolumeClaim', 'invoices', 'shop'),
      phaseIs('PersistentVolume', 'pv-shop-invoices', 'Released'),
      phaseIs('PersistentVolumeClaim', 'orders', 'Bound', 'shop'),
      podReady('shop', 'orders-api'),
    ],
    expect: [{ code: 'pv-released-retain', object: pvRef('pv-shop-invoices') }],
    quiet: [pvRef('pv-shop-orders'), pvcRef('shop', 'orders'), podRef('shop', 'orders-api')],
  },
  {
    name: 'released-ordinal-claim',
    why: 'StatefulSet ledger scaled 3 -> 2, then the claim of ordinal 2 deleted: its Retain PV is Released, and its claimRef (data-ledger-2) names the ordinal that owned it. The kubelet reports the claim of ordinal 0 96% full, ordinal 1 at 60%.',
    objects: [service('data', 'ledger', { headless: true }), ...ordinalPVs('data', 'ledger', 3), statefulSet('data', 'ledger', { replicas: 3 })],
    volumeUsage: [
      { namespace: 'data', claim: 'data-ledger-0', usedPercent: 96 },
      { namespace: 'data', claim: 'data-ledger-1', usedPercent: 60 },
    ],
    steps: [
      stsSettled('data', 'ledger', 3, 3),
      scale('data', 'ledger', 2),
      gone('Pod', 'ledger-2', 'data'),
      stsSettled('data', 'ledger', 2, 2),
      remove('PersistentVolumeClaim', 'data-ledger-2', 'data'),
      gone('PersistentVolumeClaim', 'data-ledger-2', 'data'),
      phaseIs('PersistentVolume', 'pv-data-ledger-2', 'Released'),
    ],
    expect: [
      { code: 'pv-released-retain', object: pvRef('pv-data-ledger-2') },
      { code: 'pvc-nearly-full', object: pvcRef('data', 'data-ledger-0') },
    ],
    quiet: [
      stsRef('data', 'ledger'),
      pvcRef('data', 'data-ledger-1'),
      ...range(2).flatMap(i => [pvRef(`pv-data-ledger-${i}`), podRef('data', `ledger-${i}`)]),
    ],
  },
  {
    name: 'delete-policy-hostpath',
    why: 'A Delete-policy PV whose claim is deleted: the PV controller has no deleter for hostPath, so reclamation fails and the PV stays with a message.',
    objects: [pv('pv-data-scratch', { policy: 'Delete', claim: { namespace: 'data', name: 'scratch' } }), pvc('data', 'scratch', { storageClassName: 'standard', volumeName: 'pv-data-scratch' })],
    steps: [
      phaseIs('PersistentVolumeClaim', 'scratch', 'Bound', 'data'),
      remove('PersistentVolumeClaim', 'scratch', 'data'),
      gone('PersistentVolumeClaim', 'scratch', 'data'),
      phaseIs('PersistentVolume', 'pv-data-scratch', 'Failed'),
    ],
    expect: [{ code: 'pv-reclaim-failed', object: pvRef('pv-data-scratch') }],
    quiet: [],
  },
  {
    name: 'claim-class-missing',
    why: 'A claim naming a StorageClass that does not exist stays Pending forever; a claim with a valid class binds.',
    objects: [pvc('shop', 'uploads', { storageClassName: 'premium-ssd', size: '10Gi' })],
    steps: [eventFor('PersistentVolumeClaim', 'uploads', 'shop', /ProvisioningFailed/), phaseIs('PersistentVolumeClaim', 'uploads', 'Pending', 'shop')],
    expect: [{ code: 'pvc-pending-class-missing', object: pvcRef('shop', 'uploads') }],
    quiet: [],
  },
  {
    name: 'wait-for-first-consumer',
    why: 'A WaitForFirstConsumer claim without a pod is Pending by design: worth an info, not an alarm.',
    objects: [pvc('shop', 'reports', { storageClassName: 'local-wait' })],
    steps: [eventFor('PersistentVolumeClaim', 'reports', 'shop', /WaitForFirstConsumer/), phaseIs('PersistentVolumeClaim', 'reports', 'Pending', 'shop')],
    expect: [{ code: 'pvc-pending-wait-for-consumer', object: pvcRef('shop', 'reports') }],
    quiet: [],
  },
  {
    name: 'sts-ordinal-blocked',
    why: 'OrderedReady StatefulSet web: ordinal 1 crash-loops (restarts, last state Error), so the controller never creates ordinal 2. Beside it cart, healthy.',
    objects: [
      service('shop', 'web', { headless: true }),
      ...ordinalPVs('shop', 'web', 2),
      statefulSet('shop', 'web', { replicas: 3, image: 'nginx:1.27' }),
      service('shop', 'cart', { headless: true }),
      ...ordinalPVs('shop', 'cart', 3),
      statefulSet('shop', 'cart', { replicas: 3, image: 'redis:7' }),
    ],
    kubelet: [{ namespace: 'shop', name: 'web-1', behavior: 'crashloop', restarts: 7 }],
    steps: [
      podReady('shop', 'web-0'),
      waitObject(podRef('shop', 'web-1'), 'in CrashLoopBackOff', o => o?.status?.containerStatuses?.[0]?.state?.waiting?.reason === 'CrashLoopBackOff'),
      stsSettled('shop', 'web', 2, 1),
      staysAbsent('Pod', 'web-2', 'shop'),
      stsSettled('shop', 'cart', 3, 3),
    ],
    // The core folds the blocker's restart loop into sts-rollout-blocked (no separate pod-restart-loop for web-1).
    expect: [{ code: 'sts-rollout-blocked', object: stsRef('shop', 'web'), alsoOn: [podRef('shop', 'web-1')] }],
    quiet: [
      stsRef('shop', 'cart'),
      ref('Service', 'cart', 'shop'),
      ...range(3).flatMap(i => [podRef('shop', `cart-${i}`), pvcRef('shop', `data-cart-${i}`), pvRef(`pv-shop-cart-${i}`)]),
      podRef('shop', 'web-0'),
      pvcRef('shop', 'data-web-0'),
    ],
  },
  {
    name: 'sts-ordinal-oomkilled',
    why: 'StatefulSet search: its last ordinal crash-loops after OOMKilled. Nothing is blocked (no higher ordinal), but ordinal 1 is a missing member whose pod keeps restarting.',
    objects: [service('data', 'search', { headless: true }), ...ordinalPVs('data', 'search', 2), statefulSet('data', 'search', { replicas: 2, image: 'opensearch:2' })],
    kubelet: [{ namespace: 'data', name: 'search-1', behavior: 'oomkilled', restarts: 4 }],
    steps: [
      waitObject(podRef('data', 'search-1'), 'OOMKilled in CrashLoopBackOff', o => o?.status?.containerStatuses?.[0]?.lastState?.terminated?.reason === 'OOMKilled'),
      stsSettled('data', 'search', 2, 1),
    ],
    expect: [
      { code: 'sts-ordinal-not-ready', object: stsRef('data', 'search'), alsoOn: [podRef('data', 'search-1')] },
      { code: 'pod-restart-loop', object: podRef('data', 'search-1') },
    ],
    quiet: [podRef('data', 'search-0'), pvcRef('data', 'data-search-0'), pvRef('pv-data-search-0')],
  },
  {
    name: 'sts-scale-in',
    why: 'StatefulSet db scaled 4 -> 2 keeps the claims of ordinals 2 and 3. db-backup shares the prefix "db" and has exactly the claims it uses: prefix matching would blame them on db.',
    objects: [
      service('data', 'db', { headless: true }),
      ...ordinalPVs('data', 'db', 4),
      statefulSet('data', 'db', { replicas: 4 }),
      service('data', 'db-backup', { headless: true }),
      ...ordinalPVs('data', 'db-backup', 2),
      statefulSet('data', 'db-backup', { replicas: 2 }),
    ],
    steps: [
      stsSettled('data', 'db', 4, 4),
      scale('data', 'db', 2),
      gone('Pod', 'db-3', 'data'),
      gone('Pod', 'db-2', 'data'),
      stsSettled('data', 'db', 2, 2),
      phaseIs('PersistentVolumeClaim', 'data-db-2', 'Bound', 'data'),
      phaseIs('PersistentVolumeClaim', 'data-db-3', 'Bound', 'data'),
      stsSettled('data', 'db-backup', 2, 2),
    ],
    expect: [
      { code: 'sts-leftover-claims', object: stsRef('data', 'db'), alsoOn: [pvcRef('data', 'data-db-2'), pvcRef('data', 'data-db-3')] },
    ],
    quiet: [
      stsRef('data', 'db-backup'),
      ...range(2).flatMap(i => [podRef('data', `db-backup-${i}`), pvcRef('data', `data-db-backup-${i}`), pvRef(`pv-data-db-backup-${i}`)]),
      ...range(2).flatMap(i => [podRef('data', `db-${i}`), pvcRef('data', `data-db-${i}`)]),
    ],
  },
  {
    name: 'sts-service',
    why: 'StatefulSet cache names a governing Service that does not exist; queue names one that is not headless (clients cannot reach one member).',
    objects: [
      statefulSet('edge', 'cache', { replicas: 2, serviceName: 'cache-headless', claims: false, image: 'redis:7' }),
      service('edge', 'queue'),
      statefulSet('edge', 'queue', { replicas: 2, claims: false, image: 'rabbitmq:3' }),
    ],
    steps: [stsSettled('edge', 'cache', 2, 2), stsSettled('edge', 'queue', 2, 2)],
    expect: [
      { code: 'sts-service-missing', object: stsRef('edge', 'cache') },
      { code: 'sts-service-not-headless', object: stsRef('edge', 'queue'), alsoOn: [ref('Service', 'queue', 'edge')] },
    ],
    quiet: [],
  },
  {
    name: 'ingress',
    why: 'Ingress shop: / and /catalog reach storefront (2 ready endpoints; by port number and by port name), /checkout a Service whose pods are all not ready, /legacy a missing Service, /admin a port storefront lacks. Ingress blog names an unknown class. Ingress storefront is healthy.',
    objects: [
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: 'nginx' },
        spec: { controller: 'k8s.io/ingress-nginx' },
      },
      deployment('edge', 'storefront', 2),
      service('edge', 'storefront'),
      deployment('edge', 'checkout', 2),
      service('edge', 'checkout'),
      ingress('edge', 'shop', 'nginx', 'shop.example.test', [
        { path: '/', service: 'storefront', port: 80 },
        { path: '/catalog', service: 'storefront', port: 'http' },
        { path: '/checkout', service: 'checkout', port: 80 },
        { path: '/legacy', service: 'legacy', port: 80 },
        { path: '/admin', service: 'storefront', port: 9090 },
      ]),
      ingress('edge', 'blog', 'traefik', 'blog.example.test', [{ path: '/', service: 'storefront', port: 80 }]),
      ingress('edge', 'storefront', 'nginx', 'www.example.test', [{ path: '/', service: 'storefront', port: 'http' }]),
    ],
    kubelet: [{ namespace: 'edge', name: 'checkout-.*', behavior: 'not-ready' }],
    steps: [endpoints('edge', 'storefront', 2, 2), endpoints('edge', 'checkout', 2, 0), ingressAddress('edge', ['shop', 'storefront'])],
    expect: [
      { code: 'ingress-no-ready-endpoints', object: ingRef('edge', 'shop') },
      { code: 'ingress-service-missing', object: ingRef('edge', 'shop') },
      { code: 'ingress-port-missing', object: ingRef('edge', 'shop') },
      { code: 'ingress-class-unknown', object: ingRef('edge', 'blog') },
    ],
    quiet: [ingRef('edge', 'storefront'), ref('Service', 'storefront', 'edge'), ref('IngressClass', 'nginx')],
  },
  {
    name: 'rbac',
    why: 'The product reads with its own read-only identity (so the audit log shows its requests alone); dev-alice may read workloads but not PersistentVolumes, StorageClasses or Ingresses.',
    objects: [
      clusterRole('kubectl-storage-reader', [
        { apiGroups: ['', 'apps', 'storage.k8s.io', 'networking.k8s.io', 'discovery.k8s.io'], resources: ['*'] },
      ]),
      clusterRoleBinding('kubectl-storage-reader', 'kubectl-storage-reader', { kind: 'User', name: IDENTITIES.product.user }),
      clusterRole('kubectl-storage-limited-viewer', [
        { apiGroups: [''], resources: ['pods', 'persistentvolumeclaims', 'services', 'endpoints', 'namespaces', 'nodes', 'events'] },
        { apiGroups: ['apps'], resources: ['statefulsets'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'] },
        { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'] },
      ]),
      clusterRoleBinding('kubectl-storage-limited-viewer', 'kubectl-storage-limited-viewer', { kind: 'User', name: IDENTITIES.restricted.user }),
    ],
    expect: [],
    quiet: [],
  },
];

/** Resources dev-alice may not list, as plural resource names. */
export const RESTRICTED_FORBIDDEN = ['persistentvolumes', 'storageclasses', 'ingresses'];

export const KUBELET_RULES: KubeletRule[] = SCENARIOS.flatMap(s => s.kubelet ?? []);
export const VOLUME_USAGE: VolumeUsage[] = SCENARIOS.flatMap(s => s.volumeUsage ?? []);

// --- applier ------------------------------------------------------------------------------------------------------

/**
 * Creates every scenario's objects (namespaces first, then each scenario's objects in order), then runs the
 * scenarios' steps, scenarios concurrently and each one's steps in order. Needs the kubelet stand-in running.
 */
export async function applyScenarios(kube: Kube, log: (line: string) => void = () => {}): Promise<number> {
  const t0 = Date.now();
  for (const ns of NAMESPACES) await kube.ensure(namespace(ns));
  await Promise.all(
    NAMESPACES.map(ns => waitFor(`ServiceAccount ${ns}/default`, () => kube.get('ServiceAccount', 'default', ns), { timeoutMs: 60000 })),
  );
  for (const s of SCENARIOS) {
    for (const obj of s.objects) await kube.ensure(obj);
  }
  log(`created ${SCENARIOS.reduce((n, s) => n + s.objects.length, 0)} objects in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  await Promise.all(
    SCENARIOS.map(async s => {
      const ts = Date.now();
      for (const step of s.steps ?? []) {
        try {
          await step.run(kube);
        } catch (e) {
          throw new Error(`scenario ${s.name}: step "${step.title}" failed: ${(e as Error).message}`);
        }
      }
      log(`scenario ${s.name} settled in ${((Date.now() - ts) / 1000).toFixed(1)}s`);
    }),
  );
  return Date.now() - t0;
}
