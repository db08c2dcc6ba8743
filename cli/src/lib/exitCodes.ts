// The exit codes DESIGN.md fixes for the CLI; scripts and CI jobs branch on them, so they never change meaning.
export const ExitCode = {
  /** Ran, and nothing at or above --fail-on was found. */
  Ok: 0,
  /**
   * Findings at or above --fail-on; also an unexpected internal error, as kubectl exits 1 for its errors. The two
   * tell apart by stderr: an error prints "error: ...", failing findings print nothing there.
   */
  Findings: 1,
  /** Usage error: bad flags or arguments, malformed dump, unknown finding code. */
  Usage: 2,
  /** Cluster unreachable, authentication failed, broken kubeconfig or unknown context. */
  Cluster: 3,
  /** Partial data (something could not be read) and --strict. */
  Partial: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The block every command's --help ends with. */
export const EXIT_CODES_HELP = [
  '0  ran; no finding at or above --fail-on (without --fail-on, findings never fail the run)',
  '1  findings at or above --fail-on, or an unexpected error (which prints "error: ..." on stderr; findings do not)',
  '2  usage error: bad flag or argument, malformed dump, unknown finding code',
  '3  cluster unreachable, authentication failed, broken kubeconfig or unknown context',
  '4  partial data (a kind was forbidden or timed out) with --strict',
].join('\n');
