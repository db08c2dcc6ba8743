import React from 'react';
import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { kubernetesStorageApiRef, type KubernetesStorageApi } from '../api/KubernetesStorageApi';
import { EntityStorageHealthCard } from './EntityStorageHealthCard';
import { catalogResponse, entityResponse, failingCluster, okCluster } from '../__fixtures__/reports';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop-web', annotations: { 'backstage.io/kubernetes-id': 'web' } },
};

function render(api: Partial<KubernetesStorageApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[kubernetesStorageApiRef, { getCatalog: async () => catalogResponse, ...api }]]}>
      <EntityProvider entity={entity}>
        <EntityStorageHealthCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityStorageHealthCard', () => {
  it("summarises each cluster from the report's summary, a failing one with its error", async () => {
    await render({ getEntityStorage: async () => entityResponse([okCluster(), failingCluster]) });
    const prod = await screen.findByTestId('card-cluster-prod');
    expect(prod).toHaveTextContent('2 critical, 1 warning, 0 info');
    expect(prod).toHaveTextContent('1 orphaned volume (5Gi)');
    expect(prod).toHaveTextContent('0/1 StatefulSets healthy');
    expect(prod).toHaveTextContent('1/2 ingress paths failing');
    expect(screen.getByTestId('card-cluster-staging')).toHaveTextContent('Failing: connect ECONNREFUSED 127.0.0.1:6443');
  });

  it('shows no counts for a failing cluster that was never read', async () => {
    await render({ getEntityStorage: async () => entityResponse([{ ...failingCluster, report: okCluster().report }]) });
    const staging = await screen.findByTestId('card-cluster-staging');
    expect(staging).toHaveTextContent('Failing: connect ECONNREFUSED');
    expect(staging).not.toHaveTextContent('critical');
  });

  it('shows the request error inside the card', async () => {
    await render({ getEntityStorage: async () => Promise.reject(new Error('backend down')) });
    expect(await screen.findByText(/Could not load storage health/)).toBeInTheDocument();
  });
});
