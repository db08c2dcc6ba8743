import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dump } from 'js-yaml';
import {
  configMap,
  endpoints,
  list,
  persistentVolume,
  persistentVolumeClaim,
  pod,
  sampleCluster,
  service,
  storageClass,
} from '@kubectl-storage/test-fixtures';
import { analyze } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { DumpError } from '../errors';
import { MAX_DUMP_BYTES, loadDump } from './loadDump';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dump-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function dumpError(fn: () => unknown): DumpError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DumpError);
    expect((err as Error).message).not.toContain('\n');
    return err as DumpError;
  }
  throw new Error('expected a DumpError');
}

describe('loadDump', () => {
  it('loads a v1 List as kubectl get -A -o json prints it', () => {
    const file = write('cluster.json', list(sampleCluster()));
    const { snapshot, ignored } = loadDump([file]);
    expect(snapshot.source).toEqual({ type: 'file', files: [file] });
    expect(snapshot.persistentVolumes).toHaveLength(5);
    expect(snapshot.pods).toHaveLength(3);
    expect(snapshot.incomplete).toEqual([]);
    // Namespaces and ConfigMaps are not read; they are counted for --verbose.
    expect(ignored).toEqual({ Namespace: 2, ConfigMap: 1 });
  });

  it('loads a single object and marks every kind it lacks as not-in-input', () => {
    const { snapshot } = loadDump([write('pv.json', persistentVolume('pv-1'))]);
    expect(snapshot.persistentVolumes.map((p) => p.meta.name)).toEqual(['pv-1']);
    expect(snapshot.observedKinds).toEqual(['persistentvolumes']);
    expect(snapshot.incomplete).toContainEqual({ kind: 'services', reason: 'not-in-input', message: 'no Service objects in the input' });
    expect(snapshot.incomplete.map((e) => e.kind)).not.toContain('persistentvolumes');
    expect(snapshot.incomplete).toHaveLength(12);
  });

  it('gives items of typed lists their kind, and counts an empty typed list as read', () => {
    const { apiVersion: _a, kind: _k, ...bare } = persistentVolumeClaim('shop', 'data');
    const typed = write('pvcs.json', { apiVersion: 'v1', kind: 'PersistentVolumeClaimList', metadata: {}, items: [bare] });
    const empty = write('sts.json', { apiVersion: 'apps/v1', kind: 'StatefulSetList', metadata: {}, items: [] });
    const { snapshot } = loadDump([typed, empty]);
    expect(snapshot.persistentVolumeClaims.map((c) => c.meta.name)).toEqual(['data']);
    expect(snapshot.observedKinds).toEqual(['persistentvolumeclaims', 'statefulsets']);
  });

  it('loads multi-document YAML', () => {
    const text = [storageClass('fast'), service('shop', 'web'), null, pod('shop', 'web-1')].map((o) => (o ? dump(o) : '')).join('---\n');
    const { snapshot } = loadDump([write('objects.yaml', text)]);
    expect(snapshot.storageClasses.map((s) => s.meta.name)).toEqual(['fast']);
    expect(snapshot.services.map((s) => s.meta.name)).toEqual(['web']);
    expect(snapshot.pods.map((p) => p.meta.name)).toEqual(['web-1']);
  });

  it('merges several files (and a directory of them), an object in two files counted once', () => {
    const a = write('a.json', list([persistentVolume('pv-1'), pod('shop', 'p1')]));
    fs.mkdirSync(path.join(dir, 'more'));
    write('more/b.yaml', dump(list([persistentVolume('pv-1'), pod('shop', 'p2')])));
    write('more/notes.txt', 'not a dump');
    const { snapshot } = loadDump([a, path.join(dir, 'more')]);
    expect(snapshot.persistentVolumes).toHaveLength(1);
    expect(snapshot.pods.map((p) => p.meta.name)).toEqual(['p1', 'p2']);
    expect(snapshot.source).toEqual({ type: 'file', files: [a, path.join(dir, 'more', 'b.yaml')] });
  });

  it('reads "-" from stdin, and inputs given with their content', () => {
    const { snapshot } = loadDump(['-', { path: 'inline.json', content: JSON.stringify(pod('shop', 'p2')) }], { stdin: JSON.stringify(list([pod('shop', 'p1')])) });
    expect(snapshot.pods.map((p) => p.meta.name)).toEqual(['p1', 'p2']);
    expect(snapshot.source).toEqual({ type: 'file', files: ['-', 'inline.json'] });
    expect(dumpError(() => loadDump(['-'])).message).toBe('-: no input on stdin');
  });

  it('accepts JSON documents appended one after another', () => {
    const text = `${JSON.stringify(list([pod('shop', 'p1')]), null, 2)}\n${JSON.stringify(list([service('shop', 'web')]))}\n`;
    const { snapshot } = loadDump([write('appended.json', text)]);
    expect(snapshot.pods).toHaveLength(1);
    expect(snapshot.services).toHaveLength(1);
  });

  it('uses v1 Endpoints from a dump that has no EndpointSlices', () => {
    const { snapshot } = loadDump([write('e.json', list([service('shop', 'web'), endpoints('shop', 'web', { ready: [{ ip: '10.0.0.1' }] })]))]);
    expect(snapshot.endpointSlices).toEqual([expect.objectContaining({ origin: 'Endpoints', serviceName: 'web' })]);
    expect(snapshot.incomplete.map((e) => e.kind)).not.toContain('endpointslices');
  });

  /** A Released PV whose newest inner time is 2024-03-01T10:00Z (a managedFields write). */
  function releasedPv(): Record<string, unknown> {
    const pv = persistentVolume('pv-1') as { metadata: Record<string, unknown>; status?: Record<string, unknown> };
    pv.metadata.creationTimestamp = '2024-02-01T00:00:00Z';
    pv.metadata.managedFields = [{ manager: 'kube-controller-manager', time: '2024-03-01T10:00:00Z' }];
    pv.status = { phase: 'Released', lastPhaseTransitionTime: '2024-02-20T00:00:00Z' };
    return pv;
  }
  const setMtime = (file: string, iso: string): void => fs.utimesSync(file, new Date(iso), new Date(iso));

  it('dates the dump by the file time when it is later than every time inside the objects', () => {
    const file = write('pv.json', releasedPv());
    setMtime(file, '2025-01-01T00:00:00Z'); // written (or copied) after the last change inside
    expect(loadDump([file]).snapshot.collectedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(loadDump([file], { collectedAt: '2024-04-01T00:00:00Z' }).snapshot.collectedAt).toBe('2024-04-01T00:00:00Z');
  });

  it('sees a claim dumped alone, terminating since long ago, as stuck: the file time, not its deletionTimestamp', () => {
    // kubectl get -o json has no managedFields (1.21+) and this dump has no nodes: the deletionTimestamp is the
    // newest time inside, so dating the dump by it would make the claim look freshly deleted.
    const claim = persistentVolumeClaim('shop', 'data') as { metadata: Record<string, unknown> };
    delete claim.metadata.managedFields;
    claim.metadata.deletionTimestamp = '2024-03-01T10:00:00Z';
    const file = write('pvc.json', claim);
    setMtime(file, '2024-04-01T00:00:00Z');
    const { snapshot } = loadDump([file]);
    expect(snapshot.collectedAt).toBe('2024-04-01T00:00:00.000Z');
    expect(analyze(snapshot).findings.map((f) => f.code)).toContain('pvc-terminating-stuck');
  });

  it('never dates the dump before the newest time inside it, so an old file time cannot make ages negative', () => {
    const file = write('pv.json', releasedPv());
    setMtime(file, '2020-01-01T00:00:00Z'); // a copy that kept an old modification time
    expect(loadDump([file]).snapshot.collectedAt).toBe('2024-03-01T10:00:00.000Z');
  });

  it('takes the newest file of several', () => {
    const a = write('a.json', releasedPv());
    const b = write('b.json', pod('shop', 'p1'));
    setMtime(a, '2025-01-01T00:00:00Z');
    setMtime(b, '2025-02-01T00:00:00Z');
    expect(loadDump([a, b]).snapshot.collectedAt).toBe('2025-02-01T00:00:00.000Z');
  });

  it('dates a dump piped on stdin now: it is being taken right now', () => {
    const before = Date.now();
    const { snapshot } = loadDump(['-'], { stdin: JSON.stringify(releasedPv()) });
    expect(Date.parse(snapshot.collectedAt)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(snapshot.collectedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('dates inputs given as text by the newest time inside them, else now', () => {
    const inline = (o: unknown) => ({ path: 'inline.json', content: JSON.stringify(o) });
    expect(loadDump([inline(releasedPv())]).snapshot.collectedAt).toBe('2024-03-01T10:00:00.000Z');
    const bare = releasedPv() as { metadata: Record<string, unknown>; status: unknown };
    delete bare.metadata.creationTimestamp;
    delete bare.metadata.managedFields;
    bare.status = { phase: 'Available' };
    const before = Date.now();
    expect(Date.parse(loadDump([inline(bare)]).snapshot.collectedAt)).toBeGreaterThanOrEqual(before);
  });

  it('refuses a file too large for one string with a one-line hint instead of an engine error', () => {
    const file = path.join(dir, 'huge.json');
    const fd = fs.openSync(file, 'w');
    fs.ftruncateSync(fd, MAX_DUMP_BYTES + 1); // sparse: no disk space used
    fs.closeSync(fd);
    expect(() => loadDump([file])).toThrow(DumpError);
    expect(() => loadDump([file])).toThrow(/huge\.json: 512 MiB is more than one file can hold here \(512 MiB\); split the dump/);
  });

  it('falls back to the file time when the objects carry no timestamps', () => {
    const pv = persistentVolume('pv-1') as { metadata: Record<string, unknown>; status?: unknown };
    delete pv.metadata.creationTimestamp;
    delete pv.metadata.managedFields;
    pv.status = { phase: 'Available' };
    const file = write('bare.json', pv);
    fs.utimesSync(file, new Date('2024-03-01T10:00:00Z'), new Date('2024-03-01T10:00:00Z'));
    expect(loadDump([file]).snapshot.collectedAt).toBe('2024-03-01T10:00:00.000Z');
  });

  it('keeps only the requested namespaces', () => {
    const { snapshot } = loadDump([write('c.json', list(sampleCluster()))], { namespaces: ['data'] });
    expect(snapshot.pods.map((p) => p.meta.name)).toEqual(['db-0', 'db-1']);
    expect(snapshot.persistentVolumes).toHaveLength(5);
  });

  it('ignores kinds it does not read, naming known kinds of other API versions', () => {
    const oldIngress = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'i', namespace: 'shop' }, spec: {} };
    const { ignored, snapshot } = loadDump([write('x.json', list([configMap('shop', 'a'), configMap('shop', 'b'), oldIngress]))]);
    expect(ignored).toEqual({ ConfigMap: 2, 'Ingress (extensions/v1beta1)': 1 });
    expect(snapshot.ingresses).toEqual([]);
  });

  describe('malformed input', () => {
    it('names the file, line and column of invalid JSON', () => {
      const file = write('bad.json', '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": [,]\n}');
      expect(dumpError(() => loadDump([file])).message).toBe(`${file}: invalid JSON at line 4, column 13`);
    });

    it('never quotes the text around the error: it can be a Secret value', () => {
      // V8 on Node 20: `Unexpected token 'c', ..."password":c3VwZXJzZW"... is not valid JSON`.
      const secretLike = '{\n  "apiVersion": "v1",\n  "kind": "Secret",\n  "metadata": {"name": "db"},\n  "data": {"password":c3VwZXJzZWNyZXQ=}\n}\n';
      const file = write('secret.json', secretLike);
      const message = dumpError(() => loadDump([file])).message;
      expect(message).toBe(`${file}: invalid JSON at line 5, column 23`);
      expect(message).not.toMatch(/c3VwZXJz|password|Unexpected token/);
      // The same on stdin, and for errors V8 gives a position for.
      const other = dumpError(() => loadDump(['-'], { stdin: '{"password": "hunter2" "x": 1}' })).message;
      expect(other).toBe('-: invalid JSON at line 1, column 24');
    });

    it('counts lines from the start of the input, leading blank lines included, and says when the input is cut short', () => {
      const file = write('cut.json', '\n\n{"apiVersion": "v1", "kind": "List", "items": [\n');
      expect(dumpError(() => loadDump([file])).message).toBe(`${file}: invalid JSON at line 4, column 1: the input ends too early (an interrupted kubectl get?)`);
      const shifted = write('shifted.json', '\n\n{"a" 1}');
      expect(dumpError(() => loadDump([shifted])).message).toBe(`${shifted}: invalid JSON at line 3, column 6`);
    });

    it('names the file and the line of invalid YAML', () => {
      const file = write('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
      expect(dumpError(() => loadDump([file])).message).toMatch(new RegExp(`^${file}: invalid YAML at line \\d+: `));
    });

    it('rejects documents that are not Kubernetes objects', () => {
      const file = write('not-k8s.yaml', 'name: hello\nreplicas: 3\n');
      expect(dumpError(() => loadDump([file])).message).toBe(`${file}: not a Kubernetes object (no apiVersion and kind)`);
    });

    it('names the item of a list that lacks metadata.name', () => {
      const broken = persistentVolume('x');
      delete (broken.metadata as { name?: string }).name;
      const file = write('list.json', list([persistentVolume('ok'), broken]));
      expect(dumpError(() => loadDump([file])).message).toBe(`${file} (items[1]): PersistentVolume without metadata.name`);
    });

    it('rejects a list item without kind in a v1 List', () => {
      const file = write('list.json', { apiVersion: 'v1', kind: 'List', items: [{ metadata: { name: 'a' } }] });
      expect(dumpError(() => loadDump([file])).message).toBe(`${file} (items[0]): not a Kubernetes object (no apiVersion and kind)`);
    });

    it('reports missing files and empty input', () => {
      expect(dumpError(() => loadDump([path.join(dir, 'nope.json')])).message).toBe(`${path.join(dir, 'nope.json')}: file not found`);
      expect(dumpError(() => loadDump([write('empty.json', '  \n')])).message).toMatch(/: empty input$/);
      expect(dumpError(() => loadDump([])).message).toBe('no input files given');
    });
  });
});
