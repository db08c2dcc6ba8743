// The report's order: most severe first, then by namespace, kind, name and code, so the same snapshot gives
// the same report byte for byte and a human reads the worst problems first.
import { compareSeverity } from '../model/severity';
import type { Finding } from '../model/report';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    // Cluster-scoped objects (no namespace) come before namespaced ones.
    compare(a.object.namespace ?? '', b.object.namespace ?? '') ||
    compare(a.object.kind, b.object.kind) ||
    compare(a.object.name, b.object.name) ||
    compare(a.code, b.code) ||
    compare(a.message, b.message)
  );
}
