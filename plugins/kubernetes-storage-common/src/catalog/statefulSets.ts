// Findings about StatefulSets and the pods that hold their data. The docs and `kubectl storage explain` are
// generated from these entries, so `why` and `fix` are written for an on-call engineer, not for us.
import { defineCatalog } from './defineCatalog';

export const statefulSetCatalog = defineCatalog([
  {
    code: 'sts-rollout-blocked',
    severity: 'critical',
    area: 'StatefulSet',
    title: 'A not-Ready pod blocks the StatefulSet rollout',
    why:
      'With podManagementPolicy OrderedReady the controller creates ordinals one by one and waits for each to be ' +
      'Running, Ready and available (Ready for spec.minReadySeconds): one pod that never becomes Ready keeps every ' +
      'higher ordinal from being created, and holds back a rolling update. The controller never replaces such a ' +
      'pod by itself, even after the template is fixed (kubernetes#67250), so the set stays short of replicas until ' +
      'a human acts. A pod that is still starting, or Ready and waiting out minReadySeconds, is progress, not a ' +
      'block; a Failed or Succeeded member is deleted and recreated by the controller itself. When the pod\'s claim ' +
      'is bound to a volume pinned to a Node that no longer exists, deleting the pod alone would bring it back to ' +
      'the same unusable volume: the advice is then to delete the claim and the volume, then the pod, and it says ' +
      'that the data on that volume is lost.',
    fix:
      'Find out why the named pod is not Ready (kubectl describe pod, kubectl logs --previous). If the pod ' +
      'template is broken, fix it (or roll back) first; then delete the stuck pod so the controller recreates it ' +
      'at the update revision and the rollout continues. If its volume was on a node that is gone, delete the claim ' +
      'and the volume (--wait=false) and then the pod: the controller recreates the claim from the template, empty.',
    review: {
      controller: 'StatefulSet controller',
      rule:
        'updateStatefulSet puts pods in their ordinal slots; with OrderedReady (monotonic) processReplica walks them ' +
        'upwards and returns at the first slot that is missing (it creates it), terminating, not isRunningAndReady ' +
        '(phase Running and Ready condition True) or not isRunningAndAvailable (Ready for minReadySeconds), before any ' +
        'update. Failed/Succeeded pods are deleted and recreated. The rolling update then deletes, from the highest ' +
        'ordinal down to the partition (counted from spec.ordinals.start), the first pod not at updateRevision and ' +
        'waits while a target is unavailable (with MaxUnavailableStatefulSet, while more than maxUnavailable are). ' +
        'OnDelete never replaces pods. Nothing deletes a pod stuck on a broken revision.',
      sources: ['pkg/controller/statefulset/stateful_set_control.go', 'pkg/controller/statefulset/stateful_set_utils.go', 'pkg/api/v1/pod/util.go (IsPodAvailable)'],
    },
  },
  {
    code: 'sts-ordinal-not-ready',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'StatefulSet ordinals are not Ready',
    why:
      'Each ordinal of a StatefulSet has its own identity and volume (a primary, a secondary, an arbiter): a ' +
      'not-Ready ordinal is a missing member, not just reduced capacity, and it would block the next rollout of ' +
      'an OrderedReady set.',
    fix: 'Look at the listed pods (kubectl describe pod, kubectl logs --previous) and fix what keeps them from being Ready.',
    review: {
      controller: 'StatefulSet controller',
      rule:
        'A member counts in status.readyReplicas only when isRunningAndReady (phase Running and Ready condition True). ' +
        'Reported for pods that are not, with a fault (failing container state, restarts, unschedulable, a Lost ' +
        'claim, terminating past the grace, or older than the pending grace); Failed/Succeeded members are left ' +
        'out because the controller deletes and recreates them itself.',
      sources: ['pkg/controller/statefulset/stateful_set_control.go', 'pkg/controller/statefulset/stateful_set_utils.go'],
    },
  },
  {
    code: 'sts-ordinal-missing',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'StatefulSet ordinals have no pod',
    why:
      'An ordinal below replicas whose pod does not exist, with no lower ordinal holding back its creation, ' +
      'means the controller cannot create it (quota, admission, a PVC that cannot be created) or is not running. ' +
      'The controller creates a missing ordinal within seconds of being able to (OrderedReady: once the ordinal ' +
      'below is Ready for minReadySeconds), so the finding waits missingOrdinalGraceSeconds (default 5 minutes) ' +
      'from the latest of the set\'s creation, its last spec change and the moment the ordinal below became ' +
      'available; it is held back while the controller has not observed the current generation. Missing ordinals ' +
      'are reported as ranges, so an absurd spec.replicas (2147483647 is valid) is named, not enumerated.',
    fix:
      'Run kubectl describe statefulset and read its events for the create error; check ResourceQuotas and admission ' +
      'webhooks in the namespace and that kube-controller-manager is healthy.',
    review: {
      controller: 'StatefulSet controller',
      rule:
        'Every empty slot in [start, start+replicas) gets newVersionedStatefulSetPod and is created by processReplica; ' +
        'monotonic (OrderedReady) creation stops at the first slot whose pod is not Running, Ready and available ' +
        '(isRunningAndAvailable with spec.minReadySeconds), Parallel creates all slots at once (slowStartBatch).',
      sources: ['pkg/controller/statefulset/stateful_set_control.go', 'pkg/controller/statefulset/stateful_set_utils.go'],
    },
  },
  {
    code: 'sts-leftover-claims',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'PVCs of ordinals outside the StatefulSet range remain',
    why:
      'Scaling a StatefulSet in never deletes the per-ordinal PVCs (unless persistentVolumeClaimRetentionPolicy ' +
      'whenScaled is Delete): they keep their disks and cost money. They are harmless if the set will scale out ' +
      'again, because the same ordinals reuse them with their data; otherwise nothing will ever use them.',
    fix:
      'If the set will not scale out again and nobody needs the data, delete the listed PVCs (their PVs then ' +
      'follow their reclaim policy). Setting persistentVolumeClaimRetentionPolicy.whenScaled to Delete makes ' +
      'future scale-ins clean up after themselves.',
    review: {
      controller: 'StatefulSet controller',
      rule:
        'Claims are named <template>-<set>-<ordinal> and created by the controller, never deleted on scale-in unless ' +
        'persistentVolumeClaimRetentionPolicy.whenScaled is Delete, which the controller applies to the claims of ' +
        'condemned pods (ordinals leaving the range) by an owner reference to the pod; claims of earlier scale-ins ' +
        'are not touched. Reported only when the pods were read and no pod mounts the claim.',
      sources: ['pkg/controller/statefulset/stateful_pod_control.go', 'pkg/controller/statefulset/stateful_set_utils.go'],
    },
  },
  {
    code: 'sts-service-missing',
    severity: 'warning',
    area: 'StatefulSet',
    title: "The StatefulSet's governing Service does not exist",
    why:
      'spec.serviceName names the headless Service that gives each pod its stable DNS name ' +
      '<pod>.<service>.<namespace>.svc. Without it, members cannot find each other by name (replication, ' +
      'cluster membership) and clients cannot reach one specific member.',
    fix: 'Create a headless Service (clusterIP: None) with the name spec.serviceName and a selector matching the pods.',
    review: {
      controller: 'StatefulSet controller and cluster DNS',
      rule:
        'The controller sets each pod\'s hostname to its name and subdomain to spec.serviceName (updateIdentity); the ' +
        'DNS records <pod>.<service> exist only if that Service exists. Concluded only when Services were read in ' +
        'the namespace: unread, the view says "not read", never missing.',
      sources: ['pkg/controller/statefulset/stateful_set_utils.go', 'pkg/apis/apps/validation/validation.go'],
    },
  },
  {
    code: 'sts-service-not-headless',
    severity: 'warning',
    area: 'StatefulSet',
    title: "The StatefulSet's governing Service is not headless",
    why:
      'Per-pod DNS records exist only for a headless Service (clusterIP: None). A normal Service load-balances to ' +
      'a random member, while clients of a StatefulSet must reach one specific member (write to the primary).',
    fix:
      'Recreate the Service named in spec.serviceName with clusterIP: None (clusterIP cannot be changed in place); ' +
      'keep a separate normal Service if clients need a load-balanced address.',
    review: {
      controller: 'cluster DNS (Kubernetes DNS specification)',
      rule:
        'Per-pod A/AAAA records <hostname>.<subdomain>.<ns>.svc are published only for a headless Service ' +
        '(clusterIP None) whose name matches the pod\'s subdomain.',
      sources: ['pkg/controller/statefulset/stateful_set_utils.go', 'pkg/apis/core/types.go (ClusterIPNone)'],
    },
  },
  {
    code: 'sts-ephemeral-data',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'StatefulSet keeps its data on emptyDir or hostPath',
    why:
      'Each ordinal must come back with its own data, but emptyDir is deleted with the pod, and hostPath stays on ' +
      'one node, so a pod rescheduled elsewhere comes back with an empty directory. A writable hostPath outside ' +
      'system paths (/etc, /sys, /proc, /dev, /run, /var/run, /var/log, /usr, /lib...) is reported even when the ' +
      'set also has volumeClaimTemplates; a hostPath every container mounts readOnly (such as /etc/localtime) is not. ' +
      'emptyDir on disk and generic ephemeral volumes are reported only when the set has no volumeClaimTemplates ' +
      'and no other persistent volume: next to real storage they are scratch space.',
    fix: 'Move the data to spec.volumeClaimTemplates so each ordinal gets its own PersistentVolumeClaim.',
    review: {
      controller: 'kubelet volume plugins',
      rule:
        'emptyDir is created with the pod and removed when the pod leaves the node; hostPath is a directory of ' +
        'whichever node runs the pod. Only volumeClaimTemplates give an ordinal storage that follows it (updateStorage).',
      sources: ['pkg/volume/emptydir/empty_dir.go', 'pkg/volume/hostpath/host_path.go', 'pkg/controller/statefulset/stateful_set_utils.go'],
    },
  },
  {
    code: 'sts-generation-lag',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'The controller has not processed the latest StatefulSet spec',
    why:
      'status.observedGeneration is behind metadata.generation: the last change (replicas, template, strategy) has ' +
      'not been acted on, so the status and the pods still reflect an older spec. The controller records the ' +
      'generation on every sync, seconds after a change, so only a lag longer than generationLagGraceSeconds ' +
      '(default 5 minutes, measured from the last spec write in managedFields) means it is stuck. Without that time ' +
      '(kubectl get leaves managedFields out) a set younger than the grace is quiet and an older one is reported ' +
      'saying the duration is unknown.',
    fix:
      'Look again in a minute; if it persists, check that kube-controller-manager is running and read its logs ' +
      'for errors about this StatefulSet.',
    review: {
      controller: 'StatefulSet controller',
      rule:
        'updateStatefulSet sets status.observedGeneration = metadata.generation in the status it writes at the end ' +
        'of every sync (updateStatefulSetStatus), so a lasting lag means syncs are not happening or not completing.',
      sources: ['pkg/controller/statefulset/stateful_set_control.go', 'pkg/controller/statefulset/stateful_set_status_updater.go'],
    },
  },
  {
    code: 'sts-replicas-invalid',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'StatefulSet replicas or ordinals.start hold a value the API never accepts',
    why:
      'The API server accepts spec.replicas only as an integer from 0 to 2147483647 and spec.ordinals.start only as ' +
      'an integer of 0 or more. Any other value (replicas -3, 2.5) comes from a hand-edited or damaged dump: no ' +
      'ordinal is then in or out of range, so no ordinal finding is drawn and the set never counts as healthy.',
    fix: 'Compare with the live object (kubectl get statefulset -o yaml) and take a fresh dump.',
    review: {
      controller: 'API server validation',
      rule: 'ValidateStatefulSetSpec rejects a negative replicas (ValidateNonnegativeField) and a negative ordinals.start; the field is an int32.',
      sources: ['pkg/apis/apps/validation/validation.go', 'staging/src/k8s.io/api/apps/v1/types.go'],
    },
  },
  {
    code: 'pod-restart-loop',
    severity: 'warning',
    area: 'Pod',
    title: 'A pod with persistent data is in a restart loop',
    why:
      'A container that keeps crashing is not Ready: a StatefulSet member or the only user of a volume is out of ' +
      'service, and an OrderedReady set cannot roll out past it. OOMKilled means the container exceeded its ' +
      'memory limit.',
    fix:
      'Read the previous container log (kubectl logs --previous) and the last termination reason; for OOMKilled ' +
      'raise resources.limits.memory or reduce the memory the application uses.',
    review: {
      controller: 'kubelet',
      rule:
        'The kubelet restarts a crashed container after a back-off that starts at 10s, doubles per crash and is ' +
        'capped at 5 minutes (MaxContainerBackOff), showing CrashLoopBackOff while it waits; the back-off resets ' +
        'after the container runs 10 minutes. Reported for not-Ready pods that hold data (a claim or a StatefulSet ' +
        'ordinal) in CrashLoopBackOff or at restartLoopThreshold restarts (default 5); the blocking ordinal of ' +
        'sts-rollout-blocked is left out.',
      sources: ['pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff)', 'pkg/kubelet/kubelet.go (MaxContainerBackOff)'],
    },
  },
]);
