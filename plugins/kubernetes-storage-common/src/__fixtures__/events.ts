// Builders of projected Warning events for unit tests, and a snapshot that carries them.
import type { WarningEvent } from '../model/event';
import type { Pod, PersistentVolumeClaim, Snapshot } from '../model/snapshot';
import { ago } from './snapshot';

let serial = 0;

type EventInput = Partial<Omit<WarningEvent, 'involvedObject'>> & {
  /** Seconds before FIXTURE_NOW of the last occurrence; default 60. */
  lastAgo?: number;
  container?: string;
};

function event(subject: WarningEvent['involvedObject'], input: EventInput): WarningEvent {
  const { lastAgo = 60, container, ...rest } = input;
  serial += 1;
  return {
    meta: { name: `${subject.name}.${serial.toString(16)}`, namespace: subject.namespace ?? 'default', uid: `event-${serial}` },
    reason: 'Unhealthy',
    message: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
    type: 'Warning',
    involvedObject: { ...subject, ...(container ? { fieldPath: `spec.containers{${container}}` } : {}) },
    count: 1,
    firstTime: ago(lastAgo + 300),
    lastTime: ago(lastAgo),
    source: 'kubelet',
    ...rest,
  };
}

export function podEvent(pod: Pod, input: EventInput = {}): WarningEvent {
  return event({ kind: 'Pod', name: pod.meta.name, namespace: pod.meta.namespace, uid: pod.meta.uid }, input);
}

export function claimEvent(claim: PersistentVolumeClaim, input: EventInput = {}): WarningEvent {
  return event(
    { kind: 'PersistentVolumeClaim', name: claim.meta.name, namespace: claim.meta.namespace, uid: claim.meta.uid },
    { source: 'persistentvolume-controller', ...input },
  );
}

/** The snapshot with these events (the events kind counted as read). */
export function withEvents(snapshot: Snapshot, events: WarningEvent[]): Snapshot {
  return { ...snapshot, events };
}
