// The report's summary: counts a dashboard or an exit code can use without walking the lists.
import type {
  ClaimView,
  Finding,
  IngressPathStatus,
  IngressPathView,
  ReportSummary,
  StatefulSetView,
  VolumeView,
} from '../model/report';
import type { PersistentVolume } from '../model/snapshot';
import { isOrphanedVolume } from './volumes';

/** Paths that answer no request: a broken backend chain, or an Ingress no controller serves (unknown class). */
const FAILING_PATH: ReadonlySet<IngressPathStatus> = new Set(['NoReadyEndpoints', 'ServiceMissing', 'PortMissing', 'NoController']);

function countPhases(items: { phase: string }[]): Record<string, number> {
  const byPhase: Record<string, number> = {};
  for (const { phase } of items) byPhase[phase] = (byPhase[phase] ?? 0) + 1;
  return byPhase;
}

export interface SummaryInput {
  findings: Finding[];
  volumes: VolumeView[];
  /** The snapshot's volumes, for the facts the views leave out (a deletion in progress). */
  persistentVolumes: PersistentVolume[];
  claims: ClaimView[];
  statefulSets: StatefulSetView[];
  ingresses: IngressPathView[];
  /** Ingress objects, as opposed to the per-path views. */
  ingressCount: number;
}

export function summarize(input: SummaryInput): ReportSummary {
  const findings = { critical: 0, warning: 0, info: 0 };
  // A StatefulSet is healthy when its replicas value is valid, all replicas are ready, nothing blocks it and no
  // finding above info names it.
  const troubledSets = new Set<string>();
  for (const f of input.findings) {
    findings[f.severity]++;
    if (f.object.kind === 'StatefulSet' && f.severity !== 'info') troubledSets.add(`${f.object.namespace}/${f.object.name}`);
  }
  // The same rule as pv-released-retain, so the count matches `pv --orphaned` and `orphans`.
  const orphaned = new Set(input.persistentVolumes.filter(isOrphanedVolume).map((pv) => pv.meta.name));
  const orphans = input.volumes.filter((v) => orphaned.has(v.name));
  return {
    findings,
    volumes: {
      total: input.volumes.length,
      byPhase: countPhases(input.volumes),
      orphaned: orphans.length,
      orphanedBytes: orphans.reduce((sum, v) => sum + (v.capacityBytes ?? 0), 0),
    },
    claims: { total: input.claims.length, byPhase: countPhases(input.claims) },
    statefulSets: {
      total: input.statefulSets.length,
      healthy: input.statefulSets.filter(
        (s) =>
          s.replicasValid !== false &&
          s.readyReplicas >= s.replicas &&
          s.blockingOrdinal === undefined && !troubledSets.has(`${s.namespace}/${s.name}`),
      ).length,
    },
    ingresses: {
      total: input.ingressCount,
      paths: input.ingresses.length,
      failingPaths: input.ingresses.filter((p) => FAILING_PATH.has(p.status)).length,
    },
  };
}
