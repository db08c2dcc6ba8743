import { parseRequestTimeout } from './requestTimeout';

describe('parseRequestTimeout (kubectl syntax)', () => {
  it.each([
    ['0', 0],
    ['30', 30_000],
    ['30s', 30_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
    ['500ms', 500],
    ['1.5s', 1_500],
  ])('%s -> %i ms', (input, ms) => {
    expect(parseRequestTimeout(input)).toBe(ms);
  });

  it('waits no longer than a Node timer can (2^31-1 ms): a longer timeout would fire at once', () => {
    expect(parseRequestTimeout('1000h')).toBe(2 ** 31 - 1);
    expect(parseRequestTimeout('3000000')).toBe(2 ** 31 - 1);
    expect(parseRequestTimeout('596h')).toBe(596 * 3_600_000);
  });

  it('never rounds a tiny timeout down to 0, which would mean no timeout at all', () => {
    expect(parseRequestTimeout('1ns')).toBe(1);
    expect(parseRequestTimeout('0s')).toBe(0);
  });

  it.each(['', 'soon', '-5s', '5 s', '1d', '10x', 's'])('rejects %p with a message naming the flag', (input) => {
    expect(() => parseRequestTimeout(input)).toThrow(/--request-timeout/);
  });
});
