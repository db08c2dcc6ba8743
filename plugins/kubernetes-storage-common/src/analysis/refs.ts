// Small shared pieces of the storage analyzers: object references and the StatefulSet ordinal behind a claim.
import type { ObjectRef, StatefulSetOrdinalRef } from '../model/report';
import type { Meta } from '../model/snapshot';
import type { SnapshotIndex } from './snapshotIndex';

export function refOf(kind: string, meta: Meta): ObjectRef {
  return meta.namespace === undefined ? { kind, name: meta.name } : { kind, name: meta.name, namespace: meta.namespace };
}

export function claimObjectRef(namespace: string, name: string): ObjectRef {
  return { kind: 'PersistentVolumeClaim', name, namespace };
}

/** The StatefulSet ordinal whose `<template>-<sts>-<ordinal>` claim this is, by the index's exact rule. */
export function ordinalOfClaimRef(index: SnapshotIndex, namespace: string, claimName: string): StatefulSetOrdinalRef | undefined {
  const match = index.ordinalOfClaim(namespace, claimName);
  return match && { namespace, statefulSet: match.statefulSet.meta.name, ordinal: match.ordinal, template: match.template };
}

export function describeOrdinal(o: StatefulSetOrdinalRef): string {
  return `ordinal ${o.ordinal} of StatefulSet ${o.statefulSet} (template ${o.template})`;
}

/** A finding's `related` list and `details` want no undefined entries: JSON output stays stable. */
export function compact<T extends Record<string, string | number | boolean | undefined>>(
  record: T,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
  return out;
}

/** `{ [k]: v }` when v is defined, else `{}`: spread into views so absent facts are absent keys, not undefined. */
export function optional<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}
