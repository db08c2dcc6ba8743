// Cuts a snapshot down to one service's objects (a Backstage entity, or `kubectl storage -n NS -l SELECTOR`)
// so the report shows only what that service owns, including storage it no longer uses: the Released volume
// of a scaled-in ordinal still belongs to its StatefulSet. Walks from the seeds through the prepared snapshot's
// lookups, so with a PreparedSnapshot the cost is that of the entity's objects, not of the cluster's.
import { effectiveDefaultClass } from '../analysis/defaultClass';
import { asPrepared, type PreparedSnapshot } from '../analysis/prepared';
import { key } from '../analysis/snapshotIndex';
import type { Ingress, LabelSelector, Meta, PersistentVolume, PersistentVolumeClaim, Pod, Service, Snapshot, StatefulSet, VolumeStats } from '../model/snapshot';
import { matchesLabelSelector, parseLabelSelector } from '../util/labelSelector';
import { labelPair, scopeIndexOf, type SeedLookup } from './scopeIndex';
import { withPathsToKeptServices } from './sharedIngress';

export interface SnapshotScope {
  /** Only these namespaces; undefined means every namespace of the snapshot. */
  namespaces?: string[];
  /** kubectl `-l` syntax or a LabelSelector object; undefined selects everything in the namespaces. */
  selector?: string | LabelSelector;
}

const keyOf = (meta: Meta): string => key(meta.namespace, meta.name);

/**
 * The fewest objects that can hold every seed: the scope's namespaces, or the objects carrying one label the
 * selector requires (an equality, an `in` list, an existence), whichever is smaller. A selector of only
 * `notin` and `!key` requirements, with no namespaces, has to look at every object.
 */
function candidates<T extends { meta: Meta }>(lookup: SeedLookup<T>, selector: LabelSelector | undefined, namespaces: string[] | undefined): readonly T[] {
  let best: readonly T[] = lookup.all;
  const consider = (lists: (T[] | undefined)[]): void => {
    const found = lists.flatMap((l) => l ?? []);
    if (found.length < best.length) best = found;
  };
  if (namespaces) consider([...new Set(namespaces)].map((ns) => lookup.byNamespace.get(ns)));
  for (const [k, v] of Object.entries(selector?.matchLabels ?? {})) consider([lookup.byLabel.get(labelPair(k, v))]);
  for (const req of selector?.matchExpressions ?? []) {
    if (req.operator === 'In') consider([...new Set(req.values ?? [])].map((v) => lookup.byLabel.get(labelPair(req.key, v))));
    else if (req.operator === 'Exists') consider([lookup.byLabelKey.get(req.key)]);
  }
  return best;
}

/** The kept objects in the order the snapshot lists them. */
function inSnapshotOrder<T extends object>(kept: Iterable<T>, position: Map<object, number>): T[] {
  return [...kept].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
}

/**
 * Seeds are the pods, StatefulSets, Services, PVCs and Ingresses in the namespaces whose labels match, and with a
 * selector the PersistentVolumes whose own labels match (as `kubectl get pv -l` picks them; cluster-scoped, so
 * namespaces do not apply, except that a volume whose claimRef names a claim of another namespace is that
 * namespace's business). The closure adds what a seed owns or depends on:
 * - the claim a seeded volume names (so it is not reported dangling, and its pods are seen);
 * - the StatefulSet controlling a seeded pod (selectors usually match pods, not the set object), and every
 *   kept StatefulSet's pods, its per-ordinal claims for every ordinal found (leftovers included) and the
 *   Service named by serviceName;
 * - the claims kept pods mount, and the pods mounting kept claims (so "unused" and multi-node checks see
 *   every user of a claim);
 * - the volumes bound to kept claims, and Released/Failed volumes whose claimRef names a kept claim or a
 *   per-ordinal claim of a kept StatefulSet (resolved on the unscoped snapshot, where the claim may be gone);
 * - with namespaces and no selector, every volume whose claimRef names a claim in them: a namespace keeps the
 *   volumes its claims hold or held (the Released volume of a deleted claim too);
 * - free Available volumes of a class a kept Pending claim asks for (candidates for static binding);
 * - Services whose selector picks a kept pod (they route to its pods even when their own labels do not match);
 * - the Services the seeded Ingresses route to; Ingresses routing to kept Services (a shared Ingress kept this
 *   way shows only its paths to kept Services, and brings no other Service); the EndpointSlices of kept Services;
 *   volume stats of kept claims.
 * Warning events are kept for the kept pods, claims, volumes, StatefulSets, Services and Ingresses only.
 * StorageClasses, IngressClasses, Nodes and Secrets are kept whole: they are looked up, not owned.
 * Takes a Snapshot or a PreparedSnapshot (whose index is then reused, and whose scope lookups are built once and
 * kept for later scopes). Throws (from parseLabelSelector) on a malformed selector string.
 */
