// Dumps built to make a reader do unbounded work: a YAML alias bomb (9^8 list elements behind a few lines) and
// nesting 200,000 levels deep. The projection reads fields one level deep, so the bomb costs the lines it has; deep
// JSON parses and is ignored where a list of objects was expected; deep YAML is refused in one line. Exit codes are
// the documented ones, never a stack trace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import Report from '../../cli/src/commands/report';
import { runCli } from './support/runCli';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-input-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

function aliasBomb(): string {
  const levels = 'abcdefghi'.split('');
  const lines = ['apiVersion: v1', 'kind: List', `a: &a [${Array(9).fill('"lol"').join(',')}]`];
  for (let i = 1; i < levels.length; i++) lines.push(`${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(',')}]`);
  lines.push(
    'items:',
    '  - apiVersion: v1',
    '    kind: Pod',
    '    metadata: {name: p, namespace: shop, labels: {app: x}, finalizers: *i}',
    '    spec: {nodeName: n, volumes: *i, containers: *i, initContainers: *i}',
    '    status: {phase: Running, conditions: *i, containerStatuses: *i}',
    '  - apiVersion: v1',
    '    kind: PersistentVolume',
    '    metadata: {name: pv-1, finalizers: *i}',
    '    spec: {accessModes: *i, capacity: {storage: 1Gi}, mountOptions: *i}',
    '    status: {phase: Available}',
  );
  return `${lines.join('\n')}\n`;
}

describe('dumps built to make the reader do unbounded work', () => {
  it('a YAML alias bomb is read like the two objects it holds', async () => {
    const run = await runCli(Report, ['-f', write('bomb.yaml', aliasBomb()), '-A', '-o', 'json']);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as StorageReport;
    expect(report.volumes.map((v) => v.name)).toEqual(['pv-1']);
  });

  it('JSON nested 200,000 levels deep where a list was expected is ignored there', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const dump = `{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"pv-1"},"spec":{"accessModes":${deep}},"status":{"phase":"Available"}}]}`;
    const run = await runCli(Report, ['-f', write('deep.json', dump), '-A', '-o', 'json']);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as StorageReport).volumes).toEqual([expect.objectContaining({ name: 'pv-1', accessModes: [] })]);
  });

  it('YAML nested that deep is refused in one line naming the file and line', async () => {
    const run = await runCli(Report, ['-f', write('deep.yaml', `apiVersion: v1\nkind: List\nitems:\n- spec: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`), '-A']);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: .*deep\.yaml: invalid YAML at line 4: nesting exceeded/)]);
    expect(run.exitCode).not.toBe(0);
  });
});
