// `kubectl storage explain <code>`: one catalog entry laid out like `kubectl explain` (labelled fields, then
// indented paragraphs); without a code, the list of all codes to pick from.
import type { CatalogEntry } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { severityCell } from './format';
import { renderTable } from './table';
import { wrapWords } from './wrap';

const WIDTH = 80;
const INDENT = '    ';

/** Greedy word wrap; words longer than the line stay whole rather than being cut. */
export const wrap = (text: string, width: number): string[] => (text.trim() === '' ? [] : wrapWords(text, width));

export function renderCatalogEntry(entry: CatalogEntry, ctx: RenderContext): string[] {
  // Paragraphs as kubectl explain sets them, narrower on a narrower terminal.
  const width = Math.min(WIDTH, ctx.width ?? WIDTH);
  const paragraph = (text: string): string[] => wrap(text, width - INDENT.length).map((l) => INDENT + l);
  return renderEntry(entry, ctx, paragraph);
}

function renderEntry(entry: CatalogEntry, ctx: RenderContext, paragraph: (text: string) => string[]): string[] {
  return [
    `CODE:       ${entry.code}`,
    `SEVERITY:   ${ctx.paint(entry.severity, severityCell(entry.severity).style)}`,
    `AREA:       ${entry.area}`,
    '',
    'TITLE:',
    ...paragraph(entry.title),
    '',
    'WHY IT MATTERS:',
    ...paragraph(entry.why),
    '',
    'HOW TO FIX:',
    ...paragraph(entry.fix),
  ];
}

export function renderCatalogList(entries: readonly CatalogEntry[], ctx: RenderContext): string[] {
  const headers = ['code', 'severity', 'area', 'title'];
  const rows = entries.map((e) => [e.code, severityCell(e.severity), e.area, e.title]);
  return renderTable(headers, rows, tableOptions(ctx, ['title']));
}

/** Codes that contain the input, or share its first word, for the "did you mean" line. */
export function similarCodes(input: string, entries: readonly CatalogEntry[]): string[] {
  const wanted = input.toLowerCase();
  const head = wanted.split('-')[0];
  const hits = entries.filter((e) => e.code.includes(wanted) || wanted.includes(e.code));
  const related = hits.length > 0 ? hits : entries.filter((e) => e.code.split('-')[0] === head);
  return related.map((e) => e.code).slice(0, 5);
}
