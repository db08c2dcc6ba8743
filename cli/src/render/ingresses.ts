// `kubectl storage ingress`: every host/path -> service:port -> ready/total endpoints, the chain an Ingress
// controller follows. A path whose service has no ready endpoint answers 503; this is where that shows.
import type { IngressPathView, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { NONE, orNone, statusCell } from './format';
import { renderTable, type CellInput } from './table';
import { findingsAbout, type View } from './view';

export function ingressesView(report: StorageReport, name?: string): View<IngressPathView> {
  const rows = name === undefined ? report.ingresses : report.ingresses.filter((p) => p.ingress === name);
  const seen = new Map(rows.map((p) => [`${p.namespace}/${p.ingress}`, { kind: 'Ingress', namespace: p.namespace, name: p.ingress }]));
  return {
    kind: 'IngressPathList',
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
  const backend = p.status === 'NoController' ? p.backendStatus : p.status;
  if (backend === 'ServiceMissing' || backend === 'ExternalName' || backend === 'ResourceBackend') return NONE;
  // Unknown: Services or endpoints could not be read, so 0/0 would be a lie.
  if (backend === 'Unknown') return p.service ? 'not read' : NONE;
  return `${p.readyEndpoints}/${p.readyEndpoints + p.notReadyEndpoints}`;
}

/** NoController (unknown class: nothing serves the path) is as red as a broken backend, whatever the backend is. */
function pathStatusCell(p: IngressPathView): CellInput {
  return p.status === 'NoController' ? { text: p.status, style: 'red' } : statusCell(p.status);
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
      { text: endpointsText(p), style: p.readyEndpoints === 0 && p.status !== 'OK' && p.status !== 'Unknown' ? 'red' : undefined },
      pathStatusCell(p),
    ];
    if (ctx.wide) row.push(orNone(p.ingressClass), orNone(p.pathType), p.tls ? 'yes' : 'no', orNone(p.address));
    return row;
  });
  return renderTable(headers, body, tableOptions(ctx));
}
