import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { KubernetesStorageClient } from './KubernetesStorageClient';

const server = setupServer();
registerMswTestHooks(server);

function client(token = 'user-token') {
  return new KubernetesStorageClient({
    discoveryApi: { getBaseUrl: async (id: string) => `http://backstage.test/api/${id}` },
    // fetchApi adds the user's token in a real app; here the test stands in for it.
    fetchApi: { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, authorization: `Bearer ${token}` } }) },
  });
}

describe('KubernetesStorageClient', () => {
  it('asks the backend plugin for the entity, one encoded path segment each, through fetchApi', async () => {
    let seen: { url: string; auth: string | null } | undefined;
    server.use(
      http.get('http://backstage.test/api/kubernetes-storage/v1/entity/:kind/:namespace/:name', ({ request }) => {
        seen = { url: request.url, auth: request.headers.get('authorization') };
        return HttpResponse.json({ kind: 'EntityStorage', clusters: [] });
      }),
    );
    const answer = await client().getEntityStorage({ kind: 'component', namespace: 'default', name: 'a/b c' });
    expect(answer.kind).toBe('EntityStorage');
    expect(seen).toEqual({
      url: 'http://backstage.test/api/kubernetes-storage/v1/entity/component/default/a%2Fb%20c',
      auth: 'Bearer user-token',
    });
  });

  it('reads the cluster list and the catalog', async () => {
    server.use(
      http.get('http://backstage.test/api/kubernetes-storage/v1/clusters', () => HttpResponse.json({ kind: 'ClusterList', items: [] })),
      http.get('http://backstage.test/api/kubernetes-storage/v1/catalog', () => HttpResponse.json({ kind: 'FindingCatalog', items: [] })),
    );
    expect((await client().getClusters()).kind).toBe('ClusterList');
    expect((await client().getCatalog()).kind).toBe('FindingCatalog');
  });

  it("turns a non-2xx answer into a ResponseError carrying the backend's error", async () => {
    server.use(
      http.get('http://backstage.test/api/kubernetes-storage/v1/clusters', () =>
        HttpResponse.json({ error: { name: 'NotAllowedError', message: 'no kubernetes.storage.read' }, response: { statusCode: 403 } }, { status: 403 }),
      ),
    );
    const error = await client().getClusters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).statusCode).toBe(403);
    expect((error as ResponseError).body.error.message).toBe('no kubernetes.storage.read');
  });
});
