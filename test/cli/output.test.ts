// -o json / -o yaml: the report command prints exactly one StorageReport (the core's type, unchanged); views
// print their slice of it as a list document (apiVersion, kind, items, findings, incomplete). Checked against the
// core's own analyze() of the same dump. Then kubectl's other formats: name, jsonpath, custom-columns, --sort-by.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { analyze, commandTargetFor, quantityBytes, targetReport, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
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
    // The same, with every hint's kubectl command aimed at the dump's (placeholder) context.
    expect(printed).toEqual(JSON.parse(JSON.stringify(targetReport(expected, commandTargetFor(expected.source)))));
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
  it('pv: a PersistentVolumeList {items, findings, incomplete} with only the findings about the listed volumes', async () => {
    const out = JSON.parse((await runCli(Pv, ['-o', 'json', '--phase', 'Released', ...dump()])).stdout);
    expect(Object.keys(out)).toEqual(['apiVersion', 'kind', 'items', 'findings', 'incomplete']);
    expect(out).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'PersistentVolumeList' });
    expect(out.items.length).toBe(2);
    expect(out.items.every((v: { phase: string }) => v.phase === 'Released')).toBe(true);
    const names = new Set(out.items.map((v: { name: string }) => v.name));
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      expect(f.object.kind).toBe('PersistentVolume');
      expect(names.has(f.object.name)).toBe(true);
    }
  });

  it('pv --orphaned lists exactly the volumes with pv-released-retain', async () => {
    const out = JSON.parse((await runCli(Pv, ['-o', 'json', '--orphaned', ...dump()])).stdout);
    expect(out.items.map((v: { claim: string }) => v.claim)).toEqual(['data/data-db-4']);
    expect(out.findings.map((f: { code: string }) => f.code)).toEqual(['pv-released-retain']);
  });

  it('pvc: claims of the namespace only', async () => {
    const out = JSON.parse((await runCli(Pvc, ['-o', 'json', '-n', 'data', ...dump()])).stdout);
    expect(out.kind).toBe('PersistentVolumeClaimList');
    expect(out.items.length).toBeGreaterThan(5);
    expect(out.items.every((c: { namespace: string }) => c.namespace === 'data')).toBe(true);
    expect(out.findings.every((f: { object: { namespace: string } }) => f.object.namespace === 'data')).toBe(true);
  });

  it('sts NAME: one entry with one ordinal per pod, and the findings about the set', async () => {
    const out = JSON.parse((await runCli(Sts, ['web', '-n', 'shop', '-o', 'json', ...dump()])).stdout);
    expect(out.kind).toBe('StatefulSetList');
    expect(out.items).toHaveLength(1);
    expect(out.items[0].ordinals.map((o: { podName: string; status: string }) => `${o.podName}:${o.status}`)).toEqual([
      'web-0:Ready',
      'web-1:NotReady',
      'web-2:Missing',
    ]);
    expect(out.findings.map((f: { code: string }) => f.code)).toContain('sts-rollout-blocked');
  });

  it('ingress: one entry per host/path with endpoint counts', async () => {
    const out = JSON.parse((await runCli(Ingress, ['storefront', '-n', 'shop', '-o', 'json', ...dump()])).stdout);
    expect(out.kind).toBe('IngressPathList');
    const api = out.items.find((p: { path: string }) => p.path === '/api');
    expect(api).toMatchObject({ service: 'api', port: 'http', readyEndpoints: 0, notReadyEndpoints: 1, status: 'NoReadyEndpoints' });
  });

  it('orphans: each with size, age and the exact kubectl commands', async () => {
    const out = JSON.parse((await runCli(Orphans, ['-o', 'json', ...dump()])).stdout);
    expect(out.kind).toBe('OrphanList');
    const byName = Object.fromEntries(out.items.map((o: { name: string }) => [o.name, o]));
    expect(byName['data-db-3']).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'data', size: '50Gi', category: 'leftover-claim' });
    // From a dump, every command targets a placeholder context the user fills in (never the current context).
    const kubectl = "kubectl --context '<context-of-the-dump>'";
    expect(byName['data-db-3'].commands[0]).toBe(`${kubectl} delete pvc data-db-3 -n data`);
    expect(byName['scratch-2024'].commands).toEqual([`${kubectl} delete pvc scratch-2024 -n shop`]);
    const released = out.items.find((o: { category: string }) => o.category === 'released-volume');
    expect(released.commands).toContain(`${kubectl} delete pv ${released.name}`);
    expect(released.ageSeconds).toBeGreaterThan(0);
  });

  it('explain -o json prints the catalog entry', async () => {
    const out = JSON.parse((await runCli(Explain, ['pvc-lost', '-o', 'json'])).stdout);
    expect(out).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'CatalogEntry', code: 'pvc-lost', severity: 'critical', area: 'PersistentVolumeClaim' });
    const all = JSON.parse((await runCli(Explain, ['-o', 'json'])).stdout);
    expect(all.kind).toBe('FindingCatalog');
    expect(all.items.map((e: { code: string }) => e.code)).toContain('pvc-lost');
  });
});

