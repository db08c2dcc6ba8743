// The probes of a container, as compact as the checks allow: which probes exist, how each one checks (handler and
// target) and its timing. The kubelet's prober decides from these when a container counts as started, Ready and
// alive; the probe checks (analysis/probeConfig.ts) and the probe-failure findings read them.

export type ProbeHandler = 'httpGet' | 'tcpSocket' | 'exec' | 'grpc' | 'none';

export interface ProbeSpec {
  handler: ProbeHandler;
  /** httpGet: the path as written ("/healthz"). */
  path?: string;
  /** httpGet, tcpSocket, grpc: the port as written, a number or a container port name. */
  port?: number | string;
  /** exec: the command, joined by spaces and bounded in length. */
  command?: string;
  /** grpc: spec.grpc.service, when set. */
  service?: string;
  /** The API defaults, applied: 0, 10, 1 and 3. */
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}

export interface ContainerProbes {
  liveness?: ProbeSpec;
  readiness?: ProbeSpec;
  startup?: ProbeSpec;
}

/** A container of a pod template (StatefulSet spec.template): its name and probes. */
export interface TemplateContainer {
  name: string;
  probes?: ContainerProbes;
}
