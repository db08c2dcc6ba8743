import { runAnalyzer } from '../__fixtures__/analysisContext';
import {
  ago,
  endpoint,
  endpointSlice,
  ingress,
  ingressClass,
  ingressPath,
  secret,
  service,
  snapshotOf,
} from '../__fixtures__/snapshot';
import type { Snapshot } from '../model/snapshot';
import { analyze } from './analyze';
import { analyzeIngresses } from './ingresses';

/** Ingress web -> Service web port 80 (named http, target 8080) with two ready endpoints, class nginx. */
function healthy(extra: Partial<Snapshot> = {}): Snapshot {
  return snapshotOf({
    ingresses: [ingress()],
    ingressClasses: [ingressClass('nginx')],
    services: [service()],
    endpointSlices: [endpointSlice({ ready: 2 })],
    ...extra,
  });
}

const run = (snapshot: Snapshot) => runAnalyzer(analyzeIngresses, snapshot);

describe('a healthy Ingress path', () => {
  it('is OK with its ready endpoint count and no findings', () => {
    const { result, findings } = run(healthy());
    expect(findings).toEqual([]);
    expect(result).toEqual([
      {
        namespace: 'default',
        ingress: 'web',
        ingressClass: 'nginx',
        host: 'web.example.com',
        path: '/',
        pathType: 'Prefix',
        service: 'web',
        port: '80',
        readyEndpoints: 2,
        notReadyEndpoints: 0,
        status: 'OK',
        tls: false,
        address: '203.0.113.10',
      },
    ]);
  });

  it('gives one view per rule path and one for the default backend, "*" for a rule without host', () => {
    const ing = ingress({
      rules: [
        { host: 'shop.example.com', paths: [ingressPath('web', 80, '/'), ingressPath('web', 'http', '/api')] },
        { paths: [ingressPath('web', 80, '/health')] },
      ],
      defaultBackend: { service: { name: 'web', portNumber: 80 } },
    });
    const { result, findings } = run(healthy({ ingresses: [ing] }));
    expect(findings).toEqual([]);
    expect(result.map((v) => [v.host, v.path, v.port, v.status])).toEqual([
      ['shop.example.com', '/', '80', 'OK'],
      ['shop.example.com', '/api', 'http', 'OK'],
      ['*', '/health', '80', 'OK'],
      ['(default)', '*', '80', 'OK'],
    ]);
  });

  it('marks the paths whose host a TLS entry covers, wildcards included', () => {
    const ing = ingress({
      rules: [
        { host: 'a.example.com', paths: [ingressPath('web')] },
        { host: 'a.b.example.com', paths: [ingressPath('web')] },
        { host: 'other.org', paths: [ingressPath('web')] },
      ],
      tls: [{ hosts: ['*.example.com'], secretName: 'web-tls' }],
    });
    const { result } = run(healthy({ ingresses: [ing], secrets: [secret({ name: 'web-tls' })] }));
    expect(result.map((v) => [v.host, v.tls])).toEqual([
      ['a.example.com', true],
      ['a.b.example.com', false],
      ['other.org', false],
    ]);
  });
});

describe('ingress-service-missing', () => {
  it('fires when the backend Service does not exist', () => {
    const { result, withCode } = run(healthy({ services: [], endpointSlices: [] }));
    const [f] = withCode('ingress-service-missing');
    expect(f.severity).toBe('critical');
    expect(f.object).toEqual({ kind: 'Ingress', name: 'web', namespace: 'default' });
    expect(f.message).toBe('Ingress default/web: web.example.com/ -> web:80: Service web does not exist.');
    expect(f.details).toMatchObject({ host: 'web.example.com', path: '/', service: 'web', port: '80' });
    expect(result[0].status).toBe('ServiceMissing');
  });

  it('stays quiet when Services were not read in the namespace: the path is Unknown', () => {
    const { result, findings } = run(
      healthy({ services: [], incomplete: [{ kind: 'services', namespace: 'default', reason: 'forbidden', message: 'forbidden' }] }),
    );
    expect(findings).toEqual([]);
    expect(result[0].status).toBe('Unknown');
  });
});

