import { newestObjectTime } from './dumpTime';

describe('newestObjectTime', () => {
  it('finds the newest time the cluster wrote: node heartbeats, container ends, phase transitions', () => {
    const node = {
      metadata: { creationTimestamp: '2024-01-01T00:00:00Z' },
      status: { conditions: [{ type: 'Ready', lastHeartbeatTime: '2024-03-01T10:04:00Z', lastTransitionTime: '2024-01-01T00:00:10Z' }] },
    };
    const pod = {
      metadata: { creationTimestamp: '2024-02-01T00:00:00Z' },
      spec: { containers: [{ name: 'x', env: [{ name: 'T', value: '2099-01-01T00:00:00Z' }] }] }, // spec is user data, not a clock
      status: { containerStatuses: [{ lastState: { terminated: { finishedAt: '2024-03-01T10:05:30Z' } } }] },
    };
    const pv = { metadata: { creationTimestamp: '2024-01-01T00:00:00Z' }, status: { lastPhaseTransitionTime: '2024-02-15T00:00:00Z' } };
    expect(new Date(newestObjectTime([node, pv])!).toISOString()).toBe('2024-03-01T10:04:00.000Z');
    expect(new Date(newestObjectTime([node, pod, pv])!).toISOString()).toBe('2024-03-01T10:05:30.000Z');
  });

  it('compares other shapes by their time: fractions of a second, offsets, and a whole-second time that is no date', () => {
    const at = (...times: string[]): string => new Date(newestObjectTime(times.map((t) => ({ metadata: { creationTimestamp: t } })))!).toISOString();
    // Lexically '.' sorts before 'Z', yet half a second later is later.
    expect(at('2024-03-01T10:00:00Z', '2024-03-01T10:00:00.500Z')).toBe('2024-03-01T10:00:00.500Z');
    expect(at('2024-03-01T10:00:00Z', '2024-03-01T11:30:00+02:00')).toBe('2024-03-01T10:00:00.000Z');
    expect(at('2024-03-01T10:00:00Z', '2024-03-01T12:00:00+01:00')).toBe('2024-03-01T11:00:00.000Z');
    // The greatest of the canonical-looking strings is no date: the valid ones still count.
    expect(at('2024-03-01T10:00:00Z', '2024-99-01T10:00:00Z')).toBe('2024-03-01T10:00:00.000Z');
  });

  it('has no answer for objects without times, and ignores values that are not times', () => {
    expect(newestObjectTime([{ metadata: { name: 'a' } }, null, 'text', { metadata: { creationTimestamp: 'not a time' } }])).toBeUndefined();
  });
});
