import { analyze, buildSnapshot, type WarningEvent } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { FIXTURE_TIME, pod, statefulSet } from '@kubectl-storage/test-fixtures';
import { plainContext } from './context';
import { statefulSetsView } from './statefulSets';

const sts = statefulSet('shop', 'web', { replicas: 2 });
const pods = [0, 1].map((i) => pod('shop', `web-${i}`, { controller: { kind: 'StatefulSet', name: 'web' }, nodeName: 'node-1' }));

function ordinalTable(events: WarningEvent[]): string[] {
  const snapshot = buildSnapshot([sts, ...pods], { type: 'file', files: ['x.json'] }, { collectedAt: FIXTURE_TIME });
  const report = analyze({ ...snapshot, events } as typeof snapshot);
  return statefulSetsView(report, 'web').table(plainContext({ showNamespace: false })).filter((l) => /^(ORDINAL|\d)/.test(l));
}

describe('kubectl storage sts NAME', () => {
  it('shows the latest event of each ordinal in a LAST EVENT column, aged against the report time', () => {
    const unhealthy: WarningEvent = {
      meta: { name: 'web-1.1', namespace: 'shop' },
      reason: 'Unhealthy',
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      type: 'Warning',
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', fieldPath: 'spec.containers{app}' },
      count: 30,
      lastTime: new Date(Date.parse(FIXTURE_TIME) - 120_000).toISOString(),
    };
    const lines = ordinalTable([unhealthy]);
    expect(lines[0]).toMatch(/ LAST EVENT$/);
    expect(lines[1]).toMatch(/ <none>$/);
    expect(lines[2]).toMatch(/ Unhealthy 2m \(x30\): Liveness probe failed: HTTP probe failed with statuscode: 500$/);
  });

  it('has no such column when no ordinal has an event (events not read, or none)', () => {
    expect(ordinalTable([])[0]).not.toMatch(/LAST EVENT/);
  });
});
