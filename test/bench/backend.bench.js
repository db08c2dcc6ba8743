#!/usr/bin/env node
// Benchmark (not a test), issue 9 and issue 12 part 5: the Backstage backend plugin on a ~50,000-object cluster,
// in-process (startTestBackend: the real router, httpAuth, error middleware, the plugin as built; a mock catalog of
// the cluster's services with the official annotations, permissions allowing), asked over HTTP on loopback:
//   latency: per-entity answers from the warm cache (a snapshotFile cluster: the generated dump), one request at a
//            time, round-robin over 100 services (StatefulSets and Deployments); p50, p95, max over
//            BACKEND_BENCH_REQUESTS (default 500) after a warm-up round. Target: p95 under 20 ms.
//   change:  the delay from a PV phase change to the first answer showing it, through the watch feed: the same
//            objects served by the in-memory API server of the plugin's tests (LIST, then WATCH), a MODIFIED event
//            pushed, the entity's answer asked back to back until it shows the new phase. Median and max over
//            BACKEND_BENCH_FLIPS (default 10) flips Released <-> Failed. It includes the first answer after a change,
//            which prepares the new snapshot version's index once.
//   memory:  heapUsed after gc before and after a backend loads the cluster (and answers once, so its index and
//            scope lookups exist), less what a backend without clusters costs: the memory one cached cluster takes.
//            For the snapshotFile feed and for the watch-fed store alike. RSS growth too.
// Numbers only, no assertions. Needs the build (`npx tsc -b`) and --expose-gc (run.js passes it).
'use strict';
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { loadTypeScriptHelpers } = require('./collect.bench');
const { generatedDump } = require('./lib/dump');
const m = require('./lib/measure');
const { writeResults } = require('./lib/results');

const ROOT = path.resolve(__dirname, '..', '..');
const OBJECTS = Number(process.env.BACKEND_BENCH_OBJECTS ?? 50000);
const REQUESTS = Number(process.env.BACKEND_BENCH_REQUESTS ?? 500);
const FLIPS = Number(process.env.BACKEND_BENCH_FLIPS ?? 10);
const BASE = '/api/kubernetes-storage';

function loadBackend() {
  try {
    return {
      plugin: require(path.join(ROOT, 'plugins/kubernetes-storage-backend/dist')),
      testUtils: require('@backstage/backend-test-utils'),
      catalogMock: require('@backstage/plugin-catalog-node/testUtils').catalogServiceMock,
      pluginApi: require('@backstage/backend-plugin-api'),
    };
  } catch (error) {
    console.error(`cannot load the built backend plugin: run \`npx tsc -b\` first (${error.message})`);
    process.exit(1);
  }
}

const gc = () => {
  if (!global.gc) throw new Error('run with --expose-gc (npm run bench does)');
  global.gc();
  global.gc();
};
const heap = () => {
  gc();
  return { heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss };
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** The services of the generated cluster as catalog entities: StatefulSet db-i and Deployment web-i of unit i. */
function entitiesOf(objects) {
  const sets = objects.filter((o) => o.kind === 'StatefulSet').map((o) => ({ name: o.metadata.name, namespace: o.metadata.namespace }));
  const webs = objects.filter((o) => o.kind === 'Service' && o.metadata.name.startsWith('web-')).map((o) => ({ name: o.metadata.name, namespace: o.metadata.namespace }));
  const spread = (list, n) => Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]);
  return [...spread(sets, 50), ...spread(webs, 50)].map(({ name, namespace }) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations: { 'backstage.io/kubernetes-label-selector': `app=${name}`, 'backstage.io/kubernetes-namespace': namespace } },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  }));
}

// One caller asks hundreds of times a second here; production's per-caller limit (300/min) would answer 429, so the
// bench raises it (the limiter stays in the path: its cost is part of every answer).
const BENCH_RATE_LIMIT = { requestsPerMinute: 1e9, burst: 1e9 };

async function startBackend(b, { config, entities, features = [] }) {
  const { startTestBackend, mockServices } = b.testUtils;
  return startTestBackend({
    features: [b.plugin.default, mockServices.rootConfig.factory({ data: config }), b.catalogMock.factory({ entities }), ...features],
  });
}

