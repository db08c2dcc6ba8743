/**
 * Churn soak (issue 13): one backend watches the real control plane while PVs, PVCs and pods are created and
 * deleted continuously in a namespace of their own for SOAK_SECONDS (default 600). Every 30 s it samples the
 * heap after a full GC, the RSS, and the backend's watch requests in flight (counted on its connection: each
 * stream() opened and not yet ended), and prints the series. Bounded means: the watch count equals the number of
 * watched kinds at every sample (a reconnect never leaves a second watch behind), the heap grows by less than a
 * generous ceiling after the warm-up, and the entity's answer tracks the churn (only what exists now). Everything
 * the soak creates is labelled and deleted at the end.
 *   SOAK_SECONDS=120 npx jest --selectProjects cluster --runInBand --testPathPatterns soak
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { ClusterListResponse, EntityStorageResponse } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { connect, type ClusterConnection } from '@kubectl-storage/plugin-kubernetes-storage-node';
import request from 'supertest';
import { kubernetesStorageClustersExtensionPoint } from '../../plugins/kubernetes-storage-backend/src/extensions';
import { WATCHED_KINDS } from '../../plugins/kubernetes-storage-backend/src/feeds/watchFeed';
import { component, startStorageBackend } from '../../plugins/kubernetes-storage-backend/src/__testUtils__/testBackend';
import { adminClient, ClusterState, requireState } from './control-plane';
import { Kube, KObject, sleep, waitFor } from './kube';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_MS = 30_000;
const NAMESPACE = 'soak';
const LABEL = { 'kubectl-storage-soak': 'churn' };
const SELECTOR = 'kubectl-storage-soak=churn';
/** Generations alive at once: each one a PV, the claim bound to it and a pod mounting it. */
const WINDOW = 4;
/** Heap growth allowed from the warm-up sample to any later one. Generous: the point is "not growing with time". */
const HEAP_CEILING_MB = 64;
const CLUSTER = 'soak';
const BASE = '/api/kubernetes-storage';
const AUTH = mockCredentials.user.header();

const log = (msg: string) => process.stderr.write(`[soak] ${msg}\n`);
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A full GC without --expose-gc on the jest command line: the flag can be set at run time, then gc fetched. */
function fullGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** The product's read-only connection, with its watch streams counted while they are open. */
function countedConnection(kubeconfig: string): { connection: () => ClusterConnection; open: () => number; opened: () => number } {
  let open = 0;
  let opened = 0;
  const connection = () => {
    const inner = connect({ kubeconfig });
    const counted: ClusterConnection = Object.create(inner);
    Object.defineProperty(counted, 'stream', {
      value: async (path: string, options?: Parameters<ClusterConnection['stream']>[1]) => {
        const response = await inner.stream(path, options);
        if (!response.ok) return response;
        open++;
        opened++;
        const lines = response.lines;
        return {
          ...response,
          lines: (async function* () {
            try {
              yield* lines;
            } finally {
              open--;
            }
          })(),
        };
      },
    });
    return counted;
  };
  return { connection, open: () => open, opened: () => opened };
}

const pv = (i: number): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: `soak-pv-${i}`, labels: LABEL },
  spec: {
    capacity: { storage: '1Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: 'soak-manual',
    hostPath: { path: `/tmp/kubectl-storage-soak/${i}` },
    claimRef: { namespace: NAMESPACE, name: `soak-claim-${i}` },
  },
});
const claim = (i: number): KObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: `soak-claim-${i}`, namespace: NAMESPACE, labels: { ...LABEL, app: 'soak' } },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'soak-manual', volumeName: `soak-pv-${i}`, resources: { requests: { storage: '1Gi' } } },
});
const pod = (i: number): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `soak-pod-${i}`, namespace: NAMESPACE, labels: { ...LABEL, app: 'soak' } },
  spec: {
    containers: [{ name: 'c', image: 'registry.invalid/soak:1', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `soak-claim-${i}` } }],
  },
});

interface Sample {
  atSeconds: number;
  heapMb: number;
  rssMb: number;
  watches: number;
  watchesOpened: number;
  apiserverWatches?: number;
  generations: number;
  answeredClaims: number;
}

let state: ClusterState;
let admin: Kube;

/** The API server's own count of open WATCH requests (every client's, the controller manager's too). */
async function apiserverWatches(): Promise<number | undefined> {
  const res = await admin.request('GET', '/metrics', undefined, 'application/json', 10_000).catch(() => undefined);
  if (!res || res.status !== 200 || typeof res.body !== 'string') return undefined;
  let total = 0;
  for (const line of res.body.split('\n')) if (line.startsWith('apiserver_longrunning_requests{') && line.includes('verb="WATCH"')) total += Number(line.split(' ').pop());
  return total;
}

async function cleanUp(): Promise<void> {
  await admin.delete({ kind: 'Namespace', name: NAMESPACE }).catch(() => undefined);
  for (const v of await admin.list('PersistentVolume', undefined, { labelSelector: SELECTOR }).catch(() => [])) {
    await admin.delete({ kind: 'PersistentVolume', name: v.metadata.name }).catch(() => undefined);
  }
  await waitFor('the soak namespace and volumes to be gone', async () => {
    const left = await admin.list('PersistentVolume', undefined, { labelSelector: SELECTOR });
    return left.length === 0 && !(await admin.get('Namespace', NAMESPACE));
  }, { timeoutMs: 180_000, intervalMs: 1000 }).catch((e) => log(`clean-up incomplete: ${(e as Error).message}`));
}

beforeAll(async () => {
  state = requireState();
  admin = adminClient(state);
  await cleanUp();
  await admin.ensure({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE, labels: LABEL } });
});

