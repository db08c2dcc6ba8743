/**
 * The Backstage backend plugin against the real control plane: started in-process (startTestBackend, a mock catalog
 * holding scenario services with the official annotations), reading the cluster through a
 * `kubernetes.clusterLocatorMethods` entry of type config with a ServiceAccount token from the TokenRequest API,
 * as a portal would. Proves: an entity's report from the live scenarios; answers served from memory (the audit
 * log shows no LIST by the backend's identity after the first sync); a PV phase change reaching the answer through
 * the watch; the API server stopped (the cluster answered as failing, with the error and since when) and started
 * again (recovered); the REST checks (401, 403, 404, 400) on this live-configured backend; and that the backend's
 * identity only ever gets, lists and watches.
 */
import * as fs from 'node:fs';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ANALYSED_KINDS, RESOURCES, type ClusterListResponse, type EntityStorageResponse, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import request from 'supertest';
import { component, startStorageBackend } from '../../plugins/kubernetes-storage-backend/src/__testUtils__/testBackend';
import { adminClient, ClusterState, requireState, restartApiserver } from './control-plane';
import { HARNESS_USER_AGENT, Kube, KObject, waitFor } from './kube';

const SA = { namespace: 'default', name: 'kubectl-storage-backend' };
const SA_USER = `system:serviceaccount:${SA.namespace}:${SA.name}`;
const CLUSTER = 'control-plane';
const BASE = '/api/kubernetes-storage';
const ALLOWED = mockCredentials.user.header('user:default/owner');
const OUTSIDER = mockCredentials.user.header('user:default/outsider');

// Scenario services as a catalog would describe them (scenarios.ts: pods carry app=<name>).
const ENTITIES = [
  component('web', { 'backstage.io/kubernetes-label-selector': 'app=web', 'backstage.io/kubernetes-namespace': 'shop' }),
  component('ledger', { 'backstage.io/kubernetes-label-selector': 'app=ledger', 'backstage.io/kubernetes-namespace': 'data' }),
  component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' }),
  component('wide-open', { 'backstage.io/kubernetes-label-selector': 'app!=web' }),
];

const log = (msg: string) => process.stderr.write(`[backend cluster test] ${msg}\n`);

let state: ClusterState;
let admin: Kube;
let server: Parameters<typeof request>[0];
const suiteStartedAt = new Date();

type AuditEvent = { auditID: string; verb: string; requestURI: string; userAgent?: string; user?: { username?: string }; objectRef?: { resource?: string }; requestReceivedTimestamp: string };

/**
 * The audit log up to now: a harness request with a unique path is made, and the log is read until it shows up,
 * so every request made before it has been written too.
 */
