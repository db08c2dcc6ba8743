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
  /**
   * Cluster unreachable, authentication failed, broken kubeconfig or unknown context, or nothing at all could be
   * read (every kind forbidden or failing, or not a Kubernetes API server): never a green run over nothing.
   */
  Cluster: 3,
  /** Partial data (something could not be read) and --strict. */
  Partial: 4,
  /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as a shell reports a process the signal ended. */
  Interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The block every command's --help ends with. */
export const EXIT_CODES_HELP = [
  '0  ran; no finding at or above --fail-on (without --fail-on, findings never fail the run)',
  '1  findings at or above --fail-on, or an unexpected error (which prints "error: ..." on stderr; findings do not)',
  '2  usage error: bad flag or argument, unknown command, malformed dump or a directory without dumps, unknown finding code or object name',
  '3  cluster unreachable, authentication failed, broken kubeconfig or unknown context, or nothing could be read at all (every kind forbidden or failing, not a Kubernetes API server), with or without --strict',
  '4  partial data (a kind was forbidden or timed out) with --strict',
  '130  interrupted (Ctrl-C)',
].join('\n');
