// A local backend with this plugin on the bundled demo dump (root app-config.yaml): no cluster, no catalog
// backend, no sign-in. Development only: the catalog is an in-memory one holding the demo's services, and every
// request counts as a mock user, so `curl` works without a token. A real portal adds the plugin to its own
// backend instead (see README).
import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

/** The demo dump's services, as catalog components annotated the way the official Kubernetes plugin reads them. */
const demoServices: [name: string, namespace: string][] = [
  ['db', 'data'],
  ['db-backup', 'data'],
  ['ledger', 'data'],
  ['search', 'data'],
  ['cart', 'shop'],
  ['web', 'shop'],
  ['orders-api', 'shop'],
  ['cache', 'edge'],
  ['checkout', 'edge'],
  ['queue', 'edge'],
  ['storefront', 'edge'],
];

const entities: Entity[] = demoServices.map(([name, namespace]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    annotations: { 'backstage.io/kubernetes-label-selector': `app=${name}`, 'backstage.io/kubernetes-namespace': namespace },
  },
  spec: { type: 'service', owner: 'demo', lifecycle: 'experimental' },
}));

const backend = createBackend();
backend.add(catalogServiceMock.factory({ entities }));
backend.add(mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.user() }));
backend.add(import('../src'));
backend.start();
