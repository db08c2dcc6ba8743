import React from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { kubernetesStorageApiRef } from '../api/KubernetesStorageApi';
import { KubernetesStorageClient } from '../api/KubernetesStorageClient';
import { EntityStorageContent } from './EntityStorageContent';
import { catalogResponse, entityResponse, failingCluster, okCluster, shopReport } from '../__fixtures__/reports';

const BASE = 'http://backstage.test/api/kubernetes-storage';
const ENTITY_URL = `${BASE}/v1/entity/component/default/shop-web`;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'shop-web',
    namespace: 'default',
    annotations: { 'backstage.io/kubernetes-label-selector': 'app=web', 'backstage.io/kubernetes-namespace': 'shop' },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

const server = setupServer();
registerMswTestHooks(server);

function serve(entityBody: unknown, status = 200) {
  server.use(
    http.get(ENTITY_URL, () => HttpResponse.json(entityBody as object, { status })),
    http.get(`${BASE}/v1/catalog`, () => HttpResponse.json(catalogResponse)),
  );
}

async function renderPage() {
  const client = new KubernetesStorageClient({
    discoveryApi: { getBaseUrl: async (id: string) => `http://backstage.test/api/${id}` },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(
    <TestApiProvider apis={[[kubernetesStorageApiRef, client]]}>
      <EntityProvider entity={entity}>
        <EntityStorageContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityStorageContent', () => {
  it('groups findings by severity with the catalog explanation and fix', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    const critical = await screen.findByTestId('findings-critical');
    expect(within(critical).getByText(/Critical \(2\)/)).toBeInTheDocument();
    const blocked = within(critical).getByTestId('finding-sts-rollout-blocked');
    expect(blocked).toHaveTextContent('A not-Ready pod blocks the StatefulSet rollout');
    expect(blocked).toHaveTextContent('Next step: kubectl --context demo -n shop describe pod web-1');
    expect(blocked).toHaveTextContent(/How to fix:.*delete the stuck pod/);
    const warning = screen.getByTestId('findings-warning');
    expect(within(warning).getByTestId('finding-pv-released-retain')).toBeInTheDocument();
    expect(screen.queryByTestId('findings-info')).not.toBeInTheDocument();
  });

  it('shows one cell per ordinal: ready, blocking, and blocked above it, with PVC and PV and the pod facts', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    const ready = await screen.findByTestId('ordinal-web-0');
    expect(ready).toHaveAttribute('data-state', 'Ready');
    expect(ready).toHaveTextContent('PVC data-web-0 (Bound) → PV pv-shop-web-0 (Bound)');
    const blocking = screen.getByTestId('ordinal-web-1');
    expect(blocking).toHaveAccessibleName('Ordinal 1, web-1: Not ready, blocking');
    expect(blocking).toHaveAccessibleDescription(/Restarts: 7\. Waiting: CrashLoopBackOff\. Last terminated: Error/);
    const blocked = screen.getByTestId('ordinal-web-2');
    expect(blocked).toHaveTextContent('Blocked');
    expect(blocked).toHaveAccessibleDescription(/waits for web-1 to be Ready/);
  });

  it('shows the pod facts in a tooltip when a cell gets keyboard focus', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    await screen.findByTestId('ordinal-web-1');
    const user = userEvent.setup();
    // Tab through until the blocking cell has focus: every cell is reachable by keyboard.
    for (let i = 0; i < 50 && document.activeElement !== screen.getByTestId('ordinal-web-1'); i++) await user.tab();
    expect(screen.getByTestId('ordinal-web-1')).toHaveFocus();
    const tooltip = await screen.findByRole('tooltip', { hidden: true });
    expect(tooltip).toHaveTextContent('Restarts: 7');
    expect(tooltip).toHaveTextContent('Last terminated: Error');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });

  it('shows the pod facts on hover', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    const user = userEvent.setup();
    await user.hover(await screen.findByTestId('ordinal-web-0'));
    expect(screen.getByRole('tooltip', { hidden: true })).toHaveTextContent('Restarts: 0');
    await user.unhover(screen.getByTestId('ordinal-web-0'));
    expect(screen.queryByRole('tooltip', { hidden: true })).not.toBeInTheDocument();
  });

  it('highlights the orphaned Released volume with its size and age', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    const orphans = await screen.findByRole('region', { name: 'Orphaned volumes' });
    expect(orphans).toHaveTextContent('1 orphaned volume (5Gi)');
    expect(within(orphans).getByTestId('orphan-pv-shop-invoices')).toHaveTextContent(
      'PV pv-shop-invoices, 5Gi, class standard, Released for 6d20h; it belonged to claim shop/invoices',
    );
    // In the table the row says it in words too, not only by its background.
    expect(screen.getByText('Released, orphaned')).toBeInTheDocument();
    expect(screen.queryByTestId('orphan-pv-shop-web-0')).not.toBeInTheDocument();
  });

  it('shows each ingress path as service:port with ready/total endpoints and its status', async () => {
    serve(entityResponse([okCluster()]));
    await renderPage();
    const failing = await screen.findByTestId('ingress-status-shop-shop.example.test/checkout');
    expect(failing).toHaveTextContent('No ready endpoints (503)');
    const row = failing.closest('tr')!;
    expect(row).toHaveTextContent('http://shop.example.test/checkout');
    expect(row).toHaveTextContent('→ checkout:80');
    expect(row).toHaveTextContent('0/2');
    const ok = screen.getByTestId('ingress-status-shop-shop.example.test/').closest('tr')!;
    expect(ok).toHaveTextContent('https://shop.example.test/');
    expect(ok).toHaveTextContent('2/2');
    expect(ok).toHaveTextContent('OK');
  });

  it('titles a failure by its reason in words, and a catch-all error by its message alone', async () => {
    serve(entityResponse([
      { ...failingCluster, cluster: 'a', failure: { reason: 'unauthorized', message: 'the API server refused the credentials (401)', since: '2026-12-02T11:40:00Z' } },
      { ...failingCluster, cluster: 'b', failure: { reason: 'error', message: 'cannot reach https://127.0.0.1:9: connection refused', since: '2026-12-02T11:40:00Z' } },
    ]));
    await renderPage();
    expect(await screen.findByTestId('cluster-a')).toHaveTextContent('Cluster a cannot be read: credentials refused');
    const b = screen.getByTestId('cluster-b');
    expect(b).toHaveTextContent('Cluster b cannot be readcannot reach https://127.0.0.1:9');
    expect(b).not.toHaveTextContent(/cannot be read: error/);
  });

  it("shows a failing cluster's error beside another cluster's data", async () => {
    serve(entityResponse([okCluster(), failingCluster]));
    await renderPage();
    const staging = await screen.findByTestId('cluster-staging');
    expect(staging).toHaveTextContent('Failing');
    expect(staging).toHaveTextContent('Cluster staging cannot be read: unreachable');
    expect(staging).toHaveTextContent('connect ECONNREFUSED 127.0.0.1:6443');
    expect(staging).toHaveTextContent('No earlier data is held.');
    const prod = screen.getByTestId('cluster-prod');
    expect(within(prod).getByTestId('ordinal-web-1')).toBeInTheDocument();
    expect(within(prod).getByTestId('freshness')).toHaveTextContent('Data from 12s ago');
  });

  it('keeps the last good data of a failing cluster, marked as possibly out of date', async () => {
    serve(entityResponse([{ ...failingCluster, report: shopReport(), freshness: { lastResyncAt: '2026-12-02T11:30:00Z', ageSeconds: 900 } }]));
    await renderPage();
    const staging = await screen.findByTestId('cluster-staging');
    expect(staging).toHaveTextContent('Below is the last data read, which may be out of date.');
    expect(within(staging).getByTestId('freshness')).toHaveTextContent('Data from 15m ago');
    expect(within(staging).getByTestId('ordinal-web-1')).toBeInTheDocument();
  });

  it('shows no data for a failing cluster that was never read, even if the answer carries an empty report', async () => {
    const empty = shopReport({ findings: [], statefulSets: [], volumes: [], claims: [], ingresses: [] });
    serve(entityResponse([{ ...failingCluster, report: empty }]));
    await renderPage();
    const staging = await screen.findByTestId('cluster-staging');
    expect(staging).toHaveTextContent('No earlier data is held.');
    expect(within(staging).queryByText('No findings in what was read.')).not.toBeInTheDocument();
    expect(within(staging).queryAllByTestId('storage-section')).toHaveLength(0);
  });

  it('says "not read" for kinds the backend could not read instead of "none"', async () => {
    const report = shopReport({
      statefulSets: [],
      incomplete: [{ kind: 'statefulsets', namespace: 'shop', reason: 'forbidden', message: 'statefulsets is forbidden' }],
    });
    serve(entityResponse([okCluster(report)]));
    await renderPage();
    expect(await screen.findByText('StatefulSets were not read.')).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Not read' })).toHaveTextContent(/Not read: statefulsets: forbidden/);
    expect(screen.queryByText('The entity has no StatefulSets.')).not.toBeInTheDocument();
  });

  it('shows a pending cluster as in progress', async () => {
    serve(entityResponse([{ cluster: 'new', status: 'pending', freshness: {} }]));
    await renderPage();
    const pending = await screen.findByTestId('cluster-new');
    expect(pending).toHaveTextContent('First sync in progress');
    expect(pending).toHaveTextContent('No data read yet');
  });

  it('shows an empty state when no cluster answers', async () => {
    serve(entityResponse([]));
    await renderPage();
    expect(await screen.findByText('No cluster answers for this entity')).toBeInTheDocument();
  });

  it('shows the backend error when the request fails', async () => {
    serve({ error: { name: 'NotFoundError', message: 'entity component:default/shop-web not found' }, response: { statusCode: 404 } }, 404);
    await renderPage();
    expect(await screen.findByText(/Could not load storage health/)).toBeInTheDocument();
    expect(screen.getAllByText(/entity component:default\/shop-web not found/).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    server.use(http.get(ENTITY_URL, () => new Promise(() => {})), http.get(`${BASE}/v1/catalog`, () => HttpResponse.json(catalogResponse)));
    await renderPage();
    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });
});

