// kubectl's --request-timeout syntax: "0" means no timeout, a plain number is seconds, otherwise a Go duration
// with units ("30s", "1m", "1m30s", "500ms"). Returns milliseconds; 0 keeps "no timeout".

/**
 * The longest a Node timer waits (2^31-1 ms, about 24.8 days). Longer timeouts overflow: Node fires them at once
 * with a TimeoutOverflowWarning. A longer --request-timeout waits this long, which is as good as no timeout.
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A duration that is not zero never rounds down to 0 ("no timeout"), nor past what a timer can wait. */
const clamp = (ms: number): number => (ms === 0 ? 0 : Math.min(MAX_TIMEOUT_MS, Math.max(1, Math.round(ms))));
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const GO_DURATION_PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;

export function parseRequestTimeout(input: string): number {
  const text = input.trim();
  if (/^\d+$/.test(text)) return clamp(Number(text) * 1000);
  if (!GO_DURATION.test(text)) {
    throw new Error(
      `invalid --request-timeout "${input}": use a duration with a unit such as 30s, 1m or 1m30s, plain seconds, or 0 for no timeout`,
    );
  }
  let ms = 0;
  for (const [, amount, unit] of text.matchAll(GO_DURATION_PART)) ms += Number(amount) * UNIT_MS[unit];
  return clamp(ms);
}
