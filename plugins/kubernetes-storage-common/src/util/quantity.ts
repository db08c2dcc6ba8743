// Kubernetes resource quantities ("10Gi", "500M", "1.5e9") as plain byte counts, and back to the short form
// kubectl prints. Storage sizes fit a double exactly up to 8 PiB, far beyond any single volume.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

// sign, digits with an optional fraction, then a binary suffix, a decimal suffix or a decimal exponent.
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * The largest byte count a storage quantity can mean: Quantity.Value() is an int64, so anything above it (1e99, 9Ei
 * and up) is no real size. Kept as a double, so it is exact.
 */
export const MAX_QUANTITY_BYTES = 2 ** 63;

/**
 * Bytes in a quantity string, rounded up to a whole number as Kubernetes' Quantity.Value() does
 * (so "1500m" is 2). Negative quantities are valid syntax and come back negative. Throws on anything that is not
 * a quantity, and on a number too large to be finite ("1e400").
 */
export function parseQuantity(quantity: string): number {
  const m = QUANTITY.exec(quantity.trim());
  const [, sign = '', whole = '', fraction = '', suffix = ''] = m ?? [];
  if (!m || whole + fraction === '') {
    throw new Error(`Invalid quantity "${quantity}": expected a number with an optional suffix such as 10Gi, 500M or 1e9`);
  }
  // Integer mantissa and a power of ten, so "1.1k" is 11 * 10^2 exactly rather than 1100.0000000000002.
  const mantissa = Number(whole + fraction);
  let exponent = -fraction.length;
  let binary = 1;
  if (suffix in BINARY) binary = BINARY[suffix];
  else if (suffix in DECIMAL_EXPONENT) exponent += DECIMAL_EXPONENT[suffix];
  else exponent += Number(suffix.slice(1));
  const value = exponent >= 0 ? mantissa * binary * 10 ** exponent : Math.ceil((mantissa * binary) / 10 ** -exponent);
  if (!Number.isFinite(value)) throw new Error(`Invalid quantity "${quantity}": too large to be a number`);
  return sign === '-' ? -value : value;
}

/** Why a quantity read from a cluster or a dump is no usable size. */
export type QuantityProblem = 'unparsable' | 'negative' | 'too large';

/**
 * A storage size as read: its bytes when it is a usable size (0 to MAX_QUANTITY_BYTES), else the problem. Missing
 * gives neither. The API server rejects negative and malformed sizes, so these come from dumps or broken writers.
 */
export function readQuantity(quantity: string | undefined): { bytes?: number; problem?: QuantityProblem } {
  if (quantity === undefined) return {};
  let bytes: number;
  try {
    bytes = parseQuantity(quantity);
  } catch (err) {
    return { problem: /too large/.test((err as Error).message) ? 'too large' : 'unparsable' };
  }
  if (bytes < 0) return { problem: 'negative' };
  if (bytes > MAX_QUANTITY_BYTES) return { problem: 'too large' };
  return { bytes };
}

/**
 * parseQuantity for data read from a cluster: a missing, malformed, negative or impossibly large value is unknown
 * (undefined), never Infinity, NaN or a negative byte count that sums and compares as if it were real.
 */
export function quantityBytes(quantity: string | undefined): number | undefined {
  return readQuantity(quantity).bytes;
}

/** The problem of a size, for views and messages; undefined when it is fine or missing. */
export function quantityProblem(quantity: string | undefined): QuantityProblem | undefined {
  return readQuantity(quantity).problem;
}

const UNITS: [string, number][] = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/**
 * Bytes in the binary units kubectl shows for storage: exact multiples as kubectl prints them ("10Gi",
 * "1536Mi"); other sizes in the largest unit that fits, with one decimal ("3.2Gi"); below 1Ki the plain number.
 */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  for (const [unit, size] of UNITS) {
    if (abs >= size && abs % size === 0) return `${bytes / size}${unit}`;
  }
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const rounded = Math.round((bytes / size) * 10) / 10;
      return `${rounded}${unit}`;
    }
  }
  return `${Math.round(bytes)}`;
}
