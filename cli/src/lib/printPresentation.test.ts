import * as common from '@kubectl-storage/plugin-kubernetes-storage-common';
import { analyze, emptySnapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { renderReport } from '../render/report';
import { printPresentation } from './printPresentation';

jest.mock('@kubectl-storage/plugin-kubernetes-storage-common', () => {
  const actual = jest.requireActual('@kubectl-storage/plugin-kubernetes-storage-common');
  return { ...actual, summarizeIncomplete: jest.fn(actual.summarizeIncomplete) };
});

const flags: Parameters<typeof printPresentation>[2] = { output: 'table', 'sort-by': undefined, 'no-headers': false, 'fail-on': undefined, strict: false };

describe('printPresentation', () => {
  it('summarizes what could not be read once, for the warnings and the report\'s "Not read" row alike', async () => {
    const snapshot = emptySnapshot({ type: 'live', context: 'prod' }, '2025-01-01T00:00:00Z');
    snapshot.observedKinds = ['pods'];
    snapshot.incomplete = ['a', 'b', 'c'].map((namespace) => ({ kind: 'pods' as const, namespace, reason: 'forbidden' as const, message: 'no' }));
    const report = analyze(snapshot);
    const warnings: string[] = [];
    let stdout = '';
    const summarize = common.summarizeIncomplete as jest.Mock;
    summarize.mockClear();
    await printPresentation({ data: report, lines: (ctx) => renderReport(report, ctx), findings: [] }, report, flags, {
      stdout: (text) => (stdout += text),
      warn: (text) => warnings.push(text),
    });
    expect(warnings).toEqual(['could not read pods: forbidden in 3 namespaces (a, b, c) (no)']);
    expect(stdout).toMatch(/^Not read:\s+pods: forbidden in 3 namespaces \(a, b, c\)$/m);
    expect(summarize).toHaveBeenCalledTimes(1);
  });
});
