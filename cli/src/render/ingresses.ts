// `kubectl storage ingress`: every host/path -> service:port -> ready/total endpoints, the chain an Ingress
// controller follows. A path whose service has no ready endpoint answers 503; this is where that shows.
import type { IngressPathView, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from './context';
import { NONE, orNone, statusCell } from './format';
import { renderTable, type CellInput } from './table';
import { findingsAbout, type View } from './view';

export function ingressesView(report: StorageReport, name?: string): View<IngressPathView> {
  const rows = name === undefined ? report.ingresses : report.ingresses.filter((p) => p.ingress === name);
  const seen = new Map(rows.map((p) => [`${p.namespace}/${p.ingress}`, { kind: 'Ingress', namespace: p.namespace, name: p.ingress }]));
  return {
    key: 'ingresses',
    rows,
    findings: findingsAbout(report.findings, [...seen.values()]),
    incomplete: report.incomplete,
    emptyMessage: name === undefined ? 'No ingresses found.' : `No ingress named "${name}" found.`,
    table: (ctx) => ingressTable(rows, ctx),
  };
}

export function backendText(p: IngressPathView): string {
  if (!p.service) return NONE;
  return p.port ? `${p.service}:${p.port}` : p.service;
}

export function endpointsText(p: IngressPathView): string {
  if (p.status === 'ServiceMissing' || p.status === 'ExternalName' || p.status === 'ResourceBackend') return NONE;
  return `${p.readyEndpoints}/${p.readyEndpoints + p.notReadyEndpoints}`;
}

function ingressTable(rows: IngressPathView[], ctx: RenderContext): string[] {
  const headers = [...(ctx.showNamespace ? ['namespace'] : []), 'ingress', 'host', 'path', 'backend', 'endpoints', 'status'];
  if (ctx.wide) headers.push('class', 'path type', 'tls', 'address');
  const body = rows.map((p): CellInput[] => {
    const row: CellInput[] = [
      ...(ctx.showNamespace ? [p.namespace] : []),
      p.ingress,
      p.host,
      p.path,
      backendText(p),
      { text: endpointsText(p), style: p.readyEndpoints === 0 && p.status !== 'OK' ? 'red' : undefined },
      statusCell(p.status),
    ];
    if (ctx.wide) row.push(orNone(p.ingressClass), orNone(p.pathType), p.tls ? 'yes' : 'no', orNone(p.address));
    return row;
  });
  return renderTable(headers, body, { noHeaders: ctx.noHeaders, paint: ctx.paint });
}
