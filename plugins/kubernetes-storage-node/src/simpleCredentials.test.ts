// The plain users (token, token file, client certificate, basic auth) authenticate without client-node, and what
// they send is what client-node's applyToHTTPSOptions would have made of the same user and cluster.
import * as fs from 'node:fs';
import type * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { KubeConfig, type Cluster, type User } from '@kubernetes/client-node';
import { needsClientNode, simpleCredentials } from './simpleCredentials';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simple-credentials-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};
const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** What reaches the wire: the headers, basic auth, and the agent's TLS options. */
function sent(o: { headers?: unknown; auth?: unknown; agent?: unknown }): unknown {
  const agent = (o.agent as { options: https.AgentOptions }).options;
  return {
    headers: o.headers,
    auth: o.auth ?? undefined,
    tls: { ca: agent.ca, cert: agent.cert, key: agent.key, rejectUnauthorized: agent.rejectUnauthorized, servername: agent.servername },
  };
}

async function viaClientNode(cluster: Cluster, user: User): Promise<unknown> {
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [cluster], users: [user], contexts: [{ name: 'x', cluster: cluster.name, user: user.name }], currentContext: 'x' });
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  return sent(opts);
}

async function viaSimple(cluster: Cluster, user: User): Promise<unknown> {
  const credentials = simpleCredentials(cluster, user);
  if (!credentials) throw new Error('expected simple credentials');
  return sent(await credentials());
}

const server = 'https://api.example:6443';
const cases: [string, Cluster, User][] = [
  ['a token, skip-verify', { name: 'c', server, skipTLSVerify: true }, { name: 'u', token: 't0ken' }],
  ['a CA file and a token', { name: 'c', server, skipTLSVerify: false, caFile: file('ca.crt', 'CA-FILE') }, { name: 'u', token: 't' }],
  [
    'CA data and client certificate data, a TLS server name',
    { name: 'c', server, skipTLSVerify: false, caData: b64('CA-DATA'), tlsServerName: 'kubernetes.default' },
    { name: 'u', certData: b64('CERT-DATA'), keyData: b64('KEY-DATA') },
  ],
  [
    'client certificate files',
    { name: 'c', server, skipTLSVerify: false, caData: b64('CA') },
    { name: 'u', certFile: file('client.crt', 'CERT-FILE'), keyFile: file('client.key', 'KEY-FILE') },
  ],
  ['basic auth', { name: 'c', server, skipTLSVerify: true }, { name: 'u', username: 'admin', password: 'pw' }],
  ['no credentials at all', { name: 'c', server, skipTLSVerify: false }, { name: 'u' }],
  [
    'the in-cluster service account token file',
    { name: 'inCluster', server, skipTLSVerify: false, caFile: file('sa-ca.crt', 'SA-CA') },
    { name: 'inClusterUser', authProvider: { name: 'tokenFile', config: { tokenFile: file('token', 'sa-token') } } },
  ],
];

describe('simpleCredentials', () => {
  it.each(cases)('sends what client-node sends for %s', async (_, cluster, user) => {
    expect(await viaSimple(cluster, user)).toEqual(await viaClientNode(cluster, user));
  });

  it('leaves exec plugins, auth providers and proxies to client-node', () => {
    const cluster: Cluster = { name: 'c', server, skipTLSVerify: false };
    expect(needsClientNode(cluster, { name: 'u', exec: { command: 'aws' } })).toBe(true);
    for (const name of ['oidc', 'gcp', 'azure']) expect(needsClientNode(cluster, { name: 'u', authProvider: { name, config: {} } })).toBe(true);
    expect(needsClientNode({ ...cluster, proxyUrl: 'http://proxy:3128' }, { name: 'u', token: 't' })).toBe(true);
    expect(simpleCredentials(cluster, { name: 'u', exec: { command: 'aws' } })).toBeUndefined();
    expect(needsClientNode(cluster, { name: 'u', token: 't', certData: 'x', keyData: 'y', username: 'a', password: 'b' })).toBe(false);
  });

  it('builds one agent per connection and re-reads a rotating token file once a minute, as client-node does', async () => {
    const tokenFile = file('rotating-token', 'first');
    let now = 1_000_000;
    const credentials = simpleCredentials({ name: 'c', server, skipTLSVerify: true }, { name: 'u', authProvider: { name: 'tokenFile', config: { tokenFile } } }, () => now)!;
    const first = await credentials();
    expect(first.headers).toEqual({ Authorization: 'Bearer first' });
    fs.writeFileSync(tokenFile, 'second');
    now += 60_000;
    expect((await credentials()).headers).toEqual({ Authorization: 'Bearer first' });
    now += 1;
    const later = await credentials();
    expect(later.headers).toEqual({ Authorization: 'Bearer second' });
    expect(later.agent).toBe(first.agent);
  });
});
