// kubectl's connection flags and -v levels through the CLI, checked on what the fake API server receives: the
// server each request goes to, the token and impersonation headers it carries, the CA the TLS agent trusts.
import * as fs from 'node:fs';
import https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import Orphans from '../../cli/src/commands/orphans';
import Pv from '../../cli/src/commands/pv';
import Report from '../../cli/src/commands/report';
import { useFakeApiServer, writeKubeconfig, type FakeApiServer } from '../msw';
import { clusterItems, NOW, useClusterDump } from './support/cluster';
import { runCli, type CliRun } from './support/runCli';

const api = useFakeApiServer();
const cluster = useClusterDump();
let tmp: string;
let kubeconfig: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-conn-'));
  kubeconfig = writeKubeconfig(tmp, {
    contexts: [
      { name: 'prod', namespace: 'shop', server: 'https://prod.example:6443', token: 'prod-token' },
      { name: 'staging', server: 'https://staging.example:6443', token: 'staging-token' },
    ],
  });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

const serve = (server: string, token?: string): FakeApiServer => api.start({ objects: clusterItems(), server, token });
const pv = (...argv: string[]): Promise<CliRun> => runCli(Pv, ['--kubeconfig', kubeconfig, '--now', NOW, ...argv]);

/** Every request of the run went there and carried this. */
function expectAll(fake: FakeApiServer, expected: Partial<FakeApiServer['requests'][number]>): void {
  expect(fake.requests.length).toBeGreaterThan(0);
  for (const r of fake.requests) expect(r).toMatchObject(expected);
}

