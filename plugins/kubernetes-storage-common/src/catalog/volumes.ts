// Findings about PersistentVolumes: what happens to storage after its claim is gone, volumes stuck on the way in or
// out, and volumes whose node is gone. Each entry's review says which controller rule the check follows.
import { defineCatalog } from './defineCatalog';

const PV_CONTROLLER = 'pkg/controller/volume/persistentvolume/pv_controller.go';

export const volumeCatalog = defineCatalog([
  {
    code: 'pv-released-retain',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Orphaned Released volume (reclaim policy Retain)',
    why:
      'The claim that used this volume was deleted and the Retain policy kept the volume and its data. The PV ' +
      'controller moves a volume whose claim is gone to Released and, for Retain, does nothing more: a Released ' +
      'volume still carries the old claim\'s uid in spec.claimRef, so no claim can ever bind it again on its own. ' +
      'It keeps costing money and holds data someone may need (often the disk of a StatefulSet ordinal that was ' +
      'scaled in or deleted), but nothing will use it until a human acts.',
    fix:
      'Decide whether the data is needed. To reuse it, remove `spec.claimRef.uid` (or the whole claimRef) so a ' +
      'claim of the same name can bind it again; a StatefulSet ordinal gets its data back if this is done before ' +
      'the set recreates the claim. Otherwise back it up, then delete the PersistentVolume and its backing disk.',
    review: {
      controller: 'PV controller',
      rule:
        'syncVolume: a volume whose claimRef names a claim that is gone (or has another uid) is set to Released, ' +
        'then reclaimVolume applies the policy; for Retain it only logs. A Released volume with claimRef.uid set is ' +
        'never matched by the binder again, so Released + Retain + not being deleted is an orphan until a human acts.',
      sources: [PV_CONTROLLER, 'staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go'],
    },
  },
  {
    code: 'pv-reclaim-failed',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume with reclaim policy Delete was not deleted',
    why:
      'With reclaim policy Delete the volume and its backing disk are removed when the claim is deleted: the PV ' +
      'controller (in-tree plugins) or the CSI external-provisioner deletes the disk, then the PersistentVolume. A ' +
      'Delete volume that stays Released past a grace period, or turns Failed, means the deletion failed: the disk ' +
      'may still exist and cost money, and the provisioner is unhealthy or lacks permissions.',
    fix:
      'Read the volume\'s status message and events (`kubectl describe pv NAME`) and the provisioner/CSI ' +
      'controller logs. Fix the cause (credentials, a disk still attached to a node, a driver that is gone), then ' +
      'delete the PersistentVolume; check in the storage backend that the disk is gone.',
    review: {
      controller: 'PV controller, CSI external-provisioner',
      rule:
        'reclaimVolume with policy Delete starts deleteVolumeOperation (in-tree) or leaves the volume to the ' +
        'provisioner named in pv.kubernetes.io/provisioned-by; on failure the volume stays Released (external) or ' +
        'becomes Failed with a VolumeFailedDelete event. Reported after pendingGraceSeconds in Released, at once when Failed.',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pv-failed',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume in phase Failed',
    why:
      'The PV controller sets Failed when automatic reclamation failed (a Recycle scrub that failed, a plugin that ' +
      'cannot delete or recycle). It will not be bound again and may still hold data and cost money until someone ' +
      'looks at it.',
    fix:
      'Read `kubectl describe pv NAME` for the reason. Recover or back up the data if needed, then delete the ' +
      'PersistentVolume (and its backing storage) or recreate it in a clean state.',
    review: {
      controller: 'PV controller',
      rule:
        'reclaimVolume/recycleVolumeOperation set phase Failed with a message when recycling or deleting is not ' +
        'possible; the binder skips every volume that is not Available. Failed with Delete is reported as pv-reclaim-failed.',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pv-pending',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume stuck in phase Pending',
    why:
      'The API server creates a PersistentVolume in phase Pending and the PV controller makes it Available (or ' +
      'Bound) on its first sync. One that stays Pending cannot be bound by any claim, so whoever waits for this ' +
      'storage keeps waiting, and the controller is probably not processing it.',
    fix:
      'Check `kubectl describe pv NAME` for events; verify the volume source (driver installed, server reachable, ' +
      'path exists), that kube-controller-manager runs, and recreate the PersistentVolume if its spec is wrong.',
    review: {
      controller: 'PV controller',
      rule:
        'syncVolume moves a volume without claimRef to Available at once; only a volume the controller has not ' +
        'synced stays Pending. Reported once it has been Pending for pendingGraceSeconds (never when its age is unknown).',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pv-available-long',
    severity: 'info',
    area: 'PersistentVolume',
    title: 'Volume Available and unused for a long time',
    why:
      'An Available volume is provisioned storage that no claim uses. Kept on purpose as a pool for static ' +
      'binding it is fine; forgotten, it is storage you pay for and nobody uses.',
    fix:
      'If no claim is expected to bind it, delete the PersistentVolume and its backing storage; otherwise ignore ' +
      'this finding or raise the threshold.',
    review: {
      controller: 'PV controller',
      rule:
        'An Available volume is bound only when a claim matching its class, size, modes and selector asks; nothing ' +
        'else changes it. Reported after availableAfterSeconds in Available (never when its age is unknown).',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pv-recycle-deprecated',
    severity: 'info',
    area: 'PersistentVolume',
    title: 'Deprecated reclaim policy Recycle',
    why:
      'Recycle scrubs the volume with `rm -rf` and offers it again. It is deprecated, supported only by a few ' +
      'volume plugins (NFS, hostPath), and leaves data handling to a basic scrub.',
    fix:
      'Use dynamic provisioning with reclaim policy Delete, or Retain with a manual clean-up procedure, and ' +
      'change the volume\'s persistentVolumeReclaimPolicy.',
    review: {
      controller: 'PV controller',
      rule:
        'reclaimVolume with Recycle runs the plugin recycler (a scrubber pod) and makes the volume Available again; ' +
        'plugins without a recycler turn it Failed. The API reference marks Recycle deprecated.',
      sources: [PV_CONTROLLER, 'API reference: PersistentVolumeSpec.persistentVolumeReclaimPolicy'],
    },
  },
  {
    code: 'pv-claimref-dangling',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Bound volume points at a claim that no longer exists or holds another volume',
    why:
      'The volume is Bound, but its claimRef names a claim that is gone, was recreated with another uid, or is ' +
      'bound to a different volume. The PV controller normally fixes each case within seconds (Released, or ' +
      'unbound back to Available), so one that lasts means the controller is not running or cannot update the ' +
      'volume: the storage is stranded, and a recreated claim of that name may wait for a volume it never gets.',
    fix:
      'If the data may be needed and the volume has reclaim policy Delete, set it to Retain first: the controller\'s ' +
      'repair releases and then deletes such a volume. Then check that the PV controller (kube-controller-manager) ' +
      'is running and its logs. If the data belongs to the recreated claim, remove `spec.claimRef.uid` from the ' +
      'volume so it can bind it again; if the data is not needed, back it up and delete the volume.',
    review: {
      controller: 'PV controller',
      rule:
        'syncVolume: claim not found (checked against the API server, not only the cache) or with another uid -> ' +
        'Released; claim found but bound to another volume -> unbound (or deleted when dynamically provisioned with ' +
        'Delete). A Bound volume in any of these states is what the controller has not fixed.',
      sources: [PV_CONTROLLER],
    },
  },
  {
    code: 'pv-terminating-stuck',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Deleted volume still held by finalizers',
    why:
      'The volume was deleted but still exists because finalizers hold it. kubernetes.io/pv-protection keeps a ' +
      'volume while its phase is Bound: that is the protection working, the volume keeps serving its claim, and ' +
      'it goes away (with its disk, under reclaim policy Delete) as soon as the claim is deleted. ' +
      'external-provisioner and external-attacher finalizers keep it until the CSI driver has deleted or detached ' +
      'the disk; a stuck one means a failing driver.',
    fix:
      'For pv-protection on a Bound volume: leave it. Do not delete the claim to "unstick" it: that deletes the ' +
      'data with it. To keep the disk whatever happens, set the volume\'s reclaim policy to Retain now. For driver ' +
      'finalizers, fix the CSI driver (its controller logs, a VolumeAttachment still present). Remove finalizers ' +
      'by hand only when you are sure the backing disk is handled.',
    review: {
      controller: 'pv-protection controller, CSI external-provisioner/attacher',
      rule:
        'The pv-protection controller removes kubernetes.io/pv-protection from a deleted volume only when ' +
        'status.phase is not Bound (isBeingUsed). Driver finalizers are removed by the sidecars once the disk is ' +
        'deleted or detached. Reported after terminatingAfterSeconds; a Bound volume gets the leave-it advice.',
      sources: ['pkg/controller/volume/pvprotection/pv_protection_controller.go', PV_CONTROLLER],
    },
  },
  {
    code: 'pv-node-gone',
    severity: 'critical',
    area: 'PersistentVolume',
    title: 'Volume pinned to a node that no longer exists',
    why:
      'The volume\'s required nodeAffinity allows only nodes that are gone (a local or hostPath volume whose node ' +
      'was removed). The scheduler places a pod that uses the claim only on a node the volume allows, so the pod ' +
      'stays Pending forever ("volume node affinity conflict"), and the data lived on that node\'s disk: unless ' +
      'the node comes back with its disk, the data is gone.',
    fix:
      'If the node will not come back, accept the data loss and rebuild: delete the claim, then the ' +
      'PersistentVolume, then the Pending pod. A StatefulSet recreates the claim from its template and the new ' +
      'claim binds a volume on a live node; for other workloads recreate the claim yourself. Restore the data ' +
      'from a backup or let the application re-replicate it.',
    review: {
      controller: 'kube-scheduler VolumeBinding, StatefulSet controller',
      rule:
        'VolumeBinding filters out every node that does not satisfy a bound PV\'s nodeAffinity, so with all pinned ' +
        'nodes gone no node fits. The StatefulSet controller recreates a missing claim for a Pending pod (and for a ' +
        'recreated pod) from volumeClaimTemplates. Reported only for Bound volumes and only when Nodes were read.',
      sources: [
        'pkg/scheduler/framework/plugins/volumebinding/binder.go',
        'pkg/controller/statefulset/stateful_set_control.go',
      ],
    },
  },
  {
    code: 'pv-unknown-value',
    severity: 'info',
    area: 'PersistentVolume',
    title: 'Volume field with a value this tool does not know',
    why:
      'The volume\'s phase, reclaim policy or volume mode is not one the Kubernetes API documents, or its capacity ' +
      'is no usable size (unparsable, negative or above 2^63 bytes). The value is shown as written and no ' +
      'conclusion is drawn from it, so checks that depend on it were not made for this volume.',
    fix:
      'Check where the object comes from (a newer API server, a hand-edited dump, a broken writer). Fix the value ' +
      'if it is wrong; otherwise judge the volume by hand.',
    review: {
      controller: 'API server validation',
      rule:
        'The API validates phase, persistentVolumeReclaimPolicy and volumeMode against fixed enums and capacity as ' +
        'a non-negative quantity; values outside them come from elsewhere, so they are kept as written and flagged.',
      sources: ['pkg/apis/core/validation/validation.go', 'API reference: PersistentVolume'],
    },
  },
]);
