// The REST surface under hostile or careless callers, through a real Backstage test backend: parameters that are
// refused on every route, Secret data that never appears in any answer, and the per-caller request rate.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component, DEMO_DUMP, startStorageBackend } from './__testUtils__/testBackend';

const user = mockCredentials.user.header();
const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });
const storefront = component('storefront', { 'backstage.io/kubernetes-label-selector': 'app=storefront', 'backstage.io/kubernetes-namespace': 'edge' });
const everything = component('everything', { 'backstage.io/kubernetes-label-selector': 'app in (db,storefront,cart,web,blog)' });

describe('every parameter is validated', () => {
  it.each([
    ['/v1/clusters?verbose=1', 'unknown query parameter verbose'],
    ['/v1/catalog?code=pv-released-retain', 'unknown query parameter code'],
    ['/v1/entity/component/default/db?cluster=demo&cluster=prod', 'query parameter cluster'],
    ['/v1/entity/component/default/db?cluster[]=demo', 'query parameter cluster'],
    ['/v1/entity/component/default/db?cluster[name]=demo', 'query parameter cluster'],
    ['/v1/entity/component/default/db%00', 'path parameter name'],
    ['/v1/entity/component/default/d%C3%A9j%C3%A0', 'path parameter name'],
    [`/v1/entity/component/default/${'a'.repeat(10_000)}`, 'path parameter name'],
    ['/v1/entity/component/%20default/db', 'path parameter namespace'],
    ['/v1/entity/1component/default/db', 'path parameter kind'],
  ])('400 InputError for %s', async (url, says) => {
    const { server } = await startStorageBackend({ entities: [db] });
    const res = await request(server).get(`/api/kubernetes-storage${url}`).set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError', message: expect.stringContaining(says) });
    // The refusal names the parameter, never echoes a 10,000-character value back.
    expect(res.body.error.message.length).toBeLessThan(300);
  });

  it.each(['/v1/clusters', '/v1/catalog'])('401 without credentials on %s too', async (url) => {
    const { server } = await startStorageBackend({ features: [mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() })] });
    const res = await request(server).get(`/api/kubernetes-storage${url}`);
    expect(res.status).toBe(401);
  });
});

describe('Secret data never leaves the backend', () => {
  const SECRET = 'hunter2-do-not-print';
  const ENCODED = Buffer.from(SECRET).toString('base64');
  let dir: string;
  let dump: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-secrets-'));
    const list = JSON.parse(fs.readFileSync(DEMO_DUMP, 'utf8')) as { items: Record<string, unknown>[] };
    const secret = (namespace: string, name: string, labels: Record<string, string>) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: {
        name,
        namespace,
        labels,
        // kubectl apply keeps the whole object, data included, in this annotation: a classic leak.
        annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: { 'tls.key': ENCODED }, stringData: { password: SECRET } }) },
      },
      data: { 'tls.key': ENCODED, 'tls.crt': ENCODED },
      stringData: { password: SECRET },
    });
    list.items.push(secret('data', 'db-credentials', { app: 'db' }), secret('edge', 'storefront-tls', { app: 'storefront' }));
    // An Ingress naming the TLS Secret, so the report has a reason to talk about it.
    const ingress = list.items.find((i) => i.kind === 'Ingress' && (i.metadata as { name: string }).name === 'storefront') as { spec: Record<string, unknown> };
    ingress.spec.tls = [{ hosts: ['www.example.test'], secretName: 'storefront-tls' }];
    dump = path.join(dir, 'cluster.json');
    fs.writeFileSync(dump, JSON.stringify(list));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('no answer of any route holds the data, encoded or not, nor the annotation that copies it', async () => {
    const { server } = await startStorageBackend({
      entities: [db, storefront, everything],
      config: { kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo', path: dump }] } },
    });
    const answers: string[] = [];
    const storefrontAnswer = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/storefront').set('Authorization', user);
    // The Secrets were read (the Ingress's TLS Secret is known to exist), so the test is not passing by absence.
    expect(storefrontAnswer.body.clusters[0].report.findings.map((f: { code: string }) => f.code)).not.toContain('ingress-tls-secret-missing');
    expect(storefrontAnswer.body.clusters[0].report.incomplete.map((e: { kind: string }) => e.kind)).not.toContain('secrets');
    for (const url of ['/v1/entity/component/default/db', '/v1/entity/component/default/storefront', '/v1/entity/component/default/everything', '/v1/clusters', '/v1/catalog']) {
      const res = await request(server).get(`/api/kubernetes-storage${url}`).set('Authorization', user);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      answers.push(res.text);
    }
    const all = answers.join('\n');
    for (const leak of [SECRET, ENCODED, 'last-applied-configuration', 'tls.key', 'stringData']) expect(all).not.toContain(leak);
  });
});

describe('request rate per caller', () => {
  // Practically no refill: what the test sees is the burst alone, however slowly the machine runs.
  const config = { kubernetesStorage: { sources: [{ type: 'snapshotFile', name: 'demo', path: DEMO_DUMP }], rateLimit: { requestsPerMinute: 0.01, burst: 3 } } };

  it('a caller past its burst gets 429 with Retry-After on every route, before any work; other callers are not slowed', async () => {
    const { server } = await startStorageBackend({ entities: [db], config });
    const alice = mockCredentials.user.header('user:default/alice');
    const bob = mockCredentials.user.header('user:default/bob');
    const statuses: number[] = [];
    for (const url of ['/v1/catalog', '/v1/clusters', '/v1/entity/component/default/db', '/v1/entity/component/default/db', '/v1/catalog']) {
      statuses.push((await request(server).get(`/api/kubernetes-storage${url}`).set('Authorization', alice)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', alice);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(Math.ceil(60 / 0.01)));
    expect(limited.body.error).toMatchObject({ name: 'TooManyRequestsError', message: expect.stringMatching(/^too many requests: try again in \d+ s$/) });
    expect((await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', bob)).status).toBe(200);
  });

  it('a service caller has a bucket of its own, by subject', async () => {
    const { server } = await startStorageBackend({ entities: [db], config });
    const a = mockCredentials.service.header({ onBehalfOf: mockCredentials.service('plugin:scaffolder'), targetPluginId: 'kubernetes-storage' });
    const b = mockCredentials.service.header({ onBehalfOf: mockCredentials.service('plugin:search'), targetPluginId: 'kubernetes-storage' });
    const codes = async (auth: string, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await request(server).get('/api/kubernetes-storage/v1/catalog').set('Authorization', auth)).status);
      return out;
    };
    expect(await codes(a, 4)).toEqual([200, 200, 200, 429]);
    expect(await codes(b, 1)).toEqual([200]);
  });

  it('refuses a rate limit that would block everyone or is not a number, naming the key', async () => {
    for (const rateLimit of [{ burst: 0 }, { requestsPerMinute: 0 }, { requestsPerMinute: 'lots' }, { burst: 1.5 }, { perHour: 5 }]) {
      const start = startStorageBackend({ config: { kubernetesStorage: { rateLimit } } });
      await expect(start).rejects.toThrow(/kubernetesStorage\.rateLimit/);
    }
  });
});
