// kubectl-style tables: UPPERCASE headers, columns left-aligned and separated by at least 3 spaces, the last
// column unpadded. Mirrors kubectl's tabwriter settings (minwidth 6, padding 3) so our output sits naturally next
// to `kubectl get`. Widths are measured on plain text; colour is applied after padding so it never shifts columns.
import { noPaint, type Paint, type Style } from '../lib/colors';

export interface Cell {
  text: string;
  style?: Style;
}

export type CellInput = string | Cell;

export interface TableOptions {
  noHeaders?: boolean;
  paint?: Paint;
}

const PADDING = 3;
const MIN_WIDTH = 6;

const toCell = (c: CellInput): Cell => (typeof c === 'string' ? { text: c } : c);

export function renderTable(headers: string[], rows: CellInput[][], options: TableOptions = {}): string[] {
  const paint = options.paint ?? noPaint;
  const body = rows.map((r) => r.map(toCell));
  const all: Cell[][] = options.noHeaders ? body : [headers.map((h) => ({ text: h.toUpperCase() })), ...body];
  if (all.length === 0) return [];
  const widths = headers.map((_, i) => Math.max(MIN_WIDTH, ...all.map((r) => (r[i]?.text.length ?? 0) + PADDING)));
  return all.map((row) =>
    row
      .map((cell, i) => {
        const last = i === row.length - 1;
        const padded = last ? cell.text : cell.text.padEnd(widths[i]);
        return cell.style ? paint(cell.text, cell.style) + padded.slice(cell.text.length) : padded;
      })
      .join('')
      .trimEnd(),
  );
}
