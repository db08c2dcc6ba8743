import { runAnalyzer } from '../__fixtures__/analysisContext';
import {
  ago,
  ALL_KINDS,
  boundPair,
  DAY,
  HOUR,
  MINUTE,
  node,
  pod,
  pvc,
  service,
  snapshotOf,
  statefulSet,
  statefulSetPod,
} from '../__fixtures__/snapshot';
import type { AnalyzeOptions } from '../model/report';
import type { ContainerState, Pod, PodVolume, Snapshot, StatefulSet } from '../model/snapshot';
import { analyze } from './analyze';
import { analyzeStatefulSets } from './statefulSets';

const crashLoop = (restarts = 7, lastTerminationReason = 'OOMKilled'): Partial<Pod> => ({
  ready: false,
  containers: [
    {
      name: 'app',
      ready: false,
      restartCount: restarts,
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      lastTerminationReason,
      lastTerminationExitCode: lastTerminationReason === 'OOMKilled' ? 137 : 1,
    },
  ],
});

/** Running, never crashed, failing its readiness probe. */
const notReady: Partial<Pod> = { ready: false, containers: [{ name: 'app', ready: false, restartCount: 0, state: 'running' }] };

const atRevision = (sts: StatefulSet, revision: string) => ({ meta: { labels: { app: sts.meta.name, 'controller-revision-hash': revision } } });

/** A set with its headless Service and Bound per-ordinal claims for ordinals in its range; `pods` as given. */
function cluster(sts: StatefulSet, pods: Pod[], extra: Partial<Snapshot> = {}): Snapshot {
  const pairs = [];
  for (let o = sts.ordinalsStart; o < sts.ordinalsStart + sts.replicas; o++) {
    for (const t of sts.volumeClaimTemplates) pairs.push(boundPair({ name: `${t.name}-${sts.meta.name}-${o}`, namespace: sts.meta.namespace }));
  }
  return snapshotOf({
    statefulSets: [sts],
    pods,
    persistentVolumeClaims: pairs.map((p) => p.pvc),
    persistentVolumes: pairs.map((p) => p.pv),
    services: [service({ name: sts.meta.name, namespace: sts.meta.namespace, headless: true, clusterIP: 'None' })],
    ...extra,
  });
}

const run = (snapshot: Snapshot, options?: AnalyzeOptions) => runAnalyzer(analyzeStatefulSets, snapshot, options);

describe('a healthy StatefulSet', () => {
  it('gives one Ready ordinal view per replica with its claims and no findings', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const { result, findings } = run(cluster(sts, [0, 1, 2].map((o) => statefulSetPod(sts, o))));
    expect(findings).toEqual([]);
    const [view] = result;
    expect(view).toMatchObject({ namespace: 'default', name: 'web', serviceName: 'web', serviceHeadless: true, updateStrategy: 'RollingUpdate' });
    expect(view.blockingOrdinal).toBeUndefined();
    expect(view.ordinals.map((o) => [o.ordinal, o.podName, o.status, o.blocking])).toEqual([
      [0, 'web-0', 'Ready', false],
      [1, 'web-1', 'Ready', false],
      [2, 'web-2', 'Ready', false],
    ]);
    expect(view.ordinals[1].claims).toEqual([
      { template: 'data', name: 'data-web-1', phase: 'Bound', volume: 'pvc-uid-default-data-web-1', volumePhase: 'Bound' },
    ]);
  });

  it('describes each ordinal pod: restarts summed over containers, reasons, revision, node and age', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'], status: { ...statefulSet({ name: 'web' }).status, updateRevision: 'web-rev2' } });
    const containers: ContainerState[] = [
      { name: 'app', ready: false, restartCount: 3, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationReason: 'Error' },
      { name: 'sidecar', ready: true, restartCount: 2, state: 'running' },
    ];
    const p = statefulSetPod(sts, 0, { ready: false, containers, nodeName: 'node-7', meta: { creationTimestamp: ago(90 * MINUTE) } });
    const { result } = run(cluster(sts, [p]));
    expect(result[0].ordinals[0]).toMatchObject({
      status: 'NotReady',
      pod: {
        phase: 'Running',
        ready: false,
        restarts: 5,
        waitingReason: 'CrashLoopBackOff',
        lastTerminationReason: 'Error',
        revision: 'web-rev1',
        updated: false,
        node: 'node-7',
        ageSeconds: 90 * MINUTE,
      },
    });
  });

  it('numbers ordinals from spec.ordinals.start', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, ordinalsStart: 5, templates: ['data'] });
    const { result, findings } = run(cluster(sts, [5, 6].map((o) => statefulSetPod(sts, o))));
    expect(findings).toEqual([]);
    expect(result[0].ordinals.map((o) => [o.podName, o.claims[0].name, o.claims[0].phase])).toEqual([
      ['web-5', 'data-web-5', 'Bound'],
      ['web-6', 'data-web-6', 'Bound'],
    ]);
  });
});

