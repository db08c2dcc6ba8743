/**
 * The plugin for Backstage's new frontend system: the API, the entity Storage tab and the overview card as
 * extensions. Install the package and the app discovers it; or add `kubernetesStoragePlugin` to createApp's
 * features.
 *
 * @packageDocumentation
 */
import React from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesStorageApiRef } from './api/KubernetesStorageApi';
import { KubernetesStorageClient } from './api/KubernetesStorageClient';
import { isKubernetesStorageAvailable } from './conditions';

export const kubernetesStorageApi = ApiBlueprint.make({
  params: (defineParams) =>
    defineParams({
      api: kubernetesStorageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new KubernetesStorageClient({ discoveryApi, fetchApi }),
    }),
});

export const kubernetesStorageEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'storage',
    title: 'Storage',
    filter: isKubernetesStorageAvailable,
    loader: () => import('./components/EntityStorageContent').then((m) => <m.EntityStorageContent />),
  },
});

export const kubernetesStorageEntityCard = EntityCardBlueprint.make({
  name: 'health',
  params: {
    filter: isKubernetesStorageAvailable,
    loader: () => import('./components/EntityStorageHealthCard').then((m) => <m.EntityStorageHealthCard />),
  },
});

const kubernetesStoragePlugin = createFrontendPlugin({
  pluginId: 'kubernetes-storage',
  extensions: [kubernetesStorageApi, kubernetesStorageEntityContent, kubernetesStorageEntityCard],
});

export default kubernetesStoragePlugin;
