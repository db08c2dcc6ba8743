// Text of a dump (what `kubectl get ... -o json|yaml` prints) -> raw API objects with where each came from.
// Accepts a v1 List, typed lists (PodList...), single objects, several JSON documents back to back (shell
// appends), a JSON array, and multi-document YAML.
import { loadAll, YAMLException } from 'js-yaml';
import { jsonErrorOffset } from './jsonErrorOffset';
import { DumpError } from '../errors';

export interface RawItem {
  raw: Record<string, unknown>;
  /** Where in the file: "" for a lone object, "items[3]", "document 2", "document 2 items[3]". */
  where: string;
}

export interface ParsedDump {
  items: RawItem[];
  /** apiVersion/kind of typed lists seen (a typed list names its kind even when it has no items). */
  listKinds: { apiVersion: string; kind: string }[];
}

/** 1-based line and column of a position (UTF-16 units, as JSON.parse counts; a column counts characters). */
function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** Splits `{...}{...}` / `{...}\n{...}` into documents; undefined when the text is not such a sequence. */
function splitJsonSequence(text: string): string[] | undefined {
  const docs: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) docs.push(text.slice(start, i + 1));
      if (depth < 0) return undefined;
    } else if (depth === 0 && !/\s/.test(c)) return undefined;
  }
  return depth === 0 && docs.length > 1 ? docs : undefined;
}

/**
 * Where JSON.parse failed. Its message is never shown: on Node 20, V8's "Unexpected token" errors quote the text
 * around the error, which in a dump can be a Secret's data or a password in an env var. Some messages end with
 * "at position N"; for the others a validating scan finds the spot (one pass, no objects built: a 300 MB dump is
 * not parsed a second time).
 */
function jsonFailure(err: unknown, text: string): number {
  const pos = /at position (\d+)/.exec(err instanceof Error ? err.message : '');
  return pos ? Number(pos[1]) : (jsonErrorOffset(text) ?? text.length);
}

function parseJson(text: string, file: string, offset: number, original: string): unknown[] {
  try {
    return [JSON.parse(text)];
  } catch (err) {
    const docs = splitJsonSequence(text);
    if (docs) {
      try {
        return docs.map((d) => JSON.parse(d) as unknown);
      } catch {
        // fall through to the first error, which points at the real problem
      }
    }
    const position = jsonFailure(err, text);
    const { line, column } = lineColumn(original, offset + position);
    const cut = position >= text.trimEnd().length ? ': the input ends too early (an interrupted kubectl get?)' : '';
    throw new DumpError(`${file}: invalid JSON at line ${line}, column ${column}${cut}`);
  }
}

function parseYaml(text: string, file: string): unknown[] {
  try {
    return loadAll(text);
  } catch (err) {
    if (err instanceof YAMLException) {
      const line = err.mark ? ` at line ${err.mark.line + 1}` : '';
      throw new DumpError(`${file}: invalid YAML${line}: ${err.reason}`);
    }
    throw err;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function where(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

function collect(doc: unknown, at: string, file: string, out: ParsedDump): void {
  if (doc === null || doc === undefined) return; // empty YAML documents (a trailing ---)
  if (Array.isArray(doc)) {
    doc.forEach((d, i) => collect(d, where(at, `[${i}]`), file, out));
    return;
  }
  const label = at ? `${file} (${at})` : file;
  if (!isRecord(doc) || typeof doc.kind !== 'string' || typeof doc.apiVersion !== 'string') {
    throw new DumpError(`${label}: not a Kubernetes object (no apiVersion and kind)`);
  }
  const isList = Array.isArray(doc.items) && doc.kind.endsWith('List');
  if (!isList) {
    out.items.push({ raw: doc, where: at });
    return;
  }
  const typed = typedListKind({ apiVersion: doc.apiVersion, kind: doc.kind });
  if (typed) out.listKinds.push(typed);
  (doc.items as unknown[]).forEach((item, i) => collectListItem(typed, item, where(at, `items[${i}]`), file, out));
}

/** A typed list's item kind (PodList -> v1 Pod); undefined for a v1 List, whose items name their own kind. */
export function typedListKind(list: { apiVersion: string; kind: string }): { apiVersion: string; kind: string } | undefined {
  return list.kind !== 'List' ? { apiVersion: list.apiVersion, kind: list.kind.slice(0, -'List'.length) } : undefined;
}

/** One item of a list, at `itemAt` ("items[3]"). Shared with the kubectl-List fast path (kubectlListItems.ts). */
export function collectListItem(typed: { apiVersion: string; kind: string } | undefined, item: unknown, itemAt: string, file: string, out: ParsedDump): void {
  // Items of typed lists (PodList...) come from the API server without kind/apiVersion; a v1 List's items have them.
  if (typed && isRecord(item) && item.kind === undefined && item.apiVersion === undefined) {
    out.items.push({ raw: { apiVersion: typed.apiVersion, kind: typed.kind, ...item }, where: itemAt });
  } else {
    collect(item, itemAt, file, out);
  }
}

/** Parses one input's text. `file` names it in errors ("-" for stdin). */
export function parseDump(text: string, file: string): ParsedDump {
  const trimmed = text.trimStart();
  if (trimmed === '') throw new DumpError(`${file}: empty input`);
  const json = trimmed.startsWith('{') || trimmed.startsWith('[');
  const docs = json ? parseJson(trimmed, file, text.length - trimmed.length, text) : parseYaml(text, file);
  const out: ParsedDump = { items: [], listKinds: [] };
  const multi = docs.length > 1;
  docs.forEach((doc, i) => collect(doc, multi ? `document ${i + 1}` : '', file, out));
  if (docs.every((d) => d === null || d === undefined)) throw new DumpError(`${file}: no Kubernetes objects in the input`);
  return out;
}
