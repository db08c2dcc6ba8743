// The clean-up list, shared by `kubectl storage orphans`, `report` and the Backstage page: orphaned Released volumes,
// claims StatefulSet scale-ins left behind, and claims no pod mounts, each with size, age, what it costs (when a
// price is known) and the exact kubectl commands an admin would run, aimed at the cluster that was read. Built from
// the report's findings, so an object is listed only where the analysis concluded it is unused: nothing here
// decides anew, and nothing is listed where the analysis could not read what it needed.
import type { ClaimView, Finding, OrphanCost, StatefulSetView, StorageReport, VolumeView } from '../model/report';
import { quantityBytes } from '../util/quantity';
import { humanizeAge } from '../util/time';
import { commandTargetFor, kubectlCommand, type CommandTarget } from './commandTarget';
import { monthlyCost, roundCost, type Pricing } from './pricing';

export const ORPHANED_VOLUME_CODE = 'pv-released-retain';
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
  /** Per month at the class's price, rounded to cents; absent without a price for the class or without a size. */
  monthlyCost?: number;
  reason: string;
  /** The finding that makes this an orphan. */
  code: string;
  /** kubectl commands, in the order an admin would run them; lines starting with # are advice. */
  commands: string[];
}

export interface OrphanTotals {
  count: number;
  bytes: number;
  /** Sum of the unrounded costs, rounded to cents; absent when no orphan has a price. */
  monthlyCost?: number;
  /** Orphans left out of monthlyCost: no price for their class, or no known size. */
  unpriced: number;
}

export interface OrphanReport {
  orphans: Orphan[];
  /** The findings that list them. */
  findings: Finding[];
  totals: OrphanTotals;
  /** Per namespace ("" for volumes whose claim is unknown), sorted by name. */
  byNamespace: ({ namespace: string } & OrphanTotals)[];
  currency?: string;
  /** Where the printed commands point. */
  target: CommandTarget;
}

export interface OrphanOptions {
  pricing?: Pricing;
  /** Where printed commands point; default: derived from report.source (see commandTargetFor). */
  target?: CommandTarget;
}

function sized(quantity: string | undefined, bytes?: number): Pick<Orphan, 'size' | 'sizeBytes'> {
  const b = bytes ?? quantityBytes(quantity);
  const usable = b !== undefined && Number.isFinite(b) && b >= 0 ? b : undefined;
  return { ...(quantity ? { size: quantity } : {}), ...(usable !== undefined ? { sizeBytes: usable } : {}) };
}

function releasedVolume(v: VolumeView, target: CommandTarget): Omit<Orphan, 'monthlyCost'> {
  const was = v.claim ? `, was ${v.claim}` : '';
  const ordinal = v.ownerOrdinal ? `, ordinal ${v.ownerOrdinal.ordinal} of statefulset ${v.ownerOrdinal.statefulSet}` : '';
  const phaseAge = v.phaseAgeSeconds;
  return {
    category: 'released-volume',
    kind: 'PersistentVolume',
    name: v.name,
    ...sized(v.capacity, v.capacityBytes),
    ...(v.ageSeconds !== undefined ? { ageSeconds: v.ageSeconds } : {}),
    ...(v.claim ? { counterpart: v.claim } : {}),
    ...(v.storageClass ? { storageClass: v.storageClass } : {}),
    reason: `Released ${phaseAge !== undefined ? `${humanizeAge(phaseAge)} ago ` : ''}with reclaim policy Retain${was}${ordinal}`,
    code: ORPHANED_VOLUME_CODE,
    commands: [
      kubectlCommand(target, ['describe', 'pv', v.name]),
      // Removing only the uid lets a claim of the same name (the ordinal's, when recreated) bind it, nobody else.
      `# to let a new claim ${v.claim ? `named ${v.claim}` : 'of the same name'} bind it, keeping the data:`,
      kubectlCommand(target, ['patch', 'pv', v.name, '--type', 'json', '-p', '[{"op":"remove","path":"/spec/claimRef/uid"}]']),
      `# or, once the data is backed up or not needed (Retain: the backing ${v.source} disk survives; delete it in the storage backend too):`,
      kubectlCommand(target, ['delete', 'pv', v.name]),
    ],
  };
}

