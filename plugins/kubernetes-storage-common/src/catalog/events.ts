// Findings that come from Warning events: what the kubelet, the scheduler and the volume controllers said about a
// pod or a claim, reported on their own only where no other finding already explains the object (there they are
// that finding's evidence). Each one also needs the object's current state to still show the trouble: an event is
// history, and a FailedMount of a pod that has started since is not a problem any more.
import { defineCatalog } from './defineCatalog';

export const eventCatalog = defineCatalog([
  {
    code: 'pod-liveness-probe-failing',
    severity: 'warning',
    area: 'Pod',
    title: 'The kubelet restarts a container because its liveness probe fails',
    why:
      'The kubelet kills a container whose liveness probe fails failureThreshold times in a row, and restarts it as ' +
      'the restart policy says: the restarts are the probe doing its job, the application behind it is what fails ' +
      '(an HTTP 500 from its health endpoint, a timeout, a refused connection). For a pod that holds data or serves ' +
      'an Ingress every restart is an outage of that replica. Reported for pods with claims, StatefulSet members and ' +
      'pods behind an Ingress, from the kubelet\'s Unhealthy events (younger than an hour) about a container that ' +
      'has restarted; when a restart-loop or rollout finding already names the pod, the events are its evidence instead.',
    fix:
      'Read the probe failure message and the application logs of the previous run (kubectl logs --previous). Fix ' +
      'what the health endpoint reports; if it only fails while the application starts, add a startupProbe; if it ' +
      'checks a dependency (a database, another service), check only the process itself in the liveness probe.',
    review: {
      controller: 'kubelet (prober)',
      rule:
        'Each probe worker runs the probe every periodSeconds once initialDelaySeconds have passed since the container ' +
        'started (after the startupProbe succeeded, when there is one); a failed run records a Warning event reason ' +
        'Unhealthy "Liveness probe failed: <output>", and failureThreshold failures in a row set the liveness result to ' +
        'Failure, on which the kubelet kills the container and restarts it by the pod\'s restartPolicy.',
      sources: ['pkg/kubelet/prober/prober.go', 'pkg/kubelet/prober/worker.go', 'pkg/kubelet/events/event.go'],
    },
  },
  {
    code: 'pod-readiness-probe-failing',
    severity: 'warning',
    area: 'Pod',
    title: 'A pod is not Ready because its readiness probe fails',
    why:
      'A failing readiness probe takes the pod out of its Services\' ready endpoints (an Ingress path then sends no ' +
      'traffic to it, or answers 503 when no replica is left) and, for an OrderedReady StatefulSet, keeps the next ' +
      'ordinal from being created and the rolling update from going on. Reported for a pod that is not Ready now ' +
      'and holds data, is a StatefulSet member or backs an Ingress, from the kubelet\'s Unhealthy events younger ' +
      'than an hour; when a StatefulSet or Ingress finding already names the pod, the events are its evidence instead.',
    fix:
      'Read the probe failure message (kubectl describe pod) and check the endpoint it probes from inside the pod ' +
      '(kubectl exec ... -- wget -qO- http://localhost:PORT/PATH). Fix what it reports, or the probe if it checks ' +
      'the wrong port or path.',
    review: {
      controller: 'kubelet (prober) and EndpointSlice controller',
      rule:
        'The readiness worker starts at Failure and flips to Success after successThreshold passing runs; every ' +
        'failed run records Unhealthy "Readiness probe failed: <output>". A container not ready makes the pod\'s Ready ' +
        'condition False, and the EndpointSlice controller marks the pod\'s endpoints ready=false.',
      sources: ['pkg/kubelet/prober/prober.go', 'pkg/kubelet/prober/worker.go', 'pkg/kubelet/status/status_manager.go'],
    },
  },
  {
    code: 'pod-volume-attach-failed',
    severity: 'critical',
    area: 'Pod',
    title: 'A volume of a pod cannot be attached to its node',
    why:
      'Until every attachable volume of a pod is attached to its node the kubelet cannot mount it, and the pod ' +
      'stays in ContainerCreating. A "Multi-Attach error" means a ReadWriteOnce volume is still attached to another ' +
      'node (usually for the previous pod, on a node that is down or slow to detach); other errors come from the ' +
      'CSI driver (quota, permissions, a volume in another zone). Reported while the pod has not started and no ' +
      'claim finding already explains it, from the attach/detach controller\'s FailedAttachVolume events.',
    fix:
      'For Multi-Attach: find the pod that still uses the claim on the other node (kubectl get pods -o wide) and ' +
      'let it finish or move. Once that pod is gone the controller detaches the volume; when its node never reports ' +
      'the unmount (a node that is down) it detaches anyway after maxWaitForUnmountDuration (6 minutes). For other ' +
      'errors, read the driver\'s message and its controller logs (kubectl get volumeattachment).',
    review: {
      controller: 'attach/detach controller',
      rule:
        'The reconciler attaches each volume a scheduled pod needs; an exclusively attachable volume (not ' +
        'ReadWriteMany, not read-only many) already attached to another node is not attached again and gets ' +
        'FailedAttachVolume "Multi-Attach error for volume ..." on the waiting pods; a failed attach operation posts ' +
        'FailedAttachVolume "AttachVolume.Attach failed for volume ...".',
      sources: ['pkg/controller/volume/attachdetach/reconciler/reconciler.go', 'pkg/volume/util/operationexecutor/operation_generator.go'],
    },
  },
  {
    code: 'pod-volume-mount-failed',
    severity: 'critical',
    area: 'Pod',
    title: 'The kubelet cannot mount a volume of a pod',
    why:
      'A pod\'s containers start only after all its volumes are mounted. FailedMount says which volume failed and ' +
      'why: "timed out waiting for the condition" (attach never finished, or the node plugin does not answer), a ' +
      'missing Secret or ConfigMap, a filesystem error, a CSI driver not registered on the node. Reported while the ' +
      'pod has not started and no other finding explains it, from the kubelet\'s FailedMount events.',
    fix:
      'Read the event message for the volume it names. For a CSI volume check the driver\'s node plugin on that node ' +
      '(kubectl get csinode NODE, its pod logs); for a Secret or ConfigMap create the missing object; for a timeout ' +
      'check the VolumeAttachment of the volume.',
    review: {
      controller: 'kubelet (volume manager)',
      rule:
        'WaitForAttachAndMount waits up to about 2 minutes for the pod\'s volumes to be attached and mounted and ' +
        'records FailedMount "Unable to attach or mount volumes: unmounted volumes=[...]" when it times out; each failed ' +
        'MountDevice/SetUp operation records FailedMount (FailedMapVolume for block volumes) with its error.',
      sources: ['pkg/kubelet/volumemanager/volume_manager.go', 'pkg/volume/util/operationexecutor/operation_generator.go'],
    },
  },
  {
    code: 'pod-unschedulable-volume',
    severity: 'critical',
    area: 'Pod',
    title: 'The scheduler finds no node for a pod because of its volumes',
    why:
      'The scheduler places a pod only on a node where all its volumes can be used: its bound volumes\' node ' +
      'affinity (a local or zonal volume), a free matching PersistentVolume or room for a new one, the node\'s ' +
      'volume limit. When none fits, the pod stays Pending and unscheduled. Reported while the pod is unscheduled ' +
      'and no claim finding already explains it, from the scheduler\'s FailedScheduling events that name a volume reason.',
    fix:
      '"volume node affinity conflict": the bound volume lives on nodes (or a zone) the pod cannot go to: bring the ' +
      'node back, or let the pod run where the volume is. "didn\'t find available persistent volumes to bind": create ' +
      'a matching PersistentVolume or use a class that provisions. "exceed max volume count": spread the pods or use ' +
      'nodes with a higher volume limit.',
    review: {
      controller: 'scheduler (VolumeBinding, VolumeRestrictions, VolumeZone, NodeVolumeLimits plugins)',
      rule:
        'Filter rejects a node for a volume reason (ErrReasonNodeConflict, ErrReasonBindConflict, ErrReasonNotEnoughSpace, ' +
        'ErrReasonPVNotExist, unbound immediate claims, zone and count limits); when every node is rejected the ' +
        'scheduler records FailedScheduling with the per-reason node counts and sets PodScheduled=False.',
      sources: ['pkg/scheduler/framework/plugins/volumebinding/binder.go', 'pkg/scheduler/framework/plugins/volumebinding/volume_binding.go', 'pkg/scheduler/schedule_one.go'],
    },
  },
  {
    code: 'pvc-provisioning-failed',
    severity: 'critical',
    area: 'PersistentVolumeClaim',
    title: 'The provisioner fails to create a volume for a claim',
    why:
      'A Pending claim of a provisioning class waits for its provisioner to create a volume. ProvisioningFailed says ' +
      'the provisioner tried and failed (quota exceeded, an invalid parameter in the StorageClass, no capacity in the ' +
      'zone, missing permissions); it retries with a back-off, but the same cause gives the same error, and the pods ' +
      'that mount the claim stay Pending. Reported while the claim is still Pending and no other claim finding ' +
      'explains it, from the PV controller\'s or the external provisioner\'s ProvisioningFailed events.',
    fix:
      'Read the message: raise the quota, fix the StorageClass parameters (kubectl get storageclass CLASS -o yaml), ' +
      'or check the provisioner\'s logs. The claim is provisioned on the next retry once the cause is fixed.',
    review: {
      controller: 'PV controller and external provisioner',
      rule:
        'provisionClaimOperation (in-tree) records ProvisioningFailed when the plugin\'s Provision fails; for CSI ' +
        'classes the controller only annotates the claim (ExternalProvisioning, a Normal event, so not read here) and ' +
        'the external-provisioner records ProvisioningFailed with the driver\'s CreateVolume error.',
      sources: ['pkg/controller/volume/persistentvolume/pv_controller.go', 'pkg/controller/volume/events/event.go'],
    },
  },
  {
    code: 'pvc-resize-failed',
    severity: 'warning',
    area: 'PersistentVolumeClaim',
    title: 'Expanding a claim\'s volume fails',
    why:
      'The claim asks for more storage than its volume has, and the expansion failed: at the storage backend ' +
      '(VolumeResizeFailed from the resizer: quota, a class without allowVolumeExpansion support in the driver) or on ' +
      'the node (FileSystemResizeFailed from the kubelet). Until it succeeds the application keeps the old size. ' +
      'Reported while the capacity is still below the request and no resize finding already explains it.',
    fix:
      'Read the message. Fix the cause at the backend (quota, driver version) and the resizer retries; for a ' +
      'filesystem error on the node, check the node plugin\'s logs. A failed expansion can be backed out by lowering ' +
      'the request to a size not below the volume\'s current capacity (RecoverVolumeExpansionFailure).',
    review: {
      controller: 'expand controller, external-resizer and kubelet',
      rule:
        'The expand controller (in-tree) and external-resizer (CSI) record VolumeResizeFailed when ControllerExpandVolume ' +
        'fails and keep retrying; the kubelet records FileSystemResizeFailed when NodeExpandVolume fails. The claim\'s ' +
        'status.capacity grows only after both have succeeded.',
      sources: ['pkg/controller/volume/expand/expand_controller.go', 'pkg/volume/util/operationexecutor/operation_generator.go'],
    },
  },
]);
