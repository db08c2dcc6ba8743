// What every kubectl-storage command shares: output to stdout, warnings to stderr, and one error path that turns
// any failure into a kubectl-like "error: ..." line and a documented exit code (never a stack trace, unless -v=9 or
// DEBUG=kubectl-storage asks for one).
import { Command, Errors, flush, type Interfaces } from '@oclif/core';
import type { ArgOutput, FlagOutput } from '@oclif/core/lib/interfaces/parser';
import { terminalSafe } from '../render/terminalSafe';
import { classifyError } from './errors';
import { normalizeVerbosity, STACK_LEVEL, verbosityOf } from './verbosity';

const isExit = (err: unknown): boolean => (err as { code?: string } | undefined)?.code === 'EEXIT';

/** DEBUG=kubectl-storage (or a debug-module pattern covering it, like "*" or "kubectl-storage:*"). */
export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEBUG ?? '').split(/[\s,]+/).some((ns) => ns === '*' || ns === 'kubectl-storage' || ns === 'kubectl-storage:*');
}

export abstract class BaseCommand extends Command {
  /** Undone by the error path too, so a failure never leaves a half-drawn progress line behind. */
  protected cleanups: (() => void)[] = [];

  protected write(text: string): void {
    process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }

  protected writeLines(lines: string[]): void {
    if (lines.length > 0) this.write(lines.join('\n'));
  }

  /**
   * Exiting with a code goes through process.exit, which on macOS can cut off output still queued for a pipe
   * (`kubectl storage report --fail-on critical | less`); wait for stdout first.
   */
  protected async drainStdout(): Promise<void> {
    try {
      await flush();
    } catch {
      // A reader that stopped reading for 10 s: exit anyway.
    }
  }

  protected warnLine(message: string): void {
    process.stderr.write(`warning: ${terminalSafe(message)}\n`);
  }

  /** kubectl's -v spellings: a bare -v (no level) becomes the stack-trace level before oclif parses. */
  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv: string[] = this.argv,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    return super.parse(options, normalizeVerbosity(argv));
  }

  override async catch(err: Error & { exitCode?: number }): Promise<never> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (isExit(err)) throw err;
    const flags = (this.constructor as typeof Command).flags ?? {};
    const { exitCode, message } = classifyError(err, { flagNames: Object.keys({ ...(this.constructor as typeof Command).baseFlags, ...flags }) });
    process.stderr.write(`error: ${terminalSafe(message)}\n`);
    const verbose = verbosityOf(this.argv) >= STACK_LEVEL || debugRequested();
    if (verbose && err?.stack) process.stderr.write(`${err.stack}\n`);
    await this.drainStdout();
    throw new Errors.ExitError(exitCode);
  }
}
