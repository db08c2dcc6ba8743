// --sort-by=JSONPATH, as kubectl applies it to a list: rows ordered by the first value the path selects in each,
// ascending, stable. Numbers compare as numbers, Kubernetes quantities ("2Gi" < "10Gi") by their value, other
// strings by code point as Go does; rows where the path selects nothing go last, in their order.
import { quantityBytes } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { usageError } from './errors';
import { checkPathSyntax, evaluatePath, stripBraces, TemplateError } from './jsonpathTemplate';

type Key = { kind: 'none' } | { kind: 'number'; n: number } | { kind: 'text'; s: string; quantity?: number } | { kind: 'other'; s: string };

function keyOf(value: unknown): Key {
  if (value === undefined || value === null) return { kind: 'none' };
  if (typeof value === 'number') return { kind: 'number', n: value };
  if (typeof value === 'boolean') return { kind: 'number', n: value ? 1 : 0 };
  if (typeof value === 'string') return { kind: 'text', s: value, quantity: /^[+-]?\d/.test(value) ? quantityBytes(value) : undefined };
  return { kind: 'other', s: JSON.stringify(value) };
}

function compare(a: Key, b: Key): number {
  if (a.kind === 'none' || b.kind === 'none') return (a.kind === 'none' ? 1 : 0) - (b.kind === 'none' ? 1 : 0);
  if (a.kind === 'number' && b.kind === 'number') return a.n - b.n;
  if (a.kind === 'text' && b.kind === 'text' && a.quantity !== undefined && b.quantity !== undefined && a.quantity !== b.quantity) {
    return a.quantity - b.quantity;
  }
  const x = a.kind === 'number' ? String(a.n) : a.s;
  const y = b.kind === 'number' ? String(b.n) : b.s;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Checks the path up front (a usage error before anything is read) and returns the sorter. */
export function rowSorter(path: string): (rows: unknown[]) => void {
  const inner = stripBraces(path);
  if (inner === '') throw usageError('--sort-by needs a JSONPath, e.g. --sort-by=.ageSeconds');
  try {
    checkPathSyntax(inner);
  } catch (err) {
    if (err instanceof TemplateError) throw usageError(`--sort-by=${path}: ${err.message}`);
    throw err;
  }
  return (rows) => {
    const keyed = rows.map((row, i) => ({ row, i, key: keyOf(evaluatePath(inner, row)[0]) }));
    keyed.sort((a, b) => compare(a.key, b.key) || a.i - b.i);
    // In place: the table printed from the same array shows the same order.
    keyed.forEach((k, i) => (rows[i] = k.row));
  };
}
