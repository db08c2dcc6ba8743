// Hostile storage objects in a dump, end to end through the CLI: unknown enum values, absurd and negative sizes,
// missing timestamps and duplicated uids end in an honest report (values as written, flagged, never alarmed on as
// known ones), exit 0 and no stack trace.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { persistentVolume, persistentVolumeClaim, storageClass, type RawObject } from '@kubectl-storage/test-fixtures';
import Pv from '../../cli/src/commands/pv';
import Report from '../../cli/src/commands/report';
import { runCli } from './support/runCli';

const NOW = '2024-03-01T00:00:00Z';
let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-hostile-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function dump(items: RawObject[]): string {
  const file = path.join(tmp, `dump-${fs.readdirSync(tmp).length}.json`);
  fs.writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  return file;
}

function hostile(): RawObject[] {
  const exploded = persistentVolume('pv-exploded', { storageClassName: 'std' });
  exploded.status.phase = 'Exploded';
  exploded.spec.persistentVolumeReclaimPolicy = 'Explode';
  const huge = persistentVolume('pv-huge', { phase: 'Released', reclaimPolicy: 'Retain', capacity: '1e99', storageClassName: 'std' });
  const negative = persistentVolume('pv-negative', { phase: 'Released', reclaimPolicy: 'Retain', capacity: '-5Gi', storageClassName: 'std' });
  const twin = persistentVolume('pv-twin', { phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi', storageClassName: 'std' });
  twin.metadata.uid = huge.metadata.uid; // one uid on two volumes
  const timeless = persistentVolumeClaim('shop', 'timeless', { storageClassName: 'std', request: '1Gi' });
  delete timeless.metadata.creationTimestamp;
  return [storageClass('std', { isDefault: true }), exploded, huge, negative, twin, timeless];
}

describe('hostile storage objects in a dump', () => {
  it('report -o json keeps unknown values as written, flags unusable sizes, keeps sums finite and draws no age conclusion', async () => {
    const run = await runCli(Report, ['-f', dump(hostile()), '-A', '--now', NOW, '-o', 'json']);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout);
    const byName = Object.fromEntries(report.volumes.map((v: { name: string }) => [v.name, v]));
    expect(byName['pv-exploded']).toMatchObject({ phase: 'Exploded', reclaimPolicy: 'Explode' });
    expect(byName['pv-huge']).toMatchObject({ capacity: '1e99', capacityProblem: 'too large' });
    expect(byName['pv-negative']).toMatchObject({ capacity: '-5Gi', capacityProblem: 'negative' });
    expect(report.summary.volumes).toMatchObject({ orphaned: 3, orphanedBytes: 2 ** 30 });
    const codes = report.findings.map((f: { code: string; object: { name: string } }) => `${f.code} ${f.object.name}`);
    expect(codes).toEqual(expect.arrayContaining(['pv-unknown-value pv-exploded', 'pv-unknown-value pv-huge', 'pv-unknown-value pv-negative']));
    // Neither a known-phase alarm for the unknown phase nor "Pending for 0s" for the claim without a timestamp.
    expect(codes.filter((c: string) => c.endsWith(' pv-exploded'))).toEqual(['pv-unknown-value pv-exploded']);
    expect(run.stdout).not.toContain('for 0s');
    expect(codes.filter((c: string) => c.endsWith(' timeless'))).toEqual([]);
  });

  it('pv prints the values as written', async () => {
    const run = await runCli(Pv, ['-f', dump(hostile()), '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/pv-exploded\s.*Explode\s+Exploded/);
    expect(run.stdout).toMatch(/pv-huge\s+1e99\s/);
  });
});
