// Warning events cost one LIST per run (fieldSelector type=Warning, paginated like every kind), are "not read"
// when forbidden (never "no problems"), and give the same report from a dump, in either Event API's shape.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, type Snapshot, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { FIXTURE_TIME, list, pod, sampleCluster, warningEvent, type RawObject } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig, type FakeApiServerOptions } from '../../../test/msw';
import { collectSnapshot } from './collectSnapshot';
import { connect } from './connection';
import { loadDump } from './dump/loadDump';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-events-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(Date.parse(FIXTURE_TIME) + 60_000);
const minutesBefore = (m: number): string => new Date(Date.parse(FIXTURE_TIME) - m * 60_000).toISOString().replace('.000Z', 'Z');

/** db-1 of sampleCluster crash-loops; the kubelet says why. Plus noise the read must not keep. */
function events(modern = false): RawObject[] {
  const db1 = sampleCluster().find((o) => o.kind === 'Pod' && o.metadata.name === 'db-1')!;
  const web = sampleCluster().find((o) => o.kind === 'Pod' && o.metadata.name === 'web-5d8f7-abcde')!;
  return [
    warningEvent(db1, 'Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500', { container: 'app', count: 21, lastTimestamp: minutesBefore(1), firstTimestamp: minutesBefore(40), modern }),
    warningEvent(db1, 'BackOff', 'Back-off restarting failed container app in pod db-1_data(x)', { container: 'app', count: 7, lastTimestamp: minutesBefore(2), modern }),
    warningEvent(web, 'Pulled', 'Container image "registry.example/app:1.0" already present on machine', { type: 'Normal', lastTimestamp: minutesBefore(1), modern }),
  ];
}

function run(options: FakeApiServerOptions) {
  const fake = harness.start(options);
  const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }), retry: { sleep: async () => {} } });
  return { fake, collect: () => collectSnapshot(conn, { pageSize: 2 }) };
}

const eventFindings = (r: StorageReport) => r.findings.filter((f) => f.evidence !== undefined).map((f) => [f.code, f.object.name]);

describe('Warning events in a live read', () => {
  it('are one paginated LIST with fieldSelector type=Warning: one request per page, nothing else', async () => {
    const many = Array.from({ length: 5 }, (_, i) => warningEvent(pod('shop', `w-${i}`), 'FailedMount', 'timed out waiting for the condition'));
    const { fake, collect } = run({ objects: [...sampleCluster(), ...events(), ...many] });
    const snapshot = await collect();
    const calls = fake.listCalls('events');
    // 7 Warning events at 2 per page: 4 pages, each filtered server-side; the Normal one never crosses the wire.
    expect(calls.map((c) => [c.path, c.query.fieldSelector])).toEqual(Array(4).fill(['/api/v1/events', 'type=Warning']));
    expect(snapshot.events.map((e) => e.reason).sort()).toEqual(['BackOff', 'FailedMount', ...Array(5).fill('FailedMount'), 'Unhealthy'].sort());
    expect(snapshot.observedKinds).toContain('events');

    // The same cluster without a single event costs exactly one request less per page of events read.
    const quiet = run({ objects: sampleCluster().filter((o) => o.kind !== 'Event') });
    await quiet.collect();
    expect(fake.requests.length - quiet.fake.requests.length).toBe(calls.length - 1);
    expect(quiet.fake.listCalls('events')).toHaveLength(1);
  });

  it('join the report: the crash-looping ordinal is explained by its liveness probe, with the kubelet\'s words', async () => {
    const report = analyze(await run({ objects: [...sampleCluster(), ...events()] }).collect(), { now: NOW });
    const db = report.statefulSets.find((s) => s.name === 'db')!;
    expect(db.ordinals[1].latestEvent).toMatchObject({ reason: 'Unhealthy', count: 21, container: 'app', object: { kind: 'Pod', name: 'db-1', namespace: 'data' } });
    expect(db.ordinals[0].latestEvent).toBeUndefined();
    const explained = report.findings.filter((f) => f.evidence?.some((e) => e.message.startsWith('Liveness probe failed')));
    expect(explained.map((f) => [f.code, f.object.name])).toEqual([
      ['pod-restart-loop', 'db-1'],
      ['sts-ordinal-not-ready', 'db'],
    ]);
  });

  it('forbidden: "not read", and the report draws nothing from their absence', async () => {
    const denied = analyze(await run({ objects: [...sampleCluster(), ...events()], behaviour: { forbidden: [{ kind: 'events', namespace: '*' }] } }).collect(), { now: NOW });
    expect(denied.incomplete.filter((e) => e.kind === 'events').map((e) => e.reason)).toContain('forbidden');
    expect(eventFindings(denied)).toEqual([]);
    expect(denied.statefulSets.flatMap((s) => s.ordinals).filter((o) => o.latestEvent)).toEqual([]);
    // Everything else is what a read without any event gives.
    const without = analyze(await run({ objects: sampleCluster().filter((o) => o.kind !== 'Event') }).collect(), { now: NOW });
    expect(denied.findings).toEqual(without.findings);
  });
});

describe('Warning events in a dump', () => {
  const strip = (s: Snapshot): Omit<Snapshot, 'source' | 'collectedAt'> => {
    const { source: _s, collectedAt: _c, ...rest } = s;
    return { ...rest, secrets: rest.secrets.map(({ meta }) => ({ meta })) };
  };

  it('give the same snapshot and report as the live read, the Normal ones dropped as the server would', async () => {
    const objects = [...sampleCluster(), ...events()];
    const live = await run({ objects }).collect();
    const dumped = loadDump([{ path: 'cluster.json', content: JSON.stringify(list(objects)) }]).snapshot;
    expect(dumped.events.map((e) => e.type)).toEqual(['Warning', 'Warning', 'Warning']);
    expect(strip(dumped)).toEqual(strip(live));
    const { generatedAt: _a, source: _b, ...fromDump } = analyze(dumped, { now: NOW });
    const { generatedAt: _c, source: _d, ...fromLive } = analyze(live, { now: NOW });
    expect(fromDump).toEqual(fromLive);
  });

  it('read events.k8s.io/v1 Events (regarding, note, series) like core/v1 ones', () => {
    const load = (modern: boolean) => analyze(loadDump([{ path: 'c.json', content: JSON.stringify(list([...sampleCluster(), ...events(modern)])) }]).snapshot, { now: NOW });
    const withoutTimes = (r: StorageReport) => r.findings.map((f) => ({ ...f, evidence: f.evidence?.map(({ lastSeen: _l, ...e }) => e) }));
    const [core, modern] = [load(false), load(true)];
    expect(eventFindings(modern).length).toBeGreaterThan(0);
    expect(withoutTimes(modern)).toEqual(withoutTimes(core));
  });
});
