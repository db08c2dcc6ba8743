import type { Ingress, IngressBackend, IngressPath } from '../model/snapshot';
import { projectMeta } from './meta';
import { asRecord, compact, nonEmpty, num, recordAt, records, str, strings } from './raw';

function backend(raw: unknown): IngressBackend | undefined {
  const b = asRecord(raw);
  if (!b) return undefined;
  const svc = asRecord(b.service);
  const svcName = nonEmpty(svc?.name);
  if (svc && svcName !== undefined) {
    const port = asRecord(svc.port) ?? {};
    return { service: compact({ name: svcName, portNumber: num(port.number), portName: nonEmpty(port.name) }) };
  }
  const res = asRecord(b.resource);
  const resName = nonEmpty(res?.name);
  if (res && resName !== undefined) {
    return { resource: compact({ kind: str(res.kind) ?? '', name: resName, apiGroup: nonEmpty(res.apiGroup) }) };
  }
  return {};
}

export function projectIngress(raw: unknown): Ingress {
  const meta = projectMeta(raw, 'Ingress', true);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const rules = records(spec.rules).map((r) => ({
    ...compact({ host: nonEmpty(r.host) }),
    paths: records(recordAt(r, 'http')?.paths).map((p) =>
      compact<IngressPath>({
        path: nonEmpty(p.path),
        // pathType is required in networking.k8s.io/v1; ImplementationSpecific is what older objects converted to.
        pathType: nonEmpty(p.pathType) ?? 'ImplementationSpecific',
        backend: backend(p.backend) ?? {},
      }),
    ),
  }));
  const loadBalancer: string[] = [];
  for (const lb of records(recordAt(obj, 'status', 'loadBalancer')?.ingress)) {
    const addr = nonEmpty(lb.ip) ?? nonEmpty(lb.hostname);
    if (addr) loadBalancer.push(addr);
  }
  return compact<Ingress>({
    meta,
    ingressClassName: nonEmpty(spec.ingressClassName),
    legacyClassAnnotation: meta.annotations?.['kubernetes.io/ingress.class'],
    defaultBackend: backend(spec.defaultBackend),
    rules,
    tls: records(spec.tls).map((t) => compact({ hosts: strings(t.hosts), secretName: nonEmpty(t.secretName) })),
    loadBalancer,
  });
}
