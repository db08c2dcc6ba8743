import type { Finding, IncompleteEntry } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { exitCodeFor, failsOn, partialEntries } from './failOn';

const finding = (severity: Finding['severity']): Finding => ({
  code: 'pv-failed',
  severity,
  object: { kind: 'PersistentVolume', name: 'pv-1' },
  message: 'm',
});
const forbidden: IncompleteEntry = { kind: 'pods', namespace: 'kube-system', reason: 'forbidden', message: 'no' };
const notInDump: IncompleteEntry = { kind: 'secrets', reason: 'not-in-input', message: 'absent' };

describe('failsOn', () => {
  it('never fails without a threshold', () => {
    expect(failsOn([finding('critical')], undefined)).toBe(false);
  });
  it('fails on findings at or above the threshold only', () => {
    expect(failsOn([finding('warning')], 'critical')).toBe(false);
    expect(failsOn([finding('warning')], 'warning')).toBe(true);
    expect(failsOn([finding('critical')], 'warning')).toBe(true);
    expect(failsOn([finding('info')], 'warning')).toBe(false);
    expect(failsOn([finding('info')], 'info')).toBe(true);
  });
});

describe('exitCodeFor', () => {
  it('is 0 with nothing to report', () => {
    expect(exitCodeFor([], [], { failOn: 'info', strict: true })).toBe(0);
  });
  it('is 1 for findings at or above --fail-on', () => {
    expect(exitCodeFor([finding('critical')], [], { failOn: 'critical' })).toBe(1);
  });
  it('is 4 for partial data with --strict, even when findings would fail too', () => {
    expect(exitCodeFor([finding('critical')], [forbidden], { failOn: 'critical', strict: true })).toBe(4);
  });
  it('ignores partial data without --strict', () => {
    expect(exitCodeFor([], [forbidden], {})).toBe(0);
  });
  it('does not count kinds a dump simply lacks as partial', () => {
    expect(partialEntries([notInDump, forbidden])).toEqual([forbidden]);
    expect(exitCodeFor([], [notInDump], { strict: true })).toBe(0);
  });
});
