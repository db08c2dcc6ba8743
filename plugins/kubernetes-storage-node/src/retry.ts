// Retries of one LIST request the API server asked us to repeat: 429 Too Many Requests (API Priority and Fairness,
// max-in-flight) and 500/503 (an etcd leader change, an apiserver restarting behind a load balancer). Bounded so
// a broken server costs at most a few seconds more per list: 3 retries, Retry-After honoured but capped, else
// exponential backoff with jitter (many lists retrying at once must not come back in step). Other statuses are
// answers (403, 404, 410 each mean something) and are never retried here. Sleep and randomness are injectable:
// tests prove the schedule without waiting for it.
import { sleepUnlessAborted } from './watch/backoff';

export interface RetryOptions {
  /** Retries after the first attempt, default 3. */
  retries?: number;
  /** Backoff base, default 200 ms, doubled per retry. */
  initialMs?: number;
  /** Longest wait, Retry-After included, default 5 s. */
  maxMs?: number;
  /** Waits ms or until the signal aborts (then resolves early). Default: a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1), default Math.random. */
  random?: () => number;
}

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 500, 503]);

export interface RetryPolicy {
  retries: number;
  /** The wait before retry `attempt` (1 for the first), given the server's Retry-After in seconds if it sent one. */
  delayMs(attempt: number, retryAfterSeconds: number | undefined): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export function retryPolicy(o: RetryOptions = {}): RetryPolicy {
  const initialMs = o.initialMs ?? 200;
  const maxMs = o.maxMs ?? 5000;
  const random = o.random ?? Math.random;
  return {
    retries: o.retries ?? 3,
    delayMs(attempt, retryAfterSeconds) {
      if (retryAfterSeconds !== undefined) return Math.min(maxMs, Math.max(0, retryAfterSeconds * 1000));
      const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
      // Between half and all of the base: never zero (no hot loop), never more than the cap.
      return Math.round(base * (0.5 + random() / 2));
    },
    sleep: o.sleep ?? sleepUnlessAborted,
  };
}

/**
 * Retry-After as RFC 9110 allows it: delay-seconds, or an HTTP-date (seconds from `nowMs`). Undefined when absent
 * or unreadable (then the backoff applies).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  // An HTTP-date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "-3".
  const at = /[A-Za-z]/.test(v) ? Date.parse(v) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, (at - nowMs) / 1000);
}
