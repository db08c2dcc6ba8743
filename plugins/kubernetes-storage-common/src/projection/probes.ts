// Container probes from a pod spec (a pod's or a StatefulSet template's), compact: handler, target and timing with
// the API defaults applied (initialDelaySeconds 0, periodSeconds 10, timeoutSeconds 1, failureThreshold 3), so
// two probes compare equal exactly when the kubelet would run them alike.
import type { ContainerProbes, ProbeHandler, ProbeSpec, TemplateContainer } from '../model/probes';
import { asRecord, compact, nonEmpty, num, records, strings, type RawRecord } from './raw';

const COMMAND_MAX = 200;

function portOf(v: unknown): number | string | undefined {
  return num(v) ?? nonEmpty(v);
}

/** A non-negative whole number of seconds, or the default (the API server rejects anything else). */
function seconds(v: unknown, fallback: number, min: number): number {
  const n = num(v);
  return n !== undefined && Number.isInteger(n) && n >= min ? n : fallback;
}

export function projectProbe(raw: unknown): ProbeSpec | undefined {
  const p = asRecord(raw);
  if (!p) return undefined;
  const http = asRecord(p.httpGet);
  const tcp = asRecord(p.tcpSocket);
  const exec = asRecord(p.exec);
  const grpc = asRecord(p.grpc);
  const handler: ProbeHandler = http ? 'httpGet' : tcp ? 'tcpSocket' : exec ? 'exec' : grpc ? 'grpc' : 'none';
  const command = exec ? strings(exec.command).join(' ') : undefined;
  return compact<ProbeSpec>({
    handler,
    path: http ? nonEmpty(http.path) ?? '/' : undefined,
    port: portOf((http ?? tcp ?? grpc)?.port),
    command: command !== undefined ? (command.length > COMMAND_MAX ? `${command.slice(0, COMMAND_MAX - 1)}…` : command) : undefined,
    service: grpc ? nonEmpty(grpc.service) : undefined,
    initialDelaySeconds: seconds(p.initialDelaySeconds, 0, 0),
    periodSeconds: seconds(p.periodSeconds, 10, 1),
    timeoutSeconds: seconds(p.timeoutSeconds, 1, 1),
    failureThreshold: seconds(p.failureThreshold, 3, 1),
  });
}

/** The container's probes, or undefined when it has none (most containers of most pods: nothing stored). */
export function projectContainerProbes(container: RawRecord): ContainerProbes | undefined {
  const probes = compact<ContainerProbes>({
    liveness: projectProbe(container.livenessProbe),
    readiness: projectProbe(container.readinessProbe),
    startup: projectProbe(container.startupProbe),
  });
  return Object.keys(probes).length ? probes : undefined;
}

/**
 * spec.containers of a pod spec. Init containers are left out: the checks are about the application containers
 * (a sidecar's probes, restartPolicy Always in initContainers, also gate readiness, but it is rarely the workload).
 */
export function projectTemplateContainers(podSpec: RawRecord): TemplateContainer[] {
  const out: TemplateContainer[] = [];
  for (const c of records(podSpec.containers)) {
    const name = nonEmpty(c.name);
    if (name === undefined) continue;
    out.push(compact<TemplateContainer>({ name, probes: projectContainerProbes(c) }));
  }
  return out;
}

/** spec.restartPolicy when it is not the default Always (as written, so an unknown value is kept). */
export function restartPolicyOf(podSpec: RawRecord): string | undefined {
  const policy = nonEmpty(podSpec.restartPolicy);
  return policy === undefined || policy === 'Always' ? undefined : policy;
}
