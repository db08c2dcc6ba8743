// A token bucket per caller (the Backstage principal: a user entity ref or a service subject), so one caller's
// loop or script cannot take the backend's CPU from everyone else: each answer scopes and analyses a snapshot.
// In memory and per replica, which is what it has to protect. Memory stays bounded: a bucket that has refilled
// completely holds no information and is forgotten once the table is over its size.

export interface RateLimitOptions {
  /** Tokens added per minute (the sustained rate), e.g. 120. */
  requestsPerMinute: number;
  /** Bucket size: how many requests a caller may make at once after being idle. */
  burst: number;
  /** Milliseconds since some fixed point; default Date.now (tests inject a clock). */
  now?: () => number;
  /** Callers kept before full buckets are forgotten, default 10,000. */
  maxCallers?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly maxCallers: number;

  constructor(private readonly o: RateLimitOptions) {
    this.perMs = o.requestsPerMinute / 60_000;
    this.now = o.now ?? Date.now;
    this.maxCallers = o.maxCallers ?? 10_000;
  }

  /** Takes one token for `caller`, or says how long until one is there. */
  take(caller: string): RateDecision {
    const now = this.now();
    const bucket = this.refilled(caller, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(caller, bucket);
      this.forgetIdle(now);
      return { allowed: true };
    }
    this.buckets.set(caller, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** How many callers are tracked (bounded by maxCallers plus the callers with a partly empty bucket). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(caller: string, now: number): Bucket {
    const b = this.buckets.get(caller);
    if (!b) return { tokens: this.o.burst, atMs: now };
    // A clock that steps back (NTP) must not drain a bucket: elapsed time never counts below zero.
    const elapsed = Math.max(0, now - b.atMs);
    return { tokens: Math.min(this.o.burst, b.tokens + elapsed * this.perMs), atMs: now };
  }

  private forgetIdle(now: number): void {
    if (this.buckets.size <= this.maxCallers) return;
    for (const [caller] of this.buckets) {
      if (this.refilled(caller, now).tokens >= this.o.burst) this.buckets.delete(caller);
    }
  }
}
