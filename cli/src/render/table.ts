// kubectl-style tables: UPPERCASE headers, columns left-aligned and separated by at least 3 spaces, the last
// column unpadded. Mirrors kubectl's tabwriter settings (minwidth 6, padding 3) so our output sits naturally next
// to `kubectl get`. Widths are measured on plain text; colour is applied after padding so it never shifts columns.
//
// Fitting the terminal (options.width, set only when stdout is a TTY):
// - free-text columns (options.wrap, e.g. MESSAGE) wrap whole words inside their own column; when the other
//   columns leave them too little room, each row's free text goes on indented lines under the row instead;
// - other cells are capped (a 10,000-character name is cut with an ellipsis), and long columns are shortened
//   further when that makes the table fit; -o wide (options.noTruncate) never cuts anything.
// In a pipe (no width) nothing is cut or wrapped, as kubectl does, but one outlandish cell does not pad the
// column for every other row: it runs past its column in its own row only.
import { noPaint, type Paint, type Style } from '../lib/colors';
import { terminalSafe } from './terminalSafe';
import { wrapWords } from './wrap';

export interface Cell {
  text: string;
  style?: Style;
}

export type CellInput = string | Cell;

export interface TableOptions {
  noHeaders?: boolean;
  paint?: Paint;
  /** The terminal's width to fit; undefined (a pipe or a file): full text on one line per row. */
  width?: number;
  /** Never truncate a cell (-o wide: full text), only wrap the free-text columns. */
  noTruncate?: boolean;
  /** Headers (as given, case-insensitive) of free-text columns that may wrap whole words. */
  wrap?: string[];
  /** Print headers as given instead of UPPERCASE (custom-columns). */
  rawHeaders?: boolean;
}

/** The header line(s) and, per body row, its line(s): a wrapped row spans several lines. */
export interface TableLines {
  header: string[];
  rows: string[][];
}

const PADDING = 3;
const MIN_WIDTH = 6;
const ELLIPSIS = '…';
/** The narrowest in-column wrap still worth reading; below it free text goes under the row. */
const WRAP_MIN = 30;
/** Fitting never shortens a column below this many characters (nor below its header). */
const SHRINK_FLOOR = 16;
/** In a pipe a column is padded to its longest cell up to max(this, 4 x the median cell); longer cells overflow. */
const PAD_LIMIT_FLOOR = 80;
/** Words longer than this (rare: a long command) may be cut at a wrapped column's edge rather than force stacking. */
const LONGEST_WORD_CAP = 60;
/** Under-the-row free text starts at the second column when that leaves it at least this much room. */
const STACK_MIN = 40;

/** Control characters from cluster text are escaped here, before widths are measured and colour is applied. */
const toCell = (c: CellInput): Cell => (typeof c === 'string' ? { text: terminalSafe(c) } : { ...c, text: terminalSafe(c.text) });

/**
 * The longest cell a column is padded to: outliers (one absurd name) do not widen it for everybody else. The
 * median is taken over the body's non-empty cells, so a short header or empty cells do not make real text an outlier.
 */
function paddedLength(header: number | undefined, body: number[]): number {
  const sorted = body.filter((l) => l > 0).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const limit = Math.max(PAD_LIMIT_FLOOR, 4 * median);
  return Math.max(header ?? 0, sorted.filter((l) => l <= limit).pop() ?? 0);
}

