// Programmatic entry (package "main"): run kubectl-storage in-process with this package's oclif config, exactly as
// bin/run.js does for the command line. Resolves when the command is done; failures reject with an oclif
// ExitError whose `oclif.exit` is the documented exit code.
import * as path from 'node:path';
import { run as runOclif } from '@oclif/core';

export { ExitCode, EXIT_CODES_HELP } from './lib/exitCodes';
export type { ExitCodeValue } from './lib/exitCodes';

export function run(argv: string[]): Promise<unknown> {
  return runOclif(argv, { root: path.resolve(__dirname, '..') });
}
