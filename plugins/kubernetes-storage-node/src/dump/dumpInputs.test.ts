// Directories given to -f (kubectl's -R rule) and dumps piped on stdin: never an empty report over nothing, and the
// same size hint for stdin as for a file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { list, persistentVolume } from '@kubectl-storage/test-fixtures';
import { DumpError } from '../errors';
import { loadDump } from './loadDump';
import { readDumpStream } from './readDumpStream';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dump-inputs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, content: unknown): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const errorOf = (fn: () => unknown): Error => {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('did not throw');
};

describe('a directory given to -f', () => {
  it('is a usage error when empty, naming the directory', () => {
    const err = errorOf(() => loadDump([dir]));
    expect(err).toBeInstanceOf(DumpError);
    expect(err.message).toBe(`${dir}: no .json, .yaml or .yml files directly in the directory`);
  });

  it('with dumps only in subdirectories: says how many, and that -R reads them', () => {
    write('a/pv.json', list([persistentVolume('a')]));
    write('a/b/pv.yaml', 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: b}\n');
    write('notes.txt', 'not a dump');
    expect(errorOf(() => loadDump([dir])).message).toBe(`${dir}: no .json, .yaml or .yml files directly in the directory; 2 in subdirectories: pass them with -f or add -R (--recursive)`);
  });

  it('with recursive, reads the subdirectories too, in path order', () => {
    write('a/pv.json', list([persistentVolume('a')]));
    write('a/b/pv.yaml', 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: b}\n');
    write('top.json', list([persistentVolume('top')]));
    const { snapshot } = loadDump([dir], { recursive: true });
    expect(snapshot.persistentVolumes.map((v) => v.meta.name).sort()).toEqual(['a', 'b', 'top']);
    expect(snapshot.source).toEqual({ type: 'file', files: [path.join(dir, 'top.json'), path.join(dir, 'a/pv.json'), path.join(dir, 'a/b/pv.yaml')] });
  });

  it('with recursive and still nothing, says so', () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(errorOf(() => loadDump([dir], { recursive: true })).message).toBe(`${dir}: no .json, .yaml or .yml files in the directory or its subdirectories`);
  });

  it('without recursive, reads only its own files even when subdirectories hold more', () => {
    write('top.json', list([persistentVolume('top')]));
    write('a/pv.json', list([persistentVolume('a')]));
    expect(loadDump([dir]).snapshot.persistentVolumes.map((v) => v.meta.name)).toEqual(['top']);
  });
});

describe('readDumpStream (stdin)', () => {
  it('joins the chunks as UTF-8, a character split across chunks included', async () => {
    const bytes = Buffer.from('{"name":"café"}');
    const stream = Readable.from([bytes.subarray(0, 13), bytes.subarray(13)]);
    expect(await readDumpStream(stream)).toBe('{"name":"café"}');
  });

  it('past the limit: the file hint, and it stops reading', async () => {
    let pulled = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield Buffer.alloc(1024 * 1024, 0x20);
      }
    }
    const err = await readDumpStream(chunks(), { maxBytes: 3 * 1024 * 1024 }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DumpError);
    expect((err as Error).message).toBe('-: more than 4 MiB is more than one input can hold here (3 MiB); split the dump, e.g. one file per kind, and pass each with -f');
    expect(pulled).toBe(4);
  });
});
