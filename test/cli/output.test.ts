// -o json / -o yaml: the report command prints exactly one StorageReport (the core's type, unchanged); views
// print their slice of it. Checked against the core's own analyze() of the same dump.
import { load } from 'js-yaml';
import { loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { analyze, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import Ingress from '../../cli/src/commands/ingress';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
import Explain from '../../cli/src/commands/explain';
import { NOW, useClusterDump } from './support/cluster';
import { runCli } from './support/runCli';

const cluster = useClusterDump();
const dump = () => ['-f', cluster.file, '--now', NOW];

describe('report -o json', () => {
  it('prints exactly one StorageReport, equal to what the core concludes from the same dump', async () => {
    const run = await runCli(Report, ['-o', 'json', ...dump()]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout) as StorageReport;
    const expected = analyze(loadDump([cluster.file]).snapshot, { now: new Date(NOW) });
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.apiVersion).toBe('kubectl-storage.io/v1alpha1');
    expect(printed.kind).toBe('StorageReport');
    expect(run.stdout.endsWith('}\n')).toBe(true);
  });

  it('every finding follows the contract: code, severity, object, message; most severe first', async () => {
    const report = JSON.parse((await runCli(Report, ['-o', 'json', ...dump()])).stdout) as StorageReport;
    expect(report.findings.length).toBeGreaterThan(20);
    const rank = { critical: 0, warning: 1, info: 2 };
    for (const f of report.findings) {
      expect(f.code).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(['critical', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.object.kind).toBe('string');
      expect(typeof f.object.name).toBe('string');
      expect(f.message.length).toBeGreaterThan(10);
    }
    const ranks = report.findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('-o yaml is the same report in YAML', async () => {
    const json = JSON.parse((await runCli(Report, ['-o', 'json', ...dump()])).stdout);
    const yaml = await runCli(Report, ['-o', 'yaml', ...dump()]);
    expect(yaml.exitCode).toBe(0);
    expect(yaml.stdout.startsWith('apiVersion: kubectl-storage.io/v1alpha1\nkind: StorageReport\n')).toBe(true);
    expect(load(yaml.stdout)).toEqual(json);
  });

  it('records the scope it was cut to', async () => {
    const report = JSON.parse((await runCli(Report, ['-o', 'json', '-n', 'shop', '-l', 'app=web', ...dump()])).stdout) as StorageReport;
    expect(report.scope).toEqual({ namespaces: ['shop'], selector: 'app=web' });
    expect(report.claims.map((c) => c.name).sort()).toEqual(['data-web-0', 'data-web-1']);
  });
});

describe('view commands -o json', () => {
  it('pv: {volumes, findings, incomplete} with only the findings about the listed volumes', async () => {
    const out = JSON.parse((await runCli(Pv, ['-o', 'json', '--phase', 'Released', ...dump()])).stdout);
    expect(Object.keys(out)).toEqual(['volumes', 'findings', 'incomplete']);
    expect(out.volumes.length).toBe(2);
    expect(out.volumes.every((v: { phase: string }) => v.phase === 'Released')).toBe(true);
    const names = new Set(out.volumes.map((v: { name: string }) => v.name));
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      expect(f.object.kind).toBe('PersistentVolume');
      expect(names.has(f.object.name)).toBe(true);
    }
  });

  it('pv --orphaned lists exactly the volumes with pv-released-retain', async () => {
    const out = JSON.parse((await runCli(Pv, ['-o', 'json', '--orphaned', ...dump()])).stdout);
    expect(out.volumes.map((v: { claim: string }) => v.claim)).toEqual(['data/data-db-4']);
    expect(out.findings.map((f: { code: string }) => f.code)).toEqual(['pv-released-retain']);
  });

  it('pvc: claims of the namespace only', async () => {
    const out = JSON.parse((await runCli(Pvc, ['-o', 'json', '-n', 'data', ...dump()])).stdout);
    expect(out.claims.length).toBeGreaterThan(5);
    expect(out.claims.every((c: { namespace: string }) => c.namespace === 'data')).toBe(true);
    expect(out.findings.every((f: { object: { namespace: string } }) => f.object.namespace === 'data')).toBe(true);
  });

  it('sts NAME: one entry with one ordinal per pod, and the findings about the set', async () => {
    const out = JSON.parse((await runCli(Sts, ['web', '-n', 'shop', '-o', 'json', ...dump()])).stdout);
    expect(out.statefulSets).toHaveLength(1);
    expect(out.statefulSets[0].ordinals.map((o: { podName: string; status: string }) => `${o.podName}:${o.status}`)).toEqual([
      'web-0:Ready',
      'web-1:NotReady',
      'web-2:Missing',
    ]);
    expect(out.findings.map((f: { code: string }) => f.code)).toContain('sts-rollout-blocked');
  });

  it('ingress: one entry per host/path with endpoint counts', async () => {
    const out = JSON.parse((await runCli(Ingress, ['storefront', '-n', 'shop', '-o', 'json', ...dump()])).stdout);
    const api = out.ingresses.find((p: { path: string }) => p.path === '/api');
    expect(api).toMatchObject({ service: 'api', port: 'http', readyEndpoints: 0, notReadyEndpoints: 1, status: 'NoReadyEndpoints' });
  });

  it('orphans: each with size, age and the exact kubectl commands', async () => {
    const out = JSON.parse((await runCli(Orphans, ['-o', 'json', ...dump()])).stdout);
    const byName = Object.fromEntries(out.orphans.map((o: { name: string }) => [o.name, o]));
    expect(byName['data-db-3']).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'data', size: '50Gi', category: 'leftover-claim' });
    expect(byName['data-db-3'].commands[0]).toBe('kubectl delete pvc data-db-3 -n data');
    expect(byName['scratch-2024'].commands).toEqual(['kubectl delete pvc scratch-2024 -n shop']);
    const released = out.orphans.find((o: { category: string }) => o.category === 'released-volume');
    expect(released.commands).toContain(`kubectl delete pv ${released.name}`);
    expect(released.ageSeconds).toBeGreaterThan(0);
  });

  it('explain -o json prints the catalog entry', async () => {
    const out = JSON.parse((await runCli(Explain, ['pvc-lost', '-o', 'json'])).stdout);
    expect(out).toMatchObject({ code: 'pvc-lost', severity: 'critical', area: 'PersistentVolumeClaim' });
  });
});
