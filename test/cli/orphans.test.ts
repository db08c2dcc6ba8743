// `kubectl storage orphans` prints delete commands, so it must list exactly what the core concluded is left over:
// a claim a pod still mounts (a scale-in caught half way) or a claim already being deleted never gets one.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import Orphans from '../../cli/src/commands/orphans';
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
    const leftovers = (JSON.parse(run.stdout).orphans as OrphanJson[]).filter((o) => o.category === 'leftover-claim');
    expect(leftovers.map((o) => o.name)).toEqual(['data-db-2']);
    expect(leftovers[0].reason).toBe('left by statefulset db (replicas 1, ordinal 2)');

    const table = await runCli(Orphans, ['-f', scaledInHalfWay(), '-n', 'data', '--now', NOW]);
    expect(table.stdout).toContain('kubectl delete pvc data-db-2 -n data');
    expect(table.stdout).not.toContain('kubectl delete pvc data-db-1 ');
    expect(table.stdout).not.toContain('kubectl delete pvc data-db-3 ');
  });
});
