// `kubectl storage nope`: answer like kubectl does for an unknown subcommand (one error line, a pointer to --help,
// exit 2 for a usage error) instead of oclif's default prompt and stack-style message.
import { Errors, type Hook } from '@oclif/core';
import { ExitCode } from '../lib/exitCodes';
import { suggestions } from '../lib/suggest';

const hook: Hook<'command_not_found'> = async function ({ id, config }) {
  const names = config.commands.filter((c) => !c.hidden && !c.id.includes(':')).map((c) => c.id);
  // cobra's rule: within edit distance 2, or starting with what was typed ("repot" -> report, "ex" -> explain).
  const similar = suggestions(id.split(':')[0], names);
  const suggestion = similar.length > 0 ? `\n\nDid you mean this?\n${similar.map((n) => `\t${n}`).join('\n')}` : '';
  process.stderr.write(`error: unknown command "${id.replace(/:/g, ' ')}" for "kubectl storage"${suggestion}\nRun 'kubectl storage --help' for usage.\n`);
  throw new Errors.ExitError(ExitCode.Usage);
};

export default hook;
