/**
 * A kubelet stand-in. The local control plane has no kubelet and no scheduler, so this plays both for the pods the
 * scenarios create: it registers Nodes (Ready, with a Lease it keeps renewing so the node lifecycle controller
 * never marks them NotReady), binds pending pods to a node through the `binding` subresource, writes pod status
 * through the `status` subresource as a kubelet would (phase, conditions, IPs, container statuses with restart
 * counts and waiting/terminated reasons), and finishes graceful deletions (a kubelet deletes the pod with grace 0
 * once its containers stopped). With that, the real StatefulSet controller advances ordinal by ordinal and the
 * real EndpointSlice controller publishes ready and not-ready endpoints. Given a serving address (a non-loopback IP
 * of this host: the API server refuses to proxy to loopback), it also serves each node's `/stats/summary` over TLS,
 * so `kubectl get --raw /api/v1/nodes/NODE/proxy/stats/summary` (the product's volume usage) works for real.
 *
 * What each pod does is data: the first matching rule wins, pods matching no rule become Running and Ready.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { KObject, Kube, sleep } from './kube';

export type PodBehavior =
  /** Running, all containers ready. */
  | 'ready'
  /** Running, containers started but the readiness probe fails (no restarts). */
  | 'not-ready'
  /** CrashLoopBackOff: waiting, restarted `restarts` times, last terminated with reason Error (exit 1). */
  | 'crashloop'
  /** Like crashloop, but the last termination was OOMKilled (exit 137). */
  | 'oomkilled'
  /** Never scheduled: stays Pending without a node. */
  | 'unschedulable';

export interface KubeletRule {
  namespace?: string;
  /** Anchored regular expression over the pod name, e.g. `web-1` or `checkout-.*`. */
  name: string;
  behavior: PodBehavior;
  restarts?: number;
  /** Node to bind to; by default a node is picked from the pod name (stable across runs). */
  node?: string;
}

export interface NodeSpec {
  name: string;
  zone: string;
  address: string;
  /** The port its /stats/summary server listens on, once started. */
  kubeletPort?: number;
}

/** How full a claim's volume is, as the kubelet's volume stats report it (default 20%). */
export interface VolumeUsage {
  namespace: string;
  claim: string;
  usedPercent: number;
}

export interface KubeletServing {
  /** A non-loopback IP of this host; becomes every node's InternalIP. */
  address: string;
  certFile: string;
  keyFile: string;
}

export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'node-a', zone: 'zone-a', address: '192.168.56.11' },
  { name: 'node-b', zone: 'zone-b', address: '192.168.56.12' },
];

const KUBELET_VERSION = 'v1.36.3';
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const hash = (s: string) => createHash('sha256').update(s).digest();

const keyOf = (o: KObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function behaviorFor(pod: KObject, rules: KubeletRule[]): KubeletRule {
  const { name, namespace } = pod.metadata;
  const rule = rules.find(r => (!r.namespace || r.namespace === namespace) && new RegExp(`^(?:${r.name})$`).test(name));
  return rule ?? { name, behavior: 'ready' };
}

/** A stable pod IP in 10.244.0.0/16 derived from namespace/name, so re-created pods keep their address. */
export function podIP(pod: KObject): string {
  const h = hash(`${pod.metadata.namespace}/${pod.metadata.name}`);
  return `10.244.${h[0]}.${(h[1] % 253) + 1}`;
}

function nodeStatus(node: NodeSpec) {
  const t = now();
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type, status, reason, message, lastHeartbeatTime: t, lastTransitionTime: t,
  });
  const resources = { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    conditions: [
      cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status (kubectl-storage kubelet stand-in)'),
    ],
    addresses: [
      { type: 'InternalIP', address: node.address },
      { type: 'Hostname', address: node.name },
    ],
    capacity: resources,
    allocatable: resources,
    nodeInfo: {
      machineID: hash(node.name).toString('hex').slice(0, 32),
      systemUUID: hash(`uuid-${node.name}`).toString('hex').slice(0, 32),
      bootID: hash(`boot-${node.name}`).toString('hex').slice(0, 32),
      kernelVersion: '6.1.0',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://1.7.0',
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
    daemonEndpoints: { kubeletEndpoint: { Port: node.kubeletPort ?? 10250 } },
  };
}

