#!/usr/bin/env node
// Benchmark (not a test): the whole product at cluster scale, on synthetic clusters of ~10,000 and ~50,000 pods
// over 200 namespaces, built from the test/fixtures builders (StatefulSets with per-ordinal claims and volumes,
// Deployments' pods behind Services with EndpointSlices, Ingresses, TLS Secrets, kubelet volume stats, and faults
// of the common kinds).
//
//   live: `kubectl-storage report -A -o json` through the CLI's programmatic run(), in-process against the msw
//         fake API server (page size 500, the CLI default); stdout is captured and discarded. Prints wall time,
//         the requests the fake server saw, and peak RSS / heapUsed over the run. The fake server answers on the
//         same thread, so its cost is part of the wall time; the time spent in its handler is measured and
//         printed too, so the product's own share can be read off.
//   dump: the same objects as the v1 List `kubectl get pv,pvc,sc,pods,sts,svc,endpointslices,ingress,ingressclass,
//         nodes -A -o json` prints (so no Secrets), then `node cli/bin/run.js report -f FILE -o json > /dev/null`
//         spawned as a user runs it. Prints the file size, wall time and the process's max RSS.
//
// Every measurement runs in a process of its own so peaks are not mixed; each is repeated (COLLECT_BENCH_RUNS,
// default 3) and the medians are printed, with every run's wall time in brackets. COLLECT_BENCH_SIZES=2000,10000
// picks other cluster sizes. Numbers only, no assertions.
// Needs the build: `npx tsc -b` first (`npm run bench` does it).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork, spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const ROLE = process.env.COLLECT_BENCH_ROLE;
const SIZES = [10000, 50000];
const NAMESPACES = 200;
const PODS_PER_NODE = 40;
const PAGE_SIZE = 500; // the collectors' default; the CLI has no flag for it
const RUNS = Number(process.env.COLLECT_BENCH_RUNS ?? 3); // each measurement, in fresh processes; medians printed

// ------------------------------------------------------------------------------------------- rss probe role
// Preloaded (`node --require THIS_FILE cli/bin/run.js ...`) into the spawned CLI: writes the process's own max
// RSS and CPU time to a file when it exits, so the parent reads a clean peak for exactly that process.
if (ROLE === 'rss-probe') {
  const out = process.env.COLLECT_BENCH_PROBE_FILE;
  process.on('exit', (code) => {
    const ru = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ code, maxRssKb: ru.maxRSS, cpuMs: (ru.userCPUTime + ru.systemCPUTime) / 1000 }));
  });
  return;
}

const MB = 1024 * 1024;
const fmtMb = (bytes) => `${(bytes / MB).toFixed(0)} MB`;
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;

// ------------------------------------------------------------------------------------------- cluster generation