afterAll(async () => {
  await cleanUp();
  admin?.close();
});

it(`keeps heap and watch count bounded through ${SOAK_SECONDS} s of churn`, async () => {
  const gc = fullGc();
  const counter = countedConnection(state.kubeconfigs.product);
  const clusters = createBackendModule({
    pluginId: 'kubernetes-storage',
    moduleId: 'soak-cluster',
    register(env) {
      env.registerInit({
        deps: { ext: kubernetesStorageClustersExtensionPoint },
        async init({ ext }) {
          ext.addClusterSupplier({ getClusters: async () => [{ type: 'connection', name: CLUSTER, connect: counter.connection }] });
        },
      });
    },
  });
  const soakEntity = component('soak', { 'backstage.io/kubernetes-label-selector': 'app=soak', 'backstage.io/kubernetes-namespace': NAMESPACE });
  const backend = await startStorageBackend({ config: { kubernetesStorage: {} }, entities: [soakEntity], features: [clusters] });
  const server = backend.server;
  const health = async () => ((await request(server).get(`${BASE}/v1/clusters`).set('Authorization', AUTH)).body as ClusterListResponse).items[0];
  const claimsAnswered = async () => {
    const body = (await request(server).get(`${BASE}/v1/entity/component/default/soak`).set('Authorization', AUTH)).body as EntityStorageResponse;
    return body.clusters[0]?.report?.claims.length ?? -1;
  };
  try {
    await waitFor('the backend to sync the cluster', async () => (await health())?.status === 'ok', { timeoutMs: 60_000, intervalMs: 200 });

    // The churn: a bounded loop that ends by itself at the deadline; each request has its own timeout (kube.ts).
    const started = Date.now();
    const deadline = started + SOAK_SECONDS * 1000;
    const live: number[] = [];
    let created = 0;
    let deleted = 0;
    let failures = 0;
    const churn = (async () => {
      for (let i = 0; Date.now() < deadline; i++) {
        try {
          await admin.create(pv(i));
          await admin.create(claim(i));
          await admin.create(pod(i));
          created += 3;
          live.push(i);
          while (live.length > WINDOW) {
            const old = live.shift() as number;
            await admin.delete({ kind: 'Pod', namespace: NAMESPACE, name: `soak-pod-${old}` }, { gracePeriodSeconds: 0 });
            await admin.delete({ kind: 'PersistentVolumeClaim', namespace: NAMESPACE, name: `soak-claim-${old}` });
            await admin.delete({ kind: 'PersistentVolume', name: `soak-pv-${old}` });
            deleted += 3;
          }
        } catch (e) {
          failures++;
          if (failures <= 5) log(`churn request failed (counted, the loop goes on): ${(e as Error).message}`);
        }
        await sleep(250);
      }
    })();

    const samples: Sample[] = [];
    const sample = async (): Promise<Sample> => {
      gc();
      const mem = process.memoryUsage();
      // A watch being reopened right now (the server ends watches after a while) is not a leak: look again briefly.
      let watches = counter.open();
      for (let k = 0; k < 20 && watches !== WATCHED_KINDS.length; k++) {
        await sleep(250);
        watches = counter.open();
      }
      const s: Sample = {
        atSeconds: Math.round((Date.now() - started) / 1000),
        heapMb: mb(mem.heapUsed),
        rssMb: mb(mem.rss),
        watches,
        watchesOpened: counter.opened(),
        apiserverWatches: await apiserverWatches(),
        generations: live.length,
        answeredClaims: await claimsAnswered(),
      };
      log(JSON.stringify(s));
      return s;
    };
    samples.push(await sample());
    while (Date.now() < deadline) {
      await sleep(Math.min(SAMPLE_MS, Math.max(0, deadline - Date.now())));
      samples.push(await sample());
    }
    await churn;
    log(`churn: ${created} objects created, ${deleted} deleted, ${failures} failed requests in ${Math.round((Date.now() - started) / 1000)} s`);

    // The answer follows the churn: once it stops, the entity's claims are exactly those still alive.
    await waitFor('the answer to show the claims alive now', async () => (await claimsAnswered()) === live.length, { timeoutMs: 30_000, intervalMs: 250 });
    const after = await sample();
    samples.push(after);

    log('series (s, heap MiB after gc, rss MiB, backend watches, watches opened so far, apiserver WATCHes, generations, claims answered):');
    for (const s of samples) log(`  ${s.atSeconds}\t${s.heapMb}\t${s.rssMb}\t${s.watches}\t${s.watchesOpened}\t${s.apiserverWatches ?? '-'}\t${s.generations}\t${s.answeredClaims}`);

    expect(created).toBeGreaterThan(0);
    expect(deleted).toBeGreaterThan(0);
    // One watch per watched kind at every sample: no leaked watch after reconnects, none missing.
    expect(samples.map((s) => s.watches)).toEqual(samples.map(() => WATCHED_KINDS.length));
    // The heap after warm-up (the second sample, or the first of a short soak) stays under the ceiling.
    const warm = samples[Math.min(1, samples.length - 1)];
    const growth = Math.max(...samples.slice(samples.indexOf(warm)).map((s) => s.heapMb)) - warm.heapMb;
    log(`heap growth after warm-up: ${growth.toFixed(1)} MiB (ceiling ${HEAP_CEILING_MB})`);
    expect(growth).toBeLessThan(HEAP_CEILING_MB);
    expect((await health())?.status).toBe('ok');
  } finally {
    await backend.stop();
  }
}, SOAK_SECONDS * 1000 + 300_000);
