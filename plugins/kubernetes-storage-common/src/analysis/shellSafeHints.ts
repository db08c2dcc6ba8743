// Hints print kubectl commands with object names in them (`kubectl delete pv pv-old`). Names an API server accepts
// are DNS-style and need no shell quoting, but a hand-made dump may hold anything: a volume named `pv-old pv-bound`
// would make the pasted command delete pv-bound too, `$(touch pwned)` would run a command. So a hint that mentions
// a name a shell would act on prints no command at all. Only names no API server accepts are affected: for every
// real cluster this changes nothing. Checked per finding, on the identifiers of the objects it is about (its object
// and related objects, their own fields, its details), so the cost follows the findings, not the cluster.
import type { Finding, ObjectRef } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { key, type SnapshotIndex } from './snapshotIndex';

/** What a hint says instead of commands that could act on something other than their object. */
export const UNSAFE_NAME_HINT =
  'No command is printed: a name of the objects involved holds characters a shell would act on (no API server accepts such names; check where the input came from).';

/** The complement of the plain words shellQuote leaves unquoted (orphans/commandTarget.ts). */
const NOT_PLAIN = /[^A-Za-z0-9_@%+=:,./-]/;

type Add = (v: string | undefined) => void;

/** Ingresses by namespace/name, built once per snapshot and only when an Ingress finding has a hint. */
const ingressMaps = new WeakMap<Snapshot, Map<string, Snapshot['ingresses'][number]>>();
function ingressOf(s: Snapshot, k: string): Snapshot['ingresses'][number] | undefined {
  let map = ingressMaps.get(s);
  if (!map) ingressMaps.set(s, (map = new Map(s.ingresses.map((i) => [key(i.meta.namespace, i.meta.name), i]))));
  return map.get(k);
}

const addMap = (add: Add, m: Record<string, string> | undefined): void => {
  if (m) for (const k in m) add(k), add(m[k]);
};

/** The identifiers one referenced object can bring into a hint: its names and the names it gives other objects. */
function objectIdentifiers(ref: ObjectRef, s: Snapshot, index: SnapshotIndex, add: Add): void {
  add(ref.name);
  add(ref.namespace);
  const k = key(ref.namespace, ref.name);
  switch (ref.kind) {
    case 'PersistentVolume': {
      const pv = index.pvByName.get(ref.name);
      add(pv?.claimRef?.name);
      add(pv?.claimRef?.namespace);
      add(pv?.storageClassName);
      return;
    }
    case 'PersistentVolumeClaim': {
      const c = index.pvcByKey.get(k);
      add(c?.volumeName);
      add(c?.storageClassName);
      for (const p of index.podsByClaim.get(k) ?? []) add(p.meta.name);
      return;
    }
    case 'Pod': {
      const p = index.podByKey.get(k);
      if (!p) return;
      add(p.nodeName);
      for (const c of p.containers) add(c.name);
      for (const v of p.volumes) add(v.claimName);
      for (const o of p.meta.ownerReferences ?? []) add(o.name);
      return;
    }
    case 'StatefulSet': {
      const sts = index.statefulSetByKey.get(k);
      if (!sts) return;
      add(sts.serviceName);
      for (const t of sts.volumeClaimTemplates) add(t.name), add(t.storageClassName);
      addMap(add, sts.selector?.matchLabels);
      for (const p of index.podsByStatefulSet.get(k) ?? []) add(p.meta.name);
      return;
    }
    case 'Service':
      addMap(add, index.serviceByKey.get(k)?.selector);
      return;
    case 'Ingress': {
      const ing = ingressOf(s, k);
      if (!ing) return;
      add(ing.ingressClassName);
      add(ing.defaultBackend?.service?.name);
      for (const r of ing.rules) for (const p of r.paths) add(p.backend.service?.name);
      for (const t of ing.tls) add(t.secretName);
      for (const name of [ing.defaultBackend?.service?.name, ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend.service?.name))]) {
        if (name) addMap(add, index.serviceByKey.get(key(ref.namespace, name))?.selector);
      }
      return;
    }
    default:
      return;
  }
}

/** The names of a finding's objects that a shell would act on (empty for any real cluster). */
export function unsafeNamesOf(finding: Omit<Finding, 'severity'>, s: Snapshot, index: SnapshotIndex): string[] {
  const out = new Set<string>();
  const add: Add = (v) => {
    if (v !== undefined && NOT_PLAIN.test(v)) out.add(v);
  };
  for (const ref of [finding.object, ...(finding.related ?? [])]) objectIdentifiers(ref, s, index, add);
  for (const v of Object.values(finding.details ?? {})) if (typeof v === 'string') for (const part of v.split(',')) add(part);
  return [...out];
}

/** The hint, or UNSAFE_NAME_HINT when it mentions one of the finding's unsafe names. */
export function shellSafeHint(finding: Omit<Finding, 'severity'>, s: Snapshot, index: SnapshotIndex): string | undefined {
  const hint = finding.hint;
  if (hint === undefined) return undefined;
  const unsafe = unsafeNamesOf(finding, s, index);
  return unsafe.some((name) => hint.includes(name)) ? UNSAFE_NAME_HINT : hint;
}
