// A shared Ingress seen from one service: an Ingress kept only because one of its paths routes to a kept Service
// (one Ingress per host for many teams is common) shows that service's paths, not its neighbours'. The other paths'
// Services, endpoints and failures are their own services' business: they would be noise on this service's page,
// and another entity's objects read through a shared object.
import type { Ingress, IngressBackend } from '../model/snapshot';

/**
 * The Ingress with only the paths (and default backend) that route to a Service `isKept` says yes to (a name in
 * the Ingress's namespace), rules left without paths dropped, and only the TLS entries that cover a kept rule's host
 * (an entry without hosts covers every host). The same object when nothing is cut.
 */
export function withPathsToKeptServices(ing: Ingress, isKept: (serviceName: string) => boolean): Ingress {
  const routes = (b: IngressBackend | undefined): boolean => b?.service !== undefined && isKept(b.service.name);
  let cut = false;
  const rules: Ingress['rules'] = [];
  for (const rule of ing.rules) {
    const paths = rule.paths.filter((p) => routes(p.backend));
    if (paths.length !== rule.paths.length) cut = true;
    if (paths.length > 0) rules.push(paths.length === rule.paths.length ? rule : { ...rule, paths });
  }
  const keepDefault = ing.defaultBackend === undefined || routes(ing.defaultBackend);
  if (!keepDefault) cut = true;
  if (!cut) return ing;
  const hosts = new Set(rules.map((r) => r.host ?? ''));
  const coversKept = (t: Ingress['tls'][number]): boolean => t.hosts.length === 0 || hosts.has('') || t.hosts.some((h) => hosts.has(h));
  const { defaultBackend, ...rest } = ing;
  return { ...rest, ...(keepDefault && defaultBackend ? { defaultBackend } : {}), rules, tls: ing.tls.filter(coversKept) };
}
