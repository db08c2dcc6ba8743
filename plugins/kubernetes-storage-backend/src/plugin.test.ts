// Start-up: a wrong config stops the backend with one line per mistake; an adopter's supplier adds clusters.
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { DEMO_DUMP, startStorageBackend } from './__testUtils__/testBackend';
import { kubernetesStorageClustersExtensionPoint } from './extensions';

describe('kubernetes-storage plugin start-up', () => {
  it('refuses to start on a wrong config, one line per mistake', async () => {
    const started = startStorageBackend({
      config: { kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo' }], clusters: ['prod'], collection: { mode: 'cluster' } } },
    });
    await expect(started).rejects.toThrow(/kubernetesStorage\.sources\[0\]\.path: required\n\s+kubernetesStorage\.collection\.mode: /);
  });

  it('refuses a listed cluster that no supplier knows', async () => {
    await expect(
      startStorageBackend({ config: { kubernetesStorage: { clusters: ['prod'], sources: [{ type: 'snapshotFile', name: 'demo', path: DEMO_DUMP }] } } }),
    ).rejects.toThrow('kubernetesStorage.clusters[0]: no cluster named "prod" (known: demo)');
  });

  it('serves clusters added through the extension point', async () => {
    const extra = createBackendModule({
      pluginId: 'kubernetes-storage',
      moduleId: 'extra-clusters',
      register(env) {
        env.registerInit({
          deps: { clusters: kubernetesStorageClustersExtensionPoint },
          async init({ clusters }) {
            clusters.addClusterSupplier({ async getClusters() { return [{ type: 'snapshotFile', name: 'staging', paths: [DEMO_DUMP] }]; } });
          },
        });
      },
    });
    const { server } = await startStorageBackend({ features: [extra] });
    const res = await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', mockCredentials.user.header());
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['demo', 'staging']);
  });

  it('answers a broken dump as a failing cluster, with the error and since when', async () => {
    const { server } = await startStorageBackend({ config: { kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'gone', path: '/nonexistent/dump.json' }] } } });
    const res = await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', mockCredentials.user.header());
    expect(res.body.items).toEqual([
      { name: 'gone', status: 'failing', freshness: {}, failure: { reason: 'config', message: '/nonexistent/dump.json: file not found', since: expect.any(String) }, incomplete: [] },
    ]);
  });
});
