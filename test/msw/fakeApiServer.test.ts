// The fake must behave like kube-apiserver where collectors depend on it, or the collector tests prove nothing.
import { persistentVolume, pod, secret } from '@kubectl-storage/test-fixtures';
import { DEFAULT_FAKE_SERVER } from './defaults';
import { useFakeApiServer } from './setup';

const harness = useFakeApiServer();
const get = (path: string, init?: RequestInit) => fetch(`${DEFAULT_FAKE_SERVER}${path}`, init);

interface ListBody {
  kind: string;
  metadata: { continue?: string; remainingItemCount?: number };
  items: { kind?: string; metadata: { name: string } }[];
}
const getList = async (path: string, init?: RequestInit): Promise<ListBody> => (await (await get(path, init)).json()) as ListBody;
const names = (body: ListBody): string[] => body.items.map((i) => i.metadata.name);

describe('fake API server', () => {
  it('pages with limit and opaque continue tokens, typed List kinds and items without kind', async () => {
    harness.start({ objects: ['c', 'a', 'b'].map((n) => persistentVolume(n)) });
    const first = await getList('/api/v1/persistentvolumes?limit=2');
    expect(first).toMatchObject({ kind: 'PersistentVolumeList', apiVersion: 'v1', metadata: { remainingItemCount: 1, continue: expect.any(String) } });
    expect(names(first)).toEqual(['a', 'b']);
    expect(first.items[0]).not.toHaveProperty('kind');
    const second = await getList(`/api/v1/persistentvolumes?limit=2&continue=${first.metadata.continue}`);
    expect(names(second)).toEqual(['c']);
    expect(second.metadata).not.toHaveProperty('continue');
  });

  it('caps pages at pageSizeMax and rejects a token of another list', async () => {
    harness.start({ objects: [pod('a', 'p1'), pod('a', 'p2'), pod('b', 'p3')], behaviour: { pageSizeMax: 1 } });
    const page = await getList('/api/v1/pods?limit=500');
    expect(page.items).toHaveLength(1);
    const wrong = await get(`/api/v1/namespaces/a/pods?continue=${page.metadata.continue}`);
    expect(wrong.status).toBe(400);
  });

  it('serves namespaced list paths', async () => {
    harness.start({ objects: [pod('a', 'p1'), pod('b', 'p2')] });
    const body = await getList('/api/v1/namespaces/b/pods');
    expect(names(body)).toEqual(['p2']);
  });

  it('answers denials and expired tokens with metav1.Status bodies', async () => {
    harness.start({ objects: [pod('a', 'p1'), pod('a', 'p2')], behaviour: { forbidden: [{ kind: 'pods', namespace: 'a' }] } });
    const denied = await get('/api/v1/namespaces/a/pods');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403, message: expect.stringContaining('in the namespace "a"') });
    expect((await get('/api/v1/pods')).status).toBe(403);
  });

  it('answers 410 Expired on the first continue of a kind, then pages normally', async () => {
    harness.start({ objects: [persistentVolume('a'), persistentVolume('b')], behaviour: { expireContinueOnce: ['persistentvolumes'] } });
    const token = (await getList('/api/v1/persistentvolumes?limit=1')).metadata.continue;
    const expired = await get(`/api/v1/persistentvolumes?limit=1&continue=${token}`);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ reason: 'Expired', code: 410 });
    expect((await get(`/api/v1/persistentvolumes?limit=1&continue=${token}`)).status).toBe(200);
  });

  it('returns PartialObjectMetadataList when asked for metadata only', async () => {
    harness.start({ objects: [secret('a', 's1')] });
    const body = await getList('/api/v1/secrets', { headers: { Accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1' } });
    expect(body.kind).toBe('PartialObjectMetadataList');
    expect(body.items).toEqual([{ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: expect.objectContaining({ name: 's1' }) }]);
  });

  it('refuses writes, logs every request, and 404s unknown APIs like the API server does', async () => {
    const fake = harness.start({ objects: [], behaviour: { noEndpointSliceApi: true } });
    expect((await get('/api/v1/pods', { method: 'POST', body: '{}' })).status).toBe(405);
    const missing = await get('/apis/discovery.k8s.io/v1/endpointslices');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('404 page not found\n');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/pods', 'GET /apis/discovery.k8s.io/v1/endpointslices']);
  });
});
