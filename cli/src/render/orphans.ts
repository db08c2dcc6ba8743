// `kubectl storage orphans`: the clean-up list from the core (findOrphans: orphaned Released volumes, claims left
// by StatefulSet scale-ins, claims no pod mounts), each with size, age, cost where priced, and the exact kubectl
// commands an admin would run, aimed at the context that was read. kubectl-storage itself never runs them.
import { findOrphans, formatBytes, formatCost, type Orphan, type OrphanOptions, type OrphanReport, type StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common';
import { tableOptions, type RenderContext } from './context';
import { age, NONE, orNone } from './format';
import { renderTable } from './table';
import { terminalSafe } from './terminalSafe';
import { findingsAbout, type View } from './view';

export type { Orphan } from '@kubectl-storage/plugin-kubernetes-storage-common';

export function orphansView(report: StorageReport, options: OrphanOptions = {}): View<Orphan> {
  const result = findOrphans(report, options);
  return {
    kind: 'OrphanList',
    rows: result.orphans,
    findings: findingsAbout(report.findings, result.findings.map((f) => f.object)),
    incomplete: report.incomplete,
    emptyMessage: 'No orphaned volumes, leftover StatefulSet claims or unused claims found.',
    // Each row already says why it is listed; repeating the findings underneath would be noise.
    findingsInTable: false,
    extra: {
      totals: result.totals,
      byNamespace: result.byNamespace,
      ...(result.currency ? { currency: result.currency } : {}),
      target: result.target,
    },
    table: (ctx) => orphansTable(result, ctx),
  };
}

const KIND_SHORT = { PersistentVolume: 'pv', PersistentVolumeClaim: 'pvc' } as const;

/** "3 to review, 42Gi in total, 4.20 USD/month (1 without a price)." */
export function orphanTotalsLine(result: Pick<OrphanReport, 'totals' | 'currency'>): string {
  const { totals, currency } = result;
  const parts = [`${totals.count} to review`, `${formatBytes(totals.bytes)} in total`];
  if (currency) {
    if (totals.monthlyCost !== undefined) parts.push(`${formatCost(totals.monthlyCost, currency)}/month`);
    if (totals.unpriced > 0) parts.push(`${totals.unpriced} without a price (no price for the class, or no size)`);
  }
  return `${parts.join(', ')}.`;
}

function orphansTable(result: OrphanReport, ctx: RenderContext): string[] {
  const { orphans, currency } = result;
  const headers = ['kind', ...(ctx.showNamespace ? ['namespace'] : []), 'name', 'size', ...(currency ? ['cost/month'] : []), 'age', 'reason'];
  if (ctx.wide) headers.splice(headers.length - 1, 0, 'storageclass', 'bound to');
  const body = orphans.map((o) => {
    const row = [KIND_SHORT[o.kind], ...(ctx.showNamespace ? [o.namespace ?? ''] : []), o.name, o.size ?? NONE];
    if (currency) row.push(o.monthlyCost !== undefined ? formatCost(o.monthlyCost, currency) : NONE);
    row.push(age(o.ageSeconds));
    if (ctx.wide) row.push(orNone(o.storageClass), orNone(o.counterpart));
    row.push(o.reason);
    return row;
  });
  const lines = renderTable(headers, body, tableOptions(ctx, ['reason']));
  if (ctx.noHeaders) return lines;
  lines.push('', orphanTotalsLine(result));
  if (currency && result.byNamespace.length > 1) {
    for (const ns of result.byNamespace) {
      const cost = ns.monthlyCost !== undefined ? `, ${formatCost(ns.monthlyCost, currency)}/month` : '';
      lines.push(`  ${ns.namespace || '(cluster)'}: ${ns.count}, ${formatBytes(ns.bytes)}${cost}`);
    }
  }
  lines.push('', ctx.paint('Clean-up commands (review first; kubectl-storage never runs them):', 'bold'));
  lines.push(`# every command targets ${result.target.description}`);
  for (const o of orphans) {
    // Names come from the cluster or a dump: escaped (terminalSafe) so a command line never carries control codes.
    lines.push('', terminalSafe(`# ${KIND_SHORT[o.kind]}/${o.name}${o.namespace ? ` -n ${o.namespace}` : ''}: ${o.reason}`));
    lines.push(...o.commands.map(terminalSafe));
  }
  return lines;
}
