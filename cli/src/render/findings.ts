// The findings table shared by `report` and the views: most severe first, one blank line between severities so
// an on-call engineer sees at a glance where the criticals end. The order is the core's (StorageReport.findings is
// sorted most severe first, then namespace, kind, name); views filter it and keep it.
import type { Finding } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { objectName, qualifiedName, severityCell } from './format';
import { renderTableLines, type CellInput } from './table';

export function renderFindings(findings: Finding[], ctx: RenderContext): string[] {
  const headers = ['severity', 'code', ...(ctx.showNamespace ? ['namespace'] : []), 'object', 'message'];
  if (ctx.wide) headers.push('hint', 'related');
  const rows = findings.map((f): CellInput[] => {
    const row: CellInput[] = [severityCell(f.severity), f.code];
    if (ctx.showNamespace) row.push(f.object.namespace ?? '');
    row.push(objectName(f.object), f.message);
    // In a one-namespace view every namespace is that one, so related objects need no -n either.
    const related = (f.related ?? []).map(ctx.showNamespace ? qualifiedName : objectName);
    if (ctx.wide) row.push(f.hint ?? '', related.join(', '));
    return row;
  });
  const { header, rows: body } = renderTableLines(headers, rows, tableOptions(ctx, ['message', 'hint', 'related']));
  // Blank line where the severity changes; a wrapped row spans several lines, so rows are kept apart.
  const out: string[] = [...header];
  body.forEach((lines, i) => {
    if (i > 0 && findings[i].severity !== findings[i - 1].severity) out.push('');
    out.push(...lines);
  });
  return out;
}
