import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { pricingFlag } from '../lib/pricingFlag';
import { dataCommandDescription, StorageCommand, type ParsedArgs, type ParsedFlags, type Presentation } from '../lib/storageCommand';

export default class Orphans extends StorageCommand {
  static override summary = 'The clean-up list: orphaned volumes, leftover StatefulSet claims, unused claims, with the kubectl commands to remove them.';
  static override description = dataCommandDescription(
    'Lists storage nothing uses any more: Released volumes with reclaim policy Retain (and the StatefulSet ordinal ' +
      'they belonged to), claims of ordinals a StatefulSet scaled away from, and claims no pod mounts; each with its ' +
      'size and age (and its cost per month with --pricing), then the exact kubectl commands an admin would run, each ' +
      'with --context (and --kubeconfig when given) of the cluster that was read; from a dump the context is a ' +
      'placeholder to fill in. kubectl-storage only reads: it never runs them. -o json|yaml prints an OrphanList: ' +
      '{"items": [...each with "commands"], "totals", "byNamespace", "target", "findings", "incomplete"}.',
  );
  static override examples = [
    { description: 'What can be cleaned up, cluster-wide', command: 'kubectl storage orphans -A' },
    { description: 'The commands only, for review in a file', command: "kubectl storage orphans -A -o json | jq -r '.items[].commands[]'" },
    { description: 'What it costs, per object, per namespace and in total', command: 'kubectl storage orphans -A --pricing prices.yaml' },
  ];

  static override flags = { pricing: pricingFlag };

  // What it reads is what the checks of the core's 'orphans' view read (analysis/checks.ts).
  static override view = 'orphans' as const;

  protected async present(report: StorageReport, _args: ParsedArgs, flags: ParsedFlags): Promise<Presentation> {
    const [{ orphansView }, { viewPresentation }, { orphanOptions }] = await Promise.all([
      import('../render/orphans'),
      import('../lib/viewPresentation'),
      import('../lib/pricingFlag'),
    ]);
    return viewPresentation(orphansView(report, await orphanOptions(report, flags)));
  }
}