describe('sts-rollout-blocked', () => {
  it('fires when an OrderedReady ordinal in CrashLoopBackOff keeps higher ordinals from being created', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const { result, findings, withCode } = run(cluster(sts, [statefulSetPod(sts, 0), statefulSetPod(sts, 1, crashLoop())]));
    const [blocked] = withCode('sts-rollout-blocked');
    expect(blocked.severity).toBe('critical');
    expect(blocked.object).toEqual({ kind: 'StatefulSet', name: 'web', namespace: 'default' });
    expect(blocked.message).toContain('pod web-1 is not Ready');
    expect(blocked.message).toContain('CrashLoopBackOff, 7 restarts, last terminated OOMKilled');
    expect(blocked.message).toContain('blocks creation of web-2');
    expect(blocked.hint).toContain('memory');
    expect(blocked.hint).toContain('kubectl delete pod -n default web-1');
    expect(blocked.details).toMatchObject({ blockingOrdinal: 1, missingOrdinals: '2' });
    // The blocker explains the missing ordinal and the crashing pod: no second or third finding about them.
    expect(findings.map((f) => f.code)).toEqual(['sts-rollout-blocked']);
    expect(result[0].blockingOrdinal).toBe(1);
    expect(result[0].ordinals.map((o) => [o.status, o.blocking])).toEqual([
      ['Ready', false],
      ['NotReady', true],
      ['Missing', false],
    ]);
  });

  it('explains a Pending blocker by its scheduling message and its Pending claim', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const stuck = statefulSetPod(sts, 0, {
      phase: 'Pending',
      ready: false,
      unschedulableMessage: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims',
      containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ContainerCreating' }],
    });
    const snapshot = cluster(sts, [stuck]);
    snapshot.persistentVolumeClaims[0] = pvc({ name: 'data-web-0', phase: 'Pending', capacity: undefined });
    const { result, withCode } = run(snapshot);
    const [blocked] = withCode('sts-rollout-blocked');
    expect(blocked.message).toContain('Pending, unschedulable: 0/3 nodes are available');
    expect(blocked.message).toContain('claim data-web-0 Pending');
    expect(blocked.message).toContain('blocks creation of web-1');
    expect(result[0].ordinals[0]).toMatchObject({ status: 'Pending', blocking: true, claims: [{ name: 'data-web-0', phase: 'Pending' }] });
  });

  it('stays quiet with podManagementPolicy Parallel: nothing waits, the crash and the gap are reported as such', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'], podManagementPolicy: 'Parallel' });
    const { result, findings, withCode } = run(cluster(sts, [statefulSetPod(sts, 0), statefulSetPod(sts, 1, crashLoop())]));
    expect(withCode('sts-rollout-blocked')).toEqual([]);
    expect(findings.map((f) => f.code).sort()).toEqual(['pod-restart-loop', 'sts-ordinal-missing', 'sts-ordinal-not-ready']);
    expect(result[0].blockingOrdinal).toBeUndefined();
    expect(result[0].ordinals.every((o) => !o.blocking)).toBe(true);
  });

  it('stays quiet while the not-Ready ordinal is still starting: the rollout is making progress', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const starting = statefulSetPod(sts, 1, {
      ...notReady,
      containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ContainerCreating' }],
      meta: { creationTimestamp: ago(30) },
    });
    const { findings, result } = run(cluster(sts, [statefulSetPod(sts, 0), starting]));
    expect(findings).toEqual([]);
    expect(result[0].ordinals.map((o) => o.status)).toEqual(['Ready', 'NotReady', 'Missing']);
  });

  // A young pod is given time to start, unless it already shows a fault that will not clear by itself.
  it.each<[string, Partial<Pod>, string]>([
    ['CrashLoopBackOff', crashLoop(2, 'Error'), 'container app CrashLoopBackOff'],
    ['ImagePullBackOff', { ...notReady, containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ImagePullBackOff' }] }, 'ImagePullBackOff'],
    ['crashed once', { ...notReady, containers: [{ name: 'app', ready: false, restartCount: 1, state: 'running', lastTerminationReason: 'Error' }] }, '1 restart, last terminated Error'],
    ['unschedulable', { phase: 'Pending', ready: false, unschedulableMessage: '0/3 nodes are available', containers: [] }, 'unschedulable'],
  ])('fires for a pod started two minutes ago that is already stuck (%s)', (_, state, expected) => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const young = statefulSetPod(sts, 0, { ...state, meta: { creationTimestamp: ago(2 * MINUTE) } });
    const [blocked] = run(cluster(sts, [young])).withCode('sts-rollout-blocked');
    expect(blocked.message).toContain(expected);
  });

  it('fires for a young pod whose claim is Lost', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const snapshot = cluster(sts, [statefulSetPod(sts, 0, { ...notReady, meta: { creationTimestamp: ago(2 * MINUTE) } })]);
    snapshot.persistentVolumeClaims[0] = pvc({ name: 'data-web-0', phase: 'Lost' });
    expect(run(snapshot).withCode('sts-rollout-blocked')[0].message).toContain('claim data-web-0 Lost');
  });

  describe('during a rolling update', () => {
    const updating = (extra: Partial<StatefulSet> = {}) =>
      statefulSet({
        name: 'web',
        replicas: 3,
        templates: ['data'],
        status: { ...statefulSet({ name: 'web' }).status, currentRevision: 'web-rev1', updateRevision: 'web-rev2' },
        ...extra,
      });

    it('fires when the pod on the NEW revision never becomes Ready, and says to fix the template then delete it', () => {
      const sts = updating();
      const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1), statefulSetPod(sts, 2, { ...crashLoop(4, 'Error'), ...atRevision(sts, 'web-rev2') })];
      const { withCode, result } = run(cluster(sts, pods));
      const [blocked] = withCode('sts-rollout-blocked');
      expect(blocked.message).toContain('pod web-2 is not Ready');
      expect(blocked.message).toContain('already runs the update revision web-rev2, which looks broken');
      expect(blocked.message).toContain('before it updates web-0, web-1');
      expect(blocked.message).toContain('kubernetes#67250');
      expect(blocked.hint).toContain('template');
      expect(blocked.hint).toContain('kubectl delete pod -n default web-2');
      expect(result[0].ordinals[2]).toMatchObject({ blocking: true, pod: { revision: 'web-rev2', updated: true } });
      // The blocker's crash is in this finding already; one finding per pod at most.
      expect(withCode('pod-restart-loop')).toEqual([]);
    });

    it('fires for the kubernetes#67250 trap: a pod stuck on an abandoned revision is named for deletion', () => {
      const sts = updating({ status: { ...statefulSet({ name: 'web' }).status, currentRevision: 'web-rev1', updateRevision: 'web-rev3' } });
      const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1), statefulSetPod(sts, 2, { ...crashLoop(), ...atRevision(sts, 'web-rev2') })];
      const [blocked] = run(cluster(sts, pods)).withCode('sts-rollout-blocked');
      expect(blocked.message).toContain('runs revision web-rev2, not the update revision web-rev3');
      expect(blocked.message).toContain('instead of replacing it (kubernetes#67250)');
      expect(blocked.hint).toContain('recreates it at update revision web-rev3: kubectl delete pod -n default web-2');
    });

    it('fires when an OLD-revision pod that is not Ready holds the update back (OrderedReady)', () => {
      const sts = updating();
      const pods = [statefulSetPod(sts, 0, crashLoop(9, 'Error')), statefulSetPod(sts, 1), statefulSetPod(sts, 2, atRevision(sts, 'web-rev2'))];
      const { withCode } = run(cluster(sts, pods));
      const [blocked] = withCode('sts-rollout-blocked');
      expect(blocked.message).toContain('pod web-0 is not Ready');
      expect(blocked.message).toContain('runs revision web-rev1, not the update revision web-rev2');
      expect(blocked.details).toMatchObject({ blockingOrdinal: 0, waitingForUpdate: '1', missingOrdinals: '' });
      expect(blocked.hint).toContain('kubectl delete pod -n default web-0');
    });

    it('fires for Parallel when an updated pod is not Ready and lower ordinals wait for their update', () => {
      const sts = updating({ podManagementPolicy: 'Parallel' });
      const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1), statefulSetPod(sts, 2, { ...crashLoop(6, 'Error'), ...atRevision(sts, 'web-rev2') })];
      const [blocked] = run(cluster(sts, pods)).withCode('sts-rollout-blocked');
      expect(blocked.message).toContain('runs the update revision web-rev2 and the rolling update waits for it before it updates web-0, web-1');
      expect(blocked.hint).toContain('replaces web-2 by itself');
    });

    it('stays quiet for Parallel when the not-Ready pod is still on the old revision: the controller replaces it', () => {
      const sts = updating({ podManagementPolicy: 'Parallel' });
      const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1), statefulSetPod(sts, 2, crashLoop())];
      const { withCode } = run(cluster(sts, pods));
      expect(withCode('sts-rollout-blocked')).toEqual([]);
      expect(withCode('sts-ordinal-not-ready')).toHaveLength(1);
    });

    it('stays quiet for a finished canary: ordinals below the partition keep the old revision on purpose', () => {
      const sts = updating({ updateStrategy: { type: 'RollingUpdate', partition: 2 } });
      const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1), statefulSetPod(sts, 2, atRevision(sts, 'web-rev2'))];
      const { findings, result } = run(cluster(sts, pods));
      expect(findings).toEqual([]);
      expect(result[0]).toMatchObject({ partition: 2, currentRevision: 'web-rev1', updateRevision: 'web-rev2' });
      expect(result[0].ordinals.map((o) => o.pod?.updated)).toEqual([false, false, true]);
    });

    it('does not call a crash below the partition a blocked update: no pod there is due for it', () => {
      const sts = updating({ updateStrategy: { type: 'RollingUpdate', partition: 2 } });
      const pods = [statefulSetPod(sts, 0, crashLoop(8, 'Error')), statefulSetPod(sts, 1), statefulSetPod(sts, 2, atRevision(sts, 'web-rev2'))];
      const { findings, withCode } = run(cluster(sts, pods));
      expect(findings.map((f) => f.code).sort()).toEqual(['pod-restart-loop', 'sts-ordinal-not-ready']);
      expect(withCode('sts-ordinal-not-ready')[0].details).toMatchObject({ ordinals: '0' });
    });
  });
});

