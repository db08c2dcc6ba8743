// fast-check arbitraries of RAW API objects (what a dump or a LIST hands the projection), for the property tests.
// Names come from small pools so objects join (a pod mounts a claim that exists, a claim names a volume that
// exists, an ordinal claim belongs to a StatefulSet), and every field is sometimes malformed: missing, of the
// wrong type, huge (replicas 2147483647, capacity 1e99, a 400-character name) or an unknown enum value.
import fc from 'fast-check';

export const NAMESPACES = ['ns-a', 'ns-b'] as const;
// Longer than the 253 characters the API server allows (a hand-made dump may hold anything).
const HUGE_NAME = 'n'.repeat(400);
/** Names a shell would act on (no API server accepts them, a dump may hold them): hints must never print them. */
export const SHELL_HOSTILE_NAMES = ['data-db-2 data-db-0', 'x;touch pwned', '$(id)', "it's"] as const;
const names = (...pool: string[]) =>
  fc.oneof(
    { weight: 24, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.constant(HUGE_NAME) },
    // A hostile variant of a pool name, so it still joins (web;x is not web, but web-0's set may be it).
    { weight: 1, arbitrary: fc.constantFrom(...SHELL_HOSTILE_NAMES) },
  );

// Shared pools: the joins the analyzers follow are by these names.
const setName = names('web', 'db');
const podName = names('web-0', 'web-1', 'web-2147483646', 'db-0', 'db-3', 'lonely');
const claimName = names('data-web-0', 'data-web-1', 'data-web-2147483646', 'data-db-0', 'logs-db-3', 'scratch');
const volumeName = names('pv-1', 'pv-2', 'pv-3', 'pv-4');
const className = names('fast', 'slow', 'gone');
const serviceName = names('web', 'db', 'api', 'missing');
const nodeName = names('node-1', 'node-2', 'node-gone');
const secretName = names('tls-web', 'db-password');
const namespace = fc.constantFrom(...NAMESPACES);
const uid = fc.constantFrom('uid-1', 'uid-2', 'uid-3'); // few on purpose: duplicate uids across objects

/** A value of the wrong kind (or absurd size) for whatever field it lands in. */
export const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.constant(2147483647),
  fc.constant(-2147483648),
  fc.constant(1e99),
  fc.constant(-1),
  fc.constant(0.5),
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant('1e99'),
  fc.constant('999999999999999999999Ei'),
  fc.constant('-5Gi'),
  fc.constant('NotAPhase'),
  fc.constant(true),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 2 }),
);

/** Usually `arb`, sometimes a weird value. */
const m = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: weird });
/** Mostly absent (deletions, odd states), so the common cases still reach the deeper checks. */
const rare = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: m(arb) });
/** An object whose keys are each present or not. */
const rec = (shape: Record<string, fc.Arbitrary<unknown>>) => m(fc.record(shape, { requiredKeys: [] }));

const quantity = fc.constantFrom('1Gi', '10Gi', '500Mi', '0', '1e99', '2Ei', 'bogus', '-1Gi', '9223372036854775807');
const time = fc.constantFrom('2024-01-01T00:00:00Z', '2024-01-01T00:09:00Z', '2023-01-01T00:00:00Z', 'not a time', '2999-01-01T00:00:00Z');
const accessModes = m(fc.subarray(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod', 'Bogus']));
const labels = m(fc.dictionary(fc.constantFrom('app', 'tier', 'team'), m(fc.constantFrom('web', 'db', 'x')), { maxKeys: 3 }));
const count = m(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(2147483647)));

function meta(name: fc.Arbitrary<string>, namespaced: boolean, extra: Record<string, fc.Arbitrary<unknown>> = {}) {
  return fc.record(
    {
      name,
      ...(namespaced ? { namespace } : {}),
      uid: m(uid),
      creationTimestamp: m(time),
      deletionTimestamp: rare(time),
      labels,
      annotations: m(fc.dictionary(fc.constantFrom('storageclass.kubernetes.io/is-default-class', 'ingressclass.kubernetes.io/is-default-class', 'kubernetes.io/ingress.class', 'volume.kubernetes.io/selected-node'), m(fc.constantFrom('true', 'false', 'nginx', 'node-1')), { maxKeys: 2 })),
      finalizers: rare(fc.subarray(['kubernetes.io/pvc-protection', 'kubernetes.io/pv-protection', 'other'])),
      generation: count,
      ...extra,
    },
    { requiredKeys: ['name', ...(namespaced ? ['namespace' as const] : [])] },
  );
}

const obj = (apiVersion: string, kind: string, metadata: fc.Arbitrary<unknown>, rest: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ apiVersion: fc.constant(apiVersion), kind: fc.constant(kind), metadata, ...rest }, { requiredKeys: ['apiVersion', 'kind', 'metadata'] });

