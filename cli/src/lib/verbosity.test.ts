import { BARE_V_LEVEL, normalizeVerbosity, verbosityOf } from './verbosity';

describe('kubectl -v spellings', () => {
  it.each([
    [['-v=6'], 6],
    [['-v', '6'], 6],
    [['--v=6'], 6],
    [['--v', '7'], 7],
    [['-v6'], 6],
    [['--verbose=4'], 4],
    [['-v'], BARE_V_LEVEL],
    [['-v', '-A'], BARE_V_LEVEL],
    [['report'], 0],
    [['--', '-v=6'], 0],
  ])('%j is level %d', (argv, level) => {
    expect(verbosityOf(argv)).toBe(level);
  });

  it('gives a bare -v the stack level so the parser accepts it, and leaves everything else alone', () => {
    expect(normalizeVerbosity(['sts', '-v', 'web'])).toEqual(['sts', `--verbose=${BARE_V_LEVEL}`, 'web']);
    expect(normalizeVerbosity(['-v', '6', '-A'])).toEqual(['-v', '6', '-A']);
    expect(normalizeVerbosity(['-v=6', '--', '-v'])).toEqual(['-v=6', '--', '-v']);
  });
});
