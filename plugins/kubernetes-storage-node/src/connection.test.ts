import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { pod } from '@kubectl-storage/test-fixtures';
import { DEFAULT_FAKE_SERVER, useFakeApiServer, writeKubeconfig } from '../../../test/msw';
import { connect } from './connection';
import { KubeconfigError } from './errors';

const harness = useFakeApiServer();
let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
  delete process.env.KUBECONFIG;
  delete process.env.KUBERNETES_SERVICE_HOST;
  delete process.env.KUBERNETES_SERVICE_PORT;
  process.env.HOME = path.join(dir, 'home');
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('connect', () => {
  it("uses the kubeconfig's current context and its namespace", () => {
    const file = writeKubeconfig(dir, { contexts: [{ name: 'prod', namespace: 'payments', server: 'https://prod.example:6443' }, { name: 'dev' }] });
    const conn = connect({ kubeconfig: file });
    expect(conn).toMatchObject({ context: 'prod', cluster: 'prod-cluster', user: 'prod-user', namespace: 'payments', server: 'https://prod.example:6443' });
    expect(conn.source).toEqual({ type: 'live', context: 'prod', cluster: 'prod-cluster', server: 'https://prod.example:6443', user: 'prod-user' });
  });

  it('switches to --context and defaults the namespace to "default"', () => {
    const file = writeKubeconfig(dir, { contexts: [{ name: 'prod', namespace: 'payments' }, { name: 'dev' }] });
    expect(connect({ kubeconfig: file, context: 'dev' })).toMatchObject({ context: 'dev', namespace: 'default' });
  });

  it('rejects an unknown context with a one-line KubeconfigError', () => {
    const file = writeKubeconfig(dir);
    expect(() => connect({ kubeconfig: file, context: 'staging' })).toThrow(new KubeconfigError('context "staging" not found in kubeconfig'));
  });

  it('rejects a kubeconfig without a current context', () => {
    const file = writeKubeconfig(dir, { currentContext: null });
    expect(() => connect({ kubeconfig: file })).toThrow('kubeconfig has no current context; pass --context');
  });

  it('rejects missing and unparseable kubeconfig files', () => {
    expect(() => connect({ kubeconfig: path.join(dir, 'nope') })).toThrow(KubeconfigError);
    expect(() => connect({ kubeconfig: path.join(dir, 'nope') })).toThrow(`kubeconfig file ${path.join(dir, 'nope')} not found`);
    const broken = path.join(dir, 'broken');
    fs.writeFileSync(broken, 'clusters: [\n  - name: x\n    cluster: {server: ');
    const err = (() => {
      try {
        connect({ kubeconfig: broken });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err?.message).toMatch(new RegExp(`^cannot read kubeconfig ${broken}: `));
    expect(err?.message).not.toContain('\n');
  });

  it('says an empty kubeconfig is empty', () => {
    const empty = path.join(dir, 'empty');
    fs.writeFileSync(empty, '\n');
    expect(() => connect({ kubeconfig: empty })).toThrow(KubeconfigError);
    expect(() => connect({ kubeconfig: empty })).toThrow(/^kubeconfig .*empty is empty$/);
  });

  it('rejects a context whose cluster entry is missing', () => {
    const file = path.join(dir, 'dangling');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\ncurrent-context: a\ncontexts:\n- name: a\n  context: {cluster: gone, user: u}\nusers:\n- name: u\n  user: {token: t}\n');
    expect(() => connect({ kubeconfig: file })).toThrow('context "a" refers to cluster "gone", which is not in kubeconfig');
  });

  it('merges every KUBECONFIG file, the first one winning for the current context and same-named entries', () => {
    const first = writeKubeconfig(dir, { fileName: 'one', contexts: [{ name: 'a', server: 'https://a.example' }] });
    const second = writeKubeconfig(dir, {
      fileName: 'two',
      contexts: [{ name: 'a', server: 'https://shadowed.example' }, { name: 'b', server: 'https://b.example', namespace: 'team-b' }],
    });
    process.env.KUBECONFIG = [first, path.join(dir, 'missing'), second].join(path.delimiter);
    expect(connect()).toMatchObject({ context: 'a', server: 'https://a.example' });
    expect(connect({ context: 'b' })).toMatchObject({ context: 'b', server: 'https://b.example', namespace: 'team-b' });
  });

  it('fails when none of the KUBECONFIG files exist', () => {
    process.env.KUBECONFIG = path.join(dir, 'x');
    expect(() => connect()).toThrow(KubeconfigError);
  });

  it('reads ~/.kube/config when KUBECONFIG is unset', () => {
    writeKubeconfig(path.join(dir, 'home', '.kube'), { fileName: 'config', contexts: [{ name: 'home-ctx' }] });
    expect(connect().context).toBe('home-ctx');
  });

  it('falls back to the in-cluster service account when there is no kubeconfig', async () => {
    const sa = path.join(dir, 'sa');
    fs.mkdirSync(path.join(sa, 'var/run/secrets/kubernetes.io/serviceaccount'), { recursive: true });
    const saDir = path.join(sa, 'var/run/secrets/kubernetes.io/serviceaccount');
    fs.writeFileSync(path.join(saDir, 'token'), 'sa-token');
    fs.writeFileSync(path.join(saDir, 'namespace'), 'monitoring');
    fs.writeFileSync(path.join(saDir, 'ca.crt'), '');
    process.env.KUBERNETES_SERVICE_HOST = '10.96.0.1';
    process.env.KUBERNETES_SERVICE_PORT = '443';
    const conn = connect({ inClusterPathPrefix: sa });
    expect(conn).toMatchObject({ server: 'https://10.96.0.1:443', namespace: 'monitoring' });

    const fake = harness.start({ objects: [pod('monitoring', 'p')], server: 'https://10.96.0.1:443', token: 'sa-token' });
    const response = await conn.get('/api/v1/namespaces/monitoring/pods');
    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
  });

  it('reads the TLS files and builds the agent once per connection, not once per request', async () => {
    const pki = path.join(dir, 'pki');
    fs.mkdirSync(pki);
    for (const f of ['ca.crt', 'client.crt', 'client.key']) fs.writeFileSync(path.join(pki, f), `-----BEGIN ${f}-----\n`);
    const file = path.join(dir, 'tls-kubeconfig');
    fs.writeFileSync(
      file,
      dump({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: DEFAULT_FAKE_SERVER, 'certificate-authority': path.join(pki, 'ca.crt') } }],
        users: [{ name: 'u', user: { 'client-certificate': path.join(pki, 'client.crt'), 'client-key': path.join(pki, 'client.key') } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'ctx',
      }),
    );
    harness.start({ objects: [pod('shop', 'p')] });
    const conn = connect({ kubeconfig: file });
    const createAgent = jest.spyOn(conn.kubeConfig as unknown as { createAgent(...args: unknown[]): unknown }, 'createAgent');
    for (let i = 0; i < 3; i++) expect((await conn.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
    // The files are gone, yet later requests still work: nothing reads them again.
    fs.rmSync(pki, { recursive: true });
    for (let i = 0; i < 3; i++) expect((await conn.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
    expect(createAgent).toHaveBeenCalledTimes(1);
    expect(createAgent.mock.calls[0][1]).toMatchObject({ cert: Buffer.from('-----BEGIN client.crt-----\n'), key: Buffer.from('-----BEGIN client.key-----\n') });
  });

  it('still authenticates through the public applyToHTTPSOptions when client-node lacks the steps it is made of', async () => {
    const file = writeKubeconfig(dir, { token: 's3cret' });
    const fake = harness.start({ objects: [pod('shop', 'p')], token: 's3cret' });
    const conn = connect({ kubeconfig: file });
    // A client-node whose internals have other names: only the public method is there, and it does everything.
    for (const step of ['applyHTTPSOptions', 'applyAuthorizationHeader', 'createAgent']) Object.defineProperty(conn.kubeConfig, step, { value: undefined });
    const applied = jest.spyOn(conn.kubeConfig, 'applyToHTTPSOptions').mockImplementation(async (opts) => {
      (opts as { headers?: Record<string, string> }).headers = { Authorization: 'Bearer s3cret' };
    });
    expect((await conn.get('/api/v1/namespaces/shop/pods')).status).toBe(200);
    expect(applied).toHaveBeenCalledTimes(1);
    expect(fake.requests).toHaveLength(1);
  });

  it('waits no longer than a timer can when asked for a longer request timeout, instead of timing out at once', async () => {
    const file = writeKubeconfig(dir);
    harness.start({ objects: [pod('shop', 'p')] });
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const response = await connect({ kubeconfig: file, requestTimeoutMs: 2 ** 40 }).get('/api/v1/namespaces/shop/pods');
      expect(response.status).toBe(200);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('fails clearly when there is no kubeconfig and no cluster to run in', () => {
    expect(() => connect()).toThrow(/^no kubeconfig found \(KUBECONFIG is unset and .* does not exist\) and not running in a cluster$/);
  });
});
