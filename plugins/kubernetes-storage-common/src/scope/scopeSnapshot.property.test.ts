// Properties of scopeSnapshot over random raw objects: a scope never holds an object outside its entity's closure.
// The closure is written out here a second time, as plain scans to a fixed point over the rules scopeSnapshot
// documents (no index, no single pass), so the property checks the implementation against its own contract. A new
// closure rule in scopeSnapshot needs its line here too (the property fails until then: that is the point).
import fc from 'fast-check';
import { buildSnapshot } from '../projection/snapshotBuilder';
import { prepareSnapshot } from '../analysis/prepared';
import { NAMESPACES, rawObjects } from '../__fixtures__/rawObjects.arbitrary';
import { COLLECTED_AT, SOURCE, assertProperty } from '../__fixtures__/properties';
import { matchesLabelSelector, parseLabelSelector } from '../util/labelSelector';
import type { Ingress, LabelSelector, Meta, PersistentVolume, Snapshot } from '../model/snapshot';
import { scopeSnapshot, type SnapshotScope } from './scopeSnapshot';

const build = (raw: unknown[]): Snapshot => buildSnapshot(raw, SOURCE, { collectedAt: COLLECTED_AT });

const scopeArb: fc.Arbitrary<SnapshotScope> = fc.record(
  {
    namespaces: fc.subarray([...NAMESPACES, 'ns-none']),
    selector: fc.oneof(
      fc.constantFrom('app=web', 'app=db', 'app in (web,db)', 'tier', '!team', 'app!=db', 'app notin (web)', 'tier=x,app=web'),
      fc.constant<LabelSelector>({ matchLabels: { app: 'web' } }),
      fc.constant<LabelSelector>({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }),
    ),
  },
  { requiredKeys: [] },
);

const k = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;
const keyOf = (m: Meta): string => k(m.namespace, m.name);
const isOrdinalName = (name: string, prefix: string): boolean => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length));

function backendServices(ing: Ingress): string[] {
  return [ing.defaultBackend, ...ing.rules.flatMap((r) => r.paths.map((p) => p.backend))].flatMap((b) => (b?.service ? [b.service.name] : []));
}

