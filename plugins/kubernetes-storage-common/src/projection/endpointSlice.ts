import type { EndpointSlice, EndpointSliceEndpoint, EndpointSlicePort } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, bool, compact, nonEmpty, num, records, str, strings, type RawRecord } from './raw';

export function podNameOf(targetRef: unknown): string | undefined {
  const ref = asRecord(targetRef);
  return ref?.kind === 'Pod' ? nonEmpty(ref.name) : undefined;
}

export function projectPorts(raw: unknown): EndpointSlicePort[] {
  return records(raw).map((p) => compact<EndpointSlicePort>({ name: nonEmpty(p.name), port: num(p.port), protocol: str(p.protocol) ?? 'TCP' }));
}

function projectEndpoint(e: RawRecord): EndpointSliceEndpoint {
  const conditions = asRecord(e.conditions) ?? {};
  return compact<EndpointSliceEndpoint>({
    // nil ready means "unknown", which consumers must treat as ready (EndpointConditions API docs).
    ready: bool(conditions.ready) ?? true,
    serving: bool(conditions.serving),
    terminating: bool(conditions.terminating),
    addresses: strings(e.addresses),
    nodeName: nonEmpty(e.nodeName),
    podName: podNameOf(e.targetRef),
  });
}

export function projectEndpointSlice(raw: unknown): EndpointSlice {
  const meta = projectMeta(raw, 'EndpointSlice', true);
  const obj = asRecord(raw)!;
  return {
    meta,
    // Slices without the label belong to no Service (custom slices); '' joins to nothing.
    serviceName: meta.labels?.['kubernetes.io/service-name'] ?? '',
    addressType: str(obj.addressType) ?? 'IPv4',
    ports: projectPorts(obj.ports),
    endpoints: records(obj.endpoints).map(projectEndpoint),
    origin: 'EndpointSlice',
  };
}
