// Runs one analyzer the way analyze() does (same index, options and catalog-backed emit), so a unit test can
// look at that analyzer's views and findings alone.
import type { AnalysisContext } from '../analysis/context';
import { createContext, resolveOptions } from '../analysis/createContext';
import { buildSnapshotIndex } from '../analysis/snapshotIndex';
import type { AnalyzeOptions, Finding } from '../model/report';
import type { Snapshot } from '../model/snapshot';

export interface AnalyzerRun<T> {
  result: T;
  findings: Finding[];
  /** The findings of one code. */
  withCode(code: string): Finding[];
}

export function runAnalyzer<T>(analyzer: (ctx: AnalysisContext) => T, snapshot: Snapshot, options: AnalyzeOptions = {}): AnalyzerRun<T> {
  const findings: Finding[] = [];
  const ctx = createContext(snapshot, buildSnapshotIndex(snapshot), resolveOptions(snapshot, options), findings);
  const result = analyzer(ctx);
  return { result, findings, withCode: (code) => findings.filter((f) => f.code === code) };
}
