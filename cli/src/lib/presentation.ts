// What a data command shows: built by the views (views/registry.ts, viewPresentation) and by diff, printed by
// printPresentation. A module of its own so the command classes, the views and the printer share the type without
// importing each other.
import type { Finding } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from '../render/context';
import type { OutputDocument } from '../render/documents';

/** The data for -o json|yaml, the table lines, and the findings --fail-on looks at. */
export interface Presentation {
  /** The document -o json|yaml|name|jsonpath|custom-columns print (render/documents.ts). */
  data: OutputDocument;
  lines(ctx: RenderContext): string[];
  findings: Finding[];
}
