// Failures a user can act on, each with a one-line message (the CLI prints it as is, never a stack trace) and a
// stable `code` the CLI maps to its exit codes.

export type CollectorErrorCode = 'KUBECONFIG' | 'CLUSTER_UNREACHABLE' | 'AUTH' | 'NOTHING_READ' | 'DUMP';

export abstract class CollectorError extends Error {
  abstract readonly code: CollectorErrorCode;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The kubeconfig is missing, unreadable, unparseable, or names a context, cluster or user it does not define. */
export class KubeconfigError extends CollectorError {
  readonly code = 'KUBECONFIG' as const;
  override readonly name = 'KubeconfigError';
}

export type UnreachableReason = 'refused' | 'dns' | 'tls' | 'timeout' | 'network';

/** No answer from the API server: connection refused, unknown host, TLS failure, or no response in time. */
export class ClusterUnreachableError extends CollectorError {
  readonly code = 'CLUSTER_UNREACHABLE' as const;
  override readonly name = 'ClusterUnreachableError';
  constructor(
    message: string,
    readonly reason: UnreachableReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The API server rejected the credentials (401), or the kubeconfig's auth provider could not produce any. */
export class AuthError extends CollectorError {
  readonly code = 'AUTH' as const;
  override readonly name = 'AuthError';
}

/**
 * The server answered, but not one kind could be read: every LIST was forbidden, failed (500) or was not a
 * Kubernetes list at all (an HTML login page, a proxy's error page). A report built from that would say "No
 * findings." about a cluster it never saw, so it is an error, not a report full of gaps.
 */
export class NothingReadError extends CollectorError {
  readonly code = 'NOTHING_READ' as const;
  override readonly name = 'NothingReadError';
}

/** An input file is not JSON/YAML Kubernetes objects; the message names the file (and the item). */
export class DumpError extends CollectorError {
  readonly code = 'DUMP' as const;
  override readonly name = 'DumpError';
}

/** The first line of an error message, without a trailing period: for embedding third-party errors in ours. */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').trim().replace(/\.$/, '');
}
