import { ansiPaint, colorEnabled, noPaint, painterFor } from './colors';

describe('colorEnabled', () => {
  it('colours a TTY when NO_COLOR is unset', () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
  });
  it('never colours a pipe or file', () => {
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
  });
  it('honours NO_COLOR on a TTY (any non-empty value)', () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });
});

describe('painters', () => {
  it('wraps text in ANSI codes and leaves empty text alone', () => {
    expect(ansiPaint('Failed', 'red')).toBe('\u001b[31mFailed\u001b[39m');
    expect(ansiPaint('', 'red')).toBe('');
    expect(ansiPaint('x', undefined)).toBe('x');
  });
  it('painterFor picks the plain painter off a TTY', () => {
    expect(painterFor({ isTTY: false }, {})).toBe(noPaint);
    expect(painterFor({ isTTY: true }, {})).toBe(ansiPaint);
  });
});
