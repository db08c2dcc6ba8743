import { configMap, endpoints, endpointSlice, persistentVolume, pod, sampleCluster, service } from '@kubectl-storage/test-fixtures';
import { KIND_OF, kindOf, listPath } from './resources';
import { projectObject } from './projectObject';
import { buildSnapshot } from './snapshotBuilder';

const source = { type: 'file' as const, files: ['dump.json'] };
/** The core reads no clock: every snapshot is dated by its caller. */
const AT = '2024-02-01T00:00:00Z';

describe('KIND_OF and projectObject', () => {
  it('maps apiVersion+kind to the resource, v1 Endpoints included', () => {
    expect(KIND_OF['v1/Endpoints']).toBe('endpoints');
    expect(kindOf('discovery.k8s.io/v1', 'EndpointSlice')).toBe('endpointslices');
    expect(kindOf('apps/v1', 'StatefulSet')).toBe('statefulsets');
    // Same kind name, other group: not ours.
    expect(kindOf('apps/v1', 'Pod')).toBeUndefined();
    expect(kindOf('v1', 'toString')).toBeUndefined();
  });

  it('projects v1 Endpoints into the EndpointSlice shape with origin Endpoints', () => {
    expect(projectObject(endpoints('ns', 'web'))).toMatchObject({ kind: 'endpoints', object: { origin: 'Endpoints', serviceName: 'web' } });
  });

  it('ignores kinds the product does not read and non-objects', () => {
    expect(projectObject(configMap('ns', 'cfg'))).toBeUndefined();
    expect(projectObject('text')).toBeUndefined();
    expect(projectObject(null)).toBeUndefined();
  });

  it('builds list paths for cluster-wide and per-namespace LISTs', () => {
    expect(listPath('pods')).toBe('/api/v1/pods');
    expect(listPath('pods', 'shop')).toBe('/api/v1/namespaces/shop/pods');
    expect(listPath('statefulsets', 'data')).toBe('/apis/apps/v1/namespaces/data/statefulsets');
    // Cluster-scoped kinds have no namespaced path.
    expect(listPath('persistentvolumes', 'shop')).toBe('/api/v1/persistentvolumes');
  });
});

describe('buildSnapshot', () => {
  it('projects every read kind of a realistic mix and records the kinds it saw', () => {
    const s = buildSnapshot(sampleCluster(), source, { collectedAt: '2024-02-01T00:00:00Z' });
    expect(s.collectedAt).toBe('2024-02-01T00:00:00Z');
    expect(s.source).toEqual(source);
    expect(s.persistentVolumes.map((p) => p.meta.name)).toEqual(['local-a', 'pvc-db-0', 'pvc-db-1', 'pvc-old', 'pvc-uploads']);
    expect(s.pods.map((p) => `${p.meta.namespace}/${p.meta.name}`)).toEqual(['data/db-0', 'data/db-1', 'shop/web-5d8f7-abcde']);
    expect(s.secrets).toHaveLength(1);
    expect(s.observedKinds).toEqual([
      'persistentvolumes',
      'persistentvolumeclaims',
      'storageclasses',
      'pods',
      'statefulsets',
      'services',
      'endpointslices',
      'events',
      'ingresses',
      'ingressclasses',
      'csidrivers',
      'nodes',
      'secrets',
    ]);
    expect(s.incomplete).toEqual([]);
  });

  it('gives the same snapshot whatever the input order', () => {
    const objects = sampleCluster();
    const a = buildSnapshot(objects, source, { collectedAt: 't' });
    const b = buildSnapshot([...objects].reverse(), source, { collectedAt: 't' });
    expect(b).toEqual(a);
  });

  it('keeps an object seen twice once, the later copy winning', () => {
    const first = persistentVolume('pv-1', { phase: 'Available' });
    const second = persistentVolume('pv-1', { phase: 'Released' });
    const s = buildSnapshot([first, second], source, { collectedAt: AT });
    expect(s.persistentVolumes).toHaveLength(1);
    expect(s.persistentVolumes[0].phase).toBe('Released');
  });

  it('keeps only the requested namespaces, cluster-scoped objects always', () => {
    const s = buildSnapshot(sampleCluster(), source, { collectedAt: AT, namespaces: ['shop'] });
    expect(s.namespaces).toEqual(['shop']);
    expect(new Set(s.pods.map((p) => p.meta.namespace))).toEqual(new Set(['shop']));
    expect(s.persistentVolumes).toHaveLength(5);
    expect(s.statefulSets).toEqual([]);
  });

  it('uses Endpoints only when no EndpointSlice was read, and then counts endpoint data as observed', () => {
    const onlyEndpoints = buildSnapshot([service('ns', 'web'), endpoints('ns', 'web', { ready: [{ ip: '10.0.0.1' }] })], source, { collectedAt: AT });
    expect(onlyEndpoints.endpointSlices).toHaveLength(1);
    expect(onlyEndpoints.endpointSlices[0].origin).toBe('Endpoints');
    expect(onlyEndpoints.observedKinds).toEqual(['services', 'endpointslices', 'endpoints']);

    const both = buildSnapshot(
      [endpoints('ns', 'web', { ready: [{ ip: '10.0.0.1' }] }), endpointSlice('ns', 'web-x', { serviceName: 'web', endpoints: [{ addresses: ['10.0.0.1'] }] })],
      source,
      { collectedAt: AT },
    );
    expect(both.endpointSlices.map((e) => e.origin)).toEqual(['EndpointSlice']);
    expect(both.observedKinds).toEqual(['endpointslices']);
  });

  it('passes observedKinds, incomplete and namespaces given by the caller through', () => {
    const s = buildSnapshot([pod('ns', 'a')], source, {
      collectedAt: AT,
      observedKinds: ['pods', 'services'],
      incomplete: [{ kind: 'secrets', reason: 'forbidden', message: 'secrets is forbidden' }],
    });
    expect(s.observedKinds).toEqual(['pods', 'services']);
    expect(s.incomplete).toEqual([{ kind: 'secrets', reason: 'forbidden', message: 'secrets is forbidden' }]);
  });

  it('throws the ProjectionError of a malformed object of a read kind', () => {
    expect(() => buildSnapshot([{ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'ns' } }], source, { collectedAt: AT })).toThrow('Pod without metadata.name');
  });
});
