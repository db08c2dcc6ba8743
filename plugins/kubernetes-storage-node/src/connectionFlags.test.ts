// kubectl's connection flags laid over the kubeconfig, checked on the requests the fake API server receives: which
// server they go to, which token and impersonation headers they carry, which CA the TLS agent trusts.
import * as fs from 'node:fs';
import https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { pod } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig } from '../../../test/msw';
import { connect, type RequestEvent } from './connection';
import { KubeconfigError } from './errors';

const harness = useFakeApiServer();
let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conn-flags-'));
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
  process.env.HOME = path.join(dir, 'home');
});
afterEach(() => {
  process.env = { ...saved };
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A kubeconfig with two clusters and two users, context "prod" using prod-cluster and prod-user. */
function twoOfEach(): string {
  return writeKubeconfig(dir, {
    contexts: [
      { name: 'prod', namespace: 'shop', server: 'https://prod.example:6443', token: 'prod-token' },
      { name: 'other', server: 'https://other.example:6443', token: 'other-token' },
    ],
  });
}

const PODS = '/api/v1/namespaces/shop/pods';

describe('kubectl connection flags', () => {
  it('--server sends the requests to that server, with the context user\'s token', async () => {
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://flag.example:8443' });
    const conn = connect({ kubeconfig: twoOfEach(), overrides: { server: 'https://flag.example:8443' } });
    expect((await conn.get(PODS)).status).toBe(200);
    expect(fake.requests.map((r) => [r.url, r.authorization])).toEqual([[`https://flag.example:8443${PODS}`, 'Bearer prod-token']]);
    expect(conn.source).toEqual({ type: 'live', context: 'prod', cluster: 'prod-cluster', server: 'https://flag.example:8443', user: 'prod-user' });
  });

  it('--token replaces the user\'s credentials', async () => {
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://prod.example:6443', token: 'flag-token' });
    expect((await connect({ kubeconfig: twoOfEach(), overrides: { token: 'flag-token' } }).get(PODS)).status).toBe(200);
    expect(fake.requests[0].authorization).toBe('Bearer flag-token');
  });

  it('--user and --cluster pick other kubeconfig entries; unknown names are kubeconfig errors', async () => {
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://other.example:6443' });
    const conn = connect({ kubeconfig: twoOfEach(), overrides: { user: 'other-user', cluster: 'other-cluster' } });
    await conn.get(PODS);
    expect(fake.requests.map((r) => [r.url, r.authorization])).toEqual([[`https://other.example:6443${PODS}`, 'Bearer other-token']]);
    expect(conn).toMatchObject({ context: 'prod', cluster: 'other-cluster', user: 'other-user', namespace: 'shop' });
    expect(() => connect({ kubeconfig: twoOfEach(), overrides: { user: 'nobody' } })).toThrow(new KubeconfigError('user "nobody" not found in kubeconfig'));
    expect(() => connect({ kubeconfig: twoOfEach(), overrides: { cluster: 'nowhere' } })).toThrow(new KubeconfigError('cluster "nowhere" not found in kubeconfig'));
  });

  it('--as and --as-group impersonate (one Impersonate-Group header per group); groups need a user', async () => {
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://prod.example:6443' });
    const headers: unknown[] = [];
    const request = https.request;
    jest.spyOn(https, 'request').mockImplementation(((...args: Parameters<typeof https.request>) => {
      headers.push((args[1] as https.RequestOptions).headers);
      return request(...args);
    }) as typeof https.request);
    await connect({ kubeconfig: twoOfEach(), overrides: { as: 'jane', asGroups: ['dev', 'ops'] } }).get(PODS);
    expect(fake.requests[0]).toMatchObject({ impersonateUser: 'jane', impersonateGroup: 'dev, ops', authorization: 'Bearer prod-token' });
    // Two header lines, not one "dev, ops" value (the API server would read that as a single group).
    expect(headers[0]).toMatchObject({ 'Impersonate-User': 'jane', 'Impersonate-Group': ['dev', 'ops'] });
    expect(() => connect({ kubeconfig: twoOfEach(), overrides: { asGroups: ['ops'] } })).toThrow(/--as-group\) without impersonating a user: pass --as too$/);
  });

  it('impersonates as the kubeconfig user says (as, as-uid, as-groups, as-user-extra); the flags replace each value', async () => {
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://prod.example:6443' });
    const headers: Record<string, unknown>[] = [];
    const request = https.request;
    jest.spyOn(https, 'request').mockImplementation(((...args: Parameters<typeof https.request>) => {
      headers.push((args[1] as https.RequestOptions).headers as Record<string, unknown>);
      return request(...args);
    }) as typeof https.request);
    const userFields = { as: 'jane', 'as-uid': 'u-1', 'as-groups': ['dev', 'ops'], 'as-user-extra': { scopes: ['view', 'list'], 'team/név': ['storage'] } };
    const file = writeKubeconfig(dir, { contexts: [{ name: 'prod', namespace: 'shop', server: 'https://prod.example:6443', token: 'prod-token', userFields }] });
    await connect({ kubeconfig: file }).get(PODS);
    expect(headers[0]).toMatchObject({
      'Impersonate-User': 'jane',
      'Impersonate-Uid': 'u-1',
      'Impersonate-Group': ['dev', 'ops'],
      'Impersonate-Extra-scopes': ['view', 'list'],
      // client-go percent-encodes what is not a header token character in the key (the API server decodes it).
      'Impersonate-Extra-team%2Fn%C3%A9v': ['storage'],
    });
    // --as replaces only the user; --as-group replaces the groups, --as-uid the uid; a --token keeps whom it acts as.
    await connect({ kubeconfig: file, overrides: { as: 'joe', asGroups: ['sre'], asUid: 'u-2', token: 'prod-token' } }).get(PODS);
    expect(headers[1]).toMatchObject({ 'Impersonate-User': 'joe', 'Impersonate-Uid': 'u-2', 'Impersonate-Group': ['sre'], 'Impersonate-Extra-scopes': ['view', 'list'] });
    expect(fake.requests.map((r) => [r.impersonateUser, r.impersonateGroup])).toEqual([['jane', 'dev, ops'], ['joe', 'sre']]);
  });

  it('refuses a uid, groups or extra without a user to impersonate, from the kubeconfig or --as-uid, as clientcmd does', () => {
    const file = writeKubeconfig(dir, { contexts: [{ name: 'prod', userFields: { 'as-groups': ['ops'] } }] });
    expect(() => connect({ kubeconfig: file })).toThrow(new KubeconfigError('requesting uid, groups or user-extra (kubeconfig user "prod-user") without impersonating a user: pass --as too'));
    expect(() => connect({ kubeconfig: twoOfEach(), overrides: { asUid: 'u-1' } })).toThrow(/\(--as-uid or --as-group\) without impersonating a user: pass --as too$/);
    // With a user to impersonate it is fine, and nothing is sent for an empty kubeconfig list.
    const ok = writeKubeconfig(dir, { fileName: 'ok', contexts: [{ name: 'prod', userFields: { as: 'jane', 'as-groups': [] } }] });
    expect(connect({ kubeconfig: ok })).toBeDefined();
  });

  it('reads a malformed as-groups or as-user-extra as a one-line kubeconfig error', () => {
    const groups = writeKubeconfig(dir, { fileName: 'g', contexts: [{ name: 'prod', userFields: { as: 'jane', 'as-groups': 'ops' } }] });
    expect(() => connect({ kubeconfig: groups })).toThrow(`cannot read kubeconfig ${groups}: users[0].user.as-groups must be a list of strings`);
    const extra = writeKubeconfig(dir, { fileName: 'e', contexts: [{ name: 'prod', userFields: { as: 'jane', 'as-user-extra': { scopes: 'view' } } }] });
    expect(() => connect({ kubeconfig: extra })).toThrow(`cannot read kubeconfig ${extra}: users[0].user.as-user-extra.scopes must be a list of strings`);
  });

  it('--certificate-authority replaces the kubeconfig\'s CA settings and is the CA the TLS agent trusts', async () => {
    const ca = path.join(dir, 'ca.crt');
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nZmxhZy1jYQ==\n-----END CERTIFICATE-----\n');
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'https://prod.example:6443' });
    const agents: https.Agent[] = [];
    const request = https.request;
    jest.spyOn(https, 'request').mockImplementation(((...args: Parameters<typeof https.request>) => {
      agents.push((args[1] as https.RequestOptions).agent as https.Agent);
      return request(...args);
    }) as typeof https.request);
    // writeKubeconfig's clusters skip TLS verification; the flag turns verification back on, with this CA.
    const conn = connect({ kubeconfig: twoOfEach(), overrides: { certificateAuthority: ca } });
    await conn.get(PODS);
    expect(fake.requests).toHaveLength(1);
    expect(String(agents[0].options.ca)).toBe(fs.readFileSync(ca, 'utf8'));
    expect(agents[0].options.rejectUnauthorized).not.toBe(false);
  });

  it('--insecure-skip-tls-verify drops the kubeconfig\'s CA, which then need not exist', async () => {
    const file = writeKubeconfig(dir, { caFile: path.join(dir, 'gone.crt'), fileName: 'with-ca' });
    expect(() => connect({ kubeconfig: file })).toThrow(`certificate-authority file ${path.join(dir, 'gone.crt')}: no such file (cluster "fake-cluster")`);
    const fake = harness.start({ objects: [pod('shop', 'p')] });
    expect((await connect({ kubeconfig: file, overrides: { insecureSkipTlsVerify: true } }).get(PODS)).status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });

  it('needs no kubeconfig at all with --server (and --token)', async () => {
    const fake = harness.start({ objects: [pod('default', 'p')], server: 'https://bare.example:6443', token: 't0k' });
    const conn = connect({ overrides: { server: 'https://bare.example:6443', token: 't0k', insecureSkipTlsVerify: true } });
    expect(conn).toMatchObject({ context: '', namespace: 'default', server: 'https://bare.example:6443' });
    expect((await conn.get('/api/v1/namespaces/default/pods')).status).toBe(200);
    expect(fake.requests[0].authorization).toBe('Bearer t0k');
  });
});

