// `kubectl storage usage`: df for claims, from the kubelet's volume stats. Only claims whose driver reports
// stats appear (like df, which lists mounted filesystems only); nearly full ones are highlighted.
import { formatBytes } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { ClaimView, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { percent } from './claims';
import { tableOptions, type RenderContext } from './context';
import { NONE, orNone } from './format';
import { renderTable, type CellInput } from './table';
import { findingsAbout, type View } from './view';

export const NEARLY_FULL_CODE = 'pvc-nearly-full';

const bytes = (n: number | undefined): string => (n === undefined ? '<unknown>' : formatBytes(n));

export function usageView(report: StorageReport): View<ClaimView> {
  const rows = report.claims.filter((c) => c.usage !== undefined);
  const refs = rows.map((c) => ({ kind: 'PersistentVolumeClaim', namespace: c.namespace, name: c.name }));
  const findings = findingsAbout(report.findings, refs).filter((f) => f.code === NEARLY_FULL_CODE);
  const nearlyFull = new Set(findings.map((f) => `${f.object.namespace}/${f.object.name}`));
  return {
    kind: 'VolumeUsageList',
    rows,
    findings,
    incomplete: report.incomplete,
    emptyMessage:
      report.source.type === 'file'
        ? 'No volume usage: dumps carry no kubelet stats; run against a cluster to read them.'
        : 'No volume usage reported (no mounted claims, or their drivers do not report stats).',
    table: (ctx) => usageTable(rows, nearlyFull, ctx),
  };
}

function usageTable(rows: ClaimView[], nearlyFull: Set<string>, ctx: RenderContext): string[] {
  const headers = [...(ctx.showNamespace ? ['namespace'] : []), 'pvc', 'size', 'used', 'avail', 'use%', 'node'];
  if (ctx.wide) headers.push('volume', 'storageclass', 'used by');
  const body = rows.map((c): CellInput[] => {
    const u = c.usage ?? {};
    const row: CellInput[] = [
      ...(ctx.showNamespace ? [c.namespace] : []),
      c.name,
      bytes(u.capacityBytes),
      bytes(u.usedBytes),
      bytes(u.availableBytes),
      { text: percent(u.usedPercent), style: nearlyFull.has(`${c.namespace}/${c.name}`) ? 'red' : undefined },
      orNone(u.nodeName),
    ];
    if (ctx.wide) row.push(orNone(c.volume), orNone(c.storageClass), c.usedBy.length ? c.usedBy.join(',') : NONE);
    return row;
  });
  return renderTable(headers, body, tableOptions(ctx));
}
