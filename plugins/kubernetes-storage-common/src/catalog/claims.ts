// Findings about PersistentVolumeClaims: why a claim has no volume, claims nobody uses, and claims in trouble.
// Each entry's review says which controller rule the check follows.
import { defineCatalog } from './defineCatalog';

const PV_CONTROLLER = 'pkg/controller/volume/persistentvolume/pv_controller.go';
const PV_HELPERS = 'staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go';
const DEFAULT_CLASS_ADMISSION = 'plugin/pkg/admission/storage/storageclass/setdefault/admission.go';

export const claimCatalog = defineCatalog([
  {
    code: 'pvc-pending-class-missing',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim names a StorageClass that does not exist',
    why:
      'No provisioner will ever create a volume for a class that does not exist, so the claim stays Pending ' +
      'forever (unless a volume of that class name is created by hand) and every pod that mounts it cannot start.',
    fix:
      'Create the StorageClass, or recreate the claim with an existing class (storageClassName cannot be changed ' +
      'on an existing claim). For a StatefulSet, fix the class in its volumeClaimTemplates too.',
    review: {
      controller: 'PV controller',
      rule:
        'syncUnboundClaim finds no matching volume and calls provisionClaim, which fails with "storageclass not ' +
        'found" (ProvisioningFailed) and retries forever. Reported at once, only when StorageClasses were read.',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pvc-pending-no-default-class',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim without a class and no default StorageClass',
    why:
      'A claim that leaves storageClassName unset gets the default StorageClass. With no default class it can ' +
      'bind only an existing volume without a class; with none it stays Pending and the pods that mount it cannot start.',
    fix:
      'Mark one StorageClass as default (annotation storageclass.kubernetes.io/is-default-class: "true"); since ' +
      'Kubernetes 1.28 Pending claims without a class then get it assigned. Or recreate the claim with an explicit class.',
    review: {
      controller: 'DefaultStorageClass admission, PV controller',
      rule:
        'Admission sets the default class on create when one exists; syncUnboundClaim assigns a default created ' +
        'later (assignDefaultStorageClass, 1.28+) and otherwise only matches class-less volumes, emitting "no ' +
        'persistent volumes available for this claim and no storage class is set". Reported when classes were read.',
      sources: [DEFAULT_CLASS_ADMISSION, PV_CONTROLLER],
    },
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
    review: {
      controller: 'PV controller',
      rule:
        'For a delay-binding class without the selected-node annotation, syncUnboundClaim only emits ' +
        'WaitForFirstConsumer ("waiting for first consumer to be created before binding"). Reported only when the ' +
        'namespace\'s pods were read and none uses the claim.',
      sources: [PV_CONTROLLER],
    },
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
    review: {
      controller: 'kube-scheduler VolumeBinding, external-provisioner',
      rule:
        'The scheduler picks a node and sets volume.kubernetes.io/selected-node; the provisioner then creates the ' +
        'volume there. Pending for pendingGraceSeconds after both the claim and its first pod exist means one side fails.',
      sources: ['pkg/scheduler/framework/plugins/volumebinding/binder.go', PV_CONTROLLER],
    },
  },
  {
    code: 'pvc-pending-no-match',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Claim for static binding finds no matching volume',
    why:
      'The claim can only bind an existing volume (class "" or a class with provisioner ' +
      'kubernetes.io/no-provisioner, or a claim that names its volume in spec.volumeName), and no Available volume ' +
      'has its class, at least its size, its access modes and its volume mode (or the named volume is missing or ' +
      'taken). It stays Pending until an administrator creates one.',
    fix:
      'Create a PersistentVolume that matches (same storageClassName, capacity at least the request, the access ' +
      'modes and volume mode asked for), or fix the claim to fit an existing volume.',
    review: {
      controller: 'PV controller',
      rule:
        'FindMatchingVolume accepts only Available volumes that are not being deleted, not reserved by another ' +
        'claimRef, of the claim\'s class and volume mode, with a superset of its access modes and at least its size ' +
        '(and matching its selector). A claim with spec.volumeName binds only that volume. Reported after pendingGraceSeconds.',
      sources: [PV_CONTROLLER, PV_HELPERS],
    },
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
    review: {
      controller: 'PV controller, external-provisioner',
      rule:
        'provisionClaim hands an Immediate claim to the class\'s provisioner (annotation ' +
        'volume.kubernetes.io/storage-provisioner); the provisioner reports failures as ProvisioningFailed events. ' +
        'Reported after pendingGraceSeconds (never when the claim\'s age is unknown).',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pvc-lost',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Claim lost its volume',
    why:
      'The claim is Lost: the PersistentVolume it was bound to no longer exists, or now belongs to another claim. ' +
      'The data is unreachable through this claim and pods that mount it fail.',
    fix:
      'Find out what deleted or rebound the volume. If the disk still exists, recreate the PersistentVolume with ' +
      'the same name pointing at it (claimRef to this claim): the PV controller binds it back and the claim ' +
      'returns to Bound. Otherwise restore from backup into a new claim and point the workload at it.',
    review: {
      controller: 'PV controller',
      rule:
        'syncBoundClaim sets Lost (ClaimLost / ClaimMisbound events) when spec.volumeName names a volume that is ' +
        'gone or whose claimRef points elsewhere; a volume that reappears unbound is bound back and the claim is Bound again.',
      sources: [PV_CONTROLLER],
    },
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
    review: {
      controller: 'pvc-protection controller',
      rule:
        'A claim is in use when a pod names it in a persistentVolumeClaim (or its own ephemeral) volume, the rule ' +
        'pvc-protection applies. Reported only when the namespace\'s pods were read.',
      sources: ['pkg/controller/volume/pvcprotection/pvc_protection_controller.go'],
    },
  },
  {
    code: 'pvc-rwo-multi-node',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'Single-writer claim blocks a pod (Multi-Attach)',
    why:
      'A ReadWriteOnce volume that Kubernetes attaches is attached to one node at a time, and a ReadWriteOncePod ' +
      'claim is used by one pod. A pod of the claim on another node waits for the attach ("Multi-Attach error") ' +
      'and never starts, so part of the workload is down. Like the attach/detach controller, the rule reads the ' +
      'bound volume\'s access modes (the claim\'s when the volume is unknown) and applies unless they include ' +
      'ReadWriteMany or ReadOnlyMany; volumes that are never attached (hostPath, local, network file systems, CSI ' +
      'drivers whose CSIDriver says attachRequired: false) cannot be blocked this way.',
    fix:
      'Let the pod that holds the volume finish or move first (a Recreate strategy, or delete the old pod once the ' +
      'new one may take over), run the pods that share the claim on one node (affinity), give each its own claim ' +
      '(a StatefulSet with volumeClaimTemplates), or use storage that supports ReadWriteMany.',
    review: {
      controller: 'attach/detach controller, CSI plugin, kube-scheduler',
      rule:
        'The reconciler refuses a second attach when IsMultiAttachAllowed is false (PV modes without ' +
        'ReadWriteMany/ReadOnlyMany) and reports Multi-Attach on the waiting pod. Only attachable plugins get there: ' +
        'CSI skips attach when the CSIDriver has attachRequired false (a driver without a CSIDriver is attached). ' +
        'Fires only when a pod of the claim on another node has not got past volume setup (phase Pending, ' +
        'ContainerCreating) for pendingGraceSeconds; ReadWriteOncePod is enforced by the scheduler for any second pod.',
      sources: [
        'pkg/controller/volume/attachdetach/reconciler/reconciler.go',
        'pkg/volume/util/util.go',
        'pkg/volume/csi/csi_plugin.go',
        'pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go',
      ],
    },
  },
  {
    code: 'pvc-rwo-several-nodes',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'ReadWriteOnce claim used from several nodes',
    why:
      'Pods on several nodes mount a ReadWriteOnce claim and none of them is blocked: either the volume is never ' +
      'attached (a CSI driver with attachRequired: false), so Kubernetes does not enforce the single-node rule, or ' +
      'it is attached but every pod already runs. ReadWriteOnce promises one node; on storage that is not a ' +
      'shared file system, writers on two nodes corrupt data, and the next pod that moves will hit Multi-Attach.',
    fix:
      'If the storage is a shared file system, give the claim (and volume) ReadWriteMany so it says what it does. ' +
      'Otherwise keep the pods on one node (affinity) or give each pod its own claim.',
    review: {
      controller: 'attach/detach controller, CSI plugin',
      rule:
        'Non-attachable volumes never go through the attach reconciler, so nothing stops a ReadWriteOnce volume from ' +
        'being mounted on several nodes; with every pod Running no attach is blocked now. Network file systems, ' +
        'hostPath and local volumes are left out (shared or node-bound by nature).',
      sources: ['pkg/controller/volume/attachdetach/reconciler/reconciler.go', 'pkg/volume/csi/csi_plugin.go'],
    },
  },
  {
    code: 'pvc-resize-pending',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Volume expansion not finished',
    why:
      'The claim asks for more storage than it has and a resize is under way but not done. The resizer grows the ' +
      'volume in the backend first (Resizing, ControllerResizeInProgress); then, if the file system must grow too ' +
      '(FileSystemResizePending, NodeResizePending), the kubelet does it on the node: online, while the pod runs ' +
      '(GA since 1.24, no restart needed for drivers that support online expansion), or at the next mount. A ' +
      'failed or infeasible resize needs a human; the workload keeps running on the old size until then.',
    fix:
      'Read the claim\'s conditions and events and the events of the pod that mounts it (`kubectl describe pod`: ' +
      'FileSystemResizeFailed, VolumeResizeFailed). For a controller-side failure check the CSI resizer logs; with ' +
      'RecoverVolumeExpansionFailure (1.32+) the request may be lowered back, but not below the current capacity. ' +
      'Restart the pod only if the driver cannot expand online or the pod\'s persistentVolumeClaim source is readOnly.',
    review: {
      controller: 'expand controller / external-resizer, kubelet volume manager',
      rule:
        'The resizer expands the volume, updates the PV and, when node expansion is needed, sets ' +
        'FileSystemResizePending / NodeResizePending. The kubelet\'s desired-state populator marks every mounted ' +
        'volume whose claim wants more for an online NodeExpandVolume (not a readOnly claim source); unmounted volumes grow ' +
        'at the next mount. Reported after pendingGraceSeconds while a pod mounts it, at once when failed or infeasible.',
      sources: [
        'pkg/controller/volume/expand/expand_controller.go',
        'pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go',
        'pkg/volume/util/operationexecutor/node_expander.go',
      ],
    },
  },
  {
    code: 'pvc-resize-on-next-mount',
    severity: 'info',
    area: 'PersistentVolumeClaim',
    title: 'File system grows when a pod mounts the claim',
    why:
      'The backend volume is already larger; only the file system still has to grow, and no pod mounts the claim ' +
      'now. The kubelet grows it when a pod next mounts the claim, so nothing is wrong.',
    fix: 'Nothing to do: the next pod that mounts the claim gets the new size.',
    review: {
      controller: 'kubelet volume manager',
      rule:
        'checkVolumeFSResize skips volumes that are not mounted ("it will be handled as offline resize"); MountDevice ' +
        'expands the file system when the volume is next mounted.',
      sources: ['pkg/kubelet/volumemanager/populator/desired_state_of_world_populator.go', 'pkg/volume/util/operationexecutor/node_expander.go'],
    },
  },
  {
    code: 'pvc-capacity-below-request',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Claim capacity below its request, no resize in progress',
    why:
      'The claim asks for more than its volume provides and nothing is resizing it: no resize condition or status ' +
      'is set, so no resizer has picked the request up (the driver runs no external-resizer, or the class stopped ' +
      'allowing expansion). The workload believes it has space it does not have.',
    fix:
      'Enable allowVolumeExpansion on the StorageClass if the driver supports it (and run its resizer), or migrate ' +
      'the data to a new, larger claim.',
    review: {
      controller: 'expand controller / external-resizer',
      rule:
        'A resizer that takes a request sets the Resizing condition or allocatedResourceStatuses; the in-tree expand ' +
        'controller leaves CSI volumes to the external-resizer. Request above status.capacity with neither set means ' +
        'no resizer acts.',
      sources: ['pkg/controller/volume/expand/expand_controller.go'],
    },
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
    review: {
      controller: 'kubelet stats',
      rule: 'Used bytes over capacity bytes from the kubelet\'s /stats/summary for the pod volume, against nearlyFullPercent.',
      sources: ['pkg/kubelet/server/stats/volume_stat_calculator.go'],
    },
  },
  {
    code: 'pvc-terminating-stuck',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Deleted claim still held by finalizers',
    why:
      'The claim was deleted but still exists because a finalizer holds it. kubernetes.io/pvc-protection keeps a ' +
      'claim while any pod scheduled to a node names it, finished pods included: that is the protection working. ' +
      'The pods keep their data for now, but the claim cannot be un-deleted: it goes as soon as the last such pod ' +
      'is gone, and with it the volume under reclaim policy Delete. Often a surprise during clean-ups and ' +
      'StatefulSet scale-ins.',
    fix:
      'While running pods use it, leave it: do not delete the pods to unstick it, that ends in deleting the data. ' +
      'To keep the data, set the bound volume\'s reclaim policy to Retain now. Finished pods that still hold it can ' +
      'be deleted when the claim should really go. With no pod left, check which finalizer remains and its controller.',
    review: {
      controller: 'pvc-protection controller',
      rule:
        'isBeingUsed: a pod uses the claim when spec.nodeName is set and a persistentVolumeClaim volume names it ' +
        '(any phase), or its own ephemeral volume does and it is not shut down; the informer and a live list are ' +
        'both asked before the finalizer is removed. Reported after terminatingAfterSeconds.',
      sources: ['pkg/controller/volume/pvcprotection/pvc_protection_controller.go'],
    },
  },
  {
    code: 'pvc-unknown-value',
    severity: 'info',
    area: 'PersistentVolumeClaim',
    title: 'Claim field with a value this tool does not know',
    why:
      'The claim\'s phase or volume mode is not one the Kubernetes API documents, or its request or capacity is no ' +
      'usable size (unparsable, negative or above 2^63 bytes). The value is shown as written and no conclusion is ' +
      'drawn from it, so checks that depend on it were not made for this claim.',
    fix:
      'Check where the object comes from (a newer API server, a hand-edited dump, a broken writer). Fix the value ' +
      'if it is wrong; otherwise judge the claim by hand.',
    review: {
      controller: 'API server validation',
      rule:
        'The API validates phase and volumeMode against fixed enums and requires a positive storage request; values ' +
        'outside them come from elsewhere, so they are kept as written and flagged.',
      sources: ['pkg/apis/core/validation/validation.go', 'API reference: PersistentVolumeClaim'],
    },
  },
]);
