import { pod, statefulSet, statefulSetPod } from '@kubectl-storage/test-fixtures';
import { projectPod } from './pod';
import { projectPodVolumes } from './podVolumes';
import { projectStatefulSet } from './statefulSet';

describe('projectPod', () => {
  it('takes readiness from the Ready condition, not from the phase', () => {
    expect(projectPod(pod('ns', 'a', { phase: 'Running', ready: false })).ready).toBe(false);
    expect(projectPod(pod('ns', 'b', { phase: 'Running' })).ready).toBe(true);
  });

  it('projects container states with the last termination, and counts init containers too', () => {
    const p = projectPod(
      pod('ns', 'db-1', {
        ready: false,
        containers: [{ name: 'db', restartCount: 7, state: { waiting: 'CrashLoopBackOff' }, lastTermination: { reason: 'OOMKilled', exitCode: 137 }, probes: false }],
        initContainers: [{ name: 'init-perms', restartCount: 2, state: { waiting: 'CrashLoopBackOff' } }],
      }),
    );
    expect(p.containers).toEqual([
      {
        name: 'db',
        ready: false,
        restartCount: 7,
        state: 'waiting',
        reason: 'CrashLoopBackOff',
        lastTerminationReason: 'OOMKilled',
        lastTerminationExitCode: 137,
        lastTerminationTime: '2024-01-01T00:00:00Z',
      },
      { name: 'init-perms', ready: false, restartCount: 2, state: 'waiting', reason: 'CrashLoopBackOff' },
    ]);
  });

  it('keeps containers of an unscheduled pod as unknown and reports why it is unschedulable', () => {
    const p = projectPod(pod('ns', 'p', { phase: 'Pending', containers: [{ name: 'app', probes: false }], unschedulableMessage: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims.' }));
    expect(p.unschedulableMessage).toMatch(/unbound immediate PersistentVolumeClaims/);
    expect(p.containers).toEqual([{ name: 'app', ready: false, restartCount: 0, state: 'unknown' }]);
    expect(p.ready).toBe(false);
  });

  it('projects volumes: claim names (generic ephemeral as <pod>-<volume>), emptyDir medium/limit, hostPath, mounts', () => {
    const p = projectPod(
      pod('ns', 'web-1', {
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'uploads', readOnly: true } },
          { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } },
          { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
          { name: 'logs', hostPath: { path: '/var/log' } },
          { name: 'repo', gitRepo: { repository: 'https://example.invalid/r.git' } },
          { name: 'disk', rbd: { image: 'x' } },
          { name: 'unused', configMap: { name: 'cfg' } },
        ],
        containers: [{ name: 'app', mounts: ['data', 'scratch', 'cache'] }],
        initContainers: [{ name: 'setup', mounts: ['logs', 'repo', 'disk'] }],
      }),
    );
    expect(p.volumes).toEqual([
      { name: 'data', kind: 'persistentVolumeClaim', claimName: 'uploads', readOnly: true, mounted: true },
      { name: 'scratch', kind: 'ephemeral', claimName: 'web-1-scratch', mounted: true },
      { name: 'cache', kind: 'emptyDir', medium: 'Memory', sizeLimit: '1Gi', mounted: true },
      { name: 'logs', kind: 'hostPath', path: '/var/log', mounted: true },
      { name: 'repo', kind: 'gitRepo', mounted: true },
      { name: 'disk', kind: 'other', mounted: true },
      { name: 'unused', kind: 'configMap', mounted: false },
    ]);
  });

  it('projects readOnly from the mounts: hostPath has no readOnly field, so only volumeMounts[].readOnly says it', () => {
    const volumes = projectPodVolumes(
      {
        volumes: [
          { name: 'tz', hostPath: { path: '/srv/zoneinfo' } },
          { name: 'data', hostPath: { path: '/data/db' } },
          { name: 'mixed', hostPath: { path: '/data/shared' } },
          { name: 'claim', persistentVolumeClaim: { claimName: 'c' } },
          { name: 'claim-ro', persistentVolumeClaim: { claimName: 'c', readOnly: true } },
        ],
        containers: [
          {
            name: 'app',
            volumeMounts: [
              { name: 'tz', mountPath: '/etc/localtime', readOnly: true },
              { name: 'data', mountPath: '/data' },
              { name: 'mixed', mountPath: '/shared', readOnly: true },
              { name: 'claim', mountPath: '/c', readOnly: true },
              { name: 'claim-ro', mountPath: '/r' },
            ],
          },
        ],
        // Init containers count too: one writable mount anywhere makes the volume writable.
        initContainers: [{ name: 'init', volumeMounts: [{ name: 'tz', mountPath: '/tz', readOnly: true }, { name: 'mixed', mountPath: '/s' }] }],
      },
      'db-0',
    );
    expect(volumes).toEqual([
      { name: 'tz', kind: 'hostPath', path: '/srv/zoneinfo', readOnly: true, mounted: true },
      { name: 'data', kind: 'hostPath', path: '/data/db', mounted: true },
      { name: 'mixed', kind: 'hostPath', path: '/data/shared', mounted: true },
      { name: 'claim', kind: 'persistentVolumeClaim', claimName: 'c', readOnly: true, mounted: true },
      { name: 'claim-ro', kind: 'persistentVolumeClaim', claimName: 'c', readOnly: true, mounted: true },
    ]);
  });

  it('keeps the controller owner reference and the revision label of a StatefulSet pod', () => {
    const p = projectPod(statefulSetPod('data', 'db', 2, { templates: ['data'], revision: 'db-abc' }));
    expect(p.meta.ownerReferences).toEqual([{ kind: 'StatefulSet', name: 'db', uid: expect.any(String), controller: true }]);
    expect(p.meta.labels?.['controller-revision-hash']).toBe('db-abc');
    expect(p.volumes[0]).toMatchObject({ kind: 'persistentVolumeClaim', claimName: 'data-db-2' });
  });
});

