import { Args, loadHelpClass } from '@oclif/core';
import { usageError } from '../lib/errors';
import { BaseCommand } from '../lib/baseCommand';

export default class Help extends BaseCommand {
  static override summary = 'Help for a command: `kubectl storage help pv` is `kubectl storage pv --help`.';
  static override description = 'Prints the help of a command (or, without one, of kubectl storage), as kubectl help does.';
  static override examples = [{ description: 'How pv reads volumes and what its columns mean', command: 'kubectl storage help pv' }];
  static override strict = false;
  static override args = { command: Args.string({ description: 'The command to explain, e.g. pv or sts.' }) };

  async run(): Promise<void> {
    const { argv } = await this.parse(Help);
    const words = argv as string[];
    const HelpClass = await loadHelpClass(this.config);
    if (words.length > 0) {
      // Aliases too (help statefulsets), like the command line itself.
      const command = this.config.findCommand(words.join(':')) ?? this.config.findCommand(words[0]);
      if (!command) {
        const { suggestions } = await import('../lib/suggest');
        const near = suggestions(words[0], this.config.commands.filter((c) => !c.hidden && !c.id.includes(':')).map((c) => c.id));
        throw usageError(`unknown command "${words.join(' ')}" for "kubectl storage"${near.length > 0 ? `; did you mean ${near[0]}?` : ''}`);
      }
      await new HelpClass(this.config).showHelp([command.id]);
      return;
    }
    await new HelpClass(this.config).showHelp([]);
  }
}
