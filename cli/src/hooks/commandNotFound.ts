// `kubectl storage nope`: answer like kubectl does for an unknown subcommand (one error line, a pointer to --help,
// exit 2 for a usage error) instead of oclif's default prompt and stack-style message.
import { Errors, type Hook } from '@oclif/core';
import { ExitCode } from '../lib/exitCodes';

const hook: Hook<'command_not_found'> = async function ({ id, config }) {
  const names = config.commands.filter((c) => !c.hidden).map((c) => c.id);
  const similar = names.filter((n) => n.startsWith(id) || id.startsWith(n));
  const suggestion = similar.length > 0 ? `\n\nDid you mean this?\n${similar.map((n) => `\t${n}`).join('\n')}` : '';
  process.stderr.write(`error: unknown command "${id}" for "kubectl storage"${suggestion}\nRun 'kubectl storage --help' for usage.\n`);
  throw new Errors.ExitError(ExitCode.Usage);
};

export default hook;