function loadTypeScriptHelpers() {
  // The same on-the-fly transform test/cluster/cli.js uses (and jest): the fixtures and the fake API server are
  // TypeScript sources, not built.
  require.extensions['.ts'] = function compileTs(module, filename) {
    const { transformSync } = require('@swc/core');
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
  return {
    fx: require(path.join(ROOT, 'test', 'fixtures', 'objects.ts')),
    fake: require(path.join(ROOT, 'test', 'msw', 'fakeApiServer.ts')),
    kubeconfig: require(path.join(ROOT, 'test', 'msw', 'kubeconfig.ts')),
  };
}

/**
 * A cluster of about `targetPods` pods. One "unit" is an application in one of 200 namespaces: a Deployment
 * (2-8 pods behind a Service, an EndpointSlice and an Ingress, some with TLS) and, for 3 units in 5, a
 * StatefulSet (1, 3 or 5 ordinals, a headless Service, one claim and volume per ordinal). Faults, each at a
 * steady rate: scaled-in sets with a leftover claim or a Released Retain volume, a crash-looping ordinal, an
 * ordinal Pending unschedulable, claims Pending on a missing class, Services without ready endpoints, Ingresses
 * to a missing Service or a missing TLS Secret, nearly full volumes, NotReady nodes.
 */
function generateCluster(fx, targetPods) {
  const objects = [];
  const usage = new Map(); // node -> VolumeUsage[]
  const nodeCount = Math.ceil(targetPods / PODS_PER_NODE);
  let podCounter = 0;
  const nextNode = () => `node-${String(podCounter++ % nodeCount).padStart(4, '0')}`;
  const addUsage = (node, u) => {
    if (!usage.has(node)) usage.set(node, []);
    usage.get(node).push(u);
  };
  const GI = 2 ** 30;

  for (let n = 0; n < nodeCount; n++) objects.push(fx.node(`node-${String(n).padStart(4, '0')}`, { ready: n % 97 !== 13 }));
  for (let n = 0; n < NAMESPACES; n++) objects.push(fx.namespace(`team-${n}`));
  objects.push(
    fx.storageClass('standard', { isDefault: true, allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer' }),
    fx.storageClass('fast', { provisioner: 'pd.csi.storage.gke.io', reclaimPolicy: 'Retain', allowVolumeExpansion: true }),
    fx.storageClass('nfs', { provisioner: 'nfs.csi.k8s.io', reclaimPolicy: 'Retain' }),
    fx.ingressClass('nginx', { isDefault: true }),
  );

  let pods = 0;
  for (let i = 0; pods < targetPods; i++) {
    const ns = `team-${i % NAMESPACES}`;
    const hasSet = i % 5 < 3;

    // ---- the StatefulSet, its ordinals, claims and volumes
    if (hasSet) {
      const db = `db-${i}`;
      const replicas = [3, 1, 3, 5, 3][i % 5];
      const sc = i % 4 === 0 ? 'fast' : 'standard';
      const reclaimPolicy = sc === 'fast' ? 'Retain' : 'Delete';
      const crashing = i % 15 === 0 && replicas > 1; // ordinal 1 crash-loops and holds the rollout back
      const unschedulable = i % 40 === 7; // the last ordinal cannot be scheduled
      objects.push(
        fx.statefulSet(ns, db, {
          replicas,
          serviceName: db,
          volumeClaimTemplates: [{ name: 'data', storageClassName: sc, storage: '20Gi' }],
          retention: { whenDeleted: 'Retain', whenScaled: 'Retain' },
          status: { readyReplicas: replicas - (crashing ? 1 : 0) - (unschedulable ? 1 : 0), currentRevision: `${db}-7d9f8b6c5` },
        }),
        fx.service(ns, db, { headless: i % 25 !== 0, ports: [{ name: 'pg', port: 5432 }] }),
      );
      const endpoints = [];
      for (let o = 0; o < replicas; o++) {
        const claim = `data-${db}-${o}`;
        const pv = `pvc-${fx.fixtureUid('PersistentVolumeClaim', ns, claim)}`;
        const pending = unschedulable && o === replicas - 1;
        const node = pending ? undefined : nextNode();
        const ip = `10.${(i >> 8) & 255}.${i & 255}.${o + 10}`;
        if (pending) {
          objects.push(fx.persistentVolumeClaim(ns, claim, { storageClassName: sc, request: '20Gi' }));
          objects.push(
            fx.statefulSetPod(ns, db, o, { templates: ['data'], phase: 'Pending', unschedulableMessage: '0/250 nodes are available: 250 Insufficient memory.' }),
          );
        } else {
          objects.push(
            fx.persistentVolume(pv, { capacity: '20Gi', storageClassName: sc, reclaimPolicy, claim: { namespace: ns, name: claim }, nodeAffinityNodes: sc === 'standard' ? [node] : undefined }),
            fx.persistentVolumeClaim(ns, claim, { storageClassName: sc, request: '20Gi', volumeName: pv }),
          );
          const bad = crashing && o === 1;
          objects.push(
            fx.statefulSetPod(ns, db, o, {
              templates: ['data'],
              nodeName: node,
              podIP: ip,
              ready: !bad,
              containers: bad
                ? [{ name: 'app', restartCount: 14, state: { waiting: 'CrashLoopBackOff' }, lastTermination: { reason: 'OOMKilled', exitCode: 137 } }]
                : undefined,
            }),
          );
          endpoints.push({ addresses: [ip], ready: !bad, podName: `${db}-${o}`, nodeName: node });
          // Usage from the kubelet; every 11th set is nearly full.
          const full = i % 11 === 0;
          addUsage(node, { namespace: ns, pod: `${db}-${o}`, claim, volume: 'data', usedBytes: (full ? 19.2 : 4 + (i % 9)) * GI, capacityBytes: 20 * GI, availableBytes: (full ? 0.8 : 16 - (i % 9)) * GI, inodesUsed: 1200, inodes: 1310720 });
        }
        pods++;
      }
      objects.push(fx.endpointSlice(ns, `${db}-${fx.fixtureUid('EndpointSlice', ns, db).slice(0, 5)}`, { serviceName: db, ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }], endpoints }));
      // Scaled in from replicas+1: the last ordinal's claim is left behind (Retain), or it was deleted by hand
      // and its Retain volume is Released.
      if (i % 10 === 0) {
        const claim = `data-${db}-${replicas}`;
        const pv = `pvc-${fx.fixtureUid('PersistentVolumeClaim', ns, claim)}`;
        objects.push(fx.persistentVolume(pv, { capacity: '20Gi', storageClassName: 'fast', reclaimPolicy: 'Retain', claim: { namespace: ns, name: claim } }));
        objects.push(fx.persistentVolumeClaim(ns, claim, { storageClassName: 'fast', request: '20Gi', volumeName: pv }));
      } else if (i % 10 === 5) {
        const claim = `data-${db}-${replicas}`;
        objects.push(
          fx.persistentVolume(`pvc-${fx.fixtureUid('PersistentVolumeClaim', ns, claim)}`, {
            phase: 'Released',
            capacity: '20Gi',
            storageClassName: 'fast',
            reclaimPolicy: 'Retain',
            claim: { namespace: ns, name: claim },
            lastPhaseTransitionTime: '2023-11-01T00:00:00Z',
          }),
        );
      }
    }

    // ---- the Deployment's pods, Service, EndpointSlice, Ingress
    const web = `web-${i}`;
    const rs = `${web}-5d8f7c`;
    const replicas = 2 + (i % 7);
    const notReady = i % 12 === 0; // every endpoint not ready: the Ingress path answers 503
    const shared = i % 9 === 0 ? `uploads-${i}` : undefined; // an RWX claim the pods share
    if (shared) {
      const pv = `pvc-${fx.fixtureUid('PersistentVolumeClaim', ns, shared)}`;
      objects.push(
        fx.persistentVolume(pv, { capacity: '100Gi', accessModes: ['ReadWriteMany'], storageClassName: 'nfs', reclaimPolicy: 'Retain', nfs: { server: 'nfs.storage.svc', path: `/exports/${ns}/${shared}` }, claim: { namespace: ns, name: shared } }),
        fx.persistentVolumeClaim(ns, shared, { storageClassName: 'nfs', request: '100Gi', accessModes: ['ReadWriteMany'], volumeName: pv, labels: { app: web } }),
      );
    }
    const endpoints = [];
    for (let r = 0; r < replicas; r++) {
      const name = `${rs}-${fx.fixtureUid('Pod', ns, `${rs}-${r}`).slice(0, 5)}`;
      const node = nextNode();
      const ip = `10.${128 + ((i >> 8) & 127)}.${i & 255}.${r + 10}`;
      const volumes = [{ name: 'cache', emptyDir: i % 8 === 0 ? { medium: 'Memory' } : {} }];
      if (shared) volumes.unshift({ name: 'uploads', persistentVolumeClaim: { claimName: shared } });
      objects.push(
        fx.pod(ns, name, {
          nodeName: node,
          podIP: ip,
          labels: { app: web, 'pod-template-hash': '5d8f7c' },
          controller: { kind: 'ReplicaSet', name: rs },
          ready: !notReady,
          containers: [{ name: 'app', ready: !notReady, restartCount: notReady ? 3 : 0 }, { name: 'proxy' }],
          volumes,
        }),
      );
      if (shared) addUsage(node, { namespace: ns, pod: name, claim: shared, volume: 'uploads', usedBytes: 40 * GI, capacityBytes: 100 * GI, availableBytes: 60 * GI });
      endpoints.push({ addresses: [ip], ready: !notReady, podName: name, nodeName: node });
      pods++;
    }
    objects.push(
      fx.service(ns, web, { ports: [{ name: 'http', port: 80, targetPort: 8080 }] }),
      fx.endpointSlice(ns, `${web}-${fx.fixtureUid('EndpointSlice', ns, web).slice(0, 5)}`, { serviceName: web, endpoints }),
    );
    const tls = i % 3 === 0;
    const backend = i % 30 === 0 ? `${web}-old` : web; // routes to a Service that is gone
    objects.push(
      fx.ingress(ns, web, {
        ingressClassName: 'nginx',
        rules: [{ host: `${web}.${ns}.example.com`, paths: [{ path: '/', service: backend, port: 80 }] }],
        tls: tls ? [{ hosts: [`${web}.${ns}.example.com`], secretName: `${web}-tls` }] : undefined,
        loadBalancer: [{ ip: '203.0.113.10' }],
      }),
    );
    if (tls && i % 21 !== 0) objects.push(fx.secret(ns, `${web}-tls`)); // every 21st TLS Secret is missing
    if (i % 20 === 0) objects.push(fx.persistentVolumeClaim(ns, `scratch-${i}`, { storageClassName: 'fast-typo', request: '5Gi' }));
  }

  const nodeStats = {};
  for (const [node, usages] of usage) nodeStats[node] = fx.kubeletSummary(node, usages);
  return { objects, nodeStats, pods, nodes: nodeCount };
}

/** `kubectl get ... -A -o json`: a v1 List, 4-space indented, written item by item (no one giant string). */
function writeDump(file, objects) {
  const fd = fs.openSync(file, 'w');
  let chunk = '{\n    "apiVersion": "v1",\n    "items": [\n';
  const flush = () => {
    fs.writeSync(fd, chunk);
    chunk = '';
  };
  const items = objects.filter((o) => o.kind !== 'Secret' && o.kind !== 'Namespace');
  items.forEach((o, i) => {
    chunk += `        ${JSON.stringify(o, null, 4).replace(/\n/g, '\n        ')}${i < items.length - 1 ? ',' : ''}\n`;
    if (chunk.length > 4 * MB) flush();
  });
  chunk += '    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n';
  flush();
  fs.closeSync(fd);
  return { bytes: fs.statSync(file).size, items: items.length };
}

// ------------------------------------------------------------------------------------------- live role (child)

async function liveChild(targetPods, dumpFile) {
  const t0 = Date.now();
  const { fx, fake, kubeconfig } = loadTypeScriptHelpers();
  const { setupServer } = require('msw/node');
  const cli = require('kubectl-storage');
  const cluster = generateCluster(fx, targetPods);
  const generateMs = Date.now() - t0;

  const server = fake.createFakeApiServer({ objects: cluster.objects, behaviour: { pageSizeMax: PAGE_SIZE, nodeStats: cluster.nodeStats } });
  // The fake server answers on this thread, so its work is inside the wall time. Its resolver has no awaits on
  // this path (no delays configured), so the synchronous part of each call is all of the server's own work:
  // finding the page, cloning its objects, serializing the response.
  let serverMs = 0;
  for (const handler of server.handlers) {
    const resolver = handler.resolver;
    handler.resolver = (info) => {
      const t = process.hrtime.bigint();
      try {
        return resolver(info);
      } finally {
        serverMs += Number(process.hrtime.bigint() - t) / 1e6;
      }
    };
  }
  const msw = setupServer(...server.handlers);
  msw.listen({ onUnhandledRequest: 'error' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-bench-'));
  process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
  const kubeconfigFile = kubeconfig.writeKubeconfig(tmp, { server: server.server });

  // Baseline: the cluster's objects (the fake server's store) are in memory; growth from here on is the run's
  // (the product's, plus the pages the fake server builds and drops while answering).
  global.gc();
  global.gc();
  const base = process.memoryUsage();
  const baseMaxRss = process.resourceUsage().maxRSS * 1024;
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  };
  const timer = setInterval(sample, 10);

  let outBytes = 0;
  const out = [];
  let errText = '';
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  process.stdout.write = (chunk, ...rest) => {
    outBytes += Buffer.byteLength(chunk);
    out.push(chunk);
    const cb = rest.find((a) => typeof a === 'function');
    if (cb) process.nextTick(cb);
    return true;
  };
  process.stderr.write = (chunk, ...rest) => {
    errText += String(chunk);
    const cb = rest.find((a) => typeof a === 'function');
    if (cb) process.nextTick(cb);
    return true;
  };
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  let exitCode = 0;
  try {
    await cli.run(['report', '-A', '-o', 'json', '--kubeconfig', kubeconfigFile]);
  } catch (err) {
    exitCode = err && err.oclif && err.oclif.exit !== undefined ? err.oclif.exit : -1;
    if (exitCode === -1) errText += String(err && err.stack ? err.stack : err);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  if (maxRss > baseMaxRss) peakRss = Math.max(peakRss, maxRss);

  let findings;
  try {
    findings = JSON.parse(out.join('')).summary.findings;
  } catch {
    findings = undefined;
  }
  out.length = 0;

  const lists = server.requests.filter((r) => !r.path.includes('/proxy/'));
  const statsRequests = server.requests.length - lists.length;

  msw.close();

  let dump;
  if (dumpFile) dump = writeDump(dumpFile, cluster.objects);

  const count = (kind) => cluster.objects.filter((o) => o.kind === kind).length;
  return {
    pods: cluster.pods,
    objects: cluster.objects.length,
    nodes: cluster.nodes,
    claims: count('PersistentVolumeClaim'),
    volumes: count('PersistentVolume'),
    generateMs,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    exitCode,
    stderr: errText.trim(),
    outBytes,
    findings,
    listRequests: lists.length,
    statsRequests,
    baseRss: base.rss,
    peakRss,
    baseHeap: base.heapUsed,
    peakHeap,
    serverMs,
    dump,
  };
}

// ------------------------------------------------------------------------------------------- parent

function runLive(targetPods, dumpFile) {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [String(targetPods), dumpFile], {
      cwd: ROOT,
      execArgv: ['--expose-gc'],
      env: { ...process.env, COLLECT_BENCH_ROLE: 'live', NO_COLOR: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result;
    child.on('message', (m) => (result = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => (result ? resolve(result) : reject(new Error(`live child (${targetPods} pods) exited ${code ?? signal}`))));
  });
}

function runDump(dumpFile, probeFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', __filename, path.join(ROOT, 'cli', 'bin', 'run.js'), 'report', '-f', dumpFile, '-o', 'json'], {
      cwd: ROOT,
      env: { ...process.env, COLLECT_BENCH_ROLE: 'rss-probe', COLLECT_BENCH_PROBE_FILE: probeFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let probe = {};
      try {
        probe = JSON.parse(fs.readFileSync(probeFile, 'utf8'));
      } catch {
        // killed before its exit handler ran
      }
      resolve({ code: code ?? signal, wallMs, maxRss: (probe.maxRssKb ?? NaN) * 1024, cpuMs: probe.cpuMs, stderr: stderr.trim() });
    });
  });
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'cli', 'dist', 'commands', 'report.js'))) {
    console.error('cli/dist is missing: run `npx tsc -b` first (npm run bench does).');
    process.exit(1);
  }
  const sizes = process.env.COLLECT_BENCH_SIZES ? process.env.COLLECT_BENCH_SIZES.split(',').map(Number) : SIZES;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'collect-bench-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  process.on('SIGINT', () => (cleanup(), process.exit(130)));
  const results = [];
  try {
    for (const target of sizes) {
      const dumpFile = path.join(tmp, `cluster-${target}.json`);
      const lives = [];
      const dumps = [];
      // Fresh processes each time; the first live run also writes the dump the dump runs read.
      for (let r = 0; r < RUNS; r++) lives.push(await runLive(target, r === 0 ? dumpFile : ''));
      for (let r = 0; r < RUNS; r++) dumps.push(await runDump(dumpFile, path.join(tmp, `probe-${target}-${r}.json`)));
      fs.rmSync(dumpFile, { force: true });
      const live = { ...lives[0], ...medians(lives, ['wallMs', 'cpuMs', 'serverMs', 'baseRss', 'peakRss', 'baseHeap', 'peakHeap']), range: range(lives) };
      const dump = { ...dumps[0], ...medians(dumps, ['wallMs', 'cpuMs', 'maxRss']), range: range(dumps) };
      results.push({ target, live, dump });
      print(live, dump);
    }
  } finally {
    cleanup();
  }
  if (results.length === 2) printRatios(results[0], results[1]);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const medians = (runs, keys) => Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
