// What every table renderer needs to know about the invocation, resolved once by the command.
import { noPaint, type Paint } from '../lib/colors';

export interface RenderContext {
  paint: Paint;
  wide: boolean;
  noHeaders: boolean;
  /** Show a NAMESPACE column: the scope spans more than one namespace (kubectl does the same with -A). */
  showNamespace: boolean;
}

export const plainContext = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  paint: noPaint,
  wide: false,
  noHeaders: false,
  showNamespace: true,
  ...overrides,
});
