// v1 Endpoints, for clusters without the EndpointSlice API (and dumps that carry only Endpoints), projected into
// the EndpointSlice shape so analyzers have one model of "who serves this Service".
import type { EndpointSlice, EndpointSliceEndpoint, EndpointSlicePort } from '../model/snapshot';
import { podNameOf, projectPorts } from './endpointSlice';
import { projectMeta } from './meta';
import { compact, asRecord, nonEmpty, records, type RawRecord } from './raw';

function endpoint(address: RawRecord, ready: boolean): EndpointSliceEndpoint | undefined {
  const ip = nonEmpty(address.ip);
  if (ip === undefined) return undefined;
  return compact<EndpointSliceEndpoint>({ ready, addresses: [ip], nodeName: nonEmpty(address.nodeName), podName: podNameOf(address.targetRef) });
}

/**
 * All subsets merge into one slice: ports are the union, endpoints the union. Subsets only differ in ports when the
 * pods behind one Service expose different ports, which the analyzers cannot act on anyway.
 */
export function projectEndpoints(raw: unknown): EndpointSlice {
  const meta = projectMeta(raw, 'Endpoints', true);
  const obj = asRecord(raw)!;
  const ports: EndpointSlicePort[] = [];
  const seenPorts = new Set<string>();
  const endpoints: EndpointSliceEndpoint[] = [];
  for (const subset of records(obj.subsets)) {
    for (const p of projectPorts(subset.ports)) {
      const k = `${p.name ?? ''}/${p.port ?? ''}/${p.protocol ?? ''}`;
      if (!seenPorts.has(k)) {
        seenPorts.add(k);
        ports.push(p);
      }
    }
    for (const [field, ready] of [
      ['addresses', true],
      ['notReadyAddresses', false],
    ] as const) {
      for (const a of records(subset[field])) {
        const e = endpoint(a, ready);
        if (e) endpoints.push(e);
      }
    }
  }
  const ipv6 = endpoints.length > 0 && endpoints.every((e) => e.addresses[0].includes(':'));
  return { meta, serviceName: meta.name, addressType: ipv6 ? 'IPv6' : 'IPv4', ports, endpoints, origin: 'Endpoints' };
}