async function auditUpToNow(): Promise<AuditEvent[]> {
  const marker = `/api/v1/namespaces/default/configmaps/audit-marker-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await admin.request('GET', marker);
  return waitFor('the audit log to catch up with a marker request', async () => {
    const events = fs.readFileSync(state.auditLog, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as AuditEvent);
    return events.some((e) => e.requestURI === marker && e.userAgent === HARNESS_USER_AGENT) ? events : undefined;
  }, { timeoutMs: 20000, intervalMs: 100 });
}

const backendEvents = (events: AuditEvent[], since: Date) =>
  events.filter((e) => e.user?.username === SA_USER && new Date(e.requestReceivedTimestamp) >= since);

async function clusters(): Promise<ClusterListResponse> {
  const res = await request(server).get(`${BASE}/v1/clusters`).set('Authorization', ALLOWED);
  expect(res.status).toBe(200);
  return res.body;
}

async function answerFor(name: string): Promise<EntityStorageResponse> {
  const res = await request(server).get(`${BASE}/v1/entity/component/default/${name}`).set('Authorization', ALLOWED);
  if (res.status !== 200) throw new Error(`GET entity ${name} -> ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

async function reportFor(name: string): Promise<StorageReport> {
  const answer = await answerFor(name);
  const c = answer.clusters.find((x) => x.cluster === CLUSTER);
  if (!c?.report) throw new Error(`no report for ${name} from ${CLUSTER}: ${JSON.stringify(c)}`);
  return c.report;
}

const volumePhase = async (entity: string, pv: string) => ((await reportFor(entity)).volumes as { name: string; phase: string }[]).find((v) => v.name === pv)?.phase;

/** Polls until `probe` holds, at most `timeoutMs`; returns how long it took from `since`. */
async function delayUntil(what: string, since: number, probe: () => Promise<boolean>, timeoutMs = 20000): Promise<number> {
  await waitFor(what, async () => (await probe()) || undefined, { timeoutMs, intervalMs: 50 });
  return Date.now() - since;
}

const setPhase = (name: string, phase: string, message: string | null) =>
  admin.patch({ kind: 'PersistentVolume', name }, { status: { phase, message } }, 'status');

beforeAll(async () => {
  state = requireState();
  admin = adminClient(state);
  // The backend's own identity: a ServiceAccount bound to the product's read-only ClusterRole (scenarios.ts, rbac).
  await admin.ensure({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: SA.name, namespace: SA.namespace } });
  await admin.ensure({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: SA.name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kubectl-storage-reader' },
    subjects: [{ kind: 'ServiceAccount', name: SA.name, namespace: SA.namespace }],
  } as KObject);
  // The binding reaches the authorizer through its informer: wait until it answers yes, or the first LISTs would be
  // forbidden (and retried at the slow pace).
  await waitFor('RBAC to allow the backend ServiceAccount to list persistentvolumes', async () => {
    const review = await admin.ok('POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: { user: SA_USER, groups: ['system:serviceaccounts', `system:serviceaccounts:${SA.namespace}`], resourceAttributes: { verb: 'list', resource: 'persistentvolumes' } },
    });
    return review.status?.allowed === true;
  }, { timeoutMs: 30000, intervalMs: 200 });
  const tokenRequest = await admin.ok('POST', `/api/v1/namespaces/${SA.namespace}/serviceaccounts/${SA.name}/token`, {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { expirationSeconds: 3600 },
  });
  const token: string = tokenRequest.status.token;

  // Lets the owner read every entity's storage health and the cluster list; denies the outsider.
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const principal = options?.credentials.principal as { userEntityRef?: string } | undefined;
      const result = principal?.userEntityRef === 'user:default/outsider' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
      return requests.map(() => ({ result }));
    },
  });
  const backend = await startStorageBackend({
    config: {
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [{ name: CLUSTER, url: state.server, authProvider: 'serviceAccount', serviceAccountToken: token, caFile: state.credentials.admin.caFile }],
          },
        ],
      },
    },
    entities: ENTITIES,
    features: [permissions.factory, mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() })],
  });
  server = backend.server;
});

afterAll(async () => {
  // Whatever happened above, leave the scenario's volume as the other suites expect it.
  await setPhase('pv-data-ledger-2', 'Released', null).catch(() => undefined);
  admin?.close();
});

