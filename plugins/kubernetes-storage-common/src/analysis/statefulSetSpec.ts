// Checks of a StatefulSet's spec against what its guarantees need: a headless governing Service for stable
// network identity, volumeClaimTemplates for stable storage, and a controller that has seen the latest spec.
import type { PodVolume, StatefulSet } from '../model/snapshot';
import type { AnalysisContext } from './context';
import { isWritableHostPathData } from './hostPathData';
import { compact, refOf } from './refs';
import { key } from './snapshotIndex';

/**
 * Reports a missing or non-headless governing Service and returns what the view shows: true headless, false a
 * normal Service, null missing or not known. An empty serviceName is quiet: recent Kubernetes versions make the
 * field optional, for sets whose members need no per-pod DNS names.
 */
export function checkGoverningService(ctx: AnalysisContext, sts: StatefulSet): boolean | null {
  const ns = sts.meta.namespace;
  if (!sts.serviceName) return null;
  const svc = ctx.index.serviceByKey.get(key(ns, sts.serviceName));
  const object = refOf('StatefulSet', sts.meta);
  const related = [refOf('Service', { name: sts.serviceName, namespace: ns })];
  if (!svc) {
    if (ctx.observed('services', ns)) {
      ctx.emit({
        code: 'sts-service-missing',
        object,
        message: `StatefulSet ${ns}/${sts.meta.name} names Service ${sts.serviceName} in spec.serviceName, but it does not exist: its pods get no stable DNS names.`,
        hint: `Create a headless Service (clusterIP: None) named ${sts.serviceName} in ${ns} selecting the set's pods.`,
        related,
        details: { service: sts.serviceName },
      });
    }
    return null;
  }
  if (svc.headless) return true;
  ctx.emit({
    code: 'sts-service-not-headless',
    object,
    message:
      `Service ${ns}/${sts.serviceName}, the governing Service of StatefulSet ${sts.meta.name}, has clusterIP ` +
      `${svc.clusterIP ?? '(set)'} instead of None: there are no per-pod DNS names, and clients reach a random member.`,
    hint: `Recreate ${sts.serviceName} with clusterIP: None (clusterIP cannot be changed in place); keep a separate Service for load-balanced access.`,
    related,
    details: compact({ service: sts.serviceName, clusterIP: svc.clusterIP }),
  });
  return false;
}

/** Volume kinds that keep data beyond the pod and off the node: their presence means the set has real storage. */
const PERSISTENT_KINDS = new Set<PodVolume['kind']>(['persistentVolumeClaim', 'nfs', 'other']);

/**
 * emptyDir on disk and generic ephemeral volumes die with the pod. A memory-backed emptyDir is RAM scratch
 * (/dev/shm and the like), not where anyone keeps data, so it is left out.
 */
function diesWithPod(v: PodVolume): boolean {
  if (v.mounted === false) return false;
  if (v.kind === 'emptyDir') return v.medium !== 'Memory';
  return v.kind === 'ephemeral';
}

function describeVolume(v: PodVolume): string {
  return v.kind === 'hostPath' && v.path ? `${v.name} (hostPath ${v.path})` : `${v.name} (${v.kind})`;
}

/**
 * A writable hostPath outside the system paths keeps data on one node whatever else the set mounts: it is reported
 * even next to volumeClaimTemplates (pod-hostpath-data leaves the set's pods to this check). emptyDir and generic
 * ephemeral volumes are reported only when the set has no volumeClaimTemplates and no other persistent volume: next
 * to real storage they are scratch space (/tmp, caches).
 */
export function checkEphemeralData(ctx: AnalysisContext, sts: StatefulSet): void {
  const hasStorage = sts.volumeClaimTemplates.length > 0 || sts.templateVolumes.some((v) => PERSISTENT_KINDS.has(v.kind));
  const onNode = sts.templateVolumes.filter(isWritableHostPathData);
  const dies = hasStorage ? [] : sts.templateVolumes.filter(diesWithPod);
  if (onNode.length === 0 && dies.length === 0) return;
  const volumes = sts.templateVolumes.filter((v) => onNode.includes(v) || dies.includes(v));
  const ns = sts.meta.namespace;
  const consequences = [dies.length ? 'is lost when a pod is deleted or evicted' : '', onNode.length ? 'stays behind on one node when a pod moves' : '']
    .filter(Boolean)
    .join(' and ');
  const noTemplates = sts.volumeClaimTemplates.length === 0;
  ctx.emit({
    code: 'sts-ephemeral-data',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} ${noTemplates ? 'has no volumeClaimTemplates and mounts' : 'mounts'} ` +
      `${volumes.map(describeVolume).join(', ')}${noTemplates ? '' : ' writable'}: ` +
      `${noTemplates ? 'its data' : 'what it writes there'} ${consequences}.`,
    hint: 'Move the data volumes to spec.volumeClaimTemplates so each ordinal gets its own PersistentVolumeClaim.',
    details: { volumes: volumes.map((v) => v.name).join(',') },
  });
}

export function checkGenerationLag(ctx: AnalysisContext, sts: StatefulSet): void {
  const { generation } = sts.meta;
  const { observedGeneration } = sts.status;
  if (generation === undefined || observedGeneration === undefined || observedGeneration >= generation) return;
  const ns = sts.meta.namespace;
  ctx.emit({
    code: 'sts-generation-lag',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} is at generation ${generation} but its controller has observed only ` +
      `${observedGeneration}: its status and pods reflect an older spec.`,
    hint: 'If this lasts, check that kube-controller-manager is running and look for errors about this set in its logs.',
    details: { generation, observedGeneration },
  });
}
