// `kubectl storage sts` and `ingress` on hostile or partial input: an unread kind is printed as "not read", never as
// missing, an absurd spec.replicas is named and counted instead of enumerated, and a path no controller serves is
// not printed OK.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import Ingress from '../../cli/src/commands/ingress';
import Orphans from '../../cli/src/commands/orphans';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import { clusterItems, NOW } from './support/cluster';
import { runCli } from './support/runCli';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-sts-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let files = 0;
function dump(change: (items: RawObject[]) => RawObject[] | void): string {
  const items = clusterItems();
  const changed = change(items) ?? items;
  const file = path.join(tmp, `dump-${files++}.json`);
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: changed }));
  return file;
}

function set(items: RawObject[], namespace: string, name: string): RawObject & Record<string, any> {
  const o = items.find((i) => i.kind === 'StatefulSet' && i.metadata.namespace === namespace && i.metadata.name === name);
  if (!o) throw new Error(`StatefulSet ${namespace}/${name} not in the test cluster`);
  return o as RawObject & Record<string, any>;
}

describe('sts: the governing Service', () => {
  it('prints "not read" when the dump has no Services, never "missing"', async () => {
    const file = dump((items) => items.filter((i) => i.kind !== 'Service'));
    const run = await runCli(Sts, ['-f', file, '-A', '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('zookeeper-headless (not read)');
    expect(run.stdout).not.toContain('(missing)');
    const json = JSON.parse((await runCli(Report, ['-f', file, '-A', '--now', NOW, '-o', 'json'])).stdout);
    const zk = (json.statefulSets as { name: string; serviceStatus?: string; serviceHeadless: unknown }[]).find((s) => s.name === 'zookeeper');
    expect(zk).toMatchObject({ serviceStatus: 'not-read', serviceHeadless: null });
  });

  it('prints "missing" when Services were read and the one named is not there', async () => {
    const run = await runCli(Sts, ['-f', dump(() => undefined), '-A', '--now', NOW]);
    expect(run.stdout).toContain('zookeeper-headless (missing)');
  });
});

describe('sts: spec.replicas 2147483647 (valid int32)', () => {
  const huge = () =>
    dump((items) => {
      set(items, 'data', 'db').spec.replicas = 2147483647;
    });

  it('finishes, names the value and counts the ordinals without objects in one line', async () => {
    const run = await runCli(Sts, ['db', '-f', huge(), '-n', 'data', '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Replicas:');
    expect(run.stdout).toContain('2147483647 desired');
    expect(run.stdout).toMatch(/Not listed: 2147483\d+ more ordinals without a pod or claim \(Missing\): \d+-2147483646/);
    // One row per ordinal that has objects plus at most 100 Missing rows: nowhere near 2 billion lines.
    expect(run.stdout.split('\n').length).toBeLessThan(200);
  });

  it('report and orphans finish on it too', async () => {
    const file = huge();
    const report = await runCli(Report, ['-f', file, '-n', 'data', '--now', NOW, '-o', 'json']);
    expect(report.exitCode).toBe(0);
    const db = JSON.parse(report.stdout).statefulSets.find((s: { name: string }) => s.name === 'db');
    expect(db.ordinalsElided.count).toBeGreaterThan(2147483000);
    expect(db.ordinals.length).toBeLessThanOrEqual(110);
    const orphans = await runCli(Orphans, ['-f', file, '-n', 'data', '--now', NOW]);
    expect(orphans.exitCode).toBe(0);
  });
});

describe('sts: spec.replicas -3', () => {
  it('is printed as invalid and never counted healthy', async () => {
    const file = dump((items) => {
      set(items, 'data', 'db').spec.replicas = -3;
    });
    const list = await runCli(Sts, ['-f', file, '-n', 'data', '--now', NOW]);
    expect(list.stdout).toMatch(/db\s+\d+\/-3 \(invalid\)/);
    const report = JSON.parse((await runCli(Report, ['-f', file, '-n', 'data', '--now', NOW, '-o', 'json'])).stdout);
    expect(report.findings.map((f: { code: string; object: { name: string } }) => `${f.code} ${f.object.name}`)).toContain('sts-replicas-invalid db');
    expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('sts-leftover-claims');
    expect(report.statefulSets.find((s: { name: string }) => s.name === 'db').replicasValid).toBe(false);
  });
});

describe('ingress: paths that answer nothing, and endpoints not read', () => {
  it('prints NoController for the paths of an Ingress with an unknown class, and counts them failing', async () => {
    const run = await runCli(Ingress, ['-f', dump(() => undefined), '-n', 'shop', '--now', NOW]);
    expect(run.stdout).toMatch(/legacy-shop .* NoController/);
    const report = JSON.parse((await runCli(Report, ['-f', dump(() => undefined), '-n', 'shop', '--now', NOW, '-o', 'json'])).stdout);
    const legacy = report.ingresses.find((p: { ingress: string }) => p.ingress === 'legacy-shop');
    expect(legacy).toMatchObject({ status: 'NoController', backendStatus: 'OK' });
    const failing = report.ingresses.filter((p: { status: string }) => ['NoReadyEndpoints', 'ServiceMissing', 'PortMissing', 'NoController'].includes(p.status));
    expect(report.summary.ingresses.failingPaths).toBe(failing.length);
  });

  it('prints "not read" for endpoints and status Unknown when the dump has no EndpointSlices or Endpoints', async () => {
    const file = dump((items) => items.filter((i) => i.kind !== 'EndpointSlice' && i.kind !== 'Endpoints'));
    const run = await runCli(Ingress, ['-f', file, '-n', 'shop', '--now', NOW]);
    expect(run.stdout).toMatch(/search\s+search\.shop\.example\.com\s+\/\s+search:80\s+not read\s+Unknown/);
    expect(run.stdout).not.toContain('NoReadyEndpoints');
  });
});
