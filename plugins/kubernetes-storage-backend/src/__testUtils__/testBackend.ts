// A test backend with this plugin on the bundled demo dump: config, catalog and permissions are mocks the test
// chooses, everything else is Backstage's test services (real router, error middleware, httpAuth checks).
import * as path from 'node:path';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { kubernetesStoragePlugin } from '../plugin';

export const DEMO_DUMP = path.resolve(__dirname, '../../../../test/fixtures/demo-cluster.json');

export const demoConfig = (): JsonObject => ({
  kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo', path: DEMO_DUMP }] },
});

export function component(name: string, annotations: Record<string, string> = {}, namespace = 'default'): Entity {
  return { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name, namespace, annotations }, spec: { type: 'service', owner: 'team-a', lifecycle: 'production' } };
}

export interface TestBackendOptions {
  config?: JsonObject;
  entities?: Entity[];
  /** Replaces the catalog mock (e.g. to see which credentials it was asked with). */
  catalog?: ReturnType<typeof catalogServiceMock.mock>;
  extraFeatures?: (BackendFeature | Promise<{ default: BackendFeature }>)[];
  features?: BackendFeature[];
}

export async function startStorageBackend(options: TestBackendOptions = {}) {
  return startTestBackend({
    features: [
      kubernetesStoragePlugin,
      mockServices.rootConfig.factory({ data: options.config ?? demoConfig() }),
      options.catalog ? options.catalog.factory : catalogServiceMock.factory({ entities: options.entities ?? [] }),
      ...(options.features ?? []),
    ],
  });
}
