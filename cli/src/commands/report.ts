import type { StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { pricingFlag } from '../lib/pricingFlag';
import { dataCommandDescription, StorageCommand, type ParsedArgs, type ParsedFlags, type Presentation } from '../lib/storageCommand';

export default class Report extends StorageCommand {
  static override summary = 'Everything: a summary, then every finding, most severe first.';
  static override description = dataCommandDescription(
    'Reads PersistentVolumes, claims, StorageClasses, pods, StatefulSets, Services, EndpointSlices, Ingresses, ' +
      'IngressClasses, nodes, Secrets (metadata only, for the TLS check) and kubelet volume stats, and reports ' +
      'what needs attention. -o json prints exactly one StorageReport (apiVersion kubectl-storage.io/v1alpha1), ' +
      '-o yaml the same in YAML; -o wide adds hint and related columns.',
  );
  static override examples = [
    { description: 'The bundled demo cluster, no cluster needed', command: 'kubectl storage report --from-file test/fixtures/demo-cluster.json' },
    { description: 'Every namespace of the current context', command: 'kubectl storage report -A' },
    { description: 'CI gate: fail on critical findings, and on partial data', command: 'kubectl storage report -A --fail-on critical --strict' },
    { description: 'One service, as its Backstage page shows it', command: 'kubectl storage report -n shop -l app=web' },
    { description: 'Offline, from dumps (a file and stdin)', command: 'kubectl get pv,pvc,sc,pods,sts,svc,endpointslices,ingress,ingressclass -A -o json | kubectl storage report -f -' },
    { description: 'Machine-readable', command: 'kubectl storage report -A -o json | jq .summary' },
    { description: 'What orphaned storage costs per month', command: 'kubectl storage report -A --pricing prices.yaml' },
  ];

  static override flags = { pricing: pricingFlag };
  // The 'report' view (the default): every check, so every analysed kind and kubelet volume stats.

  protected async present(input: StorageReport, _args: ParsedArgs, flags: ParsedFlags): Promise<Presentation> {
    const { renderReport } = await import('../render/report');
    const report = flags.pricing ? await withOrphanCost(input, flags.pricing) : input;
    return { data: report, lines: (ctx) => renderReport(report, ctx), findings: report.findings };
  }
}

/** --pricing: the report carries what its orphans cost (StorageReport.orphanCost). */
async function withOrphanCost(report: StorageReport, file: string): Promise<StorageReport> {
  const [{ loadPricingFile }, { orphanCostOf }] = await Promise.all([import('../lib/pricingFile'), import('@kubectl-storage/plugin-kubernetes-storage-common')]);
  return { ...report, orphanCost: orphanCostOf(report, await loadPricingFile(file)) };
}
