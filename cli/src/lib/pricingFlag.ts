// --pricing (orphans, report) and the options the clean-up list is built with: prices, and the kubectl flags that
// point printed commands at the cluster that was read (--context always; --kubeconfig when one was given).
import { Flags } from '@oclif/core';
import { commandTargetFor, type OrphanOptions, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';

export const pricingFlag = Flags.string({
  summary: 'YAML map of StorageClass to price per GiB-month (e.g. "standard: 0.10", optional "currency: EUR"): adds what orphaned storage costs.',
  helpValue: '<file>',
  helpGroup: 'CHECKS',
});

export async function orphanOptions(report: StorageReport, flags: Record<string, unknown>): Promise<OrphanOptions> {
  const file = flags.pricing as string | undefined;
  const kubeconfig = flags.kubeconfig as string | undefined;
  const pricing = file ? await (await import('./pricingFile')).loadPricingFile(file) : undefined;
  return { ...(pricing ? { pricing } : {}), target: commandTargetFor(report.source, kubeconfig ? { kubeconfig } : {}) };
}
