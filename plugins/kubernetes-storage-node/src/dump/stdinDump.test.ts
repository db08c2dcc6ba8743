// A dump on stdin is read as bytes and goes through the same item-by-item kubectl List reader as a file (so V8's
// 512 MiB string limit does not apply to it either), and gives the same snapshot as the same dump in a file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { sampleCluster } from '@kubectl-storage/test-fixtures';
import { loadDump } from './loadDump';
import { readDumpBytes } from './readDumpStream';
import { splitKubectlList } from './kubectlListItems';

jest.mock('./kubectlListItems', () => {
  const actual = jest.requireActual<typeof import('./kubectlListItems')>('./kubectlListItems');
  return { ...actual, splitKubectlList: jest.fn(actual.splitKubectlList) };
});
const split = splitKubectlList as jest.MockedFunction<typeof splitKubectlList>;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stdin-dump-'));
  split.mockClear();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `kubectl get ... -A -o json` of the sample cluster: a v1 List indented by json.MarshalIndent (4 spaces). */
const kubectlDump = (): string => `${JSON.stringify({ apiVersion: 'v1', items: sampleCluster(), kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;

describe('a dump on stdin', () => {
  it('is read item by item like a file, into the same snapshot', async () => {
    const text = kubectlDump();
    const file = path.join(dir, 'dump.json');
    fs.writeFileSync(file, text);
    const at = '2024-06-01T00:00:00Z';
    const bytes = Buffer.from(text);
    const stdin = await readDumpBytes(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(stdin.equals(bytes)).toBe(true);

    const fromStdin = loadDump(['-'], { stdin, collectedAt: at }).snapshot;
    expect(split).toHaveBeenCalledTimes(1);
    expect(split.mock.results[0].value).toBeDefined(); // it split: the general parser was not needed
    const fromFile = loadDump([file], { collectedAt: at }).snapshot;
    expect(fromStdin.pods.length).toBeGreaterThan(0);
    expect({ ...fromStdin, source: undefined }).toEqual({ ...fromFile, source: undefined });
    expect(fromStdin.source).toEqual({ type: 'file', files: ['-'] });
  });

  it('in any other shape (YAML here) takes the general parser, as a file does', async () => {
    const yaml = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv-1\nspec:\n  capacity:\n    storage: 1Gi\n';
    const stdin = await readDumpBytes(Readable.from([Buffer.from(yaml)]));
    const { snapshot } = loadDump(['-'], { stdin });
    expect(snapshot.persistentVolumes.map((v) => v.meta.name)).toEqual(['pv-1']);
    expect(split.mock.results[0].value).toBeUndefined();
  });
});
