// Without msw: a real closed port, as when the API server is down or the VPN is off.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeKubeconfig } from '../../../test/msw/kubeconfig';
import { collectSnapshot } from './collectSnapshot';
import { connect } from './connection';
import { ClusterUnreachableError } from './errors';

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('throws ClusterUnreachableError (connection refused) when nothing listens at the server address', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unreachable-'));
  try {
    const port = await closedPort();
    const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: `https://127.0.0.1:${port}` }) });
    const err = await collectSnapshot(conn).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect(err).toMatchObject({ reason: 'refused', message: `cannot reach https://127.0.0.1:${port}: connection refused` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
