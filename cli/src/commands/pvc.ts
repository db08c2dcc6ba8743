import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
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

  // What it reads is what the checks of the core's 'pvc' view read (analysis/checks.ts).
  static override view = 'pvc' as const;

  protected async present(report: StorageReport): Promise<Presentation> {
    const [{ claimsView }, { viewPresentation }] = await Promise.all([import('../render/claims'), import('../lib/viewPresentation')]);
    return viewPresentation(claimsView(report));
  }
}
