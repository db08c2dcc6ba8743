// When to try again after a failure: exponential with jitter (so the watches of many kinds, or of many backend
// replicas, do not hammer a recovering API server in step). Failures that waiting will not fix soon (403: someone
// has to grant the right; 404: the API is not served) grow the same way but up to a slow pace instead of the
// usual cap: an API server that has just started answers 403 for a moment while its RBAC caches fill (seen on the
// real control plane after a restart), which must clear in seconds, not in 5 minutes; a lasting 403 settles at one
// request per slow period. Sleep and randomness are injectable, so tests prove the schedule without waiting for it.

export interface BackoffOptions {
  /** First delay after a failure, default 1 s; doubles per consecutive failure. */
  initialMs?: number;
  /** Longest delay, default 60 s. */
  maxMs?: number;
  /** Longest delay after a forbidden or not-found kind (reached by doubling from initialMs), default 5 min. */
  slowMs?: number;
  /** Waits ms or until the signal aborts (then resolves early). Default: a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1), default Math.random. */
  random?: () => number;
}

export interface Backoff {
  /** The delay before attempt `failures` (1 for the first retry); `slow` for failures waiting will not fix. */
  delay(failures: number, slow: boolean): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

export function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export function createBackoff(o: BackoffOptions = {}): Backoff {
  const initialMs = o.initialMs ?? 1000;
  const maxMs = o.maxMs ?? 60_000;
  const slowMs = o.slowMs ?? 300_000;
  const random = o.random ?? Math.random;
  return {
    delay(failures, slow) {
      const base = Math.min(slow ? slowMs : maxMs, initialMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
      // Between half and all of the base: never zero, never more than the cap.
      return Math.round(base * (0.5 + random() / 2));
    },
    sleep: o.sleep ?? sleepUnlessAborted,
    random,
  };
}
