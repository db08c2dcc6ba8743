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
import { MAX_DUMP_BYTES, MAX_READ_BYTES, tooBigMessage } from './dumpLimits';

export { MAX_DUMP_BYTES } from './dumpLimits';
import { newestObjectTime } from './dumpTime';
import { looksLikeKubectlList, splitKubectlList } from './kubectlListItems';
import { collectListItem, parseDump, typedListKind, type ParsedDump, type RawItem } from './parseDump';

export type DumpInput = string | { path: string; content?: string };

export interface LoadDumpOptions {
  /** Standard input, for inputs named "-": as bytes (readDumpBytes), a kubectl List on it is read item by item like a file. */
  stdin?: string | Buffer;
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
  /** The input as text, or (files) as bytes: a kubectl List is then parsed item by item (kubectlListItems.ts). */
  text?: string;
  bytes?: Buffer;
  /** When the input was written, as far as the input itself says: a file's mtime; for stdin, now. */
  writtenMs?: number;
}

function readInput(input: DumpInput, stdin: string | Buffer | undefined, recursive: boolean): InputText[] {
  const { path: file, content } = typeof input === 'string' ? { path: input, content: undefined } : input;
  if (content !== undefined) return [{ name: file, text: content }];
  if (file === '-') {
    if (stdin === undefined) throw new DumpError('-: no input on stdin');
    return [typeof stdin === 'string' ? { name: '-', text: stdin, writtenMs: Date.now() } : { name: '-', bytes: stdin, writtenMs: Date.now() }];
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
  // V8 caps a string at 2^29-24 characters (~512 MiB): only a kubectl List, read item by item, may be larger (up to
  // what one read returns).
  if (stat.size > MAX_DUMP_BYTES && (stat.size > MAX_READ_BYTES || !looksLikeKubectlList(fileStart(file)))) {
    throw new DumpError(tooBigMessage(file, stat.size, stat.size > MAX_READ_BYTES ? MAX_READ_BYTES : MAX_DUMP_BYTES));
  }
  try {
    // Bytes, not readFileSync(file, 'utf8'): decoding them later is faster, and the fast path needs no whole string.
    return [{ name: file, bytes: fs.readFileSync(file), writtenMs: stat.mtimeMs }];
  } catch (err) {
    throw new DumpError(`${file}: ${firstLine(err)}`);
  }
}

function fileStart(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(4096);
    return start.subarray(0, fs.readSync(fd, start, 0, start.length, 0));
  } finally {
    fs.closeSync(fd);
  }
}

function textOf(input: InputText): string {
  if (input.text !== undefined) return input.text;
  const bytes = input.bytes!;
  if (bytes.length > MAX_DUMP_BYTES) throw new DumpError(tooBigMessage(input.name, bytes.length));
  return bytes.toString('utf8');
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

const KNOWN_KINDS = new Set(KIND_NAMES.values());

/** What one input contributes: its projected objects, typed-list kinds, ignored kinds and newest object time. */
interface InputObjects {
  listKinds: { apiVersion: string; kind: string }[];
  projected: Projected[];
  ignored: Record<string, number>;
  newest: number;
}

/** Projects one raw item into `acc`; throws ProjectionError for an object of a read kind that cannot be projected. */
function addItem(raw: Record<string, unknown>, acc: InputObjects): void {
  acc.newest = Math.max(acc.newest, newestObjectTime([raw]) ?? -Infinity);
  const kind = kindOf(raw.apiVersion, raw.kind);
  if (!kind) {
    const label = KNOWN_KINDS.has(String(raw.kind)) ? `${String(raw.kind)} (${String(raw.apiVersion)})` : String(raw.kind);
    acc.ignored[label] = (acc.ignored[label] ?? 0) + 1;
    return;
  }
  acc.projected.push(projectAs(kind, raw) as Projected);
}

const emptyObjects = (listKinds: InputObjects['listKinds'] = []): InputObjects => ({ listKinds, projected: [], ignored: {}, newest: -Infinity });

/** The general path: the whole input parsed at once (any JSON or YAML shape), then projected. */
function objectsOfText(name: string, text: string): InputObjects {
  const parsed = parseDump(text, name);
  const acc = emptyObjects(parsed.listKinds);
  for (const { raw, where } of parsed.items) {
    try {
      addItem(raw, acc);
    } catch (err) {
      if (err instanceof ProjectionError) throw new DumpError(`${where ? `${name} (${where})` : name}: ${err.message}`);
      throw err;
    }
  }
  return acc;
}

/**
 * The fast path for kubectl's own List output: each item parsed, projected and dropped in turn. Undefined on anything
 * unexpected (a malformed item, an object that does not project): the general path then reads the input again and
 * reports exactly what it always did.
 */
function objectsOfKubectlList(name: string, bytes: Buffer): InputObjects | undefined {
  const split = splitKubectlList(bytes);
  if (!split || typeof split.list.kind !== 'string' || typeof split.list.apiVersion !== 'string' || !split.list.kind.endsWith('List')) return undefined;
  const typed = typedListKind({ apiVersion: split.list.apiVersion, kind: split.list.kind });
  const acc = emptyObjects(typed ? [typed] : []);
  const out: ParsedDump = { items: [], listKinds: [] };
  const { bounds } = split;
  try {
    for (let b = 0, i = 0; b < bounds.length; b += 2, i++) {
      collectListItem(typed, JSON.parse(bytes.toString('utf8', bounds[b], bounds[b + 1])), `items[${i}]`, name, out);
      for (const item of out.items as RawItem[]) addItem(item.raw, acc);
      acc.listKinds.push(...out.listKinds);
      out.items.length = 0;
      out.listKinds.length = 0;
    }
  } catch {
    return undefined;
  }
  return acc;
}

export function loadDump(inputs: DumpInput[], options: LoadDumpOptions = {}): LoadedDump {
  if (inputs.length === 0) throw new DumpError('no input files given');
  const builder = new SnapshotBuilder();
  const ignored: Record<string, number> = {};
  const texts = inputs.flatMap((input) => readInput(input, options.stdin, options.recursive === true));
  let newestInObjects = -Infinity;

  for (const input of texts) {
    const objects = (input.bytes && objectsOfKubectlList(input.name, input.bytes)) || objectsOfText(input.name, textOf(input));
    // The bytes are not needed past this point: let a large dump's buffer go before the next input is read.
    input.bytes = undefined;
    input.text = undefined;
    for (const list of objects.listKinds) {
      const kind = kindOf(list.apiVersion, list.kind);
      if (kind) builder.observe(kind);
    }
    newestInObjects = Math.max(newestInObjects, objects.newest);
    for (const [label, n] of Object.entries(objects.ignored)) ignored[label] = (ignored[label] ?? 0) + n;
    for (const p of objects.projected) builder.add(p);
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
