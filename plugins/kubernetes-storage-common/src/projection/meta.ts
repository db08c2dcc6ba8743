import type { Meta, OwnerRef } from '../model/snapshot';
import { ProjectionError } from './errors';
import { asRecord, bool, compact, nonEmpty, num, records, str, stringMap, strings } from './raw';

/** The only annotations any analyzer reads; everything else (last-applied configs, tool noise) is dropped. */
export const KEPT_ANNOTATIONS: readonly string[] = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
  'ingressclass.kubernetes.io/is-default-class',
  'kubernetes.io/ingress.class',
  'volume.kubernetes.io/selected-node',
  'pv.kubernetes.io/provisioned-by',
  'volume.kubernetes.io/storage-provisioner',
];

function keptAnnotations(raw: unknown): Record<string, string> | undefined {
  const all = asRecord(raw);
  if (!all) return undefined;
  let out: Record<string, string> | undefined;
  for (const k of KEPT_ANNOTATIONS) {
    const v = all[k];
    if (typeof v === 'string') (out ??= {})[k] = v;
  }
  return out;
}

/** Default-class style annotations count only when exactly "true", as the API server reads them. */
export function isTrueAnnotation(annotations: Record<string, string> | undefined, ...keys: string[]): boolean {
  return keys.some((k) => annotations?.[k] === 'true');
}

function ownerRefs(raw: unknown): OwnerRef[] | undefined {
  const refs = records(raw)
    .filter((r) => typeof r.kind === 'string' && typeof r.name === 'string')
    .map((r) => compact<OwnerRef>({ kind: r.kind as string, name: r.name as string, uid: str(r.uid), controller: bool(r.controller) }));
  return refs.length ? refs : undefined;
}

/**
 * Projects metadata. A kind's objects without a name, or namespaced ones without a namespace, cannot be joined to
 * anything, so they are rejected with a one-line error rather than carried along half-identified.
 */
export function projectMeta(raw: unknown, kindName: string, namespaced: boolean): Meta {
  const m = asRecord(asRecord(raw)?.metadata);
  const name = nonEmpty(m?.name);
  if (!m || name === undefined) throw new ProjectionError(`${kindName} without metadata.name`);
  const namespace = nonEmpty(m.namespace);
  if (namespaced && namespace === undefined) throw new ProjectionError(`${kindName} "${name}" without metadata.namespace`);
  const finalizers = strings(m.finalizers);
  return compact<Meta>({
    name,
    namespace: namespaced ? namespace : undefined,
    uid: nonEmpty(m.uid),
    creationTimestamp: nonEmpty(m.creationTimestamp),
    deletionTimestamp: nonEmpty(m.deletionTimestamp),
    labels: stringMap(m.labels),
    annotations: keptAnnotations(m.annotations),
    ownerReferences: ownerRefs(m.ownerReferences),
    finalizers: finalizers.length ? finalizers : undefined,
    generation: num(m.generation),
  });
}
