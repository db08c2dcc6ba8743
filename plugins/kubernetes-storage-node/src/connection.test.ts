import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pod } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig } from '../../../test/msw';
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

  it('fails clearly when there is no kubeconfig and no cluster to run in', () => {
    expect(() => connect()).toThrow(/^no kubeconfig found \(KUBECONFIG is unset and .* does not exist\) and not running in a cluster$/);
  });
});
