// The permission this plugin checks per entity. A resource permission on catalog entities, so a policy can
// decide with the catalog's own conditions (isEntityOwner, hasAnnotation, ...), which the catalog evaluates.
import { kubernetesClustersReadPermission } from '@backstage/plugin-kubernetes-common';
import { createPermission } from '@backstage/plugin-permission-common';

export const kubernetesStorageReadPermission = createPermission({
  name: 'kubernetes.storage.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** Registered by this plugin: its own, and the official plugin's cluster permission it checks for GET /v1/clusters. */
export const kubernetesStoragePermissions = [kubernetesStorageReadPermission, kubernetesClustersReadPermission];
