// A Warning Event, projected compactly. Only Warning events are kept (the live read asks the API server for
// type=Warning; a dump's Normal events are dropped at assembly), newest first per involved object and at most
// EVENTS_PER_OBJECT of them (projection/boundEvents.ts), so the cost follows the objects present, never the
// number of events a noisy controller writes.
import type { Meta } from './snapshot';

/** The object an Event is about: core/v1 involvedObject, events.k8s.io/v1 regarding. */
export interface EventSubject {
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  /** The part of the object, e.g. "spec.containers{app}" for a probe failure of container app. */
  fieldPath?: string;
}

export interface WarningEvent {
  /** The Event object's own identity (its name, namespace, uid, creation time). */
  meta: Meta;
  reason: string;
  /** message (core/v1) or note (events.k8s.io/v1), bounded to EVENT_MESSAGE_MAX characters. */
  message: string;
  /** As written; always "Warning" for events in a Snapshot. */
  type: string;
  involvedObject: EventSubject;
  /** How many times it happened: count, series.count or deprecatedCount; 1 when none is written. */
  count: number;
  /** First occurrence: firstTimestamp, deprecatedFirstTimestamp, eventTime or the Event's creation. */
  firstTime?: string;
  /** Latest occurrence: series.lastObservedTime, lastTimestamp, deprecatedLastTimestamp, eventTime or firstTime. */
  lastTime?: string;
  /** The component that reported it: reportingController/reportingComponent, else source.component. */
  source?: string;
}
