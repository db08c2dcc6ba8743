// When to show the Storage tab and card: the same annotations the official Kubernetes plugin maps an entity
// with, so a portal that already runs it needs nothing new on its entities.
import type { Entity } from '@backstage/catalog-model';

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION = 'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/** True when the entity carries backstage.io/kubernetes-id or backstage.io/kubernetes-label-selector (non-empty). */
export function isKubernetesStorageAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [KUBERNETES_ID_ANNOTATION, KUBERNETES_LABEL_SELECTOR_ANNOTATION].some(
    (name) => (annotations[name] ?? '').trim() !== '',
  );
}