const nodeAffinity = rec({
  required: rec({ nodeSelectorTerms: m(fc.array(rec({ matchExpressions: m(fc.array(rec({ key: m(fc.constant('kubernetes.io/hostname')), operator: m(fc.constantFrom('In', 'NotIn')), values: m(fc.array(nodeName, { maxLength: 2 })) }), { maxLength: 2 })) }), { maxLength: 2 })) }),
});

const persistentVolume = obj('v1', 'PersistentVolume', meta(volumeName, false), {
  spec: rec({
    capacity: rec({ storage: m(quantity) }),
    accessModes,
    persistentVolumeReclaimPolicy: m(fc.constantFrom('Retain', 'Delete', 'Recycle', 'Shred')),
    storageClassName: m(className),
    volumeMode: m(fc.constantFrom('Filesystem', 'Block', 'Tape')),
    claimRef: rec({ namespace, name: m(claimName), uid: m(uid) }),
    hostPath: rec({ path: m(fc.constantFrom('/data', '/')) }),
    csi: rec({ driver: m(fc.constantFrom('ebs.csi.aws.com', 'nfs.csi.k8s.io')) }),
    local: rec({ path: m(fc.constant('/mnt/disk')) }),
    nodeAffinity,
  }),
  status: rec({ phase: m(fc.constantFrom('Pending', 'Available', 'Bound', 'Released', 'Failed', 'Exploded')), message: m(fc.string({ maxLength: 10 })), lastPhaseTransitionTime: m(time) }),
});

const claimConditions = m(fc.array(rec({ type: m(fc.constantFrom('Resizing', 'FileSystemResizePending', 'Other')), status: m(fc.constantFrom('True', 'False')), lastTransitionTime: m(time) }), { maxLength: 2 }));

const persistentVolumeClaim = obj('v1', 'PersistentVolumeClaim', meta(claimName, true), {
  spec: rec({
    storageClassName: m(fc.oneof(className, fc.constant(''))),
    volumeName: m(volumeName),
    accessModes,
    resources: rec({ requests: rec({ storage: m(quantity) }) }),
    selector: rec({ matchLabels: labels }),
    volumeMode: m(fc.constantFrom('Filesystem', 'Block', 'Tape')),
  }),
  status: rec({
    phase: m(fc.constantFrom('Pending', 'Bound', 'Lost', 'Vanished')),
    capacity: rec({ storage: m(quantity) }),
    accessModes,
    conditions: claimConditions,
    allocatedResourceStatuses: rec({ storage: m(fc.constantFrom('ControllerResizeInProgress', 'NodeResizePending', 'Weird')) }),
  }),
});

const storageClass = obj('storage.k8s.io/v1', 'StorageClass', meta(className, false), {
  provisioner: m(fc.constantFrom('ebs.csi.aws.com', 'kubernetes.io/no-provisioner')),
  reclaimPolicy: m(fc.constantFrom('Retain', 'Delete', 'Keep')),
  volumeBindingMode: m(fc.constantFrom('Immediate', 'WaitForFirstConsumer', 'Later')),
  allowVolumeExpansion: m(fc.boolean()),
});

