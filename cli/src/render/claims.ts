// `kubectl storage pvc`: the claims as `kubectl get pvc` shows them, plus who mounts each one, which is the
// first question when a claim looks unused or cannot be deleted.
import type { ClaimView, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { accessModes, age, NONE, orNone, size, statusCell } from './format';
import { ordinalName } from './ordinalName';
import { renderTable, type CellInput } from './table';
import { findingsAbout, type View } from './view';

export function claimsView(report: StorageReport): View<ClaimView> {
  const rows = report.claims;
  const refs = rows.map((c) => ({ kind: 'PersistentVolumeClaim', namespace: c.namespace, name: c.name }));
  return {
    kind: 'PersistentVolumeClaimList',
    rows,
    findings: findingsAbout(report.findings, refs),
    incomplete: report.incomplete,
    emptyMessage: 'No persistent volume claims found.',
    table: (ctx) => claimsTable(rows, ctx),
  };
}

export const percent = (value: number | undefined): string => (value === undefined ? NONE : `${Math.round(value)}%`);

export function claimsTable(rows: ClaimView[], ctx: RenderContext): string[] {
  const headers = [
    ...(ctx.showNamespace ? ['namespace'] : []),
    'name',
    'status',
    'volume',
    'capacity',
    'access modes',
    'storageclass',
    'used by',
    'age',
  ];
  if (ctx.wide) headers.push('requested', 'ordinal', 'used%');
  const body = rows.map((c): CellInput[] => {
    const row: CellInput[] = [
      ...(ctx.showNamespace ? [c.namespace] : []),
      c.name,
      statusCell(c.phase),
      orNone(c.volume),
      size(c.capacity),
      accessModes(c.accessModes),
      orNone(c.storageClass),
      c.usedBy.length > 0 ? c.usedBy.join(',') : NONE,
      age(c.ageSeconds),
    ];
    if (ctx.wide) {
      row.push(orNone(c.requested), c.ownerOrdinal ? ordinalName(c.ownerOrdinal, false) : NONE, percent(c.usage?.usedPercent));
    }
    return row;
  });
  return renderTable(headers, body, tableOptions(ctx));
}
