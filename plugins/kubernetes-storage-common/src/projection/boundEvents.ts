// The bound on what a Snapshot keeps of Warning events, applied wherever events arrive (a live LIST, a dump), so
// the same events give the same Snapshot whichever way they came: Warning only (the live LIST filters
// server-side with type=Warning; a dump may hold Normal ones too), and the newest EVENTS_PER_OBJECT per involved
// object. A controller that writes thousands of events about one object costs no more than one that writes five.
import type { WarningEvent } from '../model/event';

/** Warning events kept per involved object (kind, namespace, name), newest first by last occurrence. */
export const EVENTS_PER_OBJECT = 5;

/** Epoch ms of the last occurrence; -Infinity when the event carries no usable time (it sorts as the oldest). */
export function eventTimeMs(e: WarningEvent): number {
  const t = Date.parse(e.lastTime ?? e.firstTime ?? '');
  return Number.isNaN(t) ? -Infinity : t;
}

export const subjectKey = (kind: string, namespace: string | undefined, name: string): string => `${kind}/${namespace ?? ''}/${name}`;

/** Newest first; ties by the Event's namespace and name, so the order never depends on arrival. */
export const compareEventsNewestFirst = (a: WarningEvent, b: WarningEvent): number =>
  eventTimeMs(b) - eventTimeMs(a) ||
  (a.meta.namespace ?? '').localeCompare(b.meta.namespace ?? '') ||
  a.meta.name.localeCompare(b.meta.name) ||
  (a.meta.uid ?? '').localeCompare(b.meta.uid ?? '');

/**
 * Keeps the Warning events and, per involved object, the newest EVENTS_PER_OBJECT; returns them in the order they
 * came (the caller's snapshot order). Linear in the events given plus a sort of at most EVENTS_PER_OBJECT + 1 per
 * object at a time.
 */
export function boundEvents(events: readonly WarningEvent[], perObject: number = EVENTS_PER_OBJECT): WarningEvent[] {
  const kept = new Map<string, WarningEvent[]>();
  for (const e of events) {
    if (e.type !== 'Warning') continue;
    const k = subjectKey(e.involvedObject.kind, e.involvedObject.namespace, e.involvedObject.name);
    const list = kept.get(k);
    if (!list) {
      kept.set(k, [e]);
      continue;
    }
    list.push(e);
    if (list.length > perObject) {
      list.sort(compareEventsNewestFirst);
      list.length = perObject;
    }
  }
  const keep = new Set<WarningEvent>();
  for (const list of kept.values()) for (const e of list) keep.add(e);
  return events.filter((e) => keep.has(e));
}
