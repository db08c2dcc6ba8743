// Warning events as evidence of the findings they explain, as findings of their own where nothing else explains
// the object, and as the latest event of a StatefulSet ordinal. Each own code: a firing case and a look-alike.
import { claimEvent, podEvent, withEvents } from '../__fixtures__/events';
import { ago, boundPair, HOUR, MINUTE, pod, pvc, snapshotOf as bare, statefulSet, statefulSetPod, storageClass } from '../__fixtures__/snapshot';
import type { StorageReport } from '../model/report';
import type { Pod, Snapshot } from '../model/snapshot';
import { analyze } from './analyze';

/** Snapshots with the default class the claims name, so no class finding gets in the way. */
const snapshotOf: typeof bare = (parts = {}) => bare({ storageClasses: [storageClass({ name: 'standard', isDefault: true })], ...parts });
const codes = (r: StorageReport): string[] => r.findings.map((f) => f.code);
const only = (r: StorageReport, code: string) => r.findings.filter((f) => f.code === code);

const crashing = (input: Partial<Pod> & { name: string; claims?: string[] }): Pod =>
  pod({
    ready: false,
    containers: [{ name: 'app', ready: false, restartCount: 7, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationReason: 'Error', lastTerminationExitCode: 137 }],
    ...input,
  });

