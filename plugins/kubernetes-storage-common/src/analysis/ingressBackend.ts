// The health of one Ingress backend, following the chain the controller follows: Service -> port -> the ready
// addresses in the Service's EndpointSlices for that port. Controllers read the slices directly (not the
// cluster IP), so a path with zero ready endpoints answers 503 whatever the Service looks like.
import type { IngressPathStatus } from '../model/report';
import type { EndpointSlice, IngressBackend, Service, ServicePort } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { optional } from './refs';
import { key } from './snapshotIndex';

export interface BackendProblem {
  code: 'ingress-service-missing' | 'ingress-port-missing' | 'ingress-no-ready-endpoints' | 'ingress-externalname-backend';
  cause: string;
  hint: string;
}

export interface BackendHealth {
  status: IngressPathStatus;
  service?: string;
  /** The backend port as written: a number or a name. */
  port?: string;
  readyEndpoints: number;
  notReadyEndpoints: number;
  problem?: BackendProblem;
}

function findServicePort(svc: Service, backend: NonNullable<IngressBackend['service']>): ServicePort | undefined {
  if (backend.portNumber !== undefined) return svc.ports.find((p) => p.port === backend.portNumber);
  return svc.ports.find((p) => p.name === backend.portName);
}

function describePorts(svc: Service): string {
  if (svc.ports.length === 0) return 'it exposes no ports';
  return `it exposes ${svc.ports.map((p) => (p.name ? `${p.port}/${p.name}` : `${p.port}`)).join(', ')}`;
}

/**
 * Ready and not-ready endpoints behind a Service port, each backend counted once. Slices carry the Service port's
 * NAME (empty for the one unnamed port a Service may have), and that is how kube-proxy and controllers match them;
 * Endpoints projected into slices carry the same names, so both origins count alike.
 *
 * A dual-stack Service has one IPv4 and one IPv6 slice per set of pods, so the same pod appears once per address
 * family (and, while slices are rebalanced, briefly in two slices of one family). The rule:
 * - an endpoint whose targetRef names a pod counts once per pod, whatever slices and families it appears in;
 *   ready if any of its entries is ready;
 * - an endpoint without a pod (a hand-managed slice) counts only in slices of the primary address family: IPv4
 *   when any matching slice is IPv4, else IPv6, else the family of the first slice (FQDN).
 * One endpoint is one backend however many addresses it lists (they are fungible: clients may use only the first).
 */
export function countEndpoints(slices: EndpointSlice[], servicePort: ServicePort): { ready: number; notReady: number } {
  const portName = servicePort.name ?? '';
  const matching = slices.filter((slice) => slice.ports.some((p) => (p.name ?? '') === portName));
  const families = new Set(matching.map((slice) => slice.addressType));
  const primary = families.has('IPv4') ? 'IPv4' : families.has('IPv6') ? 'IPv6' : matching[0]?.addressType;
  const podReady = new Map<string, boolean>();
  let ready = 0;
  let notReady = 0;
  for (const slice of matching) {
    for (const ep of slice.endpoints) {
      if (ep.addresses.length === 0) continue;
      if (ep.podName !== undefined) podReady.set(ep.podName, podReady.get(ep.podName) === true || ep.ready);
      else if (slice.addressType !== primary) continue;
      else if (ep.ready) ready++;
      else notReady++;
    }
  }
  for (const isReady of podReady.values()) {
    if (isReady) ready++;
    else notReady++;
  }
  return { ready, notReady };
}

function selectorText(svc: Service): string | undefined {
  const entries = Object.entries(svc.selector ?? {});
  return entries.length > 0 ? entries.map(([k, v]) => `${k}=${v}`).join(',') : undefined;
}

function noReadyEndpoints(ns: string | undefined, svc: Service, notReady: number): BackendProblem {
  const selector = selectorText(svc);
  let hint: string;
  if (notReady > 0) {
    hint = `The pods behind ${svc.meta.name} exist but fail their readiness probes: kubectl describe pod -n ${ns}${selector ? ` -l ${selector}` : ''}`;
  } else if (selector) {
    hint = `No running pod matches the selector ${selector} with this port: kubectl get pods -n ${ns} -l ${selector}`;
  } else {
    hint = `Service ${svc.meta.name} has no selector, so its EndpointSlices are managed by hand: add the backend addresses to them.`;
  }
  return {
    code: 'ingress-no-ready-endpoints',
    cause: `Service ${svc.meta.name} has no ready endpoints for this port (${notReady} not ready): requests answer 503`,
    hint,
  };
}

export function checkBackend(ctx: AnalysisContext, ns: string | undefined, backend: IngressBackend): BackendHealth {
  if (backend.resource) return { status: 'ResourceBackend', readyEndpoints: 0, notReadyEndpoints: 0 };
  const ref = backend.service;
  if (!ref) return { status: 'Unknown', readyEndpoints: 0, notReadyEndpoints: 0 };
  const port = ref.portNumber !== undefined ? String(ref.portNumber) : ref.portName;
  const base = { service: ref.name, ...optional('port', port), readyEndpoints: 0, notReadyEndpoints: 0 };

  const svc = ctx.index.serviceByKey.get(key(ns, ref.name));
  if (!svc) {
    if (!ctx.observed('services', ns)) return { ...base, status: 'Unknown' };
    return {
      ...base,
      status: 'ServiceMissing',
      problem: {
        code: 'ingress-service-missing',
        cause: `Service ${ref.name} does not exist`,
        hint: `Create Service ${ref.name} in ${ns}, or point the path at an existing one (kubectl get services -n ${ns}).`,
      },
    };
  }
  if (svc.type === 'ExternalName') {
    return {
      ...base,
      status: 'ExternalName',
      problem: {
        code: 'ingress-externalname-backend',
        cause: `Service ${ref.name} is an ExternalName Service for ${svc.externalName ?? '(no name)'}, which has no endpoints by design`,
        hint: 'Make sure your Ingress controller supports ExternalName backends and that the external host answers.',
      },
    };
  }
  const servicePort = findServicePort(svc, ref);
  if (!servicePort) {
    return {
      ...base,
      status: 'PortMissing',
      problem: {
        code: 'ingress-port-missing',
        cause: `Service ${ref.name} has no port ${port} (${describePorts(svc)})`,
        hint: `Change the backend port to one Service ${ref.name} exposes, or add port ${port} to the Service.`,
      },
    };
  }
  if (!ctx.observed('endpointslices', ns) && !ctx.observed('endpoints', ns)) return { ...base, status: 'Unknown' };

  const { ready, notReady } = countEndpoints(ctx.index.slicesByService.get(key(ns, ref.name)) ?? [], servicePort);
  const counted = { ...base, readyEndpoints: ready, notReadyEndpoints: notReady };
  if (ready > 0) return { ...counted, status: 'OK' };
  return { ...counted, status: 'NoReadyEndpoints', problem: noReadyEndpoints(ns, svc, notReady) };
}
