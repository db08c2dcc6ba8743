import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from '../render/context';
import { renderReport } from '../render/report';
import { renderView, viewData, type View } from '../render/view';
import { notFound } from './notFound';
import type { Presentation } from './presentation';

/** A view printed as a table, or as `{ <rows key>: [...], findings, incomplete }` for -o json|yaml. */
export function viewPresentation<Row>(view: View<Row>): Presentation {
  return { data: viewData(view), lines: (ctx: RenderContext) => renderView(view, ctx), findings: view.findings };
}

/** A view asked for by NAME (`sts web`, `ingress storefront`): a name that matches nothing is a usage error, as in kubectl. */
export function namedViewPresentation<Row>(view: View<Row>, kind: string, name: string | undefined, report: StorageReport): Presentation {
  if (name !== undefined && view.rows.length === 0) throw notFound(kind, name, report);
  return viewPresentation(view);
}

/** The whole report: its summary and every finding, or the StorageReport itself for -o json|yaml. */
export function reportPresentation(report: StorageReport): Presentation {
  return { data: report, lines: (ctx: RenderContext) => renderReport(report, ctx), findings: report.findings };
}
