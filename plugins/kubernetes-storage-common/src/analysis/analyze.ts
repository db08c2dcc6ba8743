// analyze(): a Snapshot in, a StorageReport out. Pure and deterministic: ages are measured against the
// snapshot's own time unless options.now says otherwise, findings and views are sorted, so the same dump
// always gives the same report. Linear in the number of objects: analyzers join through the index.
//
// Each check runs with a context of its own and returns its findings with what it built (its view); no check
// writes into another's findings. The report concatenates them in check order, then sorts.
import type { AnalyzeOptions, Finding, StorageReport } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { analyzeClaims } from './claims';
import type { AnalysisContext, CheckFinding, ResolvedOptions } from './context';
import { createContext, resolveOptions } from './createContext';
import { explainWithEvents } from './eventEvidence';
import { analyzeIngresses } from './ingresses';
import { analyzePodVolumes } from './podVolumes';
import { asPrepared, type PreparedSnapshot } from './prepared';
import { analyzeProbes } from './probeConfig';
import type { SnapshotIndex } from './snapshotIndex';
import { compareFindings } from './sortFindings';
import { analyzeStatefulSets } from './statefulSets';
import { analyzeStorageClasses } from './storageClasses';
import { summarize } from './summary';
import { analyzeVolumes } from './volumes';

/** What one check gives back: what it built, and its findings (severity from the catalog). */
export interface CheckResult<T> {
  value: T;
  findings: Finding[];
}

/** Runs one check with its own findings list and returns both. */
function runCheck<T>(snapshot: Snapshot, index: SnapshotIndex, options: ResolvedOptions, check: (ctx: AnalysisContext) => T): CheckResult<T> {
  const findings: Finding[] = [];
  const value = check(createContext(snapshot, index, options, findings));
  return { value, findings };
}

/** A check that only returns findings (probes, events) passes them through the context, which adds severity. */
const emitAll = (found: readonly CheckFinding[]) => (ctx: AnalysisContext): void => {
  for (const f of found) ctx.emit(f);
};

/** Takes a Snapshot, or a PreparedSnapshot whose index is then used as is (not rebuilt). */
export function analyze(input: Snapshot | PreparedSnapshot, options: AnalyzeOptions = {}): StorageReport {
  const { snapshot, index } = asPrepared(input);
  const resolved = resolveOptions(snapshot, options);
  const run = <T>(check: (ctx: AnalysisContext) => T): CheckResult<T> => runCheck(snapshot, index, resolved, check);

  const volumes = run(analyzeVolumes);
  const claims = run(analyzeClaims);
  const storageClasses = run(analyzeStorageClasses);
  const podVolumes = run(analyzePodVolumes);
  const statefulSets = run(analyzeStatefulSets);
  const ingresses = run(analyzeIngresses);
  const probes = run((ctx) => emitAll(analyzeProbes(ctx))(ctx));
  const findings = [volumes, claims, storageClasses, podVolumes, statefulSets, ingresses, probes].flatMap((r) => r.findings);
  // Last: Warning events explain the findings above (as their evidence) or become findings of their own.
  const events = run((ctx) => emitAll(explainWithEvents(ctx, findings, statefulSets.value) as CheckFinding[])(ctx));
  findings.push(...events.findings);
  findings.sort(compareFindings);

  return {
    apiVersion: 'kubectl-storage.io/v1alpha1',
    kind: 'StorageReport',
    source: snapshot.source,
    generatedAt: resolved.now.toISOString(),
    ...(resolved.scope ? { scope: resolved.scope } : {}),
    summary: summarize({
      findings,
      volumes: volumes.value,
      persistentVolumes: snapshot.persistentVolumes,
      claims: claims.value,
      statefulSets: statefulSets.value,
      ingresses: ingresses.value,
      ingressCount: snapshot.ingresses.length,
    }),
    findings,
    volumes: volumes.value,
    claims: claims.value,
    storageClasses: storageClasses.value,
    statefulSets: statefulSets.value,
    ingresses: ingresses.value,
    incomplete: snapshot.incomplete,
  };
}
