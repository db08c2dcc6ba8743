// Colour only helps a human at a terminal: never in pipes or files, never on TERM=dumb, and never when NO_COLOR is
// set (https://no-color.org: any non-empty value). FORCE_COLOR is not honoured on purpose: output stays predictable.
export interface ColorStream {
  isTTY?: boolean;
}

export function colorEnabled(stream: ColorStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && !dumbTerminal(env);
}

/** TERM=dumb: a terminal without escape sequences (Emacs shell buffers, some CI consoles), as most CLIs treat it. */
export const dumbTerminal = (env: NodeJS.ProcessEnv = process.env): boolean => env.TERM === 'dumb';

export type Style = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold' | 'boldRed';

const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
  boldRed: [91, 39],
};

export type Paint = (text: string, style: Style | undefined) => string;

export const noPaint: Paint = (text) => text;

export const ansiPaint: Paint = (text, style) => {
  if (!style || text === '') return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
};

export function painterFor(stream: ColorStream, env: NodeJS.ProcessEnv = process.env): Paint {
  return colorEnabled(stream, env) ? ansiPaint : noPaint;
}
