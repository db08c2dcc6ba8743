// analyze(): a Snapshot in, a StorageReport out. Pure and deterministic: ages are measured against the
// snapshot's own time unless options.now says otherwise, findings and views are sorted, so the same dump
// always gives the same report. Linear in the number of objects: analyzers join through the index.
import type { AnalyzeOptions, Finding, StorageReport } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { analyzeClaims } from './claims';
import { createContext, resolveOptions } from './createContext';
import { explainWithEvents } from './eventEvidence';
import { analyzeIngresses } from './ingresses';
import { analyzePodVolumes } from './podVolumes';
import { asPrepared, type PreparedSnapshot } from './prepared';
import { analyzeProbes } from './probeConfig';
import { compareFindings } from './sortFindings';
import { analyzeStatefulSets } from './statefulSets';
import { analyzeStorageClasses } from './storageClasses';
import { summarize } from './summary';
import { analyzeVolumes } from './volumes';

/** Takes a Snapshot, or a PreparedSnapshot whose index is then used as is (not rebuilt). */
export function analyze(input: Snapshot | PreparedSnapshot, options: AnalyzeOptions = {}): StorageReport {
  const { snapshot, index } = asPrepared(input);
  const resolved = resolveOptions(snapshot, options);
  const findings: Finding[] = [];
  const ctx = createContext(snapshot, index, resolved, findings);

  const volumes = analyzeVolumes(ctx);
  const claims = analyzeClaims(ctx);
  const storageClasses = analyzeStorageClasses(ctx);
  analyzePodVolumes(ctx);
  const statefulSets = analyzeStatefulSets(ctx);
  const ingresses = analyzeIngresses(ctx);
  for (const f of analyzeProbes(ctx)) ctx.emit(f);
  // Last: Warning events explain the findings above (as their evidence) or become findings of their own.
  for (const f of explainWithEvents(ctx, findings, statefulSets)) ctx.emit(f);
  findings.sort(compareFindings);

  return {
    apiVersion: 'kubectl-storage.io/v1alpha1',
    kind: 'StorageReport',
    source: snapshot.source,
    generatedAt: resolved.now.toISOString(),
    ...(resolved.scope ? { scope: resolved.scope } : {}),
    summary: summarize({
      findings,
      volumes,
      persistentVolumes: snapshot.persistentVolumes,
      claims,
      statefulSets,
      ingresses,
      ingressCount: snapshot.ingresses.length,
    }),
    findings,
    volumes,
    claims,
    storageClasses,
    statefulSets,
    ingresses,
    incomplete: snapshot.incomplete,
  };
}
