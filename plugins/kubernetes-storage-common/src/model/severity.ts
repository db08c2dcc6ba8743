// The one severity order of the product, most severe first: the report's sorting, `--fail-on` thresholds and the
// colours of the CLI and the page all follow it.
import type { Severity } from './report';

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'info'];

const RANK = new Map(SEVERITY_ORDER.map((s, i) => [s, i] as const));

/** Negative when `a` is more severe than `b` (sorts most severe first); 0 when equal. */
export function compareSeverity(a: Severity, b: Severity): number {
  return (RANK.get(a) ?? SEVERITY_ORDER.length) - (RANK.get(b) ?? SEVERITY_ORDER.length);
}

/** True when `severity` is `threshold` or more severe (`--fail-on warning` fails on warning and critical). */
export const atLeast = (severity: Severity, threshold: Severity): boolean => compareSeverity(severity, threshold) <= 0;
