// Checks of a StatefulSet's spec against what its guarantees need: a headless governing Service for stable
// network identity, volumeClaimTemplates for stable storage, and a controller that has seen the latest spec.
import type { GoverningServiceStatus } from '../model/report';
import type { PodVolume, StatefulSet } from '../model/snapshot';
import { humanizeAge, secondsSince } from '../util/time';
import type { AnalysisContext } from './context';
import { isWritableHostPathData } from './hostPathData';
import { MAX_REPLICAS } from './ordinals';
import { compact, refOf } from './refs';
import { key } from './snapshotIndex';

/**
 * Reports a missing or non-headless governing Service and returns what the view shows. 'missing' needs Services
 * read in the namespace; unread, the answer is 'not-read', never 'missing'. An empty serviceName is quiet (and
 * answers undefined): recent Kubernetes versions make the field optional, for sets whose members need no per-pod
 * DNS names.
 */
export function checkGoverningService(ctx: AnalysisContext, sts: StatefulSet): GoverningServiceStatus | undefined {
  const ns = sts.meta.namespace;
  if (!sts.serviceName) return undefined;
  const svc = ctx.index.serviceByKey.get(key(ns, sts.serviceName));
  const object = refOf('StatefulSet', sts.meta);
  const related = [refOf('Service', { name: sts.serviceName, namespace: ns })];
  if (!svc) {
    if (!ctx.observed('services', ns)) return 'not-read';
    ctx.emit({
      code: 'sts-service-missing',
      object,
      message: `StatefulSet ${ns}/${sts.meta.name} names Service ${sts.serviceName} in spec.serviceName, but it does not exist: its pods get no stable DNS names.`,
      hint: `Create a headless Service (clusterIP: None) named ${sts.serviceName} in ${ns} selecting the set's pods.`,
      related,
      details: { service: sts.serviceName },
    });
    return 'missing';
  }
  if (svc.headless) return 'headless';
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
  return 'not-headless';
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

/**
 * sts-generation-lag: status.observedGeneration behind metadata.generation for longer than
 * generationLagGraceSeconds. The controller writes observedGeneration on every sync, seconds after a change, so
 * a short lag is a snapshot taken mid-sync. The lag is measured from the last spec write (managedFields); without
 * that time a set younger than the grace is still settling, and an older one is reported saying the duration is
 * unknown. Returns whether the controller has not yet seen the current spec (other findings about ordinals then
 * describe an older spec and are held back).
 */
export function checkGenerationLag(ctx: AnalysisContext, sts: StatefulSet): boolean {
  const { generation } = sts.meta;
  const { observedGeneration } = sts.status;
  if (generation === undefined || observedGeneration === undefined || observedGeneration >= generation) return false;
  const grace = ctx.options.generationLagGraceSeconds;
  const sinceChange = secondsSince(sts.specChangedAt, ctx.nowMs);
  const sinceCreation = secondsSince(sts.meta.creationTimestamp, ctx.nowMs);
  if (sinceChange !== undefined ? sinceChange < grace : sinceCreation !== undefined && sinceCreation < grace) return true;
  const ns = sts.meta.namespace;
  const duration =
    sinceChange !== undefined
      ? `for ${humanizeAge(sinceChange)} since the spec last changed`
      : '(for how long is unknown: the input has no managedFields time for the last spec change, which kubectl get leaves out)';
  ctx.emit({
    code: 'sts-generation-lag',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name} is at generation ${generation} but its controller has observed only ` +
      `${observedGeneration} ${duration}: its status and pods reflect an older spec.`,
    hint:
      sinceChange !== undefined
        ? 'Check that kube-controller-manager is running and look for errors about this set in its logs.'
        : `Look again in a minute (kubectl get statefulset -n ${ns} ${sts.meta.name} -o jsonpath='{.metadata.generation} {.status.observedGeneration}'); if it still lags, check kube-controller-manager and its logs.`,
    details: compact({ generation, observedGeneration, lagSeconds: sinceChange }),
  });
  return true;
}

/**
 * sts-replicas-invalid: spec.replicas or spec.ordinals.start outside what the API server accepts. Only a
 * hand-made or damaged input holds such a value; no ordinal is then in or out of range, so no ordinal finding
 * (missing, leftover, blocked) is drawn, and the set never counts as healthy.
 */
export function reportInvalidRange(ctx: AnalysisContext, sts: StatefulSet): void {
  const ns = sts.meta.namespace;
  const problems: string[] = [];
  if (!(Number.isInteger(sts.replicas) && sts.replicas >= 0 && sts.replicas <= MAX_REPLICAS)) {
    problems.push(`spec.replicas is ${sts.replicas}, not an integer from 0 to ${MAX_REPLICAS}`);
  }
  if (!(Number.isInteger(sts.ordinalsStart) && sts.ordinalsStart >= 0)) {
    problems.push(`spec.ordinals.start is ${sts.ordinalsStart}, not an integer of 0 or more`);
  }
  ctx.emit({
    code: 'sts-replicas-invalid',
    object: refOf('StatefulSet', sts.meta),
    message:
      `StatefulSet ${ns}/${sts.meta.name}: ${problems.join('; ')}. The API server never accepts such a value, so ` +
      'this input was edited or damaged; nothing is concluded about its ordinals.',
    hint: `Compare with the live object: kubectl get statefulset -n ${ns} ${sts.meta.name} -o yaml`,
    details: { replicas: sts.replicas, ordinalsStart: sts.ordinalsStart },
  });
}