describe('liveness failures', () => {
  it('are the evidence of pod-restart-loop, not a finding of their own', () => {
    const p = crashing({ name: 'worker-1', claims: ['data'] });
    const { pvc: c, pv: v } = boundPair({ name: 'data' });
    const report = analyze(withEvents(snapshotOf({ pods: [p], persistentVolumeClaims: [c], persistentVolumes: [v] }), [
      podEvent(p, { container: 'app', count: 12 }),
      podEvent(p, { reason: 'BackOff', message: 'Back-off restarting failed container app in pod worker-1_default(uid)', container: 'app', lastAgo: 5 }),
    ]));
    expect(codes(report)).toContain('pod-restart-loop');
    expect(codes(report)).not.toContain('pod-liveness-probe-failing');
    expect(only(report, 'pod-restart-loop')[0].evidence).toEqual([
      expect.objectContaining({ reason: 'BackOff', container: 'app', object: { kind: 'Pod', name: 'worker-1', namespace: 'default' } }),
      expect.objectContaining({ reason: 'Unhealthy', count: 12, source: 'kubelet', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', lastSeen: ago(60) }),
    ]);
  });

  const restarted = (): Pod =>
    pod({
      name: 'worker-1',
      claims: ['data'],
      containers: [{ name: 'app', ready: true, restartCount: 2, state: 'running', probes: { liveness: { handler: 'httpGet', path: '/healthz', port: 8080, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 } } }],
    });

  it('pod-liveness-probe-failing: restarts below the loop threshold, explained by the kubelet', () => {
    const p = restarted();
    const report = analyze(withEvents(snapshotOf({ pods: [p] }), [podEvent(p, { container: 'app', count: 4 })]));
    const [f] = only(report, 'pod-liveness-probe-failing');
    expect(f.message).toBe(
      'Pod default/worker-1: container app failed its liveness probe (GET :8080/healthz) 4 times, last 60s ago: ' +
        '"Liveness probe failed: HTTP probe failed with statuscode: 500"; the kubelet restarted it 2 times.',
    );
    expect(f).toMatchObject({ severity: 'warning', hint: 'kubectl logs -n default worker-1 -c app --previous', details: { container: 'app', failures: 4, target: 'GET :8080/healthz' } });
  });

  it('look-alikes: an event of the previous pod of that name, one older than an hour, a pod outside the report', () => {
    const p = restarted();
    const previous = podEvent({ ...p, meta: { ...p.meta, uid: 'uid-of-the-old-pod' } }, { container: 'app' });
    const old = podEvent(p, { container: 'app', lastAgo: HOUR + MINUTE });
    expect(codes(analyze(withEvents(snapshotOf({ pods: [p] }), [previous, old])))).not.toContain('pod-liveness-probe-failing');
    const stateless = { ...p, volumes: [] };
    expect(codes(analyze(withEvents(snapshotOf({ pods: [stateless] }), [podEvent(stateless, { container: 'app' })])))).not.toContain('pod-liveness-probe-failing');
  });

  it('without events read nothing is concluded: no finding, no evidence', () => {
    const p = crashing({ name: 'worker-1', claims: ['data'] });
    const report = analyze(snapshotOf({ pods: [p] }));
    expect(only(report, 'pod-restart-loop')[0].evidence).toBeUndefined();
  });
});

describe('pod-readiness-probe-failing', () => {
  const unready = pod({ name: 'worker-1', claims: ['data'], ready: false, containers: [{ name: 'app', ready: false, restartCount: 0, state: 'running' }] });
  const readiness = (p: Pod) => podEvent(p, { container: 'app', message: 'Readiness probe failed: Get "http://10.0.0.10:8080/ready": context deadline exceeded' });

  it('fires for a pod that is not Ready now', () => {
    const [f] = only(analyze(withEvents(snapshotOf({ pods: [unready] }), [readiness(unready)])), 'pod-readiness-probe-failing');
    expect(f.message).toContain('failed its readiness probe once');
    expect(f.message).toContain('the pod is not Ready and gets no traffic');
  });

  it('look-alike: the pod is Ready again', () => {
    const ready = { ...unready, ready: true };
    expect(codes(analyze(withEvents(snapshotOf({ pods: [ready] }), [readiness(ready)])))).not.toContain('pod-readiness-probe-failing');
  });
});

describe('volume events of a pod that has not started', () => {
  const waiting = (name: string): Pod =>
    pod({ name, claims: ['data'], phase: 'Pending', ready: false, containers: [{ name: 'app', ready: false, restartCount: 0, state: 'waiting', reason: 'ContainerCreating' }] });
  const bound = boundPair({ name: 'data' });
  const attachFailed = (p: Pod) =>
    podEvent(p, { reason: 'FailedAttachVolume', source: 'attachdetach-controller', message: 'AttachVolume.Attach failed for volume "pvc-1" : rpc error: code = Internal desc = volume in another zone' });
  const mountFailed = (p: Pod) =>
    podEvent(p, { reason: 'FailedMount', message: 'MountVolume.MountDevice failed for volume "pvc-1" : driver name ebs.csi.aws.com not found in the list of registered CSI drivers' });
  const snap = (p: Pod, events: ReturnType<typeof podEvent>[]): Snapshot =>
    withEvents(snapshotOf({ pods: [p], persistentVolumeClaims: [bound.pvc], persistentVolumes: [bound.pv] }), events);

  it('pod-volume-attach-failed: FailedAttachVolume while the pod waits in ContainerCreating', () => {
    const p = waiting('app-1');
    const [f] = only(analyze(snap(p, [attachFailed(p)])), 'pod-volume-attach-failed');
    expect(f.message).toBe(
      'Pod default/app-1 waits for a volume to be attached: attachdetach-controller: FailedAttachVolume ' +
        '"AttachVolume.Attach failed for volume "pvc-1" : rpc error: code = Internal desc = volume in another zone" (once, last 60s ago).',
    );
    expect(f.related).toEqual([{ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'default' }]);
  });

  it('pod-volume-mount-failed: FailedMount while the pod waits', () => {
    const p = waiting('app-1');
    expect(codes(analyze(snap(p, [mountFailed(p)])))).toContain('pod-volume-mount-failed');
  });

  it('look-alike: the same events about a pod that has started since', () => {
    const p = pod({ name: 'app-1', claims: ['data'] });
    const report = analyze(snap(p, [attachFailed(p), mountFailed(p)]));
    expect(codes(report)).not.toContain('pod-volume-attach-failed');
    expect(codes(report)).not.toContain('pod-volume-mount-failed');
  });
});

describe('pod-unschedulable-volume', () => {
  const unscheduled = pod({ name: 'app-1', claims: ['data'], phase: 'Pending', ready: false, nodeName: undefined, containers: [{ name: 'app', ready: false, restartCount: 0, state: 'unknown' }] });
  const bound = boundPair({ name: 'data' });
  const scheduling = (message: string) => podEvent(unscheduled, { reason: 'FailedScheduling', source: 'default-scheduler', message });

  it('fires on a volume reason of the scheduler', () => {
    const report = analyze(withEvents(snapshotOf({ pods: [unscheduled], persistentVolumeClaims: [bound.pvc], persistentVolumes: [bound.pv] }), [
      scheduling('0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'),
    ]));
    expect(only(report, 'pod-unschedulable-volume')[0].details).toMatchObject({ reason: 'FailedScheduling' });
  });

  it('look-alike: unschedulable for CPU, not for a volume', () => {
    const report = analyze(withEvents(snapshotOf({ pods: [unscheduled], persistentVolumeClaims: [bound.pvc], persistentVolumes: [bound.pv] }), [
      scheduling('0/3 nodes are available: 3 Insufficient cpu.'),
    ]));
    expect(codes(report)).not.toContain('pod-unschedulable-volume');
  });
});

describe('provisioning failures', () => {
  const failed = (c: ReturnType<typeof pvc>) =>
    claimEvent(c, { reason: 'ProvisioningFailed', source: 'ebs.csi.aws.com_csi-provisioner', message: 'failed to provision volume with StorageClass "standard": rpc error: code = ResourceExhausted desc = quota exceeded' });

  it('pvc-provisioning-failed: a claim still in its grace period that the provisioner already failed', () => {
    const young = pvc({ name: 'data', phase: 'Pending', capacity: undefined, meta: { creationTimestamp: ago(2 * MINUTE) } });
    const report = analyze(withEvents(snapshotOf({ persistentVolumeClaims: [young] }), [failed(young)]));
    const [f] = only(report, 'pvc-provisioning-failed');
    expect(f).toMatchObject({ severity: 'critical', related: [{ kind: 'StorageClass', name: 'standard' }] });
    expect(f.message).toContain('quota exceeded');
  });

  it('is the evidence of pvc-pending-provisioning once that fires, and nothing for a claim that is Bound now', () => {
    const stuck = pvc({ name: 'data', phase: 'Pending', capacity: undefined });
    const report = analyze(withEvents(snapshotOf({ persistentVolumeClaims: [stuck] }), [failed(stuck)]));
    expect(codes(report)).toContain('pvc-pending-provisioning');
    expect(codes(report)).not.toContain('pvc-provisioning-failed');
    expect(only(report, 'pvc-pending-provisioning')[0].evidence?.[0]).toMatchObject({ reason: 'ProvisioningFailed', object: { kind: 'PersistentVolumeClaim', name: 'data' } });

    const { pvc: c, pv: v } = boundPair({ name: 'data' });
    const user = pod({ name: 'app-1', claims: ['data'] });
    expect(codes(analyze(withEvents(snapshotOf({ pods: [user], persistentVolumeClaims: [c], persistentVolumes: [v] }), [failed(c)])))).toEqual([]);
  });
});

describe('pvc-resize-failed', () => {
  const resizing = (since: number) =>
    boundPair({ name: 'data', requestedStorage: '20Gi', capacity: '10Gi', conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: ago(since) }] });
  const resizeFailed = (c: ReturnType<typeof pvc>) =>
    claimEvent(c, { reason: 'VolumeResizeFailed', source: 'external-resizer ebs.csi.aws.com', message: 'resize volume "pvc-1" by resizer "ebs.csi.aws.com" failed: rpc error: code = Internal desc = quota' });

  it('fires while a young resize has already failed at the backend', () => {
    const { pvc: c, pv: v } = resizing(MINUTE);
    const report = analyze(withEvents(snapshotOf({ persistentVolumeClaims: [c], persistentVolumes: [{ ...v, capacity: '10Gi' }] }), [resizeFailed(c)]));
    expect(only(report, 'pvc-resize-failed')[0].message).toContain('asks for 20Gi but has 10Gi');
  });

  it('look-alike: the claim has its size now; and an old resize is pvc-resize-pending with the event as evidence', () => {
    const grown = boundPair({ name: 'data', requestedStorage: '20Gi', capacity: '20Gi' });
    const user = pod({ name: 'app-1', claims: ['data'] });
    expect(codes(analyze(withEvents(snapshotOf({ pods: [user], persistentVolumeClaims: [grown.pvc], persistentVolumes: [grown.pv] }), [resizeFailed(grown.pvc)])))).toEqual([]);
    const { pvc: c, pv: v } = resizing(HOUR / 2);
    const report = analyze(withEvents(snapshotOf({ persistentVolumeClaims: [c], persistentVolumes: [{ ...v, capacity: '10Gi' }] }), [resizeFailed(c)]));
    expect(codes(report)).not.toContain('pvc-resize-failed');
    expect(report.findings.find((f) => f.evidence?.some((e) => e.reason === 'VolumeResizeFailed'))?.code).toMatch(/^pvc-resize-pending$|^pvc-capacity-below-request$/);
  });
});

