// "What changed?": two StorageReports of the same cluster (two dumps, or a dump and a live read) compared by
// stable identities: a finding is its code on its object, a volume its name, a claim namespace/name, an ordinal
// its StatefulSet and number. Pure and linear in the two reports' sizes; the result is sorted so the same pair
// always gives the same diff.
import type { Finding, ObjectRef, OrdinalStatus, Severity, StorageReport } from '../model/report';
import type { SnapshotSource } from '../model/snapshot';
import { compareFindings } from '../analysis/sortFindings';

export interface FindingChange {
  code: string;
  object: ObjectRef;
  severity: Severity;
  /** Only for severity changes: the severity before. */
  previousSeverity?: Severity;
  message: string;
}

export interface PhaseChange {
  kind: 'PersistentVolume' | 'PersistentVolumeClaim';
  name: string;
  namespace?: string;
  /** undefined: the object did not exist on that side. */
  before?: string;
  after?: string;
}

export interface OrdinalChange {
  namespace: string;
  statefulSet: string;
  ordinal: number;
  podName: string;
  before?: OrdinalStatus;
  after?: OrdinalStatus;
}

export interface StorageDiff {
  apiVersion: 'kubectl-storage.io/v1alpha1';
  kind: 'StorageDiff';
  before: { source: SnapshotSource; generatedAt: string };
  after: { source: SnapshotSource; generatedAt: string };
  findings: { appeared: FindingChange[]; cleared: FindingChange[]; severityChanged: FindingChange[] };
  phases: PhaseChange[];
  ordinals: OrdinalChange[];
  /** Kinds unread on either side: changes there cannot be told (unread is never "no change"). */
  notCompared: { kind: string; side: 'before' | 'after'; namespace?: string; reason: string }[];
}

/** A finding's identity across two reports: its code on its object. */
export const findingKey = (f: Pick<Finding, 'code' | 'object'>): string => `${f.code}\u0000${f.object.kind}\u0000${f.object.namespace ?? ''}\u0000${f.object.name}`;
const change = (f: Finding, previous?: Finding): FindingChange => ({
  code: f.code,
  object: f.object,
  severity: f.severity,
  ...(previous ? { previousSeverity: previous.severity } : {}),
  message: f.message,
});

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}

/** Every key of either map, once, in sorted order. */
function unionKeys(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].sort();
}

function phaseChanges(before: StorageReport, after: StorageReport): PhaseChange[] {
  const changes: PhaseChange[] = [];
  const pvBefore = byKey(before.volumes, (v) => v.name);
  const pvAfter = byKey(after.volumes, (v) => v.name);
  for (const name of unionKeys(pvBefore, pvAfter)) {
    const b = pvBefore.get(name)?.phase;
    const a = pvAfter.get(name)?.phase;
    if (b !== a) changes.push({ kind: 'PersistentVolume', name, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
  }
  const claimKey = (c: { namespace: string; name: string }) => `${c.namespace}/${c.name}`;
  const pvcBefore = byKey(before.claims, claimKey);
  const pvcAfter = byKey(after.claims, claimKey);
  for (const key of unionKeys(pvcBefore, pvcAfter)) {
    const claim = pvcAfter.get(key) ?? pvcBefore.get(key)!;
    const b = pvcBefore.get(key)?.phase;
    const a = pvcAfter.get(key)?.phase;
    if (b !== a) {
      changes.push({ kind: 'PersistentVolumeClaim', namespace: claim.namespace, name: claim.name, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
    }
  }
  return changes;
}

function ordinalChanges(before: StorageReport, after: StorageReport): OrdinalChange[] {
  const flatten = (report: StorageReport) => {
    const map = new Map<string, { namespace: string; statefulSet: string; ordinal: number; podName: string; status: OrdinalStatus }>();
    for (const sts of report.statefulSets) {
      for (const o of sts.ordinals) {
        // Zero-padded so the sorted keys put ordinal 10 after ordinal 9.
        map.set(`${sts.namespace}/${sts.name}/${String(o.ordinal).padStart(10, '0')}`, {
          namespace: sts.namespace,
          statefulSet: sts.name,
          ordinal: o.ordinal,
          podName: o.podName,
          status: o.status,
        });
      }
    }
    return map;
  };
  const b = flatten(before);
  const a = flatten(after);
  const changes: OrdinalChange[] = [];
  for (const key of unionKeys(b, a)) {
    const was = b.get(key);
    const now = a.get(key);
    if (was?.status === now?.status) continue;
    const o = (now ?? was)!;
    changes.push({
      namespace: o.namespace,
      statefulSet: o.statefulSet,
      ordinal: o.ordinal,
      podName: o.podName,
      ...(was ? { before: was.status } : {}),
      ...(now ? { after: now.status } : {}),
    });
  }
  return changes;
}

export function diffReports(before: StorageReport, after: StorageReport): StorageDiff {
  const was = byKey(before.findings, findingKey);
  const now = byKey(after.findings, findingKey);
  const appeared: Finding[] = [];
  const cleared: Finding[] = [];
  const severityChanged: [Finding, Finding][] = [];
  for (const [key, f] of now) {
    const old = was.get(key);
    if (!old) appeared.push(f);
    else if (old.severity !== f.severity) severityChanged.push([f, old]);
  }
  for (const [key, f] of was) if (!now.has(key)) cleared.push(f);
  appeared.sort(compareFindings);
  cleared.sort(compareFindings);
  severityChanged.sort((x, y) => compareFindings(x[0], y[0]));

  const notCompared = [
    ...before.incomplete.map((e) => ({ side: 'before' as const, e })),
    ...after.incomplete.map((e) => ({ side: 'after' as const, e })),
  ].map(({ side, e }) => ({ kind: e.kind, side, ...(e.namespace ? { namespace: e.namespace } : {}), reason: e.reason }));

  return {
    apiVersion: 'kubectl-storage.io/v1alpha1',
    kind: 'StorageDiff',
    before: { source: before.source, generatedAt: before.generatedAt },
    after: { source: after.source, generatedAt: after.generatedAt },
    findings: {
      appeared: appeared.map((f) => change(f)),
      cleared: cleared.map((f) => change(f)),
      severityChanged: severityChanged.map(([f, old]) => change(f, old)),
    },
    phases: phaseChanges(before, after),
    ordinals: ordinalChanges(before, after),
    notCompared,
  };
}

/** True when the diff has nothing to say (a CI gate's "no regression"). */
export function isEmptyDiff(diff: StorageDiff): boolean {
  const f = diff.findings;
  return f.appeared.length + f.cleared.length + f.severityChanged.length + diff.phases.length + diff.ordinals.length === 0;
}
