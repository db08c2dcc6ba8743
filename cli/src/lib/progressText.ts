// The words of the progress line: which kinds are done and what is being read now, so a slow LIST shows as
// "pods: 12,000 items" rather than a frozen terminal.
import { plural, type ResourceKind } from '@kubectl-storage/plugin-kubernetes-storage-common';
import type { CollectProgress } from '@kubectl-storage/plugin-kubernetes-storage-node';

export function progressTracker(context: string, totalKinds: number): (event: CollectProgress) => string {
  const items = new Map<ResourceKind, number>();
  const done = new Set<ResourceKind>();
  return (event) => {
    if (event.type === 'page') items.set(event.kind, (items.get(event.kind) ?? 0) + event.items);
    else done.add(event.kind);
    const current = event.type === 'page' ? `, ${event.kind}: ${plural(items.get(event.kind) ?? 0, 'item')}` : '';
    return `Reading ${context}: ${done.size}/${totalKinds} kinds${current}`;
  };
}