describe('StatefulSet ordinals', () => {
  it('join the events of an ordinal to its not-Ready finding and show the newest one per ordinal', () => {
    const sts = statefulSet({ name: 'web', namespace: 'shop', replicas: 2, templates: ['data'], podManagementPolicy: 'Parallel' });
    const web0 = statefulSetPod(sts, 0);
    const web1 = statefulSetPod(sts, 1, {
      ready: false,
      containers: [{ name: 'app', ready: false, restartCount: 9, state: 'waiting', reason: 'CrashLoopBackOff', lastTerminationReason: 'Error', lastTerminationExitCode: 137 }],
    });
    const claims = [0, 1].map((i) => boundPair({ name: `data-web-${i}`, namespace: 'shop' }));
    const unhealthy = podEvent(web1, { container: 'app', count: 30, lastAgo: 20 });
    const report = analyze(
      withEvents(
        snapshotOf({ statefulSets: [sts], pods: [web0, web1], persistentVolumeClaims: claims.map((c) => c.pvc), persistentVolumes: claims.map((c) => c.pv) }),
        [unhealthy, claimEvent(claims[0].pvc, { reason: 'VolumeResizeFailed', message: 'old trouble', lastAgo: 2 * HOUR })],
      ),
    );
    const [view] = report.statefulSets;
    expect(view.ordinals[1].latestEvent).toMatchObject({ reason: 'Unhealthy', count: 30, object: { kind: 'Pod', name: 'web-1', namespace: 'shop' }, container: 'app' });
    expect(view.ordinals[0].latestEvent).toBeUndefined();
    const explained = report.findings.filter((f) => f.evidence?.some((e) => e.object.name === 'web-1'));
    expect(explained.map((f) => f.code).sort()).toEqual(expect.arrayContaining(['sts-ordinal-not-ready']));
  });
});
