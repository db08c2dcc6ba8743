// Findings about the Ingress chain: class -> controller, and each path -> Service -> port -> ready endpoints.
import { defineCatalog } from './defineCatalog';

export const ingressCatalog = defineCatalog([
  {
    code: 'ingress-service-missing',
    severity: 'critical',
    area: 'Ingress',
    title: 'An Ingress path points at a Service that does not exist',
    why: 'The controller has nowhere to send the traffic: requests for this host and path fail (usually 503).',
    fix: 'Create the Service in the Ingress namespace, or point the path at the Service that serves it.',
    review: {
      controller: 'Ingress controllers (ingress-nginx as reference)',
      rule:
        'A service backend is looked up by name in the Ingress namespace; a missing one gives the path no upstream ' +
        '(ingress-nginx answers 503). Concluded only where Services were read; unread, the path is Unknown.',
      sources: ['kubernetes/ingress-nginx internal/ingress/controller/store/store.go', 'staging/src/k8s.io/api/networking/v1/types.go (IngressServiceBackend)'],
    },
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
    review: {
      controller: 'Ingress controllers (ingress-nginx as reference)',
      rule:
        'service.port.number must equal a Service port\'s port (not its targetPort), service.port.name a Service ' +
        'port\'s name; the controller then takes the endpoints of that port, matched by port name in the slices.',
      sources: ['staging/src/k8s.io/api/networking/v1/types.go (ServiceBackendPort)', 'kubernetes/ingress-nginx internal/ingress/controller/endpointslices.go'],
    },
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
    review: {
      controller: 'EndpointSlice controller and Ingress controllers',
      rule:
        'The EndpointSlice controller writes ready = publishNotReadyAddresses || (pod Ready && not terminating), ' +
        'serving = pod Ready, terminating = deletionTimestamp set, and leaves out Failed/Succeeded pods and pods ' +
        'without an IP; a nil ready means ready. Ingress controllers route only to ready endpoints of the port ' +
        '(matched by port name). Counted once per pod across slices and address families; needs EndpointSlices or ' +
        'Endpoints read, else the path is Unknown.',
      sources: ['staging/src/k8s.io/endpointslice/utils.go (podToEndpoint)', 'staging/src/k8s.io/endpointslice/util/controller_utils.go (ShouldPodBeInEndpoints)', 'kubernetes/ingress-nginx internal/ingress/controller/endpointslices.go'],
    },
  },
  {
    code: 'ingress-class-unknown',
    severity: 'critical',
    area: 'Ingress',
    title: 'The Ingress names an IngressClass that does not exist',
    why:
      'spec.ingressClassName selects the controller that serves the Ingress through an IngressClass object. A ' +
      'name no IngressClass defines is served by no controller: the rules never take effect, and every path of the ' +
      'Ingress shows status NoController and counts as failing whatever its backend looks like. The deprecated ' +
      'kubernetes.io/ingress.class annotation is not checked this way: controllers such as Traefik and older ' +
      'ingress-nginx match it against their own --ingress-class flag, with or without an IngressClass of that ' +
      'name (an Ingress no controller picks up then shows as ingress-no-address).',
    fix:
      'Set spec.ingressClassName to an existing IngressClass (kubectl get ingressclass), or create the ' +
      'IngressClass for the controller that should serve it.',
    review: {
      controller: 'Ingress controllers (ingress-nginx as reference)',
      rule:
        'ingress-nginx resolves spec.ingressClassName through its IngressClass lister and ignores the Ingress when ' +
        'the class does not exist or names another controller; the legacy annotation is compared with its ' +
        '--ingress-class value instead. Concluded only when IngressClasses were read.',
      sources: ['kubernetes/ingress-nginx internal/ingress/controller/store/store.go', 'staging/src/k8s.io/api/networking/v1/types.go (IngressSpec.ingressClassName)'],
    },
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
    review: {
      controller: 'DefaultIngressClass admission plugin and Ingress controllers',
      rule:
        'The admission plugin writes the default IngressClass (the newest, if several) into spec.ingressClassName of ' +
        'Ingresses at creation only; ingress-nginx serves an Ingress without class or annotation only with ' +
        '--watch-ingress-without-class.',
      sources: ['plugin/pkg/admission/network/defaultingressclass/admission.go', 'kubernetes/ingress-nginx internal/ingress/controller/store/store.go'],
    },
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
    review: {
      controller: 'Ingress controllers (ingress-nginx as reference)',
      rule:
        'A spec.tls entry whose Secret cannot be found falls back to the controller\'s default (fake) certificate ' +
        'for its hosts. Concluded only where Secrets (metadata) were read in the namespace.',
      sources: ['kubernetes/ingress-nginx internal/ingress/controller/store/store.go', 'staging/src/k8s.io/api/networking/v1/types.go (IngressTLS)'],
    },
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
    review: {
      controller: 'Ingress controllers (ingress-nginx as reference)',
      rule:
        'A controller that admits an Ingress publishes its address in status.loadBalancer.ingress (ingress-nginx: ' +
        'the status sync of the leader, with --publish-service or the node addresses). Asked only when a controller ' +
        'is expected (known class, legacy annotation or default class) and after the pending grace from creation; an ' +
        'Ingress without class that only the default class would cover is told that the default is written at creation only.',
      sources: ['kubernetes/ingress-nginx internal/ingress/status/status.go', 'plugin/pkg/admission/network/defaultingressclass/admission.go'],
    },
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
    review: {
      controller: 'EndpointSlice controller',
      rule: 'The EndpointSlice controller writes no slices for a Service of type ExternalName (no selector is used); controllers that support it resolve spec.externalName themselves.',
      sources: ['pkg/controller/endpointslice/endpointslice_controller.go', 'staging/src/k8s.io/api/core/v1/types.go (ServiceTypeExternalName)'],
    },
  },
]);