/** The status a kubelet would report for `pod` behaving as `rule` says, on `node`. */
export function podStatus(pod: KObject, rule: KubeletRule, node: NodeSpec, startTime: string) {
  const ready = rule.behavior === 'ready';
  const ip = podIP(pod);
  const cond = (type: string, status: boolean, reason?: string) => ({
    type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: startTime,
    ...(reason ? { reason } : {}),
  });
  const containers: any[] = pod.spec.containers ?? [];
  const containerStatuses = containers.map(c => {
    const id = `containerd://${hash(`${pod.metadata.uid}/${c.name}`).toString('hex')}`;
    const base = { name: c.name, image: c.image, imageID: `${c.image}@sha256:${hash(c.image).toString('hex')}`, containerID: id };
    if (rule.behavior === 'crashloop' || rule.behavior === 'oomkilled') {
      const oom = rule.behavior === 'oomkilled';
      return {
        ...base,
        ready: false,
        started: false,
        restartCount: rule.restarts ?? 6,
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } },
        lastState: {
          terminated: {
            exitCode: oom ? 137 : 1,
            reason: oom ? 'OOMKilled' : 'Error',
            startedAt: startTime,
            finishedAt: startTime,
            containerID: id,
          },
        },
      };
    }
    return {
      ...base,
      ready,
      started: true,
      restartCount: rule.restarts ?? 0,
      state: { running: { startedAt: startTime } },
      lastState: {},
    };
  });
  const containersReady = ready;
  const notReadyReason = containersReady ? undefined : 'ContainersNotReady';
  return {
    phase: 'Running',
    conditions: [
      cond('PodReadyToStartContainers', true),
      cond('Initialized', true),
      cond('Ready', ready, notReadyReason),
      cond('ContainersReady', containersReady, notReadyReason),
      cond('PodScheduled', true),
    ],
    hostIP: node.address,
    hostIPs: [{ ip: node.address }],
    podIP: ip,
    podIPs: [{ ip }],
    startTime,
    containerStatuses,
  };
}

/** One Warning event the kubelet's recorder would write about a container of the pod. */
export interface ContainerEvent {
  container: string;
  reason: 'Unhealthy' | 'BackOff';
  message: string;
  count: number;
}

/**
 * The Warning events a kubelet writes for a pod behaving as `rule` says, with the messages of its prober
 * (pkg/kubelet/prober/prober.go: "<Probe> probe failed: <output>", the HTTP prober's output for a bad status code)
 * and of its back-off (pkg/kubelet/kuberuntime: "Back-off restarting failed container ..."). Only containers that
 * have the probe get a probe event, as with a real kubelet.
 */
