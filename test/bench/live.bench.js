#!/usr/bin/env node
// Benchmark (not a test), issue 12 parts 2 and 3: a live report against a real control plane at scale, compared on
// the same cluster in the same run with `kubectl get` of the same kinds, with the floor (the same paginated LISTs
// fetched raw: same identity, page size and Accept header, bodies read and discarded), and with popeye.
//
// It starts a control plane of its own (test/cluster, state in $TMPDIR/kubectl-storage-bench-cluster, so a test
// cluster in test/cluster/.state is left alone), seeds it (live/seed.ts: 300 namespaces, ~20,000 objects, 6,000
// pods, faults of 8 kinds), checks the cluster is idle (CPU of each control-plane process over 10 s), then runs each
// tool LIVE_BENCH_RUNS times (default 3, after one unmeasured warm-up each), alternating, under GNU time; requests
// per tool come from the API server's audit log. Prints the tables and writes results/live.json; stops the cluster.
//
// Needs the control-plane binaries (KUBECTL_STORAGE_CONTROL_PLANE_BIN, or test/cluster/build-control-plane.sh builds
// them: ~6 min cold) and kubectl on PATH; popeye is built once by peers/build-popeye.sh (~10 min cold, started in
// the background at the beginning, cached under ~/.cache/kubectl-storage/peers). LIVE_BENCH_NAMESPACES=30 seeds a
// smaller cluster (a quick smoke run); LIVE_BENCH_NO_POPEYE=1 skips popeye; LIVE_BENCH_KEEP=1 leaves the cluster up.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const STATE_DIR = path.join(os.tmpdir(), 'kubectl-storage-bench-cluster');
// Read by test/cluster/control-plane.ts when it is loaded, and passed on to the processes it starts.
process.env.KUBECTL_STORAGE_CLUSTER_STATE_DIR = STATE_DIR;
process.env.KUBECTL_STORAGE_KCM_EXTRA_ARGS = '--kube-api-qps=400 --kube-api-burst=800';

require.extensions['.ts'] = function compileTs(module, filename) {
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  module._compile(code, filename);
};

const m = require('./lib/measure');
const { writeResults } = require('./lib/results');
const audit = require('./live/audit');

const RUNS = Number(process.env.LIVE_BENCH_RUNS ?? 3);
const NAMESPACES = Number(process.env.LIVE_BENCH_NAMESPACES ?? 300);
const RUN = path.join(ROOT, 'cli', 'bin', 'run.js');
const KINDS = 'pv,pvc,sc,sts,pods,svc,endpointslices,ingress,ingressclass';
const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
/** Kinds the collector lists as metadata only (plugins/kubernetes-storage-node/src/collectSnapshot.ts). */
const METADATA_KINDS = new Set(['secrets']);

function startPopeyeBuild() {
  if (process.env.LIVE_BENCH_NO_POPEYE) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn('bash', [path.join(__dirname, 'peers', 'build-popeye.sh')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (code !== 0) console.error(`popeye build failed (exit ${code}); popeye is left out:\n${err.trim().split('\n').slice(-5).join('\n')}`);
      resolve(code === 0 ? { bin: out.trim().split('\n').pop(), buildMs: Date.now() - t } : undefined);
    });
  });
}

/** CPU used by each control-plane process over `ms` (from /proc/PID/stat utime+stime, clock ticks of 10 ms). */
/** CPU clock ticks (user + system, 1/100 s) a process has used so far, from /proc. */
function ticks(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return NaN;
  }
}

/** CPU ms the API server and etcd have used so far: what serving a tool's requests costs the (shared) machine. */
function serverCpuMs(state) {
  return state.processes.filter((p) => p.name === 'kube-apiserver' || p.name === 'etcd').reduce((sum, p) => sum + ticks(p.pid) * 10, 0);
}

async function idleCpu(state, ms) {
  const before = state.processes.map((p) => ticks(p.pid));
  await new Promise((r) => setTimeout(r, ms));
  return Object.fromEntries(state.processes.map((p, i) => [p.name, Number((((ticks(p.pid) - before[i]) * 10) / ms).toFixed(3))]));
}