describe('ingress-port-missing', () => {
  it('fires for a port name the Service does not have, listing the ports it has', () => {
    const ing = ingress({ rules: [{ host: 'web.example.com', paths: [ingressPath('web', 'https')] }] });
    const { result, withCode } = run(healthy({ ingresses: [ing] }));
    const [f] = withCode('ingress-port-missing');
    expect(f.message).toContain('-> web:https: Service web has no port https (it exposes 80/http)');
    expect(result[0].status).toBe('PortMissing');
  });

  it("fires for the pods' targetPort number: a backend names the Service port, not the container port", () => {
    const ing = ingress({ rules: [{ host: 'web.example.com', paths: [ingressPath('web', 8080)] }] });
    expect(run(healthy({ ingresses: [ing] })).withCode('ingress-port-missing')).toHaveLength(1);
  });

  it('stays quiet for the same port by name and by number', () => {
    const ing = ingress({ rules: [{ host: 'web.example.com', paths: [ingressPath('web', 'http', '/a'), ingressPath('web', 80, '/b')] }] });
    const { result, findings } = run(healthy({ ingresses: [ing] }));
    expect(findings).toEqual([]);
    expect(result.map((v) => v.readyEndpoints)).toEqual([2, 2]);
  });
});

describe('ingress-no-ready-endpoints', () => {
  it('fires when every endpoint is not ready, with the not-ready count', () => {
    const { result, withCode } = run(healthy({ endpointSlices: [endpointSlice({ ready: 0, notReady: 3 })] }));
    const [f] = withCode('ingress-no-ready-endpoints');
    expect(f.severity).toBe('critical');
    expect(f.message).toContain('Service web has no ready endpoints for this port (3 not ready)');
    expect(f.hint).toContain('fail their readiness probes');
    expect(f.details).toMatchObject({ readyEndpoints: 0, notReadyEndpoints: 3 });
    expect(result[0]).toMatchObject({ status: 'NoReadyEndpoints', readyEndpoints: 0, notReadyEndpoints: 3 });
  });

  it('fires when the ready endpoints are only on another port of the Service (slices match by port name)', () => {
    const metricsOnly = endpointSlice({ ready: 2, ports: [{ name: 'metrics', port: 9090, protocol: 'TCP' }] });
    const { withCode } = run(healthy({ endpointSlices: [metricsOnly] }));
    expect(withCode('ingress-no-ready-endpoints')[0].hint).toContain('No running pod matches the selector app=web');
  });

  it('counts endpoints across slices, one per endpoint however many addresses it lists, and stays quiet when some are ready', () => {
    const slices = [
      endpointSlice({ name: 'web-a', ready: 1, notReady: 1 }),
      endpointSlice({ name: 'web-b', endpoints: [endpoint({ addresses: ['10.0.3.1', '10.0.3.2'] })] }),
    ];
    const { result, findings } = run(healthy({ endpointSlices: slices }));
    expect(findings).toEqual([]);
    expect(result[0]).toMatchObject({ status: 'OK', readyEndpoints: 2, notReadyEndpoints: 1 });
  });

  it('counts a pod of a dual-stack Service once, not once per address family', () => {
    const dual = (podNames: string[], ready = true) => [
      endpointSlice({
        name: 'web-v4',
        addressType: 'IPv4',
        endpoints: podNames.map((p, i) => endpoint({ podName: p, ready, addresses: [`10.0.1.${i + 1}`] })),
      }),
      endpointSlice({
        name: 'web-v6',
        addressType: 'IPv6',
        endpoints: podNames.map((p, i) => endpoint({ podName: p, ready, addresses: [`fd00::${i + 1}`] })),
      }),
    ];
    expect(run(healthy({ endpointSlices: dual(['web-1', 'web-2']) })).result[0]).toMatchObject({ readyEndpoints: 2, notReadyEndpoints: 0 });
    expect(run(healthy({ endpointSlices: dual(['web-1'], false) })).result[0]).toMatchObject({ readyEndpoints: 0, notReadyEndpoints: 1 });
  });

  it('counts a pod listed twice in one family once (slices being rebalanced)', () => {
    const slices = ['web-a', 'web-b'].map((name) => endpointSlice({ name, endpoints: [endpoint({ podName: 'web-1' })] }));
    expect(run(healthy({ endpointSlices: slices })).result[0]).toMatchObject({ readyEndpoints: 1 });
  });

  it('counts endpoints without a pod only in the primary family, IPv4 preferred, else IPv6', () => {
    const v4 = endpointSlice({ name: 'web-v4', addressType: 'IPv4', endpoints: [endpoint({ addresses: ['10.0.0.1'] })] });
    const v6 = endpointSlice({ name: 'web-v6', addressType: 'IPv6', endpoints: [endpoint({ addresses: ['fd00::1'] })] });
    expect(run(healthy({ endpointSlices: [v6, v4] })).result[0]).toMatchObject({ readyEndpoints: 1 });
    // An IPv6-only Service still counts: its only family is the primary one.
    expect(run(healthy({ endpointSlices: [v6] })).result[0]).toMatchObject({ status: 'OK', readyEndpoints: 1 });
  });

  it('matches the single unnamed Service port to the unnamed slice port', () => {
    const svc = service({ ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] });
    const slice = endpointSlice({ ready: 1, ports: [{ port: 8080, protocol: 'TCP' }] });
    const { result, findings } = run(healthy({ services: [svc], endpointSlices: [slice] }));
    expect(findings).toEqual([]);
    expect(result[0].readyEndpoints).toBe(1);
  });

  it('treats slices projected from Endpoints the same way', () => {
    const fromEndpoints = (ready: number) => endpointSlice({ name: 'web', ready, notReady: 1, origin: 'Endpoints' });
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'endpointslices');
    expect(run(healthy({ endpointSlices: [fromEndpoints(1)], observedKinds })).result[0]).toMatchObject({ status: 'OK', readyEndpoints: 1 });
    expect(run(healthy({ endpointSlices: [fromEndpoints(0)], observedKinds })).withCode('ingress-no-ready-endpoints')).toHaveLength(1);
  });

  it('stays quiet when neither EndpointSlices nor Endpoints were read: the path is Unknown', () => {
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'endpointslices' && k !== 'endpoints');
    const { result, findings } = run(healthy({ endpointSlices: [], observedKinds }));
    expect(findings).toEqual([]);
    expect(result[0].status).toBe('Unknown');
  });
});

