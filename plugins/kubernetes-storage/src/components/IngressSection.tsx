// Ingress paths as traffic flows: host and path -> Service:port -> ready/total endpoints, and whether requests
// can be answered. A path with 0 ready endpoints is why users get 503s.
import React from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import type { IngressPathView, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';
import { ingressStatus } from './phaseTone';
import { unreadKinds } from './notRead';
import { Body } from './text';

type Row = IngressPathView & { id: string };

export function backendLabel(p: IngressPathView): string {
  if (!p.service) return p.status === 'ResourceBackend' ? 'resource backend' : 'no backend';
  return p.port ? `${p.service}:${p.port}` : p.service;
}

const columns: TableColumn<Row>[] = [
  { title: 'Ingress', render: (p) => `${p.namespace}/${p.ingress}${p.ingressClass ? ` (${p.ingressClass})` : ''}` },
  { title: 'Host and path', render: (p) => `${p.tls ? 'https' : 'http'}://${p.host}${p.path}` },
  { title: 'Backend', render: (p) => `→ ${backendLabel(p)}` },
  { title: 'Endpoints ready', render: (p) => `${p.readyEndpoints}/${p.readyEndpoints + p.notReadyEndpoints}` },
  {
    title: 'Status',
    render: (p) => {
      const s = ingressStatus(p.status);
      const behind = p.status === 'NoController' && p.backendStatus ? `; backend: ${ingressStatus(p.backendStatus).label}` : '';
      return (
        <span data-testid={`ingress-status-${p.ingress}-${p.host}${p.path}`}>
          <StatusText tone={s.tone}>
            {s.label}
            {behind}
          </StatusText>
        </span>
      );
    },
  },
];

export function IngressSection(props: { report: StorageReport }) {
  const { report } = props;
  const unread = unreadKinds(report, ['ingresses', 'services', 'endpointslices']);
  if (report.ingresses.length === 0) {
    return (
      <Body>
        {unreadKinds(report, ['ingresses']).length ? 'Ingresses were not read.' : 'No Ingress routes to the entity.'}
      </Body>
    );
  }
  return (
    <>
      {unread.length > 0 && <StatusText tone="unknown">Not read: {unread.join(', ')}.</StatusText>}
      <Table<Row>
        title="Ingress paths"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={report.ingresses.map((p, i) => ({ ...p, id: `${p.namespace}/${p.ingress}/${p.host}${p.path}/${i}` }))}
      />
    </>
  );
}
