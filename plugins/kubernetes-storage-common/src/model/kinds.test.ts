// Every list of kinds is derived from the kinds table; these tests fail when one disagrees with it (a kind added to
// the table but missing from the collector's order, a field the Snapshot lacks, a stale RBAC manifest).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { assembleSnapshot } from '../projection/assembleSnapshot';
import { PROJECTORS, projectObject, type ProjectedTypes } from '../projection/projectObject';
import { ANALYSED_KINDS, KIND_OF, RESOURCES, listPath } from '../projection/resources';
import { emptySnapshot } from './emptySnapshot';
import { KINDS, LISTED_KINDS, LIST_ORDER, RESOURCE_KINDS, SNAPSHOT_FIELDS, type ResourceKind } from './kinds';
import { renderRbacManifests } from './rbac';
import type { EndpointSlice, Pod, Snapshot, VolumeStats } from './snapshot';

// Compile-time: the derived types are the model types, not `unknown` or `never`.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const typesAgree: [Same<ProjectedTypes['pods'], Pod>, Same<ProjectedTypes['endpoints'], EndpointSlice>, Same<Snapshot['volumeStats'], VolumeStats[]>] = [true, true, true];

const RBAC_DIR = resolve(__dirname, '../../../../deploy/rbac');
const apiVersionOf = (group: string, version: string): string => (group ? `${group}/${version}` : version);

