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

  it.each(['', 'soon', '-5s', '5 s', '1d', '10x', 's'])('rejects %p with a message naming the flag', (input) => {
    expect(() => parseRequestTimeout(input)).toThrow(/--request-timeout/);
  });
});
