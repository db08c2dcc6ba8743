import type { StatefulSetOrdinalRef } from '@kubectl-storage/plugin-kubernetes-storage-common';

/**
 * A StatefulSet ordinal named like its pod (`web-3`), the identity admins know it by; with its namespace
 * (`shop/web-3`) where rows from several namespaces meet.
 */
export function ordinalName(ref: StatefulSetOrdinalRef, withNamespace: boolean): string {
  const pod = `${ref.statefulSet}-${ref.ordinal}`;
  return withNamespace ? `${ref.namespace}/${pod}` : pod;
}
