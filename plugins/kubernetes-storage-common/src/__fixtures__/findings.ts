// Test helpers over analyze(): the findings of one code, so a test asserts on what it is about and is not
// broken by findings other analyzers legitimately add to the same snapshot.
import { analyze } from '../analysis/analyze';
import type { AnalyzeOptions, Finding, StorageReport } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { snapshotOf } from './snapshot';

export function reportOf(parts: Partial<Snapshot>, options?: AnalyzeOptions): StorageReport {
  return analyze(snapshotOf(parts), options);
}

export function findingsOf(report: StorageReport, code: string): Finding[] {
  return report.findings.filter((f) => f.code === code);
}

/** The findings of `code` for the given parts (a fresh analysis each call). */
export function fired(code: string, parts: Partial<Snapshot>, options?: AnalyzeOptions): Finding[] {
  return findingsOf(reportOf(parts, options), code);
}