const truncate = (text: string, width: number): string =>
  text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}${ELLIPSIS}`;

/** Shrinks the widest of `widths` (text widths) until they sum to `target`, none below its floor; false if impossible. */
function shrinkToFit(widths: number[], floors: number[], target: number): boolean {
  const room = widths.reduce((sum, w, i) => sum + Math.max(0, w - floors[i]), 0);
  let excess = widths.reduce((a, b) => a + b, 0) - target;
  if (excess <= 0) return true;
  if (excess > room) return false;
  while (excess > 0) {
    const widest = Math.max(...widths.map((w, i) => (w > floors[i] ? w : -1)));
    const at = widths.findIndex((w, i) => w === widest && w > floors[i]);
    widths[at] -= 1;
    excess -= 1;
  }
  return true;
}

/** Splits `total` among wants, equal shares first, columns wanting less giving the rest back. */
function share(wants: number[], total: number): number[] {
  const out = wants.map(() => 0);
  let left = Math.max(0, total);
  let open = wants.map((_, i) => i).filter((i) => wants[i] > 0);
  while (open.length > 0 && left >= open.length) {
    const each = Math.floor(left / open.length);
    for (const i of open) {
      const give = Math.min(each, wants[i] - out[i]);
      out[i] += give;
      left -= give;
    }
    open = open.filter((i) => out[i] < wants[i]);
  }
  for (const i of open) {
    if (left <= 0) break;
    out[i] += 1;
    left -= 1;
  }
  return out;
}

interface Layout {
  /** Text width of every column (the last one unpadded). */
  text: number[];
  /** Columns shown in the row itself; the others (free text that did not fit) go under it. */
  inRow: number[];
  /** Columns that wrap inside their column. */
  wrapped: Set<number>;
  /** Cells get cut to their column (truncation allowed). */
  cut: boolean;
}

function planLayout(all: Cell[][], hasHeader: boolean, headers: string[], options: TableOptions, wrapCols: Set<number>): Layout {
  const count = headers.length;
  const columns = [...Array(count).keys()];
  const body = hasHeader ? all.slice(1) : all;
  const natural = columns.map((i) => paddedLength(hasHeader ? all[0][i]?.text.length : undefined, body.map((r) => r[i]?.text.length ?? 0)));
  const width = options.width;
  if (width === undefined) return { text: natural, inRow: columns, wrapped: new Set(), cut: false };

  const cut = !options.noTruncate;
  const hardCap = Math.max(24, Math.floor(width * 0.4));
  // Cut cells: the cap bounds the padding, so the longest cell counts (an outlier is cut to the cap, not to its
  // neighbours' width). Whole cells (-o wide): outliers run past their column as in a pipe.
  const longest = (i: number) => Math.max(0, ...all.map((r) => r[i]?.text.length ?? 0));
  const text = columns.map((i) => (cut && !wrapCols.has(i) ? Math.min(longest(i), hardCap) : natural[i]));
  const floors = columns.map((i) => (cut ? Math.min(text[i], Math.max(SHRINK_FLOOR, headers[i].length)) : text[i]));
  const outer = (cols: number[], w: number[]) =>
    cols.reduce((sum, i, k) => sum + (k === cols.length - 1 ? w[i] : Math.max(MIN_WIDTH, w[i] + PADDING)), 0);
  if (outer(columns, text) <= width) return { text, inRow: columns, wrapped: new Set(), cut };

  const fixed = columns.filter((i) => !wrapCols.has(i));
  const free = columns.filter((i) => wrapCols.has(i));
  if (free.length > 0) {
    // Room left for the free-text columns, padding of the non-last ones included.
    const padOf = (i: number) => (i === count - 1 ? 0 : PADDING);
    const fixedOuter = fixed.reduce((sum, i) => sum + Math.max(MIN_WIDTH, text[i] + PADDING), 0);
    // A wrapped column is at least WRAP_MIN wide and as wide as its longest word (a volume name, a command), so
    // words are never cut; when that does not fit, the free text goes under the row where it has the whole width.
    const longestWord = (i: number) => Math.max(0, ...all.slice(hasHeader ? 1 : 0).flatMap((r) => (r[i]?.text ?? '').split(/\s+/).map((w) => w.length)));
    const mins = free.map((i) => Math.min(text[i], Math.max(WRAP_MIN, Math.min(longestWord(i), LONGEST_WORD_CAP))));
    const tryShare = (fixedWidth: number) => {
      const room = width - fixedWidth - free.reduce((sum, i) => sum + padOf(i), 0);
      const spare = room - mins.reduce((a, b) => a + b, 0);
      if (spare < 0) return undefined;
      return share(free.map((i, k) => text[i] - mins[k]), spare).map((extra, k) => mins[k] + extra);
    };
    // Names stay whole (up to the cap) rather than being shortened to keep free text beside them.
    const got = tryShare(fixedOuter);
    if (got) {
      free.forEach((i, k) => (text[i] = got[k]));
      return { text, inRow: columns, wrapped: new Set(free), cut };
    }
    // Stacked: the fixed columns in the row, the free text on lines of its own under it.
    fitColumns(fixed, text, floors, width, cut);
    return { text, inRow: fixed, wrapped: new Set(), cut };
  }
  fitColumns(columns, text, floors, width, cut);
  return { text, inRow: columns, wrapped: new Set(), cut };
}

/** Shortens long columns so `cols` fit `width`, only when that succeeds: a table that cannot fit stays whole. */
function fitColumns(cols: number[], text: number[], floors: number[], width: number, cut: boolean): void {
  if (!cut) return;
  const w = cols.map((i) => text[i]);
  if (shrinkToFit(w, cols.map((i) => floors[i]), width - (cols.length - 1) * PADDING)) cols.forEach((i, k) => (text[i] = w[k]));
}

export function renderTableLines(headers: string[], rows: CellInput[][], options: TableOptions = {}): TableLines {
  const paint = options.paint ?? noPaint;
  const body = rows.map((r) => r.map(toCell));
  const head = options.noHeaders ? [] : [headers.map((h) => ({ text: options.rawHeaders ? h : h.toUpperCase() }))];
  const all: Cell[][] = [...head, ...body];
  if (all.length === 0) return { header: [], rows: [] };
  const wanted = new Set((options.wrap ?? []).map((h) => h.toLowerCase()));
  const wrapCols = new Set(headers.map((h, i) => (wanted.has(h.toLowerCase()) ? i : -1)).filter((i) => i >= 0));
  const layout = planLayout(all, head.length > 0, headers, options, wrapCols);
  const lastInRow = layout.inRow[layout.inRow.length - 1];
  const stacked = headers.map((_, i) => i).filter((i) => !layout.inRow.includes(i));

  const renderRow = (row: Cell[], isHeader: boolean): string[] => {
    // Each in-row column becomes a list of lines: one, or several for a wrapped free-text column.
    const columnLines = layout.inRow.map((i) => {
      const cell = row[i] ?? { text: '' };
      const last = i === lastInRow;
      if (layout.wrapped.has(i) && !isHeader) return wrapWords(cell.text, layout.text[i], !last);
      if (layout.cut && !isHeader && cell.text.length > layout.text[i]) return [truncate(cell.text, layout.text[i])];
      return [cell.text];
    });
    const height = Math.max(...columnLines.map((l) => l.length));
    const lines: string[] = [];
    for (let n = 0; n < height; n++) {
      let line = '';
      layout.inRow.forEach((i, k) => {
        const text = columnLines[k][n] ?? '';
        const style = row[i]?.style;
        const painted = style ? paint(text, style) : text;
        if (i === lastInRow) line += painted;
        else {
          const w = Math.max(MIN_WIDTH, layout.text[i] + PADDING);
          // An overflowing cell (a pipe's outlier) keeps the gap after it rather than touching the next column.
          line += painted + ' '.repeat(text.length < w ? w - text.length : PADDING);
        }
      });
      lines.push(line.trimEnd());
    }
    if (!isHeader && stacked.length > 0) lines.push(...stackedLines(row, stacked, headers, layout, options.width ?? 0, paint));
    return lines;
  };

  return {
    header: head.length > 0 ? renderRow(head[0], true) : [],
    rows: body.map((row) => renderRow(row, false)),
  };
}

/** Free text that did not fit beside the row, indented under it; columns after the first are labelled. */
function stackedLines(row: Cell[], stacked: number[], headers: string[], layout: Layout, width: number, paint: Paint): string[] {
  const first = layout.inRow[0];
  const firstOuter = first === undefined ? 0 : Math.max(MIN_WIDTH, layout.text[first] + PADDING);
  const indent = ' '.repeat(width - firstOuter >= STACK_MIN ? firstOuter : 2);
  const out: string[] = [];
  stacked.forEach((i, k) => {
    const cell = row[i];
    if (!cell || cell.text === '') return;
    const text = k === 0 ? cell.text : `${headers[i].toLowerCase()}: ${cell.text}`;
    for (const line of wrapWords(text, Math.max(20, width - indent.length))) out.push(indent + (cell.style ? paint(line, cell.style) : line));
  });
  return out;
}

export function renderTable(headers: string[], rows: CellInput[][], options: TableOptions = {}): string[] {
  const { header, rows: body } = renderTableLines(headers, rows, options);
  return [...header, ...body.flat()];
}