describe('what orphans cost (kubernetesStorage.pricing)', () => {
  /** shopReport plus db's ordinal-3 claim left behind by a scale-in, in a class the prices may not cover. */
  function withLeftover(storageClass: string) {
    const base = shopReport();
    return shopReport({
      findings: [
        ...base.findings,
        {
          code: 'sts-leftover-claims',
          severity: 'info',
          object: { kind: 'StatefulSet', namespace: 'shop', name: 'web' },
          message: 'StatefulSet shop/web keeps 1 claim of ordinals above its replicas.',
          related: [{ kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data-web-3' }],
        },
      ],
      claims: [
        ...base.claims,
        { namespace: 'shop', name: 'data-web-3', phase: 'Bound', volume: 'pv-shop-web-3', capacity: '2Gi', storageClass, accessModes: ['ReadWriteOnce'], usedBy: [], ageSeconds: 3 * 86400, ownerOrdinal: { namespace: 'shop', statefulSet: 'web', ordinal: 3, template: 'data' } },
      ],
    });
  }
  const priced = (report: ReturnType<typeof shopReport>, pricing: { classes: Record<string, number>; currency?: string }) => ({
    ...entityResponse([okCluster(report)]),
    pricing,
  });

  it('shows each orphan\'s monthly cost and the backend\'s totals', async () => {
    const report = withLeftover('standard');
    // As the backend sends it: orphanCostOf at 0.10 EUR per GiB-month (5Gi volume + 2Gi claim = 0.70).
    report.orphanCost = { currency: 'EUR', monthlyCost: 0.7, count: 2, bytes: 7 * 2 ** 30, unpriced: 0, byNamespace: [{ namespace: 'shop', count: 2, bytes: 7 * 2 ** 30, monthlyCost: 0.7, unpriced: 0 }] };
    serve(priced(report, { classes: { standard: 0.1 }, currency: 'EUR' }));
    await renderPage();
    expect(await screen.findByRole('note', { name: 'Orphan cost' })).toHaveTextContent('0.70 EUR per month for 2 orphaned objects (7Gi)');
    expect(screen.getByTestId('orphan-pv-shop-invoices')).toHaveTextContent(
      'PV pv-shop-invoices, 5Gi, class standard, Released for 6d20h; it belonged to claim shop/invoices, 0.50 EUR per month',
    );
    const claims = screen.getByRole('region', { name: 'Orphaned claims' });
    expect(claims).toHaveTextContent('1 orphaned claim (2Gi)');
    expect(within(claims).getByTestId('orphan-claim-shop-data-web-3')).toHaveTextContent(
      'PVC shop/data-web-3, 2Gi, class standard, left by statefulset web (replicas 3, ordinal 3), 3d old, 0.20 EUR per month',
    );
  });

  it('an orphan whose class has no price says so and is left out of the total, never priced at zero', async () => {
    const report = withLeftover('premium');
    report.orphanCost = { currency: 'EUR', monthlyCost: 0.5, count: 2, bytes: 7 * 2 ** 30, unpriced: 1, byNamespace: [{ namespace: 'shop', count: 2, bytes: 7 * 2 ** 30, monthlyCost: 0.5, unpriced: 1 }] };
    serve(priced(report, { classes: { standard: 0.1 }, currency: 'EUR' }));
    await renderPage();
    expect(await screen.findByRole('note', { name: 'Orphan cost' })).toHaveTextContent('0.50 EUR per month for 2 orphaned objects (7Gi); 1 without a price, not counted');
    expect(screen.getByTestId('orphan-claim-shop-data-web-3')).toHaveTextContent(/, no price for class premium$/);
    expect(screen.getByTestId('orphan-claim-shop-data-web-3')).not.toHaveTextContent('0.00');
  });

  it('without prices: sizes only, no cost anywhere', async () => {
    serve(entityResponse([okCluster(withLeftover('standard'))]));
    await renderPage();
    const claims = await screen.findByRole('region', { name: 'Orphaned claims' });
    expect(within(claims).getByTestId('orphan-claim-shop-data-web-3')).toHaveTextContent(/^PVC shop\/data-web-3, 2Gi, class standard, left by statefulset web \(replicas 3, ordinal 3\), 3d old$/);
    expect(screen.queryByRole('note', { name: 'Orphan cost' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/per month|USD|EUR/);
  });
});

