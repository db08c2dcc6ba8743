// kubectl's namespace rules applied to a snapshot. -A: everything. -n: that namespace. Neither: the context's
// namespace for a live cluster (as `kubectl get` does), everything for a dump (the user already chose what to
// capture, as with `kubectl get -f`). -l narrows the view to what the selected objects own.
import { scopeSnapshot, type ReportScope, type Snapshot } from '@kubectl-storage/plugin-kubernetes-storage-common';

export interface NamespaceFlags {
  namespace?: string;
  'all-namespaces': boolean;
}

export function resolveNamespaces(flags: NamespaceFlags, contextNamespace: string | undefined): string[] | undefined {
  if (flags['all-namespaces']) return undefined;
  if (flags.namespace) return [flags.namespace];
  return contextNamespace === undefined ? undefined : [contextNamespace];
}

export function reportScope(namespaces: string[] | undefined, selector: string | undefined): ReportScope | undefined {
  if (!namespaces && !selector) return undefined;
  return { ...(namespaces ? { namespaces } : {}), ...(selector ? { selector } : {}) };
}

/**
 * The core's scopeSnapshot, the same scoping the portal uses: a namespace keeps the volumes its claims hold or held
 * (claimRef in the namespace, Released ones included); -l keeps what the selected objects own and the volumes the
 * selector picks by their own labels.
 */
export function applyScope(snapshot: Snapshot, scope: ReportScope | undefined): Snapshot {
  return scope ? scopeSnapshot(snapshot, { namespaces: scope.namespaces, selector: scope.selector }) : snapshot;
}