/** The closure of scopeSnapshot's documented rules, by plain scans repeated until nothing is added. */
function referenceClosure(s: Snapshot, scope: SnapshotScope) {
  const selector = typeof scope.selector === 'string' ? parseLabelSelector(scope.selector) : scope.selector;
  const ns = scope.namespaces ? new Set(scope.namespaces) : undefined;
  const seed = (m: Meta) => (!ns || ns.has(m.namespace ?? '')) && (!selector || matchesLabelSelector(selector, m.labels));
  const pods = new Set(s.pods.filter((p) => seed(p.meta)));
  const sets = new Set(s.statefulSets.filter((o) => seed(o.meta)));
  const services = new Set(s.services.filter((o) => seed(o.meta)));
  const seededIngresses = new Set(s.ingresses.filter((o) => seed(o.meta)));
  const ingresses = new Set(seededIngresses);
  const claimKeys = new Set(s.persistentVolumeClaims.filter((c) => seed(c.meta)).map((c) => keyOf(c.meta)));
  const volumes = new Set<PersistentVolume>(
    selector ? s.persistentVolumes.filter((v) => matchesLabelSelector(selector, v.meta.labels) && !(v.claimRef && ns && !ns.has(v.claimRef.namespace))) : [],
  );
  const ordinalClaimOf = (set: (typeof s.statefulSets)[number], ns2: string, name: string) =>
    set.meta.namespace === ns2 && set.volumeClaimTemplates.some((t) => isOrdinalName(name, `${t.name}-${set.meta.name}-`));
  const defaults = new Set(s.storageClasses.filter((c) => c.isDefault).map((c) => c.meta.name));

  for (let size = -1; size !== pods.size + sets.size + services.size + ingresses.size + claimKeys.size + volumes.size; ) {
    size = pods.size + sets.size + services.size + ingresses.size + claimKeys.size + volumes.size;
    for (const v of volumes) if (v.claimRef) claimKeys.add(k(v.claimRef.namespace, v.claimRef.name));
    for (const p of pods) {
      for (const o of p.meta.ownerReferences ?? []) {
        if (o.kind !== 'StatefulSet') continue;
        for (const set of s.statefulSets) if (set.meta.namespace === p.meta.namespace && set.meta.name === o.name) sets.add(set);
      }
      for (const v of p.volumes) if (v.claimName) claimKeys.add(k(p.meta.namespace, v.claimName));
    }
    for (const set of sets) {
      for (const p of s.pods) if (p.meta.namespace === set.meta.namespace && p.meta.ownerReferences?.some((o) => o.kind === 'StatefulSet' && o.name === set.meta.name)) pods.add(p);
      for (const svc of s.services) if (svc.meta.namespace === set.meta.namespace && svc.meta.name === set.serviceName) services.add(svc);
      for (const c of s.persistentVolumeClaims) if (ordinalClaimOf(set, c.meta.namespace ?? '', c.meta.name)) claimKeys.add(keyOf(c.meta));
      for (const v of s.persistentVolumes) if (v.claimRef && ordinalClaimOf(set, v.claimRef.namespace, v.claimRef.name)) volumes.add(v);
    }
    for (const p of s.pods) if (p.volumes.some((v) => v.claimName && claimKeys.has(k(p.meta.namespace, v.claimName)))) pods.add(p);
    const claims = s.persistentVolumeClaims.filter((c) => claimKeys.has(keyOf(c.meta)));
    for (const c of claims) {
      for (const v of s.persistentVolumes) {
        if (v.meta.name === c.volumeName) volumes.add(v);
        const cls = c.storageClassName;
        const wanted = cls === undefined ? defaults.has(v.storageClassName ?? '') : v.storageClassName === cls || (cls === '' && v.storageClassName === undefined);
        if (c.phase === 'Pending' && !v.claimRef && v.phase === 'Available' && wanted) volumes.add(v);
      }
    }
    for (const v of s.persistentVolumes) {
      if (v.claimRef && claimKeys.has(k(v.claimRef.namespace, v.claimRef.name))) volumes.add(v);
      if (!selector && ns && v.claimRef && ns.has(v.claimRef.namespace)) volumes.add(v);
    }
    // Services whose selector picks a kept pod route to it, whatever their own labels.
    for (const svc of s.services) {
      const sel = svc.selector;
      if (sel && Object.keys(sel).length > 0 && [...pods].some((p) => p.meta.namespace === svc.meta.namespace && matchesLabelSelector({ matchLabels: sel }, p.meta.labels))) services.add(svc);
    }
    // The seeded Ingresses bring their Services; an Ingress routing to a kept Service is kept (shared: it brings none).
    for (const ing of seededIngresses) for (const svc of s.services) if (svc.meta.namespace === ing.meta.namespace && backendServices(ing).includes(svc.meta.name)) services.add(svc);
    for (const ing of s.ingresses) if (backendServices(ing).some((n) => [...services].some((svc) => keyOf(svc.meta) === k(ing.meta.namespace, n)))) ingresses.add(ing);
  }
  const serviceKeys = new Set([...services].map((svc) => keyOf(svc.meta)));
  const claimObjects = s.persistentVolumeClaims.filter((c) => claimKeys.has(keyOf(c.meta)));
  const about = new Set(
    [
      ...[...pods].map((o) => ['Pod', o.meta] as const),
      ...claimObjects.map((o) => ['PersistentVolumeClaim', o.meta] as const),
      ...[...volumes].map((o) => ['PersistentVolume', o.meta] as const),
      ...[...sets].map((o) => ['StatefulSet', o.meta] as const),
      ...[...services].map((o) => ['Service', o.meta] as const),
      ...[...ingresses].map((o) => ['Ingress', o.meta] as const),
    ].map(([kind, m]) => `${kind}/${m.namespace ?? ''}/${m.name}`),
  );
  return {
    pods,
    statefulSets: sets,
    services,
    seededIngresses,
    ingresses,
    persistentVolumes: volumes,
    persistentVolumeClaims: new Set(claimObjects),
    endpointSlices: new Set(s.endpointSlices.filter((e) => serviceKeys.has(k(e.meta.namespace, e.serviceName)))),
    volumeStats: new Set(s.volumeStats.filter((v) => claimKeys.has(k(v.namespace, v.claimName)))),
    // Warning events only about kept objects.
    events: new Set(s.events.filter((e) => about.has(`${e.involvedObject.kind}/${e.involvedObject.namespace ?? ''}/${e.involvedObject.name}`))),
  };
}

