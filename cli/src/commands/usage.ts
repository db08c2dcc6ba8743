import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { dataCommandDescription, StorageCommand, type Presentation } from '../lib/storageCommand';

export default class Usage extends StorageCommand {
  static override summary = 'Volume usage from the kubelets, df-style, with used %.';
  static override description = dataCommandDescription(
    "df for claims: size, used, available and use% of every mounted claim whose CSI driver reports stats, read " +
      "from each node's kubelet (/stats/summary through the API server proxy; needs get on nodes/proxy). A node " +
      'that does not answer is reported as partial data, the others are still shown. -o wide adds volume, class and ' +
      'pods. Dumps carry no kubelet stats. -o json|yaml prints a VolumeUsageList {"items": [...], "findings": [...], "incomplete": [...]}.',
  );
  static override examples = [
    { description: "Usage of the claims in the context's namespace", command: 'kubectl storage usage' },
    { description: 'Nearly full volumes anywhere, as a CI or cron check', command: 'kubectl storage usage -A --fail-on warning' },
  ];
  // What it reads is what the checks of the core's 'usage' view read (analysis/checks.ts).
  static override view = 'usage' as const;

  protected async present(report: StorageReport): Promise<Presentation> {
    const [{ usageView }, { viewPresentation }] = await Promise.all([import('../render/usage'), import('../lib/viewPresentation')]);
    return viewPresentation(usageView(report));
  }
}
