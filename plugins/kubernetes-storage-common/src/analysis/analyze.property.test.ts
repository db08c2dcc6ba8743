// Properties of buildSnapshot + analyze over random and malformed RAW API objects (see rawObjects.arbitrary.ts):
// never a throw, work bounded by the objects present, the same report for the same objects in any order, and
// every finding about an object the snapshot holds.
import fc from 'fast-check';
import { ProjectionError } from '../projection/errors';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { kindOf } from '../projection/resources';
import { rawObject, rawObjects, SHELL_HOSTILE_NAMES, unidentified } from '../__fixtures__/rawObjects.arbitrary';
import { COLLECTED_AT, SOURCE, assertProperty, hasRef, numbersIn, objectCount, objectKeys, ordinalRows } from '../__fixtures__/properties';
import { MISSING_ORDINAL_ROWS } from './statefulSets';
import { analyze } from './analyze';
import type { Finding, StorageReport } from '../model/report';
import type { Snapshot } from '../model/snapshot';

const build = (raw: unknown[]): Snapshot => buildSnapshot(raw, SOURCE, { collectedAt: COLLECTED_AT });

/** One raw object per identity (the builder keeps the later of two copies of one object: that is order, by design). */
function uniqueIdentities(raw: unknown[]): unknown[] {
  const seen = new Set<string>();
  return raw.filter((o) => {
    const r = o as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
    const kind = kindOf(r?.apiVersion, r?.kind);
    if (kind === undefined) return true;
    const id = `${kind}/${String(r?.metadata?.namespace)}/${String(r?.metadata?.name)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

describe('analyze over random raw objects (property)', () => {
  it('never throws, and every number in the report is finite', () => {
    assertProperty(
      fc.property(rawObjects(), (raw) => {
        const report = analyze(build(raw));
        const bad = numbersIn(report).filter((n) => !Number.isFinite(n));
        expect(bad).toEqual([]);
        expect(() => JSON.stringify(report)).not.toThrow();
      }),
    );
  });

  it('an object of a read kind without its identity is a one-line ProjectionError, whatever else is in the input', () => {
    assertProperty(
      fc.property(rawObjects(10), unidentified, fc.nat(10), (raw, bad, at) => {
        const input = [...raw.slice(0, at), bad, ...raw.slice(at)];
        let error: unknown;
        try {
          build(input);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ProjectionError);
        expect((error as Error).message).not.toContain('\n');
      }),
      60,
    );
  });

  it('work is bounded by the objects present, never by numbers inside them (replicas 2147483647, capacity 1e99)', () => {
    assertProperty(
      fc.property(rawObjects(), (raw) => {
        const snapshot = build(raw);
        const report = analyze(snapshot);
        const objects = objectCount(snapshot);
        expect(report.volumes).toHaveLength(snapshot.persistentVolumes.length);
        expect(report.claims).toHaveLength(snapshot.persistentVolumeClaims.length);
        expect(report.statefulSets).toHaveLength(snapshot.statefulSets.length);
        expect(report.storageClasses).toHaveLength(snapshot.storageClasses.length);
        // Ordinal rows: one per pod or claim an ordinal has, plus at most MISSING_ORDINAL_ROWS Missing rows a set.
        const perSetRows = MISSING_ORDINAL_ROWS + snapshot.pods.length + snapshot.persistentVolumeClaims.length;
        expect(ordinalRows(report)).toBeLessThanOrEqual(snapshot.statefulSets.length * perSetRows);
        // One row per path of an Ingress (rules' paths and the default backend).
        const paths = snapshot.ingresses.reduce((n, i) => n + i.rules.reduce((p, r) => p + r.paths.length, 0) + (i.defaultBackend ? 1 : 0), 0);
        expect(report.ingresses.length).toBeLessThanOrEqual(paths);
        // Findings: a few per object at most (each object's own checks plus one cluster-level default-class one).
        expect(report.findings.length).toBeLessThanOrEqual(6 * objects + 2);
        for (const f of report.findings) expect(f.related?.length ?? 0).toBeLessThanOrEqual(objects);
        // The printed report stays proportional too: no message or ranges text grows with a number in the input.
        const inputChars = JSON.stringify(raw.map((o) => o ?? null)).length;
        expect(JSON.stringify(report).length).toBeLessThanOrEqual(40 * inputChars + 20_000);
      }),
    );
  });

  it('is deterministic and independent of input order', () => {
    assertProperty(
      fc.property(
        rawObjects().map(uniqueIdentities).chain((raw) => fc.tuple(fc.constant(raw), fc.shuffledSubarray(raw, { minLength: raw.length, maxLength: raw.length }))),
        ([raw, shuffled]) => {
          const first = analyze(build(raw));
          expect(analyze(build(raw))).toEqual(first);
          expect(analyze(build(shuffled))).toEqual(first);
        },
      ),
      100,
    );
  });

  it('every finding is about an object of the snapshot (documented exceptions aside); related refs name what is read or what the object names', () => {
    assertProperty(
      fc.property(rawObjects(), (raw) => {
        const snapshot = build(raw);
        const report = analyze(snapshot);
        const keys = objectKeys(snapshot);
        for (const f of report.findings) expect(pointsIntoSnapshot(f, snapshot, keys)).toEqual([]);
      }),
    );
  });

  it('no hint prints a name a shell would act on (a dump\'s names no API server accepts)', () => {
    assertProperty(
      fc.property(rawObjects(), (raw) => {
        const report = analyze(build(raw));
        const leaks = report.findings.filter((f) => f.hint && SHELL_HOSTILE_NAMES.some((n) => f.hint!.includes(n)));
        expect(leaks.map((f) => `${f.code}: ${f.hint}`)).toEqual([]);
      }),
    );
  });

  it('the same holds one object at a time (each kind alone, no joins to lean on)', () => {
    assertProperty(
      fc.property(rawObject, (one) => {
        const snapshot = build([one]);
        const report: StorageReport = analyze(snapshot);
        const keys = objectKeys(snapshot);
        for (const f of report.findings) expect(pointsIntoSnapshot(f, snapshot, keys)).toEqual([]);
      }),
      200,
    );
  });
});

/**
 * The rule a finding's references follow, as problems (empty when it holds):
 * - `object` is an object of the snapshot, with two documented exceptions: storageclass-no-default is about the
 *   missing default ("(default)"), and the pod-volume findings (pod-hostpath-data, pod-emptydir-memory-unbounded,
 *   pod-gitrepo-volume) are about a pod's controller as its ownerReferences name it (a ReplicaSet, a Job: kinds
 *   the product does not read), with `related` naming a pod of the snapshot that the controller owns;
 * - each `related` ref is an object of the snapshot, or one the finding's object names (a claim's volumeName or
 *   storageClassName, a set's serviceName or ordinal pods and claims, an Ingress's backend Service or TLS Secret,
 *   a pod's mounted claims): the absence-based findings (volume gone, Service missing) name what is missing.
 */
function pointsIntoSnapshot(f: Finding, snapshot: Snapshot, keys: Set<string>): string[] {
  const problems: string[] = [];
  const where = `${f.code} on ${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name}`;
  const podVolumeCodes = ['pod-hostpath-data', 'pod-emptydir-memory-unbounded', 'pod-gitrepo-volume'];
  if (f.code === 'storageclass-no-default') {
    if (f.object.kind !== 'StorageClass' || f.object.name !== '(default)') problems.push(`${where}: not the (default) placeholder`);
  } else if (podVolumeCodes.includes(f.code) && f.object.kind !== 'Pod') {
    const pod = snapshot.pods.find((p) => p.meta.namespace === f.object.namespace && p.meta.name === f.related?.[0]?.name);
    const owned = pod?.meta.ownerReferences?.some((o) => o.controller && o.kind === f.object.kind && o.name === f.object.name);
    if (!owned) problems.push(`${where}: no pod of the snapshot is owned by it`);
  } else if (!hasRef(keys, f.object)) {
    problems.push(`${where}: object not in the snapshot`);
  }
  const named = namesOf(f, snapshot);
  for (const r of f.related ?? []) {
    if (hasRef(keys, r)) continue;
    // A cluster-scoped object (a volume) names namespaced ones (its claimRef) with their namespace.
    const sameNamespace = r.namespace === undefined || f.object.namespace === undefined || r.namespace === f.object.namespace;
    if (!sameNamespace || !named(r.kind, r.name, r.namespace)) problems.push(`${where}: related ${r.kind} ${r.namespace ?? ''}/${r.name} is neither read nor named by the object`);
  }
  return problems;
}

/** Whether the finding's object (as the snapshot holds it) names an object of this kind and name. */
function namesOf(f: Finding, snapshot: Snapshot): (kind: string, name: string, namespace?: string) => boolean {
  const ns = f.object.namespace;
  const same = (o: { meta: { name: string; namespace?: string } }) => o.meta.name === f.object.name && o.meta.namespace === ns;
  return (kind, name, namespaceOf) => {
    switch (f.object.kind) {
      case 'PersistentVolume': {
        const v = snapshot.persistentVolumes.find(same);
        return kind === 'PersistentVolumeClaim' && v?.claimRef?.name === name && v.claimRef.namespace === (namespaceOf ?? '');
      }
      case 'PersistentVolumeClaim': {
        const c = snapshot.persistentVolumeClaims.find(same);
        return (kind === 'PersistentVolume' && c?.volumeName === name) || (kind === 'StorageClass' && c?.storageClassName === name);
      }
      case 'StatefulSet': {
        const s = snapshot.statefulSets.find(same);
        if (!s) return false;
        const ordinal = (prefix: string) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length));
        if (kind === 'Service') return s.serviceName === name;
        if (kind === 'Pod') return ordinal(`${s.meta.name}-`);
        if (kind === 'PersistentVolumeClaim') return s.volumeClaimTemplates.some((t) => ordinal(`${t.name}-${s.meta.name}-`));
        // A dead ordinal claim's volume: the claim of the set names it.
        if (kind === 'PersistentVolume') return snapshot.persistentVolumeClaims.some((c) => c.meta.namespace === ns && c.volumeName === name);
        return false;
      }
      case 'Ingress': {
        const i = snapshot.ingresses.find(same);
        if (!i) return false;
        if (kind === 'Service') return [i.defaultBackend, ...i.rules.flatMap((r) => r.paths.map((p) => p.backend))].some((b) => b?.service?.name === name);
        if (kind === 'Secret') return i.tls.some((t) => t.secretName === name);
        if (kind === 'IngressClass') return i.ingressClassName === name;
        return false;
      }
      case 'Pod': {
        const p = snapshot.pods.find(same);
        return kind === 'PersistentVolumeClaim' && !!p?.volumes.some((v) => v.claimName === name);
      }
      default:
        return false;
    }
  };
}
