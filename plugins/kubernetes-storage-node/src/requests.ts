// The requests of one collection run: bounded concurrency, the per-request timeout, cancellation, and the rule
// that tells "this kind failed" (an incomplete entry) from "the cluster cannot be reached at all" (an error).
import type { ApiResponse, ClusterConnection, GetOptions } from './connection';
import { Semaphore } from './concurrency';
import { AuthError, ClusterUnreachableError } from './errors';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry';

export type GetOutcome = ({ ok: true } & ApiResponse) | { ok: false; error: ClusterUnreachableError };

export interface RunOptions {
  concurrency: number;
  requestTimeoutMs: number;
  signal?: AbortSignal;
  /** Default the connection's (ConnectOptions.retry). */
  retry?: RetryOptions;
}

export class RunRequests {
  /** Aborts with the caller's reason, or with the fatal error that ended the run. */
  readonly signal: AbortSignal;
  /** 2xx responses so far. */
  successes = 0;
  /** Requests repeated after 429/500/503 or a dropped connection (listPaged). */
  retries = 0;
  readonly retry: RetryPolicy;
  private readonly semaphore: Semaphore;
  private readonly internal = new AbortController();
  private sawResponse = false;
  private fatal: { error: unknown } | undefined;

  constructor(
    private readonly conn: ClusterConnection,
    private readonly options: RunOptions,
  ) {
    this.semaphore = new Semaphore(options.concurrency);
    this.retry = retryPolicy(options.retry ?? conn.retry);
    this.signal = options.signal ? AbortSignal.any([options.signal, this.internal.signal]) : this.internal.signal;
  }

  /** Why the run stopped early: the fatal error, else the caller's abort reason. */
  stopReason(): unknown {
    return this.fatal ? this.fatal.error : this.options.signal?.reason;
  }

  private stop(error: unknown): never {
    this.fatal ??= { error };
    this.internal.abort(error);
    throw this.fatal.error;
  }

  /**
   * GETs through the pool. A network failure before the server ever answered means it is unreachable: that ends
   * the whole run (every other request would fail the same way, each after its own timeout). Once the server has
   * answered, a network failure is one request's problem and comes back as `{ ok: false }`.
   */
  async get(path: string, o: Omit<GetOptions, 'signal' | 'timeoutMs'> & { timeoutMs?: number } = {}): Promise<GetOutcome> {
    if (this.signal.aborted) throw this.stopReason();
    try {
      const response = await this.semaphore.run(() => {
        if (this.signal.aborted) throw this.stopReason();
        return this.conn.get(path, { ...o, timeoutMs: o.timeoutMs ?? this.options.requestTimeoutMs, signal: this.signal });
      });
      this.sawResponse = true;
      if (response.status >= 200 && response.status < 300) this.successes++;
      return { ok: true, ...response };
    } catch (err) {
      if (this.signal.aborted) throw this.stopReason();
      if (err instanceof AuthError) this.stop(err);
      if (err instanceof ClusterUnreachableError) {
        if (!this.sawResponse) this.stop(err);
        return { ok: false, error: err };
      }
      throw err;
    }
  }
}
