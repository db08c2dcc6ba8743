// Credentials from exec plugins (cloud CLIs, kubelogin): obtained through the kubeconfig, sent as a bearer token.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { pod } from '@kubectl-storage/test-fixtures';
import { DEFAULT_FAKE_SERVER, useFakeApiServer } from '../../../test/msw';
import { collectSnapshot } from './collectSnapshot';
import { connect } from './connection';
import { AuthError } from './errors';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exec-auth-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function kubeconfigWithExec(name: string, command: string, args: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: DEFAULT_FAKE_SERVER, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command, args, interactiveMode: 'Never' } } }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'ctx',
    }),
  );
  return file;
}

it('sends the token an exec credential plugin prints', async () => {
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: 'from-exec' } });
  const fake = harness.start({ objects: [pod('a', 'p')], token: 'from-exec' });
  const conn = connect({ kubeconfig: kubeconfigWithExec('ok', process.execPath, ['-e', `process.stdout.write(${JSON.stringify(credential)})`]) });
  const s = await collectSnapshot(conn, { kinds: ['pods'] });
  expect(s.pods).toHaveLength(1);
  expect(fake.requests).toHaveLength(1);
});

it('turns a failing exec plugin into a one-line AuthError before any request is sent', async () => {
  const fake = harness.start({ objects: [] });
  const conn = connect({ kubeconfig: kubeconfigWithExec('failing', process.execPath, ['-e', 'process.stderr.write("token expired\\n"); process.exit(1)']) });
  const err = await collectSnapshot(conn, { kinds: ['pods', 'nodes'] }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AuthError);
  expect((err as Error).message).toMatch(/^cannot get credentials for user "u": /);
  expect((err as Error).message).not.toContain('\n');
  expect(fake.requests).toEqual([]);
});

describe('client certificates from an exec plugin', () => {
  /** A plugin that hands out the certificate named in a file (no expiry: client-node asks it again every time). */
  function certPlugin(name: string): { kubeconfig: string; rotate(cert: string): void } {
    const certFile = path.join(dir, `${name}.cert`);
    fs.writeFileSync(certFile, 'cert-1');
    const script =
      `const c = require('fs').readFileSync(${JSON.stringify(certFile)}, 'utf8');` +
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { clientCertificateData: c, clientKeyData: 'key-' + c } }))`;
    return { kubeconfig: kubeconfigWithExec(name, process.execPath, ['-e', script]), rotate: (cert) => fs.writeFileSync(certFile, cert) };
  }
  type AgentSpy = jest.SpyInstance<unknown, [unknown, { cert?: unknown; key?: unknown }]>;
  const spyAgents = (conn: ReturnType<typeof connect>): AgentSpy =>
    jest.spyOn(conn.kubeConfig as unknown as { createAgent(c: unknown, o: { cert?: unknown; key?: unknown }): unknown }, 'createAgent');

  it('keeps one agent while the certificate stays the same', async () => {
    harness.start({ objects: [pod('a', 'p')] });
    const conn = connect({ kubeconfig: certPlugin('same').kubeconfig });
    const agents = spyAgents(conn);
    for (let i = 0; i < 3; i++) expect((await conn.get('/api/v1/namespaces/a/pods')).status).toBe(200);
    expect(agents).toHaveBeenCalledTimes(1);
  });

  it('builds a new agent when the plugin hands out a new certificate, so the expired one is not presented again', async () => {
    harness.start({ objects: [pod('a', 'p')] });
    const plugin = certPlugin('rotating');
    const conn = connect({ kubeconfig: plugin.kubeconfig });
    const agents = spyAgents(conn);
    await conn.get('/api/v1/namespaces/a/pods');
    await conn.get('/api/v1/namespaces/a/pods');
    plugin.rotate('cert-2');
    await conn.get('/api/v1/namespaces/a/pods');
    await conn.get('/api/v1/namespaces/a/pods');
    expect(agents.mock.calls.map(([, o]) => [o.cert, o.key])).toEqual([
      ['cert-1', 'key-cert-1'],
      ['cert-2', 'key-cert-2'],
    ]);
  });
});
