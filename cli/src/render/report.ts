// `kubectl storage report` as a table: a kubectl-describe-like summary, then the findings. Written for 3 a.m.:
// the counts that matter on one screen, the criticals first, nothing printed that nobody acts on.
import { formatBytes, formatCost, plural, summarizeIncomplete } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type {
  OrphanCost,
  ReportScope,
  ResourceKind,
  SnapshotSource,
  StorageReport,
} from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { RenderContext } from './context';
import { SEVERITY_ORDER, SEVERITY_STYLE } from './format';
import { renderFindings } from './findings';

export function describeSource(source: SnapshotSource): string {
  if (source.type === 'file') return `file ${source.files.join(', ')}`;
  if (source.type === 'cluster') return `cluster ${source.name}${source.server ? ` (${source.server})` : ''}`;
  const where = source.server ? ` (${source.server})` : '';
  return `context ${source.context}${where}`;
}

export function describeScope(scope: ReportScope | undefined): string {
  const ns = scope?.namespaces;
  const where = !ns ? 'all namespaces' : ns.length === 1 ? `namespace ${ns[0]}` : `namespaces ${ns.join(', ')}`;
  return scope?.selector ? `${where}, selector ${scope.selector}` : where;
}

/** "9 Bound, 3 Released" in a fixed phase order, then any other phase. */
function byPhase(counts: Record<string, number>, order: string[]): string {
  const phases = [...order.filter((p) => counts[p]), ...Object.keys(counts).filter((p) => !order.includes(p) && counts[p])];
  return phases.map((p) => `${counts[p]} ${p}`).join(', ');
}

function withDetail(total: number, detail: string): string {
  return detail ? `${total} (${detail})` : String(total);
}

export function renderSummary(report: StorageReport, ctx: RenderContext): string[] {
  const s = report.summary;
  const paint = ctx.paint;
  const findingCounts = SEVERITY_ORDER.map((sev) => {
    const text = `${s.findings[sev]} ${sev}`;
    return s.findings[sev] > 0 ? paint(text, SEVERITY_STYLE[sev]) : text;
  }).join(', ');
  const orphaned = s.volumes.orphaned
    ? `; ${s.volumes.orphaned} orphaned (${formatBytes(s.volumes.orphanedBytes)})`
    : '';
  const notInInput = report.incomplete.filter((e) => e.reason === 'not-in-input');
  const unread = report.incomplete.filter((e) => e.reason !== 'not-in-input');
  // A count over a kind that could not be read in full is a lower bound: "0 volumes" must not read as "none".
  const gaps = new Set(report.incomplete.map((e) => e.kind));
  const partial = (kind: ResourceKind): string => (gaps.has(kind) ? paint(' (not all readable, see below)', 'yellow') : '');
  const rows: [string, string][] = [
    ['Source', describeSource(report.source)],
    ['Scope', describeScope(report.scope)],
    ['Generated', report.generatedAt],
    ['Volumes', withDetail(s.volumes.total, byPhase(s.volumes.byPhase, ['Bound', 'Available', 'Released', 'Failed', 'Pending'])) + orphaned + partial('persistentvolumes')],
    ['Claims', withDetail(s.claims.total, byPhase(s.claims.byPhase, ['Bound', 'Pending', 'Lost'])) + partial('persistentvolumeclaims')],
    ['StatefulSets', `${s.statefulSets.total} (${s.statefulSets.healthy} healthy)` + partial('statefulsets')],
    ['Ingress paths', `${s.ingresses.paths} in ${plural(s.ingresses.total, 'ingress', 'ingresses')} (${s.ingresses.failingPaths} failing)` + partial('ingresses')],
    ['Findings', findingCounts],
  ];
  if (report.orphanCost) rows.splice(rows.length - 1, 0, ['Orphan cost', orphanCostText(report.orphanCost)]);
  if (unread.length > 0) rows.push(['Not read', paint((ctx.unread ?? summarizeIncomplete(unread)).map((u) => u.text).join('; '), 'yellow')]);
  // A dump without a kind is the user's choice, but the checks that need it were skipped: say which.
  if (notInInput.length > 0) rows.push(['Not in input', notInInput.map((e) => e.kind).join(', ')]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}`);
}

/** "4.20 USD/month for 3 orphans (42Gi); 1 without a price". */
function orphanCostText(cost: OrphanCost): string {
  const money = cost.monthlyCost !== undefined ? `${formatCost(cost.monthlyCost, cost.currency)}/month` : `no price for any of them`;
  const unpriced = cost.unpriced > 0 ? `; ${cost.unpriced} without a price` : '';
  return `${money} for ${plural(cost.count, 'orphan')} (${formatBytes(cost.bytes)})${unpriced}; see kubectl storage orphans --pricing`;
}

export function renderReport(report: StorageReport, ctx: RenderContext): string[] {
  // Without headers the output is for scripts: finding rows only.
  if (ctx.noHeaders) return renderFindings(report.findings, ctx);
  const lines = renderSummary(report, ctx);
  lines.push('');
  if (report.findings.length === 0) lines.push('No findings.');
  else lines.push(...renderFindings(report.findings, ctx));
  return lines;
}
