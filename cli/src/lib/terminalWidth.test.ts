import { terminalWidth } from './terminalWidth';

describe('terminalWidth', () => {
  it('is undefined in a pipe, whatever $COLUMNS says (kubectl never truncates there)', () => {
    expect(terminalWidth({ isTTY: false, columns: 80 }, { COLUMNS: '100' })).toBeUndefined();
    expect(terminalWidth({}, {})).toBeUndefined();
  });

  it("takes $COLUMNS over the terminal's own size, then the terminal's, then 80", () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: true, columns: 132 }, { COLUMNS: 'wide' })).toBe(132);
    expect(terminalWidth({ isTTY: true }, {})).toBe(80);
  });

  it('never goes below 40 columns', () => {
    expect(terminalWidth({ isTTY: true }, { COLUMNS: '12' })).toBe(40);
  });
});
