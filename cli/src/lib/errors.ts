// Every failure ends as one kubectl-like line on stderr ("error: ...") and a documented exit code; stack traces
// only on request (-v or DEBUG=kubectl-storage). This module decides which code a failure maps to.
import { ExitCode, type ExitCodeValue } from './exitCodes';

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

export function classifyError(err: unknown): ClassifiedError {
  const e = err as { name?: string; message?: string; oclif?: { exit?: number } } | undefined;
  const message = firstLine(String(e?.message ?? err ?? 'unknown error'));
  if (err instanceof CliError) return { exitCode: err.exitCode, message };
  const byName = e?.name ? COLLECTOR_ERRORS[e.name] : undefined;
  if (byName !== undefined) return { exitCode: byName, message };
  // @oclif/core's parser errors (unknown flag, bad option value, missing argument) carry an exit code; some
  // wrap the real message in "The following error occurred:" and end with "See more help with --help".
  if (e?.oclif && typeof e.oclif.exit === 'number') return { exitCode: ExitCode.Usage, message: oclifMessage(String(e.message ?? '')) };
  // Anything else is a bug or an unexpected environment problem: exit 1, as kubectl does for its errors. Findings
  // exit 1 too (--fail-on); the "error: ..." line on stderr is what tells the two apart (documented in --help).
  return { exitCode: ExitCode.Findings, message };
}
