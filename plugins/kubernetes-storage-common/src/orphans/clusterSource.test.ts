// A configured cluster of the portal is a source of its own: reports name it, and hints aim at its context.
import { analyze } from '../analysis/analyze';
import { emptySnapshot } from '../model/emptySnapshot';
import { commandTargetFor, kubectlCommand } from './commandTarget';

describe('cluster sources', () => {
  const source = { type: 'cluster' as const, name: 'prod-eu', server: 'https://10.0.0.1:6443' };

  it('a report names the cluster it was read from, dated by the snapshot (no clock)', () => {
    const report = analyze(emptySnapshot(source, '2025-01-01T00:00:00.000Z'));
    expect(report.source).toEqual(source);
    expect(report.generatedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('hints target the cluster by its configured name', () => {
    expect(kubectlCommand(commandTargetFor(source), ['get', 'pv'])).toBe('kubectl --context prod-eu get pv');
  });
});
