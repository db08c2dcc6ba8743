// The collector, the dump loader and this fake API server take their kinds from the core's kinds table: a kind
// added there is listed, served and marked "not in input" without another list to update. Fails when one lags.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANALYSED_KINDS, KINDS, LISTED_KINDS, LIST_ORDER, RESOURCES, listPath } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { collectSnapshot, connect, loadDump } from '@kubectl-storage/plugin-kubernetes-storage-node';
import type { RawObject } from '@kubectl-storage/test-fixtures';
import { useFakeApiServer, writeKubeconfig } from '.';
import { route } from './routes';

const harness = useFakeApiServer();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinds-table-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A bare object of the kind; for a kind read through a field selector (events: type=Warning), one it selects. */
const rawOf = (kind: (typeof LISTED_KINDS)[number], name: string): RawObject => {
  const spec = KINDS[kind];
  return {
    apiVersion: RESOURCES[kind].apiVersion,
    kind: RESOURCES[kind].kind,
    metadata: { name, uid: `${kind}-${name}`, ...(RESOURCES[kind].namespaced ? { namespace: 'shop' } : {}) },
    ...('fieldSelector' in spec ? Object.fromEntries([spec.fieldSelector.split('=')]) : {}),
  };
};

function connection(fake: { server: string }) {
  return connect({ kubeconfig: writeKubeconfig(dir, { server: fake.server, contexts: [{ name: 'fake' }] }) });
}

describe('kinds table, as the collector, the dump loader and the fake API server use it', () => {
  it('the collector lists every analysed kind once, in the table\'s LIST order', async () => {
    const fake = harness.start({ objects: ANALYSED_KINDS.map((k) => rawOf(k, 'a')) });
    const snapshot = await collectSnapshot(connection(fake), { concurrency: 1 });
    const listed = fake.requests.map((r) => route(r.path)).flatMap((r) => (r.type === 'list' ? [r.kind] : []));
    expect(listed).toEqual(LIST_ORDER.filter((k) => ANALYSED_KINDS.includes(k)));
    expect(snapshot.observedKinds).toEqual(ANALYSED_KINDS);
    for (const kind of ANALYSED_KINDS) expect(snapshot[KINDS[kind].field]).toHaveLength(1);
  });

  it('the collector lists the stand-in (Endpoints) where the kind it stands in for is not served', async () => {
    const fake = harness.start({ objects: [rawOf('endpoints', 'a')], behaviour: { noEndpointSliceApi: true } });
    const snapshot = await collectSnapshot(connection(fake), { concurrency: 1, kinds: ['endpointslices'] });
    expect(fake.requests.map((r) => r.path)).toEqual([listPath('endpointslices'), listPath('endpoints')]);
    expect(snapshot.endpointSlices.map((s) => s.origin)).toEqual(['Endpoints']);
  });

  it('the fake API server routes the list path of every listed kind', () => {
    for (const kind of LISTED_KINDS) {
      expect(route(listPath(kind))).toEqual({ type: 'list', kind });
      if (RESOURCES[kind].namespaced) expect(route(listPath(kind, 'shop'))).toEqual({ type: 'list', kind, namespace: 'shop' });
    }
  });

  it('the dump loader reads every listed kind and marks each analysed kind missing from the input', () => {
    const all = loadDump([{ path: 'all.json', content: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: ANALYSED_KINDS.map((k) => rawOf(k, 'a')) }) }], {
      collectedAt: '2024-01-01T00:00:00Z',
    });
    expect(all.snapshot.observedKinds).toEqual(ANALYSED_KINDS);
    expect(all.snapshot.incomplete).toEqual([]);
    const none = loadDump([{ path: 'none.json', content: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [] }) }], { collectedAt: '2024-01-01T00:00:00Z' });
    expect(none.snapshot.incomplete.map((e) => [e.kind, e.reason])).toEqual(ANALYSED_KINDS.map((k) => [k, 'not-in-input']));
  });
});
