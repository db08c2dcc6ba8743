import type { ResourceKind, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Pvc extends StorageCommand {
  static override hiddenAliases = ['pvcs', 'persistentvolumeclaim', 'persistentvolumeclaims'];
  static override summary = 'PersistentVolumeClaims: phase, volume, size, and which pods mount them.';
  static override description = dataCommandDescription(
    'Lists claims like `kubectl get pvc`, plus USED BY (the pods that mount each claim); -o wide adds the request, ' +
      'the StatefulSet ordinal and the used percentage when known; then the findings about the listed claims. ' +
      '-o json|yaml prints a PersistentVolumeClaimList {"items": [...], "findings": [...], "incomplete": [...]} (docs/schemas/).',
  );
  static override examples = [
    { description: "Claims in the context's namespace", command: 'kubectl storage pvc' },
    { description: 'Claims of every namespace, with more columns', command: 'kubectl storage pvc -A -o wide' },
    { description: "One app's claims", command: 'kubectl storage pvc -n shop -l app=web' },
  ];

  // Claims, their volumes and classes (Lost, Pending and resize checks), the pods that mount them (USED BY, unused,
  // multi-node), StatefulSets (per-ordinal claims are the StatefulSet checks' business, not "unused"), and CSIDrivers
  // (whether a volume is attached at all decides whether two nodes mean a Multi-Attach wait).
  static override kinds: readonly ResourceKind[] = ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'pods', 'statefulsets', 'csidrivers'];

  protected async present(report: StorageReport): Promise<Presentation> {
    const [{ claimsView }, { viewPresentation }] = await Promise.all([import('../render/claims'), import('../lib/viewPresentation')]);
    return viewPresentation(claimsView(report));
  }
}
