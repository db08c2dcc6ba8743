// `kubectl storage pv`: every PersistentVolume with its phase, how long it has been in it, and (wide) the
// StatefulSet ordinal it belongs or belonged to, which is what turns a Released PV into an actionable one.
import type { StorageReport, VolumeView } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { accessModes, age, NONE, orNone, size, statusCell } from './format';
import { ordinalName } from './ordinalName';
import { renderTable, type CellInput } from './table';
import { findingsAbout, type View } from './view';

export interface VolumeFilter {
  /** Only volumes the core reports as orphaned (Released with reclaim policy Retain). */
  orphaned?: boolean;
  /** Only volumes in this phase (case-insensitive, as kubectl field values are typed by hand). */
  phase?: string;
}

export const ORPHANED_VOLUME_CODE = 'pv-released-retain';

export function volumesView(report: StorageReport, filter: VolumeFilter = {}): View<VolumeView> {
  const orphaned = new Set(report.findings.filter((f) => f.code === ORPHANED_VOLUME_CODE).map((f) => f.object.name));
  const rows = report.volumes.filter(
    (v) =>
      (!filter.orphaned || orphaned.has(v.name)) &&
      (!filter.phase || v.phase.toLowerCase() === filter.phase.toLowerCase()),
  );
  const refs = rows.map((v) => ({ kind: 'PersistentVolume', name: v.name }));
  return {
    kind: 'PersistentVolumeList',
    rows,
    findings: findingsAbout(report.findings, refs),
    incomplete: report.incomplete,
    emptyMessage: 'No persistent volumes found.',
    table: (ctx) => volumesTable(rows, ctx),
  };
}

export function volumesTable(rows: VolumeView[], ctx: RenderContext): string[] {
  const headers = ['name', 'capacity', 'access modes', 'reclaim policy', 'status', 'claim', 'storageclass', 'since', 'age'];
  if (ctx.wide) headers.push('source', 'ordinal', 'message');
  const body = rows.map((v): CellInput[] => {
    const row: CellInput[] = [
      v.name,
      size(v.capacity, v.capacityBytes),
      accessModes(v.accessModes),
      v.reclaimPolicy,
      statusCell(v.phase),
      orNone(v.claim),
      orNone(v.storageClass),
      age(v.phaseAgeSeconds),
      age(v.ageSeconds),
    ];
    if (ctx.wide) row.push(v.source, v.ownerOrdinal ? ordinalName(v.ownerOrdinal, true) : NONE, v.message ?? '');
    return row;
  });
  return renderTable(headers, body, tableOptions(ctx, ['message']));
}
