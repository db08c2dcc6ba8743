// `kubectl storage diff`: what changed between two states of a cluster's storage, newest problems first.
// Findings (appeared, cleared, severity changed), then volumes and claims that changed phase, then StatefulSet
// ordinals that changed status, then what could not be compared.
import type { FindingChange, StorageDiff } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { NONE, qualifiedName, severityCell } from './format';
import { renderTable, type CellInput } from './table';

const sourceName = (side: StorageDiff['before']): string =>
  side.source.type === 'file'
    ? side.source.files.join(', ')
    : side.source.type === 'cluster'
      ? `cluster ${side.source.name}`
      : `context ${side.source.context}`;

function findingRows(diff: StorageDiff): CellInput[][] {
  const row = (change: string, f: FindingChange): CellInput[] => [
    change,
    f.previousSeverity ? `${f.previousSeverity} -> ${f.severity}` : severityCell(f.severity),
    f.code,
    qualifiedName(f.object),
    f.message,
  ];
  return [
    ...diff.findings.appeared.map((f) => row('+ new', f)),
    ...diff.findings.severityChanged.map((f) => row('~ severity', f)),
    ...diff.findings.cleared.map((f) => row('- cleared', f)),
  ];
}

export function renderDiff(diff: StorageDiff, ctx: RenderContext): string[] {
  const lines: string[] = [];
  if (!ctx.noHeaders) lines.push(`Before: ${sourceName(diff.before)} (${diff.before.generatedAt})`, `After:  ${sourceName(diff.after)} (${diff.after.generatedAt})`, '');
  const f = diff.findings;
  const findingCount = f.appeared.length + f.severityChanged.length + f.cleared.length;
  if (findingCount === 0 && diff.phases.length === 0 && diff.ordinals.length === 0) {
    lines.push('No changes.');
  }
  if (findingCount > 0) {
    if (!ctx.noHeaders) lines.push(`Findings: ${f.appeared.length} new, ${f.severityChanged.length} changed severity, ${f.cleared.length} cleared`);
    lines.push(...renderTable(['change', 'severity', 'code', 'object', 'message'], findingRows(diff), tableOptions(ctx, ['message'])));
  }
  if (diff.phases.length > 0) {
    if (lines.length > 0 && !ctx.noHeaders) lines.push('');
    if (!ctx.noHeaders) lines.push('Phase changes:');
    const rows = diff.phases.map((p) => [
      qualifiedName({ kind: p.kind, name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}) }),
      p.before ?? '(absent)',
      p.after ?? '(absent)',
    ]);
    lines.push(...renderTable(['object', 'before', 'after'], rows, tableOptions(ctx)));
  }
  if (diff.ordinals.length > 0) {
    if (lines.length > 0 && !ctx.noHeaders) lines.push('');
    if (!ctx.noHeaders) lines.push('StatefulSet ordinals:');
    const rows = diff.ordinals.map((o) => [`${o.namespace}/${o.statefulSet}`, String(o.ordinal), o.podName, o.before ?? '(absent)', o.after ?? '(absent)']);
    lines.push(...renderTable(['statefulset', 'ordinal', 'pod', 'before', 'after'], rows, tableOptions(ctx)));
  }
  if (diff.notCompared.length > 0 && !ctx.noHeaders) {
    // One entry per kind and reason, naming the sides: "secrets (not-in-input, both)".
    const sides = new Map<string, Set<string>>();
    for (const n of diff.notCompared) {
      const key = `${n.kind}${n.namespace ? ` in ${n.namespace}` : ''} (${n.reason}`;
      sides.set(key, (sides.get(key) ?? new Set()).add(n.side));
    }
    const notes = [...sides].map(([key, s]) => `${key}, ${s.size === 2 ? 'both' : [...s][0]})`);
    lines.push('', `Not compared (not read, so changes there cannot be told): ${notes.join('; ') || NONE}`);
  }
  return lines;
}