/** A fault is found when a finding (or popeye issue at warning or above) is about one of its objects. */
function refsOf(f) {
  const refs = [`${f.kind}/${f.namespace ?? ''}/${f.name}`];
  if (f.fault === 'sts-ordinal-crashloop' || f.fault === 'sts-leftover-claim') refs.push(`StatefulSet/${f.namespace}/db`);
  if (f.fault === 'service-no-ready-endpoints') refs.push(`Ingress/${f.namespace}/web`);
  return refs;
}

function oursFound(report, faults) {
  const about = new Set();
  for (const finding of report.findings ?? []) {
    for (const o of [finding.object, ...(finding.related ?? [])]) if (o) about.add(`${o.kind}/${o.namespace ?? ''}/${o.name}`);
  }
  return faults.map((f) => refsOf(f).some((r) => about.has(r)));
}

const POPEYE_KINDS = { pods: 'Pod', statefulsets: 'StatefulSet', persistentvolumes: 'PersistentVolume', persistentvolumeclaims: 'PersistentVolumeClaim', ingresses: 'Ingress', services: 'Service' };
function popeyeFound(text, faults) {
  const about = new Set();
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return faults.map(() => undefined);
  }
  for (const section of doc.popeye?.sections ?? doc.sections ?? []) {
    const kind = POPEYE_KINDS[(section.gvr ?? section.linter ?? '').split('/').pop()];
    if (!kind) continue;
    for (const [key, issues] of Object.entries(section.issues ?? {})) {
      if (!(issues ?? []).some((i) => i.level >= 2)) continue;
      const [a, b] = key.split('/');
      about.add(b === undefined ? `${kind}//${a}` : `${kind}/${a}/${b}`);
    }
  }
  return faults.map((f) => refsOf(f).some((r) => about.has(r)));
}

