// What every kubectl-storage command shares: output to stdout, warnings to stderr, and one error path that turns
// any failure into a kubectl-like "error: ..." line and a documented exit code (never a stack trace, unless -v or
// DEBUG=kubectl-storage asks for one).
import { Command, Errors, flush } from '@oclif/core';
import { classifyError } from './errors';

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
    process.stderr.write(`warning: ${message}\n`);
  }

  override async catch(err: Error & { exitCode?: number }): Promise<never> {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (isExit(err)) throw err;
    const { exitCode, message } = classifyError(err);
    process.stderr.write(`error: ${message}\n`);
    const verbose = this.argv.includes('-v') || this.argv.includes('--verbose') || debugRequested();
    if (verbose && err?.stack) process.stderr.write(`${err.stack}\n`);
    await this.drainStdout();
    throw new Errors.ExitError(exitCode);
  }
}