describe('projectStatefulSet', () => {
  it('applies the API server defaults for an object written without them', () => {
    const raw = statefulSet('ns', 'db');
    delete raw.spec.serviceName;
    const sts = projectStatefulSet(raw);
    expect(sts).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', partition: 0 },
      ordinalsStart: 0,
      pvcRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(sts).not.toHaveProperty('serviceName');
  });

  it('projects claim templates, ordinals, partition, retention, template volumes and status', () => {
    const sts = projectStatefulSet(
      statefulSet('ns', 'db', {
        replicas: 3,
        serviceName: 'db-headless',
        podManagementPolicy: 'Parallel',
        partition: 2,
        ordinalsStart: 1,
        volumeClaimTemplates: [{ name: 'data', storage: '50Gi', storageClassName: 'fast' }],
        retention: { whenDeleted: 'Delete', whenScaled: 'Retain' },
        templateVolumes: [{ name: 'tmp', emptyDir: {} }, { name: 'scratch', ephemeral: { volumeClaimTemplate: {} } }],
        status: { readyReplicas: 1, currentRevision: 'db-1', updateRevision: 'db-2' },
      }),
    );
    expect(sts).toMatchObject({
      replicas: 3,
      serviceName: 'db-headless',
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate', partition: 2 },
      ordinalsStart: 1,
      selector: { matchLabels: { app: 'db' } },
      volumeClaimTemplates: [{ name: 'data', storageClassName: 'fast', requestedStorage: '50Gi', accessModes: ['ReadWriteOnce'] }],
      pvcRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
      status: { replicas: 3, readyReplicas: 1, currentRevision: 'db-1', updateRevision: 'db-2' },
    });
    // A template has no pod yet, so a generic ephemeral volume has no claim name; nothing mounts these volumes.
    expect(sts.templateVolumes).toEqual([
      { name: 'tmp', kind: 'emptyDir', mounted: false },
      { name: 'scratch', kind: 'ephemeral', mounted: false },
    ]);
  });

  it('projects readOnly of template volumes from the template containers\' mounts', () => {
    const raw = statefulSet('ns', 'db', {
      templateVolumes: [
        { name: 'tz', hostPath: { path: '/usr/share/zoneinfo' } },
        { name: 'data', hostPath: { path: '/data/db' } },
      ],
    });
    raw.spec.template.spec.containers[0].volumeMounts = [
      { name: 'tz', mountPath: '/etc/localtime', readOnly: true },
      { name: 'data', mountPath: '/data' },
    ];
    expect(projectStatefulSet(raw).templateVolumes).toEqual([
      { name: 'tz', kind: 'hostPath', path: '/usr/share/zoneinfo', readOnly: true, mounted: true },
      { name: 'data', kind: 'hostPath', path: '/data/db', mounted: true },
    ]);
  });

  it('keeps OnDelete without a partition', () => {
    expect(projectStatefulSet(statefulSet('ns', 'db', { updateStrategy: 'OnDelete' })).updateStrategy).toEqual({ type: 'OnDelete' });
  });
});