export function containerEvents(pod: KObject, rule: KubeletRule): ContainerEvent[] {
  const out: ContainerEvent[] = [];
  const restarts = rule.restarts ?? 6;
  for (const c of (pod.spec.containers ?? []) as any[]) {
    if (rule.behavior === 'crashloop' || rule.behavior === 'oomkilled') {
      // A liveness kill takes failureThreshold failures in a row; an OOM kill needs no probe failure.
      if (rule.behavior === 'crashloop' && c.livenessProbe) {
        out.push({ container: c.name, reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: restarts * (c.livenessProbe.failureThreshold ?? 3) });
      }
      out.push({ container: c.name, reason: 'BackOff', message: `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, count: restarts });
    } else if (rule.behavior === 'not-ready' && c.readinessProbe) {
      out.push({ container: c.name, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 12 });
    }
  }
  return out;
}

/** The fields of a status that decide whether it must be rewritten. */
function statusKey(status: any): string {
  const ready = (status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status;
  const cs = (status?.containerStatuses ?? []).map((c: any) => [c.name, c.ready, c.restartCount, Object.keys(c.state ?? {})[0]]);
  return JSON.stringify([status?.phase, ready, status?.podIP, cs]);
}

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** `5Gi` -> bytes (the suffixes storage requests use). */
export function quantityBytes(q: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(q ?? '');
  return m ? Math.round(Number(m[1]) * UNITS[m[2] ?? '']) : 0;
}

export interface KubeletOptions {
  nodes?: NodeSpec[];
  rules: () => KubeletRule[];
  volumeUsage?: () => VolumeUsage[];
  /** Serve /stats/summary per node; without it the nodes keep made-up addresses and stats are unavailable. */
  serving?: KubeletServing;
  /** Called with a one-line description of every action (binding, status change, deletion). */
  onAction?: (line: string) => void;
}

export class Kubelet {
  readonly nodes: NodeSpec[];
  private lastHeartbeat = 0;
  private lastLease = 0;

  private readonly servers: https.Server[] = [];

  constructor(
    private readonly kube: Kube,
    private readonly opts: KubeletOptions,
  ) {
    this.nodes = (opts.nodes ?? DEFAULT_NODES).map(n => ({ ...n, ...(opts.serving ? { address: opts.serving.address } : {}) }));
  }

  /** The kubelet's Summary API, reduced to what volume stats need: pods on the node and their claims' usage. */
  async statsSummary(node: NodeSpec) {
    const usage = this.opts.volumeUsage?.() ?? [];
    const pods = (await this.kube.list('Pod', undefined, { fieldSelector: `spec.nodeName=${node.name}` })).filter(p => !p.metadata.deletionTimestamp);
    const claims = new Map((await this.kube.list('PersistentVolumeClaim')).map(c => [`${c.metadata.namespace}/${c.metadata.name}`, c]));
    return {
      node: { nodeName: node.name },
      pods: pods.map(pod => ({
        podRef: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
        volume: (pod.spec.volumes ?? []).flatMap((v: any) => {
          const claim = v.persistentVolumeClaim && claims.get(`${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
          if (!claim || claim.status?.phase !== 'Bound') return [];
          const capacityBytes = quantityBytes(claim.status?.capacity?.storage);
          const percent = usage.find(u => u.namespace === claim.metadata.namespace && u.claim === claim.metadata.name)?.usedPercent ?? 20;
          const usedBytes = Math.round((capacityBytes * percent) / 100);
          return [{
            name: v.name,
            pvcRef: { name: claim.metadata.name, namespace: claim.metadata.namespace },
            time: now(),
            capacityBytes,
            usedBytes,
            availableBytes: capacityBytes - usedBytes,
            inodes: 65536,
            inodesUsed: 1024,
            inodesFree: 64512,
          }];
        }),
      })),
    };
  }

  /** One TLS server per node on the serving address, each on its own port (written to the node's status). */
  async startStatsServers() {
    const serving = this.opts.serving;
    if (!serving) return;
    const tls = { cert: fs.readFileSync(serving.certFile), key: fs.readFileSync(serving.keyFile) };
    for (const node of this.nodes) {
      const server = https.createServer(tls, (req, res) => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method !== 'GET') return send(405, { message: 'read-only kubelet stand-in' });
        if (req.url?.split('?')[0] === '/healthz') return send(200, 'ok');
        if (req.url?.split('?')[0] !== '/stats/summary') return send(404, { message: `${req.url} is not served by the kubelet stand-in` });
        this.statsSummary(node).then(
          body => send(200, body),
          e => send(500, { message: (e as Error).message }),
        );
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, serving.address, () => resolve());
      });
      node.kubeletPort = (server.address() as AddressInfo).port;
      this.servers.push(server);
    }
    this.act(`serving /stats/summary on ${this.nodes.map(n => `${n.name}=${serving.address}:${n.kubeletPort}`).join(', ')}`);
  }

  close() {
    for (const s of this.servers) s.close();
  }

  private act(line: string) {
    this.opts.onAction?.(line);
  }

  /** Creates the Node objects and their Leases, and marks them Ready. Idempotent. */
  async registerNodes() {
    for (const node of this.nodes) {
      await this.kube.ensure({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: node.name,
          labels: {
            'kubernetes.io/hostname': node.name,
            'kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            'topology.kubernetes.io/zone': node.zone,
          },
        },
        spec: {},
      });
      await this.kube.patch({ kind: 'Node', name: node.name }, { status: nodeStatus(node) }, 'status');
    }
    await this.heartbeat(true);
    this.act(`registered nodes ${this.nodes.map(n => n.name).join(', ')}`);
  }

  /** Renews each node's Lease (every 10s) and its Ready heartbeat (every 40s), like the kubelet does. */
  async heartbeat(force = false) {
    if (!force && Date.now() - this.lastLease < 10000) return;
    this.lastLease = Date.now();
    const renewTime = new Date().toISOString().replace('Z', '000Z');
    for (const node of this.nodes) {
      const lease = {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: node.name, namespace: 'kube-node-lease' },
        spec: { holderIdentity: node.name, leaseDurationSeconds: 40, renewTime },
      };
      const res = await this.kube.request('PATCH', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node.name}`, { spec: lease.spec }, 'application/merge-patch+json');
      if (res.status === 404) await this.kube.ensure(lease);
    }
    if (force || Date.now() - this.lastHeartbeat > 40000) {
      for (const node of this.nodes) await this.kube.patch({ kind: 'Node', name: node.name }, { status: nodeStatus(node) }, 'status');
      this.lastHeartbeat = Date.now();
    }
  }

  private nodeFor(pod: KObject, rule: KubeletRule): NodeSpec {
    const wanted = pod.spec.nodeName ?? rule.node;
    const byName = this.nodes.find(n => n.name === wanted);
    if (byName) return byName;
    // Spread a StatefulSet's ordinals over the nodes; other pods by a hash of their name.
    const ordinal = /-(\d+)$/.exec(pod.metadata.name);
    const i = ordinal ? Number(ordinal[1]) : hash(pod.metadata.name)[0];
    return this.nodes[i % this.nodes.length];
  }

  /** A pod whose claims are not all Bound would not be scheduled by the real scheduler either. */
  private claimsBound(pod: KObject, claims: ReadonlyMap<string, KObject>): boolean {
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = claims.get(`${pod.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
      if (pvc?.status?.phase !== 'Bound') return false;
    }
    return true;
  }

  /** Does for one pod what the kubelet (and scheduler) would do next. Returns 1 when it changed something. */
  private async reconcilePod(pod: KObject, rules: KubeletRule[], claims: ReadonlyMap<string, KObject>): Promise<number> {
    const ours = new Set(this.nodes.map(n => n.name));
    const ref = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace };
    const where = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const rule = behaviorFor(pod, rules);
    if (pod.metadata.deletionTimestamp) {
      if (pod.spec.nodeName && !ours.has(pod.spec.nodeName)) return 0;
      // Containers "stopped": finish the graceful deletion as the kubelet does.
      await this.kube.delete(ref, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      this.act(`pod ${where}: terminated and deleted`);
      return 1;
    }
    if (!pod.spec.nodeName) {
      if (rule.behavior === 'unschedulable' || !this.claimsBound(pod, claims)) return 0;
      const node = this.nodeFor(pod, rule);
      await this.kube.ok('POST', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
        target: { apiVersion: 'v1', kind: 'Node', name: node.name },
      });
      this.act(`pod ${where}: bound to ${node.name}`);
      return 1; // its status is written when the binding comes back as a watch event
    }
    if (!ours.has(pod.spec.nodeName)) return 0;
    const node = this.nodeFor(pod, rule);
    const startTime = pod.status?.startTime ?? now();
    const desired = podStatus(pod, rule, node, startTime);
    if (statusKey(pod.status) === statusKey(desired)) return 0;
    await this.kube.patch(ref, { status: desired }, 'status');
    this.act(`pod ${where}: ${rule.behavior}${rule.restarts ? ` (${rule.restarts} restarts)` : ''} on ${node.name}`);
    await this.postEvents(pod, rule, node, startTime);
    return 1;
  }

  /**
   * Writes the pod's Warning events through the API, as the kubelet's event recorder does (core/v1 Event in the
   * pod's namespace, involvedObject with the container's fieldPath, source kubelet on the node). One Event object
   * per pod incarnation, container and reason, named like the recorder's `<pod>.<hex>`: writing the same status
   * again does not write it twice.
   */
  private async postEvents(pod: KObject, rule: KubeletRule, node: NodeSpec, startTime: string) {
    const ns = pod.metadata.namespace!;
    for (const e of containerEvents(pod, rule)) {
      const name = `${pod.metadata.name}.${hash(`${pod.metadata.uid}/${e.container}/${e.reason}`).toString('hex').slice(0, 16)}`;
      await this.kube.ensure({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          apiVersion: 'v1',
          kind: 'Pod',
          name: pod.metadata.name,
          namespace: ns,
          uid: pod.metadata.uid,
          fieldPath: `spec.containers{${e.container}}`,
        },
        reason: e.reason,
        message: e.message,
        type: 'Warning',
        count: e.count,
        firstTimestamp: startTime,
        lastTimestamp: now(),
        source: { component: 'kubelet', host: node.name },
        reportingComponent: 'kubelet',
        reportingInstance: node.name,
      });
      this.act(`pod ${ns}/${pod.metadata.name}: event ${e.reason} (${e.container}): ${e.message}`);
    }
  }

  /** One pass over all pods, read fresh. Returns the number of changes made (0 means settled). */
  async reconcile(): Promise<number> {
    const rules = this.opts.rules();
    const claims = new Map((await this.kube.list('PersistentVolumeClaim')).map(c => [keyOf(c), c] as const));
    let changes = 0;
    for (const pod of await this.kube.list('Pod')) changes += await this.reconcilePod(pod, rules, claims);
    return changes;
  }

  /**
   * Plays kubelet until `stop()` returns true. Like a real kubelet it LISTs once, then WATCHes pods and claims
   * (from the list's resourceVersion, with bookmarks) and acts only on the pods an event touched, so an idle
   * cluster costs no requests beyond the lease heartbeat; a 410 Gone or a broken stream relists.
   */
  async run(stop: () => boolean) {
    const pods = new Map<string, KObject>();
    const claims = new Map<string, KObject>();
    const dirty = new Set<string>();
    let wake: (() => void) | undefined;
    const poke = () => wake?.();
    let broken: Error | undefined;

    const onPod = (type: string, pod: KObject) => {
      const key = keyOf(pod);
      if (type === 'DELETED') pods.delete(key);
      else pods.set(key, pod);
      dirty.add(key);
      poke();
    };
    const onClaim = (type: string, claim: KObject) => {
      if (type === 'DELETED') claims.delete(keyOf(claim));
      else claims.set(keyOf(claim), claim);
      // Unscheduled pods of the namespace may now have every claim Bound.
      for (const [key, pod] of pods) if (!pod.spec.nodeName && pod.metadata.namespace === claim.metadata.namespace) dirty.add(key);
      poke();
    };
    const follow = async (kind: string, from: string, onEvent: (type: string, o: KObject) => void, signal: AbortSignal) => {
      let version = from;
      while (!signal.aborted) version = await this.kube.watch(kind, version, onEvent, signal);
    };

    while (!stop()) {
      const cycle = new AbortController();
      try {
        // (Re)list: a fresh view of both kinds, then watch from where the lists left off.
        pods.clear();
        claims.clear();
        const [podList, claimList] = await Promise.all([this.kube.listWithVersion('Pod'), this.kube.listWithVersion('PersistentVolumeClaim')]);
        for (const c of claimList.items) claims.set(keyOf(c), c);
        for (const p of podList.items) {
          pods.set(keyOf(p), p);
          dirty.add(keyOf(p));
        }
        broken = undefined;
        const fail = (e: Error) => {
          broken ??= e;
          poke();
        };
        follow('Pod', podList.resourceVersion, onPod, cycle.signal).catch(fail);
        follow('PersistentVolumeClaim', claimList.resourceVersion, onClaim, cycle.signal).catch(fail);

        while (!stop() && !broken) {
          await this.heartbeat();
          const rules = this.opts.rules();
          for (const key of [...dirty]) {
            dirty.delete(key);
            const pod = pods.get(key);
            if (pod) await this.reconcilePod(pod, rules, claims);
          }
          // Idle: wait for an event, at most a second (so stop() and the heartbeat are noticed).
          if (dirty.size === 0) await new Promise<void>(resolve => {
            const timer = setTimeout(resolve, 1000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = undefined;
        }
        if (broken) this.act(`watch ended (${(broken as Error).message}); relisting`);
      } catch (e) {
        this.act(`error (will retry): ${(e as Error).message}`);
        await sleep(500);
      } finally {
        cycle.abort();
      }
    }
  }
}