describe('ingress-externalname-backend', () => {
  it('reports an ExternalName backend as info, without looking for endpoints', () => {
    const ext = service({ type: 'ExternalName', externalName: 'api.partner.com', clusterIP: undefined, ports: [] });
    const { result, findings } = run(healthy({ services: [ext], endpointSlices: [] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ingress-externalname-backend', 'info']]);
    expect(findings[0].message).toContain('api.partner.com');
    expect(result[0].status).toBe('ExternalName');
  });

  it('stays quiet for a resource backend, which has no Service chain to check', () => {
    const ing = ingress({
      rules: [{ host: 'static.example.com', paths: [{ path: '/', pathType: 'Prefix', backend: { resource: { kind: 'StorageBucket', name: 'assets', apiGroup: 'k8s.example.com' } } }] }],
    });
    const { result, findings } = run(healthy({ ingresses: [ing] }));
    expect(findings).toEqual([]);
    expect(result[0]).toMatchObject({ status: 'ResourceBackend', readyEndpoints: 0 });
    expect(result[0].service).toBeUndefined();
  });
});

describe('Ingress class', () => {
  it('ingress-class-unknown fires for spec.ingressClassName naming no IngressClass', () => {
    const { result, findings } = run(healthy({ ingresses: [ingress({ ingressClassName: 'traefik' })] }));
    // The class explains why there is no address: no ingress-no-address on top of it.
    expect(findings.map((f) => f.code)).toEqual(['ingress-class-unknown']);
    expect(findings[0].severity).toBe('critical');
    expect(findings[0].message).toContain('spec.ingressClassName names IngressClass traefik');
    expect(result[0].ingressClass).toBe('traefik');
  });

  it('does not call a legacy annotation value unknown, nor the Ingress classless: controllers match it by their own flag', () => {
    // Traefik and older ingress-nginx compare kubernetes.io/ingress.class with --ingress-class; no IngressClass needed.
    const ing = ingress({ ingressClassName: undefined, legacyClassAnnotation: 'traefik' });
    const { findings, result } = run(healthy({ ingresses: [ing] }));
    expect(findings).toEqual([]);
    expect(result[0].ingressClass).toBe('traefik');
  });

  it('an annotation-classed Ingress no controller admitted shows as ingress-no-address instead', () => {
    const ing = ingress({ ingressClassName: undefined, legacyClassAnnotation: 'traefik', loadBalancer: [] });
    expect(run(healthy({ ingresses: [ing] })).findings.map((f) => f.code)).toEqual(['ingress-no-address']);
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'ingressclasses');
    expect(run(healthy({ ingresses: [ing], ingressClasses: [], observedKinds })).findings.map((f) => f.code)).toEqual(['ingress-no-address']);
  });

  it('a legacy annotation naming an existing IngressClass resolves to it', () => {
    const ing = ingress({ ingressClassName: undefined, legacyClassAnnotation: 'nginx' });
    const { findings, result } = run(healthy({ ingresses: [ing] }));
    expect(findings).toEqual([]);
    expect(result[0].ingressClass).toBe('nginx');
  });

  it('stays quiet for a known class, and when IngressClasses were not read', () => {
    expect(run(healthy()).findings).toEqual([]);
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'ingressclasses');
    expect(run(healthy({ ingresses: [ingress({ ingressClassName: 'traefik', loadBalancer: [] })], observedKinds })).findings).toEqual([]);
  });

  it('ingress-no-class fires without a class and without a default IngressClass', () => {
    const ing = ingress({ ingressClassName: undefined });
    const { findings, result } = run(healthy({ ingresses: [ing] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ingress-no-class', 'warning']]);
    expect(result[0].ingressClass).toBeUndefined();
  });

  it('stays quiet without a class when a default IngressClass applies, and shows that class', () => {
    const ing = ingress({ ingressClassName: undefined });
    // Two defaults: admission picks the newest, whatever the order they are listed in.
    const classes = [
      ingressClass({ name: 'nginx', isDefault: true, meta: { creationTimestamp: ago(60) } }),
      ingressClass({ name: 'old-default', isDefault: true, meta: { creationTimestamp: ago(9000) } }),
    ];
    const { findings, result } = run(healthy({ ingresses: [ing], ingressClasses: classes }));
    expect(findings).toEqual([]);
    expect(result[0].ingressClass).toBe('nginx');
  });

  it('breaks a creation-time tie between default IngressClasses by name, like default StorageClasses', () => {
    const ing = ingress({ ingressClassName: undefined });
    const same = ago(600);
    const classes = [
      ingressClass({ name: 'zeta', isDefault: true, meta: { creationTimestamp: same } }),
      ingressClass({ name: 'alpha', isDefault: true, meta: { creationTimestamp: same } }),
    ];
    expect(run(healthy({ ingresses: [ing], ingressClasses: classes })).result[0].ingressClass).toBe('alpha');
    expect(run(healthy({ ingresses: [ing], ingressClasses: [...classes].reverse() })).result[0].ingressClass).toBe('alpha');
  });

  it('compares creation times as instants, not as strings', () => {
    const ing = ingress({ ingressClassName: undefined });
    // 12:00+02:00 is 10:00Z, older than 11:00Z, though it sorts later as a string.
    const classes = [
      ingressClass({ name: 'offset', isDefault: true, meta: { creationTimestamp: '2025-06-01T12:00:00+02:00' } }),
      ingressClass({ name: 'utc', isDefault: true, meta: { creationTimestamp: '2025-06-01T11:00:00Z' } }),
    ];
    expect(run(healthy({ ingresses: [ing], ingressClasses: classes })).result[0].ingressClass).toBe('utc');
  });
});

describe('ingress-tls-secret-missing', () => {
  const tls = [{ hosts: ['web.example.com'], secretName: 'web-tls' }];

  it('fires when the TLS Secret does not exist', () => {
    const { findings, result } = run(healthy({ ingresses: [ingress({ tls })] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ingress-tls-secret-missing', 'warning']]);
    expect(findings[0].message).toContain('TLS Secret web-tls for web.example.com does not exist');
    expect(result[0].tls).toBe(true);
  });

  it('stays quiet when the Secret exists, or when Secrets were not read in the namespace', () => {
    expect(run(healthy({ ingresses: [ingress({ tls })], secrets: [secret({ name: 'web-tls' })] })).findings).toEqual([]);
    const unread = healthy({
      ingresses: [ingress({ tls })],
      incomplete: [{ kind: 'secrets', namespace: 'default', reason: 'forbidden', message: 'secrets is forbidden' }],
    });
    const { findings, result } = run(unread);
    expect(findings).toEqual([]);
    expect(result[0].tls).toBe(true);
  });
});

describe('ingress-no-address', () => {
  it('fires when the class is known but the controller never published an address', () => {
    const { findings, result } = run(healthy({ ingresses: [ingress({ loadBalancer: [] })] }));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['ingress-no-address', 'warning']]);
    expect(result[0].address).toBeUndefined();
  });

  it('stays quiet for an Ingress created a minute ago: the controller has not got to it yet', () => {
    const young = ingress({ loadBalancer: [], meta: { creationTimestamp: ago(60) } });
    expect(run(healthy({ ingresses: [young] })).findings).toEqual([]);
  });
});

describe('paths of an Ingress no controller serves', () => {
  it('show NoController, keeping the backend status apart, and count as failing in the summary', () => {
    const parts = healthy({ ingresses: [ingress({ ingressClassName: 'traefik' })] });
    const { result } = run(parts);
    expect(result[0]).toMatchObject({ status: 'NoController', backendStatus: 'OK', readyEndpoints: 2, ingressClass: 'traefik' });
    const report = analyze(parts);
    expect(report.summary.ingresses).toEqual({ total: 1, paths: 1, failingPaths: 1 });
  });

  it('stay OK for a known class, and keep the backend status when IngressClasses were not read', () => {
    const known = analyze(healthy());
    expect(known.ingresses[0].status).toBe('OK');
    expect(known.ingresses[0].backendStatus).toBeUndefined();
    expect(known.summary.ingresses.failingPaths).toBe(0);
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'ingressclasses');
    const unread = analyze(healthy({ ingresses: [ingress({ ingressClassName: 'traefik' })], ingressClasses: [], observedKinds }));
    expect(unread.ingresses[0].status).toBe('OK');
    expect(unread.summary.ingresses.failingPaths).toBe(0);
  });
});

describe('unread endpoints are Unknown, never NoReadyEndpoints', () => {
  it('shows Unknown with zero counts and counts no failing path', () => {
    const observedKinds = snapshotOf().observedKinds.filter((k) => k !== 'endpointslices' && k !== 'endpoints');
    const report = analyze(healthy({ endpointSlices: [], observedKinds }));
    expect(report.ingresses[0]).toMatchObject({ status: 'Unknown', readyEndpoints: 0 });
    expect(report.findings.map((f) => f.code)).toEqual([]);
    expect(report.summary.ingresses.failingPaths).toBe(0);
  });
});

describe('an Ingress without class that only the default class would cover', () => {
  it('says, when it has no address, that the default is written at creation only', () => {
    const ing = ingress({ ingressClassName: undefined, loadBalancer: [] });
    const [f] = run(healthy({ ingresses: [ing], ingressClasses: [ingressClass({ name: 'nginx', isDefault: true })] })).findings;
    expect(f.code).toBe('ingress-no-address');
    expect(f.message).toContain('the default IngressClass nginx is written into Ingresses only when they are created');
    expect(f.hint).toContain('Set spec.ingressClassName: nginx');
  });

  it('keeps the plain message for an Ingress that names its class', () => {
    const [f] = run(healthy({ ingresses: [ingress({ loadBalancer: [] })] })).findings;
    expect(f.message).not.toContain('names no class');
  });
});
