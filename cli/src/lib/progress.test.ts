import { createProgress } from './progress';

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (s: string) => (writes.push(s), true) };
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a TTY', () => {
    const s = fakeStream(false);
    const p = createProgress(s);
    p.update('collecting pods');
    p.done();
    expect(s.writes).toEqual([]);
  });

  it('overwrites one line on a TTY and clears it when done', () => {
    const s = fakeStream(true);
    const p = createProgress(s);
    p.update('collecting pods');
    p.update('collecting services');
    p.done();
    expect(s.writes).toEqual(['\r\u001b[2Kcollecting pods', '\r\u001b[2Kcollecting services', '\r\u001b[2K']);
  });

  it('does not clear a line it never wrote', () => {
    const s = fakeStream(true);
    createProgress(s).done();
    expect(s.writes).toEqual([]);
  });

  it('truncates to the terminal width so the line cannot wrap', () => {
    const s = fakeStream(true, 20);
    createProgress(s).update('x'.repeat(50));
    expect(s.writes[0]).toBe(`\r\u001b[2K${'x'.repeat(18)}…`);
  });

  it('is not drawn on TERM=dumb, which cannot erase a line', () => {
    const s = fakeStream(true);
    const p = createProgress(s, { TERM: 'dumb' });
    p.update('Reading...');
    p.done();
    expect(s.writes).toEqual([]);
  });
});
