import type { TemplateContainer } from '../model/probes';
import type { StatefulSet, VolumeClaimTemplate } from '../model/snapshot';
import { projectLabelSelector } from './labelSelector';
import { projectMeta } from './meta';
import { projectPodVolumes } from './podVolumes';
import { projectTemplateContainers } from './probes';
import { asRecord, compact, nonEmpty, num, oneOf, quantity, recordAt, records, str, strings, type RawRecord } from './raw';

function claimTemplates(spec: RawRecord): VolumeClaimTemplate[] {
  const out: VolumeClaimTemplate[] = [];
  for (const t of records(spec.volumeClaimTemplates)) {
    const name = nonEmpty(recordAt(t, 'metadata')?.name);
    if (name === undefined) continue;
    const tspec = asRecord(t.spec) ?? {};
    out.push(
      compact<VolumeClaimTemplate>({
        name,
        storageClassName: str(tspec.storageClassName),
        requestedStorage: quantity(recordAt(tspec, 'resources', 'requests')?.storage),
        accessModes: strings(tspec.accessModes),
      }),
    );
  }
  return out;
}

function updateStrategy(spec: RawRecord): StatefulSet['updateStrategy'] {
  const raw = asRecord(spec.updateStrategy) ?? {};
  const type = oneOf(raw.type, ['RollingUpdate', 'OnDelete'], 'RollingUpdate');
  if (type === 'OnDelete') return { type };
  const rolling = asRecord(raw.rollingUpdate) ?? {};
  const maxUnavailable = num(rolling.maxUnavailable) ?? str(rolling.maxUnavailable);
  // The API server fills in partition 0 for RollingUpdate; do the same so dumps of hand-made objects match.
  return compact<StatefulSet['updateStrategy']>({ type, partition: num(rolling.partition) ?? 0, maxUnavailable });
}

/**
 * The newest managedFields time of a write to the object itself. Status writes (subresource "status", the
 * controller's own) are left out: the question is when the spec last changed.
 */
function specChangedAt(metadata: RawRecord | undefined): string | undefined {
  let newest: string | undefined;
  let newestMs = -Infinity;
  for (const mf of records(metadata?.managedFields)) {
    if (mf.subresource === 'status') continue;
    const time = nonEmpty(mf.time);
    const ms = time === undefined ? NaN : Date.parse(time);
    if (!Number.isNaN(ms) && ms > newestMs) {
      newest = time;
      newestMs = ms;
    }
  }
  return newest;
}

/** The template's containers with their probes; undefined for a template without containers (a trimmed dump). */
function templateContainers(podSpec: RawRecord): TemplateContainer[] | undefined {
  const containers = projectTemplateContainers(podSpec);
  return containers.length ? containers : undefined;
}

export function projectStatefulSet(raw: unknown): StatefulSet {
  const meta = projectMeta(raw, 'StatefulSet', true);
  const obj = asRecord(raw)!;
  const spec = asRecord(obj.spec) ?? {};
  const status = asRecord(obj.status) ?? {};
  const retention = asRecord(spec.persistentVolumeClaimRetentionPolicy) ?? {};
  return compact<StatefulSet>({
    meta,
    replicas: num(spec.replicas) ?? 1,
    minReadySeconds: num(spec.minReadySeconds) ?? 0,
    specChangedAt: specChangedAt(recordAt(obj, 'metadata')),
    serviceName: nonEmpty(spec.serviceName),
    podManagementPolicy: oneOf(spec.podManagementPolicy, ['OrderedReady', 'Parallel'], 'OrderedReady'),
    updateStrategy: updateStrategy(spec),
    ordinalsStart: num(recordAt(spec, 'ordinals')?.start) ?? 0,
    selector: projectLabelSelector(spec.selector),
    volumeClaimTemplates: claimTemplates(spec),
    pvcRetentionPolicy: {
      whenDeleted: oneOf(retention.whenDeleted, ['Retain', 'Delete'], 'Retain'),
      whenScaled: oneOf(retention.whenScaled, ['Retain', 'Delete'], 'Retain'),
    },
    templateVolumes: projectPodVolumes(recordAt(spec, 'template', 'spec') ?? {}, undefined),
    templateContainers: templateContainers(recordAt(spec, 'template', 'spec') ?? {}),
    status: compact<StatefulSet['status']>({
      observedGeneration: num(status.observedGeneration),
      replicas: num(status.replicas) ?? 0,
      readyReplicas: num(status.readyReplicas) ?? 0,
      currentReplicas: num(status.currentReplicas) ?? 0,
      updatedReplicas: num(status.updatedReplicas) ?? 0,
      availableReplicas: num(status.availableReplicas) ?? 0,
      currentRevision: nonEmpty(status.currentRevision),
      updateRevision: nonEmpty(status.updateRevision),
    }),
  });
}
