import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../lib/baseCommand';
import { EXIT_CODES_HELP } from '../lib/exitCodes';
import { outputFlag } from '../lib/flags';

export default class Explain extends BaseCommand {
  static override summary = 'Explain a finding code: what it means, why it matters, how to fix it.';
  static override description = `Prints the catalog entry of a finding code, as in docs/findings.md. Without a code, lists every code.\n\nEXIT CODES\n${EXIT_CODES_HELP}`;
  static override examples = [
    { description: 'Why an orphaned Released volume matters and what to do about it', command: 'kubectl storage explain pv-released-retain' },
    { description: 'All finding codes with their severity', command: 'kubectl storage explain' },
    { description: 'The catalog entry as JSON', command: 'kubectl storage explain sts-rollout-blocked -o json' },
  ];
  static override args = {
    code: Args.string({ description: 'Finding code, e.g. pv-released-retain (omit to list all codes).' }),
  };
  static override flags = {
    output: outputFlag,
    'no-headers': Flags.boolean({ summary: 'With the code list: print rows only, no header line.' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Explain);
    const [{ findingCatalog, getCatalogEntry }, { explainOutput }] = await Promise.all([
      import('@kubectl-storage/plugin-kubernetes-storage-common'),
      import('../lib/explainOutput'),
    ]);
    this.write(await explainOutput(args.code, flags, { findingCatalog, getCatalogEntry }));
  }
}
