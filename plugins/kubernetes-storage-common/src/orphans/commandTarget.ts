// Every printed kubectl command must target exactly the cluster that was read: pasted as-is into a shell whose
// current context is another cluster, `kubectl delete pvc data-db-3` would delete there. So each command carries
// --context (and --kubeconfig when the read used one explicitly); for a dump, which does not say where it came
// from, the context is a placeholder the reader must fill in, so the command cannot run by accident.
import type { SnapshotSource } from '../model/snapshot';

export const DUMP_CONTEXT_PLACEHOLDER = '<context-of-the-dump>';

/** POSIX-shell quoting for one argument: plain words stay as they are, anything else is single-quoted. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface CommandTarget {
  /** Global kubectl flags, already split into arguments, e.g. ["--context", "prod", "--kubeconfig", "/k/prod"]. */
  flags: string[];
  /** Why the target is what it is, for the reader ("context prod of ~/.kube/config"). */
  description: string;
}

/**
 * The kubectl flags that point at the source of a report. `kubeconfig`: the file given with --kubeconfig, when
 * there was one (KUBECONFIG in the environment applies to the pasted command just as it did to the read).
 * `connection`: the connection flags the read was given (--server, --cluster, --user, --as, ...), already as
 * arguments, so the pasted command reaches the same server as the same identity; a token is never printed (the
 * caller passes a placeholder for it).
 */
export function commandTargetFor(source: SnapshotSource, options: { kubeconfig?: string; connection?: string[] } = {}): CommandTarget {
  if (source.type === 'file') {
    return {
      flags: ['--context', DUMP_CONTEXT_PLACEHOLDER],
      description: `${DUMP_CONTEXT_PLACEHOLDER}: replace it with the context of the cluster ${source.files.join(', ') || 'the dump'} was taken from`,
    };
  }
  // A configured cluster of the portal: its name is how portals name its kubeconfig context.
  if (source.type === 'cluster') return { flags: ['--context', source.name], description: `context ${source.name}` };
  // A read with --server and no kubeconfig has no context to name; its connection flags say where it went.
  const flags = source.context ? ['--context', source.context] : [];
  if (options.kubeconfig) flags.push('--kubeconfig', options.kubeconfig);
  flags.push(...(options.connection ?? []));
  const where = source.context ? `context ${source.context}` : `server ${source.server ?? '(unknown)'}`;
  const extra = [options.kubeconfig ? `of ${options.kubeconfig}` : '', options.connection?.length ? `with ${options.connection.filter((f) => f.startsWith('--')).join(' ')}` : '']
    .filter(Boolean)
    .join(' ');
  return { flags, description: `${where}${extra ? ` ${extra}` : ''}` };
}

/** `kubectl <target flags> <args>` as one shell line. */
export function kubectlCommand(target: CommandTarget, args: string[]): string {
  return ['kubectl', ...target.flags, ...args].map(shellQuote).join(' ');
}

/**
 * A kubectl command line in a hint: `kubectl` followed by its verb. Flags go right after `kubectl` (kubectl's own
 * verbs), or after the plugin name for `kubectl storage` (kubectl refuses flags placed before a plugin's name).
 */
const KUBECTL_COMMAND = /\bkubectl (storage )?(?=[a-z])/g;

/** Puts the target's flags into every kubectl command of a text; a command that already has --context is left alone. */
export function targetCommandText(text: string, target: CommandTarget): string {
  if (target.flags.length === 0) return text;
  const flags = target.flags.map(shellQuote).join(' ');
  return text.replace(KUBECTL_COMMAND, (match: string, plugin: string | undefined, offset: number) =>
    text.startsWith('--context', offset + match.length) ? match : `kubectl ${plugin ?? ''}${flags} `,
  );
}

/**
 * The report with every finding's hint aimed at the target: the analysis writes commands for the objects (with
 * -n for namespaced ones); the face that knows how its reader reaches the cluster (the CLI: context, kubeconfig and
 * connection flags; the portal: the cluster's name) adds the rest here, once, for every hint.
 */
export function targetReport<R extends { findings: { hint?: string }[] }>(report: R, target: CommandTarget): R {
  return { ...report, findings: report.findings.map((f) => (f.hint ? { ...f, hint: targetCommandText(f.hint, target) } : f)) };
}
