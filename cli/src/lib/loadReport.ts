// The pipeline behind every data command: collect from the cluster (or load dumps), scope like kubectl, analyze
// with the core. Loaded only once a command runs; the collectors and @kubernetes/client-node load on first use.
import type { ResourceKind, Snapshot, StorageReport, ViewName } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ConnectOptions, RequestEvent } from '@kubectl-storage/plugin-kubernetes-storage-node';
import { connectionOverrides, givenConnectionFlags } from './connectionFlags';
import { ExitCode } from './exitCodes';
import { REQUEST_LOG_LEVEL } from './verbosity';
import { STATUS_CODES } from 'node:http';
import { createProgress } from './progress';
import { progressTracker } from './progressText';
import { usageError } from './errors';
import { MAX_TIMEOUT_MS } from './requestTimeout';
import { applyScope, reportScope, resolveNamespaces } from './scope';
import type { KubectlFlags } from './flags';

export interface LoadOptions {
  /**
   * The view the command shows: a cluster is asked for the kinds its checks read (the core's kindsOfView), and
   * nothing else: a kind not asked for is neither requested nor reported unreadable (a user without `list secrets`
   * runs `pv` without a warning), and the analysis concludes nothing from its absence. A dump brings what it holds.
   */
  view: ViewName;
  /** Only kinds read by LIST (no kubelet stats: diff does not compare them). */
  listedOnly?: boolean;
  /** A cluster-scoped view (`pv`): read and keep every namespace whatever -n says, like `kubectl get pv`. */
  clusterScoped?: boolean;
  /** Registered undo actions (the progress line) the error path runs too. */
  cleanups: (() => void)[];
  /** A warning line for stderr. */
  warn(message: string): void;
  /** Extra collector options (tests: a request clock). */
  connect?: Pick<ConnectOptions, 'timeoutSignal' | 'retry'>;
}

function parseNow(now: string | undefined): Date | undefined {
  if (now === undefined) return undefined;
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw usageError(`invalid --now "${now}": expected an ISO 8601 time`);
  return date;
}

/** What a live run reads: the kinds the view's checks read, with the selection's when -l is given. */
export function kindsToRead(
  options: Pick<LoadOptions, 'view' | 'listedOnly'>,
  selector: string | undefined,
  core: Pick<typeof import('@kubectl-storage/plugin-kubernetes-storage-common'), 'kindsOfView' | 'isListed'>,
): ResourceKind[] {
  const kinds = core.kindsOfView(options.view, { selector: selector !== undefined });
  return options.listedOnly ? kinds.filter(core.isListed) : kinds;
}

/** kubectl -v=6's request line: "GET https://... 200 OK in 12 milliseconds". */
export function requestLine(e: RequestEvent): string {
  const outcome = e.status !== undefined ? `${e.status} ${STATUS_CODES[e.status] ?? ''}`.trimEnd() : `(${e.error ?? 'no response'})`;
  return `${e.method} ${e.url} ${outcome} in ${e.milliseconds} milliseconds`;
}

/**
 * Ctrl-C while a cluster is read: clear the progress line, exit 130 (128 + SIGINT, what a shell reports for a
 * process the signal ended) without a stack trace or an error line. Returns the undo.
 */
function exitOnInterrupt(cleanups: (() => void)[]): () => void {
  const onSigint = (): void => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    process.exit(ExitCode.Interrupted);
  };
  process.once('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

async function collectLive(flags: KubectlFlags, options: LoadOptions): Promise<{ snapshot: Snapshot; namespaces?: string[] }> {
  const [{ connect, collectSnapshot }, core] = await Promise.all([
    import('@kubectl-storage/plugin-kubernetes-storage-node'),
    import('@kubectl-storage/plugin-kubernetes-storage-common'),
  ]);
  const timeout = flags['request-timeout'];
  const logRequests = (flags.verbose ?? 0) >= REQUEST_LOG_LEVEL;
  const conn = connect({
    kubeconfig: flags.kubeconfig,
    context: flags.context,
    overrides: connectionOverrides(flags),
    // kubectl's "0" means no timeout: the longest a timer can wait.
    requestTimeoutMs: timeout === 0 ? MAX_TIMEOUT_MS : timeout,
    ...(logRequests ? { onRequest: (e: RequestEvent) => void process.stderr.write(`${requestLine(e)}\n`) } : {}),
    ...options.connect,
  });
  const namespaces = options.clusterScoped ? undefined : resolveNamespaces(flags, conn.namespace);
  // Request lines and a self-overwriting progress line on the same stderr would garble each other.
  const progress = logRequests ? { update() {}, done() {} } : createProgress(process.stderr);
  options.cleanups.push(() => progress.done());
  const undoInterrupt = exitOnInterrupt(options.cleanups);
  const kinds = kindsToRead(options, flags.selector, core);
  // With --server and no kubeconfig context, the server is what is read.
  const where = conn.context ? `context ${conn.context}` : conn.server;
  // Kubelet stats are not a LIST and report no progress of their own.
  const describe = progressTracker(where, kinds.filter((k) => k !== 'volumestats').length);
  progress.update(`Reading ${where}...`);
  try {
    const snapshot = await collectSnapshot(conn, {
      namespaces,
      kinds,
      onProgress: (event) => progress.update(describe(event)),
    });
    return { snapshot, namespaces };
  } finally {
    undoInterrupt();
    progress.done();
  }
}

async function loadFiles(files: string[], flags: KubectlFlags, options: LoadOptions): Promise<{ snapshot: Snapshot; namespaces?: string[] }> {
  const given = givenConnectionFlags(flags);
  if (given.length > 0) throw usageError(`--from-file cannot be combined with --${given[0]}: a dump is not read from a cluster`);
  const { loadDump, readDumpBytes } = await import('@kubectl-storage/plugin-kubernetes-storage-node');
  // Bytes, not a string: a kubectl List on stdin is then read item by item like a file, past V8's string limit too.
  const stdin = files.includes('-') ? await readDumpBytes(process.stdin) : undefined;
  const { snapshot, ignored } = loadDump(files, { stdin, recursive: flags.recursive === true });
  // Known kinds in an API version we do not read (extensions/v1beta1 Ingress...) would silently vanish otherwise.
  for (const [label, count] of Object.entries(ignored)) {
    if (label.includes('(')) options.warn(`ignored ${count} ${label} object${count === 1 ? '' : 's'}: API version not supported`);
  }
  return { snapshot, namespaces: options.clusterScoped ? undefined : resolveNamespaces(flags, undefined) };
}

export async function loadReport(flags: KubectlFlags, options: LoadOptions): Promise<StorageReport> {
  const now = parseNow(flags.now);
  const { analyze, parseLabelSelector } = await import('@kubectl-storage/plugin-kubernetes-storage-common');
  if (flags.selector !== undefined) {
    try {
      parseLabelSelector(flags.selector);
    } catch (err) {
      throw usageError((err as Error).message);
    }
  }
  const files = flags['from-file'] ?? [];
  const { snapshot, namespaces } = files.length > 0 ? await loadFiles(files, flags, options) : await collectLive(flags, options);
  const scope = reportScope(namespaces, flags.selector);
  return analyze(applyScope(snapshot, scope), { now, ...(scope ? { scope } : {}) });
}
