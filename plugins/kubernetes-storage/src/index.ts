/**
 * Backstage frontend plugin for kubectl-storage: an entity's volumes, claims, StatefulSet ordinals and Ingress
 * paths per cluster, with findings explained. The new frontend system's variant is at `/alpha`.
 *
 * @packageDocumentation
 */
export { kubernetesStoragePlugin, EntityKubernetesStorageContent, EntityStorageHealthCard } from './plugin';
export {
  isKubernetesStorageAvailable,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from './conditions';
export { kubernetesStorageApiRef } from './api/KubernetesStorageApi';
export type { KubernetesStorageApi } from './api/KubernetesStorageApi';
export { KubernetesStorageClient } from './api/KubernetesStorageClient';