export function scopeSnapshot(input: Snapshot | PreparedSnapshot, scope: SnapshotScope): Snapshot {
  const prepared = asPrepared(input);
  const { snapshot, index } = prepared;
  const lookups = scopeIndexOf(prepared);
  const selector = typeof scope.selector === 'string' ? parseLabelSelector(scope.selector) : scope.selector;
  const namespaces = scope.namespaces ? new Set(scope.namespaces) : undefined;
  const inNamespace = (meta: Meta): boolean => !namespaces || namespaces.has(meta.namespace ?? '');
  const isSeed = (meta: Meta): boolean => inNamespace(meta) && (!selector || matchesLabelSelector(selector, meta.labels));
  const seeds = <T extends { meta: Meta }>(lookup: SeedLookup<T>): T[] => candidates(lookup, selector, scope.namespaces).filter((o) => isSeed(o.meta));

  const pods = new Set<Pod>(seeds(lookups.pods));
  const sets = new Set<StatefulSet>(seeds(lookups.statefulSets));
  const claims = new Set<string>(seeds(lookups.claims).map((c) => keyOf(c.meta)));
  const services = new Set<Service>(seeds(lookups.services));
  const ingresses = new Set<Ingress>(seeds(lookups.ingresses));
  const volumes = new Set<PersistentVolume>();
  if (selector) {
    for (const pv of candidates(lookups.volumes, selector, undefined)) {
      const ref = pv.claimRef;
      if (!matchesLabelSelector(selector, pv.meta.labels) || (ref && namespaces && !namespaces.has(ref.namespace))) continue;
      volumes.add(pv);
      if (ref && index.pvcByKey.has(key(ref.namespace, ref.name))) claims.add(key(ref.namespace, ref.name));
    }
  }

  for (const pod of pods) {
    const owner = pod.meta.ownerReferences?.find((o) => o.controller && o.kind === 'StatefulSet');
    const sts = owner && index.statefulSetByKey.get(key(pod.meta.namespace, owner.name));
    if (sts) sets.add(sts);
  }
  for (const sts of sets) {
    for (const pod of index.podsByStatefulSet.get(keyOf(sts.meta)) ?? []) pods.add(pod);
    const svc = sts.serviceName && index.serviceByKey.get(key(sts.meta.namespace, sts.serviceName));
    if (svc) services.add(svc);
    for (const c of lookups.claimsByStatefulSet.get(sts) ?? []) claims.add(keyOf(c.meta));
  }
  for (const pod of pods) {
    for (const v of pod.volumes) if (v.claimName) claims.add(key(pod.meta.namespace, v.claimName));
  }
  for (const claim of claims) for (const pod of index.podsByClaim.get(claim) ?? []) pods.add(pod);

  const keptClaims: PersistentVolumeClaim[] = [];
  for (const claim of claims) {
    const c = index.pvcByKey.get(claim);
    if (c) keptClaims.push(c);
  }
  for (const c of keptClaims) {
    const pv = c.volumeName ? index.pvByName.get(c.volumeName) : undefined;
    if (pv) volumes.add(pv);
  }
  // Volumes whose claimRef names a kept claim or a per-ordinal claim of a kept set (the claim may be gone), and
  // with namespaces and no selector every volume a claim of them holds or held.
  for (const claim of claims) for (const pv of index.pvsByClaim.get(claim) ?? []) volumes.add(pv);
  for (const sts of sets) for (const pv of lookups.volumesByStatefulSet.get(sts) ?? []) volumes.add(pv);
  if (!selector && namespaces) for (const ns of namespaces) for (const pv of lookups.volumesByClaimNamespace.get(ns) ?? []) volumes.add(pv);
  // Free volumes a kept Pending claim could bind, so static-binding checks see the same candidates as unscoped.
  const defaultClass = effectiveDefaultClass(index)?.meta.name;
  const wantedClasses = new Set<string>();
  for (const c of keptClaims) {
    const cls = c.storageClassName ?? defaultClass;
    if (c.phase === 'Pending' && cls !== undefined) wantedClasses.add(cls);
  }
  for (const cls of wantedClasses) for (const pv of lookups.freeVolumesByClass.get(cls) ?? []) volumes.add(pv);

  // Services whose selector picks a kept pod route to this service's pods, whatever their own labels say (the
  // demo's Services carry none): their endpoints and Ingresses are part of its health. Looked up per namespace of
  // the kept pods, so the cost is that of those namespaces' Services.
  const podsByNamespace = new Map<string, Pod[]>();
  for (const pod of pods) {
    const ns = pod.meta.namespace ?? '';
    const list = podsByNamespace.get(ns);
    if (list) list.push(pod);
    else podsByNamespace.set(ns, [pod]);
  }
  for (const [ns, nsPods] of podsByNamespace) {
    for (const svc of lookups.services.byNamespace.get(ns) ?? []) {
      const sel = svc.selector;
      if (!sel || Object.keys(sel).length === 0 || services.has(svc)) continue;
      if (nsPods.some((pod) => matchesLabelSelector({ matchLabels: sel }, pod.meta.labels))) services.add(svc);
    }
  }
  // The Services behind the entity's own Ingresses are part of its paths' health. Ingresses kept only because
  // they route to a kept Service are shared ones: kept with only those paths (sharedIngress.ts), and they bring
  // no Services of their own.
  for (const ing of ingresses) {
    for (const name of backendServices(ing)) {
      const svc = index.serviceByKey.get(key(ing.meta.namespace, name));
      if (svc) services.add(svc);
    }
  }
  const shared = new Set<Ingress>();
  for (const svc of services) for (const ing of index.ingressesByService.get(keyOf(svc.meta)) ?? []) if (!ingresses.has(ing)) shared.add(ing);
  const isKeptService = (namespace: string | undefined, name: string): boolean => {
    const svc = index.serviceByKey.get(key(namespace, name));
    return svc !== undefined && services.has(svc);
  };
  const seenFromHere = (ing: Ingress): Ingress =>
    shared.has(ing) ? withPathsToKeptServices(ing, (name) => isKeptService(ing.meta.namespace, name)) : ing;
  for (const ing of shared) ingresses.add(ing);
  const slices = [...services].flatMap((s) => index.slicesByService.get(keyOf(s.meta)) ?? []);
  const stats: VolumeStats[] = [...claims].flatMap((c) => lookups.volumeStatsByClaim.get(c) ?? []);
  const order = lookups.position;
  // Events about the kept objects only: another service's pod events are not this service's evidence.
  const kept = new Set<string>();
  const keep = (kind: string, meta: Meta) => kept.add(`${kind}/${meta.namespace ?? ''}/${meta.name}`);
  for (const p of pods) keep('Pod', p.meta);
  for (const c of keptClaims) keep('PersistentVolumeClaim', c.meta);
  for (const v of volumes) keep('PersistentVolume', v.meta);
  for (const st of sets) keep('StatefulSet', st.meta);
  for (const svc of services) keep('Service', svc.meta);
  for (const ing of ingresses) keep('Ingress', ing.meta);
  const events = snapshot.events.filter((e) => kept.has(`${e.involvedObject.kind}/${e.involvedObject.namespace ?? ''}/${e.involvedObject.name}`));

  return {
    ...snapshot,
    namespaces: scope.namespaces ?? snapshot.namespaces,
    persistentVolumes: inSnapshotOrder(volumes, order),
    persistentVolumeClaims: inSnapshotOrder(new Set(keptClaims), order),
    pods: inSnapshotOrder(pods, order),
    statefulSets: inSnapshotOrder(sets, order),
    services: inSnapshotOrder(services, order),
    endpointSlices: inSnapshotOrder(new Set(slices), order),
    ingresses: inSnapshotOrder(ingresses, order).map(seenFromHere),
    volumeStats: inSnapshotOrder(new Set(stats), order),
    events,
    // What could not be read elsewhere does not make this scope incomplete.
    incomplete: snapshot.incomplete.filter((e) => e.namespace === undefined || !namespaces || namespaces.has(e.namespace)),
  };
}

function backendServices(ing: Ingress): string[] {
  const names: string[] = [];
  if (ing.defaultBackend?.service) names.push(ing.defaultBackend.service.name);
  for (const rule of ing.rules) for (const p of rule.paths) if (p.backend.service) names.push(p.backend.service.name);
  return names;
}
