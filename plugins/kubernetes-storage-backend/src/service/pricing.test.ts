// kubernetesStorage.pricing through the REST answer: each cluster's report carries orphanCost for the entity's
// orphans at the configured prices, and the answer carries the prices (the page prices each orphan with them).
// Without prices: neither, so nothing can show a made-up cost.
import { mockCredentials } from '@backstage/backend-test-utils';
import type { EntityStorageResponse } from '@kubectl-storage/plugin-kubernetes-storage-common';
import request from 'supertest';
import { DEMO_DUMP, component, startStorageBackend } from '../__testUtils__/testBackend';

const db = component('db', { 'backstage.io/kubernetes-label-selector': 'app=db', 'backstage.io/kubernetes-namespace': 'data' });
const sources = [{ type: 'snapshotFile', name: 'demo', path: DEMO_DUMP }];

async function answerWith(pricing?: object): Promise<EntityStorageResponse> {
  const { server } = await startStorageBackend({ entities: [db], config: { kubernetesStorage: { sources, ...(pricing ? { pricing } : {}) } } });
  const res = await request(server).get('/api/kubernetes-storage/v1/entity/component/default/db').set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body;
}

describe('orphan cost in the entity answer', () => {
  it('prices the entity\'s orphans: db\'s two leftover 1Gi claims of class standard at 0.10 EUR per GiB-month', async () => {
    const answer = await answerWith({ standard: 0.1, currency: 'EUR' });
    expect(answer.pricing).toEqual({ classes: { standard: 0.1 }, currency: 'EUR' });
    const report = answer.clusters[0].report!;
    // The orphans the analysis found for db: ordinals 2 and 3 left behind by the scale-in to 2 replicas.
    const leftovers = report.findings.filter((f) => f.code === 'sts-leftover-claims');
    expect(leftovers).toHaveLength(1);
    expect(report.claims.filter((c) => ['data-db-2', 'data-db-3'].includes(c.name)).map((c) => [c.storageClass, c.capacity])).toEqual([
      ['standard', '1Gi'],
      ['standard', '1Gi'],
    ]);
    expect(report.orphanCost).toEqual({
      currency: 'EUR',
      monthlyCost: 0.2,
      count: 2,
      bytes: 2 * 2 ** 30,
      unpriced: 0,
      byNamespace: [{ namespace: 'data', count: 2, bytes: 2 * 2 ** 30, monthlyCost: 0.2, unpriced: 0 }],
    });
  });

  it('leaves an orphan whose class has no price out of the cost, and counts it as unpriced', async () => {
    const report = (await answerWith({ premium: 1 })).clusters[0].report!;
    expect(report.orphanCost).toEqual(expect.objectContaining({ currency: 'USD', count: 2, unpriced: 2 }));
    expect(report.orphanCost).not.toHaveProperty('monthlyCost');
  });

  it('without pricing: no orphanCost and no prices in the answer', async () => {
    const answer = await answerWith();
    expect(answer).not.toHaveProperty('pricing');
    expect(answer.clusters[0].report).not.toHaveProperty('orphanCost');
  });
});