const range = (runs) => (runs.length > 1 ? ` [${runs.map((r) => fmtS(r.wallMs)).join(', ')}]` : '');

function print(live, dump) {
  console.log(
    `\n${live.pods} pods, ${live.objects} objects (${live.claims} claims, ${live.volumes} volumes, ${live.nodes} nodes, ${NAMESPACES} namespaces; generated in ${fmtS(live.generateMs)})`,
  );
  const problems = (exit, stderr) => (exit !== 0 || stderr ? `  [exit ${exit}${stderr ? `: ${stderr.split('\n').slice(0, 3).join(' | ')}` : ''}]` : '');
  console.log(
    `  live  report -A -o json: wall ${fmtS(live.wallMs)}${live.range} (cpu ${fmtS(live.cpuMs)}), ${live.listRequests} LIST + ${live.statsRequests} stats requests, ` +
      `${fmtMb(live.outBytes)} JSON out` +
      `${live.findings ? ` (findings: ${live.findings.critical} critical, ${live.findings.warning} warning, ${live.findings.info} info)` : ''}${problems(live.exitCode, live.stderr)}`,
  );
  console.log(
    `        RSS ${fmtMb(live.baseRss)} -> peak ${fmtMb(live.peakRss)} (+${fmtMb(live.peakRss - live.baseRss)}), ` +
      `heapUsed ${fmtMb(live.baseHeap)} -> peak ${fmtMb(live.peakHeap)} (+${fmtMb(live.peakHeap - live.baseHeap)}) ` +
      `[baseline: the fake server's objects; peaks include its transient pages]`,
  );
  console.log(
    `        of the wall time, ${fmtS(live.serverMs)} is the fake API server's handler (page, clone, serialize); ` +
      `the other ${fmtS(live.wallMs - live.serverMs)} is the product plus msw's transport`,
  );
  console.log(
    `  dump  report -f (${live.dump.items} items, ${fmtMb(live.dump.bytes)}), spawned: wall ${fmtS(dump.wallMs)}${dump.range} (cpu ${fmtS(dump.cpuMs ?? NaN)}), ` +
      `max RSS ${fmtMb(dump.maxRss)}${problems(dump.code, dump.stderr)}`,
  );
}

