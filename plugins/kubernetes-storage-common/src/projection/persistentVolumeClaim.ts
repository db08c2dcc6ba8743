import type { PersistentVolumeClaim, PersistentVolumeClaimCondition } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, asWritten, compact, nonEmpty, quantity, recordAt, records, str, strings } from './raw';

function hasSelector(selector: unknown): true | undefined {
  const s = asRecord(selector);
  if (!s) return undefined;
  const labels = asRecord(s.matchLabels);
  const exprs = s.matchExpressions;
  return (labels && Object.keys(labels).length > 0) || (Array.isArray(exprs) && exprs.length > 0) ? true : undefined;
}

export function projectPersistentVolumeClaim(raw: unknown): PersistentVolumeClaim {
  const meta = projectMeta(raw, 'PersistentVolumeClaim', true);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const status = asRecord(obj.status) ?? {};
  const conditions = records(status.conditions).map((c) =>
    compact<PersistentVolumeClaimCondition>({
      type: str(c.type) ?? '',
      status: str(c.status) ?? '',
      reason: nonEmpty(c.reason),
      message: nonEmpty(c.message),
      lastTransitionTime: nonEmpty(c.lastTransitionTime),
    }),
  );
  return compact<PersistentVolumeClaim>({
    meta,
    // Unknown values are kept as written (never rewritten into a known phase); unset is Pending.
    phase: asWritten(status.phase, 'Pending'),
    // "" (explicitly no class) must stay distinct from unset (default class). The beta annotation still counts
    // when the field is unset: the API server honours it.
    storageClassName: str(spec.storageClassName) ?? str(asRecord(asRecord(obj.metadata)?.annotations)?.['volume.beta.kubernetes.io/storage-class']),
    requestedStorage: quantity(recordAt(spec, 'resources', 'requests')?.storage),
    capacity: quantity(recordAt(status, 'capacity')?.storage),
    volumeName: nonEmpty(spec.volumeName),
    accessModes: strings(spec.accessModes),
    volumeMode: asWritten(spec.volumeMode, 'Filesystem'),
    hasSelector: hasSelector(spec.selector),
    conditions: conditions.length ? conditions : undefined,
    resizeStatus: nonEmpty(recordAt(status, 'allocatedResourceStatuses')?.storage),
  });
}
