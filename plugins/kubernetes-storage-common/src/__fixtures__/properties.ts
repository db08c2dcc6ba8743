// Shared pieces of the core's property tests: fixed seeds (printed by fast-check on failure, overridable to
// replay one), and what "an object of the snapshot" means for a finding's reference.
import fc from 'fast-check';
import type { ObjectRef, StorageReport } from '../model/report';
import type { Meta, Snapshot, SnapshotSource } from '../model/snapshot';

export const SOURCE: SnapshotSource = { type: 'file', files: ['property.json'] };
export const COLLECTED_AT = '2024-01-01T00:10:00Z';

/**
 * Bounded runs with a fixed seed, so the unit tier stays fast and a failure replays: fast-check prints the seed and
 * path of the shrunk counterexample; KUBECTL_STORAGE_FC_SEED=<seed> replays another seed.
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, numRuns = 150): void {
  const seed = Number(process.env.KUBECTL_STORAGE_FC_SEED ?? 20261202);
  fc.assert(property, { seed, numRuns, endOnFailure: false, verbose: 0 });
}

const KIND_LISTS: Record<string, keyof Snapshot> = {
  PersistentVolume: 'persistentVolumes',
  PersistentVolumeClaim: 'persistentVolumeClaims',
  StorageClass: 'storageClasses',
  Pod: 'pods',
  StatefulSet: 'statefulSets',
  Service: 'services',
  Ingress: 'ingresses',
  IngressClass: 'ingressClasses',
  Node: 'nodes',
  Secret: 'secrets',
  CSIDriver: 'csiDrivers',
};

const refKey = (kind: string, namespace: string | undefined, name: string): string => `${kind}\u0000${namespace ?? ''}\u0000${name}`;

/** Every object of the snapshot, by kind/namespace/name. */
export function objectKeys(snapshot: Snapshot): Set<string> {
  const keys = new Set<string>();
  for (const [kind, list] of Object.entries(KIND_LISTS)) {
    for (const o of snapshot[list] as { meta: Meta }[]) keys.add(refKey(kind, o.meta.namespace, o.meta.name));
  }
  return keys;
}

export const hasRef = (keys: Set<string>, ref: ObjectRef): boolean => keys.has(refKey(ref.kind, ref.namespace, ref.name));

/** Every number in a JSON-able value (a NaN or Infinity would print as null in -o json). */
export function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

export function ordinalRows(report: StorageReport): number {
  return report.statefulSets.reduce((n, s) => n + s.ordinals.length, 0);
}

/** The report without its scope-independent stamp, for comparisons. */
export function objectCount(snapshot: Snapshot): number {
  return Object.values(KIND_LISTS).reduce((n, list) => n + (snapshot[list] as unknown[]).length, 0) + snapshot.endpointSlices.length;
}
