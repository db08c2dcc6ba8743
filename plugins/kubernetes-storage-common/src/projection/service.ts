import type { Service, ServicePort } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, compact, nonEmpty, num, oneOf, records, str, stringMap } from './raw';

export function projectService(raw: unknown): Service {
  const meta = projectMeta(raw, 'Service', true);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const clusterIP = nonEmpty(spec.clusterIP);
  const ports: ServicePort[] = records(spec.ports)
    .filter((p) => num(p.port) !== undefined)
    .map((p) =>
      compact<ServicePort>({
        name: nonEmpty(p.name),
        port: num(p.port)!,
        // The API server defaults targetPort to port.
        targetPort: num(p.targetPort) ?? nonEmpty(p.targetPort) ?? num(p.port),
        protocol: str(p.protocol) ?? 'TCP',
      }),
    );
  return compact<Service>({
    meta,
    type: oneOf(spec.type, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], 'ClusterIP'),
    clusterIP,
    headless: clusterIP === 'None',
    selector: stringMap(spec.selector),
    ports,
    externalName: nonEmpty(spec.externalName),
  });
}
