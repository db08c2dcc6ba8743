import { Args, Flags } from '@oclif/core';
import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { usageError } from '../lib/errors';
import { PV_PHASES } from '../lib/phases';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Pv extends StorageCommand {
  static override hiddenAliases = ['pvs', 'persistentvolume', 'persistentvolumes'];
  static override summary = 'PersistentVolumes: phase, how long in it, claim, and the StatefulSet ordinal behind it.';
  static override description = dataCommandDescription(
    'Lists PersistentVolumes like `kubectl get pv` (cluster-scoped: -n does not apply, -l does), with SINCE (time in the current phase) and, with -o wide, the ' +
      'volume source, the StatefulSet ordinal the volume belongs or belonged to, and the status message; then the ' +
      'findings about the listed volumes. With a NAME, that volume only (an unknown name is a usage error, exit 2). ' +
      '-o json|yaml prints a PersistentVolumeList {"items": [...], "findings": [...], "incomplete": [...]} (docs/schemas/).',
  );
  static override examples = [
    { description: 'Orphaned volumes: Released, reclaim policy Retain, nobody will ever use them', command: 'kubectl storage pv --orphaned' },
    { description: 'Volumes in phase Failed, with their status message', command: 'kubectl storage pv --phase Failed -o wide' },
    { description: 'One volume, with its findings', command: 'kubectl storage pv pvc-0b7f3c2e -o wide' },
    { description: 'From a dump', command: 'kubectl storage pv -f cluster.json' },
  ];
  static override clusterScoped = true;
  // What it reads is what the checks of the core's 'pv' view read (analysis/checks.ts).
  static override view = 'pv' as const;
  static override flags = {
    orphaned: Flags.boolean({ summary: 'Only orphaned volumes (Released with reclaim policy Retain).' }),
    phase: Flags.string({
      summary: 'Only volumes in this phase: Pending, Available, Bound, Released or Failed (any case).',
      helpValue: '<phase>',
      parse: async (input) => {
        const phase = PV_PHASES.find((p) => p.toLowerCase() === input.toLowerCase());
        if (!phase) throw usageError(`Expected --phase=${input} to be one of: ${PV_PHASES.join(', ')}`);
        return phase;
      },
    }),
  };

  static override args = { name: Args.string({ description: 'PersistentVolume name (omit to list all).' }) };

  protected async present(report: StorageReport, args: { name?: string }, flags: { orphaned?: boolean; phase?: string }): Promise<Presentation> {
    const [{ volumesView }, { viewPresentation }] = await Promise.all([import('../render/volumes'), import('../lib/viewPresentation')]);
    // One volume, as `kubectl get pv NAME`: the view (and its findings) narrowed to it.
    const scoped = args.name === undefined ? report : { ...report, volumes: report.volumes.filter((v) => v.name === args.name) };
    if (args.name !== undefined && scoped.volumes.length === 0) throw usageError(`persistentvolume "${args.name}" not found`);
    return viewPresentation(volumesView(scoped, { orphaned: flags.orphaned, phase: flags.phase }));
  }
}
