// Offline input: files (or stdin) of `kubectl get -o json|yaml` output -> the Snapshot a live run over the same
// objects gives. Kinds absent from every input are marked 'not-in-input' so nothing is concluded from absence.
import * as fs from 'node:fs';
import {
  ANALYSED_KINDS,
  ProjectionError,
  RESOURCES,
  SnapshotBuilder,
  kindOf,
  projectAs,
  type Projected,
  type Snapshot,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import { DumpError, firstLine } from '../errors';
import { dumpFilesIn } from './dumpFiles';
import { MAX_DUMP_BYTES, tooBigMessage } from './dumpLimits';

export { MAX_DUMP_BYTES } from './dumpLimits';
import { newestObjectTime } from './dumpTime';
import { parseDump } from './parseDump';

export type DumpInput = string | { path: string; content?: string };

export interface LoadDumpOptions {
  /** Text of standard input, for inputs named "-". */
  stdin?: string;
  /**
   * When the dump was taken. Default: the later of the newest timestamp written into the objects (a lower bound,
   * see dumpTime.ts) and the newest input file's modification time; "now" when an input is stdin (the dump is
   * being piped right now) or when nothing tells a time.
   */
  collectedAt?: string;
  /** Keep only these namespaces (cluster-scoped objects are always kept). */
  namespaces?: string[];
  /** A directory's subdirectories are read too (kubectl -R/--recursive); default only its own files. */
  recursive?: boolean;
}

export interface LoadedDump {
  snapshot: Snapshot;
  /** Objects of kinds the product does not read, by kind ("ConfigMap", "Ingress (extensions/v1beta1)"). */
  ignored: Record<string, number>;
}


interface InputText {
  name: string;
  text: string;
  /** When the input was written, as far as the input itself says: a file's mtime; for stdin, now. */
  writtenMs?: number;
}

function readInput(input: DumpInput, stdin: string | undefined, recursive: boolean): InputText[] {
  const { path: file, content } = typeof input === 'string' ? { path: input, content: undefined } : input;
  if (content !== undefined) return [{ name: file, text: content }];
  if (file === '-') {
    if (stdin === undefined) throw new DumpError('-: no input on stdin');
    return [{ name: '-', text: stdin, writtenMs: Date.now() }];
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DumpError(code === 'ENOENT' ? `${file}: file not found` : `${file}: ${firstLine(err)}`);
  }
  // A directory reads like `kubectl apply -f DIR [-R]`: its JSON and YAML files, in name order.
  if (stat.isDirectory()) return dumpFilesIn(file, recursive).flatMap((f) => readInput(f, stdin, false));
  // V8 caps a string at 2^29-24 characters (~512 MiB); past that readFileSync fails with an engine message.
  if (stat.size > MAX_DUMP_BYTES) throw new DumpError(tooBigMessage(file, stat.size));
  try {
    return [{ name: file, text: fs.readFileSync(file, 'utf8'), writtenMs: stat.mtimeMs }];
  } catch (err) {
    throw new DumpError(`${file}: ${firstLine(err)}`);
  }
}

/**
 * The newest time inside the objects is only a lower bound: `kubectl get -o json` drops managedFields since 1.21
 * and a dump without nodes has no heartbeats, so a claim stuck Terminating for weeks, dumped alone, would date the
 * dump to its own deletionTimestamp and never look stuck. A file is written when the dump is taken (a later copy
 * only makes ages longer), so the later of the two is used; the object time still keeps an older file time (a
 * copy that kept an old mtime) from making ages negative.
 */
function dumpTime(newestInObjects: number, texts: InputText[]): string {
  const newest = texts.reduce((max, t) => Math.max(max, t.writtenMs ?? -Infinity), newestInObjects);
  return (Number.isFinite(newest) ? new Date(newest) : new Date()).toISOString();
}

const KIND_NAMES = new Map(Object.values(RESOURCES).map((r) => [r.plural, r.kind] as const));

export function loadDump(inputs: DumpInput[], options: LoadDumpOptions = {}): LoadedDump {
  if (inputs.length === 0) throw new DumpError('no input files given');
  const builder = new SnapshotBuilder();
  const ignored: Record<string, number> = {};
  const texts = inputs.flatMap((input) => readInput(input, options.stdin, options.recursive === true));
  let newestInObjects = -Infinity;

  for (const { name, text } of texts) {
    const parsed = parseDump(text, name);
    for (const list of parsed.listKinds) {
      const kind = kindOf(list.apiVersion, list.kind);
      if (kind) builder.observe(kind);
    }
    newestInObjects = Math.max(newestInObjects, newestObjectTime(parsed.items.map((i) => i.raw)) ?? -Infinity);
    for (const { raw, where } of parsed.items) {
      const kind = kindOf(raw.apiVersion, raw.kind);
      if (!kind) {
        const known = [...KIND_NAMES.values()].includes(String(raw.kind));
        const label = known ? `${String(raw.kind)} (${String(raw.apiVersion)})` : String(raw.kind);
        ignored[label] = (ignored[label] ?? 0) + 1;
        continue;
      }
      try {
        builder.add(projectAs(kind, raw) as Projected);
      } catch (err) {
        if (err instanceof ProjectionError) throw new DumpError(`${where ? `${name} (${where})` : name}: ${err.message}`);
        throw err;
      }
    }
  }

  const collectedAt = options.collectedAt ?? dumpTime(newestInObjects, texts);
  const snapshot = builder.build({ type: 'file', files: texts.map((t) => t.name) }, { collectedAt, namespaces: options.namespaces });
  for (const kind of ANALYSED_KINDS) {
    if (!snapshot.observedKinds.includes(kind)) {
      snapshot.incomplete.push({ kind, reason: 'not-in-input', message: `no ${KIND_NAMES.get(kind)} objects in the input` });
    }
  }
  return { snapshot, ignored };
}