describe('scopeSnapshot over random raw objects (property)', () => {
  it('never returns an object outside the closure of the scope\'s seeds', () => {
    assertProperty(
      fc.property(rawObjects(), scopeArb, (raw, scope) => {
        const snapshot = build(raw);
        const scoped = scopeSnapshot(snapshot, scope);
        const { seededIngresses, ingresses, ...closure } = referenceClosure(snapshot, scope);
        for (const [list, allowed] of Object.entries(closure)) {
          const outside = (scoped[list as keyof typeof closure] as object[]).filter((o) => !(allowed as Set<object>).has(o));
          expect({ list, outside }).toEqual({ list, outside: [] });
        }
        // Ingresses: the seeded ones as they are; a shared one (kept for a kept Service) only with paths to kept Services.
        const keptServices = new Set(scoped.services.map((svc) => keyOf(svc.meta)));
        const allowedIngresses = new Set([...ingresses].map((ing) => keyOf(ing.meta)));
        for (const ing of scoped.ingresses) {
          expect({ ingress: keyOf(ing.meta), allowed: allowedIngresses.has(keyOf(ing.meta)) }).toEqual({ ingress: keyOf(ing.meta), allowed: true });
          if (seededIngresses.has(ing)) continue;
          const elsewhere = backendServices(ing).filter((n) => !keptServices.has(k(ing.meta.namespace, n)));
          expect({ ingress: keyOf(ing.meta), elsewhere }).toEqual({ ingress: keyOf(ing.meta), elsewhere: [] });
        }
        // Looked up, not owned: kept whole.
        expect(scoped.storageClasses).toBe(snapshot.storageClasses);
        expect(scoped.nodes).toBe(snapshot.nodes);
        expect(scoped.secrets).toBe(snapshot.secrets);
      }),
      200,
    );
  });

  it('with namespaces, every namespaced object kept is in them', () => {
    assertProperty(
      fc.property(rawObjects(), scopeArb, (raw, scope) => {
        fc.pre(scope.namespaces !== undefined);
        const scoped = scopeSnapshot(build(raw), scope);
        const inScope = new Set(scope.namespaces);
        const lists = [scoped.pods, scoped.statefulSets, scoped.services, scoped.ingresses, scoped.persistentVolumeClaims, scoped.endpointSlices, scoped.events];
        const outside = lists.flat().filter((o) => !inScope.has(o.meta.namespace ?? ''));
        expect(outside).toEqual([]);
      }),
    );
  });

  it('a prepared snapshot (whose scope lookups are built once and reused) scopes exactly like a plain one', () => {
    assertProperty(
      fc.property(rawObjects(), fc.array(scopeArb, { minLength: 1, maxLength: 3 }), (raw, scopes) => {
        const snapshot = build(raw);
        const prepared = prepareSnapshot(snapshot);
        for (const scope of scopes) expect(scopeSnapshot(prepared, scope)).toEqual(scopeSnapshot(snapshot, scope));
      }),
      100,
    );
  });
});

