// Builders of projected model objects for unit tests. Every builder returns a healthy, complete object with
// sensible defaults, so a test states only the fields its case is about. Times are relative to FIXTURE_NOW,
// which is also the snapshot's collectedAt, so ages in tests are exact and never depend on the wall clock.
import { emptySnapshot } from '../model/emptySnapshot';
import { ANALYSED_KINDS } from '../projection/resources';
import type {
  CSIDriver,
  EndpointSlice,
  EndpointSliceEndpoint,
  Ingress,
  IngressClass,
  IngressPath,
  Meta,
  Node,
  OwnerRef,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodVolume,
  ResourceKind,
  SecretRef,
  Service,
  Snapshot,
  StatefulSet,
  StorageClass,
  VolumeClaimTemplate,
} from '../model/snapshot';

export const FIXTURE_NOW = '2025-06-01T12:00:00.000Z';
const NOW_MS = Date.parse(FIXTURE_NOW);

/** ISO time `seconds` before FIXTURE_NOW. */
export function ago(seconds: number): string {
  return new Date(NOW_MS - seconds * 1000).toISOString();
}

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Objects are a month old unless a test says otherwise: well past every grace period. */
const DEFAULT_AGE = 30 * DAY;

/** Shorthand accepted by every builder: `name`/`namespace` at top level, or a partial `meta`. */
type Input<T extends { meta: Meta }> = Omit<Partial<T>, 'meta'> & {
  name?: string;
  namespace?: string;
  meta?: Partial<Meta>;
};

function meta(input: { name?: string; namespace?: string; meta?: Partial<Meta> }, defaultName: string, namespaced: boolean): Meta {
  const name = input.name ?? input.meta?.name ?? defaultName;
  const namespace = namespaced ? (input.namespace ?? input.meta?.namespace ?? 'default') : undefined;
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    uid: `uid-${namespace ?? '_'}-${name}`,
    creationTimestamp: ago(DEFAULT_AGE),
    ...input.meta,
  };
}

/** Drops the builder-only shorthand keys so they do not leak into the model object. */
function rest<T extends object>(input: T): Omit<T, 'name' | 'namespace' | 'meta'> {
  const { name: _n, namespace: _ns, meta: _m, ...others } = input as T & { name?: unknown; namespace?: unknown; meta?: unknown };
  return others;
}

export function controllerRef(kind: string, name: string): OwnerRef {
  return { kind, name, uid: `uid-${kind}-${name}`, controller: true };
}

export function pv(input: Input<PersistentVolume> = {}): PersistentVolume {
  return {
    meta: meta(input, 'pv-1', false),
    phase: 'Bound',
    capacity: '10Gi',
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    reclaimPolicy: 'Delete',
    storageClassName: 'standard',
    source: 'csi:ebs.csi.aws.com',
    ...rest(input),
  };
}

export function pvc(input: Input<PersistentVolumeClaim> = {}): PersistentVolumeClaim {
  return {
    meta: meta(input, 'data', true),
    phase: 'Bound',
    storageClassName: 'standard',
    requestedStorage: '10Gi',
    capacity: '10Gi',
    accessModes: ['ReadWriteOnce'],
    volumeMode: 'Filesystem',
    ...rest(input),
  };
}

/** A Bound claim and its PV, cross-referenced by claimRef/volumeName and uid. */
export function boundPair(
  claim: Input<PersistentVolumeClaim> = {},
  volume: Input<PersistentVolume> = {},
): { pvc: PersistentVolumeClaim; pv: PersistentVolume } {
  const c = pvc(claim);
  const volumeName = c.volumeName ?? volume.name ?? `pvc-${c.meta.uid}`;
  const v = pv({
    name: volumeName,
    capacity: c.capacity,
    storageClassName: c.storageClassName,
    accessModes: c.accessModes,
    claimRef: { namespace: c.meta.namespace ?? 'default', name: c.meta.name, uid: c.meta.uid },
    ...volume,
  });
  return { pvc: { ...c, volumeName }, pv: v };
}

