// What one data command is, as data: its help, its own args and flags, the core's view whose checks decide what a
// cluster is asked for, and how it shows its slice of the report. views/registry.ts lists them; viewCommand turns
// one into the oclif command class its module exports.
import type { Command, Interfaces } from '@oclif/core';
import type { StorageReport, ViewName } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { kubectlFlags } from '../lib/flags';
import type { Presentation } from '../lib/presentation';

type NoInput = Record<never, never>;

export interface ViewSpec<F extends Interfaces.FlagInput = NoInput, A extends Interfaces.ArgInput = NoInput> {
  /**
   * The core's view (analysis/checks.ts): a cluster is asked for the kinds its checks read (kindsOfView), nothing
   * else. 'report' runs every check, so it reads every analysed kind and the kubelet volume stats.
   */
  view: ViewName;
  summary: string;
  /** The command's own paragraph; the NAMESPACES, EXIT CODES and errors help every data command ends with is appended. */
  description: string;
  examples: Command.Example[];
  /** kubectl's other spellings (`pvs`, `statefulsets`, `ing`): they run the command and stay out of the help. */
  hiddenAliases?: string[];
  /** A view of cluster-scoped objects: namespaces do not apply (as `kubectl get pv -n x` lists every volume). */
  clusterScoped?: boolean;
  args?: A;
  /** Flags of this command only; every data command has the kubectl flags (lib/flags.ts) too. */
  flags?: F;
  /**
   * The slice of the report the command prints. Loads its renderer lazily: a command module is loaded for --help
   * and must stay light. (A method: the registry holds views of different flags under one type.)
   */
  present(
    report: StorageReport,
    args: Interfaces.InferredArgs<A>,
    flags: Interfaces.InferredFlags<typeof kubectlFlags & F>,
  ): Promise<Presentation>;
}

/** A view with its args' and flags' value types inferred from their definitions (no hand-kept interface). */
export const defineView = <F extends Interfaces.FlagInput = NoInput, A extends Interfaces.ArgInput = NoInput>(spec: ViewSpec<F, A>): ViewSpec<F, A> =>
  spec;

/** Any view, whatever its flags: what the registry holds and viewCommand reads. */
export type AnyViewSpec = ViewSpec<Interfaces.FlagInput, Interfaces.ArgInput>;
