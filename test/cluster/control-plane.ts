/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver and kube-controller-manager built from source
 * (build-control-plane.sh), plus the kubelet stand-in (kubelet.ts) as a child process. Every process is started
 * detached with its pid recorded in test/cluster/.state/cluster.json, so `cluster:down`, a later `cluster:up`,
 * the jest teardown or the reaper (when the owning process dies) can stop exactly what was started.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Credentials, Kube, sleep, waitFor } from './kube';
import type { KubeletServing } from './kubelet';
import { IDENTITIES, makePki, writeAuditPolicy, writeKubeconfig } from './pki';

export const CLUSTER_DIR = __dirname;
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
// KUBECTL_STORAGE_CLUSTER_STATE_DIR: a second cluster of its own (the benchmarks') beside the tests' one.
export const STATE_DIR = process.env.KUBECTL_STORAGE_CLUSTER_STATE_DIR ?? path.join(__dirname, '.state');
export const STATE_FILE = path.join(STATE_DIR, 'cluster.json');
const CLI = path.join(__dirname, 'cli.js');

type Identity = keyof typeof IDENTITIES;

export interface ClusterState {
  /** `jest` clusters are stopped by the teardown (or the reaper); `cli` clusters live until `cluster:down`. */
  owner: 'jest' | 'cli';
  ownerPid: number;
  startedAt: string;
  binDir: string;
  stateDir: string;
  etcdDataDir: string;
  server: string;
  ports: { etcdClient: number; etcdPeer: number; apiserver: number };
  /** Started processes in start order; `match` must appear in /proc/<pid>/cmdline before we signal the pid. */
  processes: { name: string; pid: number; match: string; log: string }[];
  credentials: Record<Identity, Credentials>;
  kubeconfigs: Record<'admin' | 'product' | 'restricted', string>;
  auditLog: string;
  /** Where the kubelet stand-in serves /stats/summary (absent when this host has no non-loopback IPv4). */
  kubeletServing?: KubeletServing;
  timings: Record<string, number>;
  scenariosApplied?: boolean;
}

