// The REST surface on the demo dump, through a real Backstage test backend: auth, permission, validation,
// catalog lookup and the report itself.
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { component, startStorageBackend } from './__testUtils__/testBackend';

const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });
const cart = component('cart', { 'backstage.io/kubernetes-label-selector': 'app=cart', 'backstage.io/kubernetes-namespace': 'shop' });
const user = mockCredentials.user.header();

describe('GET /api/kubernetes-storage/v1/entity/:kind/:namespace/:name', () => {
  it('answers the entity report from the demo dump, scoped to the entity', async () => {
    const { server } = await startStorageBackend({ entities: [db, cart] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ apiVersion: 'kubectl-storage.io/v1alpha1', kind: 'EntityStorage', entityRef: 'component:default/db' });
    expect(res.body.mapping).toEqual({ selector: 'app=db', namespace: 'data' });
    expect(res.body.clusters).toHaveLength(1);
    const [demo] = res.body.clusters;
    expect(demo).toMatchObject({ cluster: 'demo', status: 'ok' });
    expect(demo.freshness.lastResyncAt).toEqual(expect.any(String));
    expect(demo.report.scope).toEqual({ namespaces: ['data'], selector: 'app=db' });
    expect(demo.report.statefulSets.map((s: { name: string; namespace: string }) => `${s.namespace}/${s.name}`)).toEqual(['data/db']);
    // Every object in the answer is the entity's: its namespace only, and nothing of the look-alike db-backup.
    expect(demo.report.claims.length).toBeGreaterThan(0);
    for (const c of demo.report.claims) expect(c.namespace).toBe('data');
    expect(demo.report.claims.map((c: { name: string }) => c.name).every((n: string) => /^data-db-\d+$/.test(n))).toBe(true);
    for (const f of demo.report.findings) expect(f.object.namespace ?? 'data').toBe('data');
  });

  it('401 without credentials', async () => {
    const { server } = await startStorageBackend({
      entities: [db],
      features: [mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() })],
    });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db');
    expect(res.status).toBe(401);
  });

  it('403 when the policy denies kubernetes.storage.read for the entity (asked with the entity ref as resource)', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async (requests) => requests.map(() => ({ result: AuthorizeResult.DENY })),
    });
    const { server } = await startStorageBackend({ entities: [db], features: [permissions.factory] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', user);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: expect.objectContaining({ name: 'kubernetes.storage.read', resourceType: 'catalog-entity' }), resourceRef: 'component:default/db' }],
      expect.objectContaining({ credentials: expect.anything() }),
    );
  });

  it('404 for an entity the catalog does not return, asked with the caller\'s credentials', async () => {
    const catalog = catalogServiceMock.mock({ getEntityByRef: jest.fn(async () => undefined) });
    const { server } = await startStorageBackend({ catalog });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/nope').set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
    expect(catalog.getEntityByRef).toHaveBeenCalledWith('component:default/nope', {
      credentials: expect.objectContaining({ principal: expect.objectContaining({ userEntityRef: 'user:default/alice' }) }),
    });
  });

  it.each([
    ['a name with a dot-dot segment', '/v1/entity/component/default/..%2Fcart'],
    ['a name too long for the catalog', `/v1/entity/component/default/${'a'.repeat(64)}`],
    ['a kind with a slash', '/v1/entity/comp%2Fonent/default/db'],
    ['a namespace with a comma', '/v1/entity/component/de,fault/db'],
    ['an unknown query parameter', '/v1/entity/component/default/db?selector=app'],
    ['a malformed cluster name', '/v1/entity/component/default/db?cluster=a%20b'],
  ])('400 for %s', async (_what, url) => {
    const { server } = await startStorageBackend({ entities: [db] });
    const res = await request(server).get(`/api/kubernetes-storage${url}`).set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });

  it('404 for an unknown cluster', async () => {
    const { server } = await startStorageBackend({ entities: [db] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db?cluster=prod').set('Authorization', user);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('prod');
  });

  it('400 naming the annotation when the entity\'s selector would select other services', async () => {
    const greedy = component('greedy', { 'backstage.io/kubernetes-label-selector': 'app!=nothing' });
    const { server } = await startStorageBackend({ entities: [greedy] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/greedy').set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('backstage.io/kubernetes-label-selector');
  });
});

describe('audit', () => {
  it('records each entity read, with the outcome per cluster, and failed reads with their error', async () => {
    const success = jest.fn(async () => {});
    const fail = jest.fn(async () => {});
    const auditor = mockServices.auditor.mock({ createEvent: jest.fn(async () => ({ success, fail })) });
    const { server } = await startStorageBackend({ entities: [db], features: [auditor.factory] });
    await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', user);
    await request(server).get('/api/kubernetes-storage/v1/entity/component/default/nope').set('Authorization', user);
    expect(auditor.createEvent).toHaveBeenCalledWith(expect.objectContaining({ eventId: 'entity-storage-read', meta: { entityRef: 'component:default/db' } }));
    expect(success).toHaveBeenCalledWith({ meta: { clusters: ['demo:ok'] } });
    expect(fail).toHaveBeenCalledWith({ error: expect.objectContaining({ name: 'NotFoundError' }) });
  });
});

describe('cross-entity isolation', () => {
  it('an entity of the same name in another catalog namespace, without annotations, sees none of db\'s objects', async () => {
    const twin = component('db', {}, 'team-b');
    const { server } = await startStorageBackend({ entities: [db, twin] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/team-b/db').set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.mapping).toEqual({ selector: 'backstage.io/kubernetes-id=db' });
    const report = res.body.clusters[0].report;
    expect([report.volumes, report.claims, report.statefulSets, report.ingresses, report.findings].map((l: unknown[]) => l.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('an id crafted to widen the selector is refused, not pasted into one', async () => {
    const crafty = component('crafty', { 'backstage.io/kubernetes-id': 'x,app in (db,cart)' });
    const { server } = await startStorageBackend({ entities: [crafty] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/crafty').set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('backstage.io/kubernetes-id');
  });

  it('the namespace annotation limits a selector that matches in several namespaces', async () => {
    const web = component('web', { 'backstage.io/kubernetes-label-selector': 'app in (web,cart,db)', 'backstage.io/kubernetes-namespace': 'shop' });
    const { server } = await startStorageBackend({ entities: [web] });
    const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/web').set('Authorization', user);
    const report = res.body.clusters[0].report;
    expect(report.statefulSets.map((s: { name: string; namespace: string }) => `${s.namespace}/${s.name}`).sort()).toEqual(['shop/cart', 'shop/web']);
    expect(report.volumes.length).toBeGreaterThan(0);
    for (const v of report.volumes) expect(String(v.claim)).toMatch(/^shop\//);
  });
});

describe('GET /v1/clusters and /v1/catalog', () => {
  it('lists each cluster with its health', async () => {
    const { server } = await startStorageBackend();
    const res = await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'ClusterList', items: [{ name: 'demo', status: 'ok' }] });
  });

  it('403 for cluster health without kubernetes.clusters.read', async () => {
    const permissions = mockServices.permissions.mock({ authorize: async (requests) => requests.map(() => ({ result: AuthorizeResult.DENY })) });
    const { server } = await startStorageBackend({ features: [permissions.factory] });
    const res = await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', user);
    expect(res.status).toBe(403);
  });

  it('serves the finding catalog', async () => {
    const { server } = await startStorageBackend();
    const res = await request(server).get('/api/kubernetes-storage/v1/catalog').set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('FindingCatalog');
    expect(res.body.items.map((e: { code: string }) => e.code)).toContain('pv-released-retain');
  });
});
