// Cuts a snapshot down to one service's objects (a Backstage entity, or `kubectl storage -n NS -l SELECTOR`)
// so the report shows only what that service owns, including storage it no longer uses: the Released volume
// of a scaled-in ordinal still belongs to its StatefulSet. One pass per list plus index lookups: linear.
import { effectiveDefaultClass } from '../analysis/defaultClass';
import { buildSnapshotIndex, key } from '../analysis/snapshotIndex';
import type { Ingress, LabelSelector, Meta, PersistentVolume, Pod, Service, Snapshot, StatefulSet } from '../model/snapshot';
import { matchesLabelSelector, parseLabelSelector } from '../util/labelSelector';

export interface SnapshotScope {
  /** Only these namespaces; undefined means every namespace of the snapshot. */
  namespaces?: string[];
  /** kubectl `-l` syntax or a LabelSelector object; undefined selects everything in the namespaces. */
  selector?: string | LabelSelector;
}

const keyOf = (meta: Meta): string => key(meta.namespace, meta.name);

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
 * - Ingresses routing to kept Services, the Services of kept Ingresses, and the EndpointSlices of kept
 *   Services; volume stats of kept claims.
 * StorageClasses, IngressClasses, Nodes and Secrets are kept whole: they are looked up, not owned.
 * Throws (from parseLabelSelector) on a malformed selector string.
 */
export function scopeSnapshot(snapshot: Snapshot, scope: SnapshotScope): Snapshot {
  const index = buildSnapshotIndex(snapshot);
  const selector = typeof scope.selector === 'string' ? parseLabelSelector(scope.selector) : scope.selector;
  const namespaces = scope.namespaces ? new Set(scope.namespaces) : undefined;
  const inNamespace = (meta: Meta): boolean => !namespaces || namespaces.has(meta.namespace ?? '');
  const isSeed = (meta: Meta): boolean => inNamespace(meta) && (!selector || matchesLabelSelector(selector, meta.labels));

  const pods = new Set<Pod>(snapshot.pods.filter((p) => isSeed(p.meta)));
  const sets = new Set<StatefulSet>(snapshot.statefulSets.filter((s) => isSeed(s.meta)));
  const claims = new Set<string>(snapshot.persistentVolumeClaims.filter((c) => isSeed(c.meta)).map((c) => keyOf(c.meta)));
  const services = new Set<Service>(snapshot.services.filter((s) => isSeed(s.meta)));
  const ingresses = new Set<Ingress>(snapshot.ingresses.filter((i) => isSeed(i.meta)));
  const volumes = new Set<PersistentVolume>();
  if (selector) {
    for (const pv of snapshot.persistentVolumes) {
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
  }
  const ownedBySet = (namespace: string, claimName: string): boolean => {
    const match = index.ordinalOfClaim(namespace, claimName);
    return match !== undefined && sets.has(match.statefulSet);
  };
  for (const c of snapshot.persistentVolumeClaims) {
    if (ownedBySet(c.meta.namespace ?? '', c.meta.name)) claims.add(keyOf(c.meta));
  }
  for (const pod of pods) {
    for (const v of pod.volumes) if (v.claimName) claims.add(key(pod.meta.namespace, v.claimName));
  }
  for (const claim of claims) for (const pod of index.podsByClaim.get(claim) ?? []) pods.add(pod);

  for (const c of snapshot.persistentVolumeClaims) {
    if (!claims.has(keyOf(c.meta)) || !c.volumeName) continue;
    const pv = index.pvByName.get(c.volumeName);
    if (pv) volumes.add(pv);
  }
  // Free volumes a kept Pending claim could bind, so static-binding checks see the same candidates as unscoped.
  const defaultClass = effectiveDefaultClass(index)?.meta.name;
  const wantedClasses = new Set<string>();
  for (const c of snapshot.persistentVolumeClaims) {
    const cls = c.storageClassName ?? defaultClass;
    if (c.phase === 'Pending' && cls !== undefined && claims.has(keyOf(c.meta))) wantedClasses.add(cls);
  }
  const heldInScope = (namespace: string): boolean => !selector && namespaces !== undefined && namespaces.has(namespace);
  for (const pv of snapshot.persistentVolumes) {
    const ref = pv.claimRef;
    if (ref && (claims.has(key(ref.namespace, ref.name)) || ownedBySet(ref.namespace, ref.name) || heldInScope(ref.namespace))) volumes.add(pv);
    else if (!ref && pv.phase === 'Available' && wantedClasses.has(pv.storageClassName ?? '')) volumes.add(pv);
  }

  for (const svc of [...services]) for (const ing of index.ingressesByService.get(keyOf(svc.meta)) ?? []) ingresses.add(ing);
  for (const ing of ingresses) {
    for (const name of backendServices(ing)) {
      const svc = index.serviceByKey.get(key(ing.meta.namespace, name));
      if (svc) services.add(svc);
    }
  }
  const serviceKeys = new Set([...services].map((s) => keyOf(s.meta)));

  return {
    ...snapshot,
    namespaces: scope.namespaces ?? snapshot.namespaces,
    persistentVolumes: snapshot.persistentVolumes.filter((pv) => volumes.has(pv)),
    persistentVolumeClaims: snapshot.persistentVolumeClaims.filter((c) => claims.has(keyOf(c.meta))),
    pods: snapshot.pods.filter((p) => pods.has(p)),
    statefulSets: snapshot.statefulSets.filter((s) => sets.has(s)),
    services: snapshot.services.filter((s) => services.has(s)),
    endpointSlices: snapshot.endpointSlices.filter((e) => serviceKeys.has(key(e.meta.namespace, e.serviceName))),
    ingresses: snapshot.ingresses.filter((i) => ingresses.has(i)),
    volumeStats: snapshot.volumeStats.filter((s) => claims.has(key(s.namespace, s.claimName))),
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