const json = async (command: Parameters<typeof runCli>[0], argv: string[]) => JSON.parse((await runCli(command, [...argv, '-o', 'json', ...dump()])).stdout);
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('-o name (kind/name lines, as kubectl get -o name)', () => {
  it('pv and pvc: one line per listed object, in the list order', async () => {
    const pv = await runCli(Pv, ['-o', 'name', ...dump()]);
    expect(pv.exitCode).toBe(0);
    const volumes = (await json(Pv, [])).items as { name: string }[];
    expect(lines(pv.stdout)).toEqual(volumes.map((v) => `persistentvolume/${v.name}`));
    const pvc = await runCli(Pvc, ['-n', 'data', '-o', 'name', ...dump()]);
    expect(lines(pvc.stdout)).toContain('persistentvolumeclaim/data-db-3');
    expect(lines(pvc.stdout).every((l) => l.startsWith('persistentvolumeclaim/'))).toBe(true);
  });

  it('sts and ingress: API-group-qualified kinds, one line per Ingress however many paths it has', async () => {
    expect(lines((await runCli(Sts, ['-n', 'shop', '-o', 'name', ...dump()])).stdout)).toContain('statefulset.apps/web');
    const ingress = lines((await runCli(Ingress, ['-n', 'shop', '-o', 'name', ...dump()])).stdout);
    const paths = (await json(Ingress, ['-n', 'shop'])).items as { ingress: string }[];
    expect(ingress).toEqual([...new Set(paths.map((p) => `ingress.networking.k8s.io/${p.ingress}`))]);
    expect(paths.length).toBeGreaterThan(ingress.length);
  });

  it('report: the objects its findings are about, each once; orphans: what to clean up; explain: the codes', async () => {
    const report = (await json(Report, [])) as StorageReport;
    const names = lines((await runCli(Report, ['-o', 'name', ...dump()])).stdout);
    expect(names.length).toBe(new Set(report.findings.map((f) => `${f.object.kind}/${f.object.namespace}/${f.object.name}`)).size);
    expect(names).toEqual(expect.arrayContaining(['statefulset.apps/web', 'persistentvolumeclaim/reports']));
    expect(names.some((n) => n.startsWith('storageclass.storage.k8s.io/'))).toBe(true);
    const orphans = lines((await runCli(Orphans, ['-o', 'name', ...dump()])).stdout);
    expect(orphans).toContain('persistentvolumeclaim/data-db-3');
    expect(orphans.some((n) => n.startsWith('persistentvolume/'))).toBe(true);
    expect(lines((await runCli(Explain, ['-o', 'name'])).stdout)).toContain('pv-released-retain');
  });
});

