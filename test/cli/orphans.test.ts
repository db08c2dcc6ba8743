// `kubectl storage orphans` prints delete commands, so it must list exactly what the core concluded is left over:
// a claim a pod still mounts (a scale-in caught half way) or a claim already being deleted never gets one.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import Orphans from '../../cli/src/commands/orphans';
import Report from '../../cli/src/commands/report';
import { clusterItems, NOW } from './support/cluster';
import { runCli } from './support/runCli';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-orphans-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const find = (items: RawObject[], kind: string, namespace: string, name: string): RawObject & Record<string, any> => {
  const o = items.find((i) => i.kind === kind && i.metadata.namespace === namespace && i.metadata.name === name);
  if (!o) throw new Error(`${kind} ${namespace}/${name} not in the test cluster`);
  return o as RawObject & Record<string, any>;
};

/** db scaled from 2 to 1 while pod db-1 still runs on data-db-1; data-db-3 is being deleted; data-db-2 is unused. */
function scaledInHalfWay(): string {
  const items = clusterItems();
  find(items, 'StatefulSet', 'data', 'db').spec.replicas = 1;
  const deleting = find(items, 'PersistentVolumeClaim', 'data', 'data-db-3');
  deleting.metadata.deletionTimestamp = '2026-11-20T08:59:00Z';
  deleting.metadata.finalizers = ['kubernetes.io/pvc-protection'];
  const file = path.join(tmp, 'scaled-in.json');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  return file;
}

interface OrphanJson {
  name: string;
  category: string;
  reason: string;
  commands: string[];
}

describe('orphans: leftover StatefulSet claims', () => {
  it('lists only the claims the core reports as left over, never one a pod mounts or one being deleted', async () => {
    const run = await runCli(Orphans, ['-f', scaledInHalfWay(), '-n', 'data', '--now', NOW, '-o', 'json']);
    expect(run.exitCode).toBe(0);
    const leftovers = (JSON.parse(run.stdout).items as OrphanJson[]).filter((o) => o.category === 'leftover-claim');
    expect(leftovers.map((o) => o.name)).toEqual(['data-db-2']);
    expect(leftovers[0].reason).toBe('left by statefulset db (replicas 1, ordinal 2)');

    const table = await runCli(Orphans, ['-f', scaledInHalfWay(), '-n', 'data', '--now', NOW]);
    // Commands from a dump carry a placeholder context, never the reader's current one (see orphans.test.ts in the core).
    expect(table.stdout).toContain("kubectl --context '<context-of-the-dump>' delete pvc data-db-2 -n data");
    expect(table.stdout).not.toContain('delete pvc data-db-1 ');
    expect(table.stdout).not.toContain('delete pvc data-db-3 ');
  });
});

describe('orphans: what it costs (--pricing)', () => {
  const pricingFile = (text: string) => {
    const file = path.join(tmp, `pricing-${Math.random().toString(36).slice(2)}.yaml`);
    fs.writeFileSync(file, text);
    return file;
  };

  it('adds a cost per object, per namespace and in total from the class prices, leaving unpriced classes out', async () => {
    const dump = scaledInHalfWay();
    const plain = JSON.parse((await runCli(Orphans, ['-f', dump, '-A', '--now', NOW, '-o', 'json'])).stdout);
    const classes = [...new Set((plain.items as { storageClass?: string }[]).map((o) => o.storageClass).filter(Boolean))] as string[];
    expect(classes.length).toBeGreaterThan(0);
    const priced = classes[0];
    const run = await runCli(Orphans, ['-f', dump, '-A', '--now', NOW, '-o', 'json', '--pricing', pricingFile(`${priced}: 0.10\ncurrency: EUR\n`)]);
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.currency).toBe('EUR');
    for (const o of doc.items as { storageClass?: string; sizeBytes?: number; monthlyCost?: number }[]) {
      if (o.storageClass === priced && o.sizeBytes !== undefined) expect(o.monthlyCost).toBeCloseTo((o.sizeBytes / 2 ** 30) * 0.1, 2);
      else expect(o.monthlyCost).toBeUndefined();
    }
    const pricedCount = (doc.items as { monthlyCost?: number }[]).filter((o) => o.monthlyCost !== undefined).length;
    expect(doc.totals.unpriced).toBe(doc.items.length - pricedCount);
    expect(doc.byNamespace.reduce((n: number, ns: { count: number }) => n + ns.count, 0)).toBe(doc.items.length);

    const table = await runCli(Orphans, ['-f', dump, '-A', '--now', NOW, '--pricing', pricingFile(`${priced}: 0.10\ncurrency: EUR\n`)]);
    expect(table.stdout).toMatch(/COST\/MONTH/);
    expect(table.stdout).toMatch(/\d+\.\d\d EUR\/month/);
  });

  it('without --pricing shows sizes only, never a price', async () => {
    const run = await runCli(Orphans, ['-f', scaledInHalfWay(), '-A', '--now', NOW]);
    expect(run.stdout).not.toMatch(/COST|USD|EUR/);
    expect(run.stdout).toMatch(/to review, \S+ in total\./);
  });

  it('rejects a pricing file that is missing or not a class -> number map in one line (exit 2)', async () => {
    const missing = await runCli(Orphans, ['-f', scaledInHalfWay(), '--pricing', path.join(tmp, 'nope.yaml')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(`error: --pricing ${path.join(tmp, 'nope.yaml')}: no such file\n`);
    const bad = await runCli(Orphans, ['-f', scaledInHalfWay(), '--pricing', pricingFile('standard: cheap\n')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('the price of class "standard" must be a number >= 0');
  });
});

describe('report --pricing', () => {
  it('adds orphanCost to the report and an "Orphan cost" row, the same totals as orphans --pricing', async () => {
    const dump = scaledInHalfWay();
    const prices = path.join(tmp, 'report-pricing.yaml');
    fs.writeFileSync(prices, 'standard: 0.10\ngp3: 0.08\nfast-ssd: 0.17\nefs-sc: 0.30\n');
    const report = JSON.parse((await runCli(Report, ['-f', dump, '-A', '--now', NOW, '-o', 'json', '--pricing', prices])).stdout);
    const orphans = JSON.parse((await runCli(Orphans, ['-f', dump, '-A', '--now', NOW, '-o', 'json', '--pricing', prices])).stdout);
    expect(report.orphanCost).toEqual({ currency: 'USD', ...orphans.totals, byNamespace: orphans.byNamespace });
    const table = await runCli(Report, ['-f', dump, '-A', '--now', NOW, '--pricing', prices]);
    expect(table.stdout).toMatch(/^Orphan cost: +(\d+\.\d\d USD\/month|no price for any of them) for \d+ orphans/m);
    // Without prices the report carries no cost at all.
    const plain = JSON.parse((await runCli(Report, ['-f', dump, '-A', '--now', NOW, '-o', 'json'])).stdout);
    expect(plain).not.toHaveProperty('orphanCost');
  });
});
