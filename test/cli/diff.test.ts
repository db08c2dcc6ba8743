// `kubectl storage diff OLD [NEW]` on two dumps of the CLI suites' cluster: what changed, in table and JSON (valid
// against docs/schemas/StorageDiff.schema.json), --fail-on on new findings only, and its usage errors.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import Diff from '../../cli/src/commands/diff';
import { clusterItems, NOW, REPO_ROOT } from './support/cluster';
import { runCli } from './support/runCli';

let tmp: string;
let before: string;
let after: string;

const write = (name: string, items: RawObject[]): string => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  return file;
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-diff-'));
  before = write('before.json', clusterItems());
  // After: one Bound claim lost its volume (a new critical finding), nothing else changed.
  const items = clusterItems();
  const bound = items.find((i) => i.kind === 'PersistentVolumeClaim' && (i as { status?: { phase?: string } }).status?.phase === 'Bound') as RawObject & { status: { phase: string } };
  bound.status.phase = 'Lost';
  after = write('after.json', items);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const diffArgs = (...argv: string[]) => [...argv, '--now', NOW];

describe('kubectl storage diff', () => {
  it('prints the new finding and the phase change as JSON that matches the published schema', async () => {
    const run = await runCli(Diff, diffArgs(before, after, '-o', 'json'));
    expect(run.exitCode).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'StorageDiff' });
    expect(doc.findings.appeared.map((f: { code: string }) => f.code)).toContain('pvc-lost');
    expect(doc.phases).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PersistentVolumeClaim', before: 'Bound', after: 'Lost' })]));
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs/schemas/StorageDiff.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('prints a table with the change, and "No changes." for a dump against itself', async () => {
    const table = await runCli(Diff, diffArgs(before, after));
    expect(table.stdout).toMatch(/\+ new\s+critical\s+pvc-lost/);
    expect(table.stdout).toMatch(/Phase changes:\n.*BEFORE\s+AFTER\n.*Bound\s+Lost/);
    const same = await runCli(Diff, diffArgs(before, before));
    expect(same.exitCode).toBe(0);
    expect(same.stdout).toContain('No changes.');
  });

  it('--fail-on looks at new findings only', async () => {
    expect((await runCli(Diff, diffArgs(before, after, '--fail-on', 'critical'))).exitCode).toBe(1);
    // The baseline's own problems are not regressions.
    expect((await runCli(Diff, diffArgs(before, before, '--fail-on', 'info'))).exitCode).toBe(0);
    // Cleared findings never fail the gate.
    expect((await runCli(Diff, diffArgs(after, before, '--fail-on', 'info'))).exitCode).toBe(0);
  });

  it('is a usage error without OLD, or with --from-file', async () => {
    const none = await runCli(Diff, []);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/^error: .*old/i);
    const withFile = await runCli(Diff, [before, '-f', after]);
    expect(withFile.exitCode).toBe(2);
    expect(withFile.stderr).toBe('error: diff takes its dumps as arguments (diff OLD [NEW]), not --from-file\n');
  });
});
