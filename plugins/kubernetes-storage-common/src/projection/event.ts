// Events of both APIs into one compact WarningEvent. core/v1 (what kubectl get events and the kubelet write) and
// events.k8s.io/v1 (the newer view of the same stored objects) spell the same facts differently: involvedObject
// or regarding, message or note, count or series.count or deprecatedCount, lastTimestamp or
// series.lastObservedTime or deprecatedLastTimestamp, source.component or reportingController.
import type { EventSubject, WarningEvent } from '../model/event';
import { projectMeta } from './meta';
import { asRecord, compact, nonEmpty, num, recordAt, type RawRecord } from './raw';

/** Longer messages are cut: a FailedScheduling summary of many nodes says what matters in its first sentences. */
export const EVENT_MESSAGE_MAX = 512;

function bounded(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= EVENT_MESSAGE_MAX ? oneLine : `${oneLine.slice(0, EVENT_MESSAGE_MAX - 1)}…`;
}

function subject(raw: RawRecord | undefined): EventSubject {
  return compact<EventSubject>({
    kind: nonEmpty(raw?.kind) ?? '',
    name: nonEmpty(raw?.name) ?? '',
    namespace: nonEmpty(raw?.namespace),
    uid: nonEmpty(raw?.uid),
    fieldPath: nonEmpty(raw?.fieldPath),
  });
}

/** A positive whole count, else undefined (a hand-made dump may hold 0, -1 or 1e99). */
function count(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= Number.MAX_SAFE_INTEGER ? n : undefined;
}

/** A time field that parses; anything else is treated as unset so no age is ever computed from garbage. */
function time(v: unknown): string | undefined {
  const s = nonEmpty(v);
  return s !== undefined && !Number.isNaN(Date.parse(s)) ? s : undefined;
}

export function projectEvent(raw: unknown): WarningEvent {
  const meta = projectMeta(raw, 'Event', true);
  const obj = asRecord(raw)!;
  const series = asRecord(obj.series);
  const involved = subject(asRecord(obj.involvedObject) ?? asRecord(obj.regarding));
  const firstTime =
    time(obj.firstTimestamp) ?? time(obj.deprecatedFirstTimestamp) ?? time(obj.eventTime) ?? time(meta.creationTimestamp);
  const lastTime =
    time(series?.lastObservedTime) ?? time(obj.lastTimestamp) ?? time(obj.deprecatedLastTimestamp) ?? time(obj.eventTime) ?? firstTime;
  const source =
    nonEmpty(obj.reportingController) ??
    nonEmpty(obj.reportingComponent) ??
    nonEmpty(recordAt(obj, 'source')?.component) ??
    nonEmpty(recordAt(obj, 'deprecatedSource')?.component);
  return compact<WarningEvent>({
    meta: compact({ name: meta.name, namespace: meta.namespace, uid: meta.uid, creationTimestamp: meta.creationTimestamp }),
    reason: nonEmpty(obj.reason) ?? '',
    message: bounded(nonEmpty(obj.note) ?? nonEmpty(obj.message) ?? ''),
    type: nonEmpty(obj.type) ?? 'Normal',
    involvedObject: involved,
    count: count(series?.count) ?? count(obj.count) ?? count(obj.deprecatedCount) ?? 1,
    firstTime,
    lastTime,
    source,
  });
}
