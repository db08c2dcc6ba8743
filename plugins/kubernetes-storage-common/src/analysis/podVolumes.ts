// Risky volumes in pods: memory-backed emptyDir without a limit, the deprecated gitRepo type, and data kept on a
// node path. Reported once per controller (ReplicaSet, DaemonSet, Job...), so 500 replicas are one finding.
import type { ObjectRef } from '../model/report';
import type { Pod, PodVolume } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { isWritableHostPathData } from './hostPathData';
import { key } from './snapshotIndex';

type PodVolumeCode = 'pod-emptydir-memory-unbounded' | 'pod-gitrepo-volume' | 'pod-hostpath-data';

interface Group {
  code: PodVolumeCode;
  object: ObjectRef;
  pods: number;
  examplePod: string;
  lastPod: Pod | undefined;
  volumes: Set<string>;
}

function controllerOf(pod: Pod): { kind: string; name: string } | undefined {
  return pod.meta.ownerReferences?.find((o) => o.controller);
}

/** Which finding a volume of this pod deserves, if any. */
function codeFor(ctx: AnalysisContext, pod: Pod, v: PodVolume): PodVolumeCode | undefined {
  if (v.kind === 'emptyDir' && v.medium === 'Memory' && !v.sizeLimit) return 'pod-emptydir-memory-unbounded';
  if (v.kind === 'gitRepo') return 'pod-gitrepo-volume';
  if (isWritableHostPathData(v)) {
    const owner = controllerOf(pod);
    // Node agents (DaemonSets, static pods) use node paths by design; pods of a StatefulSet in the report are
    // covered once, from its template, by sts-ephemeral-data, which applies the same hostPath rule.
    if (owner?.kind === 'DaemonSet' || owner?.kind === 'Node') return undefined;
    if (owner?.kind === 'StatefulSet' && ctx.index.statefulSetByKey.has(key(pod.meta.namespace, owner.name))) return undefined;
    return 'pod-hostpath-data';
  }
  return undefined;
}

export function analyzePodVolumes(ctx: AnalysisContext): void {
  const groups = new Map<string, Group>();
  for (const pod of ctx.snapshot.pods) {
    for (const v of pod.volumes) {
      const code = codeFor(ctx, pod, v);
      if (!code) continue;
      const owner = controllerOf(pod) ?? { kind: 'Pod', name: pod.meta.name };
      const groupKey = `${code} ${key(pod.meta.namespace, `${owner.kind}/${owner.name}`)}`;
      let group = groups.get(groupKey);
      if (!group) {
        const object: ObjectRef = { kind: owner.kind, name: owner.name, namespace: pod.meta.namespace };
        group = { code, object, pods: 0, examplePod: pod.meta.name, lastPod: undefined, volumes: new Set() };
        groups.set(groupKey, group);
      }
      // Pods are visited one at a time, so a pod with two such volumes is counted once.
      if (group.lastPod !== pod) {
        group.lastPod = pod;
        group.pods++;
      }
      group.volumes.add(v.kind === 'hostPath' ? `${v.name} (${v.path ?? '?'})` : v.name);
    }
  }
  for (const g of groups.values()) emitGroup(ctx, g);
}

const WHAT: Record<PodVolumeCode, string> = {
  'pod-emptydir-memory-unbounded': 'a memory-backed emptyDir without sizeLimit',
  'pod-gitrepo-volume': 'the deprecated gitRepo volume type',
  'pod-hostpath-data': 'a writable hostPath: data stays on whichever node the pod last ran on',
};

const HINT: Record<PodVolumeCode, string> = {
  'pod-emptydir-memory-unbounded': 'Set emptyDir.sizeLimit in the pod template.',
  'pod-gitrepo-volume': 'Clone in an init container into an emptyDir, or use a git-sync sidecar.',
  'pod-hostpath-data': 'Keep the data on a PersistentVolumeClaim (or a local PersistentVolume with node affinity).',
};

function emitGroup(ctx: AnalysisContext, g: Group): void {
  const { kind, name, namespace } = g.object;
  const who = kind === 'Pod' ? `Pod ${namespace}/${name}` : `${g.pods} pod${g.pods === 1 ? '' : 's'} of ${kind} ${namespace}/${name}`;
  const volumes = [...g.volumes].sort();
  ctx.emit({
    code: g.code,
    object: g.object,
    message: `${who} use${kind === 'Pod' || g.pods === 1 ? 's' : ''} ${WHAT[g.code]} (volume ${volumes.join(', ')}).`,
    hint: HINT[g.code],
    ...(kind === 'Pod' ? {} : { related: [{ kind: 'Pod', name: g.examplePod, ...(namespace ? { namespace } : {}) }] }),
    details: { pods: g.pods, examplePod: g.examplePod, volumes: volumes.join(',') },
  });
}
