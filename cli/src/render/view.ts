// A view is one slice of the StorageReport (volumes, claims, ordinals, ingress paths...): the rows it shows, the
// findings about exactly those objects, and how to print it. `-o json|yaml` prints `{ <key>: rows, findings,
// incomplete }`; the table prints the rows, then (unless --no-headers) the findings about them.
import type { Finding, IncompleteEntry, ObjectRef } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from './context';
import { renderFindings } from './findings';

export interface View<Row> {
  /** The JSON/YAML key of the rows: "volumes", "claims", "statefulSets", ... */
  key: string;
  rows: Row[];
  findings: Finding[];
  incomplete: IncompleteEntry[];
  /** The table lines for the rows; may include a header block of its own (e.g. one StatefulSet's summary). */
  table(ctx: RenderContext): string[];
  /** What to print instead of an empty table, like kubectl's "No resources found". */
  emptyMessage: string;
  /** Print the findings section under the table (default true). */
  findingsInTable?: boolean;
}

export const refKey = (ref: ObjectRef): string => `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;

/** The findings whose object is one of `refs`, in the report's order. */
export function findingsAbout(findings: Finding[], refs: ObjectRef[]): Finding[] {
  const keys = new Set(refs.map(refKey));
  return findings.filter((f) => keys.has(refKey(f.object)));
}

export function viewData<Row>(view: View<Row>): Record<string, unknown> {
  return { [view.key]: view.rows, findings: view.findings, incomplete: view.incomplete };
}

export function renderView<Row>(view: View<Row>, ctx: RenderContext): string[] {
  if (view.rows.length === 0) return ctx.noHeaders ? [] : [view.emptyMessage];
  const lines = view.table(ctx);
  if (!ctx.noHeaders && view.findingsInTable !== false && view.findings.length > 0) lines.push('', ...renderFindings(view.findings, ctx));
  return lines;
}