describe('sts-ordinal-not-ready', () => {
  it('fires once per set listing every not-Ready ordinal that blocks nothing', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1, notReady), statefulSetPod(sts, 2, notReady)];
    const { findings, withCode } = run(cluster(sts, pods));
    expect(findings.map((f) => f.code)).toEqual(['sts-ordinal-not-ready']);
    const [f] = withCode('sts-ordinal-not-ready');
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('ordinals 1, 2 not Ready');
    expect(f.message).toContain('web-1 (Running, not Ready)');
    expect(f.related?.map((r) => r.name)).toEqual(['web-1', 'web-2']);
  });

  it('leaves out the blocking ordinal, which sts-rollout-blocked explains', () => {
    const sts = statefulSet({
      name: 'web',
      replicas: 3,
      templates: ['data'],
      status: { ...statefulSet({ name: 'web' }).status, currentRevision: 'web-rev1', updateRevision: 'web-rev2' },
    });
    const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1, crashLoop()), statefulSetPod(sts, 2, notReady)];
    const { withCode } = run(cluster(sts, pods));
    expect(withCode('sts-rollout-blocked')[0].details).toMatchObject({ blockingOrdinal: 1 });
    expect(withCode('sts-ordinal-not-ready')[0].details).toMatchObject({ ordinals: '2', count: 1 });
  });

  it('lists a pod stuck terminating past the grace period, and not one shutting down for 20 seconds', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const terminating = (seconds: number) => statefulSetPod(sts, 1, { ...notReady, meta: { deletionTimestamp: ago(seconds) } });
    const stuck = run(cluster(sts, [statefulSetPod(sts, 0), terminating(30 * MINUTE)]));
    expect(stuck.withCode('sts-ordinal-not-ready')[0].message).toContain('web-1 (terminating for 30m)');
    expect(stuck.result[0].ordinals[1].status).toBe('Terminating');
    expect(run(cluster(sts, [statefulSetPod(sts, 0), terminating(20)])).findings).toEqual([]);
  });

  it('stays quiet for a pod that started a minute ago and is not Ready yet', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const pods = [statefulSetPod(sts, 0), statefulSetPod(sts, 1, { ...notReady, meta: { creationTimestamp: ago(MINUTE) } })];
    expect(run(cluster(sts, pods)).findings).toEqual([]);
  });
});

