// The overview card: per cluster, one line each for findings, orphaned volumes, StatefulSets and ingress paths,
// taken from the report's summary so the card and the tab always agree.
import React from 'react';
import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ClusterStorageAnswer } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { formatBytes } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { useEntityStorage } from './useEntityStorage';
import { StatusText } from './StatusText';
import { usableReport } from './usableReport';
import { Body, Heading } from './text';

function ClusterSummary(props: { answer: ClusterStorageAnswer }) {
  const { answer } = props;
  const s = usableReport(answer)?.summary;
  return (
    <li data-testid={`card-cluster-${answer.cluster}`} style={{ marginBottom: 8 }}>
      <Heading level={3}>Cluster {answer.cluster}</Heading>
      {answer.status === 'failing' && (
        <StatusText tone="error">Failing: {answer.failure?.message ?? 'cannot be read'}</StatusText>
      )}
      {answer.status === 'pending' && !s && <StatusText tone="pending">First sync in progress</StatusText>}
      {s && (
        <>
          {answer.status !== 'ok' && <StatusText tone="unknown">Last data read, may be out of date:</StatusText>}
          <StatusText tone={s.findings.critical ? 'error' : s.findings.warning ? 'warning' : 'ok'}>
            {s.findings.critical} critical, {s.findings.warning} warning, {s.findings.info} info
          </StatusText>
          <StatusText tone={s.volumes.orphaned ? 'warning' : 'ok'}>
            {s.volumes.orphaned} orphaned volume{s.volumes.orphaned === 1 ? '' : 's'}
            {s.volumes.orphaned ? ` (${formatBytes(s.volumes.orphanedBytes)})` : ''}
          </StatusText>
          <StatusText tone={s.statefulSets.healthy < s.statefulSets.total ? 'error' : 'ok'}>
            {s.statefulSets.healthy}/{s.statefulSets.total} StatefulSets healthy
          </StatusText>
          <StatusText tone={s.ingresses.failingPaths ? 'error' : 'ok'}>
            {s.ingresses.failingPaths}/{s.ingresses.paths} ingress paths failing
          </StatusText>
        </>
      )}
    </li>
  );
}

export function EntityStorageHealthCard() {
  const { entity } = useEntity();
  const { loading, error, value } = useEntityStorage(getCompoundEntityRef(entity));
  let body: React.ReactNode;
  if (loading && !value) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} title="Could not load storage health" />;
  else if (!value || value.clusters.length === 0) body = <Body>No cluster answers for this entity.</Body>;
  else
    body = (
      <ul style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
        {value.clusters.map((a) => (
          <ClusterSummary key={a.cluster} answer={a} />
        ))}
      </ul>
    );
  return <InfoCard title="Storage health">{body}</InfoCard>;
}
