// Two backend replicas against a real PostgreSQL (the scheduler's coordination) and a real Redis (the shared
// cache), in shared collection mode: one replica collects the cluster, both answer the same report, and a watch
// event reaches both. Both replicas see the same in-memory API server, so its request log tells how many
// replicas listed it. Run: npx jest --selectProjects services --forceExit (needs the postgresql and
// redis-server packages). --forceExit: backend-defaults 0.19's cache never closes its Redis/Valkey clients on
// shutdown, so once this file stops Redis they keep scheduling reconnects and jest would wait for them forever.
import { createBackendModule } from '@backstage/backend-plugin-api';
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ANALYSED_KINDS, type EntityStorageResponse } from '@kubectl-storage/plugin-kubernetes-storage-common';
import request from 'supertest';
import { isDeepStrictEqual } from 'node:util';
import { kubernetesStorageClustersExtensionPoint } from './extensions';
import { memoryCluster, type MemoryCluster } from './__testUtils__/memoryCluster';
import { startPostgres, startRedis, type RunningService } from './__testUtils__/services';
import { DEMO_DUMP, component, startStorageBackend } from './__testUtils__/testBackend';

const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });

let postgres: RunningService;
let redis: RunningService;
let cluster: MemoryCluster;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  cluster = memoryCluster(DEMO_DUMP, 'prod');
});
afterAll(async () => {
  await Promise.allSettled([postgres?.stop(), redis?.stop()]);
});

function replica() {
  const clusters = createBackendModule({
    pluginId: 'kubernetes-storage',
    moduleId: 'memory-cluster',
    register(env) {
      env.registerInit({
        deps: { clusters: kubernetesStorageClustersExtensionPoint },
        async init({ clusters: ext }) {
          ext.addClusterSupplier({ getClusters: async () => [{ type: 'connection', name: 'prod', connect: () => cluster.connection }] });
        },
      });
    },
  });
  return startStorageBackend({
    entities: [db],
    config: {
      backend: {
        database: { client: 'pg', connection: { host: '127.0.0.1', port: postgres.port, user: 'postgres' } },
        // The valkey store (iovalkey) speaks to Redis too, and survives the server going away at teardown.
        cache: { store: 'valkey', connection: `redis://127.0.0.1:${redis.port}` },
      },
      kubernetesStorage: { collection: { mode: 'shared', lease: { minutes: 5 }, publishInterval: { milliseconds: 200 } } },
    },
    features: [databaseServiceFactory, cacheServiceFactory, schedulerServiceFactory, clusters],
  });
}

async function answer(server: Parameters<typeof request>[0]): Promise<EntityStorageResponse> {
  const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

/** Real services take real time to start and to hand data over: poll (bounded) until the answer says so. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in 30 s');
}

const reportOf = (r: EntityStorageResponse) => ({ ...r.clusters[0].report, generatedAt: 0 });

/**
 * A live cluster's ages grow with the clock, and each replica computes them at its own answer's time: B's answer is
 * compared with two answers of A taken before and after it. When A's two agree, no age ticked in between, so B's
 * answer (taken in between) must be the same report; when they differ, a second boundary passed, so ask again.
 */
async function answersAtOneInstant(a: Parameters<typeof request>[0], b: Parameters<typeof request>[0]) {
  for (let i = 0; i < 20; i++) {
    const before = await answer(a);
    const fromB = await answer(b);
    const after = await answer(a);
    if (isDeepStrictEqual(reportOf(before), reportOf(after))) return { fromA: before, fromB };
  }
  throw new Error("replica A's report changed between every two answers");
}

it('one replica collects, both answer the same report from the shared cache, and a watch event reaches both', async () => {
  const a = await replica();
  const b = await replica();
  try {
    const ok = (r: EntityStorageResponse) => r.clusters[0]?.status === 'ok';
    await eventually(() => answer(a.server), ok);
    await eventually(() => answer(b.server), ok);
    // The same report from either replica (generatedAt is each answer's own time).
    const { fromA, fromB } = await answersAtOneInstant(a.server, b.server);
    expect(reportOf(fromB)).toEqual(reportOf(fromA));
    expect(fromA.clusters[0].report?.statefulSets.map((s) => s.name)).toEqual(['db']);
    // One set of LISTs and watches, not one per replica.
    expect(cluster.lists.length).toBe(ANALYSED_KINDS.length);
    expect(cluster.openWatches()).toBe(ANALYSED_KINDS.length);

    cluster.modify('persistentvolumes', 'pv-data-db-0', undefined, (pv) => ((pv.status as { phase: string }).phase = 'Released'));
    const released = (r: EntityStorageResponse) => r.clusters[0].report?.volumes.find((v) => v.name === 'pv-data-db-0')?.phase === 'Released';
    await eventually(() => answer(a.server), released);
    await eventually(() => answer(b.server), released);
    expect(cluster.lists.length).toBe(ANALYSED_KINDS.length);
  } finally {
    await Promise.allSettled([a.stop(), b.stop()]);
  }
});