describe('what the StatefulSet controller times its decisions by', () => {
  it('keeps the Ready condition time of a Ready pod only', () => {
    const ready = pod('ns', 'a');
    ready.status.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime = '2025-06-01T11:59:00Z';
    expect(projectPod(ready).readySince).toBe('2025-06-01T11:59:00Z');
    const notReady = pod('ns', 'b', { ready: false });
    notReady.status.conditions.find((c: { type: string }) => c.type === 'Ready').lastTransitionTime = '2025-06-01T11:59:00Z';
    expect(projectPod(notReady)).not.toHaveProperty('readySince');
  });

  it('projects minReadySeconds (default 0) and the last spec write from managedFields, status writes left out', () => {
    const raw = statefulSet('ns', 'db');
    delete raw.metadata.managedFields; // as kubectl get writes it
    expect(projectStatefulSet(raw)).toMatchObject({ minReadySeconds: 0 });
    expect(projectStatefulSet(raw)).not.toHaveProperty('specChangedAt');
    raw.spec.minReadySeconds = 30;
    raw.metadata.managedFields = [
      { manager: 'kubectl', operation: 'Update', time: '2025-06-01T10:00:00Z' },
      { manager: 'kubectl', operation: 'Update', subresource: 'scale', time: '2025-06-01T11:00:00Z' },
      { manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: '2025-06-01T11:30:00Z' },
      { manager: 'broken', operation: 'Update', time: 'not a time' },
    ];
    expect(projectStatefulSet(raw)).toMatchObject({ minReadySeconds: 30, specChangedAt: '2025-06-01T11:00:00Z' });
  });

  it('keeps an invalid replicas value as written, for the analysis to name', () => {
    const raw = statefulSet('ns', 'db');
    raw.spec.replicas = -3;
    expect(projectStatefulSet(raw).replicas).toBe(-3);
  });
});

describe('probes in pods and StatefulSet templates', () => {
  it('projects the probes of app containers only, restartPolicy when not Always, and how many containers are app containers', () => {
    const raw = pod('ns', 'p', { containers: [{ name: 'app' }, { name: 'bare', probes: false }], initContainers: [{ name: 'init' }] });
    (raw as any).spec.restartPolicy = 'Never';
    const p = projectPod(raw);
    expect(p.containers.map((c) => [c.name, Object.keys(c.probes ?? {}).sort()])).toEqual([
      ['app', ['liveness', 'readiness']],
      ['bare', []],
      ['init', []],
    ]);
    expect(p.appContainers).toBe(2);
    expect(p.restartPolicy).toBe('Never');
    expect(projectPod(pod('ns', 'q')).restartPolicy).toBeUndefined();
  });

  it('keeps the template containers of a StatefulSet with their probes', () => {
    const sts = projectStatefulSet(statefulSet('ns', 'db', { templateProbes: { livenessProbe: { tcpSocket: { port: 5432 }, initialDelaySeconds: 30 } } }));
    expect(sts.templateContainers).toEqual([
      { name: 'app', probes: { liveness: { handler: 'tcpSocket', port: 5432, initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } } },
    ]);
    expect(projectStatefulSet(statefulSet('ns', 'db', { templateProbes: false })).templateContainers).toEqual([{ name: 'app' }]);
  });
});
