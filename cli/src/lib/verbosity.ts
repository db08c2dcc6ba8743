// kubectl's -v/--v=N log level, also written -v N, -v=N, --v N, --verbose=N. 0 (the default) prints errors as one
// line; 4 and up add one line per API request, as kubectl -v=6 does ("GET https://... 200 OK in 12 milliseconds");
// 9 and up (or DEBUG=kubectl-storage) add the stack trace of an error. A bare -v, the boolean "add the stack" flag
// of earlier releases, still means that: level 9.
import { Flags } from '@oclif/core';

export const REQUEST_LOG_LEVEL = 4;
export const STACK_LEVEL = 9;
/** What a bare -v means. */
export const BARE_V_LEVEL = STACK_LEVEL;

export const verboseFlag = Flags.integer({
  char: 'v',
  aliases: ['v'],
  summary: `Log level: ${REQUEST_LOG_LEVEL}+ prints each API request (kubectl -v=6 style), ${STACK_LEVEL}+ the stack trace of an error (as DEBUG=kubectl-storage does). A bare -v means ${BARE_V_LEVEL}.`,
  helpValue: '<level>',
  min: 0,
  default: 0,
  helpGroup: 'CHECKS',
});

const V_FLAG = /^(-v|--v|--verbose)$/;
const V_WITH_VALUE = /^(?:-v=?|--v=|--verbose=)(.*)$/;

/**
 * Rewrites a bare -v (no level after it) to -v=9, so the parser, which needs a value, accepts the old spelling.
 * Arguments after "--" are left alone.
 */
export function normalizeVerbosity(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (V_FLAG.test(arg) && !/^\d+$/.test(argv[i + 1] ?? '')) out.push(`--verbose=${BARE_V_LEVEL}`);
    else out.push(arg);
  }
  return out;
}

/** The level the command line asks for, read without the parser (the error path needs it when parsing failed). */
export function verbosityOf(argv: string[]): number {
  let level = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (V_FLAG.test(arg)) {
      const next = argv[i + 1] ?? '';
      level = /^\d+$/.test(next) ? Number(next) : BARE_V_LEVEL;
      continue;
    }
    const inline = V_WITH_VALUE.exec(arg);
    if (inline && /^\d+$/.test(inline[1])) level = Number(inline[1]);
  }
  return level;
}
