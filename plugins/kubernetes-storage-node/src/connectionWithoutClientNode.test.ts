// A live command with a plain kubeconfig sends its requests without loading @kubernetes/client-node (250-400 ms
// of start-up); users that need it (exec plugins, auth providers) load it at their first request, not at connect().
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { pod } from '@kubectl-storage/test-fixtures';
import { DEFAULT_FAKE_SERVER, useFakeApiServer } from '../../../test/msw';
import { connect } from './connection';

let mockClientNodeLoaded = false;
jest.mock('@kubernetes/client-node', () => {
  mockClientNodeLoaded = true;
  return jest.requireActual('@kubernetes/client-node');
});

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-client-node-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  mockClientNodeLoaded = false;
  jest.resetModules();
});

function kubeconfig(name: string, user: Record<string, unknown>, cluster: Record<string, unknown> = { 'insecure-skip-tls-verify': true }): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: DEFAULT_FAKE_SERVER, ...cluster } }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u', namespace: 'shop' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

it('reads with a token, client certificate data and CA data, and impersonates, without client-node', async () => {
  const fake = harness.start({ objects: [pod('shop', 'p')], token: 's3cret' });
  const file = kubeconfig(
    'plain',
    { token: 's3cret', 'client-certificate-data': Buffer.from('CERT').toString('base64'), 'client-key-data': Buffer.from('KEY').toString('base64'), as: 'jane' },
    { 'certificate-authority-data': Buffer.from('CA').toString('base64') },
  );
  const conn = connect({ kubeconfig: file, overrides: { asGroups: ['devs', 'ops'] } });
  const response = await conn.get('/api/v1/namespaces/shop/pods');
  expect(response.status).toBe(200);
  expect(fake.requests.map((r) => [r.authorization, r.impersonateUser, r.impersonateGroup])).toEqual([['Bearer s3cret', 'jane', 'devs, ops']]);
  expect(mockClientNodeLoaded).toBe(false);
});

it('loads client-node for an exec plugin only when the first request needs credentials', async () => {
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'from-exec' } });
  const fake = harness.start({ objects: [pod('shop', 'p')], token: 'from-exec' });
  const file = kubeconfig('exec', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: ['-e', `process.stdout.write(${JSON.stringify(credential)})`], interactiveMode: 'Never' } });
  const conn = connect({ kubeconfig: file });
  expect(mockClientNodeLoaded).toBe(false);
  expect((await conn.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
  expect(mockClientNodeLoaded).toBe(true);
  expect(fake.requests).toHaveLength(1);
});

it('hands out the KubeConfig on request, and from then on authenticates through it', async () => {
  harness.start({ objects: [pod('shop', 'p')], token: 's3cret' });
  const conn = connect({ kubeconfig: kubeconfig('handed-out', { token: 's3cret' }) });
  expect(mockClientNodeLoaded).toBe(false);
  const kc = conn.kubeConfig;
  expect(mockClientNodeLoaded).toBe(true);
  expect(kc.getCurrentUser()).toMatchObject({ token: 's3cret' });
  const applied = jest.spyOn(kc as unknown as { applyAuthorizationHeader(o: unknown): Promise<void> }, 'applyAuthorizationHeader');
  expect((await conn.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
  expect(applied).toHaveBeenCalledTimes(1);
  expect(conn.kubeConfig).toBe(kc);
});
