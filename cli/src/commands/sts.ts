import { Args } from '@oclif/core';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Sts extends StorageCommand {
  static override hiddenAliases = ['statefulset', 'statefulsets'];
  static override summary = 'StatefulSet ordinal health: one line per ordinal with pod, readiness, restarts, revision, PVC and PV.';
  static override description = dataCommandDescription(
    'Without a name, one line per StatefulSet (ready/desired, governing Service, revision, the ordinal that blocks ' +
      'the rollout, leftover ordinals). With a name, the set summary and one line per ordinal: pod, status, why it ' +
      'is not Ready, restarts, revision, PVC and PV; -o wide adds node, age, claim and volume phases. Then the ' +
      'findings about the set, its pods, claims and volumes. -o json|yaml prints a StatefulSetList {"items": [...], ' +
      '"findings": [...], "incomplete": [...]}. An unknown name is a usage error (exit 2).',
  );
  static override examples = [
    { description: 'Why is the rollout of web stuck?', command: 'kubectl storage sts web -n shop' },
    { description: 'Every StatefulSet of the cluster', command: 'kubectl storage sts -A' },
    { description: 'Ordinals with node and claim phases', command: 'kubectl storage sts kafka -n messaging -o wide' },
  ];
  static override args = { name: Args.string({ description: 'StatefulSet name (omit to list all in scope).' }) };

  // What it reads is what the checks of the core's 'sts' view read (analysis/checks.ts).
  static override view = 'sts' as const;

  protected async present(report: StorageReport, args: { name?: string }): Promise<Presentation> {
    const [{ statefulSetsView }, { viewPresentation }] = await Promise.all([import('../render/statefulSets'), import('../lib/viewPresentation')]);
    const view = statefulSetsView(report, args.name);
    if (args.name !== undefined && view.rows.length === 0) throw (await import('../lib/notFound')).notFound('statefulset', args.name, report);
    return viewPresentation(view);
  }
}

