// Findings about PersistentVolumes: what happens to storage after its claim is gone, and volumes stuck on the way.
import type { CatalogEntry } from '../model/report';

export const volumeCatalog: CatalogEntry[] = [
  {
    code: 'pv-released-retain',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Orphaned Released volume (reclaim policy Retain)',
    why:
      'The claim that used this volume was deleted and the Retain policy kept the volume and its data. A Released ' +
      'volume is never bound again on its own: it keeps costing money and holds data someone may need (often the ' +
      'disk of a StatefulSet ordinal that was scaled in or deleted), but nothing will use it until a human acts.',
    fix:
      'Decide whether the data is needed. To reuse it, remove `spec.claimRef.uid` (or the whole claimRef) so a ' +
      'claim of the same name can bind it again; a StatefulSet ordinal gets its data back if this is done before ' +
      'the set recreates the claim. Otherwise back it up, then delete the PersistentVolume and its backing disk.',
  },
  {
    code: 'pv-reclaim-failed',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume with reclaim policy Delete was not deleted',
    why:
      'With reclaim policy Delete the volume and its backing disk are removed when the claim is deleted. A Delete ' +
      'volume that stays Released or turns Failed means the deletion failed: the disk may still exist and cost ' +
      'money, and the provisioner is unhealthy or lacks permissions.',
    fix:
      'Read the volume\'s status message and events (`kubectl describe pv NAME`) and the provisioner/CSI ' +
      'controller logs. Fix the cause (credentials, a disk still attached to a node, a driver that is gone), then ' +
      'delete the PersistentVolume; check in the storage backend that the disk is gone.',
  },
  {
    code: 'pv-failed',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume in phase Failed',
    why:
      'Automatic reclamation of this volume failed. It will not be bound again and may still hold data and cost ' +
      'money until someone looks at it.',
    fix:
      'Read `kubectl describe pv NAME` for the reason. Recover or back up the data if needed, then delete the ' +
      'PersistentVolume (and its backing storage) or recreate it in a clean state.',
  },
  {
    code: 'pv-pending',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume stuck in phase Pending',
    why:
      'A volume is Pending only briefly while it is being made available. One that stays Pending cannot be bound ' +
      'by any claim, so whoever waits for this storage keeps waiting.',
    fix:
      'Check `kubectl describe pv NAME` for events; verify the volume source (driver installed, server reachable, ' +
      'path exists) and recreate the PersistentVolume if its spec is wrong.',
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
  },
  {
    code: 'pv-claimref-dangling',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Bound volume points at a claim that no longer exists',
    why:
      'The volume is Bound, but its claimRef names a claim that is gone or was recreated with another uid. The ' +
      'volume cannot serve the new claim and nothing releases it: the storage is stranded, and a recreated claim ' +
      'of that name may be waiting for a volume it will never get.',
    fix:
      'If the data belongs to the recreated claim, remove `spec.claimRef.uid` from the volume so it can bind it ' +
      'again. If the data is not needed, back it up and delete the volume. Check that the PV controller ' +
      '(kube-controller-manager) is running: it normally moves such volumes to Released.',
  },
  {
    code: 'pv-terminating-stuck',
    severity: 'warning',
    area: 'PersistentVolume',
    title: 'Volume deletion stuck on finalizers',
    why:
      'The volume was deleted but still exists because finalizers hold it. kubernetes.io/pv-protection keeps a ' +
      'volume while it is bound to a claim; external-provisioner and external-attacher finalizers keep it until ' +
      'the disk is deleted or detached. A stuck deletion usually hides a claim still in use or a failing driver.',
    fix:
      'Find which finalizer is left. For pv-protection, delete (or unbind) the claim first; for driver finalizers, ' +
      'fix the CSI driver (logs of its controller) so it can finish. Remove finalizers by hand only when you are ' +
      'sure the backing disk is handled.',
  },
];
