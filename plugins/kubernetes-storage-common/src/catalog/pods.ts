// Findings about the volumes pods declare: memory-backed, deprecated and node-local data volumes.
import { defineCatalog } from './defineCatalog';

export const podCatalog = defineCatalog([
  {
    code: 'pod-emptydir-memory-unbounded',
    severity: 'warning',
    area: 'Pod',
    title: 'Memory-backed emptyDir without sizeLimit',
    why:
      'An emptyDir with medium Memory is a tmpfs in RAM, and what is written to it counts against the ' +
      'container\'s memory. Without sizeLimit a runaway writer fills memory until the pod is OOM-killed or evicted. ' +
      'Reported once per controller (ReplicaSet, DaemonSet, StatefulSet...), not once per replica.',
    fix: 'Set `emptyDir.sizeLimit` (for example 256Mi) and make sure the container memory limit leaves room for it.',
    review: {
      controller: 'kubelet (emptyDir plugin, eviction manager)',
      rule:
        'medium Memory mounts a tmpfs whose pages are charged to the pod\'s memory cgroup; the tmpfs is sized to ' +
        'sizeLimit when set (otherwise to the pod\'s memory limit, or the node\'s allocatable memory), and the ' +
        'eviction manager evicts a pod whose emptyDir exceeds its sizeLimit.',
      sources: ['pkg/volume/emptydir/empty_dir.go', 'pkg/kubelet/eviction/eviction_manager.go'],
    },
  },
  {
    code: 'pod-gitrepo-volume',
    severity: 'warning',
    area: 'Pod',
    title: 'Deprecated gitRepo volume',
    why:
      'The gitRepo volume type is deprecated and disabled by default in recent Kubernetes releases; it runs git on ' +
      'the node as root and has had security issues. Pods using it may no longer start after an upgrade.',
    fix: 'Clone the repository in an init container into an emptyDir volume, or use a git-sync sidecar.',
    review: {
      controller: 'kubelet (gitRepo plugin)',
      rule:
        'The gitRepo plugin runs git on the node to fill the volume; it is deprecated and, from Kubernetes 1.33, ' +
        'disabled unless the GitRepoVolumeDriver feature gate is turned back on, so such pods fail to mount.',
      sources: ['pkg/volume/git_repo/git_repo.go', 'pkg/features/kube_features.go (GitRepoVolumeDriver)'],
    },
  },
  {
    code: 'pod-hostpath-data',
    severity: 'warning',
    area: 'Pod',
    title: 'Workload keeps data on a node path (hostPath)',
    why:
      'A hostPath volume is a directory of the node the pod happens to run on. Data written there stays on that ' +
      'node: when the pod is rescheduled elsewhere it sees a different, usually empty, directory. Fires for pods ' +
      'that mount a hostPath writable (some container mounts it without readOnly: true) outside system paths ' +
      '(/var/log, /proc, /sys, /dev, /etc, /run, /var/run, /usr, /lib, /var/lib/kubelet, container runtime and CNI ' +
      'directories...), except node agents (DaemonSet and static pods) and pods of StatefulSets present in the ' +
      'report, whose templates sts-ephemeral-data checks by the same rule instead.',
    fix:
      'Use a PersistentVolumeClaim (a StatefulSet with volumeClaimTemplates for per-replica data). If the data must ' +
      'stay node-local, use a local PersistentVolume with node affinity so the pod is always scheduled back to it.',
    review: {
      controller: 'kubelet (hostPath plugin) and scheduler',
      rule:
        'A hostPath volume is the path on whichever node the pod is scheduled to; nothing ties the pod to that node ' +
        'again (unlike a local PersistentVolume, whose nodeAffinity the scheduler honours). Write access comes from ' +
        'volumeMounts[].readOnly, the source has no such field.',
      sources: ['pkg/volume/hostpath/host_path.go', 'pkg/scheduler/framework/plugins/volumebinding/binder.go'],
    },
  },
]);