async function main() {
  for (const [what, ok] of [['GNU time at /usr/bin/time (apt-get install time)', m.haveGnuTime()], ['kubectl on PATH', spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0]]) {
    if (!ok) {
      console.error(`live.bench needs ${what}`);
      process.exit(1);
    }
  }
  const loadBefore = m.machineLoad();
  const popeyeBuild = startPopeyeBuild();
  const cp = require('../cluster/control-plane.ts');
  const { seed, DEFAULT_PLAN, benchKubeletRules, FAULT_LABELS } = require('./live/seed.ts');
  const plan = { ...DEFAULT_PLAN, namespaces: NAMESPACES };
  process.env.KUBECTL_STORAGE_KUBELET_EXTRA_RULES = JSON.stringify(benchKubeletRules(plan));

  let t = Date.now();
  const state = await cp.startControlPlane({ owner: 'cli' });
  const startMs = Date.now() - t;
  let stopped = false;
  const stop = async () => {
    if (stopped || process.env.LIVE_BENCH_KEEP) return;
    stopped = true;
    await cp.stopCluster(state);
  };
  process.once('SIGINT', () => stop().finally(() => process.exit(130)));
  try {
    const admin = cp.adminClient(state);
    const seeded = await seed(admin, { ...plan, nodeAddress: state.kubeletServing?.address }, (l) => console.log(`[seed] ${l}`));
    admin.close();
    const objectCount = async () => {
      const kube = cp.adminClient(state);
      const counts = {};
      for (const kind of ['PersistentVolume', 'PersistentVolumeClaim', 'StorageClass', 'StatefulSet', 'Pod', 'Service', 'EndpointSlice', 'Ingress', 'IngressClass', 'Secret']) counts[kind] = (await kube.list(kind)).length;
      kube.close();
      return counts;
    };
    const counts = await objectCount();
    const objects = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`cluster: ${objects} objects ${JSON.stringify(counts)}; seeded in ${m.fmtMs(seeded.ms)} (${seeded.requests} requests, ${(seeded.requests / (seeded.ms / 1000)).toFixed(0)}/s) + settled in ${m.fmtMs(seeded.settleMs)}`);
    const idle = await idleCpu(state, 10000);
    console.log(`idle CPU over 10 s (cores): ${Object.entries(idle).map(([k, v]) => `${k} ${v}`).join(', ')}`);

    const kubeconfig = state.kubeconfigs.product;
    const env = { ...process.env, NO_COLOR: '1' };
    const kubectlCache = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kubectl-cache-'));
    const tools = {
      // LIVE_BENCH_CPU_PROF=DIR: each run of ours also writes a V8 CPU profile there (where its CPU goes).
      ours: () => m.run(process.execPath, [...(process.env.LIVE_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.LIVE_BENCH_CPU_PROF] : []), RUN, 'report', '-A', '-o', 'json', '--kubeconfig', kubeconfig], { env, keepStdout: true }),
      kubectl: () => m.run('kubectl', ['get', KINDS, '-A', '-o', 'json', '--kubeconfig', kubeconfig, '--cache-dir', kubectlCache], { env }),
    };
    const results = {};
    const requests = {};
    const record = async (name, fn) => {
      const from = audit.mark(state.auditLog);
      const serverBefore = serverCpuMs(state);
      const r = await fn();
      r.serverCpuMs = serverCpuMs(state) - serverBefore;
      await new Promise((res) => setTimeout(res, 500)); // the audit log is written as responses complete
      const entries = audit.since(state.auditLog, from);
      (results[name] ??= []).push(r);
      requests[name] = { ...audit.summarize(entries), entries };
      if (r.code !== 0 && !(name === 'ours' && r.code > 1) && name !== 'popeye') console.error(`${name} exited ${r.code}: ${r.stderr}`);
      return r;
    };
    // Warm-up (discovery cache for kubectl, page cache for everyone), then the measured runs, alternating.
    await record('ours', tools.ours);
    await record('kubectl', tools.kubectl);
    const oursRequests = requests.ours.entries.filter((e) => e.verb === 'list' || e.verb === 'get');
    const floorPaths = oursRequests
      .filter((e) => !/[?&]continue=/.test(e.uri))
      .map((e) => ({ path: e.uri, accept: METADATA_KINDS.has(e.resource) ? METADATA_ONLY : undefined }));
    tools.floor = () => m.run(process.execPath, [path.join(__dirname, 'live', 'rawFloor.js'), JSON.stringify(state.credentials.product), JSON.stringify(floorPaths)], { env, keepStdout: true });
    await record('floor', tools.floor);

    const popeye = await popeyeBuild;
    if (popeye) {
      // popeye reads far more kinds than the product's read-only role allows: it runs as the admin (its own
      // requests are told apart by user agent in the audit log).
      tools.popeye = () => m.run(popeye.bin, ['-A', '-o', 'json', '--kubeconfig', state.kubeconfigs.admin, '--logs', 'none', '--force-exit-zero', '-v', '0'], { env, keepStdout: true });
      await record('popeye', tools.popeye);
    }
    for (const k of Object.keys(results)) results[k] = [];
    for (let r = 0; r < RUNS; r++) for (const [name, fn] of Object.entries(tools)) await record(name, fn);

    const agg = (name) => {
      const runs = results[name];
      return { wallMs: m.median(runs.map((r) => r.wallMs)), maxRss: m.median(runs.map((r) => r.maxRss)), cpuMs: m.median(runs.map((r) => r.cpuMs)), serverCpuMs: m.median(runs.map((r) => r.serverCpuMs)), runsMs: runs.map((r) => Math.round(r.wallMs)), outBytes: runs[runs.length - 1].outBytes, requests: { total: requests[name].total, byKind: requests[name].byKind } };
    };
    const A = Object.fromEntries(Object.keys(tools).map((n) => [n, agg(n)]));
    const label = { ours: 'kubectl storage report -A -o json', kubectl: `kubectl get ${KINDS} -A -o json`, floor: 'raw LIST floor (same requests)', popeye: 'popeye -A -o json (v0.22.1)' };
    const rows = [['live, same cluster', 'wall (median)', 'runs', 'max RSS', 'CPU', 'server CPU', 'requests', 'vs floor', 'kubectl / this']];
    for (const n of Object.keys(tools)) {
      const a = A[n];
      rows.push([label[n], m.fmtMs(a.wallMs), a.runsMs.join(' '), m.fmtMb(a.maxRss), m.fmtMs(a.cpuMs), m.fmtMs(a.serverCpuMs), a.requests.total, m.ratio(a.wallMs, A.floor.wallMs), m.ratio(A.kubectl.wallMs, a.wallMs)]);
    }
    rows.push(['kor', 'not measured: not served by the module proxy (no source to build here)', '', '', '', '', '', '', '']);
    console.log(m.table(rows));
    const kinds = [...new Set(Object.values(A).flatMap((a) => Object.keys(a.requests.byKind)))].sort();
    console.log(m.table([['requests per kind', ...Object.keys(tools)], ...kinds.map((k) => [k, ...Object.keys(tools).map((n) => A[n].requests.byKind[k] ?? 0)])]));
    console.log(
      `targets: report <= 1.2x the raw LIST floor: ${A.ours.wallMs / A.floor.wallMs <= 1.2 ? 'met' : 'NOT met'} (${m.ratio(A.ours.wallMs, A.floor.wallMs)}); ` +
        `>= 3x faster than kubectl get: ${A.kubectl.wallMs / A.ours.wallMs >= 3 ? 'met' : 'NOT met'} (${m.ratio(A.kubectl.wallMs, A.ours.wallMs)})`,
    );
    // What the shared cores allow: the report's own CPU is one thread's (a wall of at least that), and with the API
    // server and etcd on the same cores, the wall is at least all the CPU spent divided by the cores.
    const cores = os.cpus().length;
    const bound = Math.max(A.ours.cpuMs, (A.ours.cpuMs + A.ours.serverCpuMs) / cores);
    const boundLine =
      `Lower bound of the report's wall on ${cores} cores: ${m.fmtMs(bound)}, ${m.ratio(bound, A.floor.wallMs)} the floor ` +
      `(the report's CPU ${m.fmtMs(A.ours.cpuMs)} on one thread; with the API server's and etcd's ${m.fmtMs(A.ours.serverCpuMs)} on the same cores, ` +
      `at least ${m.fmtMs((A.ours.cpuMs + A.ours.serverCpuMs) / cores)}; the floor spends ${m.fmtMs(A.floor.cpuMs)} of its own).`;
    console.log(boundLine);

    // Which seeded faults each tool reports.
    const ours = oursFound(JSON.parse(results.ours[results.ours.length - 1].stdout), seeded.faults);
    const pop = popeye ? popeyeFound(results.popeye[results.popeye.length - 1].stdout, seeded.faults) : seeded.faults.map(() => undefined);
    const byFault = {};
    seeded.faults.forEach((f, i) => {
      const b = (byFault[f.fault] ??= { seeded: 0, ours: 0, popeye: 0 });
      b.seeded++;
      if (ours[i]) b.ours++;
      if (pop[i]) b.popeye++;
    });
    const faultRows = [['seeded fault', 'seeded', 'kubectl storage', popeye ? 'popeye' : 'popeye (not built)', 'kor']];
    for (const [fault, b] of Object.entries(byFault)) faultRows.push([FAULT_LABELS[fault], b.seeded, b.ours, popeye ? b.popeye : '-', 'not measured']);
    console.log(m.table(faultRows));

    writeResults('live', {
      namespaces: NAMESPACES,
      objects,
      counts,
      controlPlaneStartMs: startMs,
      seed: { ms: seeded.ms, settleMs: seeded.settleMs, requests: seeded.requests, perSecond: Math.round(seeded.requests / (seeded.ms / 1000)), created: seeded.created },
      idleCpuCores: idle,
      popeyeBuildMs: popeye?.buildMs,
      tools: A,
      faults: byFault,
      rows,
      faultRows,
      wallBoundMs: bound,
      boundLine,
    }, loadBefore);
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exitCode = 1;
});
