// Ages as kubectl's AGE column prints them (k8s.io/apimachinery/pkg/util/duration.HumanDuration): about two
// or three significant figures, so a table stays narrow and old objects read as "3d4h", not "76h12m9s".

/**
 * Humanizes an age in seconds exactly like `kubectl get`: "45s", "5m30s", "12m", "5h3m", "20h", "3d4h",
 * "45d", "2y30d", "9y". Up to one second in the future counts as now (clock skew); further is "<invalid>".
 */
export function humanizeAge(seconds: number): string {
  // Go converts with int(), which truncates toward zero.
  const s = Math.trunc(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return withRemainder(minutes, 'm', s % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) return withRemainder(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) return withRemainder(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) return withRemainder(years, 'y', days % 365, 'd');
  return `${years}y`;
}

function withRemainder(value: number, unit: string, remainder: number, remainderUnit: string): string {
  return remainder === 0 ? `${value}${unit}` : `${value}${unit}${remainder}${remainderUnit}`;
}

/** Whole seconds from an ISO timestamp to `nowMs`; undefined when the timestamp is absent or unparsable. */
export function secondsSince(timestamp: string | undefined, nowMs: number): number | undefined {
  if (!timestamp) return undefined;
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? undefined : Math.floor((nowMs - t) / 1000);
}
