// Hints print kubectl commands with object names in them (`kubectl delete pvc -n shop data-db-3`). Names an API
// server accepts are DNS-style and need no shell quoting, but a hand-made dump may hold anything: a claim named
// `data-db-2 data-db-0` would make the pasted command delete a claim in use, `x; rm -rf ~` would run a command.
// So a hint that mentions a name a shell would act on prints no command at all. Only names no API server accepts
// are affected: for every real cluster this changes nothing.
import type { Snapshot } from '../model/snapshot';
import { shellQuote } from '../orphans/commandTarget';

/** What a hint says instead of commands that could act on something other than their object. */
export const UNSAFE_NAME_HINT =
  'No command is printed: a name of the objects involved holds characters a shell would act on (no API server accepts such names; check where the input came from).';

const needsQuoting = (s: string | undefined): s is string => s !== undefined && s !== '' && shellQuote(s) !== s;

/**
 * The identifiers of the snapshot that a hint may print and that are not shell-safe words: names and namespaces,
 * label keys and values (selectors), and the names objects give each other (claims, volumes, classes, Services,
 * containers, Secrets). Empty for any snapshot of a real cluster. Linear in the objects.
 */
export function unsafeIdentifiers(s: Snapshot): string[] {
  const out = new Set<string>();
  const add = (...values: (string | undefined)[]): void => {
    for (const v of values) if (needsQuoting(v)) out.add(v);
  };
  const addMap = (m: Record<string, string> | undefined): void => {
    if (m) for (const [k, v] of Object.entries(m)) add(k, v);
  };
  const lists = [s.persistentVolumes, s.persistentVolumeClaims, s.storageClasses, s.pods, s.statefulSets, s.services, s.endpointSlices, s.ingresses, s.ingressClasses, s.csiDrivers, s.nodes, s.secrets, s.events];
  for (const list of lists) {
    for (const o of list ?? []) {
      add(o.meta.name, o.meta.namespace);
      addMap(o.meta.labels);
    }
  }
  for (const pv of s.persistentVolumes) add(pv.claimRef?.name, pv.claimRef?.namespace, pv.storageClassName);
  for (const c of s.persistentVolumeClaims) add(c.volumeName, c.storageClassName);
  for (const p of s.pods) {
    add(p.nodeName);
    for (const c of p.containers) add(c.name);
    for (const v of p.volumes) add(v.claimName);
  }
  for (const sts of s.statefulSets) {
    add(sts.serviceName);
    for (const t of sts.volumeClaimTemplates) add(t.name, t.storageClassName);
    addMap(sts.selector?.matchLabels);
  }
  for (const svc of s.services) addMap(svc.selector);
  for (const ing of s.ingresses) {
    add(ing.ingressClassName, ing.defaultBackend?.service?.name);
    for (const r of ing.rules) for (const p of r.paths) add(p.backend.service?.name);
    for (const t of ing.tls) add(t.secretName);
  }
  for (const e of s.events ?? []) add(e.involvedObject.name, e.involvedObject.namespace);
  return [...out];
}

/** The hint, or UNSAFE_NAME_HINT when it mentions one of `unsafe` (the snapshot's unsafeIdentifiers). */
export function shellSafeHint(hint: string, unsafe: readonly string[]): string {
  return unsafe.some((name) => hint.includes(name)) ? UNSAFE_NAME_HINT : hint;
}
