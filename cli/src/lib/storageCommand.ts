// The data commands (report, pv, pvc, sts, ingress, usage, orphans): read a cluster or a dump, scope it like
// kubectl, analyze it with the core, then print one slice of the StorageReport and exit with the documented code.
import type { Finding, StorageReport, ViewName } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from '../render/context';
import type { OutputDocument } from '../render/documents';
import { BaseCommand } from './baseCommand';
import type { ConnectionFlagValues } from './connectionFlags';
import type { LoadOptions } from './loadReport';
import { kubectlFlags } from './flags';

export { dataCommandDescription } from './helpText';

export interface KubectlFlagValues extends ConnectionFlagValues {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  'all-namespaces': boolean;
  selector?: string;
  'request-timeout'?: number;
  'from-file'?: string[];
  output: string;
  'sort-by'?: string;
  'no-headers': boolean;
  'fail-on'?: string;
  strict: boolean;
  /** -v=N: the log level (verbosity.ts). */
  verbose: number;
  recursive: boolean;
  now?: string;
}

/** What a command shows: the data for -o json|yaml, the table lines, and the findings --fail-on looks at. */
export interface Presentation {
  /** The document -o json|yaml|name|jsonpath|custom-columns print (render/documents.ts). */
  data: OutputDocument;
  lines(ctx: RenderContext): string[];
  findings: Finding[];
}

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

  /** Loads its renderer lazily: command modules are loaded for --help and must stay light. */
  protected abstract present(report: StorageReport, args: Record<string, unknown>, flags: Record<string, unknown>): Promise<Presentation>;

  async run(): Promise<void> {
    const ctor = this.constructor as typeof StorageCommand;
    const { args, flags } = await this.parse(ctor);
    const values = flags as unknown as KubectlFlagValues;
    const { loadReport } = await import('./loadReport');
    const report = await loadReport(values, {
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
    const exitCode = await printPresentation(presentation, targeted, values, {
      stdout: (text) => this.write(text),
      warn: (text) => this.warnLine(text),
    });
    if (exitCode !== 0) {
      await this.drainStdout();
      this.exit(exitCode);
    }
  }
}