const podVolume = fc.oneof(
  rec({ name: m(fc.constantFrom('data', 'logs')), persistentVolumeClaim: rec({ claimName: m(claimName), readOnly: m(fc.boolean()) }) }),
  rec({ name: m(fc.constant('scratch')), emptyDir: rec({ medium: m(fc.constantFrom('Memory', '')), sizeLimit: m(quantity) }) }),
  rec({ name: m(fc.constant('host')), hostPath: rec({ path: m(fc.constantFrom('/var/lib/data', '/')) }) }),
  rec({ name: m(fc.constant('eph')), ephemeral: rec({ volumeClaimTemplate: rec({ spec: rec({ storageClassName: m(className) }) }) }) }),
  rec({ name: m(fc.constant('repo')), gitRepo: rec({ repository: m(fc.constant('https://example.invalid/x.git')) }) }),
);
const podVolumes = m(fc.array(podVolume, { maxLength: 3 }));
const containers = m(fc.array(rec({ name: m(fc.constantFrom('app', 'sidecar')), volumeMounts: m(fc.array(rec({ name: m(fc.constantFrom('data', 'logs', 'scratch', 'host')), readOnly: m(fc.boolean()) }), { maxLength: 2 })) }), { maxLength: 2 }));
const ownerReferences = m(fc.array(rec({ kind: m(fc.constantFrom('StatefulSet', 'ReplicaSet', 'Job')), name: m(fc.oneof(setName, fc.constant('rs-1'))), controller: m(fc.boolean()), uid: m(uid) }), { maxLength: 2 }));

const pod = obj('v1', 'Pod', meta(podName, true, { ownerReferences, labels: m(fc.record({ app: m(fc.constantFrom('web', 'db')), 'controller-revision-hash': m(fc.constantFrom('web-1', 'web-2', 'db-1')) }, { requiredKeys: [] })) }), {
  spec: rec({ nodeName: m(nodeName), volumes: podVolumes, containers, initContainers: containers }),
  status: rec({
    phase: m(fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed', 'Unknown', 'Zombie')),
    podIP: m(fc.constant('10.0.0.1')),
    startTime: m(time),
    reason: m(fc.constantFrom('Evicted', 'NodeLost')),
    conditions: m(fc.array(rec({ type: m(fc.constantFrom('Ready', 'PodScheduled')), status: m(fc.constantFrom('True', 'False', 'Unknown')), reason: m(fc.constant('Unschedulable')), message: m(fc.constant('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.')), lastTransitionTime: m(time) }), { maxLength: 2 })),
    containerStatuses: m(fc.array(rec({
      name: m(fc.constantFrom('app', 'sidecar')),
      ready: m(fc.boolean()),
      restartCount: count,
      state: m(fc.oneof(fc.record({ running: fc.constant({}) }), fc.record({ waiting: rec({ reason: m(fc.constantFrom('CrashLoopBackOff', 'ContainerCreating')) }) }), fc.record({ terminated: rec({ reason: m(fc.constant('Error')), exitCode: count }) }))),
      lastState: rec({ terminated: rec({ reason: m(fc.constant('OOMKilled')), exitCode: count, finishedAt: m(time) }) }),
    }), { maxLength: 2 })),
  }),
});

const statefulSet = obj('apps/v1', 'StatefulSet', meta(setName, true), {
  spec: rec({
    replicas: m(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(2147483647), fc.constant(-3), fc.constant(1.5), fc.constant(1e99))),
    serviceName: m(serviceName),
    minReadySeconds: count,
    podManagementPolicy: m(fc.constantFrom('OrderedReady', 'Parallel', 'Random')),
    updateStrategy: rec({ type: m(fc.constantFrom('RollingUpdate', 'OnDelete')), rollingUpdate: rec({ partition: count, maxUnavailable: m(fc.constantFrom(1, '50%')) }) }),
    ordinals: rec({ start: count }),
    selector: rec({ matchLabels: labels }),
    template: rec({ metadata: rec({ labels }), spec: rec({ volumes: podVolumes }) }),
    volumeClaimTemplates: m(fc.array(rec({ metadata: rec({ name: m(fc.constantFrom('data', 'logs')) }), spec: rec({ storageClassName: m(className), accessModes, resources: rec({ requests: rec({ storage: m(quantity) }) }) }) }), { maxLength: 2 })),
    persistentVolumeClaimRetentionPolicy: rec({ whenDeleted: m(fc.constantFrom('Retain', 'Delete')), whenScaled: m(fc.constantFrom('Retain', 'Delete')) }),
  }),
  status: rec({ observedGeneration: count, replicas: count, readyReplicas: count, currentReplicas: count, updatedReplicas: count, availableReplicas: count, currentRevision: m(fc.constantFrom('web-1', 'db-1')), updateRevision: m(fc.constantFrom('web-1', 'web-2', 'db-1')) }),
});

