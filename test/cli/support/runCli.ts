// Runs a kubectl-storage command in-process, the way the binary would (oclif parses the argv, our error path maps
// failures to exit codes), with stdout and stderr captured. In-process so msw can intercept the API calls.
import { Readable } from 'node:stream';
import * as path from 'node:path';
import { Config, type Command } from '@oclif/core';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pjson = require('../../../cli/package.json');

export const CLI_ROOT = path.resolve(__dirname, '../../../cli');

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  /** Text on standard input (for `-f -`). */
  stdin?: string;
  /** Pretend stdout and stderr are terminals (colour, progress line). */
  tty?: boolean;
  /** Environment overrides for the run; undefined removes a variable. */
  env?: Record<string, string | undefined>;
}

let config: Promise<Config> | undefined;

/**
 * The CLI's own oclif config, with command discovery and plugins switched off: tests hand oclif the command class
 * from src, so nothing is loaded from dist and the autocomplete plugin stays out of the way.
 */
function loadConfig(): Promise<Config> {
  config ??= Config.load({ root: CLI_ROOT, pjson: { ...pjson, oclif: { ...pjson.oclif, commands: undefined, plugins: [], hooks: {} } } });
  return config;
}

type CommandClass = typeof Command & { run(argv?: string[], opts?: Config): Promise<unknown> };

function swapProperty<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): () => void {
  const had = Object.prototype.hasOwnProperty.call(target, key);
  const before = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  return () => {
    if (had && before) Object.defineProperty(target, key, before);
    else delete (target as Record<K, unknown>)[key];
  };
}

export async function runCli(command: CommandClass, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const loaded = await loadConfig();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const restore: (() => void)[] = [];
  const capture = (sink: string[]) => (chunk: unknown) => (sink.push(String(chunk)), true);
  restore.push(swapProperty(process.stdout, 'write', capture(stdout) as typeof process.stdout.write));
  restore.push(swapProperty(process.stderr, 'write', capture(stderr) as typeof process.stderr.write));
  restore.push(swapProperty(process.stdout, 'isTTY', options.tty === true));
  restore.push(swapProperty(process.stderr, 'isTTY', options.tty === true));
  if (options.stdin !== undefined) restore.push(swapProperty(process, 'stdin', Readable.from([options.stdin]) as unknown as typeof process.stdin));
  const envBefore = new Map(Object.keys(options.env ?? {}).map((k) => [k, process.env[k]] as const));
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  // oclif's flush() (our drainStdout before a non-zero exit) leaves a 'drain' listener on process.stdout until the
  // next drain, which the captured write never emits: harmless in a one-run process, a leak warning after ten runs.
  const drainListeners = new Set(process.stdout.listeners('drain'));
  restore.push(() => {
    for (const l of process.stdout.listeners('drain')) if (!drainListeners.has(l)) process.stdout.off('drain', l as () => void);
  });
  let exitCode = 0;
  try {
    await command.run(argv, loaded);
  } catch (err) {
    const exit = (err as { oclif?: { exit?: number } }).oclif?.exit;
    if (exit === undefined) throw err;
    exitCode = exit;
  } finally {
    for (const undo of restore.reverse()) undo();
    for (const [k, v] of envBefore) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
