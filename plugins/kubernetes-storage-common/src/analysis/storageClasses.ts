// StorageClass findings and the report's class view: the default class that claims without a class rely on.
import type { StorageClassView } from '../model/report';
import type { AnalysisContext } from './context';
import { effectiveDefaultClass } from './defaultClass';
import { BINDING_MODES, describeUnknown, RECLAIM_POLICIES, unknownDetails, unknownFields } from './knownValues';
import { claimObjectRef, refOf } from './refs';
import { plural } from '../util/plural';

/** At most this many affected claims are listed in `related`; `details.claims` has the full count. */
const RELATED_LIMIT = 10;

export function analyzeStorageClasses(ctx: AnalysisContext): StorageClassView[] {
  const { snapshot } = ctx;
  const claimsByClass = countBy(snapshot.persistentVolumeClaims.map((c) => c.storageClassName));
  const volumesByClass = countBy(snapshot.persistentVolumes.map((v) => v.storageClassName));
  checkDefaults(ctx);
  for (const sc of snapshot.storageClasses) {
    // In a scoped report a class matters only to the claims in scope that name it.
    if (ctx.options.scope !== undefined && !claimsByClass.has(sc.meta.name)) continue;
    const fields = unknownFields([
      ['reclaimPolicy', sc.reclaimPolicy, RECLAIM_POLICIES],
      ['volumeBindingMode', sc.volumeBindingMode, BINDING_MODES],
    ]);
    if (fields.length === 0) continue;
    ctx.emit({
      code: 'storageclass-unknown-value',
      object: refOf('StorageClass', sc.meta),
      message: `StorageClass ${sc.meta.name} has ${describeUnknown(fields)}: Pending claims of this class are not diagnosed.`,
      details: unknownDetails(fields),
    });
  }
  return snapshot.storageClasses
    .map((sc) => ({
      name: sc.meta.name,
      provisioner: sc.provisioner,
      reclaimPolicy: sc.reclaimPolicy,
      volumeBindingMode: sc.volumeBindingMode,
      allowVolumeExpansion: sc.allowVolumeExpansion,
      isDefault: sc.isDefault,
      claims: claimsByClass.get(sc.meta.name) ?? 0,
      volumes: volumesByClass.get(sc.meta.name) ?? 0,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function countBy(names: (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

/**
 * Cluster-wide default-class problems. In a scoped report (options.scope) they are reported only when a claim
 * in scope leaves its class unset, because only such claims depend on the default.
 */
function checkDefaults(ctx: AnalysisContext): void {
  if (!ctx.observed('storageclasses')) return;
  const { snapshot, index } = ctx;
  const unset = snapshot.persistentVolumeClaims.filter((c) => c.storageClassName === undefined);
  const related = unset.slice(0, RELATED_LIMIT).map((c) => claimObjectRef(c.meta.namespace ?? '', c.meta.name));
  const scoped = ctx.options.scope !== undefined;
  if (scoped && unset.length === 0) return;
  const affected = unset.length
    ? ` ${unset.length} claim${unset.length === 1 ? '' : 's'} without a class depend${unset.length === 1 ? 's' : ''} on it.`
    : '';

  const defaults = index.defaultStorageClasses;
  if (defaults.length === 0 && (snapshot.storageClasses.length > 0 || unset.length > 0)) {
    ctx.emit({
      code: 'storageclass-no-default',
      object: { kind: 'StorageClass', name: '(default)' },
      message:
        `No StorageClass is marked default (${plural(snapshot.storageClasses.length, 'class', 'classes')} ${snapshot.storageClasses.length === 1 ? 'exists' : 'exist'}): claims without ` +
        `storageClassName stay Pending.${affected}`,
      hint: 'kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true',
      ...(related.length ? { related } : {}),
      details: { claims: unset.length, classes: snapshot.storageClasses.length },
    });
  } else if (defaults.length > 1) {
    const winner = effectiveDefaultClass(index);
    const others = defaults.filter((d) => d !== winner).map((d) => d.meta.name).sort();
    if (!winner) return;
    ctx.emit({
      code: 'storageclass-multiple-defaults',
      object: refOf('StorageClass', winner.meta),
      message:
        `${defaults.length} StorageClasses are marked default (${[winner.meta.name, ...others].join(', ')}); since ` +
        `Kubernetes 1.26 the newest, ${winner.meta.name}, wins for claims without a class.${affected}`,
      hint: `Set storageclass.kubernetes.io/is-default-class to "false" on ${others.join(', ')} (or on the one you do not want).`,
      related: [...others.map((name) => ({ kind: 'StorageClass', name })), ...related],
      details: { defaults: defaults.length, winner: winner.meta.name, claims: unset.length },
    });
  }
}
