import { ansiPaint } from '../lib/colors';
import { renderTable, renderTableLines } from './table';

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

  describe('in a pipe (no width): full text, but one outlandish cell pads only its own row', () => {
    it('does not pad every row to a 10,000-character name, and keeps the name whole', () => {
      const huge = 'x'.repeat(10_000);
      const lines = renderTable(headers, [[huge, 'Bound', '3d'], ...rows]);
      expect(lines[0]).toBe('NAME         STATUS    AGE');
      expect(lines[1]).toBe(`${huge}   Bound     3d`);
      expect(lines[2]).toBe('data-web-0   Bound     3d');
      expect(Math.max(...lines.slice(2).map((l) => l.length))).toBeLessThan(40);
    });

    it('still aligns long free text that is normal for its column (messages of 100-300 characters)', () => {
      const messages = [120, 180, 260].map((n) => 'm'.repeat(n));
      const lines = renderTable(['message', 'hint'], messages.map((m) => [m, 'h']));
      expect(new Set(lines.map((l) => l.indexOf(l.includes('HINT') ? 'HINT' : ' h') + (l.includes('HINT') ? 0 : 1)))).toEqual(new Set([263]));
    });
  });

  describe('at a terminal width', () => {
    const message = 'StatefulSet shop/web: pod web-1 is not Ready and blocks creation of web-2 (OrderedReady).';
    const findings = [
      ['critical', 'sts-rollout-blocked', 'statefulset/web', message],
      ['warning', 'pvc-unused', 'pvc/scratch', 'Claim shop/scratch is bound, but no pod mounts it.'],
    ];
    const fheaders = ['severity', 'code', 'object', 'message'];

    it('wraps the free-text column at whole words inside its own column, every line within the width', () => {
      const lines = renderTable(fheaders, findings, { width: 90, wrap: ['message'] });
      const start = lines[0].indexOf('MESSAGE');
      expect(lines[1].slice(0, start)).toBe('critical   sts-rollout-blocked   statefulset/web   ');
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(90);
      const continuation = lines.filter((l) => l.startsWith(' '));
      expect(continuation.length).toBeGreaterThan(0);
      for (const line of continuation) expect(line.slice(0, start).trim()).toBe('');
      // Whole words: the wrapped lines put back together are the message.
      const text = lines.slice(1, 1 + 1 + continuation.length).map((l) => l.slice(start).trim()).join(' ');
      expect(text.startsWith(message)).toBe(true);
    });

    it('puts free text under the row when the other columns leave it less than a readable width, names whole', () => {
      const wideCodes = findings.map(([s, c, o, m]) => [s, `${c}-xx`, `${o}-and-a-long-name`, m]);
      const { header, rows: body } = renderTableLines(fheaders, wideCodes, { width: 80, wrap: ['message'] });
      expect(header).toEqual([expect.stringMatching(/^SEVERITY\s+CODE\s+OBJECT$/)]);
      const [first] = body;
      expect(first[0]).toMatch(/^critical\s+sts-rollout-blocked-xx\s+statefulset\/web-and-a-long-name$/);
      expect(first.slice(1).every((l) => l.startsWith('           ') && l.length <= 80)).toBe(true);
      expect(first.slice(1).map((l) => l.trim()).join(' ')).toBe(message);
    });

    it('caps a 10,000-character name with an ellipsis, and -o wide (noTruncate) never cuts', () => {
      const huge = 'n'.repeat(10_000);
      const cut = renderTable(headers, [[huge, 'Bound', '3d'], ...rows], { width: 80 });
      expect(Math.max(...cut.map((l) => l.length))).toBeLessThanOrEqual(80);
      expect(cut[1]).toMatch(/^n+…\s+Bound\s+3d$/);
      expect(cut[2]).toMatch(/^data-web-0\s+Bound\s+3d$/);
      const wide = renderTable(headers, [[huge, 'Bound', '3d'], ...rows], { width: 80, noTruncate: true });
      expect(wide[1].startsWith(huge)).toBe(true);
      expect(wide[2]).toBe('data-web-0   Bound     3d');
    });

    it('shortens long columns to fit when that is enough, never below 16 characters or the header', () => {
      const names = [['a-rather-long-volume-name-0123456789', 'data/a-rather-long-claim-name-01234', 'Bound']];
      const lines = renderTable(['name', 'claim', 'status'], names, { width: 50 });
      expect(lines.every((l) => l.length <= 50)).toBe(true);
      const [name, claim] = lines[1].split(/\s{3,}/);
      expect(name).toMatch(/^a-rather-long-.*…$/);
      expect(claim).toMatch(/^data\/a-rather-.*…$/);
      expect(Math.min(name.length, claim.length)).toBeGreaterThanOrEqual(16);
      // Too narrow even at the floor: only the cap (40% of the width, at least 24) applies, the row runs long.
      expect(renderTable(['name', 'claim', 'status'], names, { width: 40 })[1]).toBe('a-rather-long-volume-na…   data/a-rather-long-clai…   Bound');
    });

    it('keeps colour out of the width computation when wrapping', () => {
      const lines = renderTable(fheaders, [[{ text: 'critical', style: 'red' }, 'c', 'o', message]], { width: 50, wrap: ['message'], paint: ansiPaint });
      const plain = lines.map((l) => l.replace(/\u001b\[\d+m/g, ''));
      expect(plain.every((l) => l.length <= 50)).toBe(true);
      expect(lines[1]).toContain('\u001b[31mcritical\u001b[39m');
    });
  });
});
