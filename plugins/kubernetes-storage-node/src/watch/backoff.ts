// When to try again after a failure: exponential with jitter (so the watches of many kinds, or of many backend
// replicas, do not hammer a recovering API server in step), and a slow fixed pace for failures that waiting
// will not fix soon (403: someone has to grant the right; 404: the API is not served). Sleep and randomness are
// injectable, so tests prove the schedule without waiting for it.

export interface BackoffOptions {
  /** First delay after a failure, default 1 s; doubles per consecutive failure. */
  initialMs?: number;
  /** Longest delay, default 60 s. */
  maxMs?: number;
  /** Delay after a forbidden or not-found kind, default 5 min. */
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
      const base = slow ? slowMs : Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
      // Between half and all of the base: never zero, never more than the cap.
      return Math.round(base * (0.5 + random() / 2));
    },
    sleep: o.sleep ?? sleepUnlessAborted,
    random,
  };
}
