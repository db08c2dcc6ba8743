// Findings about the Ingress chain: class -> controller, and each path -> Service -> port -> ready endpoints.
import type { CatalogEntry } from '../model/report';

export const ingressCatalog: CatalogEntry[] = [
  {
    code: 'ingress-service-missing',
    severity: 'critical',
    area: 'Ingress',
    title: 'An Ingress path points at a Service that does not exist',
    why: 'The controller has nowhere to send the traffic: requests for this host and path fail (usually 503).',
    fix: 'Create the Service in the Ingress namespace, or point the path at the Service that serves it.',
  },
  {
    code: 'ingress-port-missing',
    severity: 'critical',
    area: 'Ingress',
    title: 'An Ingress path names a port its Service does not have',
    why:
      'The backend port (by number or by name) must match a port of the Service; otherwise the controller has no ' +
      'endpoints for the path and requests fail.',
    fix: "Change the backend port to one the Service exposes (kubectl get service -o yaml), or add the port to the Service.",
  },
  {
    code: 'ingress-no-ready-endpoints',
    severity: 'critical',
    area: 'Ingress',
    title: 'An Ingress path has no ready endpoints',
    why:
      'Ingress controllers send traffic straight to the ready pod IPs in the Service\'s EndpointSlices. With none ' +
      'ready for the backend port, every request to the path answers 503.',
    fix:
      'Check that the Service selector matches running pods and that they pass their readiness probes ' +
      '(kubectl get endpointslices -l kubernetes.io/service-name=<service>, kubectl describe pod).',
  },
  {
    code: 'ingress-class-unknown',
    severity: 'critical',
    area: 'Ingress',
    title: 'The Ingress names an IngressClass that does not exist',
    why:
      'spec.ingressClassName selects the controller that serves the Ingress through an IngressClass object. A ' +
      'name no IngressClass defines is served by no controller: the rules never take effect. The deprecated ' +
      'kubernetes.io/ingress.class annotation is not checked this way: controllers such as Traefik and older ' +
      'ingress-nginx match it against their own --ingress-class flag, with or without an IngressClass of that ' +
      'name (an Ingress no controller picks up then shows as ingress-no-address).',
    fix:
      'Set spec.ingressClassName to an existing IngressClass (kubectl get ingressclass), or create the ' +
      'IngressClass for the controller that should serve it.',
  },
  {
    code: 'ingress-no-class',
    severity: 'warning',
    area: 'Ingress',
    title: 'The Ingress has no class and there is no default IngressClass',
    why:
      'Without spec.ingressClassName, without the legacy kubernetes.io/ingress.class annotation and without a ' +
      'default IngressClass, whether any controller serves the Ingress ' +
      'depends on controller flags (such as --watch-ingress-without-class); usually none does.',
    fix:
      'Set spec.ingressClassName, or mark one IngressClass as default with the annotation ' +
      'ingressclass.kubernetes.io/is-default-class: "true".',
  },
  {
    code: 'ingress-tls-secret-missing',
    severity: 'warning',
    area: 'Ingress',
    title: 'The TLS Secret of an Ingress does not exist',
    why:
      'Controllers fall back to a default (usually self-signed) certificate when spec.tls[].secretName is missing: ' +
      'clients see certificate errors for these hosts.',
    fix:
      'Create the kubernetes.io/tls Secret in the Ingress namespace (or check the certificate issuer, e.g. ' +
      'cert-manager, that should create it), or correct secretName.',
  },
  {
    code: 'ingress-no-address',
    severity: 'warning',
    area: 'Ingress',
    title: 'The Ingress has no address',
    why:
      'status.loadBalancer.ingress is empty although the Ingress class exists (or the legacy ' +
      'kubernetes.io/ingress.class annotation names one): its controller has not admitted the Ingress (not running, ' +
      'rejected the configuration, not matching that annotation value, or not configured to publish an address).',
    fix: "Check the controller's pods and logs for this Ingress, and kubectl describe ingress for its events.",
  },
  {
    code: 'ingress-externalname-backend',
    severity: 'info',
    area: 'Ingress',
    title: 'An Ingress path points at an ExternalName Service',
    why:
      'ExternalName Services have no endpoints by design: whether the path works depends on the controller ' +
      'supporting ExternalName backends and on the external host, which this check cannot see.',
    fix: 'Nothing to fix if your controller supports ExternalName backends; verify the external host answers.',
  },
];
