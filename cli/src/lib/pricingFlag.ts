// --pricing (orphans, report) and the options the clean-up list is built with: prices, and the kubectl flags that
// point printed commands at the cluster that was read (--context always; --kubeconfig when one was given).
import { Flags } from '@oclif/core';
import { commandTargetFor, type OrphanOptions, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ConnectionFlagValues } from './connectionFlags';

export const pricingFlag = Flags.string({
  summary: 'YAML map of StorageClass to price per GiB-month (e.g. "standard: 0.10", optional "currency: EUR"): adds what orphaned storage costs.',
  helpValue: '<file>',
  helpGroup: 'CHECKS',
});

/** Placeholder for --token in printed commands: a bearer token is a secret and never printed. */
export const TOKEN_PLACEHOLDER = '<token>';

/** The connection flags the read was given, as arguments for a printed command (the token as a placeholder). */
export function connectionArgs(flags: ConnectionFlagValues): string[] {
  const args: string[] = [];
  const pairs: [string, string | undefined][] = [
    ['--server', flags.server],
    ['--cluster', flags.cluster],
    ['--user', flags.user],
    ['--certificate-authority', flags['certificate-authority']],
    ['--token', flags.token !== undefined ? TOKEN_PLACEHOLDER : undefined],
    ['--as', flags.as],
  ];
  for (const [flag, value] of pairs) if (value !== undefined) args.push(flag, value);
  for (const group of flags['as-group'] ?? []) args.push('--as-group', group);
  if (flags['insecure-skip-tls-verify'] === true) args.push('--insecure-skip-tls-verify');
  return args;
}

export async function orphanOptions(report: StorageReport, flags: Record<string, unknown>): Promise<OrphanOptions> {
  const file = flags.pricing as string | undefined;
  const kubeconfig = flags.kubeconfig as string | undefined;
  const pricing = file ? await (await import('./pricingFile')).loadPricingFile(file) : undefined;
  const connection = connectionArgs(flags as ConnectionFlagValues);
  return { ...(pricing ? { pricing } : {}), target: commandTargetFor(report.source, { ...(kubeconfig ? { kubeconfig } : {}), connection }) };
}
