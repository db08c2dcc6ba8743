// The AnalysisContext every analyzer shares: resolved options, the permission-aware `observed` check and an
// `emit` that takes severity from the catalog, so a code cannot exist in code and not in the docs.
import { getCatalogEntry } from '../catalog/findingCatalog';
import type { AnalyzeOptions, Finding } from '../model/report';
import type { ResourceKind, Snapshot } from '../model/snapshot';
import type { AnalysisContext, ResolvedOptions } from './context';
import { shellSafeHint } from './shellSafeHints';
import type { SnapshotIndex } from './snapshotIndex';

export const DEFAULT_OPTIONS = {
  availableAfterSeconds: 7 * 24 * 3600,
  terminatingAfterSeconds: 10 * 60,
  pendingGraceSeconds: 5 * 60,
  restartLoopThreshold: 5,
  nearlyFullPercent: 90,
  missingOrdinalGraceSeconds: 5 * 60,
  generationLagGraceSeconds: 5 * 60,
};

export function resolveOptions(snapshot: Snapshot, options: AnalyzeOptions = {}): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const collected = new Date(snapshot.collectedAt);
  return {
    ...DEFAULT_OPTIONS,
    ...defined,
    // A dump is analysed at the moment it was taken, so the same file gives the same report every time.
    now: options.now ?? (Number.isNaN(collected.getTime()) ? new Date(0) : collected),
  };
}

/**
 * A kind counts as observed in a namespace when it was read, the collection covered that namespace, and no
 * incomplete entry (forbidden, timeout...) covers the namespace or the whole cluster. Without a namespace the
 * question is "was it read everywhere", so any incomplete entry for the kind answers no.
 */
function observedCheck(snapshot: Snapshot): (kind: ResourceKind, namespace?: string) => boolean {
  const read = new Set(snapshot.observedKinds);
  const covered = snapshot.namespaces ? new Set(snapshot.namespaces) : undefined;
  const gaps = new Map<ResourceKind, { clusterWide: boolean; namespaces: Set<string>; readInstead?: Set<string> }>();
  for (const entry of snapshot.incomplete) {
    const gap = gaps.get(entry.kind) ?? { clusterWide: false, namespaces: new Set<string>() };
    // A node-level gap (volume stats of one node) covers no namespace, but the kind is no longer "read everywhere".
    if (entry.namespace !== undefined) gap.namespaces.add(entry.namespace);
    else if (entry.readNamespaces) {
      // Forbidden cluster-wide but read namespace by namespace: those namespaces were seen in full.
      gap.readInstead ??= new Set<string>();
      for (const ns of entry.readNamespaces) gap.readInstead.add(ns);
    } else if (entry.node === undefined) gap.clusterWide = true;
    gaps.set(entry.kind, gap);
  }
  return (kind, namespace) => {
    if (!read.has(kind)) return false;
    const gap = gaps.get(kind);
    if (namespace === undefined) return !gap;
    if (covered && !covered.has(namespace)) return false;
    if (!gap) return true;
    if (gap.clusterWide || gap.namespaces.has(namespace)) return false;
    return !gap.readInstead || gap.readInstead.has(namespace);
  };
}

export function createContext(
  snapshot: Snapshot,
  index: SnapshotIndex,
  options: ResolvedOptions,
  findings: Finding[],
): AnalysisContext {
  return {
    snapshot,
    index,
    options,
    nowMs: options.now.getTime(),
    observed: observedCheck(snapshot),
    emit(finding) {
      const { code, ...rest } = finding;
      const entry = getCatalogEntry(code);
      if (!entry) throw new Error(`Unknown finding code "${code}": add it to the catalog (src/catalog) first`);
      // A hint's commands never carry a name a shell would act on (a hand-made dump's): see shellSafeHints.ts.
      if (rest.hint !== undefined) rest.hint = shellSafeHint(finding, snapshot, index);
      // code and severity first, so JSON output reads naturally.
      findings.push({ code, severity: entry.severity, ...rest });
    },
  };
}
