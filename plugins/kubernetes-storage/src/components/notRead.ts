// "Not read" is never "none": a section whose kinds could not be read says so instead of showing an empty list.
import type { ResourceKind, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common/light';

/** The kinds among `kinds` that the report names as unread anywhere (cluster-wide or in some namespace). */
export function unreadKinds(report: StorageReport, kinds: ResourceKind[]): ResourceKind[] {
  const unread = new Set(report.incomplete.map((e) => e.kind));
  return kinds.filter((k) => unread.has(k));
}