describe('kinds table', () => {
  it('types agree with the model', () => {
    expect(typesAgree).toEqual([true, true, true]);
  });

  it('names each listed kind by its plural resource, and RESOURCES/KIND_OF/listPath follow it', () => {
    for (const kind of LISTED_KINDS) {
      const spec = KINDS[kind];
      expect(spec.resource).toBe(kind);
      expect(RESOURCES[kind]).toEqual({ apiVersion: apiVersionOf(spec.group, spec.version), kind: spec.kind, plural: kind, namespaced: spec.namespaced });
      expect(KIND_OF[`${apiVersionOf(spec.group, spec.version)}/${spec.kind}`]).toBe(kind);
      const base = spec.group ? `/apis/${spec.group}/${spec.version}` : `/api/${spec.version}`;
      expect(listPath(kind)).toBe(`${base}/${kind}`);
      expect(listPath(kind, 'shop')).toBe(spec.namespaced ? `${base}/namespaces/shop/${kind}` : `${base}/${kind}`);
    }
    expect(Object.keys(RESOURCES).sort()).toEqual([...LISTED_KINDS].sort());
  });

  it('analyses every listed kind but the stand-ins, and reads volume stats from the kubelet', () => {
    expect(ANALYSED_KINDS).toEqual(LISTED_KINDS.filter((k) => !('standsInFor' in KINDS[k])));
    expect(ANALYSED_KINDS).not.toContain('endpoints');
    expect(RESOURCE_KINDS.filter((k) => KINDS[k].read === 'kubelet')).toEqual(['volumestats']);
  });

  it('lists every listed kind exactly once in the collector order, largest first', () => {
    expect([...LIST_ORDER].sort()).toEqual([...LISTED_KINDS].sort());
    const costs = LIST_ORDER.map((k) => KINDS[k].listCost);
    expect(new Set(costs).size).toBe(costs.length);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(LIST_ORDER[0]).toBe('pods');
  });

  it('gives the Snapshot one list per field of the table, empty at first', () => {
    const empty = emptySnapshot({ type: 'file', files: [] }, '2024-01-01T00:00:00.000Z');
    const fields = SNAPSHOT_FIELDS.map((f) => f.field);
    expect(Object.keys(empty)).toEqual(['source', 'collectedAt', ...fields, 'observedKinds', 'incomplete']);
    for (const field of fields) expect(empty[field]).toEqual([]);
    // Every kind's field is a Snapshot field; only stand-ins share one.
    for (const kind of RESOURCE_KINDS) expect(fields).toContain(KINDS[kind].field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('projects an object of every listed kind by its projector, and fills the kind\'s field', () => {
    for (const kind of LISTED_KINDS) {
      const spec = KINDS[kind];
      // A kind read through a field selector (events: type=Warning) keeps only objects that match it.
      const selected = 'fieldSelector' in spec ? Object.fromEntries([spec.fieldSelector.split('=')]) : {};
      const raw = { apiVersion: apiVersionOf(spec.group, spec.version), kind: spec.kind, metadata: { name: 'x', ...(spec.namespaced ? { namespace: 'shop' } : {}), uid: 'u' }, ...selected };
      expect(PROJECTORS[kind]).toBe(spec.project);
      const projected = projectObject(raw);
      expect(projected?.kind).toBe(kind);
      const snapshot = assembleSnapshot({
        source: { type: 'file', files: [] },
        collectedAt: '2024-01-01T00:00:00.000Z',
        list: (k) => (k === kind ? [projected!.object] : []) as never,
        holds: (k) => k === kind,
        observed: [kind],
        volumeStats: [],
        incomplete: [],
      });
      expect((snapshot[spec.field] as unknown[]).length).toBe(1);
      // A stand-in makes the kind it stands in for observed too.
      const observed: ResourceKind[] = 'standsInFor' in spec ? [spec.standsInFor as ResourceKind, kind] : [kind];
      expect(snapshot.observedKinds).toEqual(observed);
    }
  });

  it('reports observed kinds in table order, analysed kinds first', () => {
    const snapshot = assembleSnapshot({
      source: { type: 'file', files: [] },
      collectedAt: '2024-01-01T00:00:00.000Z',
      list: () => [],
      holds: () => false,
      observed: [...RESOURCE_KINDS].reverse(),
      volumeStats: [],
      incomplete: [],
    });
    // Endpoints were observed but no slice held: they stand in, so both stay observed.
    expect(snapshot.observedKinds).toEqual([...ANALYSED_KINDS, 'endpoints', 'volumestats']);
  });
});

describe('RBAC manifests (deploy/rbac)', () => {
  const manifests = renderRbacManifests();

  it.each(Object.keys(manifests))('%s is what `npm run rbac` writes from the table', (name) => {
    const committed = readFileSync(resolve(RBAC_DIR, name), 'utf8');
    if (committed !== manifests[name as keyof typeof manifests]) throw new Error(`deploy/rbac/${name} is out of date with the kinds table: run \`npx tsc -b plugins/kubernetes-storage-common && npm run rbac\``);
  });

  type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };
  const rulesOf = (text: string): Rule[] => (load(text) as { rules: Rule[] }).rules;
  const grants = (rules: Rule[], group: string, resource: string): string[] =>
    rules.filter((r) => r.apiGroups.includes(group) && r.resources.includes(resource)).flatMap((r) => r.verbs).sort();

  it('the ClusterRole grants exactly the table\'s reads: each kind\'s verbs in its group, nodes/proxy get, namespaces', () => {
    const doc = load(manifests['clusterrole.yaml']) as { kind: string };
    expect(doc.kind).toBe('ClusterRole');
    const rules = rulesOf(manifests['clusterrole.yaml']);
    for (const kind of LISTED_KINDS) expect(grants(rules, KINDS[kind].group, kind)).toEqual([...KINDS[kind].verbs].sort());
    expect(grants(rules, '', 'nodes/proxy')).toEqual(['get']);
    expect(grants(rules, '', 'namespaces')).toEqual(['get', 'list']);
    const granted = rules.flatMap((r) => r.resources);
    expect(granted.sort()).toEqual([...LISTED_KINDS, 'nodes/proxy', 'namespaces'].sort());
    // Read-only: nothing but get, list and watch.
    expect(new Set(rules.flatMap((r) => r.verbs))).toEqual(new Set(['get', 'list', 'watch']));
  });

  it('the namespaced Role grants the namespaced kinds only (a Role cannot grant cluster-scoped ones)', () => {
    const doc = load(manifests['role-namespaced.yaml']) as { kind: string; metadata: Record<string, unknown> };
    expect(doc.kind).toBe('Role');
    expect(doc.metadata.namespace).toBeUndefined();
    const granted = rulesOf(manifests['role-namespaced.yaml']).flatMap((r) => r.resources);
    expect(granted.sort()).toEqual(LISTED_KINDS.filter((k) => KINDS[k].namespaced).sort());
  });
});
