// --fail-on: the exit status a CI job or an alert branches on. A run fails when a shown finding is at or above
// the threshold; without --fail-on findings never fail the run (exit 0), as DESIGN.md fixes.
import { atLeast, type Finding, type IncompleteEntry, type Severity } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { ExitCode, type ExitCodeValue } from './exitCodes';

export function failsOn(findings: Finding[], threshold: Severity | undefined): boolean {
  if (!threshold) return false;
  return findings.some((f) => atLeast(f.severity, threshold));
}

/**
 * Entries that make the data partial. "not-in-input" means a dump simply does not contain a kind: the user chose
 * what to capture, so --strict does not fail on it; anything that could not be read (forbidden, timeout...) does.
 */
export const partialEntries = (incomplete: IncompleteEntry[]): IncompleteEntry[] =>
  incomplete.filter((e) => e.reason !== 'not-in-input');

/**
 * Partial data under --strict wins over findings: a report that could not see everything cannot vouch that
 * the findings are all there are.
 */
export function exitCodeFor(
  findings: Finding[],
  incomplete: IncompleteEntry[],
  options: { failOn?: Severity; strict?: boolean },
): ExitCodeValue {
  if (options.strict && partialEntries(incomplete).length > 0) return ExitCode.Partial;
  if (failsOn(findings, options.failOn)) return ExitCode.Findings;
  return ExitCode.Ok;
}
