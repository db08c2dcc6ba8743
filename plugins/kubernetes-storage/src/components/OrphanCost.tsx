// What the entity's orphans cost, from the backend's prices (kubernetesStorage.pricing): a line with the report's
// orphanCost totals, and each orphan's own monthly cost from the core's findOrphans at the same prices. Without
// prices there is no cost anywhere, sizes only: a price is never made up, and an orphan whose class has no price
// says so instead of counting as free.
import React from 'react';
import type { Orphan, OrphanCost, Pricing, StorageReport } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { findOrphans, formatBytes, formatCost } from '@kubectl-storage/plugin-kubernetes-storage-common/light';
import { StatusText } from './StatusText';

/** The core's orphans of the report, priced when prices are known. */
export function orphansOf(report: StorageReport, pricing: Pricing | undefined): Orphan[] {
  return findOrphans(report, pricing ? { pricing } : {}).orphans;
}

/** ", 0.10 USD per month" / ", no price for class premium" / "" (no prices at all). */
export function costText(orphan: Orphan | undefined, pricing: Pricing | undefined): string {
  if (!pricing || !orphan) return '';
  if (orphan.monthlyCost !== undefined) return `, ${formatCost(orphan.monthlyCost, pricing.currency ?? 'USD')} per month`;
  if (orphan.sizeBytes === undefined) return ', cost unknown (size unknown)';
  return orphan.storageClass ? `, no price for class ${orphan.storageClass}` : ', no price (no storage class)';
}

const objects = (n: number): string => `${n} orphaned object${n === 1 ? '' : 's'}`;

export function OrphanCostLine(props: { cost: OrphanCost }) {
  const { cost } = props;
  if (cost.count === 0) return null;
  const size = formatBytes(cost.bytes);
  const unpriced = cost.unpriced > 0 ? `; ${cost.unpriced} without a price, not counted` : '';
  const namespaces =
    cost.byNamespace.length > 1 && cost.monthlyCost !== undefined
      ? ` (${cost.byNamespace
          .filter((n) => n.monthlyCost !== undefined)
          .map((n) => `${n.namespace || 'no namespace'}: ${formatCost(n.monthlyCost as number, cost.currency)}`)
          .join(', ')})`
      : '';
  return (
    <div role="note" aria-label="Orphan cost" data-testid="orphan-cost">
      <StatusText tone="warning">
        {cost.monthlyCost !== undefined ? (
          <>
            <strong>{formatCost(cost.monthlyCost, cost.currency)} per month</strong> for {objects(cost.count)} ({size}){namespaces}
            {unpriced}
          </>
        ) : (
          <>
            {objects(cost.count)} ({size}): no price configured for their storage classes
          </>
        )}
      </StatusText>
    </div>
  );
}
