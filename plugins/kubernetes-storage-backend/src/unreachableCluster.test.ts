// A configured cluster (kubernetes.clusterLocatorMethods, serviceAccount) that nobody answers for: both routes
// tell the same story (failing, "connection refused", since when), never a config error from inside the client,
// and the entity gets no report, because nothing was ever read.
import { mockCredentials } from '@backstage/backend-test-utils';
import type { ClusterListResponse, EntityStorageResponse } from '@kubectl-storage/plugin-kubernetes-storage-common';
import * as net from 'node:net';
import request from 'supertest';
import { connectCluster } from './clusters/connectCluster';
import { component, startStorageBackend } from './__testUtils__/testBackend';

const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });
const user = mockCredentials.user.header();

/** A loopback port nothing listens on (it was just free), so connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const staging = (port: number) => ({
  name: 'staging',
  url: `https://127.0.0.1:${port}`,
  authProvider: 'serviceAccount',
  serviceAccountToken: 'not-a-real-token',
  skipTLSVerify: true,
});

it('GET /v1/clusters and the entity route report an unreachable serviceAccount cluster alike: connection refused, no report', async () => {
  const port = await closedPort();
  const { server } = await startStorageBackend({ entities: [db], config: { kubernetes: { clusterLocatorMethods: [{ type: 'config', clusters: [staging(port)] }] } } });
  // The refusals arrive over real sockets: poll (bounded) until every kind has failed once.
  let health: ClusterListResponse | undefined;
  for (let i = 0; i < 200 && health?.items[0]?.status !== 'failing'; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 50));
    health = (await request(server).get('/api/kubernetes-storage/v1/clusters').set('Authorization', user)).body;
  }
  const [cluster] = health!.items;
  expect(cluster).toMatchObject({ name: 'staging', status: 'failing', failure: { reason: 'error', message: `cannot reach https://127.0.0.1:${port}: connection refused` } });
  expect(cluster.failure?.message).not.toMatch(/getCurrentUser|undefined/);

  const entity: EntityStorageResponse = (await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', user)).body;
  expect(entity.clusters).toHaveLength(1);
  expect(entity.clusters[0]).toMatchObject({ cluster: 'staging', status: 'failing', failure: cluster.failure });
  expect(entity.clusters[0]).not.toHaveProperty('report');
});

it('a config cluster connects as a one-context kubeconfig whose current user carries the token', () => {
  const conn = connectCluster({ type: 'config', name: 'staging', url: 'https://127.0.0.1:6443', serviceAccountToken: 'tok', skipTLSVerify: true });
  expect(conn).toMatchObject({ context: 'staging', cluster: 'staging', user: 'staging', server: 'https://127.0.0.1:6443' });
  // What client-node's authenticators read: a current user, with the token.
  expect(conn.kubeConfig.getCurrentUser()).toMatchObject({ name: 'staging', token: 'tok' });
  expect(conn.kubeConfig.getCurrentCluster()).toMatchObject({ server: 'https://127.0.0.1:6443', skipTLSVerify: true });
});
