// Indexed joins over a Snapshot, built once per analysis in O(objects). Analyzers look objects up here instead
// of scanning lists, so a 50,000-pod snapshot stays linear.
import type {
  CSIDriver,
  EndpointSlice,
  Ingress,
  IngressClass,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  Service,
  Snapshot,
  StatefulSet,
  StorageClass,
} from '../model/snapshot';

export const key = (namespace: string | undefined, name: string): string => `${namespace ?? ''}/${name}`;

export interface OrdinalClaimMatch {
  statefulSet: StatefulSet;
  template: string;
  ordinal: number;
}

export interface SnapshotIndex {
  pvByName: Map<string, PersistentVolume>;
  /** PVs whose claimRef names namespace/name (several when a Released PV and a new one name the same claim). */
  pvsByClaim: Map<string, PersistentVolume[]>;
  pvcByKey: Map<string, PersistentVolumeClaim>;
  podByKey: Map<string, Pod>;
  /** Pods that mount a claim (persistentVolumeClaim and generic ephemeral volumes), by namespace/claim. */
  podsByClaim: Map<string, Pod[]>;
  /** Pods controlled by a StatefulSet, by namespace/statefulset. */
  podsByStatefulSet: Map<string, Pod[]>;
  statefulSetByKey: Map<string, StatefulSet>;
  serviceByKey: Map<string, Service>;
  /** EndpointSlices (or projected Endpoints) by namespace/service. */
  slicesByService: Map<string, EndpointSlice[]>;
  /** Ingresses whose rules or default backend name a Service, by namespace/service. */
  ingressesByService: Map<string, Ingress[]>;
  storageClassByName: Map<string, StorageClass>;
  defaultStorageClasses: StorageClass[];
  ingressClassByName: Map<string, IngressClass>;
  defaultIngressClasses: IngressClass[];
  secretKeys: Set<string>;
  /** Names of the Nodes read (meaningful only where ctx.observed('nodes')). */
  nodeNames: Set<string>;
  /** CSIDriver objects by driver name (meaningful only where ctx.observed('csidrivers')). */
  csiDriverByName: Map<string, CSIDriver>;
  /**
   * Resolves a claim name to the StatefulSet ordinal that owns it by the exact `<template>-<sts>-<ordinal>` rule.
   * Never a prefix match: `data-db-backup-0` belongs to `db-backup`, not to `db`.
   */
  ordinalOfClaim(namespace: string, claimName: string): OrdinalClaimMatch | undefined;
  /** The StatefulSet and ordinal of a pod named `<sts>-<ordinal>` controlled by that set. */
  ordinalOfPod(pod: Pod): { statefulSet: StatefulSet; ordinal: number } | undefined;
}

function push<V>(map: Map<string, V[]>, k: string, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

const ORDINAL_SUFFIX = /-(\d+)$/;

export function buildSnapshotIndex(snapshot: Snapshot): SnapshotIndex {
  const pvByName = new Map<string, PersistentVolume>();
  const pvsByClaim = new Map<string, PersistentVolume[]>();
  for (const pv of snapshot.persistentVolumes) {
    pvByName.set(pv.meta.name, pv);
    if (pv.claimRef) push(pvsByClaim, key(pv.claimRef.namespace, pv.claimRef.name), pv);
  }

  const pvcByKey = new Map<string, PersistentVolumeClaim>();
  for (const pvc of snapshot.persistentVolumeClaims) pvcByKey.set(key(pvc.meta.namespace, pvc.meta.name), pvc);

  const statefulSetByKey = new Map<string, StatefulSet>();
  // "<template>-<sts>-" -> (sts, template), so a claim name resolves with one map lookup.
  const claimPrefixes = new Map<string, { statefulSet: StatefulSet; template: string }>();
  for (const sts of snapshot.statefulSets) {
    statefulSetByKey.set(key(sts.meta.namespace, sts.meta.name), sts);
    for (const t of sts.volumeClaimTemplates) {
      claimPrefixes.set(key(sts.meta.namespace, `${t.name}-${sts.meta.name}-`), { statefulSet: sts, template: t.name });
    }
  }

  const podByKey = new Map<string, Pod>();
  const podsByClaim = new Map<string, Pod[]>();
  const podsByStatefulSet = new Map<string, Pod[]>();
  for (const pod of snapshot.pods) {
    const ns = pod.meta.namespace;
    podByKey.set(key(ns, pod.meta.name), pod);
    const seen = new Set<string>();
    for (const v of pod.volumes) {
      if (v.claimName && !seen.has(v.claimName)) {
        seen.add(v.claimName);
        push(podsByClaim, key(ns, v.claimName), pod);
      }
    }
    const owner = pod.meta.ownerReferences?.find((o) => o.controller && o.kind === 'StatefulSet');
    if (owner) push(podsByStatefulSet, key(ns, owner.name), pod);
  }

  const serviceByKey = new Map<string, Service>();
  for (const svc of snapshot.services) serviceByKey.set(key(svc.meta.namespace, svc.meta.name), svc);

  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const slice of snapshot.endpointSlices) push(slicesByService, key(slice.meta.namespace, slice.serviceName), slice);

  const ingressesByService = new Map<string, Ingress[]>();
  for (const ing of snapshot.ingresses) {
    const names = new Set<string>();
    if (ing.defaultBackend?.service) names.add(ing.defaultBackend.service.name);
    for (const rule of ing.rules) for (const p of rule.paths) if (p.backend.service) names.add(p.backend.service.name);
    for (const n of names) push(ingressesByService, key(ing.meta.namespace, n), ing);
  }

  const storageClassByName = new Map(snapshot.storageClasses.map((sc) => [sc.meta.name, sc] as const));
  const ingressClassByName = new Map(snapshot.ingressClasses.map((ic) => [ic.meta.name, ic] as const));
  const secretKeys = new Set(snapshot.secrets.map((s) => key(s.meta.namespace, s.meta.name)));
  const nodeNames = new Set(snapshot.nodes.map((n) => n.meta.name));
  // `?? []`: snapshots built before the kind existed (a cached or hand-made one) have no list.
  const csiDriverByName = new Map((snapshot.csiDrivers ?? []).map((d) => [d.meta.name, d] as const));

  return {
    pvByName,
    pvsByClaim,
    pvcByKey,
    podByKey,
    podsByClaim,
    podsByStatefulSet,
    statefulSetByKey,
    serviceByKey,
    slicesByService,
    ingressesByService,
    storageClassByName,
    defaultStorageClasses: snapshot.storageClasses.filter((sc) => sc.isDefault),
    ingressClassByName,
    defaultIngressClasses: snapshot.ingressClasses.filter((ic) => ic.isDefault),
    secretKeys,
    nodeNames,
    csiDriverByName,
    ordinalOfClaim(namespace, claimName) {
      const m = ORDINAL_SUFFIX.exec(claimName);
      if (!m) return undefined;
      const hit = claimPrefixes.get(key(namespace, claimName.slice(0, m.index + 1)));
      return hit ? { ...hit, ordinal: Number(m[1]) } : undefined;
    },
    ordinalOfPod(pod) {
      const owner = pod.meta.ownerReferences?.find((o) => o.controller && o.kind === 'StatefulSet');
      if (!owner) return undefined;
      const sts = statefulSetByKey.get(key(pod.meta.namespace, owner.name));
      const prefix = `${owner.name}-`;
      if (!sts || !pod.meta.name.startsWith(prefix)) return undefined;
      const rest = pod.meta.name.slice(prefix.length);
      return /^\d+$/.test(rest) ? { statefulSet: sts, ordinal: Number(rest) } : undefined;
    },
  };
}
