// The plugin for the legacy frontend system: the API (discovery + fetch), the entity tab and the overview card.
// The new frontend system's variant is in alpha.tsx.
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { kubernetesStorageApiRef } from './api/KubernetesStorageApi';
import { KubernetesStorageClient } from './api/KubernetesStorageClient';
import { rootRouteRef } from './routes';

export const kubernetesStoragePlugin = createPlugin({
  id: 'kubernetes-storage',
  apis: [
    createApiFactory({
      api: kubernetesStorageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new KubernetesStorageClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { entityContent: rootRouteRef },
});

/** The entity page's Storage tab: `<EntityLayout.Route path="/storage" title="Storage" if={isKubernetesStorageAvailable}>`. */
export const EntityKubernetesStorageContent = kubernetesStoragePlugin.provide(
  createRoutableExtension({
    name: 'EntityKubernetesStorageContent',
    component: () => import('./components/EntityStorageContent').then((m) => m.EntityStorageContent),
    mountPoint: rootRouteRef,
  }),
);

/** The overview card: findings, orphaned volumes, StatefulSets and ingress paths per cluster. */
export const EntityStorageHealthCard = kubernetesStoragePlugin.provide(
  createComponentExtension({
    name: 'EntityStorageHealthCard',
    component: {
      lazy: () => import('./components/EntityStorageHealthCard').then((m) => m.EntityStorageHealthCard),
    },
  }),
);
