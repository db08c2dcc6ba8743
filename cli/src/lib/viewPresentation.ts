import type { RenderContext } from '../render/context';
import { renderView, viewData, type View } from '../render/view';
import type { Presentation } from './presentation';

/** A view printed as a table, or as `{ <rows key>: [...], findings, incomplete }` for -o json|yaml. */
export function viewPresentation<Row>(view: View<Row>): Presentation {
  return { data: viewData(view), lines: (ctx: RenderContext) => renderView(view, ctx), findings: view.findings };
}
