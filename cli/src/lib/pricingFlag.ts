// --pricing (orphans, report) and the options the clean-up list is built with: prices, and where its printed
// commands point (lib/commandTarget.ts).
import { Flags } from '@oclif/core';
import type { OrphanOptions, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { TargetFlags } from './commandTarget';

export const pricingFlag = Flags.string({
  summary: 'YAML map of StorageClass to price per GiB-month (e.g. "standard: 0.10", optional "currency: EUR"): adds what orphaned storage costs.',
  helpValue: '<file>',
  helpGroup: 'CHECKS',
});

export async function orphanOptions(report: StorageReport, flags: TargetFlags & { pricing?: string }): Promise<OrphanOptions> {
  const file = flags.pricing;
  const pricing = file ? await (await import('./pricingFile')).loadPricingFile(file) : undefined;
  // Lazily, like the file: the flag is defined in the views registry, which every command module loads for --help.
  const { commandTargetOf } = await import('./commandTarget');
  return { ...(pricing ? { pricing } : {}), target: commandTargetOf(report, flags) };
}