export function storageClass(input: Input<StorageClass> | string = {}): StorageClass {
  const i: Input<StorageClass> = typeof input === 'string' ? { name: input } : input;
  return {
    meta: meta(i, 'standard', false),
    provisioner: 'ebs.csi.aws.com',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
    isDefault: false,
    ...rest(i),
  };
}

export function claimVolume(claimName: string, name = claimName): PodVolume {
  return { name, kind: 'persistentVolumeClaim', claimName, mounted: true };
}

type PodInput = Input<Pod> & {
  /** Claims the pod mounts, as persistentVolumeClaim volumes. */
  claims?: string[];
  /** The controller owner (kind and name), e.g. ['ReplicaSet', 'web-7d9f']. */
  owner?: [kind: string, name: string];
};

export function pod(input: PodInput = {}): Pod {
  const { claims, owner, ...podInput } = input;
  const m = meta(podInput, 'app-1', true);
  if (owner && !podInput.meta?.ownerReferences) m.ownerReferences = [controllerRef(owner[0], owner[1])];
  return {
    meta: m,
    phase: 'Running',
    nodeName: 'node-1',
    podIP: '10.0.0.10',
    ready: true,
    containers: [{ name: 'app', ready: true, restartCount: 0, state: 'running' }],
    volumes: (claims ?? []).map((c) => claimVolume(c)),
    startTime: m.creationTimestamp,
    ...rest(podInput),
  };
}

type StatefulSetInput = Input<StatefulSet> & {
  /** volumeClaimTemplates by name, with the default class and size. */
  templates?: string[];
};

export function statefulSet(input: StatefulSetInput = {}): StatefulSet {
  const { templates, ...stsInput } = input;
  const m = meta(stsInput, 'db', true);
  const replicas = stsInput.replicas ?? 1;
  const claimTemplates: VolumeClaimTemplate[] = (templates ?? []).map((t) => ({
    name: t,
    storageClassName: 'standard',
    requestedStorage: '10Gi',
    accessModes: ['ReadWriteOnce'],
  }));
  return {
    meta: { labels: { app: m.name }, ...m },
    replicas,
    minReadySeconds: 0,
    serviceName: m.name,
    podManagementPolicy: 'OrderedReady',
    updateStrategy: { type: 'RollingUpdate' },
    ordinalsStart: 0,
    selector: { matchLabels: { app: m.name } },
    volumeClaimTemplates: claimTemplates,
    pvcRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    templateVolumes: [],
    status: {
      observedGeneration: 1,
      replicas,
      readyReplicas: replicas,
      currentReplicas: replicas,
      updatedReplicas: replicas,
      availableReplicas: replicas,
      currentRevision: `${m.name}-rev1`,
      updateRevision: `${m.name}-rev1`,
    },
    ...rest(stsInput),
  };
}

/** The claim `<template>-<sts>-<ordinal>` a StatefulSet's volumeClaimTemplate creates. */
export function ordinalClaimName(sts: StatefulSet, template: string, ordinal: number): string {
  return `${template}-${sts.meta.name}-${ordinal}`;
}

/** Pod `<sts>-<ordinal>` controlled by the set, labelled like its template, mounting its per-ordinal claims. */
export function statefulSetPod(sts: StatefulSet, ordinal: number, input: PodInput = {}): Pod {
  const claims = sts.volumeClaimTemplates.map((t) => ordinalClaimName(sts, t.name, ordinal));
  return pod({
    name: `${sts.meta.name}-${ordinal}`,
    namespace: sts.meta.namespace,
    owner: ['StatefulSet', sts.meta.name],
    claims,
    ...input,
    meta: {
      labels: { ...sts.selector?.matchLabels, 'controller-revision-hash': sts.status.currentRevision ?? '' },
      ...input.meta,
    },
  });
}

