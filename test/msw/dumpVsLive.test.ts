// The offline promise: a dump and a live collection of the same objects give the same snapshot, and so the
// same report. Compared after dropping what must differ: where the data came from and when.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { analyze, type Snapshot, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { collectSnapshot, connect, loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { list, pod, sampleCluster, statefulSetPod, type RawObject } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer } from './setup';
import { writeKubeconfig } from './kubeconfig';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dump-vs-live-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const objects = (): RawObject[] => [
  ...sampleCluster(),
  // Enough pods for several pages, and a second StatefulSet pod on the other node.
  ...Array.from({ length: 17 }, (_, i) => pod('shop', `worker-${i}`, { nodeName: 'node-b', labels: { app: 'worker' } })),
  statefulSetPod('data', 'db', 2, { templates: ['data'], phase: 'Pending', unschedulableMessage: '0/2 nodes are available' }),
];

/**
 * What may differ: source and time, and Secret types (a live run lists secrets as metadata only, which has no
 * type; a dump carries the whole Secret).
 */
function comparable(s: Snapshot): Omit<Snapshot, 'source' | 'collectedAt'> {
  const { source: _s, collectedAt: _c, ...rest } = s;
  return { ...rest, secrets: rest.secrets.map(({ meta }) => ({ meta })) };
}

function comparableReport(r: StorageReport): Omit<StorageReport, 'source' | 'generatedAt'> {
  const { source: _s, generatedAt: _g, ...rest } = r;
  return rest;
}

async function live(): Promise<Snapshot> {
  const fake = harness.start({ objects: objects(), behaviour: { pageSizeMax: 7 } });
  const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }) });
  const snapshot = await collectSnapshot(conn, { pageSize: 5 });
  expect(fake.listCalls('pods').length).toBeGreaterThan(1);
  return snapshot;
}

describe('a dump and a live collection of the same objects', () => {
  it('give the same snapshot and the same report (JSON List dump)', async () => {
    const fromCluster = await live();
    const fromDump = loadDump([{ path: 'cluster.json', content: JSON.stringify(list(objects())) }]).snapshot;

    expect(fromDump.pods.length).toBe(21);
    expect(comparable(fromDump)).toEqual(comparable(fromCluster));

    const now = new Date('2024-06-01T00:00:00Z');
    const liveReport = analyze(fromCluster, { now });
    const dumpReport = analyze(fromDump, { now });
    expect(liveReport.findings.length).toBeGreaterThan(0);
    expect(comparableReport(dumpReport)).toEqual(comparableReport(liveReport));
  });

  it('give the same snapshot from multi-document YAML split over several files', async () => {
    const all = objects();
    const half = Math.floor(all.length / 2);
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    fs.writeFileSync(a, all.slice(0, half).map((o) => dump(o)).join('---\n'));
    fs.writeFileSync(b, dump(list(all.slice(half))));
    const fromDump = loadDump([a, b]).snapshot;
    expect(comparable(fromDump)).toEqual(comparable(await live()));
  });
});
