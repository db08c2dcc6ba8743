import { analyze, emptySnapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { plainContext } from './context';
import { renderSummary } from './report';

describe('renderSummary', () => {
  it('counts one Ingress in the singular', () => {
    const report = analyze(emptySnapshot({ type: 'file', files: ['x.json'] }, '2025-01-01T00:00:00Z'));
    report.summary.ingresses = { total: 1, paths: 2, failingPaths: 0 };
    expect(renderSummary(report, plainContext())).toContainEqual(expect.stringMatching(/^Ingress paths:\s+2 in 1 ingress \(0 failing\)$/));
    report.summary.ingresses = { total: 3, paths: 4, failingPaths: 1 };
    expect(renderSummary(report, plainContext())).toContainEqual(expect.stringMatching(/^Ingress paths:\s+4 in 3 ingresses \(1 failing\)$/));
  });
});
