/**
 * A cluster with every fault the catalog can see in a `kubectl get` dump, next to healthy look-alikes, as raw API
 * objects shaped like `kubectl get ... -o json` prints them (no managedFields). The CLI suites run against it (as a
 * dump, and served by the msw fake API server) so they do not depend on test/fixtures/demo-cluster.json, which may be
 * replaced by a capture from a real control plane at any time. That demo file was first generated from this.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  csiDriver,
  endpointSlice,
  fixtureUid,
  ingress,
  ingressClass,
  node,
  persistentVolume,
  persistentVolumeClaim,
  pod,
  service,
  statefulSet,
  statefulSetPod,
  storageClass,
  FIXTURE_TIME,
  type RawObject,
} from '@kubectl-storage/test-fixtures';

/** When the objects were "captured"; ages in the objects are relative to it. */
export const CAPTURED_AT = '2026-11-20T09:00:00Z';

const CAPTURED = Date.parse(CAPTURED_AT);
const ago = (days: number, hours = 0, minutes = 0): string =>
  new Date(CAPTURED - ((days * 24 + hours) * 60 + minutes) * 60_000).toISOString().replace('.000Z', 'Z');

const pvName = (ns: string, claim: string): string => `pvc-${fixtureUid('PersistentVolumeClaim', ns, claim)}`;

