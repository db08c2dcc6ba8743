// Probe configuration checks: a firing case and a look-alike for each code.
import { podEvent, withEvents } from '../__fixtures__/events';
import { ago, endpoint, endpointSlice, ingress, pod, snapshotOf, statefulSet } from '../__fixtures__/snapshot';
import type { ContainerProbes, ProbeSpec } from '../model/probes';
import type { StorageReport } from '../model/report';
import type { Pod, Snapshot, StatefulSet } from '../model/snapshot';
import { projectProbe } from '../projection/probes';
import { analyze } from './analyze';

const http = (path: string, more: Partial<ProbeSpec> = {}): ProbeSpec => ({
  handler: 'httpGet', path, port: 8080, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, ...more,
});
const good: ContainerProbes = { readiness: http('/ready'), liveness: http('/healthz', { failureThreshold: 6 }) };

const probeCodes = (r: StorageReport): string[] => r.findings.map((f) => f.code).filter((c) => c.startsWith('pod-probe-'));
const setWith = (probes: ContainerProbes | undefined, more: Partial<StatefulSet> = {}): StatefulSet =>
  statefulSet({ name: 'db', namespace: 'shop', templateContainers: [{ name: 'db', ...(probes ? { probes } : {}) }, { name: 'exporter', probes: good }], ...more });

describe('StatefulSet templates', () => {
  it('pod-probe-readiness-missing: an OrderedReady set whose container has no readiness probe', () => {
    const [f] = analyze(snapshotOf({ statefulSets: [setWith({ liveness: http('/healthz') })] })).findings.filter((x) => x.code === 'pod-probe-readiness-missing');
    expect(f).toMatchObject({
      severity: 'warning',
      object: { kind: 'StatefulSet', name: 'db', namespace: 'shop' },
      message: 'StatefulSet shop/db: container db has no readiness probe, so the next ordinal starts as soon as the process runs.',
      details: { containers: 'db' },
    });
  });

  it('look-alikes: Parallel with OnDelete waits for no Ready, a template read without containers says nothing', () => {
    const parallel = setWith(undefined, { podManagementPolicy: 'Parallel', updateStrategy: { type: 'OnDelete' } });
    expect(probeCodes(analyze(snapshotOf({ statefulSets: [parallel] })))).toEqual([]);
    expect(probeCodes(analyze(snapshotOf({ statefulSets: [statefulSet({ name: 'db' })] })))).toEqual([]);
    expect(probeCodes(analyze(snapshotOf({ statefulSets: [setWith(good)] })))).toEqual([]);
  });

  it('pod-probe-liveness-missing: readiness without liveness (info), quiet with both', () => {
    const report = analyze(snapshotOf({ statefulSets: [setWith({ readiness: http('/ready') })] }));
    expect(report.findings.filter((f) => f.code === 'pod-probe-liveness-missing').map((f) => [f.severity, f.details?.containers])).toEqual([['info', 'db']]);
  });

  it('pod-probe-liveness-same-as-readiness: one endpoint for both, failing no later', () => {
    const report = analyze(snapshotOf({ statefulSets: [setWith({ readiness: http('/health'), liveness: http('/health') })] }));
    const [f] = report.findings.filter((x) => x.code === 'pod-probe-liveness-same-as-readiness');
    expect(f.message).toContain("container db's liveness probe checks the same GET :8080/health as its readiness probe");
  });

  it('look-alikes: another path, or the same path with a longer liveness budget', () => {
    for (const liveness of [http('/livez'), http('/health', { failureThreshold: 10 })]) {
      expect(probeCodes(analyze(snapshotOf({ statefulSets: [setWith({ readiness: http('/health'), liveness })] })))).toEqual([]);
    }
  });
});