function printRatios(a, b) {
  const r = (x, y) => `${(y / x).toFixed(2)}x`;
  console.log(
    `\n${b.target / 1000}k/${a.target / 1000}k for ${r(a.live.pods, b.live.pods)} pods (${r(a.live.objects, b.live.objects)} objects): ` +
      `live wall ${r(a.live.wallMs, b.live.wallMs)}, live RSS increase ${r(a.live.peakRss - a.live.baseRss, b.live.peakRss - b.live.baseRss)}, ` +
      `heapUsed increase ${r(a.live.peakHeap - a.live.baseHeap, b.live.peakHeap - b.live.baseHeap)}, LIST requests ${r(a.live.listRequests, b.live.listRequests)}; ` +
      `live wall without the fake server's handler ${r(a.live.wallMs - a.live.serverMs, b.live.wallMs - b.live.serverMs)}; ` +
      `dump size ${r(a.live.dump.bytes, b.live.dump.bytes)}, dump wall ${r(a.dump.wallMs, b.dump.wallMs)}, dump max RSS ${r(a.dump.maxRss, b.dump.maxRss)} (linear is about ${r(a.live.objects, b.live.objects)})`,
  );
}

if (ROLE === 'live') {
  liveChild(Number(process.argv[2]), process.argv[3])
    .then((result) => process.send(result, () => process.exit(0)))
    .catch((err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(1);
    });
} else if (require.main === module) {
  main().catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exitCode = 1;
  });
}

module.exports = { generateCluster, loadTypeScriptHelpers, writeDump };