describe('connection flags override the kubeconfig, as in kubectl', () => {
  it('--server', async () => {
    const fake = serve('https://elsewhere.example:8443');
    const run = await pv('--server', 'https://elsewhere.example:8443');
    expect(run.exitCode).toBe(0);
    expectAll(fake, { authorization: 'Bearer prod-token' });
    expect(fake.requests.every((r) => r.url.startsWith('https://elsewhere.example:8443/'))).toBe(true);
  });

  it('--token', async () => {
    const fake = serve('https://prod.example:6443', 'flag-token');
    expect((await pv('--token', 'flag-token')).exitCode).toBe(0);
    expectAll(fake, { authorization: 'Bearer flag-token' });
  });

  it('--cluster and --user', async () => {
    const fake = serve('https://staging.example:6443', 'staging-token');
    const run = await pv('--cluster', 'staging-cluster', '--user', 'staging-user');
    expect(run.exitCode).toBe(0);
    expectAll(fake, { authorization: 'Bearer staging-token' });
  });

  it('an unknown --user or --cluster is a kubeconfig error (exit 3)', async () => {
    for (const [flag, message] of [['--user', 'user "ghost" not found in kubeconfig'], ['--cluster', 'cluster "ghost" not found in kubeconfig']]) {
      const run = await pv(flag, 'ghost');
      expect(run.exitCode).toBe(3);
      expect(run.stderr).toBe(`error: ${message}\n`);
    }
  });

  it('--as and repeated --as-group', async () => {
    const fake = serve('https://prod.example:6443');
    expect((await pv('--as', 'jane', '--as-group', 'dev', '--as-group', 'ops')).exitCode).toBe(0);
    expectAll(fake, { impersonateUser: 'jane', impersonateGroup: 'dev, ops', authorization: 'Bearer prod-token' });
  });

  it('--as-uid with --as (Impersonate-Uid), refused without --as before any request', async () => {
    const fake = serve('https://prod.example:6443');
    expect((await pv('--as', 'jane', '--as-uid', 'u-1')).exitCode).toBe(0);
    expectAll(fake, { impersonateUser: 'jane', impersonateUid: 'u-1', impersonateGroup: null });
    const before = fake.requests.length;
    const run = await pv('--as-uid', 'u-1');
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe('error: requesting uid, groups or user-extra (--as-uid or --as-group) without impersonating a user: pass --as too\n');
    expect(fake.requests).toHaveLength(before);
  });

  it('--as-group without --as is refused before any request', async () => {
    const fake = serve('https://prod.example:6443');
    const run = await pv('--as-group', 'ops');
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/^error: requesting groups to impersonate \(--as-group\) without impersonating a user: pass --as too\n$/);
    expect(fake.requests).toEqual([]);
  });

  it('--certificate-authority is the CA the requests trust; a missing one is named (exit 3)', async () => {
    const ca = path.join(tmp, 'ca.crt');
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nZmxhZy1jYQ==\n-----END CERTIFICATE-----\n');
    const fake = serve('https://prod.example:6443');
    const cas: string[] = [];
    const request = https.request;
    jest.spyOn(https, 'request').mockImplementation(((...args: Parameters<typeof https.request>) => {
      cas.push(String(((args[1] as https.RequestOptions).agent as https.Agent).options.ca));
      return request(...args);
    }) as typeof https.request);
    expect((await pv('--certificate-authority', ca)).exitCode).toBe(0);
    expect(cas.length).toBe(fake.requests.length);
    expect(new Set(cas)).toEqual(new Set([fs.readFileSync(ca, 'utf8')]));

    const missing = await pv('--certificate-authority', path.join(tmp, 'nope.crt'));
    expect(missing.exitCode).toBe(3);
    expect(missing.stderr).toBe(`error: certificate-authority file ${path.join(tmp, 'nope.crt')}: no such file (cluster "prod-cluster")\n`);
  });

  it('--insecure-skip-tls-verify stops verifying the server certificate', async () => {
    const withCa = writeKubeconfig(path.join(tmp, 'ca'), { caFile: path.join(tmp, 'gone.crt') });
    const fake = serve('https://127.0.0.1:6443');
    const run = await runCli(Pv, ['--kubeconfig', withCa, '--insecure-skip-tls-verify', '--now', NOW]);
    expect(run.exitCode).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('--server and --token need no kubeconfig at all', async () => {
    const fake = serve('https://bare.example:6443', 't0k');
    const run = await runCli(Pv, ['--server', 'https://bare.example:6443', '--token', 't0k', '--insecure-skip-tls-verify', '--now', NOW], {
      env: { KUBECONFIG: undefined, HOME: path.join(tmp, 'no-home'), KUBERNETES_SERVICE_HOST: undefined },
    });
    expect(run.exitCode).toBe(0);
    expectAll(fake, { authorization: 'Bearer t0k' });
    expect(run.stdout).toMatch(/^NAME\s+CAPACITY/);
  });

  it('a plain http server (kubectl proxy) is read, without sending credentials over http', async () => {
    const proxy = writeKubeconfig(path.join(tmp, 'proxy'), { server: 'http://127.0.0.1:8001' });
    const fake = serve('http://127.0.0.1:8001');
    const run = await runCli(Report, ['--kubeconfig', proxy, '--now', NOW, '-A']);
    expect(run.exitCode).toBe(0);
    expectAll(fake, { authorization: null });
  });

  it('cannot be combined with --from-file (usage error)', async () => {
    const run = await runCli(Pv, ['-f', cluster.file, '--server', 'https://x.example']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe('error: --from-file cannot be combined with --server: a dump is not read from a cluster\n');
  });
});

describe('-v levels (kubectl -v=N)', () => {
  const requestLine = /^GET https:\/\/prod\.example:6443\/api\/v1\/persistentvolumes\?limit=500 200 OK in \d+ milliseconds$/m;

  it.each([['-v=6'], ['-v', '6'], ['--v=6'], ['--v', '4'], ['--verbose=6']])('%s prints one line per API request on stderr', async (...flag) => {
    const fake = serve('https://prod.example:6443');
    const run = await pv(...flag);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(requestLine);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(fake.requests.length);
  });

  it('below 4 prints nothing extra; a failing request shows its status', async () => {
    serve('https://prod.example:6443');
    expect((await pv('-v=3')).stderr).toBe('');
    api.start({ objects: clusterItems(), server: 'https://prod.example:6443', behaviour: { forbidden: [{ kind: 'statefulsets', namespace: '*' }] } });
    expect((await pv('-v=6')).stderr).toMatch(/^GET https:\/\/prod\.example:6443\/apis\/apps\/v1\/statefulsets\?limit=500 403 Forbidden in \d+ milliseconds$/m);
  });

  it('a level that is not a number is a usage error naming it', async () => {
    const run = await pv('-v=loud');
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^error: .*loud.*\n$/);
  });
});

describe('orphans commands carry the connection flags of the read', () => {
  it('--server, --as, --as-uid and --as-group are repeated, the token only as a placeholder', async () => {
    serve('https://elsewhere.example:8443', 'secret-flag-token');
    const run = await runCli(Orphans, [
      '--kubeconfig', kubeconfig, '--now', NOW, '-A', '-o', 'json',
      '--server', 'https://elsewhere.example:8443', '--token', 'secret-flag-token', '--as', 'alice', '--as-uid', 'u-7', '--as-group', 'ops',
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toContain('secret-flag-token');
    const doc = JSON.parse(run.stdout) as { target: { flags: string[] }; items: { commands: string[] }[] };
    expect(doc.target.flags).toEqual([
      '--context', 'prod', '--kubeconfig', kubeconfig,
      '--server', 'https://elsewhere.example:8443', '--token', '<token>', '--as', 'alice', '--as-uid', 'u-7', '--as-group', 'ops',
    ]);
    const commands = doc.items.flatMap((o) => o.commands).filter((c) => !c.startsWith('#'));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) {
      expect(c).toContain(`kubectl --context prod --kubeconfig ${kubeconfig} --server https://elsewhere.example:8443 --token '<token>' --as alice --as-uid u-7 --as-group ops `);
    }
  });
});
