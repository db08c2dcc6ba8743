// The entity's Storage tab: one section per cluster the backend knows. Loading, request errors and "nothing
// found" use the portal's own components so the tab looks like the rest of Backstage.
import React from 'react';
import { Content, EmptyState, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityStorage } from './useEntityStorage';
import { ClusterSection } from './ClusterSection';

export function EntityStorageContent() {
  const { entity } = useEntity();
  const { loading, error, value, catalog, retry } = useEntityStorage(getCompoundEntityRef(entity));

  if (loading && !value) return <Progress />;
  if (error) {
    return (
      <Content>
        <ResponseErrorPanel error={error} title="Could not load storage health" />
        <button type="button" onClick={retry} style={{ marginTop: 8, padding: '6px 16px', cursor: 'pointer' }}>
          Retry
        </button>
      </Content>
    );
  }
  if (!value || value.clusters.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No cluster answers for this entity"
        description="The kubernetes-storage backend has no clusters configured (kubernetes.clusterLocatorMethods), or none includes this entity."
      />
    );
  }
  return (
    <Content>
      {value.clusters.map((answer) => (
        <ClusterSection key={answer.cluster} answer={answer} catalog={catalog} pricing={value.pricing} />
      ))}
    </Content>
  );
}
