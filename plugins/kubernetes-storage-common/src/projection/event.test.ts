import { boundEvents, EVENTS_PER_OBJECT } from './boundEvents';
import { EVENT_MESSAGE_MAX, projectEvent } from './event';

const core = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web-1.17a', namespace: 'shop', uid: 'e1', creationTimestamp: '2025-06-01T11:00:00Z', labels: { a: 'b' } },
  involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'p1', fieldPath: 'spec.containers{app}', apiVersion: 'v1' },
  reason: 'Unhealthy',
  message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
  type: 'Warning',
  count: 12,
  firstTimestamp: '2025-06-01T11:00:00Z',
  lastTimestamp: '2025-06-01T11:58:00Z',
  source: { component: 'kubelet', host: 'node-1' },
};

const modern = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'data-db-0.17b', namespace: 'shop', uid: 'e2', creationTimestamp: '2025-06-01T11:00:00Z' },
  regarding: { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data-db-0', uid: 'c1' },
  reason: 'ProvisioningFailed',
  note: 'failed to provision volume with StorageClass "fast": rpc error: code = ResourceExhausted desc = quota exceeded',
  type: 'Warning',
  eventTime: '2025-06-01T11:00:00.000000Z',
  series: { count: 7, lastObservedTime: '2025-06-01T11:59:00.000000Z' },
  reportingController: 'ebs.csi.aws.com_csi-provisioner',
  deprecatedCount: 1,
};

describe('projectEvent', () => {
  it('projects a core/v1 Event compactly: subject with container path, count, times, source', () => {
    expect(projectEvent(core)).toEqual({
      meta: { name: 'web-1.17a', namespace: 'shop', uid: 'e1', creationTimestamp: '2025-06-01T11:00:00Z' },
      reason: 'Unhealthy',
      message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
      type: 'Warning',
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'p1', fieldPath: 'spec.containers{app}' },
      count: 12,
      firstTime: '2025-06-01T11:00:00Z',
      lastTime: '2025-06-01T11:58:00Z',
      source: 'kubelet',
    });
  });

  it('reads the events.k8s.io/v1 spelling: regarding, note, series, reportingController', () => {
    expect(projectEvent(modern)).toMatchObject({
      involvedObject: { kind: 'PersistentVolumeClaim', name: 'data-db-0', uid: 'c1' },
      message: expect.stringContaining('quota exceeded'),
      count: 7,
      firstTime: '2025-06-01T11:00:00.000000Z',
      lastTime: '2025-06-01T11:59:00.000000Z',
      source: 'ebs.csi.aws.com_csi-provisioner',
    });
  });

  it('bounds the message, treats bad counts as 1 and unparsable times as unset', () => {
    const e = projectEvent({ ...core, message: 'x'.repeat(5000), count: -3, lastTimestamp: 'yesterday', firstTimestamp: null });
    expect(e.message).toHaveLength(EVENT_MESSAGE_MAX);
    expect(e.count).toBe(1);
    expect(e.firstTime).toBe('2025-06-01T11:00:00Z'); // the creation time
    expect(e.lastTime).toBe('2025-06-01T11:00:00Z');
  });

  it('rejects an Event without a namespace, like every namespaced kind', () => {
    expect(() => projectEvent({ ...core, metadata: { name: 'x' } })).toThrow('Event "x" without metadata.namespace');
  });
});

describe('boundEvents', () => {
  const at = (name: string, minute: number, subject = 'web-1', type = 'Warning') =>
    projectEvent({ ...core, type, metadata: { ...core.metadata, name, uid: name }, involvedObject: { ...core.involvedObject, name: subject }, lastTimestamp: `2025-06-01T11:${String(minute).padStart(2, '0')}:00Z` });

  it('keeps the newest EVENTS_PER_OBJECT Warning events per involved object, in the order given', () => {
    const many = Array.from({ length: 9 }, (_, i) => at(`e${i}`, i));
    const other = at('o1', 1, 'web-2');
    const normal = at('n1', 59, 'web-1', 'Normal');
    const kept = boundEvents([other, ...many, normal]);
    expect(kept.map((e) => e.meta.name)).toEqual(['o1', ...['e4', 'e5', 'e6', 'e7', 'e8']]);
    expect(kept.filter((e) => e.involvedObject.name === 'web-1')).toHaveLength(EVENTS_PER_OBJECT);
  });
});
