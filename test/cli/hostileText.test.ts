// Text from the cluster or a dump that holds terminal control sequences (a provisioner's status.message, a class
// name in a hand-made dump) is printed escaped, as kubectl does: no ESC, CR or stray newline reaches the terminal
// from a table cell, a warning or an error line; -o json keeps the text exactly as written.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { persistentVolume, persistentVolumeClaim, type RawObject } from '@kubectl-storage/test-fixtures';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Pvc from '../../cli/src/commands/pvc';
import Report from '../../cli/src/commands/report';
import Sts from '../../cli/src/commands/sts';
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
  // A hand-made dump may hold names no API server accepts: a Released volume and a StatefulSet named with escapes.
  const released = persistentVolume(`pv-old${CLEAR}`, { phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi' });
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: `web${CLEAR}`, namespace: 'shop', uid: 'u-web', creationTimestamp: '2024-01-01T00:00:00Z', generation: 1 },
    spec: { replicas: 2, serviceName: `svc${RETITLE}`, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } },
    status: { replicas: 0, readyReplicas: 0, observedGeneration: 1 },
  } as unknown as RawObject;
  file = path.join(tmp, 'dump.json');
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [failed, claim, released, sts] }));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control characters from the cluster', () => {
  it.each([
    ['report', Report],
    ['pv', Pv],
    ['pvc', Pvc],
    ['orphans', Orphans],
    ['sts', Sts],
  ] as const)('%s prints them escaped: one line per row, nothing a terminal would act on', async (_name, command) => {
    const run = await runCli(command, ['-f', file, '-A', '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stderr).not.toMatch(CONTROL);
    if (command === Report || command === Pv) expect(run.stdout).toContain('recycler failed^[[2J\\nsecond line\\roverwritten');
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
