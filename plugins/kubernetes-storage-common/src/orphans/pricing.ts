// What orphaned storage costs: a price per GiB-month per StorageClass, as the platform team writes it down
// (`standard: 0.10`). Never a made-up price: an object whose class has no price, or whose size is unknown, has no
// cost, and the totals say how many such objects they leave out.

/** Price per GiB-month by StorageClass name. */
export interface Pricing {
  classes: Readonly<Record<string, number>>;
  /** ISO 4217 code or a symbol, only for display (default "USD"). */
  currency?: string;
}

export class PricingError extends Error {
  override readonly name = 'PricingError';
}

const GIB = 2 ** 30;

/**
 * Checks a parsed pricing document (a map of class name to a non-negative number, plus an optional `currency`
 * string): one PricingError naming the first bad entry.
 */
export function parsePricing(doc: unknown): Pricing {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new PricingError('pricing must be a map of StorageClass name to price per GiB-month, e.g. "standard: 0.10"');
  }
  const classes: Record<string, number> = {};
  let currency: string | undefined;
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === 'currency') {
      if (typeof value !== 'string' || !value.trim()) throw new PricingError('pricing: currency must be a non-empty string');
      currency = value.trim();
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new PricingError(`pricing: the price of class "${key}" must be a number >= 0 (per GiB-month), got ${JSON.stringify(value)}`);
    }
    classes[key] = value;
  }
  return { classes, ...(currency ? { currency } : {}) };
}

/** Monthly cost of `bytes` in `storageClass`, unrounded; undefined when there is no price or no size. */
export function monthlyCost(pricing: Pricing | undefined, storageClass: string | undefined, bytes: number | undefined): number | undefined {
  if (!pricing || storageClass === undefined || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  if (!Object.prototype.hasOwnProperty.call(pricing.classes, storageClass)) return undefined;
  return (bytes / GIB) * pricing.classes[storageClass];
}

/**
 * Money for display: rounded half away from zero to cents, computed on the unrounded sum (so a total is never the
 * sum of rounded parts), with the currency after the amount: "12.35 USD".
 */
export function formatCost(amount: number, currency = 'USD'): string {
  return `${roundCost(amount).toFixed(2)} ${currency}`;
}

/**
 * Rounded to cents as a number (for JSON), half away from zero on the decimal the number prints as: 1.005 is
 * 1.01 (its binary value is 1.00499999..., which a plain Math.round(x * 100) would take down).
 */
export function roundCost(amount: number): number {
  const abs = Math.abs(amount);
  // Shift the decimal point in the number's own shortest decimal form; tiny or huge values print with an
  // exponent, where the shift cannot be spliced in and plain arithmetic is exact enough.
  const shifted = Number(`${abs}e2`);
  const cents = Number.isNaN(shifted) ? Math.round(abs * 100) : Math.round(shifted);
  return (Math.sign(amount) || 1) * (cents / 100) + 0; // + 0 turns -0 into 0
}
