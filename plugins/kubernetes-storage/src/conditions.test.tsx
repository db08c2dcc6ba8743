import type { Entity } from '@backstage/catalog-model';
import { isKubernetesStorageAvailable } from './conditions';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web', annotations },
});

describe('isKubernetesStorageAvailable', () => {
  it('is true with the kubernetes-id or the label-selector annotation', () => {
    expect(isKubernetesStorageAvailable(entity({ 'backstage.io/kubernetes-id': 'web' }))).toBe(true);
    expect(isKubernetesStorageAvailable(entity({ 'backstage.io/kubernetes-label-selector': 'app=web' }))).toBe(true);
  });

  it('is false without them, with only a namespace, or with empty values', () => {
    expect(isKubernetesStorageAvailable(entity())).toBe(false);
    expect(isKubernetesStorageAvailable(entity({ 'backstage.io/kubernetes-namespace': 'shop' }))).toBe(false);
    expect(isKubernetesStorageAvailable(entity({ 'backstage.io/kubernetes-id': '  ' }))).toBe(false);
  });
});