export function service(input: Input<Service> = {}): Service {
  const m = meta(input, 'web', true);
  return {
    meta: m,
    type: 'ClusterIP',
    clusterIP: '10.96.0.10',
    headless: false,
    selector: { app: m.name },
    ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }],
    ...rest(input),
  };
}

export function endpoint(input: Partial<EndpointSliceEndpoint> = {}): EndpointSliceEndpoint {
  return { ready: true, serving: true, terminating: false, addresses: ['10.0.0.10'], nodeName: 'node-1', ...input };
}

type EndpointSliceInput = Input<EndpointSlice> & {
  /** Shorthand: this many ready and not-ready endpoints. */
  ready?: number;
  notReady?: number;
};

export function endpointSlice(input: EndpointSliceInput = {}): EndpointSlice {
  const { ready, notReady, ...sliceInput } = input;
  const serviceName = sliceInput.serviceName ?? 'web';
  const endpoints =
    ready === undefined && notReady === undefined
      ? [endpoint()]
      : [
          ...Array.from({ length: ready ?? 0 }, (_, i) => endpoint({ addresses: [`10.0.1.${i + 1}`] })),
          ...Array.from({ length: notReady ?? 0 }, (_, i) => endpoint({ ready: false, addresses: [`10.0.2.${i + 1}`] })),
        ];
  return {
    meta: meta(sliceInput, `${serviceName}-abcde`, true),
    serviceName,
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    endpoints,
    origin: 'EndpointSlice',
    ...rest(sliceInput),
  };
}

/** An Ingress path to a Service port (number or name). */
export function ingressPath(serviceName: string, port: number | string = 80, path = '/'): IngressPath {
  return {
    path,
    pathType: 'Prefix',
    backend: {
      service: typeof port === 'number' ? { name: serviceName, portNumber: port } : { name: serviceName, portName: port },
    },
  };
}

export function ingress(input: Input<Ingress> = {}): Ingress {
  return {
    meta: meta(input, 'web', true),
    ingressClassName: 'nginx',
    rules: [{ host: 'web.example.com', paths: [ingressPath('web')] }],
    tls: [],
    loadBalancer: ['203.0.113.10'],
    ...rest(input),
  };
}

export function ingressClass(input: Input<IngressClass> | string = {}): IngressClass {
  const i: Input<IngressClass> = typeof input === 'string' ? { name: input } : input;
  return { meta: meta(i, 'nginx', false), controller: 'k8s.io/ingress-nginx', isDefault: false, ...rest(i) };
}

/** A CSIDriver named after its driver; attachRequired true (the API default) unless the test says otherwise. */
export function csiDriver(input: Input<CSIDriver> | string = {}): CSIDriver {
  const i: Input<CSIDriver> = typeof input === 'string' ? { name: input } : input;
  return { meta: meta(i, 'ebs.csi.aws.com', false), attachRequired: true, ...rest(i) };
}

export function node(input: Input<Node> | string = {}): Node {
  const i: Input<Node> = typeof input === 'string' ? { name: input } : input;
  return { meta: meta(i, 'node-1', false), ready: true, unschedulable: false, ...rest(i) };
}

export function secret(input: Input<SecretRef> = {}): SecretRef {
  return { meta: meta(input, 'web-tls', true), type: 'kubernetes.io/tls', ...rest(input) };
}

/** Every kind a full live collection can observe: the analysed kinds, the Endpoints fallback and kubelet stats. */
export const ALL_KINDS: ResourceKind[] = [...ANALYSED_KINDS, 'endpoints', 'volumestats'];

/**
 * A snapshot taken at FIXTURE_NOW from a live context. Every kind counts as observed (a full, permitted
 * collection) unless the test passes `observedKinds`, so absence-based findings can fire by default and a test
 * about missing permissions says so explicitly (together with `incomplete`).
 */
export function snapshotOf(parts: Partial<Snapshot> = {}): Snapshot {
  return {
    ...emptySnapshot({ type: 'live', context: 'test' }, FIXTURE_NOW),
    observedKinds: [...ALL_KINDS],
    ...parts,
  };
}