describe('-o jsonpath (kubectl template syntax)', () => {
  it('{.items[*].name} prints the names space-separated, like kubectl', async () => {
    const run = await runCli(Pv, ['-o', 'jsonpath={.items[*].name}', ...dump()]);
    expect(run.exitCode).toBe(0);
    const volumes = (await json(Pv, [])).items as { name: string }[];
    expect(run.stdout.trim()).toBe(volumes.map((v) => v.name).join(' '));
  });

  it('{range}...{end} with string literals, a filter, and $ for the document root inside a range', async () => {
    const template = '{range .items[?(@.phase=="Bound")]}{$.kind} {.namespace}/{.name}{"\\t"}{.capacity}{"\\n"}{end}';
    const run = await runCli(Pvc, ['-n', 'data', '-o', `jsonpath=${template}`, ...dump()]);
    expect(run.exitCode).toBe(0);
    const claims = ((await json(Pvc, ['-n', 'data'])).items as { namespace: string; name: string; phase: string; capacity?: string }[]).filter((c) => c.phase === 'Bound');
    expect(claims.length).toBeGreaterThan(2);
    expect(run.stdout).toBe(claims.map((c) => `PersistentVolumeClaimList ${c.namespace}/${c.name}\t${c.capacity ?? ''}\n`).join(''));
  });

  it('reads the report like its JSON, objects as compact JSON', async () => {
    const report = (await json(Report, [])) as StorageReport;
    const run = await runCli(Report, ['-o', 'jsonpath={.summary.findings.critical} {.scope}{.summary.claims}', ...dump()]);
    expect(run.stdout.trim()).toBe(`${report.summary.findings.critical} ${JSON.stringify(report.summary.claims)}`);
  });

  it('-o jsonpath-file reads the template from a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-jsonpath-'));
    try {
      const file = path.join(dir, 'names.tmpl');
      fs.writeFileSync(file, '{range .items[*]}{.name}{"\\n"}{end}');
      const run = await runCli(Sts, ['-n', 'shop', '-o', `jsonpath-file=${file}`, ...dump()]);
      expect(lines(run.stdout)).toContain('web');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an unclosed action', 'jsonpath={.items[*].name', /unclosed action/],
    ['a range without end', 'jsonpath={range .items[*]}{.name}', /range\} without an \{end\}/],
    ['no template', 'jsonpath', /no template given/],
    ['a missing template file', 'jsonpath-file=/nonexistent/t.tmpl', /file not found/],
  ])('%s is a usage error (exit 2, one line)', async (_what, format, message) => {
    const run = await runCli(Pv, ['-o', format, ...dump()]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown -o format lists the allowed ones', async () => {
    const run = await runCli(Pv, ['-o', 'xml', ...dump()]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error: unable to match a printer suitable for the output format "xml", allowed formats are: .*custom-columns/);
  });
});

describe('-o custom-columns', () => {
  it('prints the asked paths under the given headers, <none> where a row has no value', async () => {
    const run = await runCli(Pv, ['-o', 'custom-columns=NAME:.name,CLAIM:.claim,BYTES:{.capacityBytes}', ...dump()]);
    expect(run.exitCode).toBe(0);
    const volumes = (await json(Pv, [])).items as { name: string; claim?: string; capacityBytes?: number }[];
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^NAME\s+CLAIM\s+BYTES$/);
    expect(out.slice(1).map((l) => l.split(/\s+/))).toEqual(volumes.map((v) => [v.name, v.claim ?? '<none>', String(v.capacityBytes ?? '<none>')]));
    expect(volumes.some((v) => v.claim === undefined)).toBe(true);
  });

  it('report: one row per finding; --no-headers drops the header; a column without a path is a usage error', async () => {
    const report = (await json(Report, [])) as StorageReport;
    const run = await runCli(Report, ['-o', 'custom-columns=CODE:.code,KIND:.object.kind', '--no-headers', ...dump()]);
    expect(lines(run.stdout).map((l) => l.split(/\s+/))).toEqual(report.findings.map((f) => [f.code, f.object.kind]));
    const bad = await runCli(Report, ['-o', 'custom-columns=CODE', ...dump()]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/expected HEADER:PATH/);
  });
});

describe('--sort-by', () => {
  it('orders the list by a number, the table and the JSON alike', async () => {
    const sorted = (await json(Pv, ['--sort-by', '.capacityBytes'])).items as { name: string; capacityBytes?: number }[];
    const sizes = sorted.map((v) => v.capacityBytes).filter((b): b is number => b !== undefined);
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    const table = lines((await runCli(Pv, ['--sort-by', '{.capacityBytes}', '--no-headers', ...dump()])).stdout);
    expect(table.map((l) => l.split(/\s+/)[0])).toEqual(sorted.map((v) => v.name));
  });

  it('compares Kubernetes quantities by value (2Gi before 10Gi) and puts rows without the field last', async () => {
    const sorted = (await json(Pvc, ['-A', '--sort-by=.capacity'])).items as { capacity?: string }[];
    const bytes = sorted.map((c) => c.capacity).filter((q): q is string => q !== undefined).map((q) => quantityBytes(q) ?? NaN);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    const missing = sorted.findIndex((c) => c.capacity === undefined);
    expect(missing).toBeGreaterThan(0);
    expect(sorted.slice(missing).every((c) => c.capacity === undefined)).toBe(true);
  });

  it('sorts the report by its findings', async () => {
    const codes = ((await json(Report, ['--sort-by', '.code'])) as StorageReport).findings.map((f) => f.code);
    expect(codes).toEqual([...codes].sort());
  });
});
