import { endpoints, endpointSlice, ingress, ingressClass, node, secret, service } from '@kubectl-storage/test-fixtures';
import { projectIngressClass, projectNode, projectSecret } from './cluster';
import { projectEndpoints } from './endpoints';
import { projectEndpointSlice } from './endpointSlice';
import { projectIngress } from './ingress';
import { projectService } from './service';

describe('projectService', () => {
  it('marks clusterIP None as headless and defaults targetPort to port', () => {
    const raw = service('ns', 'db', { headless: true, ports: [{ name: 'pg', port: 5432 }] });
    delete raw.spec.ports[0].targetPort;
    expect(projectService(raw)).toMatchObject({ type: 'ClusterIP', clusterIP: 'None', headless: true, ports: [{ name: 'pg', port: 5432, targetPort: 5432, protocol: 'TCP' }] });
  });

  it('keeps named target ports and ExternalName targets', () => {
    expect(projectService(service('ns', 'api', { ports: [{ port: 80, targetPort: 'http' }] })).ports[0].targetPort).toBe('http');
    const ext = projectService(service('ns', 'ext', { type: 'ExternalName', externalName: 'db.example.com' }));
    expect(ext).toMatchObject({ type: 'ExternalName', externalName: 'db.example.com', headless: false, ports: [] });
  });
});

describe('projectEndpointSlice', () => {
  it('treats an unset ready condition as ready and an explicit false as not ready', () => {
    const slice = projectEndpointSlice(
      endpointSlice('ns', 'web-1', {
        serviceName: 'web',
        endpoints: [
          { addresses: ['10.0.0.1'], podName: 'web-a', nodeName: 'n1' },
          { addresses: ['10.0.0.2'], ready: false, serving: true, terminating: true },
        ],
      }),
    );
    expect(slice).toMatchObject({ serviceName: 'web', addressType: 'IPv4', origin: 'EndpointSlice', ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] });
    expect(slice.endpoints).toEqual([
      { ready: true, addresses: ['10.0.0.1'], nodeName: 'n1', podName: 'web-a' },
      { ready: false, serving: true, terminating: true, addresses: ['10.0.0.2'] },
    ]);
  });
});

describe('projectEndpoints', () => {
  it('projects v1 Endpoints into the slice shape with ready and not-ready addresses', () => {
    const slice = projectEndpoints(endpoints('ns', 'web', { ready: [{ ip: '10.0.0.1', podName: 'web-a' }], notReady: [{ ip: '10.0.0.2' }] }));
    expect(slice).toEqual({
      meta: expect.objectContaining({ name: 'web', namespace: 'ns' }),
      serviceName: 'web',
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { ready: true, addresses: ['10.0.0.1'], podName: 'web-a' },
        { ready: false, addresses: ['10.0.0.2'] },
      ],
      origin: 'Endpoints',
    });
  });

  it('gives an Endpoints object without subsets zero endpoints', () => {
    expect(projectEndpoints(endpoints('ns', 'idle')).endpoints).toEqual([]);
  });
});

describe('projectIngress', () => {
  it('projects rules, backends by number and by name, TLS, addresses and the legacy class annotation', () => {
    const ing = projectIngress(
      ingress('shop', 'front', {
        classAnnotation: 'nginx',
        rules: [{ host: 'shop.example.com', paths: [{ path: '/', service: 'web', port: 80 }, { path: '/api', service: 'api', port: 'http', pathType: 'Exact' }] }],
        defaultBackend: { resource: { kind: 'StorageBucket', name: 'static', apiGroup: 'k8s.example.com' } },
        tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
        loadBalancer: [{ ip: '203.0.113.1' }, { hostname: 'lb.example.com' }],
      }),
    );
    expect(ing).toEqual({
      meta: expect.objectContaining({ name: 'front', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }),
      legacyClassAnnotation: 'nginx',
      defaultBackend: { resource: { kind: 'StorageBucket', name: 'static', apiGroup: 'k8s.example.com' } },
      rules: [
        {
          host: 'shop.example.com',
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', portNumber: 80 } } },
            { path: '/api', pathType: 'Exact', backend: { service: { name: 'api', portName: 'http' } } },
          ],
        },
      ],
      tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }],
      loadBalancer: ['203.0.113.1', 'lb.example.com'],
    });
  });

  it('keeps a host-less rule without a host and the class name', () => {
    const ing = projectIngress(ingress('ns', 'i', { ingressClassName: 'traefik', rules: [{ paths: [{ service: 'web' }] }] }));
    expect(ing.ingressClassName).toBe('traefik');
    expect(ing.rules[0]).not.toHaveProperty('host');
  });
});

describe('cluster-scoped and metadata-only kinds', () => {
  it('projects IngressClass controller and default annotation', () => {
    expect(projectIngressClass(ingressClass('nginx', { isDefault: true }))).toMatchObject({ controller: 'k8s.io/ingress-nginx', isDefault: true });
    expect(projectIngressClass(ingressClass('other')).isDefault).toBe(false);
  });

  it('projects Node readiness and cordoning', () => {
    expect(projectNode(node('a'))).toMatchObject({ ready: true, unschedulable: false });
    expect(projectNode(node('b', { ready: false, unschedulable: true }))).toMatchObject({ ready: false, unschedulable: true });
  });

  it('never keeps Secret data', () => {
    const s = projectSecret(secret('ns', 'tls', { data: { 'tls.key': 'c2VjcmV0' } }));
    expect(s).toEqual({ meta: expect.objectContaining({ name: 'tls', namespace: 'ns' }), type: 'kubernetes.io/tls' });
    expect(JSON.stringify(s)).not.toContain('c2VjcmV0');
  });

  it('accepts PartialObjectMetadata items of a metadata-only secrets list', () => {
    const partial = { apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: { name: 'tls', namespace: 'ns' } };
    expect(projectSecret(partial)).toEqual({ meta: { name: 'tls', namespace: 'ns' } });
  });
});
