// `kubectl storage orphans`: the clean-up list. Orphaned Released volumes, PVCs left behind by StatefulSet
// scale-ins, and claims no pod mounts, each with its size and age and the exact kubectl commands an admin would
// run. The commands are printed for a human to review; kubectl-storage itself never changes the cluster.
import { formatBytes, quantityBytes } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type {
  ClaimView,
  Finding,
  ObjectRef,
  StatefulSetView,
  StorageReport,
  VolumeView,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from './context';
import { age, NONE, orNone } from './format';
import { ORPHANED_VOLUME_CODE } from './volumes';
import { renderTable } from './table';
import { findingsAbout, type View } from './view';

export const LEFTOVER_CLAIMS_CODE = 'sts-leftover-claims';
export const UNUSED_CLAIM_CODE = 'pvc-unused';

export type OrphanCategory = 'released-volume' | 'leftover-claim' | 'unused-claim';

export interface Orphan {
  category: OrphanCategory;
  kind: 'PersistentVolume' | 'PersistentVolumeClaim';
  namespace?: string;
  name: string;
  size?: string;
  sizeBytes?: number;
  ageSeconds?: number;
  /** For a claim its volume, for a volume the claim it was bound to (namespace/name). */
  counterpart?: string;
  storageClass?: string;
  reason: string;
  /** The finding that makes this an orphan. */
  code: string;
  /** kubectl commands, in the order an admin would run them; lines starting with # are advice. */
  commands: string[];
}

function releasedVolume(v: VolumeView): Orphan {
  const was = v.claim ? `, was ${v.claim}` : '';
  const ordinal = v.ownerOrdinal ? `, ordinal ${v.ownerOrdinal.ordinal} of statefulset ${v.ownerOrdinal.statefulSet}` : '';
  return {
    category: 'released-volume',
    kind: 'PersistentVolume',
    name: v.name,
    ...sized(v.capacity, v.capacityBytes),
    ...(v.ageSeconds !== undefined ? { ageSeconds: v.ageSeconds } : {}),
    ...(v.claim ? { counterpart: v.claim } : {}),
    ...(v.storageClass ? { storageClass: v.storageClass } : {}),
    reason: `Released ${v.phaseAgeSeconds !== undefined ? `${age(v.phaseAgeSeconds)} ago ` : ''}with reclaim policy Retain${was}${ordinal}`,
    code: ORPHANED_VOLUME_CODE,
    commands: [
      `kubectl describe pv ${v.name}`,
      // Removing only the uid lets a claim of the same name (the ordinal's, when recreated) bind it, nobody else.
      `# to let a new claim ${v.claim ? `named ${v.claim}` : 'of the same name'} bind it, keeping the data:`,
      `kubectl patch pv ${v.name} --type json -p '[{"op":"remove","path":"/spec/claimRef/uid"}]'`,
      `# or, once the data is backed up or not needed (Retain: the backing ${v.source} disk survives; delete it in the storage backend too):`,
      `kubectl delete pv ${v.name}`,
    ],
  };
}

function claimOrphan(c: ClaimView, category: OrphanCategory, code: string, reason: string, volume?: VolumeView): Orphan {
  const commands = [`kubectl delete pvc ${c.name} -n ${c.namespace}`];
  if (volume?.reclaimPolicy === 'Retain') {
    commands.push(`# ${volume.name} has reclaim policy Retain: it turns Released and keeps its disk after the claim is gone:`, `kubectl delete pv ${volume.name}`);
  }
  return {
    category,
    kind: 'PersistentVolumeClaim',
    namespace: c.namespace,
    name: c.name,
    ...sized(c.capacity ?? c.requested),
    ...(c.ageSeconds !== undefined ? { ageSeconds: c.ageSeconds } : {}),
    ...(c.volume ? { counterpart: c.volume } : {}),
    ...(c.storageClass ? { storageClass: c.storageClass } : {}),
    reason,
    code,
    commands,
  };
}

function sized(quantity: string | undefined, bytes?: number): Pick<Orphan, 'size' | 'sizeBytes'> {
  const b = bytes ?? quantityBytes(quantity);
  return { ...(quantity ? { size: quantity } : {}), ...(b !== undefined ? { sizeBytes: b } : {}) };
}

export function findOrphans(report: StorageReport): { orphans: Orphan[]; findings: Finding[] } {
  const volumes = new Map(report.volumes.map((v) => [v.name, v]));
  const claims = new Map(report.claims.map((c) => [`${c.namespace}/${c.name}`, c]));
  const orphans: Orphan[] = [];
  const because: Finding[] = [];

  for (const f of report.findings.filter((x) => x.code === ORPHANED_VOLUME_CODE)) {
    const v = volumes.get(f.object.name);
    if (v) orphans.push(releasedVolume(v));
    because.push(f);
  }

  // The finding names the set and lists in `related` exactly the claims that are left over: the core leaves out
  // claims a pod still mounts (a scale-in caught half way) and claims already being deleted, so only those get a
  // delete command.
  const statefulSets = new Map<string, StatefulSetView>(report.statefulSets.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const f of report.findings.filter((x) => x.code === LEFTOVER_CLAIMS_CODE)) {
    const sts = statefulSets.get(`${f.object.namespace}/${f.object.name}`);
    for (const ref of f.related ?? []) {
      if (ref.kind !== 'PersistentVolumeClaim') continue;
      const c = claims.get(`${ref.namespace ?? f.object.namespace}/${ref.name}`);
      if (!c) continue;
      const ordinal = c.ownerOrdinal?.ordinal;
      const details = [sts ? `replicas ${sts.replicas}` : undefined, ordinal !== undefined ? `ordinal ${ordinal}` : undefined].filter(Boolean);
      const reason = `left by statefulset ${f.object.name}${details.length ? ` (${details.join(', ')})` : ''}`;
      orphans.push(claimOrphan(c, 'leftover-claim', f.code, reason, c.volume ? volumes.get(c.volume) : undefined));
    }
    because.push(f);
  }

  for (const f of report.findings.filter((x) => x.code === UNUSED_CLAIM_CODE)) {
    const c = claims.get(`${f.object.namespace}/${f.object.name}`);
    if (c) orphans.push(claimOrphan(c, 'unused-claim', f.code, 'bound, but no pod mounts it', c.volume ? volumes.get(c.volume) : undefined));
    because.push(f);
  }
  return { orphans, findings: because };
}

export function orphansView(report: StorageReport): View<Orphan> {
  const { orphans, findings } = findOrphans(report);
  const refs: ObjectRef[] = findings.map((f) => f.object);
  return {
    key: 'orphans',
    rows: orphans,
    findings: findingsAbout(report.findings, refs),
    incomplete: report.incomplete,
    emptyMessage: 'No orphaned volumes, leftover StatefulSet claims or unused claims found.',
    // Each row already says why it is listed; repeating the findings underneath would be noise.
    findingsInTable: false,
    table: (ctx) => orphansTable(orphans, ctx),
  };
}

const KIND_SHORT = { PersistentVolume: 'pv', PersistentVolumeClaim: 'pvc' } as const;

function orphansTable(orphans: Orphan[], ctx: RenderContext): string[] {
  const headers = ['kind', ...(ctx.showNamespace ? ['namespace'] : []), 'name', 'size', 'age', 'reason'];
  if (ctx.wide) headers.splice(headers.length - 1, 0, 'storageclass', 'bound to');
  const body = orphans.map((o) => {
    const row = [KIND_SHORT[o.kind], ...(ctx.showNamespace ? [o.namespace ?? ''] : []), o.name, o.size ?? NONE, age(o.ageSeconds)];
    if (ctx.wide) row.push(orNone(o.storageClass), orNone(o.counterpart));
    row.push(o.reason);
    return row;
  });
  const lines = renderTable(headers, body, { noHeaders: ctx.noHeaders, paint: ctx.paint });
  if (ctx.noHeaders) return lines;
  const total = orphans.reduce((sum, o) => sum + (o.sizeBytes ?? 0), 0);
  lines.push('', `${orphans.length} to review, ${formatBytes(total)} in total.`);
  lines.push('', ctx.paint('Clean-up commands (review first; kubectl-storage never runs them):', 'bold'));
  for (const o of orphans) {
    lines.push('', `# ${KIND_SHORT[o.kind]}/${o.name}${o.namespace ? ` -n ${o.namespace}` : ''}: ${o.reason}`);
    lines.push(...o.commands);
  }
  return lines;
}
