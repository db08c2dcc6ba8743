// Warning events joined to the objects they are about, and sorted into the few kinds of trouble the storage and
// workload findings explain. Built once per snapshot (cached by snapshot object), read through ctx by the analyzers.
import type { WarningEvent } from '../model/event';
import type { Snapshot } from '../model/snapshot';
import { compareEventsNewestFirst, eventTimeMs, subjectKey } from '../projection/boundEvents';
import type { AnalysisContext } from './context';

/**
 * What a Warning event says went wrong, by the reason the writing component uses and, where one reason covers
 * several things, by its message's fixed prefix:
 * - kubelet prober (pkg/kubelet/prober/prober.go): Unhealthy "Liveness|Readiness|Startup probe failed|errored: ...";
 * - kubelet (pkg/kubelet/kuberuntime): BackOff "Back-off restarting failed container ..." (an image BackOff says
 *   "Back-off pulling image" and is left out);
 * - attach/detach controller (pkg/controller/volume/attachdetach/reconciler): FailedAttachVolume, "Multi-Attach
 *   error for volume ..." when an exclusively attached volume is wanted on another node;
 * - kubelet volume manager (pkg/kubelet/volumemanager, pkg/volume/util/operationexecutor): FailedMount,
 *   FailedMapVolume;
 * - PV controller and external provisioners (pkg/controller/volume/persistentvolume): ProvisioningFailed;
 * - scheduler (pkg/scheduler/framework/plugins/volumebinding, volumerestrictions, volumezone, nodevolumelimits):
 *   FailedScheduling whose message names a volume reason;
 * - expand controller, external-resizer and kubelet (pkg/controller/volume/expand, pkg/volume/util/
 *   operationexecutor): VolumeResizeFailed, FileSystemResizeFailed.
 */
export type EventCategory =
  | 'liveness'
  | 'readiness'
  | 'startup'
  | 'backoff'
  | 'attach'
  | 'multi-attach'
  | 'mount'
  | 'provisioning'
  | 'scheduling-volume'
  | 'resize';

/** The scheduler's volume reasons (ConflictReason constants and the volume plugins' Unschedulable messages). */
const SCHEDULING_VOLUME_PHRASES = [
  'volume node affinity conflict',
  "didn't match persistentvolume's node affinity",
  "didn't find available persistent volumes to bind",
  'did not have enough free storage',
  'unbound immediate persistentvolumeclaims',
  'bound to non-existent pv',
  'exceed max volume count',
  'no available volume zone',
  'had no available disk',
  'waiting for ephemeral volume controller',
];

export function categoryOf(e: WarningEvent): EventCategory | undefined {
  switch (e.reason) {
    case 'Unhealthy':
      if (/^Liveness probe (failed|errored)/.test(e.message)) return 'liveness';
      if (/^Readiness probe (failed|errored)/.test(e.message)) return 'readiness';
      if (/^Startup probe (failed|errored)/.test(e.message)) return 'startup';
      return undefined;
    case 'BackOff':
      return /restarting failed container/i.test(e.message) ? 'backoff' : undefined;
    case 'FailedAttachVolume':
      return e.message.includes('Multi-Attach error') ? 'multi-attach' : 'attach';
    case 'FailedMount':
    case 'FailedMapVolume':
      return 'mount';
    case 'ProvisioningFailed':
      return 'provisioning';
    case 'FailedScheduling': {
      const m = e.message.toLowerCase();
      if (SCHEDULING_VOLUME_PHRASES.some((p) => m.includes(p))) return 'scheduling-volume';
      return /persistentvolumeclaim "[^"]*" not found/.test(m) ? 'scheduling-volume' : undefined;
    }
    case 'VolumeResizeFailed':
    case 'FileSystemResizeFailed':
      return 'resize';
    default:
      return undefined;
  }
}

export interface IndexedEvent {
  event: WarningEvent;
  category: EventCategory;
  /** Epoch ms of the last occurrence. */
  lastMs: number;
}

/** Categorised events by involved object (kind/namespace/name), newest first. Events of no category are left out. */
export type EventsByObject = ReadonlyMap<string, readonly IndexedEvent[]>;

export function buildEventsByObject(events: readonly WarningEvent[]): EventsByObject {
  const byObject = new Map<string, IndexedEvent[]>();
  for (const event of [...events].sort(compareEventsNewestFirst)) {
    const category = categoryOf(event);
    if (!category) continue;
    const s = event.involvedObject;
    const k = subjectKey(s.kind, s.namespace, s.name);
    const entry = { event, category, lastMs: eventTimeMs(event) };
    const list = byObject.get(k);
    if (list) list.push(entry);
    else byObject.set(k, [entry]);
  }
  return byObject;
}

const cache = new WeakMap<Snapshot, EventsByObject>();

/** The snapshot's events by object; `events` is absent on snapshots from before the kind existed. */
export function eventsByObjectOf(snapshot: Snapshot): EventsByObject {
  let byObject = cache.get(snapshot);
  if (!byObject) {
    // `?? []`: snapshots built before the kind existed (a cached or hand-made one) have no list.
    const events: readonly WarningEvent[] = snapshot.events ?? [];
    byObject = buildEventsByObject(events);
    cache.set(snapshot, byObject);
  }
  return byObject;
}

/** Default age bound: the API server's own default event TTL (--event-ttl 1h); older events are history. */
export const EVENT_MAX_AGE_SECONDS = 3600;

/**
 * The events about one object that still speak about it: younger than the age bound (measured against the
 * analysis' now, so a dump is read as of its own time) and, when both carry a uid, about this incarnation of the
 * object (a StatefulSet pod deleted and recreated under the same name is a new pod; its predecessor's events are
 * not its own).
 */
export function eventsAbout(
  ctx: AnalysisContext,
  object: { kind: string; namespace?: string; name: string; uid?: string },
  maxAgeSeconds: number = EVENT_MAX_AGE_SECONDS,
): IndexedEvent[] {
  const list = eventsByObjectOf(ctx.snapshot).get(subjectKey(object.kind, object.namespace, object.name));
  if (!list) return [];
  const oldest = ctx.nowMs - maxAgeSeconds * 1000;
  return list.filter(
    (e) => e.lastMs >= oldest && (object.uid === undefined || e.event.involvedObject.uid === undefined || e.event.involvedObject.uid === object.uid),
  );
}

/** "spec.containers{app}" -> "app"; undefined for an event about the whole object. */
export function containerOf(e: WarningEvent): string | undefined {
  const m = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]+)\}$/.exec(e.involvedObject.fieldPath ?? '');
  return m?.[1];
}
