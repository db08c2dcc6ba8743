// The pipeline behind every data command: collect from the cluster (or load dumps), scope like kubectl, analyze
// with the core. Loaded only once a command runs; the collectors and @kubernetes/client-node load on first use.
import type { ResourceKind, Snapshot, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
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
import type { KubectlFlagValues } from './storageCommand';

export interface LoadOptions {
  /** The kinds the command needs from a cluster ('all': every analysed kind and kubelet volume stats). */
  kinds: readonly ResourceKind[] | 'all';
  /** Read as well when a label selector is given (what scoping follows to the view's objects). */
  selectorKinds?: readonly ResourceKind[];
  /** A cluster-scoped view (`pv`): read and keep every namespace whatever -n says, like `kubectl get pv`. */
  clusterScoped?: boolean;
  /** Registered undo actions (the progress line) the error path runs too. */
  cleanups: (() => void)[];
  /** A warning line for stderr. */
  warn(message: string): void;
  /** Extra collector options (tests: a request clock). */
  connect?: Pick<ConnectOptions, 'timeoutSignal'>;
}

function parseNow(now: string | undefined): Date | undefined {
  if (now === undefined) return undefined;
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw usageError(`invalid --now "${now}": expected an ISO 8601 time`);
  return date;
}

/** What a live run reads: the command's kinds, with the selector's extras when -l is given. */
export function kindsToRead(
  options: Pick<LoadOptions, 'kinds' | 'selectorKinds'>,
  selector: string | undefined,
  analysedKinds: readonly ResourceKind[],
): ResourceKind[] {
  if (options.kinds === 'all') return [...analysedKinds, 'volumestats'];
  return [...new Set([...options.kinds, ...(selector !== undefined ? (options.selectorKinds ?? []) : [])])];
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

async function collectLive(flags: KubectlFlagValues, options: LoadOptions): Promise<{ snapshot: Snapshot; namespaces?: string[] }> {
  const [{ connect, collectSnapshot }, { ANALYSED_KINDS }] = await Promise.all([
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
  const kinds = kindsToRead(options, flags.selector, ANALYSED_KINDS);
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

async function loadFiles(files: string[], flags: KubectlFlagValues, options: LoadOptions): Promise<{ snapshot: Snapshot; namespaces?: string[] }> {
  const given = givenConnectionFlags(flags);
  if (given.length > 0) throw usageError(`--from-file cannot be combined with --${given[0]}: a dump is not read from a cluster`);
  const { loadDump, readDumpStream } = await import('@kubectl-storage/plugin-kubernetes-storage-node');
  const stdin = files.includes('-') ? await readDumpStream(process.stdin) : undefined;
  const { snapshot, ignored } = loadDump(files, { stdin, recursive: flags.recursive === true });
  // Known kinds in an API version we do not read (extensions/v1beta1 Ingress...) would silently vanish otherwise.
  for (const [label, count] of Object.entries(ignored)) {
    if (label.includes('(')) options.warn(`ignored ${count} ${label} object${count === 1 ? '' : 's'}: API version not supported`);
  }
  return { snapshot, namespaces: options.clusterScoped ? undefined : resolveNamespaces(flags, undefined) };
}

export async function loadReport(flags: KubectlFlagValues, options: LoadOptions): Promise<StorageReport> {
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
