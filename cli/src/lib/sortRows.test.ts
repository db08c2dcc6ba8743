import { rowSorter } from './sortRows';

describe('--sort-by', () => {
  it('orders quantities by value, not as text, and puts rows without the field last in their order', () => {
    const rows = [{ c: '10Gi' }, { c: '2Gi' }, { id: 'a' }, { c: '500Mi' }, { c: '1Ti' }, { id: 'b' }];
    rowSorter('.c')(rows);
    expect(rows).toEqual([{ c: '500Mi' }, { c: '2Gi' }, { c: '10Gi' }, { c: '1Ti' }, { id: 'a' }, { id: 'b' }]);
  });

  it('orders numbers numerically, other strings by code point, and is stable', () => {
    const rows = [{ n: 10, k: 'x' }, { n: 9, k: 'y' }, { n: 10, k: 'z' }, { n: -1, k: 'w' }];
    rowSorter('{.n}')(rows);
    expect(rows.map((r) => r.k)).toEqual(['w', 'y', 'x', 'z']);
    const names = [{ s: 'web' }, { s: 'Web' }, { s: 'api' }];
    rowSorter('.s')(names);
    expect(names.map((r) => r.s)).toEqual(['Web', 'api', 'web']);
  });

  it('sorts in place, so a table printed from the same array follows', () => {
    const rows = [{ a: 2 }, { a: 1 }];
    const same = rows;
    rowSorter('.a')(rows);
    expect(same[0]).toEqual({ a: 1 });
  });

  it('refuses an empty path as a usage error', () => {
    expect(() => rowSorter('{}')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});
