// Structural equality of projected objects (plain JSON data: objects, arrays, strings, numbers, booleans).
// A watch sends MODIFIED for every write, most of them to fields no projection keeps (status heartbeats,
// managedFields, resourceVersion): comparing the projections lets the store skip those without a new version.

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  // Same keys in the same order too: the snapshot's JSON must not change either.
  let i = 0;
  for (const k of Object.keys(rb)) if (keys[i++] !== k) return false;
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}
