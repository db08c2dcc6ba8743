// Lets an adopter's backend module add clusters this plugin cannot find itself (another locator, another auth
// provider): `env.registerInit({ deps: { storage: kubernetesStorageClustersExtensionPoint }, ... })`.
import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { KubernetesStorageClusterSupplier } from './clusters/types';

export interface KubernetesStorageClustersExtensionPoint {
  addClusterSupplier(supplier: KubernetesStorageClusterSupplier): void;
}

export const kubernetesStorageClustersExtensionPoint = createExtensionPoint<KubernetesStorageClustersExtensionPoint>({
  id: 'kubernetes-storage.clusters',
});
