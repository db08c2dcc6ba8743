// What every table renderer needs to know about the invocation, resolved once by the command.
import type { IncompleteSummary } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { noPaint, type Paint } from '../lib/colors';

export interface RenderContext {
  paint: Paint;
  wide: boolean;
  noHeaders: boolean;
  /** Show a NAMESPACE column: the scope spans more than one namespace (kubectl does the same with -A). */
  showNamespace: boolean;
  /**
   * What could not be read, one summary per kind: computed once by printPresentation for the warnings and the
   * report's "Not read" row (renderers compute it when a caller does not give it).
   */
  unread?: IncompleteSummary[];
}

export const plainContext = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  paint: noPaint,
  wide: false,
  noHeaders: false,
  showNamespace: true,
  ...overrides,
});
