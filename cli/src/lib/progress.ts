// A single self-overwriting status line on stderr while data is collected, so a slow cluster does not look hung.
// Only on a TTY that can erase a line (not TERM=dumb): in pipes, files and CI logs it would be noise. Always
// cleared before anything else is printed.
import { dumbTerminal } from './colors';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

export interface Progress {
  update(text: string): void;
  done(): void;
}

const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): Progress {
  // A dumb terminal cannot erase a line: the updates would pile up as garbage.
  if (stream.isTTY !== true || dumbTerminal(env)) return { update() {}, done() {} };
  let shown = false;
  return {
    update(text) {
      // A line wider than the terminal would wrap, and \r could then only clear its last part.
      const width = Math.max(10, (stream.columns ?? 80) - 1);
      stream.write(CLEAR_LINE + (text.length > width ? `${text.slice(0, width - 1)}…` : text));
      shown = true;
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
