// Small hand-made answers of the backend for the component tests: one cluster with a blocked StatefulSet, an
// orphaned volume and a failing ingress path, one that fails. Views follow the core's types exactly.
import type {
  ClusterStorageAnswer,
  EntityStorageResponse,
  FindingCatalogResponse,
  OrdinalView,
  StorageReport,
} from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { STORAGE_API_VERSION, findingCatalog } from '@kubectl-storage/plugin-kubernetes-storage-common/light';

function ordinal(n: number, status: OrdinalView['status'], extra: Partial<OrdinalView> = {}): OrdinalView {
  const podName = `web-${n}`;
  const pod =
    status === 'Missing'
      ? undefined
      : {
          phase: 'Running',
          ready: status === 'Ready',
          restarts: status === 'Ready' ? 0 : 7,
          waitingReason: status === 'Ready' ? undefined : 'CrashLoopBackOff',
          lastTerminationReason: status === 'Ready' ? undefined : 'Error',
          updated: true,
          available: status === 'Ready',
          node: 'node-a',
          ageSeconds: 600,
        };
  return {
    ordinal: n,
    podName,
    status,
    pod,
    claims: [{ template: 'data', name: `data-web-${n}`, phase: 'Bound', volume: `pv-shop-web-${n}`, volumePhase: 'Bound' }],
    blocking: false,
    ...extra,
  };
}

export function shopReport(overrides: Partial<StorageReport> = {}): StorageReport {
  return {
    apiVersion: STORAGE_API_VERSION,
    kind: 'StorageReport',
    source: { type: 'file', files: ['demo-cluster.json'] },
    generatedAt: '2026-12-02T12:00:00Z',
    scope: { namespaces: ['shop'], selector: 'app=web' },
    summary: {
      findings: { critical: 2, warning: 1, info: 0 },
      volumes: { total: 2, byPhase: { Bound: 1, Released: 1 }, orphaned: 1, orphanedBytes: 5 * 2 ** 30 },
      claims: { total: 1, byPhase: { Bound: 1 } },
      statefulSets: { total: 1, healthy: 0 },
      ingresses: { total: 1, paths: 2, failingPaths: 1 },
    },
    findings: [
      {
        code: 'sts-rollout-blocked',
        severity: 'critical',
        object: { kind: 'StatefulSet', namespace: 'shop', name: 'web' },
        message: 'StatefulSet shop/web: pod web-1 is not Ready and blocks creation of web-2.',
        hint: 'kubectl --context demo -n shop describe pod web-1',
      },
      {
        code: 'ingress-no-ready-endpoints',
        severity: 'critical',
        object: { kind: 'Ingress', namespace: 'shop', name: 'shop' },
        message: 'Ingress shop/shop: shop.example.test/checkout -> checkout:80 has no ready endpoints: requests answer 503.',
      },
      {
        code: 'pv-released-retain',
        severity: 'warning',
        object: { kind: 'PersistentVolume', name: 'pv-shop-invoices' },
        message: 'PersistentVolume pv-shop-invoices (5Gi) has been Released with reclaim policy Retain for 6d20h.',
      },
    ],
    volumes: [
      {
        name: 'pv-shop-invoices',
        phase: 'Released',
        capacity: '5Gi',
        capacityBytes: 5 * 2 ** 30,
        reclaimPolicy: 'Retain',
        storageClass: 'standard',
        accessModes: ['ReadWriteOnce'],
        claim: 'shop/invoices',
        phaseAgeSeconds: 6 * 86400 + 20 * 3600,
        source: 'hostPath',
      },
      {
        name: 'pv-shop-web-0',
        phase: 'Bound',
        capacity: '1Gi',
        capacityBytes: 2 ** 30,
        reclaimPolicy: 'Delete',
        storageClass: 'standard',
        accessModes: ['ReadWriteOnce'],
        claim: 'shop/data-web-0',
        phaseAgeSeconds: 3600,
        source: 'hostPath',
      },
    ],
    claims: [
      {
        namespace: 'shop',
        name: 'data-web-0',
        phase: 'Bound',
        volume: 'pv-shop-web-0',
        capacity: '1Gi',
        accessModes: ['ReadWriteOnce'],
        usedBy: ['web-0'],
      },
    ],
    storageClasses: [],
    statefulSets: [
      {
        namespace: 'shop',
        name: 'web',
        replicas: 3,
        replicasValid: true,
        readyReplicas: 1,
        availableReplicas: 1,
        minReadySeconds: 0,
        serviceName: 'web',
        serviceHeadless: true,
        serviceStatus: 'headless',
        podManagementPolicy: 'OrderedReady',
        updateStrategy: 'RollingUpdate',
        ordinals: [ordinal(0, 'Ready'), ordinal(1, 'NotReady', { blocking: true }), ordinal(2, 'Missing', { claims: [] })],
        blockingOrdinal: 1,
      },
    ],
    ingresses: [
      {
        namespace: 'shop',
        ingress: 'shop',
        ingressClass: 'nginx',
        host: 'shop.example.test',
        path: '/checkout',
        pathType: 'Prefix',
        service: 'checkout',
        port: '80',
        readyEndpoints: 0,
        notReadyEndpoints: 2,
        status: 'NoReadyEndpoints',
        tls: false,
      },
      {
        namespace: 'shop',
        ingress: 'shop',
        ingressClass: 'nginx',
        host: 'shop.example.test',
        path: '/',
        pathType: 'Prefix',
        service: 'web',
        port: 'http',
        readyEndpoints: 2,
        notReadyEndpoints: 0,
        status: 'OK',
        tls: true,
      },
    ],
    incomplete: [],
    ...overrides,
  };
}

export const okCluster = (report: StorageReport = shopReport()): ClusterStorageAnswer => ({
  cluster: 'prod',
  status: 'ok',
  freshness: { lastEventAt: '2026-12-02T11:59:48Z', lastResyncAt: '2026-12-02T11:50:00Z', ageSeconds: 12 },
  report,
});

export const failingCluster: ClusterStorageAnswer = {
  cluster: 'staging',
  status: 'failing',
  freshness: {},
  failure: { reason: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:6443', since: '2026-12-02T11:40:00Z' },
};

export function entityResponse(clusters: ClusterStorageAnswer[]): EntityStorageResponse {
  return {
    apiVersion: STORAGE_API_VERSION,
    kind: 'EntityStorage',
    entityRef: 'component:default/shop-web',
    mapping: { selector: 'app=web', namespace: 'shop' },
    clusters,
  };
}

export const catalogResponse: FindingCatalogResponse = {
  apiVersion: STORAGE_API_VERSION,
  kind: 'FindingCatalog',
  items: [...findingCatalog],
};
