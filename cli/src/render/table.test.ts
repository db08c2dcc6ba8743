import { ansiPaint } from '../lib/colors';
import { renderTable } from './table';

describe('renderTable', () => {
  const headers = ['name', 'status', 'age'];
  const rows = [
    ['data-web-0', 'Bound', '3d'],
    ['scratch', 'Pending', '12m'],
  ];

  it('prints UPPERCASE headers and 3-space column gaps like kubectl get', () => {
    expect(renderTable(headers, rows)).toEqual([
      'NAME         STATUS    AGE',
      'data-web-0   Bound     3d',
      'scratch      Pending   12m',
    ]);
  });

  it('keeps kubectl tabwriter minimum width for narrow columns', () => {
    expect(renderTable(['a', 'b'], [['x', 'y']])).toEqual(['A     B', 'x     y']);
  });

  it('omits the header line with noHeaders and returns nothing for an empty headerless table', () => {
    expect(renderTable(headers, rows, { noHeaders: true })[0]).toBe('data-web-0   Bound     3d');
    expect(renderTable(headers, [], { noHeaders: true })).toEqual([]);
    expect(renderTable(headers, [])).toEqual(['NAME   STATUS   AGE']);
  });

  it('measures widths on plain text so colour never shifts columns', () => {
    const [, line] = renderTable(['name', 'status', 'age'], [['pv-1', { text: 'Failed', style: 'red' }, '1d']], {
      paint: ansiPaint,
    });
    expect(line).toBe('pv-1   \u001b[31mFailed\u001b[39m   1d');
    expect(line.replace(/\u001b\[\d+m/g, '')).toBe('pv-1   Failed   1d');
  });

  it('does not leave trailing spaces when the last cell is empty', () => {
    expect(renderTable(['name', 'note'], [['a', '']])[1]).toBe('a');
  });
});
