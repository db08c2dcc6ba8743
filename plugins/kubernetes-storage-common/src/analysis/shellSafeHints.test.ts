// Hints never print a command with a name a shell would act on; for names an API server accepts nothing changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { persistentVolume, sampleCluster } from '@kubectl-storage/test-fixtures';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { analyze } from './analyze';
import { UNSAFE_NAME_HINT } from './shellSafeHints';

const SOURCE = { type: 'file' as const, files: ['dump.json'] };
const AT = '2024-03-01T00:00:00Z';

const released = (name: string) => persistentVolume(name, { phase: 'Released', reclaimPolicy: 'Retain', capacity: '1Gi', claim: { namespace: 'data', name: 'gone' } });

describe('hints with hostile names', () => {
  it('a Released volume whose name holds a space prints no command (`kubectl delete pv pv-old pv-bound` would delete pv-bound, in use)', () => {
    const bound = persistentVolume('pv-bound', { phase: 'Bound', reclaimPolicy: 'Retain', capacity: '1Gi', claim: { namespace: 'data', name: 'data-db-0' } });
    const safe = analyze(buildSnapshot([released('pv-old'), bound], SOURCE, { collectedAt: AT }));
    expect(safe.findings.find((f) => f.object.name === 'pv-old')?.hint).toMatch(/kubectl (patch|delete) pv pv-old/);

    const report = analyze(buildSnapshot([released('pv-old pv-bound'), bound], SOURCE, { collectedAt: AT }));
    const finding = report.findings.find((f) => f.object.name === 'pv-old pv-bound');
    expect(finding?.hint).toBe(UNSAFE_NAME_HINT);
    expect(report.findings.filter((f) => f.hint?.includes('pv-bound'))).toEqual([]);
  });

  it('so does a name that would run a command', () => {
    const report = analyze(buildSnapshot([released('$(touch pwned)')], SOURCE, { collectedAt: AT }));
    const hints = report.findings.map((f) => f.hint);
    expect(hints).toContain(UNSAFE_NAME_HINT);
    expect(hints.filter((h) => h?.includes('touch'))).toEqual([]);
  });

  it('changes no hint of a real cluster: the sample cluster and the demo dump captured from one', () => {
    const demo = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/demo-cluster.json'), 'utf8')) as { items: unknown[] };
    for (const raw of [sampleCluster(), demo.items]) {
      const report = analyze(buildSnapshot(raw, SOURCE, { collectedAt: AT }));
      expect(report.findings.filter((f) => f.hint).length).toBeGreaterThan(0);
      expect(report.findings.filter((f) => f.hint === UNSAFE_NAME_HINT)).toEqual([]);
    }
  });
});
