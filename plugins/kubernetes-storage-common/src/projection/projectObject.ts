import type {
  CSIDriver,
  EndpointSlice,
  Ingress,
  IngressClass,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  SecretRef,
  Service,
  StatefulSet,
  StorageClass,
} from '../model/snapshot';
import { projectIngressClass, projectNode, projectSecret } from './cluster';
import { projectCSIDriver } from './csiDriver';
import { projectEndpoints } from './endpoints';
import { projectEndpointSlice } from './endpointSlice';
import { projectIngress } from './ingress';
import { projectPersistentVolume } from './persistentVolume';
import { projectPersistentVolumeClaim } from './persistentVolumeClaim';
import { projectPod } from './pod';
import { asRecord } from './raw';
import { kindOf, type ListedKind } from './resources';
import { projectService } from './service';
import { projectStatefulSet } from './statefulSet';
import { projectStorageClass } from './storageClass';

/** The model type each listed kind projects to. Endpoints project into the EndpointSlice shape. */
export interface ProjectedTypes {
  persistentvolumes: PersistentVolume;
  persistentvolumeclaims: PersistentVolumeClaim;
  storageclasses: StorageClass;
  pods: Pod;
  statefulsets: StatefulSet;
  services: Service;
  endpointslices: EndpointSlice;
  endpoints: EndpointSlice;
  ingresses: Ingress;
  ingressclasses: IngressClass;
  csidrivers: CSIDriver;
  nodes: Node;
  secrets: SecretRef;
}

export type Projected = { [K in ListedKind]: { kind: K; object: ProjectedTypes[K] } }[ListedKind];

export const PROJECTORS: { [K in ListedKind]: (raw: unknown) => ProjectedTypes[K] } = {
  persistentvolumes: projectPersistentVolume,
  persistentvolumeclaims: projectPersistentVolumeClaim,
  storageclasses: projectStorageClass,
  pods: projectPod,
  statefulsets: projectStatefulSet,
  services: projectService,
  endpointslices: projectEndpointSlice,
  endpoints: projectEndpoints,
  ingresses: projectIngress,
  ingressclasses: projectIngressClass,
  csidrivers: projectCSIDriver,
  nodes: projectNode,
  secrets: projectSecret,
};

/**
 * Projects an object whose kind the caller already knows (a LIST response's items, or PartialObjectMetadata
 * items of a metadata-only secrets list, which carry no kind of their own).
 */
export function projectAs<K extends ListedKind>(kind: K, raw: unknown): { kind: K; object: ProjectedTypes[K] } {
  return { kind, object: PROJECTORS[kind](raw) };
}

/**
 * Projects one raw API object by its apiVersion and kind. Kinds the product does not read give undefined; an
 * object of a read kind that lacks its identity throws a ProjectionError.
 */
export function projectObject(raw: unknown): Projected | undefined {
  const obj = asRecord(raw);
  const kind = kindOf(obj?.apiVersion, obj?.kind);
  return kind === undefined ? undefined : (projectAs(kind, raw) as Projected);
}