describe('sts-ordinal-missing', () => {
  it('fires for an ordinal whose pod is gone when nothing holds it back', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const { findings, withCode } = run(cluster(sts, [statefulSetPod(sts, 0), statefulSetPod(sts, 2)]));
    expect(findings.map((f) => f.code)).toEqual(['sts-ordinal-missing']);
    const [f] = withCode('sts-ordinal-missing');
    expect(f.message).toContain('ordinal 1 has no pod (web-1)');
    expect(f.details).toMatchObject({ ordinals: '1', count: 1 });
  });

  it('stays quiet when pods could not be read in the namespace, and shows the ordinals as Unknown', () => {
    const sts = statefulSet({ name: 'web', replicas: 2, templates: ['data'] });
    const snapshot = cluster(sts, [], {
      incomplete: [{ kind: 'pods', namespace: 'default', reason: 'forbidden', message: 'pods is forbidden' }],
    });
    const { findings, result } = run(snapshot);
    expect(findings).toEqual([]);
    expect(result[0].ordinals.map((o) => o.status)).toEqual(['Unknown', 'Unknown']);
  });
});

describe('sts-leftover-claims', () => {
  function scaledIn(extra: Partial<StatefulSet> = {}) {
    const db = statefulSet({ name: 'db', replicas: 2, templates: ['data'], ...extra });
    const backup = statefulSet({ name: 'db-backup', replicas: 1, templates: ['data'] });
    const leftovers = [2, 3].map((o) => boundPair({ name: `data-db-${o}`, requestedStorage: '10Gi' }));
    const base = cluster(db, [0, 1].map((o) => statefulSetPod(db, o)));
    const backupClaim = boundPair({ name: 'data-db-backup-0' });
    return {
      db,
      snapshot: {
        ...base,
        statefulSets: [db, backup],
        pods: [...base.pods, statefulSetPod(backup, 0)],
        persistentVolumeClaims: [...base.persistentVolumeClaims, ...leftovers.map((p) => p.pvc), backupClaim.pvc],
        persistentVolumes: [...base.persistentVolumes, ...leftovers.map((p) => p.pv), backupClaim.pv],
        services: [...base.services, service({ name: 'db-backup', headless: true, clusterIP: 'None' })],
      },
    };
  }

  it('fires for the claims of ordinals a scale-in from 4 to 2 left, with size and the exact delete command', () => {
    const { snapshot } = scaledIn();
    const { findings, withCode, result } = run(snapshot);
    expect(findings.map((f) => f.code)).toEqual(['sts-leftover-claims']);
    const [f] = withCode('sts-leftover-claims');
    expect(f.object.name).toBe('db');
    expect(f.message).toContain('data-db-2, data-db-3');
    expect(f.message).toContain('20Gi requested');
    expect(f.message).toContain('reused');
    expect(f.message).not.toContain('data-db-backup-0');
    expect(f.hint).toBe('If db will not scale out again and nobody needs the data: kubectl delete pvc -n default data-db-2 data-db-3');
    expect(f.details).toMatchObject({ count: 2, requestedBytes: 20 * 2 ** 30, ordinals: '2,3' });

    const db = result.find((v) => v.name === 'db');
    expect(db?.ordinals.map((o) => [o.ordinal, o.status, o.claims.map((c) => `${c.name}:${c.phase}`)])).toEqual([
      [0, 'Ready', ['data-db-0:Bound']],
      [1, 'Ready', ['data-db-1:Bound']],
      [2, 'Leftover', ['data-db-2:Bound']],
      [3, 'Leftover', ['data-db-3:Bound']],
    ]);
    // The prefix look-alike belongs to db-backup and is in its range there.
    expect(result.find((v) => v.name === 'db-backup')?.ordinals.map((o) => o.claims[0].name)).toEqual(['data-db-backup-0']);
  });

  it('says the retention policy should have removed them when whenScaled is Delete', () => {
    const { snapshot } = scaledIn({ pvcRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } });
    const [f] = run(snapshot).withCode('sts-leftover-claims');
    expect(f.message).toContain('whenScaled is Delete');
  });

  it('stays quiet for claims a pod still mounts or that are already being deleted', () => {
    const { snapshot, db } = scaledIn();
    snapshot.pods.push(statefulSetPod(db, 2, { meta: { deletionTimestamp: ago(10) } }));
    const claim3 = snapshot.persistentVolumeClaims.find((c) => c.meta.name === 'data-db-3');
    if (claim3) claim3.meta.deletionTimestamp = ago(5);
    const { withCode, result } = run(snapshot);
    expect(withCode('sts-leftover-claims')).toEqual([]);
    expect(result[0].ordinals.filter((o) => o.status === 'Leftover').map((o) => o.ordinal)).toEqual([2, 3]);
  });

  it('stays quiet when pods could not be read, since a claim still mounted would look unused', () => {
    const { snapshot } = scaledIn();
    snapshot.incomplete = [{ kind: 'pods', namespace: 'default', reason: 'forbidden', message: 'forbidden' }];
    expect(run(snapshot).withCode('sts-leftover-claims')).toEqual([]);
  });
});

