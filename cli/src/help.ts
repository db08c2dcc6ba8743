// kubectl runs this plugin as `kubectl storage`, so help says so, and the root help carries what applies to every
// command: how namespaces are chosen, the exit codes, how errors look. Loaded only when help is shown.
import { Help } from '@oclif/core';
import { EXIT_CODES_HELP } from './lib/exitCodes';
import { ERRORS_HELP, NAMESPACE_HELP } from './lib/helpText';

export default class StorageHelp extends Help {
  protected override formatRoot(): string {
    return [
      super.formatRoot(),
      this.section('NAMESPACES', this.wrap(NAMESPACE_HELP)),
      this.section('EXIT CODES', EXIT_CODES_HELP),
      this.section('ERRORS', this.wrap(ERRORS_HELP)),
    ].join('\n\n');
  }

  protected override log(...args: string[]): void {
    super.log(...args.map((text) => text.replace(/\$ kubectl-storage\b/g, '$ kubectl storage')));
  }
}