describe('pod-probe-liveness-no-startup', () => {
  // Budget: initialDelaySeconds 5 + 3 × 10 s = 35 s.
  const liveness = http('/healthz', { initialDelaySeconds: 5 });
  const killed = (ranSeconds: number, probes: ContainerProbes = { readiness: http('/ready'), liveness }): Pod =>
    pod({
      name: 'db-0',
      claims: ['data-db-0'],
      containers: [
        { name: 'db', ready: true, restartCount: 4, state: 'running', lastTerminationReason: 'Error', lastTerminationExitCode: 137, lastTerminationStartedAt: ago(600 + ranSeconds), lastTerminationTime: ago(600), probes },
      ],
    });
  const run = (p: Pod, events = [podEvent(p, { container: 'db' })]): StorageReport => analyze(withEvents(snapshotOf({ pods: [p] }), events));

  it('fires when the kubelet reported liveness failures and the last run ended at the liveness budget', () => {
    const [f] = run(killed(38)).findings.filter((x) => x.code === 'pod-probe-liveness-no-startup');
    expect(f.message).toBe(
      'Pod default/db-0: container db ran 38s before its last restart, the liveness budget (initialDelaySeconds 5 + 3 × 10s = 35s) ' +
        'of GET :8080/healthz, with no startupProbe: the restarts show it needs longer than 35s to start.',
    );
    expect(f.evidence?.[0]).toMatchObject({ reason: 'Unhealthy', container: 'db' });
  });

  it('look-alikes: a startupProbe, a run that crashed long after the budget, no liveness events', () => {
    expect(probeCodes(run(killed(38, { readiness: http('/ready'), liveness, startup: http('/healthz', { failureThreshold: 30 }) })))).toEqual([]);
    expect(probeCodes(run(killed(3600)))).toEqual([]);
    expect(probeCodes(run(killed(38), []))).toEqual([]);
  });
});

describe('pods behind an Ingress', () => {
  const behind = (pods: Pod[]): Snapshot =>
    snapshotOf({
      pods,
      ingresses: [ingress({ name: 'web' })],
      endpointSlices: [endpointSlice({ serviceName: 'web', endpoints: pods.map((p) => endpoint({ podName: p.meta.name })) })],
    });

  it('pod-probe-readiness-missing once per controller, naming how many pods', () => {
    const pods = [1, 2, 3].map((i) => pod({ name: `web-5d-${i}`, owner: ['ReplicaSet', 'web-5d'] }));
    const found = analyze(behind(pods)).findings.filter((f) => f.code === 'pod-probe-readiness-missing');
    expect(found.map((f) => [f.object, f.message])).toEqual([
      [{ kind: 'ReplicaSet', name: 'web-5d', namespace: 'default' }, '3 pods of ReplicaSet default/web-5d: container app has no readiness probe, so the Ingress sends it traffic as soon as the process runs.'],
    ]);
  });

  it('look-alike: the same pods when no Ingress routes to them', () => {
    const pods = [1, 2].map((i) => pod({ name: `web-5d-${i}`, owner: ['ReplicaSet', 'web-5d'] }));
    expect(probeCodes(analyze(snapshotOf({ pods })))).toEqual([]);
  });

  it('pod-probe-liveness-restart-never: a bare pod with restartPolicy Never; quiet with Always', () => {
    const withProbes = (restartPolicy?: string): Pod =>
      pod({ name: 'web', restartPolicy, containers: [{ name: 'app', ready: true, restartCount: 0, state: 'running', probes: good }] });
    expect(probeCodes(analyze(behind([withProbes('Never')])))).toEqual(['pod-probe-liveness-restart-never']);
    expect(probeCodes(analyze(behind([withProbes(undefined)])))).toEqual([]);
  });
});

describe('projectProbe', () => {
  it('applies the API defaults and keeps the target as written', () => {
    expect(projectProbe({ httpGet: { port: 'http' } })).toEqual({ handler: 'httpGet', path: '/', port: 'http', initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 });
    expect(projectProbe({ exec: { command: ['pg_isready', '-U', 'app'] }, periodSeconds: -5, failureThreshold: 1.5 })).toMatchObject({ handler: 'exec', command: 'pg_isready -U app', periodSeconds: 10, failureThreshold: 3 });
    expect(projectProbe({ grpc: { port: 9090, service: 'health' } })).toMatchObject({ handler: 'grpc', port: 9090, service: 'health' });
  });
});

describe('pod-probe-liveness-missing is about StatefulSets', () => {
  it('look-alike: Deployment pods behind an Ingress with readiness and no liveness', () => {
    const pods = [1, 2].map((i) =>
      pod({ name: `web-5d-${i}`, owner: ['ReplicaSet', 'web-5d'], containers: [{ name: 'app', ready: true, restartCount: 0, state: 'running', probes: { readiness: http('/ready') } }] }),
    );
    const snapshot = snapshotOf({ pods, ingresses: [ingress({ name: 'web' })], endpointSlices: [endpointSlice({ serviceName: 'web', endpoints: pods.map((p) => endpoint({ podName: p.meta.name })) })] });
    expect(probeCodes(analyze(snapshot))).toEqual([]);
  });
});
