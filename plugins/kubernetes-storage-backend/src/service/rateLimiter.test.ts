// The token bucket with an injected clock: burst, refill at the configured rate, Retry-After, one bucket per
// caller, bounded memory.
import { RateLimiter } from './rateLimiter';

function limiter(o: { requestsPerMinute: number; burst: number; maxCallers?: number }) {
  let now = 1_000_000;
  const rl = new RateLimiter({ ...o, now: () => now });
  return { rl, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

const takes = (rl: RateLimiter, caller: string, n: number) => Array.from({ length: n }, () => rl.take(caller).allowed);

describe('RateLimiter', () => {
  it('allows a burst, then refills one request per 60/requestsPerMinute seconds', () => {
    const { rl, advance } = limiter({ requestsPerMinute: 60, burst: 3 });
    expect(takes(rl, 'alice', 4)).toEqual([true, true, true, false]);
    expect(rl.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(999);
    expect(rl.take('alice').allowed).toBe(false);
    advance(1);
    expect(takes(rl, 'alice', 2)).toEqual([true, false]);
    // Idle for an hour: back to the burst, never more.
    advance(3_600_000);
    expect(takes(rl, 'alice', 4)).toEqual([true, true, true, false]);
  });

  it('says in Retry-After how long until the next request is allowed, rounded up to whole seconds', () => {
    const { rl, advance } = limiter({ requestsPerMinute: 2, burst: 1 });
    expect(rl.take('a').allowed).toBe(true);
    expect(rl.take('a')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    advance(20_000);
    expect(rl.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    advance(10_000);
    expect(rl.take('a').allowed).toBe(true);
  });

  it('keeps one bucket per caller', () => {
    const { rl } = limiter({ requestsPerMinute: 1, burst: 1 });
    expect([rl.take('user:default/alice').allowed, rl.take('user:default/alice').allowed, rl.take('user:default/bob').allowed]).toEqual([true, false, true]);
  });

  it('a clock stepping back does not drain or refill a bucket', () => {
    const { rl, set } = limiter({ requestsPerMinute: 60, burst: 2 });
    set(10_000);
    expect(takes(rl, 'a', 2)).toEqual([true, true]);
    set(5_000);
    expect(rl.take('a').allowed).toBe(false);
    set(6_000);
    expect(rl.take('a').allowed).toBe(true);
  });

  it('forgets callers whose buckets have refilled once it tracks more than maxCallers: memory stays bounded', () => {
    const { rl, advance } = limiter({ requestsPerMinute: 60, burst: 1, maxCallers: 100 });
    for (let i = 0; i < 1000; i++) {
      rl.take(`caller-${i}`);
      advance(1000);
    }
    expect(rl.size).toBeLessThanOrEqual(101);
  });
});
