// The oclif command class of a registry view: oclif reads a command's help, args and flags from its statics (for
// --help and for cli/oclif.manifest.json), so each view gets a class whose statics come from its registry entry.
// StorageCommand.run does the rest (read, scope, analyze, print).
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription } from '../lib/helpText';
import type { Presentation } from '../lib/presentation';
import { StorageCommand, type ParsedArgs, type ParsedFlags } from '../lib/storageCommand';
import { VIEW_COMMANDS, type ViewCommandId } from './registry';
import type { AnyViewSpec } from './viewSpec';

/**
 * What a command module exports: `export default viewCommand('pv');`. The class itself, not a subclass of it:
 * oclif's parse copies a command's own statics only (args, strict), so they must sit on the exported class.
 */
export function viewCommand(id: ViewCommandId): typeof StorageCommand {
  const spec: AnyViewSpec = VIEW_COMMANDS[id];
  return class extends StorageCommand {
    // oclif sets it when it loads the module; tests hand the class to oclif directly (test/cli/support/runCli.ts).
    static override id = id;
    static override summary = spec.summary;
    static override description = dataCommandDescription(spec.description);
    static override examples = spec.examples;
    static override hiddenAliases = spec.hiddenAliases ?? [];
    static override args = spec.args ?? {};
    static override flags = spec.flags ?? {};
    static override view = spec.view;
    static override clusterScoped = spec.clusterScoped ?? false;

    protected override present(report: StorageReport, args: ParsedArgs, flags: ParsedFlags): Promise<Presentation> {
      return spec.present(report, args, flags);
    }
  };
}
