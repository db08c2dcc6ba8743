// `kubectl storage sts`: without a name one line per StatefulSet; with a name (`sts web -n shop`) the set's
// summary and one line per ordinal (pod, readiness, restarts, revision, PVC, PV), the view that explains a
// stuck OrderedReady rollout.
import type {
  ObjectRef,
  OrdinalView,
  StatefulSetView,
  StorageReport,
  VolumeView,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { age, NONE, objectName, orNone, statusCell } from './format';
import type { Style } from '../lib/colors';
import { renderTable, type CellInput } from './table';
import { terminalSafe } from './terminalSafe';
import { findingsAbout, type View } from './view';

/**
 * The objects a set's view is about: the set, its ordinal pods, their claims and volumes, and volumes that belonged
 * to an ordinal whose claim is gone (a Released volume of a scaled-in ordinal still belongs to its set).
 */
function objectsOf(sts: StatefulSetView, ownedVolumes: Map<string, VolumeView[]>): ObjectRef[] {
  const refs: ObjectRef[] = [{ kind: 'StatefulSet', namespace: sts.namespace, name: sts.name }];
  for (const o of sts.ordinals) {
    refs.push({ kind: 'Pod', namespace: sts.namespace, name: o.podName });
    for (const c of o.claims) {
      refs.push({ kind: 'PersistentVolumeClaim', namespace: sts.namespace, name: c.name });
      if (c.volume) refs.push({ kind: 'PersistentVolume', name: c.volume });
    }
  }
  for (const v of ownedVolumes.get(setKey(sts.namespace, sts.name)) ?? []) refs.push({ kind: 'PersistentVolume', name: v.name });
  return refs;
}

const setKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/** Volumes by the StatefulSet whose ordinal they belong or belonged to: one pass, however many sets are shown. */
function volumesBySet(volumes: VolumeView[]): Map<string, VolumeView[]> {
  const bySet = new Map<string, VolumeView[]>();
  for (const v of volumes) {
    if (!v.ownerOrdinal) continue;
    const k = setKey(v.ownerOrdinal.namespace, v.ownerOrdinal.statefulSet);
    const list = bySet.get(k);
    if (list) list.push(v);
    else bySet.set(k, [v]);
  }
  return bySet;
}

export function statefulSetsView(report: StorageReport, name?: string): View<StatefulSetView> {
  const rows = name === undefined ? report.statefulSets : report.statefulSets.filter((s) => s.name === name);
  const owned = volumesBySet(report.volumes);
  return {
    kind: 'StatefulSetList',
    rows,
    findings: findingsAbout(report.findings, rows.flatMap((s) => objectsOf(s, owned))),
    incomplete: report.incomplete,
    emptyMessage: name === undefined ? 'No statefulsets found.' : `No statefulset named "${name}" found.`,
    table: (ctx) => (name === undefined ? statefulSetList(rows, ctx) : rows.flatMap((s, i) => [...(i ? [''] : []), ...ordinalBlock(s, ctx, report.generatedAt)])),
  };
}

/** The governing Service as read: "not read" is never shown as "missing" (Services forbidden, or absent from a dump). */
export function serviceText(sts: StatefulSetView): string {
  if (!sts.serviceName) return NONE;
  switch (sts.serviceStatus) {
    case 'headless':
      return sts.serviceName;
    case 'not-headless':
      return `${sts.serviceName} (not headless)`;
    case 'missing':
      return `${sts.serviceName} (missing)`;
    case 'not-read':
      return `${sts.serviceName} (not read)`;
    default:
      // A report from before serviceStatus: null meant missing or unknown, so claim neither.
      return sts.serviceHeadless === null ? `${sts.serviceName} (unknown)` : sts.serviceHeadless ? sts.serviceName : `${sts.serviceName} (not headless)`;
  }
}

/** "2/3", or "0/-3 (invalid)" for a replicas value the API never accepts. */
function readyText(s: StatefulSetView): string {
  return s.replicasValid === false ? `${s.readyReplicas}/${s.replicas} (invalid)` : `${s.readyReplicas}/${s.replicas}`;
}

function replicasText(s: StatefulSetView): string {
  const available = s.minReadySeconds > 0 ? `, ${s.availableReplicas} available (minReadySeconds ${s.minReadySeconds})` : '';
  const invalid = s.replicasValid === false ? ' (invalid: the API accepts an integer from 0 to 2147483647)' : '';
  return `${s.replicas} desired${invalid}, ${s.readyReplicas} ready${available}`;
}

/**
 * The ordinals the view counts but does not list (a set far larger than its objects): one line, never one row per
 * ordinal. Without pods read they are not known to be missing.
 */
function elidedLine(s: StatefulSetView): string | undefined {
  const e = s.ordinalsElided;
  if (!e) return undefined;
  const unread = s.ordinals.some((o) => o.status === 'Unknown');
  const what = unread ? 'without a claim (pods not read)' : 'without a pod or claim (Missing)';
  return `Not listed: ${e.count} more ordinal${e.count === 1 ? '' : 's'} ${what}: ${e.ranges}`;
}

function revisionText(sts: StatefulSetView): string {
  if (!sts.updateRevision || sts.updateRevision === sts.currentRevision) return orNone(sts.currentRevision);
  return `${orNone(sts.currentRevision)} -> ${sts.updateRevision}`;
}

const blockingPod = (sts: StatefulSetView): string | undefined =>
  sts.blockingOrdinal === undefined ? undefined : `${sts.name}-${sts.blockingOrdinal}`;

function statefulSetList(rows: StatefulSetView[], ctx: RenderContext): string[] {
  const headers = [...(ctx.showNamespace ? ['namespace'] : []), 'name', 'ready', 'service', 'policy', 'revision', 'blocked at', 'leftover'];
  if (ctx.wide) headers.push('update strategy', 'partition');
  const body = rows.map((s): CellInput[] => {
    const leftover = s.ordinals.filter((o) => o.status === 'Leftover').length;
    const row: CellInput[] = [
      ...(ctx.showNamespace ? [s.namespace] : []),
      s.name,
      { text: readyText(s), style: s.readyReplicas < s.replicas || s.replicasValid === false ? 'red' : undefined },
      { text: serviceText(s), style: s.serviceHeadless === true ? undefined : s.serviceStatus === 'not-read' ? 'dim' : 'yellow' },
      s.podManagementPolicy,
      revisionText(s),
      { text: orNone(blockingPod(s)), style: blockingPod(s) ? 'red' : undefined },
      String(leftover),
    ];
    if (ctx.wide) row.push(s.updateStrategy, orNone(s.partition));
    return row;
  });
  return renderTable(headers, body, tableOptions(ctx));
}

/** Why an ordinal is not Ready, in the words kubectl get pods uses (CrashLoopBackOff, OOMKilled...). */
function reasonText(o: OrdinalView): string {
  const reasons = [o.pod?.waitingReason, o.pod?.lastTerminationReason && `last: ${o.pod.lastTerminationReason}`];
  return orNone(reasons.filter(Boolean).join(', '));
}

/** A claim that does not exist (yet) has no phase; it prints as <none> rather than a name that is not there. */
const claimNames = (o: OrdinalView): string => orNone(o.claims.filter((c) => c.phase).map((c) => c.name).join(','));
const volumeNames = (o: OrdinalView): string => orNone(o.claims.map((c) => c.volume).filter(Boolean).join(','));

function describeBlock(s: StatefulSetView, ctx: RenderContext): string[] {
  const rows: [string, string, Style?][] = [
    ['StatefulSet', `${s.namespace}/${s.name}`],
    ['Replicas', replicasText(s)],
    ['Service', serviceText(s)],
    ['Pod management', s.podManagementPolicy],
    ['Update', s.partition !== undefined ? `${s.updateStrategy}, partition ${s.partition}` : s.updateStrategy],
    ['Revision', revisionText(s)],
  ];
  const blocking = blockingPod(s);
  if (blocking) rows.push(['Blocked at', `ordinal ${s.blockingOrdinal} (${blocking})`, 'red']);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  // Names come from the cluster or a dump: escaped (terminalSafe) before the colour is added.
  return rows.map(([k, v, style]) => `${`${k}:`.padEnd(width)}${style ? ctx.paint(terminalSafe(v), style) : terminalSafe(v)}`);
}

/**
 * The newest Warning event of the ordinal's pod or claims, as kubectl describe words it: "Unhealthy 2m (x30):
 * Liveness probe failed: ...". The age is measured against the report's own time, so a dump reads the same later.
 */
function lastEventText(o: OrdinalView, generatedAt: string): string {
  const e = o.latestEvent;
  if (!e) return NONE;
  const seen = e.lastSeen === undefined ? NaN : Date.parse(generatedAt) - Date.parse(e.lastSeen);
  const when = Number.isNaN(seen) ? '' : ` ${age(Math.max(0, seen / 1000))}`;
  const times = e.count > 1 ? ` (x${e.count})` : '';
  const about = e.object.kind === 'Pod' ? '' : ` ${objectName(e.object)}`;
  return `${e.reason}${about}${when}${times}: ${e.message}`;
}

const LAST_EVENT = 'last event';

function ordinalBlock(s: StatefulSetView, ctx: RenderContext, generatedAt: string): string[] {
  const headers = ['ordinal', 'pod', 'status', 'reason', 'restarts', 'revision', 'pvc', 'pv'];
  if (ctx.wide) headers.push('node', 'age', 'pvc status', 'pv status', 'updated');
  // Only when some ordinal has one: without events read (or none) the table stays as it was.
  const events = s.ordinals.some((o) => o.latestEvent);
  if (events) headers.push(LAST_EVENT);
  const body = s.ordinals.map((o): CellInput[] => {
    const row: CellInput[] = [
      String(o.ordinal),
      o.podName,
      { text: o.status, style: o.blocking ? 'boldRed' : statusCell(o.status).style },
      reasonText(o),
      o.pod ? String(o.pod.restarts) : NONE,
      orNone(o.pod?.revision),
      claimNames(o),
      volumeNames(o),
    ];
    if (ctx.wide) {
      row.push(
        orNone(o.pod?.node),
        o.pod ? age(o.pod.ageSeconds) : NONE,
        orNone(o.claims.map((c) => c.phase ?? (c.notRead ? 'not read' : 'Missing')).join(',')),
        orNone(o.claims.map((c) => c.volumePhase).filter(Boolean).join(',')),
        o.pod ? String(o.pod.updated) : NONE,
      );
    }
    if (events) row.push({ text: lastEventText(o, generatedAt), style: o.latestEvent ? 'yellow' : undefined });
    return row;
  });
  const table = renderTable(headers, body, tableOptions(ctx, [LAST_EVENT]));
  const elided = elidedLine(s);
  if (ctx.noHeaders) return table;
  return [...describeBlock(s, ctx), '', ...table, ...(elided ? [ctx.paint(elided, 'yellow')] : [])];
}