const log = (msg: string) => process.stderr.write(`[cluster ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// --- binaries ---------------------------------------------------------------------------------------------------

/**
 * Runs build-control-plane.sh (instant when cached), streaming its progress to stderr, and returns the bin dir.
 * Synchronous on purpose: call it from jest's globalSetup or before jest, never inside a test's timeout.
 */
export function ensureBinaries(): string {
  if (process.env.KUBECTL_STORAGE_CONTROL_PLANE_BIN) return process.env.KUBECTL_STORAGE_CONTROL_PLANE_BIN;
  const t0 = Date.now();
  const res = spawnSync('bash', [path.join(__dirname, 'build-control-plane.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`build-control-plane.sh failed with exit code ${res.status ?? res.signal}`);
  const binDir = res.stdout.trim().split('\n').pop()!;
  for (const b of ['etcd', 'kube-apiserver', 'kube-controller-manager']) {
    if (!fs.existsSync(path.join(binDir, b))) throw new Error(`build-control-plane.sh printed ${binDir}, but ${b} is not there`);
  }
  log(`control plane binaries ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: ${binDir}`);
  return binDir;
}

// --- processes --------------------------------------------------------------------------------------------------

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True if pid is a live (non-zombie) process whose command line contains `match`. */
export function isOurs(pid: number, match: string): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(match);
  } catch {
    return false;
  }
}

function startProcess(state: ClusterState, name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const logFile = path.join(state.stateDir, 'logs', `${name}.log`);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
  fs.closeSync(fd);
  child.unref();
  if (!child.pid) throw new Error(`could not start ${name} (${command})`);
  // The last argument is unique per cluster (a state path or flag with one), so a reused pid never matches.
  state.processes.push({ name, pid: child.pid, match: args[args.length - 1], log: logFile });
  saveState(state);
  log(`started ${name} (pid ${child.pid}), log: ${path.relative(REPO_ROOT, logFile)}`);
  return child;
}

function logTail(file: string, lines = 25): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Fails fast with the log tail if a started process died while we wait for it. */
function assertAlive(state: ClusterState, name: string) {
  const p = state.processes.find(x => x.name === name)!;
  if (!isOurs(p.pid, p.match)) throw new Error(`${name} exited during startup; last lines of ${p.log}:\n${logTail(p.log)}`);
}

/** Waits for the API server's /readyz, failing fast if its process died. */
function apiserverReady(state: ClusterState, admin: Kube, what: string) {
  return waitFor(what, async () => {
    assertAlive(state, 'kube-apiserver');
    const res = await admin.request('GET', '/readyz', undefined, undefined, 2000).catch(() => undefined);
    return res?.status === 200;
  }, { timeoutMs: 90000, intervalMs: 250 });
}

async function stopPid(name: string, pid: number, match: string) {
  if (!isOurs(pid, match)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 10000;
  while (isOurs(pid, match) && Date.now() < deadline) await sleep(100);
  if (isOurs(pid, match)) {
    log(`${name} (pid ${pid}) ignored SIGTERM for 10s, sending SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** A non-loopback IPv4 of this host: the API server proxies to nodes (stats) but never to loopback addresses. */
export function hostIP(): string | undefined {
  for (const addrs of Object.values(os.networkInterfaces())) {
    const a = (addrs ?? []).find(x => x.family === 'IPv4' && !x.internal);
    if (a) return a.address;
  }
  return undefined;
}

// --- state ------------------------------------------------------------------------------------------------------

export function saveState(state: ClusterState) {
  fs.mkdirSync(STATE_DIR, { recursive: true });
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

export function loadState(file = STATE_FILE): ClusterState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function adminClient(state: ClusterState, userAgent?: string) {
  return new Kube(state.credentials.admin, userAgent);
}

/** The cluster in the state file, if all of its processes are still alive. */
export function runningCluster(): ClusterState | undefined {
  const state = loadState();
  if (!state || state.processes.length === 0) return undefined;
  return state.processes.every(p => isOurs(p.pid, p.match)) ? state : undefined;
}

/** Stops every process of the cluster in reverse start order, by pid, and removes its etcd data dir. */
export async function stopCluster(state: ClusterState | undefined = loadState()) {
  if (!state) return;
  for (const p of [...state.processes].reverse()) await stopPid(p.name, p.pid, p.match);
  if (state.etcdDataDir && state.etcdDataDir.startsWith(os.tmpdir())) fs.rmSync(state.etcdDataDir, { recursive: true, force: true });
  const current = loadState();
  if (current && current.startedAt === state.startedAt) {
    current.processes = [];
    saveState(current);
  }
  log('control plane stopped');
}

// --- start ------------------------------------------------------------------------------------------------------

export interface StartOptions {
  owner: 'jest' | 'cli';
  binDir?: string;
}

/**
 * Starts etcd, kube-apiserver, kube-controller-manager and the kubelet stand-in, and waits until the API server is
 * ready and the controller manager has created the `default` ServiceAccount. On any failure (or SIGINT/SIGTERM
 * meanwhile) everything already started is stopped again.
 */
export async function startControlPlane(opts: StartOptions): Promise<ClusterState> {
  const binDir = opts.binDir ?? ensureBinaries();
  const previous = loadState();
  if (previous?.processes.length) {
    log('stopping the cluster a previous run left behind');
    await stopCluster(previous);
  }
  fs.rmSync(STATE_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.join(STATE_DIR, 'logs'), { recursive: true });

  const t0 = Date.now();
  const kubeletIP = hostIP();
  const pki = makePki(path.join(STATE_DIR, 'pki'), kubeletIP);
  const ports = { etcdClient: await freePort(), etcdPeer: await freePort(), apiserver: await freePort() };
  const server = `https://127.0.0.1:${ports.apiserver}`;
  const creds = (id: Identity): Credentials => ({ server, ...pki.clients[id] });
  const state: ClusterState = {
    owner: opts.owner,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
    binDir,
    stateDir: STATE_DIR,
    etcdDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-etcd-')),
    server,
    ports,
    processes: [],
    credentials: {
      admin: creds('admin'),
      controllerManager: creds('controllerManager'),
      product: creds('product'),
      restricted: creds('restricted'),
    },
    kubeconfigs: {
      admin: path.join(STATE_DIR, 'admin.kubeconfig'),
      product: path.join(STATE_DIR, 'product.kubeconfig'),
      restricted: path.join(STATE_DIR, 'restricted.kubeconfig'),
    },
    auditLog: path.join(STATE_DIR, 'audit.log'),
    ...(kubeletIP && pki.kubelet ? { kubeletServing: { address: kubeletIP, ...pki.kubelet } } : {}),
    timings: {},
  };
  saveState(state);

  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    log(`${signal} during startup: stopping what was started`);
    void stopCluster(state).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const etcdUrl = `http://127.0.0.1:${ports.etcdClient}`;
    const peerUrl = `http://127.0.0.1:${ports.etcdPeer}`;
    startProcess(state, 'etcd', path.join(binDir, 'etcd'), [
      '--name=kubectl-storage',
      `--listen-client-urls=${etcdUrl}`,
      `--advertise-client-urls=${etcdUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=kubectl-storage=${peerUrl}`,
      '--unsafe-no-fsync',
      '--log-level=warn',
      `--data-dir=${state.etcdDataDir}`,
    ]);
    await waitFor('etcd /health', async () => {
      assertAlive(state, 'etcd');
      const res = await fetch(`${etcdUrl}/health`).catch(() => undefined);
      return res?.ok && ((await res.json()) as { health?: string }).health === 'true';
    }, { timeoutMs: 30000, intervalMs: 200 });
    state.timings.etcdReadyMs = Date.now() - t0;

    const auditPolicy = path.join(STATE_DIR, 'audit-policy.json');
    writeAuditPolicy(auditPolicy);
    startProcess(state, 'kube-apiserver', path.join(binDir, 'kube-apiserver'), [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${ports.apiserver}`,
      `--cert-dir=${path.join(STATE_DIR, 'apiserver-certs')}`,
      `--tls-cert-file=${pki.servingCert}`,
      `--tls-private-key-file=${pki.servingKey}`,
      `--client-ca-file=${pki.caCert}`,
      `--token-auth-file=${pki.tokenFile}`,
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction',
      '--service-cluster-ip-range=10.0.0.0/24',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.saPub}`,
      `--service-account-signing-key-file=${pki.saKey}`,
      // The built-in `kubernetes` Service would get 127.0.0.1 as endpoint, which endpoint validation rejects.
      '--endpoint-reconciler-type=none',
      // Node proxy (volume stats) reaches the kubelet stand-in at the node's InternalIP, verified against our CA.
      '--kubelet-preferred-address-types=InternalIP',
      `--kubelet-certificate-authority=${pki.caCert}`,
      `--kubelet-client-certificate=${pki.clients.admin.certFile}`,
      `--kubelet-client-key=${pki.clients.admin.keyFile}`,
      `--audit-policy-file=${auditPolicy}`,
      '--profiling=false',
      '--v=1',
      `--audit-log-path=${state.auditLog}`,
    ]);
    const admin = new Kube(state.credentials.admin);
    try {
      await apiserverReady(state, admin, 'kube-apiserver /readyz');
      state.timings.apiserverReadyMs = Date.now() - t0;
      log(`kube-apiserver ready at ${server} after ${(state.timings.apiserverReadyMs / 1000).toFixed(1)}s`);

      writeKubeconfig(state.kubeconfigs.admin, 'kubectl-storage-admin', state.credentials.admin);
      writeKubeconfig(state.kubeconfigs.product, 'kubectl-storage-test', state.credentials.product);
      writeKubeconfig(state.kubeconfigs.restricted, 'dev-alice', state.credentials.restricted);
      const cmKubeconfig = path.join(STATE_DIR, 'controller-manager.kubeconfig');
      writeKubeconfig(cmKubeconfig, 'kube-controller-manager', state.credentials.controllerManager);

      startProcess(state, 'kube-controller-manager', path.join(binDir, 'kube-controller-manager'), [
        `--root-ca-file=${pki.caCert}`,
        `--service-account-private-key-file=${pki.saKey}`,
        '--use-service-account-credentials=true',
        `--cluster-signing-cert-file=${pki.caCert}`,
        `--cluster-signing-key-file=${pki.caKey}`,
        '--leader-elect=false',
        '--controllers=*',
        '--bind-address=127.0.0.1',
        '--secure-port=0',
        '--v=1',
        ...(process.env.KUBECTL_STORAGE_KCM_VMODULE ? [`--vmodule=${process.env.KUBECTL_STORAGE_KCM_VMODULE}`] : []),
        // The benchmarks seed thousands of objects: the controllers' default client limit (20 requests/s) would take minutes.
        ...(process.env.KUBECTL_STORAGE_KCM_EXTRA_ARGS ? process.env.KUBECTL_STORAGE_KCM_EXTRA_ARGS.split(' ').filter(Boolean) : []),
        `--kubeconfig=${cmKubeconfig}`,
      ]);
      startProcess(state, 'kubelet', process.execPath, [CLI, 'kubelet', STATE_FILE]);
      if (opts.owner === 'jest') {
        startProcess(state, 'reaper', process.execPath, [CLI, 'reaper', String(process.pid), `--started-at=${state.startedAt}`]);
      }

      await waitFor('the controller manager to create ServiceAccount default/default', async () => {
        assertAlive(state, 'kube-controller-manager');
        assertAlive(state, 'kubelet');
        return admin.get('ServiceAccount', 'default', 'default');
      }, { timeoutMs: 60000 });
      state.timings.controlPlaneReadyMs = Date.now() - t0;
      saveState(state);
      log(`control plane ready in ${(state.timings.controlPlaneReadyMs / 1000).toFixed(1)}s; admin kubeconfig: ${state.kubeconfigs.admin}`);
      return state;
    } finally {
      admin.close();
    }
  } catch (e) {
    if (!interrupted) {
      log(`startup failed: ${(e as Error).message}`);
      await stopCluster(state);
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Exported for the kubelet stand-in and tests: the state of the running cluster, or a clear error. */
export function requireState(file = process.env.KUBECTL_STORAGE_CLUSTER_STATE ?? STATE_FILE): ClusterState {
  const state = loadState(file);
  if (!state || state.processes.length === 0) {
    throw new Error(`no running test cluster (no live processes in ${file}); start one with \`npm run cluster:up\``);
  }
  return state;
}

/** Waits for the `default` ServiceAccount of each namespace (pods cannot be created before it exists). */
export async function waitForServiceAccounts(kube: Kube, namespaces: string[]) {
  await Promise.all(
    namespaces.map(ns =>
      waitFor(`ServiceAccount ${ns}/default`, () => kube.get('ServiceAccount', 'default', ns), { timeoutMs: 60000 }),
    ),
  );
}

/**
 * An API server outage and its end: stops the kube-apiserver alone (by pid, SIGTERM), runs `whileStopped`, then
 * starts it again with the very command line it ran with (same port, certificates, etcd and audit log) and waits
 * for /readyz. etcd, the controller manager and the kubelet stand-in keep running and reconnect, as they would on
 * a real cluster. The API server is started again even when `whileStopped` throws, so later suites find it up.
 */
export async function restartApiserver(state: ClusterState, whileStopped: () => Promise<void> = async () => {}): Promise<void> {
  const p = state.processes.find(x => x.name === 'kube-apiserver');
  if (!p || !isOurs(p.pid, p.match)) throw new Error('restartApiserver: no running kube-apiserver in the state file');
  const [command, ...args] = fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  await stopPid(p.name, p.pid, p.match);
  log(`kube-apiserver (pid ${p.pid}) stopped on purpose`);
  try {
    await whileStopped();
  } finally {
    // Back in its place in the start order, so stopCluster still stops it after the controller manager.
    const index = state.processes.indexOf(p);
    state.processes.splice(index, 1);
    startProcess(state, p.name, command, args);
    state.processes.splice(index, 0, state.processes.pop()!);
    saveState(state);
    const admin = new Kube(state.credentials.admin);
    try {
      await apiserverReady(state, admin, 'kube-apiserver /readyz after its restart');
    } finally {
      admin.close();
    }
    log('kube-apiserver ready again after its restart');
  }
}