function claimOrphan(
  c: ClaimView,
  category: OrphanCategory,
  code: string,
  reason: string,
  target: CommandTarget,
  volume?: VolumeView,
): Omit<Orphan, 'monthlyCost'> {
  const commands = [kubectlCommand(target, ['delete', 'pvc', c.name, '-n', c.namespace])];
  if (volume?.reclaimPolicy === 'Retain') {
    commands.push(
      `# ${volume.name} has reclaim policy Retain: it turns Released and keeps its disk after the claim is gone:`,
      kubectlCommand(target, ['delete', 'pv', volume.name]),
    );
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

interface Priced {
  orphan: Orphan;
  /** Unrounded, for the totals. */
  cost?: number;
}

function totalsOf(items: readonly Priced[]): OrphanTotals {
  let bytes = 0;
  let cost = 0;
  let priced = 0;
  for (const { orphan, cost: c } of items) {
    bytes += orphan.sizeBytes ?? 0;
    if (c !== undefined) {
      cost += c;
      priced++;
    }
  }
  return { count: items.length, bytes, ...(priced > 0 ? { monthlyCost: roundCost(cost) } : {}), unpriced: items.length - priced };
}

export function findOrphans(report: StorageReport, options: OrphanOptions = {}): OrphanReport {
  const target = options.target ?? commandTargetFor(report.source);
  const volumes = new Map(report.volumes.map((v) => [v.name, v]));
  const claims = new Map(report.claims.map((c) => [`${c.namespace}/${c.name}`, c]));
  const found: Omit<Orphan, 'monthlyCost'>[] = [];
  const because: Finding[] = [];

  for (const f of report.findings) {
    if (f.code !== ORPHANED_VOLUME_CODE) continue;
    const v = volumes.get(f.object.name);
    if (v) found.push(releasedVolume(v, target));
    because.push(f);
  }

  // The finding names the set and lists in `related` exactly the claims that are left over: the core leaves out
  // claims a pod still mounts (a scale-in caught half way) and claims already being deleted, so only those get a
  // delete command.
  const statefulSets = new Map<string, StatefulSetView>(report.statefulSets.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const f of report.findings) {
    if (f.code !== LEFTOVER_CLAIMS_CODE) continue;
    const sts = statefulSets.get(`${f.object.namespace}/${f.object.name}`);
    for (const ref of f.related ?? []) {
      if (ref.kind !== 'PersistentVolumeClaim') continue;
      const c = claims.get(`${ref.namespace ?? f.object.namespace}/${ref.name}`);
      if (!c) continue;
      const ordinal = c.ownerOrdinal?.ordinal;
      const details = [sts ? `replicas ${sts.replicas}` : undefined, ordinal !== undefined ? `ordinal ${ordinal}` : undefined].filter(Boolean);
      const reason = `left by statefulset ${f.object.name}${details.length ? ` (${details.join(', ')})` : ''}`;
      found.push(claimOrphan(c, 'leftover-claim', f.code, reason, target, c.volume ? volumes.get(c.volume) : undefined));
    }
    because.push(f);
  }

  for (const f of report.findings) {
    if (f.code !== UNUSED_CLAIM_CODE) continue;
    const c = claims.get(`${f.object.namespace}/${f.object.name}`);
    if (c) found.push(claimOrphan(c, 'unused-claim', f.code, 'bound, but no pod mounts it', target, c.volume ? volumes.get(c.volume) : undefined));
    because.push(f);
  }

  const priced: Priced[] = found.map((o) => {
    const cost = monthlyCost(options.pricing, o.storageClass, o.sizeBytes);
    return { orphan: cost === undefined ? o : { ...o, monthlyCost: roundCost(cost) }, cost };
  });
  const namespaces = new Map<string, Priced[]>();
  for (const p of priced) {
    // Cluster-scoped volumes are grouped under the namespace of the claim they belonged to, where known.
    const ns = p.orphan.namespace ?? p.orphan.counterpart?.split('/')[0] ?? '';
    const group = namespaces.get(ns);
    if (group) group.push(p);
    else namespaces.set(ns, [p]);
  }
  return {
    orphans: priced.map((p) => p.orphan),
    findings: because,
    totals: totalsOf(priced),
    byNamespace: [...namespaces.keys()].sort().map((namespace) => ({ namespace, ...totalsOf(namespaces.get(namespace)!) })),
    ...(options.pricing ? { currency: options.pricing.currency ?? 'USD' } : {}),
    target,
  };
}

/** The report's orphanCost at the given prices: what `report --pricing` and the portal show beside the findings. */
export function orphanCostOf(report: StorageReport, pricing: Pricing): OrphanCost {
  const { totals, byNamespace, currency } = findOrphans(report, { pricing });
  return { currency: currency ?? 'USD', ...totals, byNamespace };
}