const servicePorts = m(fc.array(rec({ name: m(fc.constantFrom('http', 'db')), port: m(fc.constantFrom(80, 5432, 70000)), targetPort: m(fc.constantFrom(8080, 'http')), protocol: m(fc.constant('TCP')) }), { maxLength: 2 }));
const service = obj('v1', 'Service', meta(serviceName, true), {
  spec: rec({
    type: m(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'Odd')),
    clusterIP: m(fc.constantFrom('None', '10.96.0.10')),
    // Mostly the pods' own app label, so Services pick pods as they do in a cluster.
    selector: fc.oneof({ weight: 3, arbitrary: fc.record({ app: fc.constantFrom('web', 'db') }) }, { weight: 1, arbitrary: labels }),
    ports: servicePorts,
    externalName: m(fc.constant('db.example.invalid')),
  }),
});

const endpointSlice = obj('discovery.k8s.io/v1', 'EndpointSlice', meta(names('web-abc', 'db-abc', 'api-abc'), true, { labels: m(fc.record({ 'kubernetes.io/service-name': m(serviceName) }, { requiredKeys: [] })) }), {
  addressType: m(fc.constantFrom('IPv4', 'IPv6', 'FQDN')),
  ports: m(fc.array(rec({ name: m(fc.constantFrom('http', 'db')), port: m(fc.constantFrom(8080, 5432)), protocol: m(fc.constant('TCP')) }), { maxLength: 2 })),
  endpoints: m(fc.array(rec({ addresses: m(fc.array(fc.constant('10.0.0.1'), { maxLength: 2 })), conditions: rec({ ready: m(fc.boolean()), serving: m(fc.boolean()), terminating: m(fc.boolean()) }), nodeName: m(nodeName), targetRef: rec({ kind: m(fc.constant('Pod')), name: m(podName) }) }), { maxLength: 3 })),
});

const endpoints = obj('v1', 'Endpoints', meta(serviceName, true), {
  subsets: m(fc.array(rec({ addresses: m(fc.array(rec({ ip: m(fc.constant('10.0.0.2')), targetRef: rec({ kind: m(fc.constant('Pod')), name: m(podName) }) }), { maxLength: 2 })), notReadyAddresses: m(fc.array(rec({ ip: m(fc.constant('10.0.0.3')) }), { maxLength: 1 })), ports: m(fc.array(rec({ name: m(fc.constantFrom('http', 'db')), port: m(fc.constantFrom(8080, 5432)) }), { maxLength: 2 })) }), { maxLength: 2 })),
});

const backend = rec({ service: rec({ name: m(serviceName), port: rec({ number: m(fc.constantFrom(80, 5432, 1)), name: m(fc.constantFrom('http', 'nope')) }) }), resource: rec({ kind: m(fc.constant('Bucket')), name: m(fc.constant('b')) }) });
const ingress = obj('networking.k8s.io/v1', 'Ingress', meta(names('site', 'admin'), true), {
  spec: rec({
    ingressClassName: m(fc.constantFrom('nginx', 'absent')),
    defaultBackend: backend,
    rules: m(fc.array(rec({ host: m(fc.constantFrom('a.example.invalid', '')), http: rec({ paths: m(fc.array(rec({ path: m(fc.constantFrom('/', '/api')), pathType: m(fc.constantFrom('Prefix', 'Exact', 'Weird')), backend }), { maxLength: 3 })) }) }), { maxLength: 2 })),
    tls: m(fc.array(rec({ hosts: m(fc.array(fc.constant('a.example.invalid'), { maxLength: 1 })), secretName: m(secretName) }), { maxLength: 2 })),
  }),
  status: rec({ loadBalancer: rec({ ingress: m(fc.array(rec({ ip: m(fc.constant('1.2.3.4')), hostname: m(fc.constant('lb.example.invalid')) }), { maxLength: 1 })) }) }),
});

