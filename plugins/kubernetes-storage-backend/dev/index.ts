// A local backend with this plugin on the bundled demo dump (root app-config.yaml): no cluster, no catalog
// backend, no sign-in. Development only: the catalog is an in-memory one holding the demo's services, and every
// request counts as a mock user, so `curl` works without a token. A real portal adds the plugin to its own
// backend instead (see README).
//
// No database either: the demo serves dumps in one process (local collection), so nothing needs storing. The
// services that would open one are in-memory here: auth (plugin tokens; requests are mock users anyway) and the
// scheduler (the plugin schedules only in shared collection mode, which takes several replicas, a real database
// and a shared cache: see the services test). So the dev backend loads no native module (better-sqlite3 is
// compiled for one Node ABI) and starts on Node 20, 22 and 24 from the same install.
import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAll } from 'js-yaml';

/** From dist-dev/dev/ (where this file runs compiled) to the frontend plugin's examples. */
const EXAMPLE_ENTITIES = '../../../kubernetes-storage/dev/catalog-info.yaml';

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

// The frontend dev portal's example entities (npm run portal) resolve here too; names above win on a clash.
for (const example of loadAll(readFileSync(resolve(__dirname, EXAMPLE_ENTITIES), 'utf8')) as Entity[]) {
  if (!entities.some((e) => e.metadata.name === example.metadata.name)) entities.push(example);
}

const backend = createBackend();
backend.add(catalogServiceMock.factory({ entities }));
backend.add(mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.user() }));
backend.add(mockServices.auth.factory());
backend.add(mockServices.scheduler.factory());
backend.add(import('../src'));
backend.start();
