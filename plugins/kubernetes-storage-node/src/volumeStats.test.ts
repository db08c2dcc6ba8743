import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubeletSummary, node } from '@kubectl-storage/test-fixtures';
import { manualTimeouts, useFakeApiServer, writeKubeconfig } from '../../../test/msw';
import { connect } from './connection';
import { collectVolumeStats, VolumeStatsPool, volumeStatsFromSummary } from './volumeStats';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vstats-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('volumeStatsFromSummary', () => {
  it('takes only volumes with a pvcRef and keeps absent numbers undefined', () => {
    const summary = kubeletSummary(
      'n1',
      [
        { namespace: 'data', pod: 'db-0', claim: 'data-db-0', usedBytes: 1024, capacityBytes: 4096, availableBytes: 3072, inodesUsed: 10, inodes: 100 },
        // A CSI driver without NodeGetVolumeStats reports the volume but no numbers.
        { namespace: 'data', pod: 'db-0', claim: 'logs-db-0' },
      ],
      [{ namespace: 'data', pod: 'db-0', name: 'kube-api-access-x' }],
    );
    expect(volumeStatsFromSummary('n1', summary)).toEqual([
      { namespace: 'data', claimName: 'data-db-0', podName: 'db-0', nodeName: 'n1', usedBytes: 1024, capacityBytes: 4096, availableBytes: 3072, inodesUsed: 10, inodes: 100 },
      { namespace: 'data', claimName: 'logs-db-0', podName: 'db-0', nodeName: 'n1' },
    ]);
  });

  it('tolerates a summary without pods', () => {
    expect(volumeStatsFromSummary('n1', { node: { nodeName: 'n1' } })).toEqual([]);
    expect(volumeStatsFromSummary('n1', 'garbage')).toEqual([]);
  });
});

describe('collectVolumeStats', () => {
  it('collects every answering node and reports failing and hanging ones without aborting the run', async () => {
    const fake = harness.start({
      objects: [node('ok-1'), node('broken'), node('stuck'), node('ok-2')],
      behaviour: {
        nodeStats: {
          'ok-1': kubeletSummary('ok-1', [{ namespace: 'a', pod: 'p1', claim: 'c1', usedBytes: 1 }]),
          broken: 'error',
          stuck: 'hang',
          'ok-2': kubeletSummary('ok-2', [{ namespace: 'b', pod: 'p2', claim: 'c2', usedBytes: 2 }]),
        },
      },
    });
    const clock = manualTimeouts();
    const conn = connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }), timeoutSignal: clock.timeoutSignal });
    // 'stuck' never answers: the test's clock times it out once it is asked, and the run finishing shows it.
    const pending = collectVolumeStats(conn, ['ok-1', 'broken', 'stuck', 'ok-2', 'gone'], { concurrency: 2, perNodeTimeoutMs: 1000 });
    await fake.requestArrived((r) => r.path === '/api/v1/nodes/stuck/proxy/stats/summary');
    expect(clock.expire((url) => url.includes('/nodes/stuck/'))).toBe(1);
    const result = await pending;

    expect(result.stats.map((s) => `${s.nodeName}:${s.claimName}:${s.usedBytes}`)).toEqual(['ok-1:c1:1', 'ok-2:c2:2']);
    expect(result.incomplete).toEqual([
      { kind: 'volumestats', node: 'broken', reason: 'error', message: expect.stringMatching(/^volume stats of node broken: error trying to reach service/) },
      { kind: 'volumestats', node: 'stuck', reason: 'timeout', message: expect.stringMatching(/within 1000 ms$/) },
      { kind: 'volumestats', node: 'gone', reason: 'not-found', message: 'volume stats of node gone: nodes "gone" not found' },
    ]);
    expect(fake.requests.every((r) => r.method === 'GET' && r.path.endsWith('/proxy/stats/summary'))).toBe(true);
  });
});

describe('VolumeStatsPool', () => {
  it('gives the stats of exactly the final nodes: one seen only on dropped pages is left out, one not asked yet is asked', async () => {
    const summary = (n: string) => kubeletSummary(n, [{ namespace: 'a', pod: `p-${n}`, claim: `c-${n}`, usedBytes: 1 }]);
    const fake = harness.start({ objects: [node('a'), node('b'), node('c')], behaviour: { nodeStats: { a: summary('a'), b: summary('b'), c: summary('c') } } });
    const pool = new VolumeStatsPool(connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server }) }), { concurrency: 2 });
    pool.add('a');
    pool.add('b');
    pool.add('b');
    const result = await pool.results(['c', 'b']);
    expect(result.stats.map((s) => s.nodeName)).toEqual(['c', 'b']);
    expect(result.incomplete).toEqual([]);
    // Each node asked once, `b` too although added twice and asked for again.
    expect(fake.requests.filter((r) => r.path.includes('/proxy/')).map((r) => r.path.split('/')[4]).sort()).toEqual(['a', 'b', 'c']);
  });
});
