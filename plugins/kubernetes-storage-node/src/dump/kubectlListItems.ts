// The fast path for the dump everyone has: `kubectl get ... -o json` output, a List that kubectl writes with 4-space
// indentation (json.MarshalIndent), so every item starts on a line `        {` and ends on the first line after it
// that is exactly `        }` (raw newlines never occur inside JSON strings, and deeper lines are indented more).
// Each item is then parsed and projected on its own and dropped, instead of JSON.parse building the whole dump as
// one object graph first: about half the memory and garbage-collector work, and no single string of the whole file,
// so a file past V8's ~512 MiB string limit still loads. Anything that does not split exactly like that (other
// indentation, CRLF, YAML, a typed list, a byte out of place) returns undefined and takes the general path, which also
// gives the precise error messages; the caller falls back on any failure here, so this never changes a result.

/** `"items": [` as kubectl indents it at the top level, with the first item's opening line after it. */
const ITEMS_KEY = Buffer.from('\n    "items": [\n');
const ITEM_OPEN = Buffer.from('        {');
const ITEM_CLOSE = Buffer.from('\n        }');
const LIST_CLOSE = Buffer.from('    ]');

export interface KubectlListSplit {
  /** The list without its items (`"items": []`), parsed: apiVersion, kind, metadata. */
  list: Record<string, unknown>;
  /** Byte ranges of the items: [start0, end0, start1, end1, ...]. */
  bounds: number[];
}

/** Nesting depth at `end` (outside strings), scanning from the start: only used on the first few kB. */
function depthAt(buf: Buffer, end: number): number {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = buf[i];
    if (c === 0x22 /* " */) {
      for (i++; i < end && buf[i] !== 0x22; i++) if (buf[i] === 0x5c /* \ */) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth;
}

/** Whether the bytes before `p` are ITEM_CLOSE's newline and 8 spaces (a byte loop: Buffer.compare is a native call). */
function closesItem(buf: Buffer, p: number): boolean {
  const span = ITEM_CLOSE.length - 1;
  for (let k = 1; k < span; k++) if (buf[p - k] !== 0x20) return false;
  return buf[p - span] === 0x0a;
}

/**
 * Just past the first `}` at or after `from` that is preceded by exactly ITEM_CLOSE (a newline and 8 spaces); -1 if
 * none. A search for each `}` (memchr) and a look back is ~7x faster than indexOf(ITEM_CLOSE): in indented JSON the
 * spaces and newlines of that needle are everywhere, so a substring search can hardly skip ahead. Every nested
 * object's `}` is looked back from, so the look back is plain byte reads: a Buffer.compare per `}` cost a 50k-object
 * dump ~90 ms of native-call and argument-validation overhead.
 */
function itemEnd(buf: Buffer, from: number): number {
  const span = ITEM_CLOSE.length - 1;
  for (let p = buf.indexOf(0x7d /* } */, from); p >= 0; p = buf.indexOf(0x7d, p + 1)) {
    if (p - span >= from - 1 && closesItem(buf, p)) return p + 1;
  }
  return -1;
}

const at = (buf: Buffer, pos: number, what: Buffer): boolean => buf.compare(what, 0, what.length, pos, pos + what.length) === 0;

/** Where the items of a kubectl-indented List are, or undefined when `buf` is not exactly that. */
export function splitKubectlList(buf: Buffer): KubectlListSplit | undefined {
  if (buf[0] !== 0x7b /* { */ || buf[1] !== 0x0a) return undefined;
  const key = buf.indexOf(ITEMS_KEY);
  // Only the top-level key (depth 1), after at most a few small fields (apiVersion, kind, metadata).
  if (key < 0 || key > 4096 || depthAt(buf, key) !== 1) return undefined;
  const bounds: number[] = [];
  let pos = key + ITEMS_KEY.length;
  for (;;) {
    if (!at(buf, pos, ITEM_OPEN)) return undefined;
    const end = itemEnd(buf, pos + ITEM_OPEN.length);
    if (end < 0) return undefined;
    bounds.push(pos + ITEM_OPEN.length - 1, end);
    if (buf[end] === 0x2c /* , */ && buf[end + 1] === 0x0a) {
      pos = end + 2;
      continue;
    }
    if (buf[end] !== 0x0a) return undefined;
    pos = end + 1;
    break;
  }
  if (!at(buf, pos, LIST_CLOSE)) return undefined;
  let list: unknown;
  try {
    // `{ ... "items": [` + `]` + the rest after the items: the list with no items.
    list = JSON.parse(buf.toString('utf8', 0, key + ITEMS_KEY.length - 1) + buf.toString('utf8', pos + LIST_CLOSE.length - 1));
  } catch {
    return undefined;
  }
  if (typeof list !== 'object' || list === null || Array.isArray(list)) return undefined;
  const items = (list as Record<string, unknown>).items;
  if (!Array.isArray(items) || items.length !== 0) return undefined; // a second "items" key later in the text
  return { list: list as Record<string, unknown>, bounds };
}

/** Whether the start of a file looks like kubectl's List (worth reading even when it is too big for one string). */
export function looksLikeKubectlList(start: Buffer): boolean {
  return start[0] === 0x7b && start[1] === 0x0a && start.indexOf(Buffer.concat([ITEMS_KEY, ITEM_OPEN])) > 0;
}