describe('governing Service', () => {
  it('sts-service-missing fires when spec.serviceName names no Service', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'] });
    const { withCode, result } = run(cluster(sts, [statefulSetPod(sts, 0)], { services: [] }));
    const [f] = withCode('sts-service-missing');
    expect(f.message).toContain('names Service web');
    expect(f.related).toEqual([{ kind: 'Service', name: 'web', namespace: 'default' }]);
    expect(result[0].serviceHeadless).toBeNull();
  });

  it('stays quiet when Services were not read, or when serviceName is empty', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'] });
    const unread = cluster(sts, [statefulSetPod(sts, 0)], { services: [], observedKinds: ['statefulsets', 'pods', 'persistentvolumeclaims'] });
    expect(run(unread).findings).toEqual([]);
    const noName = statefulSet({ name: 'web', replicas: 1, templates: ['data'], serviceName: '' });
    const { findings, result } = run(cluster(noName, [statefulSetPod(noName, 0)], { services: [] }));
    expect(findings).toEqual([]);
    expect(result[0].serviceName).toBeUndefined();
  });

  it('sts-service-not-headless fires for a Service with a cluster IP; a headless one is quiet', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'] });
    const normal = run(cluster(sts, [statefulSetPod(sts, 0)], { services: [service({ name: 'web', clusterIP: '10.96.3.4' })] }));
    const [f] = normal.withCode('sts-service-not-headless');
    expect(f.message).toContain('has clusterIP 10.96.3.4 instead of None');
    expect(normal.result[0].serviceHeadless).toBe(false);
    const headless = run(cluster(sts, [statefulSetPod(sts, 0)]));
    expect(headless.findings).toEqual([]);
    expect(headless.result[0].serviceHeadless).toBe(true);
  });
});

describe('sts-ephemeral-data', () => {
  it('fires for a set without volumeClaimTemplates keeping data on emptyDir and hostPath', () => {
    const sts = statefulSet({
      name: 'cache',
      replicas: 1,
      templateVolumes: [
        { name: 'data', kind: 'emptyDir', mounted: true },
        { name: 'wal', kind: 'hostPath', path: '/srv/wal', mounted: true },
      ],
    });
    const [f] = run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-ephemeral-data');
    expect(f.message).toContain('data (emptyDir), wal (hostPath /srv/wal)');
    expect(f.message).toContain('lost when a pod is deleted');
    expect(f.message).toContain('stays behind on one node');
    expect(f.details).toEqual({ volumes: 'data,wal' });
  });

  it('fires for a writable data hostPath even when the set also has volumeClaimTemplates', () => {
    const sts = statefulSet({
      name: 'mongo',
      replicas: 1,
      templates: ['config'],
      templateVolumes: [
        { name: 'tmp', kind: 'emptyDir', mounted: true },
        { name: 'db', kind: 'hostPath', path: '/data/db', mounted: true },
      ],
    });
    const [f] = run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-ephemeral-data');
    expect(f.message).toBe(
      'StatefulSet default/mongo mounts db (hostPath /data/db) writable: what it writes there stays behind on one node when a pod moves.',
    );
    expect(f.details).toEqual({ volumes: 'db' });
  });

  it('fires for a writable data hostPath next to an nfs volume too', () => {
    const sts = statefulSet({
      name: 'app',
      replicas: 1,
      templateVolumes: [
        { name: 'shared', kind: 'nfs', path: 'nas:/export', mounted: true },
        { name: 'db', kind: 'hostPath', path: '/data/db', mounted: true },
      ],
    });
    expect(run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-ephemeral-data')[0].details).toEqual({ volumes: 'db' });
  });

  it('stays quiet for read-only and system-path hostPaths, with or without volumeClaimTemplates', () => {
    const nodePaths: PodVolume[] = [
      { name: 'localtime', kind: 'hostPath', path: '/etc/localtime', mounted: true },
      { name: 'zoneinfo', kind: 'hostPath', path: '/usr/share/zoneinfo', mounted: true },
      { name: 'seed', kind: 'hostPath', path: '/srv/seed', readOnly: true, mounted: true },
      { name: 'unmounted', kind: 'hostPath', path: '/srv/old', mounted: false },
    ];
    for (const templates of [[], ['data']]) {
      const sts = statefulSet({ name: 'db', replicas: 1, templates, templateVolumes: nodePaths });
      expect(run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-ephemeral-data')).toEqual([]);
    }
  });

  it('closes the gap with pod-hostpath-data: one finding for a set with templates whose pods write to a node path', () => {
    const db: PodVolume = { name: 'db', kind: 'hostPath', path: '/data/db', mounted: true };
    const sts = statefulSet({ name: 'mongo', replicas: 2, templates: ['config'], templateVolumes: [db] });
    const pods = [0, 1].map((o) => {
      const p = statefulSetPod(sts, o);
      return { ...p, volumes: [...p.volumes, db] };
    });
    const report = analyze(cluster(sts, pods));
    expect(report.findings.filter((f) => f.code === 'sts-ephemeral-data' || f.code === 'pod-hostpath-data').map((f) => f.code)).toEqual([
      'sts-ephemeral-data',
    ]);
  });

  it('stays quiet with volumeClaimTemplates plus an emptyDir for /tmp, or with only a memory-backed scratch emptyDir', () => {
    const withTemplates = statefulSet({ name: 'db', replicas: 1, templates: ['data'], templateVolumes: [{ name: 'tmp', kind: 'emptyDir', mounted: true }] });
    expect(run(cluster(withTemplates, [statefulSetPod(withTemplates, 0)])).findings).toEqual([]);
    const shm = statefulSet({ name: 'db', replicas: 1, templateVolumes: [{ name: 'shm', kind: 'emptyDir', medium: 'Memory', sizeLimit: '1Gi', mounted: true }] });
    expect(run(cluster(shm, [statefulSetPod(shm, 0)])).findings).toEqual([]);
  });
});

describe('sts-generation-lag', () => {
  it('fires when status.observedGeneration is behind metadata.generation', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'], meta: { generation: 4 } });
    const [f] = run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-generation-lag');
    expect(f.details).toEqual({ generation: 4, observedGeneration: 1 });
  });

  it('stays quiet when the controller has observed the current generation', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'], meta: { generation: 1 } });
    expect(run(cluster(sts, [statefulSetPod(sts, 0)])).findings).toEqual([]);
  });
});

