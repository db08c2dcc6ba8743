// clusterNames against the msw fake API server: one metadata-only LIST through the line's kubeconfig, context and
// namespace; nothing (never an error) when the cluster refuses, fails or is not configured.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { statefulSet } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig } from '../../../test/msw';
import { clusterNames, flagValue } from './clusterNames';

const api = useFakeApiServer();
let tmp: string;
let kubeconfig: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-storage-complete-'));
  kubeconfig = writeKubeconfig(tmp, { contexts: [{ name: 'prod', namespace: 'shop' }] });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('clusterNames', () => {
  it("lists StatefulSet names of the context's namespace, or of -n, with one request", async () => {
    const fake = api.start({ objects: [statefulSet('shop', 'web'), statefulSet('shop', 'cache'), statefulSet('data', 'db')] });
    expect(await clusterNames(['sts', '--kubeconfig', kubeconfig, ''], 'statefulsets')).toEqual(['cache', 'web']);
    expect(await clusterNames(['sts', '--kubeconfig', kubeconfig, '-n', 'data', ''], 'statefulsets')).toEqual(['db']);
    expect(fake.requests.map((r) => r.path)).toEqual(['/apis/apps/v1/namespaces/shop/statefulsets', '/apis/apps/v1/namespaces/data/statefulsets']);
  });

  it('offers nothing, without an error, when the kind is forbidden or no kubeconfig exists', async () => {
    api.start({ objects: [statefulSet('shop', 'web')], behaviour: { forbidden: [{ kind: 'statefulsets', namespace: 'shop' }] } });
    expect(await clusterNames(['sts', '--kubeconfig', kubeconfig, ''], 'statefulsets')).toEqual([]);
    expect(await clusterNames(['sts', '--kubeconfig', path.join(tmp, 'missing'), ''], 'statefulsets')).toEqual([]);
  });

  it('reads flag values the way kubectl does: separate or with =, the last one winning', () => {
    expect(flagValue(['-n', 'a', '--namespace=b'], ['-n', '--namespace'])).toBe('b');
    expect(flagValue(['--context', 'x'], ['--context'])).toBe('x');
    expect(flagValue(['--context'], ['--context'])).toBeUndefined();
  });
});
