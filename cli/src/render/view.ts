// A view is one slice of the StorageReport (volumes, claims, ordinals, ingress paths...): the rows it shows, the
// findings about exactly those objects, and how to print it. `-o json|yaml` prints a list document
// `{ apiVersion, kind: <kind>, items: rows, findings, incomplete }` (render/documents.ts); the table prints the rows,
// then (unless --no-headers) the findings about them.
import type { Finding, IncompleteEntry, ObjectRef } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from './context';
import { viewList, type OutputDocument, type ViewListKind } from './documents';
import { renderFindings } from './findings';

export interface View<Row> {
  /** The kind of the list document -o json|yaml prints: "PersistentVolumeList", "StatefulSetList", ... */
  kind: ViewListKind;
  rows: Row[];
  findings: Finding[];
  incomplete: IncompleteEntry[];
  /** The table lines for the rows; may include a header block of its own (e.g. one StatefulSet's summary). */
  table(ctx: RenderContext): string[];
  /** What to print instead of an empty table, like kubectl's "No resources found". */
  emptyMessage: string;
  /** Print the findings section under the table (default true). */
  findingsInTable?: boolean;
  /** Top-level fields the list document carries besides items/findings/incomplete (orphans: totals, target). */
  extra?: Record<string, unknown>;
}

export const refKey = (ref: ObjectRef): string => `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;

/** The findings whose object is one of `refs`, in the report's order. */
export function findingsAbout(findings: Finding[], refs: ObjectRef[]): Finding[] {
  const keys = new Set(refs.map(refKey));
  return findings.filter((f) => keys.has(refKey(f.object)));
}

/** The list document; its items are the view's own rows array, so --sort-by orders the table too. */
export function viewData<Row>(view: View<Row>): OutputDocument {
  const list = viewList(view.kind, view.rows, view.findings, view.incomplete);
  return (view.extra ? { ...list, ...view.extra } : list) as OutputDocument;
}

export function renderView<Row>(view: View<Row>, ctx: RenderContext): string[] {
  if (view.rows.length === 0) return ctx.noHeaders ? [] : [view.emptyMessage];
  const lines = view.table(ctx);
  if (!ctx.noHeaders && view.findingsInTable !== false && view.findings.length > 0) lines.push('', ...renderFindings(view.findings, ctx));
  return lines;
}