const ingressClass = obj('networking.k8s.io/v1', 'IngressClass', meta(names('nginx', 'traefik'), false), { spec: rec({ controller: m(fc.constantFrom('k8s.io/ingress-nginx', 'traefik.io/ingress-controller')) }) });
const csiDriver = obj('storage.k8s.io/v1', 'CSIDriver', meta(names('ebs.csi.aws.com', 'nfs.csi.k8s.io'), false), { spec: rec({ attachRequired: m(fc.boolean()) }) });
const node = obj('v1', 'Node', meta(nodeName, false), {
  spec: rec({ unschedulable: m(fc.boolean()) }),
  status: rec({ conditions: m(fc.array(rec({ type: m(fc.constantFrom('Ready', 'DiskPressure')), status: m(fc.constantFrom('True', 'False', 'Unknown')) }), { maxLength: 2 })) }),
});
/** Secrets carry data here on purpose: nothing downstream may ever show it. */
export const SECRET_VALUE = 'c3VwZXItc2VjcmV0LXZhbHVl'; // base64 of super-secret-value
const secret = obj('v1', 'Secret', meta(secretName, true), { type: m(fc.constantFrom('Opaque', 'kubernetes.io/tls')), data: fc.constant({ password: SECRET_VALUE, 'tls.key': SECRET_VALUE }), stringData: fc.constant({ token: 'super-secret-value' }) });

/** Warning events (and a few Normal ones) about the pools' objects, with messages a terminal must not act on. */
const event = obj('v1', 'Event', meta(names('ev-1', 'ev-2', 'ev-3', 'ev-4'), true), {
  type: m(fc.constantFrom('Warning', 'Warning', 'Normal')),
  reason: m(fc.constantFrom('Unhealthy', 'BackOff', 'FailedMount', 'FailedAttachVolume', 'ProvisioningFailed', 'FailedScheduling', 'VolumeResizeFailed')),
  message: m(fc.oneof(fc.constantFrom('Liveness probe failed: HTTP probe failed with statuscode: 500', 'Multi-Attach error for volume "pv-1"', 'clear\u001b[2J\nscreen'), fc.string({ maxLength: 20 }))),
  involvedObject: fc.oneof(
    rec({ kind: fc.constant('Pod'), name: podName, namespace, fieldPath: m(fc.constant('spec.containers{app}')) }),
    rec({ kind: fc.constant('PersistentVolumeClaim'), name: claimName, namespace }),
    rec({ kind: fc.constant('PersistentVolume'), name: volumeName }),
    rec({ kind: fc.constant('StatefulSet'), name: setName, namespace }),
  ),
  count: count,
  firstTimestamp: m(time),
  lastTimestamp: m(time),
  source: rec({ component: m(fc.constantFrom('kubelet', 'persistentvolume-controller')) }),
});

/** An object of a kind the product does not read, or with an unknown apiVersion: skipped. */
const unread = fc.oneof(
  obj('v1', 'ConfigMap', meta(names('cm'), true), { data: fc.constant({ k: 'v' }) }),
  obj('apps/v2', 'StatefulSet', meta(setName, true), {}),
  fc.constant({ kind: 'Pod' }),
  fc.constant(42),
  fc.constant(null),
  fc.constant('a string'),
);

/** One raw object of a read kind (with its identity: metadata.name, and metadata.namespace when namespaced), or an unread one. */
export const rawObject: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: persistentVolume },
  { weight: 3, arbitrary: persistentVolumeClaim },
  { weight: 1, arbitrary: storageClass },
  { weight: 4, arbitrary: pod },
  { weight: 2, arbitrary: statefulSet },
  { weight: 2, arbitrary: service },
  { weight: 1, arbitrary: endpointSlice },
  { weight: 1, arbitrary: endpoints },
  { weight: 1, arbitrary: ingress },
  { weight: 1, arbitrary: ingressClass },
  { weight: 1, arbitrary: csiDriver },
  { weight: 1, arbitrary: node },
  { weight: 1, arbitrary: secret },
  { weight: 2, arbitrary: event },
  { weight: 1, arbitrary: unread },
);

export const rawObjects = (maxLength = 40): fc.Arbitrary<unknown[]> => fc.array(rawObject, { maxLength });

/**
 * A read kind's object that lacks its identity (no metadata, no name, an empty name, a namespaced object without
 * namespace): the projection rejects it with a ProjectionError.
 */
export const unidentified: fc.Arbitrary<unknown> = fc.record({
  apiVersion: fc.constantFrom('v1'),
  kind: fc.constantFrom('Pod', 'PersistentVolumeClaim', 'PersistentVolume'),
  metadata: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant({}), fc.constant({ name: '' }), fc.constant({ name: 42 }), fc.constant([])),
});
