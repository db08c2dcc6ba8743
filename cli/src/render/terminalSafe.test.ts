import { terminalSafe } from './terminalSafe';

describe('terminalSafe', () => {
  it('shows control characters in caret notation, CR and LF as \\r and \\n, as kubectl escapes terminal text', () => {
    expect(terminalSafe('boom\u001b[2J\nsecond\rCR')).toBe('boom^[[2J\\nsecond\\rCR');
    expect(terminalSafe('title\u001b]0;pwned\u0007')).toBe('title^[]0;pwned^G');
    expect(terminalSafe('\u0000\u007f\u009b')).toBe('^@^?M-^[');
  });

  it('leaves printable text alone, Unicode and tabs included', () => {
    expect(terminalSafe('data-db-0 1Gi Ünïcödé … ✓\tx')).toBe('data-db-0 1Gi Ünïcödé … ✓\tx');
  });
});