// Random objects rarely make a shared Ingress (one routing to a kept Service and to others), so that rule gets its
// own property: Services a..d in one namespace, each labelled app=<name>, a few Ingresses whose paths and default
// backend route to random ones of them (or to a Service that does not exist), and a selector keeping a subset.
describe('shared Ingresses in a scope (property)', () => {
  const SERVICES = ['a', 'b', 'c', 'd'] as const;
  const target = fc.constantFrom(...SERVICES, 'ghost');
  interface IngressCase {
    owned: boolean;
    rules: { host: string; paths: string[] }[];
    defaultBackend?: string;
  }
  const ingressArb: fc.Arbitrary<IngressCase> = fc.record({
    owned: fc.boolean(),
    rules: fc.array(fc.record({ host: fc.constantFrom('x.example.invalid', 'y.example.invalid'), paths: fc.array(target, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
    defaultBackend: fc.option(target, { nil: undefined }),
  });
  const caseArb = fc.record({ kept: fc.subarray([...SERVICES], { minLength: 1 }), ingresses: fc.array(ingressArb, { minLength: 1, maxLength: 4 }) });

  function snapshotOf(ingresses: IngressCase[]): unknown[] {
    const services = SERVICES.map((name) => ({
      apiVersion: 'v1', kind: 'Service',
      metadata: { name, namespace: 'ns-a', uid: `svc-${name}`, labels: { app: name }, creationTimestamp: '2026-12-01T00:00:00Z' },
      spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }] },
    }));
    const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
    const items = ingresses.map((ing, i) => ({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
      // An owned Ingress carries the label of every Service, so any selector over app seeds it.
      metadata: { name: `ing-${i}`, namespace: 'ns-a', uid: `ing-${i}`, labels: ing.owned ? { owner: 'me' } : {}, creationTimestamp: '2026-12-01T00:00:00Z' },
      spec: {
        ingressClassName: 'nginx',
        ...(ing.defaultBackend ? { defaultBackend: backend(ing.defaultBackend) } : {}),
        rules: ing.rules.map((r) => ({ host: r.host, http: { paths: r.paths.map((p, j) => ({ path: `/${j}`, pathType: 'Prefix', backend: backend(p) })) } })),
        tls: [{ hosts: ['x.example.invalid'], secretName: 'x' }, { hosts: ['y.example.invalid'], secretName: 'y' }],
      },
    }));
    return [...services, ...items];
  }

  it('keeps of a shared Ingress exactly its paths to kept Services, and an owned one whole with the Services it routes to', () => {
    assertProperty(
      fc.property(caseArb, ({ kept, ingresses }) => {
        const snapshot = build(snapshotOf(ingresses));
        const selector = { matchExpressions: [{ key: 'app', operator: 'In' as const, values: kept }] };
        const owned = { matchExpressions: [{ key: 'owner', operator: 'In' as const, values: ['me'] }] };
        for (const scope of [{ selector }, { selector, namespaces: ['ns-a'] }]) {
          const scoped = scopeSnapshot(prepareSnapshot(snapshot), scope);
          expect(scoped.services.map((s) => s.meta.name).sort()).toEqual([...kept].sort());
          for (const original of snapshot.ingresses) {
            const routesToKept = backendServices(original).some((n) => kept.includes(n as (typeof SERVICES)[number]));
            const seen = scoped.ingresses.find((i) => i.meta.name === original.meta.name);
            expect({ ingress: original.meta.name, kept: seen !== undefined }).toEqual({ ingress: original.meta.name, kept: routesToKept });
            if (!seen) continue;
            // Exactly the paths to kept Services, in order, and the default backend only if it is one of them.
            const expected = original.rules.flatMap((r) => r.paths.filter((p) => kept.includes(p.backend.service?.name as (typeof SERVICES)[number])).map((p) => `${r.host} ${p.path} ${p.backend.service?.name}`));
            expect(seen.rules.flatMap((r) => r.paths.map((p) => `${r.host} ${p.path} ${p.backend.service?.name}`))).toEqual(expected);
            const def = original.defaultBackend?.service?.name;
            expect(seen.defaultBackend?.service?.name).toBe(def && kept.includes(def as (typeof SERVICES)[number]) ? def : undefined);
            const cut = expected.length !== original.rules.flatMap((r) => r.paths).length || (def !== undefined && !kept.includes(def as (typeof SERVICES)[number]));
            // Nothing cut: the very object. Cut: only the TLS entries of the hosts still routed.
            if (!cut) expect(seen).toBe(original);
            else expect(seen.tls.map((t) => t.secretName)).toEqual(original.tls.filter((t) => seen.rules.some((r) => t.hosts.includes(r.host ?? ''))).map((t) => t.secretName));
          }
        }
        // Owned Ingresses are kept as they are and bring the Services they route to (others then join as shared).
        const whole = scopeSnapshot(snapshot, { selector: owned });
        const ownedIngresses = snapshot.ingresses.filter((i) => i.meta.labels?.owner === 'me');
        for (const ing of ownedIngresses) expect(whole.ingresses).toContain(ing);
        const routed = new Set(ownedIngresses.flatMap(backendServices).filter((n) => n !== 'ghost'));
        expect(whole.services.map((s) => s.meta.name).sort()).toEqual([...routed].sort());
      }),
      150,
    );
  });
});