function buildObjects(): RawObject[] {
  const items: RawObject[] = [];
  const add = (...o: RawObject[]) => items.push(...o);

  /** A dynamically provisioned PV/PVC pair named as the external-provisioner names them. */
  function dynamicClaim(
    ns: string,
    claim: string,
    o: { sc: string; size: string; created: string; reclaim?: 'Retain' | 'Delete'; access?: string[]; driver?: string; labels?: Record<string, string> },
  ) {
    const volume = pvName(ns, claim);
    add(
      persistentVolume(volume, {
        capacity: o.size,
        storageClassName: o.sc,
        reclaimPolicy: o.reclaim ?? 'Delete',
        accessModes: o.access,
        claim: { namespace: ns, name: claim },
        csi: { driver: o.driver ?? 'ebs.csi.aws.com', volumeHandle: `vol-0${fixtureUid('vol', ns, claim).replace(/-/g, '').slice(0, 16)}` },
        creationTimestamp: o.created,
        annotations: { 'pv.kubernetes.io/provisioned-by': o.driver ?? 'ebs.csi.aws.com' },
        finalizers: ['kubernetes.io/pv-protection', 'external-attacher/ebs-csi-aws-com'],
      }),
      persistentVolumeClaim(ns, claim, {
        storageClassName: o.sc,
        request: o.size,
        volumeName: volume,
        accessModes: o.access,
        creationTimestamp: o.created,
        labels: o.labels,
        annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/storage-provisioner': o.driver ?? 'ebs.csi.aws.com' },
        finalizers: ['kubernetes.io/pvc-protection'],
      }),
    );
    return volume;
  }

  // ------------------------------------------------------------------ cluster
  add(
    node('ip-10-0-1-17.eu-west-1.compute.internal', { creationTimestamp: ago(120), labels: { 'topology.kubernetes.io/zone': 'eu-west-1a' } }),
    node('ip-10-0-2-44.eu-west-1.compute.internal', { creationTimestamp: ago(120), labels: { 'topology.kubernetes.io/zone': 'eu-west-1b' } }),
    node('ip-10-0-3-91.eu-west-1.compute.internal', { creationTimestamp: ago(12), labels: { 'topology.kubernetes.io/zone': 'eu-west-1c' } }),
  );
  const [NODE_A, NODE_B, NODE_C] = items.map((n) => n.metadata.name);

  add(
    storageClass('gp3', { isDefault: true, volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, reclaimPolicy: 'Delete', parameters: { type: 'gp3' }, creationTimestamp: ago(400) }),
    // A second default left over from an old installer: storageclass-multiple-defaults.
    storageClass('standard', { isDefault: true, provisioner: 'ebs.csi.aws.com', volumeBindingMode: 'Immediate', parameters: { type: 'gp2' }, creationTimestamp: ago(400) }),
    storageClass('retain-ssd', { provisioner: 'ebs.csi.aws.com', reclaimPolicy: 'Retain', volumeBindingMode: 'Immediate', allowVolumeExpansion: true, parameters: { type: 'io2' }, creationTimestamp: ago(300) }),
    storageClass('efs', { provisioner: 'efs.csi.aws.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', creationTimestamp: ago(300) }),
    storageClass('local-storage', { provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Retain', creationTimestamp: ago(200) }),
    ingressClass('nginx', { isDefault: true, controller: 'k8s.io/ingress-nginx', creationTimestamp: ago(400) }),
    // As the AWS drivers install them: EBS disks are attached to a node, EFS file systems are not.
    csiDriver('ebs.csi.aws.com', { attachRequired: true, creationTimestamp: ago(400) }),
    csiDriver('efs.csi.aws.com', { attachRequired: false, creationTimestamp: ago(400) }),
  );

  // ------------------------------------------------------------------ shop
  // web: OrderedReady, ordinal 1 crash-loops (OOMKilled), so ordinal 2 is never created.
  add(
    statefulSet('shop', 'web', {
      replicas: 3,
      serviceName: 'web-headless',
      volumeClaimTemplates: [{ name: 'data', storage: '20Gi', storageClassName: 'gp3' }],
      status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1, currentRevision: 'web-6b7f9c8d4', updateRevision: 'web-6b7f9c8d4' },
      creationTimestamp: ago(45),
      generation: 3,
    }),
    service('shop', 'web-headless', { headless: true, selector: { app: 'web' }, ports: [{ name: 'http', port: 8080 }], creationTimestamp: ago(45) }),
    service('shop', 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], creationTimestamp: ago(45) }),
    statefulSetPod('shop', 'web', 0, { templates: ['data'], revision: 'web-6b7f9c8d4', nodeName: NODE_A, podIP: '10.0.1.31', creationTimestamp: ago(6), startTime: ago(6) }),
    statefulSetPod('shop', 'web', 1, {
      templates: ['data'],
      revision: 'web-6b7f9c8d4',
      nodeName: NODE_B,
      podIP: '10.0.2.58',
      ready: false,
      creationTimestamp: ago(6),
      startTime: ago(6),
      containers: [{ name: 'app', restartCount: 14, state: { waiting: 'CrashLoopBackOff' }, lastTermination: { reason: 'OOMKilled', exitCode: 137, finishedAt: ago(0, 0, 4) } }],
    }),
    endpointSlice('shop', 'web-headless-8xk2p', {
      serviceName: 'web-headless',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.0.1.31'], ready: true, serving: true, terminating: false, podName: 'web-0', nodeName: NODE_A },
        { addresses: ['10.0.2.58'], ready: false, serving: false, terminating: false, podName: 'web-1', nodeName: NODE_B },
      ],
      creationTimestamp: ago(45),
    }),
    endpointSlice('shop', 'web-4vz9q', {
      serviceName: 'web',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.0.1.31'], ready: true, serving: true, terminating: false, podName: 'web-0', nodeName: NODE_A },
        { addresses: ['10.0.2.58'], ready: false, serving: false, terminating: false, podName: 'web-1', nodeName: NODE_B },
      ],
      creationTimestamp: ago(45),
    }),
  );
  dynamicClaim('shop', 'data-web-0', { sc: 'gp3', size: '20Gi', created: ago(45) });
  dynamicClaim('shop', 'data-web-1', { sc: 'gp3', size: '20Gi', created: ago(45) });

  // storefront: a Deployment whose two replicas share a ReadWriteOnce claim across nodes (Multi-Attach).
  const storefrontPod = (suffix: string, nodeName: string, ip: string, ready: boolean) =>
    pod('shop', `storefront-5d8f7c9b6-${suffix}`, {
      labels: { app: 'storefront', 'pod-template-hash': '5d8f7c9b6' },
      controller: { kind: 'ReplicaSet', name: 'storefront-5d8f7c9b6' },
      nodeName,
      podIP: ready ? ip : undefined,
      phase: ready ? 'Running' : 'Pending',
      ready,
      containers: [{ name: 'app', ...(ready ? {} : { state: { waiting: 'ContainerCreating' } }) }],
      volumes: [
        { name: 'uploads', persistentVolumeClaim: { claimName: 'uploads' } },
        { name: 'assets', persistentVolumeClaim: { claimName: 'assets', readOnly: true } },
      ],
      creationTimestamp: ago(2, 3),
      startTime: ago(2, 3),
    });
  add(
    storefrontPod('x7k2m', NODE_A, '10.0.1.44', true),
    storefrontPod('q9w4t', NODE_B, '10.0.2.71', false),
    service('shop', 'storefront', { selector: { app: 'storefront' }, ports: [{ name: 'http', port: 80, targetPort: 3000 }], creationTimestamp: ago(90) }),
    endpointSlice('shop', 'storefront-p2f8d', {
      serviceName: 'storefront',
      ports: [{ name: 'http', port: 3000, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.0.1.44'], ready: true, serving: true, terminating: false, podName: 'storefront-5d8f7c9b6-x7k2m', nodeName: NODE_A }],
      creationTimestamp: ago(90),
    }),
  );
  dynamicClaim('shop', 'uploads', { sc: 'gp3', size: '50Gi', created: ago(90) });
  // Look-alike: ReadWriteMany on EFS, shared across nodes by design.
  dynamicClaim('shop', 'assets', { sc: 'efs', size: '5Gi', created: ago(90), access: ['ReadWriteMany'], driver: 'efs.csi.aws.com' });

  // api: every endpoint not ready -> 503 on /api.
  add(
    service('shop', 'api', { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], creationTimestamp: ago(90) }),
    pod('shop', 'api-7f6d5c4b3-m2n8p', {
      labels: { app: 'api', 'pod-template-hash': '7f6d5c4b3' },
      controller: { kind: 'ReplicaSet', name: 'api-7f6d5c4b3' },
      nodeName: NODE_C,
      podIP: '10.0.3.12',
      ready: false,
      containers: [{ name: 'api', restartCount: 3, lastTermination: { reason: 'Error', exitCode: 1, finishedAt: ago(0, 0, 20) } }],
      creationTimestamp: ago(0, 1),
      startTime: ago(0, 1),
    }),
    endpointSlice('shop', 'api-t5r7w', {
      serviceName: 'api',
      ports: [{ name: 'http', port: 8000, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.0.3.12'], ready: false, serving: false, terminating: false, podName: 'api-7f6d5c4b3-m2n8p', nodeName: NODE_C }],
      creationTimestamp: ago(90),
    }),
    service('shop', 'admin', { selector: { app: 'admin' }, ports: [{ name: 'https', port: 443, targetPort: 8443 }], creationTimestamp: ago(30) }),
    endpointSlice('shop', 'admin-9hd3s', {
      serviceName: 'admin',
      ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.0.1.52'], ready: true, serving: true, terminating: false, nodeName: NODE_A }],
      creationTimestamp: ago(30),
    }),
    service('shop', 'docs', { type: 'ExternalName', externalName: 'docs.example-hosting.net', creationTimestamp: ago(200) }),
  );

  add(
    ingress('shop', 'storefront', {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.example.com',
          paths: [
            { path: '/', service: 'web', port: 80 },
            { path: '/api', service: 'api', port: 'http' },
            { path: '/static', service: 'static-assets', port: 80 },
            { path: '/admin', service: 'admin', port: 8443 },
            { path: '/account', service: 'storefront', port: 'http' },
          ],
        },
      ],
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-example-com-tls' }],
      loadBalancer: [{ hostname: 'a1b2c3d4e5f6-123456789.eu-west-1.elb.amazonaws.com' }],
      creationTimestamp: ago(90),
      generation: 7,
    }),
    // An IngressClass nobody installed: no controller will ever serve it.
    ingress('shop', 'legacy-shop', {
      ingressClassName: 'traefik',
      rules: [{ host: 'old.shop.example.com', paths: [{ path: '/', service: 'storefront', port: 80 }] }],
      creationTimestamp: ago(150),
    }),
    ingress('shop', 'docs', {
      ingressClassName: 'nginx',
      rules: [{ host: 'docs.shop.example.com', paths: [{ path: '/', service: 'docs', port: 443 }] }],
      creationTimestamp: ago(200),
      loadBalancer: [{ hostname: 'a1b2c3d4e5f6-123456789.eu-west-1.elb.amazonaws.com' }],
    }),
  );

  // reports: a claim on a class that does not exist, and the pod waiting for it.
  add(
    persistentVolumeClaim('shop', 'reports', {
      storageClassName: 'fast-ssd',
      request: '10Gi',
      creationTimestamp: ago(0, 5),
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    pod('shop', 'report-generator-6c5b4-zt8kq', {
      labels: { app: 'report-generator' },
      controller: { kind: 'ReplicaSet', name: 'report-generator-6c5b4' },
      phase: 'Pending',
      unschedulableMessage: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      volumes: [{ name: 'reports', persistentVolumeClaim: { claimName: 'reports' } }],
      creationTimestamp: ago(0, 5),
    }),
  );
  // A claim nothing mounts for three months.
  dynamicClaim('shop', 'scratch-2024', { sc: 'standard', size: '100Gi', created: ago(96) });

  // ------------------------------------------------------------------ data
  // postgres: healthy pods, but serviceName points at a normal ClusterIP Service.
  add(
    statefulSet('data', 'postgres', {
      replicas: 2,
      serviceName: 'postgres',
      volumeClaimTemplates: [{ name: 'pgdata', storage: '100Gi', storageClassName: 'retain-ssd' }],
      status: { currentRevision: 'postgres-5f8d7c6b9', updateRevision: 'postgres-5f8d7c6b9' },
      creationTimestamp: ago(300),
    }),
    service('data', 'postgres', { selector: { app: 'postgres' }, ports: [{ name: 'pg', port: 5432 }], creationTimestamp: ago(300) }),
    statefulSetPod('data', 'postgres', 0, { templates: ['pgdata'], revision: 'postgres-5f8d7c6b9', nodeName: NODE_A, podIP: '10.0.1.60', creationTimestamp: ago(20), startTime: ago(20) }),
    statefulSetPod('data', 'postgres', 1, { templates: ['pgdata'], revision: 'postgres-5f8d7c6b9', nodeName: NODE_B, podIP: '10.0.2.60', creationTimestamp: ago(20), startTime: ago(20) }),
  );
  dynamicClaim('data', 'pgdata-postgres-0', { sc: 'retain-ssd', size: '100Gi', created: ago(300), reclaim: 'Retain' });
  dynamicClaim('data', 'pgdata-postgres-1', { sc: 'retain-ssd', size: '100Gi', created: ago(300), reclaim: 'Retain' });

  // db: scaled in from 4 to 2; ordinals 2 and 3 left their claims. db-backup shares the prefix and must stay quiet.
  add(
    statefulSet('data', 'db', {
      replicas: 2,
      serviceName: 'db',
      volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClassName: 'retain-ssd' }],
      status: { currentRevision: 'db-84c9f7d6b', updateRevision: 'db-84c9f7d6b' },
      creationTimestamp: ago(250),
      generation: 4,
    }),
    service('data', 'db', { headless: true, selector: { app: 'db' }, ports: [{ name: 'mysql', port: 3306 }], creationTimestamp: ago(250) }),
    statefulSetPod('data', 'db', 0, { templates: ['data'], revision: 'db-84c9f7d6b', nodeName: NODE_A, podIP: '10.0.1.70', creationTimestamp: ago(15), startTime: ago(15) }),
    statefulSetPod('data', 'db', 1, { templates: ['data'], revision: 'db-84c9f7d6b', nodeName: NODE_B, podIP: '10.0.2.70', creationTimestamp: ago(15), startTime: ago(15) }),
    statefulSet('data', 'db-backup', {
      replicas: 1,
      serviceName: 'db-backup',
      volumeClaimTemplates: [{ name: 'data', storage: '200Gi', storageClassName: 'retain-ssd' }],
      status: { currentRevision: 'db-backup-6d4c8b7f5', updateRevision: 'db-backup-6d4c8b7f5' },
      creationTimestamp: ago(250),
    }),
    service('data', 'db-backup', { headless: true, selector: { app: 'db-backup' }, ports: [{ name: 'mysql', port: 3306 }], creationTimestamp: ago(250) }),
    statefulSetPod('data', 'db-backup', 0, { templates: ['data'], revision: 'db-backup-6d4c8b7f5', nodeName: NODE_C, podIP: '10.0.3.80', creationTimestamp: ago(10), startTime: ago(10) }),
  );
  for (const ordinal of [0, 1, 2, 3]) dynamicClaim('data', `data-db-${ordinal}`, { sc: 'retain-ssd', size: '50Gi', created: ago(250), reclaim: 'Retain' });
  dynamicClaim('data', 'data-db-backup-0', { sc: 'retain-ssd', size: '200Gi', created: ago(250), reclaim: 'Retain' });

  // The claim of a long-gone ordinal db-4 was deleted; Retain kept its volume: an orphaned Released volume.
  add(
    persistentVolume(pvName('data', 'data-db-4'), {
      phase: 'Released',
      capacity: '50Gi',
      storageClassName: 'retain-ssd',
      reclaimPolicy: 'Retain',
      claim: { namespace: 'data', name: 'data-db-4' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0d4e1f2a3b4c5d6e7' },
      creationTimestamp: ago(250),
      lastPhaseTransitionTime: ago(41),
      annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' },
      finalizers: ['kubernetes.io/pv-protection'],
    }),
    // Delete policy, but the backend refused: the disk still exists.
    persistentVolume(pvName('data', 'export-tmp'), {
      phase: 'Released',
      capacity: '200Gi',
      storageClassName: 'standard',
      reclaimPolicy: 'Delete',
      claim: { namespace: 'data', name: 'export-tmp' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-0a1b2c3d4e5f60718' },
      creationTimestamp: ago(33),
      lastPhaseTransitionTime: ago(3),
      message: 'rpc error: code = Internal desc = Could not delete volume "vol-0a1b2c3d4e5f60718": VolumeInUse: Volume vol-0a1b2c3d4e5f60718 is currently attached to i-0f1e2d3c4b5a69788',
      annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' },
      finalizers: ['kubernetes.io/pv-protection', 'external-provisioner.volume.kubernetes.io/finalizer'],
    }),
    // NFS with the deprecated Recycle policy, and the recycler failed.
    persistentVolume('nfs-archive', {
      phase: 'Failed',
      capacity: '1Ti',
      storageClassName: '',
      reclaimPolicy: 'Recycle',
      accessModes: ['ReadWriteMany'],
      nfs: { server: 'fs-archive.internal.example.com', path: '/exports/archive' },
      claim: { namespace: 'data', name: 'archive' },
      creationTimestamp: ago(380),
      lastPhaseTransitionTime: ago(9),
      message: 'Recycle failed: recycler pod was deleted',
      reason: 'VolumeFailedRecycle',
    }),
    // A claim whose volume was deleted underneath it.
    persistentVolumeClaim('data', 'restore-tmp', {
      phase: 'Lost',
      storageClassName: 'standard',
      request: '30Gi',
      volumeName: 'pvc-0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b',
      creationTimestamp: ago(18),
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    // Static binding asked for, and no volume matches.
    persistentVolumeClaim('data', 'legacy-nfs', {
      storageClassName: '',
      request: '500Gi',
      accessModes: ['ReadWriteMany'],
      creationTimestamp: ago(2),
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    // Dynamic provisioning on an Immediate class that has not produced a volume in 2 hours.
    persistentVolumeClaim('data', 'analytics-scratch', {
      storageClassName: 'standard',
      request: '2Ti',
      creationTimestamp: ago(0, 2),
      annotations: { 'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com' },
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
  );

  // redis keeps its data on emptyDir; cache-warmer has a RAM disk without a limit, next to one with a limit.
  add(
    statefulSet('data', 'redis', {
      replicas: 1,
      serviceName: 'redis',
      templateVolumes: [{ name: 'data', emptyDir: {} }],
      status: { currentRevision: 'redis-59c8d7b6f', updateRevision: 'redis-59c8d7b6f' },
      creationTimestamp: ago(60),
    }),
    service('data', 'redis', { headless: true, selector: { app: 'redis' }, ports: [{ name: 'redis', port: 6379 }], creationTimestamp: ago(60) }),
    statefulSetPod('data', 'redis', 0, { revision: 'redis-59c8d7b6f', nodeName: NODE_C, podIP: '10.0.3.90', volumes: [{ name: 'data', emptyDir: {} }], creationTimestamp: ago(8), startTime: ago(8) }),
    pod('data', 'cache-warmer-8d7c6-h4j5k', {
      labels: { app: 'cache-warmer' },
      controller: { kind: 'ReplicaSet', name: 'cache-warmer-8d7c6' },
      nodeName: NODE_A,
      podIP: '10.0.1.95',
      volumes: [
        { name: 'ramdisk', emptyDir: { medium: 'Memory' } },
        { name: 'bounded', emptyDir: { medium: 'Memory', sizeLimit: '256Mi' } },
      ],
      creationTimestamp: ago(4),
      startTime: ago(4),
    }),
    pod('data', 'legacy-importer-5b9c8-w2x3y', {
      labels: { app: 'legacy-importer' },
      controller: { kind: 'ReplicaSet', name: 'legacy-importer-5b9c8' },
      nodeName: NODE_B,
      podIP: '10.0.2.99',
      volumes: [
        { name: 'incoming', hostPath: { path: '/srv/importer/incoming', type: 'DirectoryOrCreate' } },
        { name: 'scripts', gitRepo: { repository: 'https://git.example.com/ops/import-scripts.git', revision: 'main' } },
      ],
      creationTimestamp: ago(70),
      startTime: ago(70),
    }),
  );

  // ------------------------------------------------------------------ messaging
  // kafka: rolling update from the highest ordinal; kafka-2 on the new revision crash-loops and blocks it.
  add(
    statefulSet('messaging', 'kafka', {
      replicas: 3,
      serviceName: 'kafka-headless',
      volumeClaimTemplates: [{ name: 'logs', storage: '200Gi', storageClassName: 'gp3' }],
      status: { readyReplicas: 2, currentReplicas: 2, updatedReplicas: 1, availableReplicas: 2, currentRevision: 'kafka-6c7d8e9f0', updateRevision: 'kafka-85f6d4c3b' },
      creationTimestamp: ago(180),
      generation: 12,
    }),
    service('messaging', 'kafka-headless', { headless: true, selector: { app: 'kafka' }, ports: [{ name: 'broker', port: 9092 }], creationTimestamp: ago(180) }),
    statefulSetPod('messaging', 'kafka', 0, { templates: ['logs'], revision: 'kafka-6c7d8e9f0', nodeName: NODE_A, podIP: '10.0.1.110', creationTimestamp: ago(30), startTime: ago(30) }),
    statefulSetPod('messaging', 'kafka', 1, { templates: ['logs'], revision: 'kafka-6c7d8e9f0', nodeName: NODE_B, podIP: '10.0.2.110', creationTimestamp: ago(30), startTime: ago(30) }),
    statefulSetPod('messaging', 'kafka', 2, {
      templates: ['logs'],
      revision: 'kafka-85f6d4c3b',
      nodeName: NODE_C,
      podIP: '10.0.3.110',
      ready: false,
      containers: [{ name: 'app', restartCount: 37, state: { waiting: 'CrashLoopBackOff' }, lastTermination: { reason: 'Error', exitCode: 1, finishedAt: ago(0, 0, 2) } }],
      creationTimestamp: ago(0, 3),
      startTime: ago(0, 3),
    }),
  );
  for (const ordinal of [0, 1, 2]) dynamicClaim('messaging', `logs-kafka-${ordinal}`, { sc: 'gp3', size: '200Gi', created: ago(180) });

  // zookeeper: its governing Service was never created, and the controller lags one generation behind.
  add(
    statefulSet('messaging', 'zookeeper', {
      replicas: 1,
      serviceName: 'zookeeper-headless',
      volumeClaimTemplates: [{ name: 'datadir', storage: '10Gi', storageClassName: 'gp3' }],
      status: { observedGeneration: 2, currentRevision: 'zookeeper-7b6c5d4e3', updateRevision: 'zookeeper-7b6c5d4e3' },
      creationTimestamp: ago(180),
      generation: 3,
    }),
    statefulSetPod('messaging', 'zookeeper', 0, { templates: ['datadir'], revision: 'zookeeper-7b6c5d4e3', nodeName: NODE_B, podIP: '10.0.2.120', creationTimestamp: ago(30), startTime: ago(30) }),
  );
  dynamicClaim('messaging', 'datadir-zookeeper-0', { sc: 'gp3', size: '10Gi', created: ago(180) });

  // WaitForFirstConsumer: one claim simply waits (normal), the other has a pod stuck scheduling.
  add(
    persistentVolumeClaim('messaging', 'connect-offsets-spare', { storageClassName: 'gp3', request: '5Gi', creationTimestamp: ago(1), finalizers: ['kubernetes.io/pvc-protection'] }),
    persistentVolumeClaim('messaging', 'connect-offsets', {
      storageClassName: 'gp3',
      request: '5Gi',
      creationTimestamp: ago(0, 6),
      annotations: { 'volume.kubernetes.io/selected-node': NODE_C },
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    pod('messaging', 'kafka-connect-7d8e9-b6n7m', {
      labels: { app: 'kafka-connect' },
      controller: { kind: 'ReplicaSet', name: 'kafka-connect-7d8e9' },
      phase: 'Pending',
      unschedulableMessage: '0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 node(s) didn\'t match Pod\'s node affinity/selector.',
      volumes: [{ name: 'offsets', persistentVolumeClaim: { claimName: 'connect-offsets' } }],
      creationTimestamp: ago(0, 6),
    }),
  );

  // ------------------------------------------------------------------ monitoring
  add(
    statefulSet('monitoring', 'prometheus', {
      replicas: 1,
      serviceName: 'prometheus-operated',
      volumeClaimTemplates: [{ name: 'prometheus-data', storage: '80Gi', storageClassName: 'gp3' }],
      status: { currentRevision: 'prometheus-5c4b3a291', updateRevision: 'prometheus-5c4b3a291' },
      creationTimestamp: ago(200),
    }),
    service('monitoring', 'prometheus-operated', { headless: true, selector: { app: 'prometheus' }, ports: [{ name: 'web', port: 9090 }], creationTimestamp: ago(200) }),
    statefulSetPod('monitoring', 'prometheus', 0, { templates: ['prometheus-data'], revision: 'prometheus-5c4b3a291', nodeName: NODE_A, podIP: '10.0.1.130', creationTimestamp: ago(11), startTime: ago(11) }),
  );
  dynamicClaim('monitoring', 'prometheus-data-prometheus-0', { sc: 'gp3', size: '80Gi', created: ago(200) });

  // loki asked for 100Gi; the file system grows only when the pod mounts the volume again.
  const lokiVolume = dynamicClaim('monitoring', 'loki-data', { sc: 'gp3', size: '50Gi', created: ago(150) });
  const loki = items.find((i) => i.kind === 'PersistentVolumeClaim' && i.metadata.name === 'loki-data')!;
  loki.spec.resources.requests.storage = '100Gi';
  loki.status.conditions = [
    { type: 'FileSystemResizePending', status: 'True', lastProbeTime: null, lastTransitionTime: ago(1, 4), message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' },
  ];
  loki.status.allocatedResources = { storage: '100Gi' };
  loki.status.allocatedResourceStatuses = { storage: 'NodeResizePending' };
  items.find((i) => i.metadata.name === lokiVolume)!.spec.capacity.storage = '100Gi';
  add(
    pod('monitoring', 'loki-6f5e4-k8l9m', {
      labels: { app: 'loki' },
      controller: { kind: 'ReplicaSet', name: 'loki-6f5e4' },
      nodeName: NODE_B,
      podIP: '10.0.2.140',
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'loki-data' } }],
      creationTimestamp: ago(20),
      startTime: ago(20),
    }),
  );

  // Old grafana claim deleted 3 hours ago, still held by pvc-protection because a pod mounts it.
  dynamicClaim('monitoring', 'grafana-old', { sc: 'gp3', size: '10Gi', created: ago(160) });
  const grafanaClaim = items.find((i) => i.kind === 'PersistentVolumeClaim' && i.metadata.name === 'grafana-old')!;
  grafanaClaim.metadata.deletionTimestamp = ago(0, 3);
  grafanaClaim.metadata.deletionGracePeriodSeconds = 0;
  add(
    pod('monitoring', 'grafana-7c6b5-p3q4r', {
      labels: { app: 'grafana' },
      controller: { kind: 'ReplicaSet', name: 'grafana-7c6b5' },
      nodeName: NODE_A,
      podIP: '10.0.1.150',
      volumes: [{ name: 'storage', persistentVolumeClaim: { claimName: 'grafana-old' } }],
      creationTimestamp: ago(40),
      startTime: ago(40),
    }),
  );

  // A local volume prepared two months ago and never used, next to a fresh one (quiet).
  add(
    persistentVolume('local-pv-3f9a1c2e', {
      capacity: '375Gi',
      storageClassName: 'local-storage',
      reclaimPolicy: 'Retain',
      local: { path: '/mnt/disks/ssd0' },
      nodeAffinityNodes: [NODE_A],
      creationTimestamp: ago(63),
    }),
    persistentVolume('local-pv-8b2d4e6f', {
      capacity: '375Gi',
      storageClassName: 'local-storage',
      reclaimPolicy: 'Retain',
      local: { path: '/mnt/disks/ssd0' },
      nodeAffinityNodes: [NODE_C],
      creationTimestamp: ago(2),
    }),
  );


  // alertmanager asks for more than its class can grow to: no resize will ever happen.
  dynamicClaim('monitoring', 'alertmanager-data', { sc: 'standard', size: '10Gi', created: ago(110) });
  items.find((i) => i.kind === 'PersistentVolumeClaim' && i.metadata.name === 'alertmanager-data')!.spec.resources.requests.storage = '20Gi';
  add(
    pod('monitoring', 'alertmanager-0', {
      labels: { app: 'alertmanager' },
      controller: { kind: 'ReplicaSet', name: 'alertmanager-5d6c7' },
      nodeName: NODE_C,
      podIP: '10.0.3.160',
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'alertmanager-data' } }],
      creationTimestamp: ago(9),
      startTime: ago(9),
    }),
  );
  // The grafana volume was deleted too; pv-protection holds it while its claim is in use.
  const grafanaVolume = items.find((i) => i.kind === 'PersistentVolume' && i.spec.claimRef?.name === 'grafana-old')!;
  grafanaVolume.metadata.deletionTimestamp = ago(0, 3);
  grafanaVolume.metadata.deletionGracePeriodSeconds = 0;

  // elasticsearch (Parallel): es-1 crash-loops on its data, es-2 has no pod at all.
  add(
    statefulSet('monitoring', 'elasticsearch', {
      replicas: 3,
      serviceName: 'elasticsearch-headless',
      podManagementPolicy: 'Parallel',
      volumeClaimTemplates: [{ name: 'esdata', storage: '30Gi', storageClassName: 'gp3' }],
      status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 1, currentRevision: 'elasticsearch-8f7e6d5c4', updateRevision: 'elasticsearch-8f7e6d5c4' },
      creationTimestamp: ago(75),
    }),
    service('monitoring', 'elasticsearch-headless', { headless: true, selector: { app: 'elasticsearch' }, ports: [{ name: 'http', port: 9200 }], creationTimestamp: ago(75) }),
    statefulSetPod('monitoring', 'elasticsearch', 0, { templates: ['esdata'], revision: 'elasticsearch-8f7e6d5c4', nodeName: NODE_A, podIP: '10.0.1.170', creationTimestamp: ago(12), startTime: ago(12) }),
    statefulSetPod('monitoring', 'elasticsearch', 1, {
      templates: ['esdata'],
      revision: 'elasticsearch-8f7e6d5c4',
      nodeName: NODE_B,
      podIP: '10.0.2.170',
      ready: false,
      containers: [{ name: 'app', restartCount: 9, state: { waiting: 'CrashLoopBackOff' }, lastTermination: { reason: 'Error', exitCode: 78, finishedAt: ago(0, 0, 6) } }],
      creationTimestamp: ago(12),
      startTime: ago(12),
    }),
  );
  for (const ordinal of [0, 1, 2]) dynamicClaim('monitoring', `esdata-elasticsearch-${ordinal}`, { sc: 'gp3', size: '30Gi', created: ago(75) });

  // A static NFS volume stuck Pending, and a Bound volume whose claim is gone (deleted while the controller was down).
  add(
    persistentVolume('nfs-scratch', {
      phase: 'Pending',
      capacity: '200Gi',
      storageClassName: '',
      reclaimPolicy: 'Retain',
      accessModes: ['ReadWriteMany'],
      nfs: { server: 'fs-scratch.internal.example.com', path: '/exports/scratch' },
      creationTimestamp: ago(2),
    }),
    persistentVolume(pvName('data', 'etl-staging'), {
      phase: 'Bound',
      capacity: '40Gi',
      storageClassName: 'standard',
      reclaimPolicy: 'Delete',
      claim: { namespace: 'data', name: 'etl-staging' },
      creationTimestamp: ago(27),
      annotations: { 'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com' },
      finalizers: ['kubernetes.io/pv-protection'],
    }),
  );

  // An Ingress the controller has not given an address.
  add(
    service('shop', 'search', { selector: { app: 'search' }, ports: [{ name: 'http', port: 80, targetPort: 9000 }], creationTimestamp: ago(0, 2) }),
    endpointSlice('shop', 'search-c7v2b', {
      serviceName: 'search',
      ports: [{ name: 'http', port: 9000, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.0.3.33'], ready: true, serving: true, terminating: false, nodeName: NODE_C }],
      creationTimestamp: ago(0, 2),
    }),
    ingress('shop', 'search', {
      ingressClassName: 'nginx',
      rules: [{ host: 'search.shop.example.com', paths: [{ path: '/', service: 'search', port: 80 }] }],
      creationTimestamp: ago(0, 2),
    }),
  );

  return items;
}

// ------------------------------------------------------------------ post-processing
// `kubectl get -o json` omits managedFields; builder defaults for times become the object's own creation time.
function retime(value: any, created: string): any {
  if (value === FIXTURE_TIME) return created;
  if (Array.isArray(value)) return value.map((v) => retime(v, created));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retime(v, created)]));
  return value;
}

const KIND_ORDER = ['Node', 'StorageClass', 'IngressClass', 'CSIDriver', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'StatefulSet', 'Service', 'EndpointSlice', 'Ingress'];

/** Template containers mount their template volumes and claim templates, as real StatefulSets do. */
function mountTemplateVolumes(sts: any): void {
  const spec = sts.spec.template.spec;
  const mounts = [...(spec.volumes ?? []).map((v: any) => v.name), ...sts.spec.volumeClaimTemplates.map((t: any) => t.metadata.name)];
  if (mounts.length > 0) spec.containers[0].volumeMounts = mounts.map((name: string) => ({ name, mountPath: `/var/lib/${name}` }));
}

/** The objects, in the order `kubectl get pv,pvc,...` would list them (kind, then namespace and name). */
export function faultyCluster(): RawObject[] {
  let resourceVersion = 481200;
  return buildObjects()
    .map((item) => {
      const { managedFields: _drop, ...metadata } = item.metadata;
      const fixed = retime({ ...item, metadata }, metadata.creationTimestamp ?? CAPTURED_AT);
      if (fixed.kind === 'StatefulSet') mountTemplateVolumes(fixed);
      fixed.metadata.resourceVersion = String((resourceVersion += 17));
      return fixed;
    })
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
}