describe('pod-restart-loop', () => {
  const deploymentPod = (input: Parameters<typeof pod>[0]) =>
    pod({ name: 'api-7d9f-x', owner: ['ReplicaSet', 'api-7d9f'], ...input });

  it('fires for a pod mounting a claim in CrashLoopBackOff, naming container, restarts and OOMKilled', () => {
    const snapshot = snapshotOf({ pods: [deploymentPod({ claims: ['uploads'], ...crashLoop(12) })] });
    const [f] = run(snapshot).withCode('pod-restart-loop');
    expect(f.object).toEqual({ kind: 'Pod', name: 'api-7d9f-x', namespace: 'default' });
    expect(f.message).toContain('container app is in CrashLoopBackOff (12 restarts, last terminated OOMKilled (exit code 137))');
    expect(f.message).toContain('memory limit');
    expect(f.hint).toBe('kubectl logs -n default api-7d9f-x -c app --previous');
    expect(f.related).toEqual([{ kind: 'PersistentVolumeClaim', name: 'uploads', namespace: 'default' }]);
  });

  it('fires at the restart threshold without CrashLoopBackOff when the pod is not Ready', () => {
    const containers: ContainerState[] = [{ name: 'app', ready: false, restartCount: 5, state: 'running', lastTerminationReason: 'Error' }];
    const snapshot = snapshotOf({ pods: [deploymentPod({ claims: ['uploads'], ready: false, containers })] });
    const { withCode } = run(snapshot);
    expect(withCode('pod-restart-loop')[0].message).toContain('keeps restarting (5 restarts, last terminated Error)');
    expect(run(snapshot, { restartLoopThreshold: 6 }).withCode('pod-restart-loop')).toEqual([]);
  });

  it('stays quiet for a Ready pod with many restarts and for a crashing pod that holds no data', () => {
    const containers: ContainerState[] = [{ name: 'app', ready: true, restartCount: 40, state: 'running', lastTerminationReason: 'Error' }];
    const snapshot = snapshotOf({
      pods: [deploymentPod({ claims: ['uploads'], containers }), pod({ name: 'stateless', owner: ['ReplicaSet', 'x'], ...crashLoop() })],
    });
    expect(run(snapshot).findings).toEqual([]);
  });
});

describe('minReadySeconds: the controller waits for available, not just Ready', () => {
  const readyFor = (seconds: number): Partial<Pod> => ({ readySince: ago(seconds) });
  const slow = () => statefulSet({ name: 'web', replicas: 3, templates: ['data'], minReadySeconds: 30 });

  it('stays quiet while the last pod waits out minReadySeconds: the next ordinal comes after it', () => {
    const sts = slow();
    const { findings, result } = run(cluster(sts, [statefulSetPod(sts, 0, readyFor(DAY)), statefulSetPod(sts, 1, readyFor(10))]));
    expect(findings).toEqual([]);
    expect(result[0].ordinals.map((o) => [o.status, o.pod?.available])).toEqual([
      ['Ready', true],
      ['Ready', false],
      ['Missing', undefined],
    ]);
    expect(result[0]).toMatchObject({ minReadySeconds: 30, availableReplicas: 3 });
  });

  it('fires once the pod below has been available longer than the grace period', () => {
    const sts = slow();
    const [f] = run(cluster(sts, [statefulSetPod(sts, 0, readyFor(DAY)), statefulSetPod(sts, 1, readyFor(10 * MINUTE))])).withCode('sts-ordinal-missing');
    expect(f.message).toContain('ordinal 2 has no pod (web-2) for at least 9m30s');
    expect(f.details).toMatchObject({ ordinals: '2', count: 1, waitedSeconds: 10 * MINUTE - 30 });
  });

  it('gives a missing ordinal missingOrdinalGraceSeconds from when the pod below became available', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const snapshot = cluster(sts, [statefulSetPod(sts, 0, readyFor(DAY)), statefulSetPod(sts, 1, readyFor(2 * MINUTE))]);
    expect(run(snapshot).withCode('sts-ordinal-missing')).toEqual([]);
    expect(run(snapshot, { missingOrdinalGraceSeconds: 60 }).withCode('sts-ordinal-missing')).toHaveLength(1);
  });

  it('gives a Parallel set the grace from its creation or last spec change (a scale-up)', () => {
    const young = statefulSet({ name: 'web', replicas: 2, templates: ['data'], podManagementPolicy: 'Parallel', meta: { creationTimestamp: ago(MINUTE) } });
    expect(run(cluster(young, [statefulSetPod(young, 0)])).withCode('sts-ordinal-missing')).toEqual([]);
    const scaled = statefulSet({ name: 'web', replicas: 2, templates: ['data'], podManagementPolicy: 'Parallel', specChangedAt: ago(MINUTE) });
    expect(run(cluster(scaled, [statefulSetPod(scaled, 0)])).withCode('sts-ordinal-missing')).toEqual([]);
    const old = statefulSet({ name: 'web', replicas: 2, templates: ['data'], podManagementPolicy: 'Parallel', specChangedAt: ago(HOUR) });
    expect(run(cluster(old, [statefulSetPod(old, 0)])).withCode('sts-ordinal-missing')).toHaveLength(1);
  });

  it('holds missing ordinals back while the controller has not observed the current generation', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'], meta: { generation: 2 }, specChangedAt: ago(20) });
    const { findings } = run(cluster(sts, [statefulSetPod(sts, 0)]));
    expect(findings).toEqual([]);
  });

  it('treats a Ready pod without a Ready time as not yet available when minReadySeconds is set, as the controller does', () => {
    const sts = slow();
    const { findings, result } = run(cluster(sts, [statefulSetPod(sts, 0, readyFor(DAY)), statefulSetPod(sts, 1)]));
    expect(findings).toEqual([]);
    expect(result[0].ordinals[1].pod?.available).toBe(false);
  });
});