describe('servers and TLS files', () => {
  it('talks plain http (kubectl proxy) without credentials, as kubectl does, but still impersonates', async () => {
    const file = writeKubeconfig(dir, { server: 'http://127.0.0.1:8001', token: 'never-sent' });
    const fake = harness.start({ objects: [pod('shop', 'p')], server: 'http://127.0.0.1:8001' });
    expect((await connect({ kubeconfig: file, overrides: { as: 'jane' } }).get(PODS)).status).toBe(200);
    expect(fake.requests[0]).toMatchObject({ url: `http://127.0.0.1:8001${PODS}`, authorization: null, impersonateUser: 'jane' });
  });

  it('reads a bare host:port as https when TLS is configured, as client-go does', () => {
    const file = writeKubeconfig(dir, { server: '10.0.0.1:6443' });
    expect(connect({ kubeconfig: file }).server).toBe('https://10.0.0.1:6443');
  });

  it.each([['not a url'], ['ftp://files.example']])('rejects server %j with a one-line kubeconfig error', (server) => {
    const file = path.join(dir, 'bad-server');
    fs.writeFileSync(
      file,
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server } }],
        users: [{ name: 'u', user: { token: 't' } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'x',
      }),
    );
    const err = (() => {
      try {
        connect({ kubeconfig: file });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err?.message).toMatch(new RegExp(`^server "${server}" of cluster "c" is not valid: `));
    expect(err?.message).not.toContain('\n');
  });

  it('names a missing client certificate or key before any request', () => {
    const file = path.join(dir, 'cert-user');
    fs.writeFileSync(
      file,
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: 'https://x.example', 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'u', user: { 'client-certificate': path.join(dir, 'u.crt'), 'client-key': path.join(dir, 'u.key') } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'x',
      }),
    );
    expect(() => connect({ kubeconfig: file })).toThrow(`client-certificate file ${path.join(dir, 'u.crt')}: no such file (user "u")`);
  });
});

describe('request events (kubectl -v=6)', () => {
  it('reports each request with method, URL, status and time, and failures with their reason', async () => {
    harness.start({ objects: [pod('shop', 'p')] });
    const events: RequestEvent[] = [];
    const conn = connect({ kubeconfig: writeKubeconfig(dir), onRequest: (e) => events.push(e) });
    await conn.get(PODS, { query: { limit: 5 } });
    await conn.get('/api/v1/nope');
    expect(events).toEqual([
      { method: 'GET', url: `https://127.0.0.1:6443${PODS}?limit=5`, status: 200, milliseconds: expect.any(Number) },
      { method: 'GET', url: 'https://127.0.0.1:6443/api/v1/nope', status: 404, milliseconds: expect.any(Number) },
    ]);
  });
});
