// Kubernetes resource quantities ("10Gi", "500M", "1.5e9") as plain byte counts, and back to the short form
// kubectl prints. Storage sizes fit a double exactly up to 8 PiB, far beyond any single volume.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

// sign, digits with an optional fraction, then a binary suffix, a decimal suffix or a decimal exponent.
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/**
 * Bytes in a quantity string, rounded up to a whole number as Kubernetes' Quantity.Value() does
 * (so "1500m" is 2). Throws on anything that is not a quantity.
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
  return sign === '-' ? -value : value;
}

/** parseQuantity for data read from a cluster: a malformed or missing value is unknown, not an error. */
export function quantityBytes(quantity: string | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  try {
    return parseQuantity(quantity);
  } catch {
    return undefined;
  }
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