describe('a Failed or Succeeded member is replaced by the controller itself', () => {
  it('does not call an evicted pod a rollout block', () => {
    const sts = statefulSet({ name: 'web', replicas: 3, templates: ['data'] });
    const evicted = statefulSetPod(sts, 1, { phase: 'Failed', ready: false, statusReason: 'Evicted', containers: [] });
    const { withCode, result } = run(cluster(sts, [statefulSetPod(sts, 0), evicted]));
    expect(withCode('sts-rollout-blocked')).toEqual([]);
    expect(withCode('sts-ordinal-not-ready')).toEqual([]);
    expect(result[0].ordinals[1].status).toBe('NotReady');
  });
});

describe('absurd and invalid spec.replicas', () => {
  /** A set that "wants" `replicas` with pods and claims for ordinals 0-2 only: built by hand, never by replicas. */
  function huge(replicas: number, podManagementPolicy: StatefulSet['podManagementPolicy'] = 'OrderedReady'): Snapshot {
    const sts = statefulSet({ name: 'web', replicas, templates: ['data'], podManagementPolicy });
    const pairs = [0, 1, 2].map((o) => boundPair({ name: `data-web-${o}` }));
    return snapshotOf({
      statefulSets: [sts],
      pods: [0, 1, 2].map((o) => statefulSetPod(sts, o)),
      persistentVolumeClaims: pairs.map((p) => p.pvc),
      persistentVolumes: pairs.map((p) => p.pv),
      services: [service({ name: 'web', headless: true, clusterIP: 'None' })],
    });
  }

  it('finishes for replicas 2147483647, lists the ordinals that have objects and counts the rest as ranges', () => {
    const { result, withCode } = run(huge(2147483647));
    const [view] = result;
    expect(view.replicas).toBe(2147483647);
    expect(view.replicasValid).toBe(true);
    // 3 ordinals with pods, then the first 100 empty ones as Missing rows, the rest counted.
    expect(view.ordinals).toHaveLength(103);
    expect(view.ordinals.slice(2, 4).map((o) => [o.ordinal, o.status])).toEqual([
      [2, 'Ready'],
      [3, 'Missing'],
    ]);
    expect(view.ordinalsElided).toEqual({ count: 2147483647 - 103, ranges: '103-2147483646' });
    const [missing] = withCode('sts-ordinal-missing');
    expect(missing.message).toContain('wants 2147483647 replicas but ordinals 3-2147483646 (2147483644 ordinals) have no pod');
    expect(missing.message).toContain('(2147483644 ordinals) have no pod for at least');
    expect(missing.message).toContain('spec.replicas 2147483647 is far beyond the 3 pods that exist');
    expect(missing.details).toMatchObject({ ordinals: '3-2147483646', count: 2147483644 });
  });

  it('finishes for replicas 2147483647 behind a blocker and with Parallel too', () => {
    const blocked = huge(2147483647);
    blocked.pods[1] = statefulSetPod(blocked.statefulSets[0], 1, crashLoop());
    const [f] = run(blocked).withCode('sts-rollout-blocked');
    expect(f.message).toContain('blocks creation of web-3 ... web-2147483646 (2147483644 pods)');
    expect(f.details).toMatchObject({ missingOrdinals: '3-2147483646', missingCount: 2147483644 });
    const parallel = run(huge(2147483647, 'Parallel'));
    expect(parallel.result[0].ordinals).toHaveLength(103);
    expect(parallel.withCode('sts-ordinal-missing')[0].details).toMatchObject({ count: 2147483644 });
  });

  it('lists every missing ordinal of a normal set as its own row, nothing elided', () => {
    const { result } = run(huge(5));
    expect(result[0].ordinals.map((o) => o.status)).toEqual(['Ready', 'Ready', 'Ready', 'Missing', 'Missing']);
    expect(result[0].ordinalsElided).toBeUndefined();
  });

  it('reports replicas -3 as invalid, offers no claim for deletion and never counts the set healthy', () => {
    const snapshot = huge(-3);
    const report = analyze(snapshot);
    expect(report.findings.map((f) => f.code)).toEqual(['sts-replicas-invalid']);
    expect(report.findings[0].message).toContain('spec.replicas is -3, not an integer from 0 to 2147483647');
    expect(report.statefulSets[0]).toMatchObject({ replicasValid: false, replicas: -3 });
    expect(report.statefulSets[0].ordinals.map((o) => [o.ordinal, o.status])).toEqual([
      [0, 'Ready'],
      [1, 'Ready'],
      [2, 'Ready'],
    ]);
    expect(report.summary.statefulSets).toEqual({ total: 1, healthy: 0 });
  });

  it('takes replicas 0 as valid: every remaining claim is a leftover', () => {
    const snapshot = huge(0);
    snapshot.pods = [];
    const report = analyze(snapshot);
    expect(report.findings.map((f) => f.code)).toEqual(['sts-leftover-claims']);
    expect(report.statefulSets[0].replicasValid).toBe(true);
  });
});

