// Probe configuration of the workloads the report is about: StatefulSets (their pod template, once per set) and
// pods behind an Ingress (once per controller). Each one names the decision that depends on the probe: when a
// pod gets traffic, when the next ordinal starts, when the kubelet restarts a container.
import { defineCatalog } from './defineCatalog';

export const probeCatalog = defineCatalog([
  {
    code: 'pod-probe-readiness-missing',
    severity: 'warning',
    area: 'Pod',
    title: 'A container that gets traffic or gates a rollout has no readiness probe',
    why:
      'Without a readiness probe a container counts as Ready as soon as its process runs. A pod behind an Ingress ' +
      'then gets traffic before it can answer (errors during every start and rollout), and a StatefulSet moves on ' +
      'to the next ordinal (OrderedReady) or the next pod of a rolling update while this one is still loading its ' +
      'data or joining its cluster. Reported for the containers of a StatefulSet template whose controller waits ' +
      'for Ready (OrderedReady or RollingUpdate), and for containers of pods behind an Ingress (once per controller).',
    fix:
      'Add a readinessProbe that answers only when the container can serve: an HTTP endpoint that checks the ' +
      'process is up and has loaded what it needs, or a tcpSocket on its serving port.',
    review: {
      controller: 'kubelet (prober), StatefulSet controller, EndpointSlice controller',
      rule:
        'A container without readinessProbe is ready once running (the prober manager sets ready for containers with ' +
        'no readiness worker); the pod\'s Ready condition is all containers ready; the StatefulSet controller waits for ' +
        'isRunningAndReady before the next ordinal and between rolling-update steps; the EndpointSlice controller ' +
        'marks endpoints ready from the Ready condition.',
      sources: ['pkg/kubelet/prober/prober_manager.go', 'pkg/controller/statefulset/stateful_set_control.go', 'pkg/controller/endpointslice/endpointslice_controller.go'],
    },
  },
  {
    code: 'pod-probe-liveness-missing',
    severity: 'info',
    area: 'Pod',
    title: 'A container with a readiness probe has no liveness probe',
    why:
      'A process that hangs (deadlock, a stuck connection pool) fails its readiness probe and stops getting traffic, ' +
      'but without a liveness probe nothing restarts it: the replica stays NotReady until a human deletes the pod, ' +
      'and in a StatefulSet it holds back every later ordinal (OrderedReady) and the rolling update. Reported for ' +
      'StatefulSet templates whose container has a readinessProbe and no livenessProbe (a hung replica of a ' +
      'Deployment only drops out of its Service while the others serve, so those are left alone).',
    fix:
      'Add a livenessProbe that checks only the process itself (not its dependencies), with a failure budget ' +
      '(periodSeconds × failureThreshold) well above the longest pause the application can have; add a startupProbe ' +
      'if it starts slowly.',
    review: {
      controller: 'kubelet (prober)',
      rule:
        'Only a liveness (or startup) probe result of Failure makes the kubelet kill and restart a running container; ' +
        'a readiness failure only changes the Ready condition.',
      sources: ['pkg/kubelet/prober/worker.go', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go'],
    },
  },
  {
    code: 'pod-probe-liveness-same-as-readiness',
    severity: 'warning',
    area: 'Pod',
    title: 'The liveness probe checks exactly what the readiness probe checks',
    why:
      'When both probes ask the same endpoint, anything that makes the pod unready also makes the kubelet restart ' +
      'it: a slow database behind a /health that checks it makes every replica fail both probes at once, and the ' +
      'kubelet restarts all of them together, turning a slowdown into an outage. Readiness should say "send me ' +
      'traffic", liveness "I am stuck, restart me". Reported when a container\'s livenessProbe has the same handler ' +
      'and target (path and port, command, or gRPC service) as its readinessProbe, and fails no later (its failure ' +
      'budget, periodSeconds × failureThreshold, is not longer).',
    fix:
      'Point the livenessProbe at a check of the process only (a /livez that does not call dependencies, or a ' +
      'tcpSocket on its port) and give it a longer failure budget than the readinessProbe.',
    review: {
      controller: 'kubelet (prober)',
      rule:
        'Liveness and readiness probes run as independent workers on their own period; a liveness Failure ' +
        '(failureThreshold failed runs in a row) kills the container, a readiness Failure only marks it unready.',
      sources: ['pkg/kubelet/prober/worker.go', 'pkg/kubelet/prober/prober_manager.go'],
    },
  },
  {
    code: 'pod-probe-liveness-no-startup',
    severity: 'warning',
    area: 'Pod',
    title: 'The liveness probe kills a container before it has finished starting',
    why:
      'Without a startupProbe the liveness probe starts initialDelaySeconds after the container starts and kills it ' +
      'after failureThreshold failures, periodSeconds apart. A container that needs longer to start (a database ' +
      'replaying its log, a JVM warming up) is killed every time before it is up, and never comes up. Reported when ' +
      'the kubelet reported liveness failures for the container and its last run ended within one probe period of ' +
      'that budget (initialDelaySeconds + periodSeconds × failureThreshold): the restarts show it needs longer.',
    fix:
      'Add a startupProbe with the same check and a budget (periodSeconds × failureThreshold) above the longest ' +
      'start you expect; the liveness probe only begins once it has succeeded. Raising initialDelaySeconds also ' +
      'works but delays failure detection on every start.',
    review: {
      controller: 'kubelet (prober)',
      rule:
        'The worker skips probing until initialDelaySeconds after the container\'s running startedAt; liveness is ' +
        'held off until the startup probe has succeeded when one is set; failureThreshold failures in a row kill the ' +
        'container (Unhealthy events for each failure).',
      sources: ['pkg/kubelet/prober/worker.go', 'pkg/kubelet/prober/prober.go'],
    },
  },
  {
    code: 'pod-probe-liveness-restart-never',
    severity: 'warning',
    area: 'Pod',
    title: 'A liveness probe on a pod that is never restarted',
    why:
      'With restartPolicy Never a container the liveness probe kills is not restarted: the pod ends Failed and ' +
      'stays so. For a pod behind an Ingress or one that holds data, the first probe failure ends the replica for ' +
      'good unless a controller replaces the pod (a bare pod is never replaced).',
    fix:
      'Run the workload under a controller (Deployment, StatefulSet) with restartPolicy Always, or drop the ' +
      'livenessProbe if the pod is meant to run to completion.',
    review: {
      controller: 'kubelet',
      rule:
        'On a liveness Failure the kubelet kills the container; whether it is started again is decided by the pod\'s ' +
        'restartPolicy (Never: never; the pod phase becomes Failed once all containers have terminated).',
      sources: ['pkg/kubelet/kuberuntime/kuberuntime_manager.go', 'pkg/kubelet/prober/worker.go'],
    },
  },
]);
