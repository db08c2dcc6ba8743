// A failing or pending cluster's report counts only if the cluster was ever read (the contract: "the last good
// data if any"). A report without any read time would show "0 findings" for a cluster nobody could read, and
// unread is never "no problems".
import type { ClusterStorageAnswer, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common/light';

export function usableReport(answer: ClusterStorageAnswer): StorageReport | undefined {
  if (answer.status === 'ok') return answer.report;
  const everRead = Boolean(answer.freshness.lastResyncAt || answer.freshness.lastEventAt);
  return everRead ? answer.report : undefined;
}
