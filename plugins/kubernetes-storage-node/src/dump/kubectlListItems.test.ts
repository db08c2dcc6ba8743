import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configMap, list, persistentVolume, pod, sampleCluster, type RawObject } from '@kubectl-storage/test-fixtures';
import { DumpError } from '../errors';
import { loadDump } from './loadDump';
import { looksLikeKubectlList, splitKubectlList } from './kubectlListItems';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-list-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What `kubectl get ... -o json` writes: json.MarshalIndent with 4 spaces, a trailing newline. */
const kubectlJson = (o: unknown) => `${JSON.stringify(o, null, 4)}\n`;

/** A v1 List in kubectl's key order (Go sorts map keys: apiVersion, items, kind, metadata). */
const kubectlList = (items: unknown[]) => ({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DumpError);
    return (err as Error).message;
  }
  throw new Error('expected a DumpError');
}

describe('splitKubectlList', () => {
  it('finds the items whether they come before or after the list\'s other fields', () => {
    const buf = Buffer.from(kubectlJson(kubectlList([persistentVolume('pv-1')])));
    const split = splitKubectlList(buf)!;
    expect(split.list).toEqual(kubectlList([]));
    expect(JSON.parse(buf.toString('utf8', split.bounds[0], split.bounds[1]))).toEqual(persistentVolume('pv-1'));
  });

  it('finds every item of a kubectl-indented List, and the list without them', () => {
    const objects = [...sampleCluster(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'a' }, data: { k: '}\n        }' } }];
    const buf = Buffer.from(kubectlJson(list(objects)));
    const split = splitKubectlList(buf)!;
    expect(split.list).toEqual({ ...list([]), items: [] });
    const items = [];
    for (let b = 0; b < split.bounds.length; b += 2) items.push(JSON.parse(buf.toString('utf8', split.bounds[b], split.bounds[b + 1])));
    expect(items).toEqual(objects);
  });

  it.each([
    ['2-space indentation', (o: unknown) => JSON.stringify(o, null, 2)],
    ['compact JSON', (o: unknown) => JSON.stringify(o)],
    ['CRLF line ends', (o: unknown) => kubectlJson(o).replace(/\n/g, '\r\n')],
    ['an empty list', () => kubectlJson(list([]))],
    ['a nested items key only', () => kubectlJson({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { items: [{ a: 1 }] } })],
    ['text between items', (o: unknown) => kubectlJson(o).replace('\n        },\n        {', '\n        },\n\n        {')],
    ['a second items key after the first', (o: unknown) => kubectlJson(o).replace('"kind": "List"', '"items": [1], "kind": "List"')],
  ])('leaves %s to the general parser', (_label, format) => {
    expect(splitKubectlList(Buffer.from(format(kubectlList([persistentVolume('pv-1'), persistentVolume('pv-2')]))))).toBeUndefined();
  });

  it('recognizes the start of a List too large to read as one string', () => {
    expect(looksLikeKubectlList(Buffer.from(kubectlJson(kubectlList([persistentVolume('pv-1')])).slice(0, 100)))).toBe(true);
    expect(looksLikeKubectlList(Buffer.from(JSON.stringify(list([persistentVolume('pv-1')]), null, 2)))).toBe(false);
    expect(looksLikeKubectlList(Buffer.alloc(4096))).toBe(false);
  });
});

describe('loadDump on kubectl output (item by item)', () => {
  it('gives exactly the snapshot the general parser gives', () => {
    const cluster = list([...sampleCluster(), configMap('shop', 'a')]);
    const fast = loadDump([write('fast.json', kubectlJson(cluster))], { collectedAt: '2025-01-01T00:00:00Z' });
    const general = loadDump([write('general.json', JSON.stringify(cluster))], { collectedAt: '2025-01-01T00:00:00Z' });
    expect(splitKubectlList(fs.readFileSync(path.join(dir, 'fast.json')))).toBeDefined();
    expect({ ...fast.snapshot, source: undefined }).toEqual({ ...general.snapshot, source: undefined });
    expect(fast.ignored).toEqual({ ConfigMap: 2, Namespace: 2 });
    expect(fast.ignored).toEqual(general.ignored);
  });

  it('dates the dump by the newest time inside its items, as the general parser does', () => {
    const cluster = list(sampleCluster());
    const fast = loadDump([{ path: 'x', content: kubectlJson(cluster) }]).snapshot.collectedAt;
    const file = write('c.json', kubectlJson(cluster));
    fs.utimesSync(file, new Date('2000-01-01T00:00:00Z'), new Date('2000-01-01T00:00:00Z'));
    expect(loadDump([file]).snapshot.collectedAt).toBe(fast);
  });

  it('reports a broken item with the line and column of the whole file, never a position inside the item', () => {
    const text = kubectlJson(list([persistentVolume('pv-1'), persistentVolume('pv-2')])).replace('"name": "pv-2"', '"name": "pv-2",,');
    const line = text.slice(0, text.indexOf(',,')).split('\n').length;
    expect(errorOf(() => loadDump([write('broken.json', text)]))).toMatch(new RegExp(`^.*broken\\.json: invalid JSON at line ${line}, column \\d+$`));
  });

  it('names the item that cannot be projected by its index in the file', () => {
    const nameless = pod('shop', 'p');
    delete (nameless.metadata as { name?: string }).name;
    const file = write('nameless.json', kubectlJson(list([persistentVolume('pv-1'), nameless])));
    expect(errorOf(() => loadDump([file]))).toMatch(/nameless\.json \(items\[1\]\): /);
  });

  it('rejects an item without kind as the general parser does', () => {
    // Deliberately not a RawObject: list() is typed for objects, the file for anything.
    const file = write('nokind.json', kubectlJson(list([persistentVolume('pv-1'), { metadata: { name: 'x' } } as unknown as RawObject])));
    expect(errorOf(() => loadDump([file]))).toMatch(/nokind\.json \(items\[1\]\): not a Kubernetes object/);
  });
});
