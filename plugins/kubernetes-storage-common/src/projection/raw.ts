// Typed reads of untrusted JSON. Raw API objects come from dumps users hand us, so a field of the wrong type is
// treated as absent rather than trusted; only what every object must have (metadata.name) is an error.

export type RawRecord = Record<string, unknown>;

export function asRecord(v: unknown): RawRecord | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RawRecord) : undefined;
}

/** The record at a path of nested fields, or undefined if any step is missing or not an object. */
export function recordAt(v: unknown, ...path: string[]): RawRecord | undefined {
  let cur = asRecord(v);
  for (const p of path) cur = asRecord(cur?.[p]);
  return cur;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A string that is also non-empty: for fields where "" and unset mean the same. */
export function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/** An enum field: the value when it is one of `allowed`, else the API server's default. */
export function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/**
 * An enum field kept as written: any non-empty string (known or not, so an unknown value is never rewritten into a
 * known one), else the API server's default for an unset field.
 */
export function asWritten<T extends string>(v: unknown, unsetDefault: T): T | (string & {}) {
  return typeof v === 'string' && v !== '' ? v : unsetDefault;
}

export function records(v: unknown): RawRecord[] {
  return Array.isArray(v) ? v.map(asRecord).filter((r): r is RawRecord => r !== undefined) : [];
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** A map of string values (labels, selectors); undefined when absent or empty. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  const r = asRecord(v);
  if (!r) return undefined;
  const out: Record<string, string> = {};
  let any = false;
  for (const [k, val] of Object.entries(r)) {
    if (typeof val === 'string') {
      out[k] = val;
      any = true;
    }
  }
  return any ? out : undefined;
}

/** A resource quantity: the API serialises them as strings, hand-written YAML sometimes as numbers. */
export function quantity(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** The condition of this type, or undefined when the object has none. */
export function findCondition(conditions: unknown, type: string): RawRecord | undefined {
  return records(conditions).find((c) => c.type === type);
}

/**
 * Copies only the defined values, so projections never carry `key: undefined` (JSON and deep-equal stay clean).
 * A fresh object rather than `delete`: deleting properties drops V8 objects into slow dictionary mode, and the
 * analyzers read these objects many times.
 */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
