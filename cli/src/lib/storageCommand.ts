// The data commands (report, pv, pvc, sts, ingress, usage, orphans: views/registry.ts; diff): read a cluster or a
// dump, scope it like kubectl, analyze it with the core, then print one slice of the StorageReport and exit with
// the documented code.
import type { Interfaces } from '@oclif/core';
import type { StorageReport, ViewName } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { BaseCommand } from './baseCommand';
import { kubectlFlags, type KubectlFlags } from './flags';
import type { LoadOptions } from './loadReport';
import type { Presentation } from './presentation';

export { dataCommandDescription } from './helpText';

/** The parsed args and flags of a data command: its own (any, per command) and the kubectl flags every one has. */
export type ParsedArgs = Interfaces.ParserOutput['args'];
export type ParsedFlags = KubectlFlags & Interfaces.ParserOutput['flags'];

export abstract class StorageCommand extends BaseCommand {
  static override baseFlags = kubectlFlags;
  /**
   * The core's view this command shows: a cluster is asked for the kinds its checks read (kindsOfView), nothing
   * else. 'report': every check, so every analysed kind and kubelet volume stats (one proxied request per node).
   */
  static view: ViewName = 'report';
  /** A view of cluster-scoped objects: namespaces do not apply (as `kubectl get pv -n x` lists every volume). */
  static clusterScoped = false;

  /** Extra collector options; tests inject a request clock here (ConnectOptions.timeoutSignal). */
  protected connectOptions(): LoadOptions['connect'] {
    return {};
  }

  /**
   * What the command prints of the report: the whole of it by default, as the default view 'report' reads
   * everything; each registry view shows its own slice (views/viewCommand.ts). Loads its renderer lazily: command
   * modules are loaded for --help and must stay light.
   */
  protected async present(report: StorageReport, _args: ParsedArgs, _flags: ParsedFlags): Promise<Presentation> {
    return (await import('./viewPresentation')).reportPresentation(report);
  }

  async run(): Promise<void> {
    const ctor = this.constructor as typeof StorageCommand;
    const { args, flags } = await this.parse(ctor);
    const { loadReport } = await import('./loadReport');
    const report = await loadReport(flags, {
      view: ctor.view,
      clusterScoped: ctor.clusterScoped,
      cleanups: this.cleanups,
      warn: (text) => this.warnLine(text),
      connect: this.connectOptions(),
    });
    // Every hint's kubectl command points at what was read (context, kubeconfig, connection flags).
    const [{ targetReport }, { commandTargetOf }] = await Promise.all([import('@kubectl-storage/plugin-kubernetes-storage-common'), import('./commandTarget')]);
    const targeted = targetReport(report, commandTargetOf(report, flags));
    const presentation = await this.present(targeted, args, flags);
    const { printPresentation } = await import('./printPresentation');
    const exitCode = await printPresentation(presentation, targeted, flags, {
      stdout: (text) => this.write(text),
      warn: (text) => this.warnLine(text),
    });
    if (exitCode !== 0) {
      await this.drainStdout();
      this.exit(exitCode);
    }
  }
}
