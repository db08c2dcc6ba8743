import { pod as rawPod } from '@kubectl-storage/test-fixtures';
import { fired } from '../__fixtures__/findings';
import { pod, statefulSet } from '../__fixtures__/snapshot';
import type { PodVolume } from '../model/snapshot';
import { projectPod } from '../projection/pod';
import { isSystemPath } from './hostPathData';

const memory: PodVolume = { name: 'cache', kind: 'emptyDir', medium: 'Memory', mounted: true };
const hostData = (path = '/data/app'): PodVolume => ({ name: 'data', kind: 'hostPath', path, mounted: true });

describe('pod-emptydir-memory-unbounded', () => {
  it('reports 500 replicas of one ReplicaSet once, with the pod count and an example pod', () => {
    const pods = Array.from({ length: 500 }, (_, i) =>
      pod({ name: `web-7d9f-${i}`, namespace: 'shop', owner: ['ReplicaSet', 'web-7d9f'], volumes: [memory, { ...memory, name: 'tmp' }] }),
    );
    const found = fired('pod-emptydir-memory-unbounded', { pods });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      object: { kind: 'ReplicaSet', name: 'web-7d9f', namespace: 'shop' },
      details: { pods: 500, examplePod: 'web-7d9f-0', volumes: 'cache,tmp' },
      related: [{ kind: 'Pod', name: 'web-7d9f-0', namespace: 'shop' }],
    });
    expect(found[0].message).toBe('500 pods of ReplicaSet shop/web-7d9f use a memory-backed emptyDir without sizeLimit (volume cache, tmp).');
  });

  it('reports a bare pod as itself', () => {
    const [f] = fired('pod-emptydir-memory-unbounded', { pods: [pod({ name: 'solo', volumes: [memory] })] });
    expect(f.object).toEqual({ kind: 'Pod', name: 'solo', namespace: 'default' });
    expect(f.message).toBe('Pod default/solo uses a memory-backed emptyDir without sizeLimit (volume cache).');
  });

  it('stays quiet with a sizeLimit or on disk', () => {
    const pods = [pod({ volumes: [{ ...memory, sizeLimit: '256Mi' }, { name: 'disk', kind: 'emptyDir', mounted: true }] })];
    expect(fired('pod-emptydir-memory-unbounded', { pods })).toEqual([]);
  });
});

describe('pod-gitrepo-volume', () => {
  it('fires for a gitRepo volume', () => {
    const pods = [pod({ owner: ['Job', 'build'], volumes: [{ name: 'src', kind: 'gitRepo', mounted: true }] })];
    expect(fired('pod-gitrepo-volume', { pods })[0].object).toEqual({ kind: 'Job', name: 'build', namespace: 'default' });
  });
  it('stays quiet for configMap and secret volumes', () => {
    const pods = [pod({ volumes: [{ name: 'cfg', kind: 'configMap' }, { name: 's', kind: 'secret' }] })];
    expect(fired('pod-gitrepo-volume', { pods })).toEqual([]);
  });
});

describe('pod-hostpath-data', () => {
  it('fires for a Deployment pod writing to a node path', () => {
    const [f] = fired('pod-hostpath-data', { pods: [pod({ owner: ['ReplicaSet', 'api-5c'], volumes: [hostData()] })] });
    expect(f.message).toContain('a writable hostPath: data stays on whichever node the pod last ran on (volume data (/data/app))');
  });

  it('fires for pods of a StatefulSet that is not in the snapshot', () => {
    const pods = [pod({ name: 'db-0', owner: ['StatefulSet', 'db'], volumes: [hostData()] })];
    expect(fired('pod-hostpath-data', { pods })[0].object).toEqual({ kind: 'StatefulSet', name: 'db', namespace: 'default' });
  });

  it('stays quiet for DaemonSets, static pods, system paths, read-only mounts and StatefulSets the set-level check covers', () => {
    const db = statefulSet({ name: 'db' });
    const pods = [
      pod({ name: 'agent', owner: ['DaemonSet', 'fluent-bit'], volumes: [hostData('/data/buffer')] }),
      pod({ name: 'etcd-node1', owner: ['Node', 'node1'], volumes: [hostData('/var/lib/etcd')] }),
      pod({ name: 'logs', owner: ['ReplicaSet', 'x'], volumes: [hostData('/var/log/pods')] }),
      pod({ name: 'ro', owner: ['ReplicaSet', 'y'], volumes: [{ ...hostData(), readOnly: true }] }),
      pod({ name: 'db-0', owner: ['StatefulSet', 'db'], volumes: [hostData()] }),
    ];
    expect(fired('pod-hostpath-data', { statefulSets: [db], pods })).toEqual([]);
  });

  it('reads "writable" from the pod\'s volumeMounts: a hostPath every container mounts readOnly is quiet', () => {
    // The hostPath source has no readOnly field; only the mounts can say the pod does not write there.
    const projected = (readOnly: boolean) => {
      const raw = rawPod('shop', 'api-5c-x', { controller: { kind: 'ReplicaSet', name: 'api-5c' }, volumes: [{ name: 'data', hostPath: { path: '/data/app' } }] });
      raw.spec.containers[0].volumeMounts = [{ name: 'data', mountPath: '/data', ...(readOnly ? { readOnly: true } : {}) }];
      return projectPod(raw);
    };
    expect(fired('pod-hostpath-data', { pods: [projected(false)] })).toHaveLength(1);
    expect(fired('pod-hostpath-data', { pods: [projected(true)] })).toEqual([]);
  });

  it('treats /usr and /lib as system paths too', () => {
    const pods = [
      pod({ name: 'a', owner: ['ReplicaSet', 'a'], volumes: [hostData('/usr/share/zoneinfo')] }),
      pod({ name: 'b', owner: ['ReplicaSet', 'b'], volumes: [hostData('/lib/modules')] }),
      pod({ name: 'c', owner: ['ReplicaSet', 'c'], volumes: [hostData('/library/data')] }),
    ];
    expect(fired('pod-hostpath-data', { pods }).map((f) => f.object.name)).toEqual(['c']);
  });

  it('recognises system paths by whole path segments', () => {
    expect(isSystemPath('/var/log')).toBe(true);
    expect(isSystemPath('/var/log/')).toBe(true);
    expect(isSystemPath('/')).toBe(true);
    expect(isSystemPath('/var/logs-app')).toBe(false);
    expect(isSystemPath('/srv/data')).toBe(false);
  });
});
