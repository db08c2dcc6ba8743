// Ingresses: one view per rule host/path and per default backend, with the whole chain checked down to ready
// endpoints, plus the Ingress-level checks (class -> controller, TLS Secrets, admitted address).
import type { IngressPathView } from '../model/report';
import type { Ingress, IngressBackend } from '../model/snapshot';
import { secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { checkBackend } from './ingressBackend';
import { resolveIngressClass } from './ingressClass';
import { compact, optional, refOf } from './refs';
import { key } from './snapshotIndex';

export function analyzeIngresses(ctx: AnalysisContext): IngressPathView[] {
  return ctx.snapshot.ingresses.flatMap((ing) => analyzeIngress(ctx, ing));
}

function analyzeIngress(ctx: AnalysisContext, ing: Ingress): IngressPathView[] {
  const cls = resolveIngressClass(ctx, ing);
  // The DefaultIngressClass admission plugin writes the default into NEW Ingresses; one still without a class
  // predates it (or the plugin is off), and controllers then decide by their own flags.
  const defaulted = ing.ingressClassName === undefined && ing.legacyClassAnnotation === undefined ? cls.name : undefined;
  if (cls.expectServed) checkAddress(ctx, ing, defaulted);
  checkTlsSecrets(ctx, ing);

  const address = ing.loadBalancer.length > 0 ? ing.loadBalancer.join(', ') : undefined;
  const shared = { namespace: ing.meta.namespace ?? '', ingress: ing.meta.name, ...optional('ingressClass', cls.name), ...optional('address', address) };
  const views: IngressPathView[] = [];
  const addPath = (host: string, path: string, pathType: string | undefined, backend: IngressBackend, tls: boolean): void => {
    const health = checkBackend(ctx, ing.meta.namespace, backend);
    views.push({
      ...shared,
      host,
      path,
      ...optional('pathType', pathType),
      ...optional('service', health.service),
      ...optional('port', health.port),
      readyEndpoints: health.readyEndpoints,
      notReadyEndpoints: health.notReadyEndpoints,
      // No controller serves the Ingress: the path answers nothing, whatever its backend looks like.
      status: cls.noController ? 'NoController' : health.status,
      ...optional('backendStatus', cls.noController ? health.status : undefined),
      tls,
    });
    if (!health.problem) return;
    const target = health.service ? `${health.service}:${health.port ?? ''}` : '(backend)';
    ctx.emit({
      code: health.problem.code,
      object: refOf('Ingress', ing.meta),
      message: `Ingress ${ing.meta.namespace}/${ing.meta.name}: ${host}${host === '(default)' ? '' : path} -> ${target}: ${health.problem.cause}.`,
      hint: health.problem.hint,
      ...optional('related', health.service ? [refOf('Service', { name: health.service, namespace: ing.meta.namespace })] : undefined),
      details: compact({
        host,
        path,
        service: health.service,
        port: health.port,
        readyEndpoints: health.readyEndpoints,
        notReadyEndpoints: health.notReadyEndpoints,
      }),
    });
  };

  for (const rule of ing.rules) {
    const host = rule.host ?? '*';
    const tls = hostHasTls(ing, rule.host);
    // A path may be omitted (pathType ImplementationSpecific): it then matches everything under the host.
    for (const p of rule.paths) addPath(host, p.path ?? '/', p.pathType, p.backend, tls);
  }
  if (ing.defaultBackend) addPath('(default)', '*', undefined, ing.defaultBackend, ing.tls.length > 0);
  return views;
}

/** `*.example.com` covers exactly one more label: a.example.com, not a.b.example.com. */
function tlsHostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  const label = host.slice(0, host.length - suffix.length);
  return host.endsWith(suffix) && label.length > 0 && !label.includes('.');
}

/** A TLS entry without hosts applies to every host. */
function hostHasTls(ing: Ingress, host: string | undefined): boolean {
  return ing.tls.some((t) => t.hosts.length === 0 || (host !== undefined && t.hosts.some((h) => tlsHostMatches(h, host))));
}

/**
 * Only asked when a controller is expected to serve the Ingress: with an unknown or missing class that finding
 * already explains the missing address.
 */
function checkAddress(ctx: AnalysisContext, ing: Ingress, defaultClass: string | undefined): void {
  if (ing.loadBalancer.length > 0) return;
  // A controller needs a moment to admit a new Ingress and publish its address.
  const age = secondsSince(ing.meta.creationTimestamp, ctx.nowMs);
  if (age !== undefined && age < ctx.options.pendingGraceSeconds) return;
  const ns = ing.meta.namespace;
  ctx.emit({
    code: 'ingress-no-address',
    object: refOf('Ingress', ing.meta),
    message:
      `Ingress ${ns}/${ing.meta.name} has no address in status.loadBalancer: its controller has not admitted it.` +
      (defaultClass
        ? ` It names no class: the default IngressClass ${defaultClass} is written into Ingresses only when they are ` +
          'created, and a controller serves a class-less one only if configured to (ingress-nginx: --watch-ingress-without-class).'
        : ''),
    hint: defaultClass
      ? `Set spec.ingressClassName: ${defaultClass} on the Ingress (kubectl edit ingress -n ${ns} ${ing.meta.name}), or check the controller's pods and logs.`
      : `kubectl describe ingress -n ${ns} ${ing.meta.name}; then check the Ingress controller's pods and logs.`,
  });
}

/** Missing Secrets are concluded only where Secrets were readable; otherwise the view's tls flag just shows TLS is asked for. */
function checkTlsSecrets(ctx: AnalysisContext, ing: Ingress): void {
  const ns = ing.meta.namespace;
  if (!ctx.observed('secrets', ns)) return;
  const reported = new Set<string>();
  for (const tls of ing.tls) {
    const name = tls.secretName;
    if (!name || reported.has(name) || ctx.index.secretKeys.has(key(ns, name))) continue;
    reported.add(name);
    const hosts = tls.hosts.length > 0 ? tls.hosts.join(', ') : 'all hosts';
    ctx.emit({
      code: 'ingress-tls-secret-missing',
      object: refOf('Ingress', ing.meta),
      message: `Ingress ${ns}/${ing.meta.name}: TLS Secret ${name} for ${hosts} does not exist: clients get the controller's default certificate.`,
      hint: `Create the kubernetes.io/tls Secret ${name} in ${ns} (or check the issuer that should create it), or correct spec.tls[].secretName.`,
      related: [refOf('Secret', { name, namespace: ns })],
      details: { secret: name, hosts },
    });
  }
}
