// Findings about StatefulSets and the pods that hold their data. The docs and `kubectl storage explain` are
// generated from these entries, so `why` and `fix` are written for an on-call engineer, not for us.
import type { CatalogEntry } from '../model/report';

export const statefulSetCatalog: CatalogEntry[] = [
  {
    code: 'sts-rollout-blocked',
    severity: 'critical',
    area: 'StatefulSet',
    title: 'A not-Ready pod blocks the StatefulSet rollout',
    why:
      'With podManagementPolicy OrderedReady the controller creates ordinals one by one and waits for each to be ' +
      'Running and Ready: one pod that never becomes Ready keeps every higher ordinal from being created, and ' +
      'holds back a rolling update. The controller never replaces such a pod by itself, even after the template ' +
      'is fixed (kubernetes#67250), so the set stays short of replicas until a human acts.',
    fix:
      'Find out why the named pod is not Ready (kubectl describe pod, kubectl logs --previous). If the pod ' +
      'template is broken, fix it (or roll back) first; then delete the stuck pod so the controller recreates it ' +
      'at the update revision and the rollout continues.',
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
  },
  {
    code: 'sts-ordinal-missing',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'StatefulSet ordinals have no pod',
    why:
      'An ordinal below replicas whose pod does not exist, with no lower ordinal holding back its creation, ' +
      'means the controller cannot create it (quota, admission, a PVC that cannot be created) or is not running.',
    fix:
      'Run kubectl describe statefulset and read its events for the create error; check ResourceQuotas and admission ' +
      'webhooks in the namespace and that kube-controller-manager is healthy.',
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
  },
  {
    code: 'sts-generation-lag',
    severity: 'warning',
    area: 'StatefulSet',
    title: 'The controller has not processed the latest StatefulSet spec',
    why:
      'status.observedGeneration is behind metadata.generation: the last change (replicas, template, strategy) has ' +
      'not been acted on, so the status and the pods still reflect an older spec.',
    fix:
      'If this persists beyond a few seconds, check that kube-controller-manager is running and read its logs ' +
      'for errors about this StatefulSet.',
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
  },
];
