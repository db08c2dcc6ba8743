import type { ResourceKind, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Orphans extends StorageCommand {
  static override summary = 'The clean-up list: orphaned volumes, leftover StatefulSet claims, unused claims, with the kubectl commands to remove them.';
  static override description = dataCommandDescription(
    'Lists storage nothing uses any more: Released volumes with reclaim policy Retain (and the StatefulSet ordinal ' +
      'they belonged to), claims of ordinals a StatefulSet scaled away from, and claims no pod mounts; each with its ' +
      'size and age, then the exact kubectl commands an admin would run. kubectl-storage only reads: it never runs ' +
      'them. -o json|yaml prints {"orphans": [...each with "commands"], "findings": [...], "incomplete": [...]}.',
  );
  static override examples = [
    { description: 'What can be cleaned up, cluster-wide', command: 'kubectl storage orphans -A' },
    { description: 'The commands only, for review in a file', command: "kubectl storage orphans -A -o json | jq -r '.orphans[].commands[]'" },
  ];

  // Released volumes, claims, the pods that mount them (unused, leftover) and StatefulSets (ordinals, leftovers).
  static override kinds: readonly ResourceKind[] = ['persistentvolumes', 'persistentvolumeclaims', 'pods', 'statefulsets'];

  protected async present(report: StorageReport): Promise<Presentation> {
    const [{ orphansView }, { viewPresentation }] = await Promise.all([import('../render/orphans'), import('../lib/viewPresentation')]);
    return viewPresentation(orphansView(report));
  }
}
