// The kubeconfig reader without client-node reads a file into the very entries client-node's loadFromFile makes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import { KubeConfig } from '@kubernetes/client-node';
import { readKubeconfigFile } from './kubeconfigFile';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, doc: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof doc === 'string' ? doc : dump(doc));
  return file;
}

function viaClientNode(file: string): unknown {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return { clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: kc.getCurrentContext() };
}

describe('readKubeconfigFile', () => {
  it('reads every field as client-node does: relative TLS paths made absolute, token files read, nulls kept', () => {
    const tokenFile = write('token', 'from-file');
    const file = write('rich', {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'b',
      clusters: [
        { name: 'one', cluster: { server: 'https://one.example:6443/', 'certificate-authority': 'pki/ca.crt', 'tls-server-name': 'kubernetes' } },
        { name: 'two', cluster: { server: 'https://two.example', 'certificate-authority-data': 'Q0E=', 'insecure-skip-tls-verify': true, 'proxy-url': 'socks5://p:1080' } },
      ],
      users: [
        { name: 'certs', user: { 'client-certificate': 'pki/c.crt', 'client-key': '/abs/c.key', as: 'someone' } },
        { name: 'data', user: { 'client-certificate-data': 'Qw==', 'client-key-data': 'Sw==', username: 'a', password: 'b' } },
        { name: 'tf', user: { 'token-file': tokenFile } },
        { name: 'exec', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'aws', args: ['eks', 'get-token'] } } },
        { name: 'oidc', user: { 'auth-provider': { name: 'oidc', config: { 'idp-issuer-url': 'https://idp' } } } },
        { name: 'bare' },
      ],
      contexts: [
        { name: 'a', context: { cluster: 'one', user: 'certs', namespace: 'ns' } },
        { name: 'b', context: { cluster: 'two' } },
      ],
    });
    expect(readKubeconfigFile(file)).toEqual(viaClientNode(file));
    expect(readKubeconfigFile(file).clusters[0].caFile).toBe(path.join(dir, 'pki/ca.crt'));
  });

  it.each([
    ['a cluster without a server', { clusters: [{ name: 'x', cluster: {} }] }, 'clusters[0].cluster.server is missing'],
    ['a nameless user', { users: [{ user: { token: 't' } }] }, 'users[0].name is missing'],
    ['a context without a cluster', { contexts: [{ name: 'c', context: { user: 'u' } }] }, 'contexts[0].context.cluster is missing'],
  ])('rejects %s with client-node’s reason, as one line', (_, doc, reason) => {
    const file = write('invalid', doc);
    expect(() => viaClientNode(file)).toThrow(reason);
    expect(() => readKubeconfigFile(file)).toThrow(`cannot read kubeconfig ${file}: ${reason}`);
  });

  it('says a file of only comments holds no document, instead of a TypeError from deep inside', () => {
    const file = write('comments', '# nothing here\n');
    expect(() => readKubeconfigFile(file)).toThrow(`cannot read kubeconfig ${file}: the document is empty`);
  });
});
