// Every failure ends as one kubectl-like line on stderr ("error: ...") and a documented exit code; stack traces
// only on request (-v=9 or DEBUG=kubectl-storage). This module decides which code a failure maps to.
import { ExitCode, type ExitCodeValue } from './exitCodes';
import { suggestions } from './suggest';

/** A failure the CLI itself detected, with the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError(message, ExitCode.Usage);

/**
 * The collectors' typed errors, by name so this module does not load the collectors (start-up time):
 * reaching or authenticating to a cluster fails with 3, an unreadable dump is a usage error.
 */
const COLLECTOR_ERRORS: Record<string, ExitCodeValue> = {
  KubeconfigError: ExitCode.Cluster,
  ClusterUnreachableError: ExitCode.Cluster,
  AuthError: ExitCode.Cluster,
  NothingReadError: ExitCode.Cluster,
  DumpError: ExitCode.Usage,
};

export interface ClassifiedError {
  exitCode: ExitCodeValue;
  /** One line, without the "error: " prefix. */
  message: string;
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text.trim();

function oclifMessage(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^The following errors? occurred:$/.test(l) && !/^See more help with --help$/.test(l));
  return lines.join('; ').replace(/^Error: /, '');
}

/**
 * oclif wraps what a flag's parse function threw as "Parsing --flag \n\t<reason>\nSee more help with --help": the
 * reason is the part worth the one line.
 */
function unwrapFlagParsing(text: string): string {
  const m = /^Parsing (--[\w-]+)\s*\n\s*([\s\S]*?)(?:\nSee more help with --help)?$/.exec(text);
  return m ? m[2].trim() : text;
}

/** What the command line could have meant: the command's flag names, for "did you mean --namespace?". */
export interface ErrorContext {
  flagNames?: readonly string[];
}

function unknownFlags(flags: string[], context: ErrorContext): string {
  const [flag] = flags;
  const near = flag.startsWith('--') ? suggestions(flag.slice(2), context.flagNames ?? []) : [];
  const more = flags.length > 1 ? ` (and ${flags.slice(1).join(', ')})` : '';
  return `unknown flag: ${flag}${more}${near.length > 0 ? `; did you mean --${near[0]}?` : ''}`;
}

export function classifyError(err: unknown, context: ErrorContext = {}): ClassifiedError {
  const e = err as { name?: string; message?: string; oclif?: { exit?: number }; flags?: unknown } | undefined;
  const text = unwrapFlagParsing(String(e?.message ?? err ?? 'unknown error'));
  const message = firstLine(text);
  if (err instanceof CliError) return { exitCode: err.exitCode, message };
  const byName = e?.name ? COLLECTOR_ERRORS[e.name] : undefined;
  if (byName !== undefined) return { exitCode: byName, message };
  // @oclif/core's parser errors (unknown flag, bad option value, missing argument) carry an exit code; some
  // wrap the real message in "The following error occurred:" and end with "See more help with --help".
  if (e?.oclif && typeof e.oclif.exit === 'number') {
    // kubectl's wording for an unknown flag, with the nearest real one.
    if (Array.isArray(e.flags) && e.flags.length > 0 && /^Nonexistent flags?:/.test(text)) return { exitCode: ExitCode.Usage, message: unknownFlags(e.flags.map(String), context) };
    return { exitCode: ExitCode.Usage, message: oclifMessage(text) };
  }
  // Anything else is a bug or an unexpected environment problem: exit 1, as kubectl does for its errors. Findings
  // exit 1 too (--fail-on); the "error: ..." line on stderr is what tells the two apart (documented in --help).
  return { exitCode: ExitCode.Findings, message };
}
