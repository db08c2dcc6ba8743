// Text from the cluster or a dump that holds terminal control sequences (a provisioner's status.message, a class
// name in a hand-made dump) is printed escaped, as kubectl does: no ESC, CR or stray newline reaches the terminal
// from a table cell, a warning or an error line; -o json keeps the text exactly as written.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { persistentVolume, persistentVolumeClaim, type RawObject } from '@kubectl-storage/test-fixtures';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import { runCli } from './support/runCli';

const NOW = '2024-03-01T00:00:00Z';
const CLEAR = '\u001b[2J';
const RETITLE = '\u001b]0;pwned\u0007';
let tmp: string;
let file: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-text-'));
  const failed = persistentVolume('pv-failed', { phase: 'Failed', reclaimPolicy: 'Delete', capacity: '1Gi' }) as RawObject & { status: Record<string, unknown>; spec: Record<string, unknown> };
  failed.status.message = `recycler failed${CLEAR}\nsecond line\roverwritten`;
  failed.spec.hostPath = { path: `/data${RETITLE}` };
  const claim = persistentVolumeClaim('shop', 'data', { storageClassName: `fast${CLEAR}`, request: '1Gi' });
  file = path.join(tmp, 'dump.json');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [failed, claim] }));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control characters from the cluster', () => {
  it.each([
    ['report', Report],
    ['pv', Pv],
    ['pvc', Pvc],
  ] as const)('%s prints them escaped: one line per row, nothing a terminal would act on', async (_name, command) => {
    const run = await runCli(command, ['-f', file, '-A', '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
    if (command !== Pvc) expect(run.stdout).toContain('recycler failed^[[2J\\nsecond line\\roverwritten');
  });

  it('-o json keeps the text exactly as written (JSON escapes it)', async () => {
    const run = await runCli(Report, ['-f', file, '-A', '--now', NOW, '-o', 'json']);
    const report = JSON.parse(run.stdout) as { volumes: { name: string; message?: string }[] };
    expect(report.volumes.find((v) => v.name === 'pv-failed')?.message).toBe(`recycler failed${CLEAR}\nsecond line\roverwritten`);
  });

  it('an error line naming hostile text stays one escaped line', async () => {
    const run = await runCli(Report, ['-f', path.join(tmp, `missing${CLEAR}\n.json`)]);
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^error: .*missing\^\[\[2J/)]);
  });
});