describe('the backend plugin against the real control plane', () => {
  let syncedAt: Date;

  it('syncs the cluster (every kind read, nothing incomplete)', async () => {
    const t0 = Date.now();
    const list = await waitFor('the backend to finish its first sync', async () => {
      const body = await clusters();
      return body.items[0]?.status === 'ok' ? body : undefined;
    }, { timeoutMs: 60000, intervalMs: 200 });
    syncedAt = new Date();
    log(`first sync: ${Date.now() - t0} ms after start-up`);
    expect(list.items).toEqual([
      { name: CLUSTER, status: 'ok', freshness: expect.objectContaining({ lastEventAt: expect.any(String), lastResyncAt: expect.any(String) }), incomplete: [] },
    ]);
  });

  it('answers web with its StatefulSet ordinals (blocked at 1, 2 never created) and only its own objects', async () => {
    const answer = await answerFor('web');
    expect(answer).toMatchObject({ entityRef: 'component:default/web', mapping: { selector: 'app=web', namespace: 'shop' } });
    expect(answer.clusters).toEqual([expect.objectContaining({ cluster: CLUSTER, status: 'ok' })]);
    const report = answer.clusters[0].report!;
    const sets = report.statefulSets as { namespace: string; name: string; ordinals: { ordinal: number; status: string }[] }[];
    expect(sets.map((s) => `${s.namespace}/${s.name}`)).toEqual(['shop/web']);
    expect(sets[0].ordinals.map((o) => `${o.ordinal}:${o.status}`)).toEqual(['0:Ready', '1:NotReady', '2:Missing']);
    expect(report.findings.map((f) => `${f.code} ${f.object.kind} ${f.object.namespace}/${f.object.name}`)).toContain('sts-rollout-blocked StatefulSet shop/web');
    // Its neighbour cart (same namespace, healthy) is another service's business.
    expect(JSON.stringify(report)).not.toMatch(/cart-\d|data-cart/);
  });

  it('answers ledger with the Released volume of its deleted ordinal claim', async () => {
    const report = await reportFor('ledger');
    const volume = (report.volumes as { name: string; phase: string; ownerOrdinal?: unknown }[]).find((v) => v.name === 'pv-data-ledger-2');
    expect(volume).toMatchObject({ phase: 'Released', ownerOrdinal: { namespace: 'data', statefulSet: 'ledger', ordinal: 2 } });
    expect(report.findings.some((f) => f.code === 'pv-released-retain' && f.object.name === 'pv-data-ledger-2')).toBe(true);
  });

  it('serves later answers from memory: no LIST by the backend\'s identity after the first sync', async () => {
    for (let i = 0; i < 10; i++) for (const name of ['web', 'ledger', 'db']) await answerFor(name);
    await clusters();
    const events = await auditUpToNow();
    const before = events.filter((e) => e.user?.username === SA_USER && new Date(e.requestReceivedTimestamp) < syncedAt);
    // The filter does see the backend: its first sync listed every kind the analysis reads, then watched.
    expect(new Set(before.filter((e) => e.verb === 'list').map((e) => e.objectRef?.resource))).toEqual(new Set(ANALYSED_KINDS.map((k) => RESOURCES[k].plural)));
    expect(before.some((e) => e.verb === 'watch')).toBe(true);
    const lists = backendEvents(events, syncedAt).filter((e) => e.verb === 'list');
    expect(lists.map((e) => `${e.requestReceivedTimestamp} ${e.requestURI}`)).toEqual([]);
  });

  it('shows a PV phase change made through the API in the next answers, through the watch', async () => {
    let t = Date.now();
    await setPhase('pv-data-ledger-2', 'Failed', 'set by backend.cluster.test.ts');
    const toFailed = await delayUntil('the answer to show pv-data-ledger-2 Failed', t, async () => (await volumePhase('ledger', 'pv-data-ledger-2')) === 'Failed');
    t = Date.now();
    await setPhase('pv-data-ledger-2', 'Released', null);
    const toReleased = await delayUntil('the answer to show pv-data-ledger-2 Released again', t, async () => (await volumePhase('ledger', 'pv-data-ledger-2')) === 'Released');
    log(`PV phase change -> answer: Released->Failed ${toFailed} ms, Failed->Released ${toReleased} ms (patch request included, polled every 50 ms)`);
    const lists = backendEvents(await auditUpToNow(), syncedAt).filter((e) => e.verb === 'list');
    expect(lists.map((e) => e.requestURI)).toEqual([]);
  });

  it('answers the cluster as failing (error, since when) while the API server is stopped, and recovers after its restart', async () => {
    let stoppedAt = 0;
    let restartedAt = 0;
    await restartApiserver(state, async () => {
      stoppedAt = Date.now();
      const failing = await waitFor('the cluster to be answered as failing', async () => {
        const c = (await clusters()).items[0];
        return c.status === 'failing' ? c : undefined;
      }, { timeoutMs: 30000, intervalMs: 100 });
      log(`API server exited (SIGTERM, SIGKILL after 10 s) -> answered failing: ${Date.now() - stoppedAt} ms later`);
      expect(failing.failure).toEqual({ reason: expect.any(String), message: expect.stringContaining(new URL(state.server).host), since: expect.any(String) });
      const since = Date.parse(failing.failure!.since);
      expect(since).toBeGreaterThanOrEqual(stoppedAt - 10000); // SIGTERM to exit can take a moment: the watches break meanwhile
      expect(since).toBeLessThanOrEqual(Date.now());
      // The entity still gets the last good data, marked failing with the same failure.
      const answer = await answerFor('web');
      expect(answer.clusters[0]).toMatchObject({ cluster: CLUSTER, status: 'failing', failure: failing.failure });
      expect(answer.clusters[0].report?.statefulSets).toHaveLength(1);
      restartedAt = Date.now();
    });
    const readyAt = Date.now();
    // Recovered means every kind read again: right after its start the API server may answer 403 for a moment
    // (its RBAC caches still filling), which must not leave a kind unread for long.
    let last: unknown;
    await waitFor('the cluster to recover after the restart, every kind read', async () => {
      const c = (last = (await clusters()).items[0]) as ClusterListResponse['items'][number];
      return c.status === 'ok' && c.incomplete.length === 0;
    }, { timeoutMs: 120000, intervalMs: 200, lastSeen: () => JSON.stringify(last) });
    log(`API server restarted: ready after ${readyAt - restartedAt} ms, answered ok ${Date.now() - readyAt} ms later (${Date.now() - stoppedAt} ms after the API server exited)`);
    const list = await clusters();
    expect(list.items[0]).toMatchObject({ status: 'ok', incomplete: [] });
    expect(list.items[0].failure).toBeUndefined();
    // Every kind listed again after the outage (the relists start as soon as the server answers, before /readyz says so).
    expect(Date.parse(list.items[0].freshness.lastResyncAt!)).toBeGreaterThan(stoppedAt);
    const sets = (await reportFor('web')).statefulSets as { ordinals: { ordinal: number; status: string }[] }[];
    expect(sets[0].ordinals.map((o) => `${o.ordinal}:${o.status}`)).toEqual(['0:Ready', '1:NotReady', '2:Missing']);
  }, 240000);
});

