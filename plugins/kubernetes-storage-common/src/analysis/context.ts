// What every analyzer gets: the snapshot, its index, resolved options and one way to emit findings.
import type { Snapshot, ResourceKind } from '../model/snapshot';
import type { AnalyzeOptions, Finding, ReportScope } from '../model/report';
import type { FindingCode } from '../catalog/findingCatalog';
import type { SnapshotIndex } from './snapshotIndex';

/** A finding as a check makes it: its code is one of the catalog's (the report's JSON carries it as a string). */
export type CheckFinding = Omit<Finding, 'severity' | 'code'> & { code: FindingCode };

export type ResolvedOptions = Required<Omit<AnalyzeOptions, 'now' | 'scope'>> & { now: Date; scope?: ReportScope };

export interface AnalysisContext {
  snapshot: Snapshot;
  index: SnapshotIndex;
  options: ResolvedOptions;
  /** options.now in epoch milliseconds. */
  nowMs: number;
  /** True when the kind was read, so "X is missing" may be concluded from its absence. */
  observed(kind: ResourceKind, namespace?: string): boolean;
  /** Adds a finding; severity comes from the catalog entry of `code`. */
  emit(finding: CheckFinding): void;
}
