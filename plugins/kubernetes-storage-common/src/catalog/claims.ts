// Findings about PersistentVolumeClaims: why a claim has no volume, claims nobody uses, and claims in trouble.
import type { CatalogEntry } from '../model/report';

export const claimCatalog: CatalogEntry[] = [
  {
    code: 'pvc-pending-class-missing',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim names a StorageClass that does not exist',
    why:
      'No provisioner will ever create a volume for a class that does not exist, so the claim stays Pending ' +
      'forever and every pod that mounts it cannot start.',
    fix:
      'Create the StorageClass, or recreate the claim with an existing class (storageClassName cannot be changed ' +
      'on an existing claim). For a StatefulSet, fix the class in its volumeClaimTemplates too.',
  },
  {
    code: 'pvc-pending-no-default-class',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim without a class and no default StorageClass',
    why:
      'A claim that leaves storageClassName unset gets the default StorageClass. With no default class it stays ' +
      'Pending and the pods that mount it cannot start.',
    fix:
      'Mark one StorageClass as default (annotation storageclass.kubernetes.io/is-default-class: "true"); since ' +
      'Kubernetes 1.28 Pending claims without a class then get it assigned. Or recreate the claim with an explicit class.',
  },
  {
    code: 'pvc-pending-wait-for-consumer',
    severity: 'info',
    area: 'PersistentVolumeClaim',
    title: 'Claim waits for its first consumer (normal)',
    why:
      'The claim\'s StorageClass uses volumeBindingMode WaitForFirstConsumer: the volume is created only when a ' +
      'pod that uses the claim is scheduled, so it lands in the right zone. No pod uses the claim yet, so Pending ' +
      'is expected.',
    fix: 'Nothing to do while the claim is meant to be used later. If no workload will use it, delete it.',
  },
  {
    code: 'pvc-pending-consumer-waiting',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'A pod waits for a WaitForFirstConsumer claim that stays Pending',
    why:
      'With WaitForFirstConsumer the volume is created once a pod using the claim is scheduled. A pod uses this ' +
      'claim, yet it is still Pending: scheduling and provisioning are blocking each other (no node satisfies the ' +
      'pod and the volume topology, the provisioner fails, or resources are short), so the pod cannot start.',
    fix:
      'Read the pod\'s scheduling events (`kubectl describe pod`) and the claim\'s events (`kubectl describe pvc`). ' +
      'Check node selectors and taints against the zones the class may provision in, and the provisioner logs.',
  },
  {
    code: 'pvc-pending-no-match',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Claim for static binding finds no matching volume',
    why:
      'The claim can only bind an existing volume (class "" or a class with provisioner ' +
      'kubernetes.io/no-provisioner), and no Available volume has its class, at least its size, its access modes ' +
      'and its volume mode. It stays Pending until an administrator creates one.',
    fix:
      'Create a PersistentVolume that matches (same storageClassName, capacity at least the request, the access ' +
      'modes and volume mode asked for), or fix the claim to fit an existing volume.',
  },
  {
    code: 'pvc-pending-provisioning',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Dynamic provisioning has not produced a volume',
    why:
      'The claim\'s StorageClass binds immediately and has a dynamic provisioner, yet the claim is still Pending ' +
      'after the grace period: the provisioner is failing (quota, permissions, invalid parameters, driver down).',
    fix:
      'Read the claim\'s events (`kubectl describe pvc NAME`): the provisioner reports its error there. Then check ' +
      'the provisioner or CSI controller pods and their logs.',
  },
  {
    code: 'pvc-lost',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim lost its volume',
    why:
      'The claim is Lost: the PersistentVolume it was bound to no longer exists. The data is unreachable and pods ' +
      'that mount the claim fail.',
    fix:
      'Find out what deleted the volume. Restore the PersistentVolume (same name, pointing at the same disk) if the ' +
      'disk still exists, or restore from backup into a new claim; then delete the Lost claim.',
  },
  {
    code: 'pvc-unused',
    severity: 'info',
    area: 'PersistentVolumeClaim',
    title: 'Bound claim that no pod mounts',
    why:
      'The claim holds a volume but no pod uses it. That may be on purpose (a job that runs later, a manual ' +
      'backup), or storage left behind by a removed workload that keeps costing money. Per-ordinal claims of ' +
      'existing StatefulSets are reported by the StatefulSet findings instead.',
    fix: 'Check who created it (labels, owner, age). If nothing needs it, back up what matters and delete the claim.',
  },
  {
    code: 'pvc-rwo-multi-node',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Single-writer claim used by pods on several nodes',
    why:
      'A ReadWriteOnce volume attaches to one node at a time (and a ReadWriteOncePod volume to one pod). Pods on ' +
      'another node wait forever for the attach ("Multi-Attach error"), so part of the workload is down. Like ' +
      'Kubernetes, the node rule reads the access modes of the bound PersistentVolume (the claim\'s when the volume ' +
      'is unknown): it applies unless they include ReadWriteMany or ReadOnlyMany. Volumes on network file systems ' +
      'that are never attached to a node (nfs, cephfs, glusterfs, azureFile, quobyte) are left out; CSI volumes ' +
      'are not, since their drivers cannot be told apart.',
    fix:
      'Run the pods that share the claim on one node (affinity), give each its own claim (a StatefulSet with ' +
      'volumeClaimTemplates), or use storage that supports ReadWriteMany.',
  },
  {
    code: 'pvc-resize-pending',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Volume expansion not finished',
    why:
      'The claim asks for more storage than it has and a resize is under way but not done. FileSystemResizePending ' +
      'means the file system grows only when a pod mounts the volume again; an Infeasible status means the ' +
      'backend refused the new size. The workload keeps running on the old size until then.',
    fix:
      'Read the claim\'s conditions and events. For FileSystemResizePending restart the pod that mounts it; for ' +
      'failures check the CSI resizer logs, and lower the request back if the new size is not possible.',
  },
  {
    code: 'pvc-capacity-below-request',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Claim capacity below its request, no resize in progress',
    why:
      'The claim asks for more than its volume provides and nothing is resizing it: the StorageClass does not ' +
      'allow expansion or the driver has no resizer. The workload believes it has space it does not have.',
    fix:
      'Enable allowVolumeExpansion on the StorageClass if the driver supports it (and run its resizer), or migrate ' +
      'the data to a new, larger claim.',
  },
  {
    code: 'pvc-nearly-full',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Volume nearly full',
    why:
      'The kubelet reports the volume almost full. When it fills up, databases stop accepting writes or crash, ' +
      'and logs or uploads are lost.',
    fix:
      'Free space (old data, logs) or expand the claim (raise spec.resources.requests.storage; the class must ' +
      'allow expansion), and alert on usage before it fills.',
  },
  {
    code: 'pvc-terminating-stuck',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Claim deletion stuck on finalizers',
    why:
      'The claim was deleted but still exists because a finalizer holds it. kubernetes.io/pvc-protection keeps a ' +
      'claim while any pod uses it: the claim is gone for new pods but its pods keep it, often a surprise during ' +
      'clean-ups and StatefulSet scale-ins.',
    fix:
      'Delete or move the pods that still mount the claim; the claim then goes away. If no pod uses it, check ' +
      'which finalizer is left and the controller that owns it.',
  },
];