describe('the REST checks on the live-configured backend', () => {
  it('401 without credentials', async () => {
    expect((await request(server).get(`${BASE}/v1/entity/component/default/web`)).status).toBe(401);
    expect((await request(server).get(`${BASE}/v1/clusters`)).status).toBe(401);
  });

  it('403 when kubernetes.storage.read is denied for the entity', async () => {
    const res = await request(server).get(`${BASE}/v1/entity/component/default/web`).set('Authorization', OUTSIDER);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('404 for an unknown entity or cluster', async () => {
    const unknown = await request(server).get(`${BASE}/v1/entity/component/default/nope`).set('Authorization', ALLOWED);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
    const cluster = await request(server).get(`${BASE}/v1/entity/component/default/web?cluster=elsewhere`).set('Authorization', ALLOWED);
    expect(cluster.status).toBe(404);
  });

  it('400 for bad parameters and for a selector that would reach other services\' objects', async () => {
    const query = await request(server).get(`${BASE}/v1/entity/component/default/web?selector=app`).set('Authorization', ALLOWED);
    expect(query.status).toBe(400);
    expect(query.body.error.name).toBe('InputError');
    const name = await request(server).get(`${BASE}/v1/entity/component/default/${encodeURIComponent('web,app!=x')}`).set('Authorization', ALLOWED);
    expect(name.status).toBe(400);
    const wide = await request(server).get(`${BASE}/v1/entity/component/default/wide-open`).set('Authorization', ALLOWED);
    expect(wide.status).toBe(400);
    expect(wide.body.error.message).toMatch(/pins no label value/);
  });
});

describe('the audit log, for the backend\'s identity', () => {
  it('shows only get, list and watch requests during the whole suite', async () => {
    const events = backendEvents(await auditUpToNow(), suiteStartedAt);
    expect(events.length).toBeGreaterThan(0);
    const writes = events.filter((e) => !['get', 'list', 'watch'].includes(e.verb));
    expect(writes.map((e) => `${e.verb} ${e.requestURI}`)).toEqual([]);
  });
});
