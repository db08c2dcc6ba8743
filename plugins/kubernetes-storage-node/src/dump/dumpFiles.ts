// The dump files of a directory given to -f, as `kubectl apply -f DIR [-R]` picks them: .json, .yaml and .yml files
// in name order, subdirectories only with -R (symbolic links to directories are not followed, as filepath.Walk
// does not). A directory with no such files is an error naming why, never an empty report: a report over nothing
// would say "No findings." about a cluster it never saw.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DumpError } from '../errors';

const DUMP_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);

const isDump = (name: string): boolean => DUMP_EXTENSIONS.has(path.extname(name).toLowerCase());

function isFile(dir: string, entry: fs.Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(path.join(dir, entry.name)).isFile();
  } catch {
    return false;
  }
}

/** Dump files directly in dir, and the subdirectories to walk. */
function scan(dir: string): { files: string[]; subdirs: string[] } {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    files: entries.filter((e) => isDump(e.name) && isFile(dir, e)).map((e) => path.join(dir, e.name)),
    subdirs: entries.filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)),
  };
}

function walk(dir: string): string[] {
  const { files, subdirs } = scan(dir);
  return [...files, ...subdirs.flatMap(walk)];
}

export function dumpFilesIn(dir: string, recursive: boolean): string[] {
  if (recursive) {
    const all = walk(dir);
    if (all.length === 0) throw new DumpError(`${dir}: no .json, .yaml or .yml files in the directory or its subdirectories`);
    return all;
  }
  const { files, subdirs } = scan(dir);
  if (files.length > 0) return files;
  const nested = subdirs.reduce((n, sub) => n + walk(sub).length, 0);
  const where = nested > 0 ? `; ${nested} in subdirectories: pass them with -f or add -R (--recursive)` : '';
  throw new DumpError(`${dir}: no .json, .yaml or .yml files directly in the directory${where}`);
}