describe('rollout hint when the blocking pod needs a volume on a node that is gone', () => {
  function pinned(nodes: Snapshot['nodes'], observedKinds?: Snapshot['observedKinds']): Snapshot {
    const sts = statefulSet({ name: 'db', replicas: 2, templates: ['data'] });
    const stuck = statefulSetPod(sts, 0, {
      phase: 'Pending',
      ready: false,
      nodeName: undefined,
      unschedulableMessage: '0/2 nodes are available: 2 node(s) had volume node affinity conflict.',
      containers: [],
    });
    const snapshot = cluster(sts, [stuck], { nodes, ...(observedKinds ? { observedKinds } : {}) });
    snapshot.persistentVolumes[0] = { ...snapshot.persistentVolumes[0], source: 'local', nodeAffinityNodes: ['node-3'] };
    return snapshot;
  }

  it('says to delete the claim and the volume, then the pod, and that the data is lost', () => {
    const [f] = run(pinned([node('node-1'), node('node-2')])).withCode('sts-rollout-blocked');
    const pvName = 'pvc-uid-default-data-db-0';
    expect(f.message).toContain(`its claim data-db-0 is bound to volume ${pvName}, pinned to node node-3, which no longer exists`);
    expect(f.hint).toContain('is lost');
    expect(f.hint).toContain(
      `kubectl delete pvc -n default data-db-0 --wait=false; kubectl delete pv ${pvName} --wait=false; kubectl delete pod -n default db-0`,
    );
    expect(f.hint).not.toContain('once the cause');
    expect(f.details).toMatchObject({ goneNodes: 'node-3' });
    expect(f.related).toContainEqual({ kind: 'PersistentVolume', name: pvName });
  });

  it('keeps the usual advice when the node exists, or when Nodes were not read', () => {
    const present = run(pinned([node('node-3')])).withCode('sts-rollout-blocked')[0];
    expect(present.hint).toContain('once the cause (or the template) is fixed, delete it: kubectl delete pod -n default db-0');
    expect(present.hint).not.toContain('delete pvc');
    const kinds = ALL_KINDS.filter((k) => k !== 'nodes');
    const unread = run(pinned([], kinds)).withCode('sts-rollout-blocked')[0];
    expect(unread.hint).not.toContain('delete pvc');
  });
});

describe('governing Service status in the view', () => {
  const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'] });
  it.each<[string, Partial<Snapshot>, string, boolean | null]>([
    ['headless', {}, 'headless', true],
    ['not headless', { services: [service({ name: 'web', clusterIP: '10.96.3.4' })] }, 'not-headless', false],
    ['missing', { services: [] }, 'missing', null],
    ['not read', { services: [], observedKinds: ALL_KINDS.filter((k) => k !== 'services') }, 'not-read', null],
    [
      'forbidden in the namespace',
      { services: [], incomplete: [{ kind: 'services', namespace: 'default', reason: 'forbidden', message: 'forbidden' }] },
      'not-read',
      null,
    ],
  ])('%s', (_, extra, status, headless) => {
    const { result, withCode } = run(cluster(sts, [statefulSetPod(sts, 0)], extra));
    expect(result[0].serviceStatus).toBe(status);
    expect(result[0].serviceHeadless).toBe(headless);
    expect(withCode('sts-service-missing')).toHaveLength(status === 'missing' ? 1 : 0);
  });

  it('has no serviceStatus for a set without serviceName', () => {
    const none = statefulSet({ name: 'web', replicas: 1, templates: ['data'], serviceName: '' });
    expect(run(cluster(none, [statefulSetPod(none, 0)])).result[0].serviceStatus).toBeUndefined();
  });
});

describe('sts-generation-lag grace period', () => {
  const lagging = (extra: Omit<Partial<StatefulSet>, 'meta'> & { meta?: Partial<StatefulSet['meta']> }) =>
    statefulSet({ name: 'web', replicas: 1, templates: ['data'], meta: { generation: 4 }, ...extra });

  it('stays quiet for a change made a minute ago: the controller has not synced yet', () => {
    const sts = lagging({ specChangedAt: ago(MINUTE) });
    expect(run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-generation-lag')).toEqual([]);
  });

  it('fires for a lag lasting longer than the grace, saying for how long', () => {
    const sts = lagging({ specChangedAt: ago(20 * MINUTE) });
    const [f] = run(cluster(sts, [statefulSetPod(sts, 0)])).withCode('sts-generation-lag');
    expect(f.message).toContain('for 20m since the spec last changed');
    expect(f.details).toEqual({ generation: 4, observedGeneration: 1, lagSeconds: 20 * MINUTE });
    expect(run(cluster(sts, [statefulSetPod(sts, 0)]), { generationLagGraceSeconds: 30 * MINUTE }).withCode('sts-generation-lag')).toEqual([]);
  });

  it('says the duration is unknown without a spec write time, and is quiet for a set younger than the grace', () => {
    const old = lagging({});
    const [f] = run(cluster(old, [statefulSetPod(old, 0)])).withCode('sts-generation-lag');
    expect(f.message).toContain('for how long is unknown');
    expect(f.hint).toContain('Look again in a minute');
    const young = lagging({ meta: { generation: 4, creationTimestamp: ago(MINUTE) } });
    expect(run(cluster(young, [statefulSetPod(young, 0)])).withCode('sts-generation-lag')).toEqual([]);
  });
});

describe('ordinal claims when claims were not read', () => {
  it('marks an absent claim not read, not missing, and only where claims were unread', () => {
    const sts = statefulSet({ name: 'web', replicas: 1, templates: ['data'] });
    const unread = cluster(sts, [statefulSetPod(sts, 0)], {
      persistentVolumeClaims: [],
      incomplete: [{ kind: 'persistentvolumeclaims', namespace: 'default', reason: 'forbidden', message: 'forbidden' }],
    });
    expect(run(unread).result[0].ordinals[0].claims).toEqual([{ template: 'data', name: 'data-web-0', notRead: true }]);
    const read = cluster(sts, [statefulSetPod(sts, 0)], { persistentVolumeClaims: [] });
    expect(run(read).result[0].ordinals[0].claims).toEqual([{ template: 'data', name: 'data-web-0' }]);
  });
});
