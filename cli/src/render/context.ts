// What every table renderer needs to know about the invocation, resolved once by the command.
import type { IncompleteSummary } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { noPaint, type Paint } from '../lib/colors';
import type { TableOptions } from './table';

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
  /**
   * The terminal width to fit (stdout is a TTY: $COLUMNS, else the terminal's own). Undefined in a pipe or a file,
   * where tables keep their full text on one line per row, as kubectl's do.
   */
  width?: number;
}

/** The table options every renderer passes: headers, colour, the width to fit, and -o wide's "never truncate". */
export const tableOptions = (ctx: RenderContext, wrap: string[] = []): TableOptions => ({
  noHeaders: ctx.noHeaders,
  paint: ctx.paint,
  width: ctx.width,
  noTruncate: ctx.wide,
  wrap,
});

export const plainContext = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  paint: noPaint,
  wide: false,
  noHeaders: false,
  showNamespace: true,
  ...overrides,
});
