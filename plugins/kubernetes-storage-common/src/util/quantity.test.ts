import { formatBytes, MAX_QUANTITY_BYTES, parseQuantity, quantityBytes, quantityProblem, readQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['1Ki', 1024],
    ['512Mi', 512 * 2 ** 20],
    ['2Ti', 2 * 2 ** 40],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1k', 1000],
    ['1.1k', 1100],
    ['500M', 500e6],
    ['3G', 3e9],
    ['1500m', 2], // milli rounds up to a whole byte, like Quantity.Value()
    ['100m', 1],
    ['1e9', 1e9],
    ['1E3', 1000],
    ['2.5e-3', 1],
    ['1E', 1e18], // the suffix E (exa), not an exponent
    ['42', 42],
    ['.5Ki', 512],
    [' 7Gi ', 7 * 2 ** 30],
  ])('%s is %d bytes', (q, bytes) => {
    expect(parseQuantity(q)).toBe(bytes);
  });

  it.each(['', 'Gi', '10GB', '10 Gi', '1.2.3', 'ten', '1e', '--1'])('rejects %j with a one-line message', (q) => {
    expect(() => parseQuantity(q)).toThrow(/^Invalid quantity ".*": expected a number/);
  });

  it('quantityBytes treats malformed and missing values as unknown', () => {
    expect(quantityBytes('bogus')).toBeUndefined();
    expect(quantityBytes(undefined)).toBeUndefined();
    expect(quantityBytes('1Mi')).toBe(1048576);
  });

  it('throws on a quantity too large to be a finite number instead of returning Infinity', () => {
    expect(() => parseQuantity('1e400')).toThrow(/^Invalid quantity "1e400": too large/);
    expect(() => parseQuantity('9'.repeat(400))).toThrow(/too large/);
  });
});

describe('readQuantity, quantityBytes and quantityProblem', () => {
  it('gives bytes only for usable sizes: never Infinity, NaN or negative bytes', () => {
    for (const q of ['1e99', '1e400', '-5Gi', '-1', 'ten', '16Ei']) {
      const bytes = quantityBytes(q);
      expect(bytes).toBeUndefined();
    }
    expect(quantityBytes('0')).toBe(0);
    expect(quantityBytes('8Ei')).toBe(MAX_QUANTITY_BYTES); // the int64 ceiling itself is still a size
  });

  it('names the problem of an unusable size, and none for a fine or missing one', () => {
    expect(readQuantity('1e99')).toEqual({ problem: 'too large' });
    expect(readQuantity('1e400')).toEqual({ problem: 'too large' });
    expect(readQuantity('-5Gi')).toEqual({ problem: 'negative' });
    expect(readQuantity('ten')).toEqual({ problem: 'unparsable' });
    expect(readQuantity('10Gi')).toEqual({ bytes: 10 * 2 ** 30 });
    expect(readQuantity(undefined)).toEqual({});
    expect(quantityProblem('10Gi')).toBeUndefined();
    expect(quantityProblem('-1')).toBe('negative');
  });
});

describe('formatBytes', () => {
  it.each([
    [10 * 2 ** 30, '10Gi'],
    [1536 * 2 ** 20, '1536Mi'], // exact multiples print as kubectl does
    [2 ** 40, '1Ti'],
    [1024, '1Ki'],
    [3.25 * 2 ** 30 + 1, '3.3Gi'],
    [1_000_000_000, '953.7Mi'],
    [512, '512'],
    [0, '0'],
  ])('%d -> %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('round-trips exact sizes through parseQuantity', () => {
    for (const q of ['10Gi', '1536Mi', '3Ti', '100Ki']) expect(formatBytes(parseQuantity(q))).toBe(q);
  });
});
