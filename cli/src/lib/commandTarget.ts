// Where every command the CLI prints must point: the context that was read, the --kubeconfig given, and the
// connection flags of the read (--server, --user, --as...; a token only as a placeholder, never its value). Used
// for the report's hints and the orphans' clean-up commands alike.
import { commandTargetFor, type CommandTarget, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ConnectionFlagValues } from './connectionFlags';
import type { KubectlFlags } from './flags';

/** The flags a printed command's target comes from. */
export type TargetFlags = ConnectionFlagValues & Pick<KubectlFlags, 'kubeconfig'>;

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
    ['--as-uid', flags['as-uid']],
  ];
  for (const [flag, value] of pairs) if (value !== undefined) args.push(flag, value);
  for (const group of flags['as-group'] ?? []) args.push('--as-group', group);
  if (flags['insecure-skip-tls-verify'] === true) args.push('--insecure-skip-tls-verify');
  return args;
}

export function commandTargetOf(report: StorageReport, flags: TargetFlags): CommandTarget {
  const { kubeconfig } = flags;
  return commandTargetFor(report.source, { ...(kubeconfig ? { kubeconfig } : {}), connection: connectionArgs(flags) });
}