function client(backend, authorization) {
  const origin = `http://127.0.0.1:${backend.server.port()}`;
  return async (route) => {
    const res = await fetch(`${origin}${BASE}${route}`, { headers: { Authorization: authorization } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${route} -> ${res.status}: ${text.slice(0, 300)}`);
    return text;
  };
}

async function waitUntilOk(get, timeoutMs = 600000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = JSON.parse(await get('/v1/clusters'));
    if (list.items.every((c) => c.status === 'ok')) return list;
    if (Date.now() > deadline) throw new Error(`clusters not ok after ${timeoutMs} ms: ${JSON.stringify(list.items)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Heap a backend without clusters adds (started twice: the first run loads the modules). */
async function backendOverhead(b, auth) {
  const empty = await startBackend(b, { config: {}, entities: [] });
  await client(empty, auth)('/v1/clusters');
  await empty.stop();
  const before = heap();
  const again = await startBackend(b, { config: {}, entities: [] });
  await client(again, auth)('/v1/clusters');
  const after = heap();
  await again.stop();
  return { heapUsed: after.heapUsed - before.heapUsed, rss: after.rss - before.rss };
}

async function main() {
  const loadBefore = m.machineLoad();
  const b = loadBackend();
  const auth = b.testUtils.mockCredentials.user.header();
  let t = performance.now();
  const dump = generatedDump(OBJECTS, 'backend-bench');
  const file = dump.file;
  const entities = entitiesOf(dump.objects);
  // A Released Retain volume of a scaled-in StatefulSet, and that set's service: the change benchmark flips it.
  const released = dump.objects.find((o) => o.kind === 'PersistentVolume' && o.status?.phase === 'Released');
  const owner = released.spec.claimRef.name.replace(/^data-(.*)-\d+$/, '$1');
  const ownerNamespace = released.spec.claimRef.namespace;
  if (!entities.some((e) => e.metadata.name === owner)) {
    entities.push({ ...entities[0], metadata: { ...entities[0].metadata, name: owner, annotations: { 'backstage.io/kubernetes-label-selector': `app=${owner}`, 'backstage.io/kubernetes-namespace': ownerNamespace } } });
  }
  dump.objects = undefined;
  console.log(`dump: ${dump.items} objects, ${m.fmtMb(dump.bytes)} (generated in ${m.fmtMs(performance.now() - t)}); ${entities.length} entities`);

  const overhead = await backendOverhead(b, auth);

  // ---- the snapshotFile cluster: memory, then warm latency
  let before = heap();
  t = performance.now();
  const fileBackend = await startBackend(b, { config: { kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'big', path: file }], rateLimit: BENCH_RATE_LIMIT } }, entities });
  const get = client(fileBackend, auth);
  await waitUntilOk(get);
  await get(`/v1/entity/component/default/${entities[0].metadata.name}`);
  const loadMs = performance.now() - t;
  let after = heap();
  const fileMemory = { heapUsed: after.heapUsed - before.heapUsed - overhead.heapUsed, rss: after.rss - before.rss - Math.max(0, overhead.rss) };
  console.log(`snapshotFile cluster loaded and first answer in ${m.fmtMs(loadMs)}; heap ${m.fmtMb(before.heapUsed)} -> ${m.fmtMb(after.heapUsed)}`);

  const routes = entities.map((e) => `/v1/entity/component/default/${e.metadata.name}`);
  for (const r of routes) await get(r); // warm-up: every entity once
  const times = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const s = performance.now();
    bytes += (await get(routes[i % routes.length])).length;
    times.push(performance.now() - s);
  }
  times.sort((x, y) => x - y);
  const latency = { p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: times[times.length - 1], meanBytes: Math.round(bytes / REQUESTS) };
  await fileBackend.stop();

  // ---- the watch-fed cluster (in-memory API server): memory, then PV phase change -> answer
  loadTypeScriptHelpers(); // the plugin's test API server is TypeScript source
  const { memoryCluster } = require(path.join(ROOT, 'plugins/kubernetes-storage-backend/src/__testUtils__/memoryCluster.ts'));
  const memory = memoryCluster(file, 'watched');
  const supplier = b.pluginApi.createBackendModule({
    pluginId: 'kubernetes-storage',
    moduleId: 'bench-memory-cluster',
    register(env) {
      env.registerInit({
        deps: { clusters: b.plugin.kubernetesStorageClustersExtensionPoint },
        async init({ clusters }) {
          clusters.addClusterSupplier({ getClusters: async () => [{ type: 'connection', name: 'watched', connect: () => memory.connection }] });
        },
      });
    },
  });
  before = heap();
  t = performance.now();
  const liveBackend = await startBackend(b, { config: { kubernetesStorage: { rateLimit: BENCH_RATE_LIMIT } }, entities, features: [supplier] });
  const ask = client(liveBackend, auth);
  await waitUntilOk(ask);
  const ownerRoute = `/v1/entity/component/default/${owner}`;
  await ask(ownerRoute);
  const syncMs = performance.now() - t;
  after = heap();
  const watchMemory = { heapUsed: after.heapUsed - before.heapUsed - overhead.heapUsed, rss: after.rss - before.rss - Math.max(0, overhead.rss) };
  console.log(`watch-fed cluster listed, watched and first answer in ${m.fmtMs(syncMs)}; heap ${m.fmtMb(before.heapUsed)} -> ${m.fmtMb(after.heapUsed)}`);

  const phaseIn = (text) => JSON.parse(text).clusters[0].report?.volumes.find((v) => v.name === released.metadata.name)?.phase;
  const delays = [];
  let polls = 0;
  for (let i = 0; i < FLIPS; i++) {
    const next = i % 2 === 0 ? 'Failed' : 'Released';
    const s = performance.now();
    memory.modify('persistentvolumes', released.metadata.name, undefined, (raw) => {
      raw.status = { ...raw.status, phase: next };
    });
    while (phaseIn(await ask(ownerRoute)) !== next) polls++;
    delays.push(performance.now() - s);
  }
  delays.sort((x, y) => x - y);
  const change = { median: m.median(delays), max: delays[delays.length - 1], polls };
  await liveBackend.stop();

  const f = (ms) => `${ms.toFixed(1)} ms`;
  const rows = [
    ['measure', 'value', 'how'],
    ['cluster size', `${dump.items} objects (${m.fmtMb(dump.bytes)} dump)`, 'collect.bench generator, kubectl get -A -o json List'],
    ['per-entity answer p50', f(latency.p50), `${REQUESTS} HTTP requests, warm cache, ${routes.length} entities round-robin`],
    ['per-entity answer p95', f(latency.p95), 'target < 20 ms'],
    ['per-entity answer max', f(latency.max), `mean answer ${(latency.meanBytes / 1024).toFixed(1)} kB`],
    ['PV phase change -> answer, median', f(change.median), `${FLIPS} flips through the watch feed (in-memory API server), answers polled back to back`],
    ['PV phase change -> answer, max', f(change.max), `answers still showing the old phase: ${change.polls} (the cost is the first answer of a new version: its index is prepared once)`],
    ['memory per cluster, snapshotFile', `${m.fmtMb(fileMemory.heapUsed)} heap, ${m.fmtMb(fileMemory.rss)} RSS`, `after gc, less a cluster-less backend (${m.fmtMb(overhead.heapUsed)} heap)`],
    ['memory per cluster, watch-fed store', `${m.fmtMb(watchMemory.heapUsed)} heap, ${m.fmtMb(watchMemory.rss)} RSS`, 'the same objects through LIST + WATCH'],
    ['load + first answer, snapshotFile', m.fmtMs(loadMs), 'read, parse, project, prepare, one answer'],
    ['sync + first answer, watch-fed', m.fmtMs(syncMs), 'LISTs (one page per kind), watches open, one answer'],
  ];
  console.log(`\n${m.table(rows)}\n`);
  writeResults('backend', { measured: true, objects: dump.items, bytes: dump.bytes, requests: REQUESTS, entities: routes.length, latencyMs: latency, changeMs: { ...change, all: delays }, memory: { overhead, snapshotFile: fileMemory, watchFed: watchMemory }, loadMs, syncMs, rows }, loadBefore);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
