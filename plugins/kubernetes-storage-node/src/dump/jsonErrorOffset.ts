// Where a text stops being JSON (RFC 8259), found by one validating pass that builds nothing: for the error line of
// a malformed dump when V8 names no position. Several documents back to back count as an error at the second one,
// as JSON.parse sees them.

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const OBJECT = 0;
const ARRAY = 1;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The end of the string opening at `start` (just past its closing quote), or the error offset negated minus 1. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === 'u') {
        HEX4.lastIndex = i + 2;
        if (!HEX4.test(text)) return -(i + 1) - 1;
        i += 5;
      } else if (next !== undefined && ESCAPES.has(next)) {
        i++;
      } else {
        return -(i + 1) - 1;
      }
    }
  }
  return -text.length - 1;
}

const CLOSERS: Partial<Record<Expect, true>> = { commaOrClose: true, keyOrClose: true, valueOrClose: true };

/** The offset of the first character that breaks JSON (text.length when it ends too early); undefined when valid. */
export function jsonErrorOffset(text: string): number | undefined {
  const stack: number[] = [];
  let expect: Expect = 'value';
  let i = 0;

  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (expect === 'end') return i;
    // '}' or ']' closing the innermost container, where a closer may stand.
    if ((c === 0x7d || c === 0x5d) && CLOSERS[expect] && stack[stack.length - 1] === (c === 0x7d ? OBJECT : ARRAY)) {
      stack.pop();
      i++;
      expect = stack.length > 0 ? 'commaOrClose' : 'end';
      continue;
    }
    if (expect === 'colon' || expect === 'commaOrClose') {
      if (c !== (expect === 'colon' ? 0x3a : 0x2c)) return i;
      i++;
      expect = expect === 'colon' ? 'value' : stack[stack.length - 1] === OBJECT ? 'key' : 'value';
      continue;
    }
    const key: boolean = expect === 'key' || expect === 'keyOrClose';
    if (!key && (c === 0x7b || c === 0x5b)) {
      stack.push(c === 0x7b ? OBJECT : ARRAY);
      i++;
      expect = c === 0x7b ? 'keyOrClose' : 'valueOrClose';
      continue;
    }
    if (key && c !== 0x22) return i;
    const end = c === 0x22 ? scanString(text, i) : scanScalar(text, i);
    if (end < 0) return -end - 1;
    i = end;
    expect = key ? 'colon' : stack.length > 0 ? 'commaOrClose' : 'end';
  }
  return expect === 'end' ? undefined : text.length;
}

/** The end of the literal or number at `start`, or the error offset negated minus 1. */
function scanScalar(text: string, start: number): number {
  if (text.startsWith('true', start) || text.startsWith('null', start)) return start + 4;
  if (text.startsWith('false', start)) return start + 5;
  NUMBER.lastIndex = start;
  return NUMBER.test(text) ? NUMBER.lastIndex : -start - 1;
}
