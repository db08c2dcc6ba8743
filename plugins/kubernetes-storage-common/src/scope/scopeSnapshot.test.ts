import { analyze } from '../analysis/analyze';
import {
  boundPair,
  endpointSlice,
  ingress,
  ingressClass,
  ingressPath,
  node,
  pod,
  pv,
  pvc,
  secret,
  service,
  snapshotOf,
  statefulSet,
  statefulSetPod,
  storageClass,
} from '../__fixtures__/snapshot';
import type { Snapshot } from '../model/snapshot';
import { prepareSnapshot } from '../analysis/prepared';
import { podEvent, withEvents } from '../__fixtures__/events';
import { matchesLabelSelector, parseLabelSelector } from '../util/labelSelector';
import { scopeSnapshot } from './scopeSnapshot';

const names = (items: { meta: { name: string; namespace?: string } }[]): string[] =>
  items.map((i) => (i.meta.namespace ? `${i.meta.namespace}/${i.meta.name}` : i.meta.name)).sort();

/**
 * Namespace shop: StatefulSet db (replicas 2, ordinal 2 scaled in and its claim deleted), its headless Service,
 * an Ingress to web, web's pods and slices; db-backup (a look-alike name); namespace other: a look-alike db.
 */
function cluster(): Snapshot {
  const db = statefulSet({ name: 'db', namespace: 'shop', replicas: 2, templates: ['data'], meta: { labels: { app: 'db' } } });
  const backup = statefulSet({ name: 'db-backup', namespace: 'shop', templates: ['data'], meta: { labels: { app: 'db-backup' } } });
  const otherDb = statefulSet({ name: 'db', namespace: 'other', templates: ['data'], meta: { labels: { app: 'db' } } });
  const claims = [0, 1].map((i) => boundPair({ name: `data-db-${i}`, namespace: 'shop' }, { name: `pv-db-${i}` }));
  const backupClaim = boundPair({ name: 'data-db-backup-0', namespace: 'shop' }, { name: 'pv-backup-0' });
  const otherClaim = boundPair({ name: 'data-db-0', namespace: 'other' }, { name: 'pv-other-0' });
  const released = pv({ name: 'pv-db-2', phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'data-db-2' } });
  const webPod = pod({ name: 'web-1', namespace: 'shop', meta: { labels: { app: 'web' } }, owner: ['ReplicaSet', 'web-1a'] });
  return snapshotOf({
    statefulSets: [db, backup, otherDb],
    pods: [
      statefulSetPod(db, 0),
      statefulSetPod(db, 1),
      statefulSetPod(backup, 0, { meta: { labels: { app: 'db-backup' } } }),
      statefulSetPod(otherDb, 0),
      webPod,
    ],
    persistentVolumeClaims: [...claims.map((c) => c.pvc), backupClaim.pvc, otherClaim.pvc],
    persistentVolumes: [...claims.map((c) => c.pv), backupClaim.pv, otherClaim.pv, released],
    services: [
      service({ name: 'db', namespace: 'shop', headless: true, clusterIP: 'None', meta: { labels: { app: 'db' } } }),
      service({ name: 'web', namespace: 'shop', meta: { labels: { app: 'web' } } }),
      service({ name: 'db', namespace: 'other', headless: true, meta: { labels: { app: 'db' } } }),
    ],
    endpointSlices: [
      endpointSlice({ name: 'db-x', namespace: 'shop', serviceName: 'db' }),
      endpointSlice({ name: 'web-x', namespace: 'shop', serviceName: 'web' }),
    ],
    ingresses: [
      ingress({ name: 'admin', namespace: 'shop', meta: { labels: { team: 'x' } }, rules: [{ host: 'admin.example.com', paths: [ingressPath('db', 5432)] }] }),
      ingress({ name: 'web', namespace: 'shop', meta: { labels: { app: 'web' } } }),
    ],
    storageClasses: [storageClass({ name: 'standard', isDefault: true })],
    ingressClasses: [ingressClass('nginx')],
    nodes: [node('node-1')],
    secrets: [secret({ namespace: 'shop' })],
    volumeStats: [
      { namespace: 'shop', claimName: 'data-db-0', podName: 'db-0', nodeName: 'node-1', usedBytes: 1 },
      { namespace: 'other', claimName: 'data-db-0', podName: 'db-0', nodeName: 'node-1', usedBytes: 1 },
    ],
  });
}

describe('scopeSnapshot', () => {
  it('keeps a selected StatefulSet with its pods, claims, volumes (the released ordinal too), Service, slices and Ingresses', () => {
    const s = scopeSnapshot(cluster(), { namespaces: ['shop'], selector: 'app=db' });
    expect(names(s.statefulSets)).toEqual(['shop/db']);
    expect(names(s.pods)).toEqual(['shop/db-0', 'shop/db-1']);
    expect(names(s.persistentVolumeClaims)).toEqual(['shop/data-db-0', 'shop/data-db-1']);
    expect(names(s.persistentVolumes)).toEqual(['pv-db-0', 'pv-db-1', 'pv-db-2']);
    expect(names(s.services)).toEqual(['shop/db']);
    expect(names(s.endpointSlices)).toEqual(['shop/db-x']);
    expect(names(s.ingresses)).toEqual(['shop/admin']); // routes to the kept Service db
    expect(s.volumeStats).toEqual([expect.objectContaining({ namespace: 'shop', claimName: 'data-db-0' })]);
    expect(s.namespaces).toEqual(['shop']);
  });

  it('excludes the look-alike db-backup and the db of another namespace', () => {
    const s = scopeSnapshot(cluster(), { namespaces: ['shop'], selector: 'app=db' });
    const all = [...names(s.pods), ...names(s.persistentVolumeClaims), ...names(s.persistentVolumes), ...names(s.services)];
    expect(all.filter((n) => n.includes('backup') || n.startsWith('other/') || n === 'pv-other-0')).toEqual([]);
  });

  it('without namespaces selects across namespaces', () => {
    const s = scopeSnapshot(cluster(), { selector: 'app=db' });
    expect(names(s.statefulSets)).toEqual(['other/db', 'shop/db']);
    expect(s.namespaces).toBeUndefined();
  });

  it('keeps lookup kinds whole', () => {
    const s = scopeSnapshot(cluster(), { namespaces: ['shop'], selector: 'app=nothing' });
    expect([s.storageClasses.length, s.ingressClasses.length, s.nodes.length, s.secrets.length]).toEqual([1, 1, 1, 1]);
    expect([s.pods, s.persistentVolumeClaims, s.persistentVolumes, s.statefulSets, s.services, s.ingresses]).toEqual([[], [], [], [], [], []]);
  });

  it('from a selected pod keeps its StatefulSet, and from an Ingress its Services and their slices', () => {
    const c = cluster();
    const dbPod = c.pods.find((p) => p.meta.name === 'db-0' && p.meta.namespace === 'shop');
    if (dbPod) dbPod.meta.labels = { ...dbPod.meta.labels, tier: 'primary' };
    const s = scopeSnapshot(c, { namespaces: ['shop'], selector: 'tier=primary' });
    expect(names(s.statefulSets)).toEqual(['shop/db']);
    expect(names(s.pods)).toEqual(['shop/db-0', 'shop/db-1']);
    const viaIngress = scopeSnapshot(cluster(), { namespaces: ['shop'], selector: 'team=x' });
    expect(names(viaIngress.ingresses)).toEqual(['shop/admin']);
    expect(names(viaIngress.services)).toEqual(['shop/db']);
    expect(names(viaIngress.endpointSlices)).toEqual(['shop/db-x']);
  });

  it('keeps every pod that mounts a kept claim, so the claim is not reported unused', () => {
    const shared = boundPair({ name: 'shared', namespace: 'shop', meta: { labels: { app: 'files' } } });
    const user = pod({ name: 'uploader', namespace: 'shop', claims: ['shared'] });
    const s = scopeSnapshot(snapshotOf({ persistentVolumeClaims: [shared.pvc], persistentVolumes: [shared.pv], pods: [user] }), { selector: 'app=files' });
    expect(names(s.pods)).toEqual(['shop/uploader']);
    expect(analyze(s).findings.map((f) => f.code)).not.toContain('pvc-unused');
  });

  it('keeps free volumes a kept Pending claim could bind, so a scoped report does not invent pvc-pending-no-match', () => {
    const claim = pvc({ name: 'static', namespace: 'shop', phase: 'Pending', storageClassName: '', capacity: undefined, meta: { labels: { app: 'files' } } });
    const spare = pv({ name: 'spare', phase: 'Available', storageClassName: undefined, claimRef: undefined });
    const unrelated = pv({ name: 'other-class', phase: 'Available', storageClassName: 'standard', claimRef: undefined });
    const s = scopeSnapshot(snapshotOf({ persistentVolumeClaims: [claim], persistentVolumes: [spare, unrelated] }), { selector: 'app=files' });
    expect(names(s.persistentVolumes)).toEqual(['spare']);
    expect(analyze(s).findings.map((f) => f.code)).not.toContain('pvc-pending-no-match');
  });

  it('drops incomplete entries of other namespaces but keeps cluster-wide ones', () => {
    const c = cluster();
    c.incomplete = [
      { kind: 'pods', namespace: 'other', reason: 'forbidden', message: '' },
      { kind: 'pods', namespace: 'shop', reason: 'forbidden', message: '' },
      { kind: 'storageclasses', reason: 'forbidden', message: '' },
    ];
    const s = scopeSnapshot(c, { namespaces: ['shop'] });
    expect(s.incomplete.map((e) => `${e.kind}/${e.namespace ?? '*'}`)).toEqual(['pods/shop', 'storageclasses/*']);
  });

  it('with namespaces and no selector keeps every volume a claim of them holds or held, the Released one of a deleted claim too', () => {
    const c = cluster();
    const gone = pv({ name: 'pv-uploads', phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'uploads' } });
    const elsewhere = pv({ name: 'pv-gone-other', phase: 'Released', reclaimPolicy: 'Retain', claimRef: { namespace: 'other', name: 'x' } });
    const free = pv({ name: 'pv-free', phase: 'Available', claimRef: undefined });
    c.persistentVolumes.push(gone, elsewhere, free);
    const s = scopeSnapshot(c, { namespaces: ['shop'] });
    expect(names(s.persistentVolumes)).toEqual(['pv-backup-0', 'pv-db-0', 'pv-db-1', 'pv-db-2', 'pv-uploads']);
    const report = analyze(s, { scope: { namespaces: ['shop'] } });
    expect(report.findings.filter((f) => f.code === 'pv-released-retain').map((f) => f.object.name).sort()).toEqual(['pv-db-2', 'pv-uploads']);
  });

  it('with a selector keeps the volumes whose own labels match, like kubectl get pv -l, and the claims they name', () => {
    const c = cluster();
    const local = boundPair({ name: 'cache', namespace: 'shop' }, { name: 'pv-local-1', meta: { labels: { type: 'local' } } });
    const user = pod({ name: 'cache-0', namespace: 'shop', claims: ['cache'] });
    const spare = pv({ name: 'pv-local-2', phase: 'Available', claimRef: undefined, meta: { labels: { type: 'local' } } });
    const otherNs = pv({ name: 'pv-local-3', phase: 'Released', claimRef: { namespace: 'other', name: 'y' }, meta: { labels: { type: 'local' } } });
    c.persistentVolumes.push(local.pv, spare, otherNs);
    c.persistentVolumeClaims.push(local.pvc);
    c.pods.push(user);
    const all = scopeSnapshot(c, { selector: 'type=local' });
    expect(names(all.persistentVolumes)).toEqual(['pv-local-1', 'pv-local-2', 'pv-local-3']);
    // The bound claim comes along with its pod: the volume is not "dangling" and the claim not "unused".
    expect(names(all.persistentVolumeClaims)).toEqual(['shop/cache']);
    expect(names(all.pods)).toEqual(['shop/cache-0']);
    const codes = analyze(all).findings.map((f) => f.code);
    expect(codes).not.toContain('pv-claimref-dangling');
    expect(codes).not.toContain('pvc-unused');
    // A namespace does not take a labelled volume another namespace's claim holds or held.
    expect(names(scopeSnapshot(c, { namespaces: ['shop'], selector: 'type=local' }).persistentVolumes)).toEqual(['pv-local-1', 'pv-local-2']);
  });

  it('accepts a LabelSelector object and rejects a malformed selector string', () => {
    expect(names(scopeSnapshot(cluster(), { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } }).pods)).toEqual(['shop/web-1']);
    expect(() => scopeSnapshot(cluster(), { selector: 'app in db' })).toThrow(/Invalid label selector/);
  });

  it('finds every seed whichever lookup it starts from: namespaces, an equality, an in list, an existence, or none', () => {
    const c = cluster();
    const prepared = prepareSnapshot(c);
    const scopes = [
      { selector: 'app in (db,web)' },
      { selector: 'app' },
      { selector: 'app,app!=db-backup' },
      { selector: '!team' },
      { selector: 'app notin (db)' },
      { namespaces: ['shop'], selector: 'app!=web' },
      { namespaces: ['other'] },
      { namespaces: ['shop', 'other'], selector: 'app=db' },
    ];
    for (const scope of scopes) {
      const s = scopeSnapshot(prepared, scope);
      const selector = parseLabelSelector(scope.selector ?? '');
      const seeded = c.pods.filter((p) => (!scope.namespaces || scope.namespaces.includes(p.meta.namespace ?? '')) && matchesLabelSelector(selector, p.meta.labels));
      expect(names(s.pods)).toEqual(expect.arrayContaining(names(seeded)));
      // A prepared snapshot and a plain one give the same scope, in snapshot order.
      expect(s).toEqual(scopeSnapshot(c, scope));
    }
    expect(names(scopeSnapshot(prepared, { selector: 'app notin (db)' }).statefulSets)).toEqual(['shop/db-backup']);
  });

  it('keeps each kept list in the order of the unscoped snapshot', () => {
    const s = scopeSnapshot(prepareSnapshot(cluster()), { namespaces: ['shop'] });
    const order = (items: { meta: { name: string; namespace?: string } }[], all: { meta: { name: string; namespace?: string } }[]): number[] =>
      items.map((i) => all.indexOf(all.find((a) => a.meta.name === i.meta.name && a.meta.namespace === i.meta.namespace) as (typeof all)[number]));
    const c = cluster();
    for (const [kept, all] of [
      [s.pods, c.pods],
      [s.persistentVolumes, c.persistentVolumes],
      [s.persistentVolumeClaims, c.persistentVolumeClaims],
      [s.services, c.services],
    ] as const) {
      const positions = order(kept, all);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('the scoped report names the released ordinal of the kept StatefulSet', () => {
    const report = analyze(scopeSnapshot(cluster(), { namespaces: ['shop'], selector: 'app=db' }), { scope: { namespaces: ['shop'], selector: 'app=db' } });
    const orphan = report.findings.find((f) => f.code === 'pv-released-retain');
    expect(orphan?.details).toMatchObject({ statefulSet: 'db', ordinal: 2 });
    expect(report.scope).toEqual({ namespaces: ['shop'], selector: 'app=db' });
  });
});

describe('Services that select the entity\'s pods', () => {
  // The demo cluster's Services carry no labels of their own: only their selector ties them to a service's pods.
  const snapshot = snapshotOf({
    pods: [
      pod({ name: 'checkout-1', namespace: 'edge', meta: { labels: { 'backstage.io/kubernetes-id': 'checkout', app: 'checkout' } } }),
      pod({ name: 'search-1', namespace: 'edge', meta: { labels: { app: 'search' } } }),
    ],
    services: [
      service({ name: 'checkout', namespace: 'edge', selector: { app: 'checkout' } }),
      service({ name: 'search', namespace: 'edge', selector: { app: 'search' } }),
      service({ name: 'headless-all', namespace: 'edge', selector: {} }),
      service({ name: 'checkout', namespace: 'other', selector: { app: 'checkout' } }),
    ],
    ingresses: [
      ingress({ name: 'checkout', namespace: 'edge', rules: [{ host: 'c.example.com', paths: [ingressPath('checkout')] }] }),
      ingress({ name: 'search', namespace: 'edge', rules: [{ host: 's.example.com', paths: [ingressPath('search')] }] }),
    ],
    endpointSlices: [endpointSlice({ name: 'checkout-abc', namespace: 'edge', serviceName: 'checkout' })],
  });

  it('keeps the Service whose selector picks a kept pod, its slices and the Ingress routing to it', () => {
    const scoped = scopeSnapshot(prepareSnapshot(snapshot), { selector: 'backstage.io/kubernetes-id=checkout' });
    expect(names(scoped.services)).toEqual(['edge/checkout']);
    expect(names(scoped.ingresses)).toEqual(['edge/checkout']);
    // Every path of it routes to the kept Service: the very object, not a copy.
    expect(scoped.ingresses[0]).toBe(snapshot.ingresses[0]);
    expect(names(scoped.endpointSlices)).toEqual(['edge/checkout-abc']);
  });

  it('keeps no Service that selects only other pods, one with an empty selector, or one in another namespace', () => {
    const scoped = scopeSnapshot(snapshot, { selector: 'backstage.io/kubernetes-id=checkout' });
    expect(names(scoped.services)).not.toContain('edge/search');
    expect(names(scoped.services)).not.toContain('edge/headless-all');
    expect(names(scoped.services)).not.toContain('other/checkout');
  });
});

describe('a shared Ingress', () => {
  // One Ingress per host for two teams: /shop -> web (this entity), /search -> search (another team, broken: no
  // ready endpoints) and /legacy -> a Service that does not exist; TLS for both hosts.
  const shared = ingress({
    name: 'edge',
    namespace: 'shop',
    meta: { labels: { owner: 'platform' } },
    rules: [
      { host: 'shop.example.com', paths: [ingressPath('web', 80, '/shop'), ingressPath('search', 80, '/search')] },
      { host: 'legacy.example.com', paths: [ingressPath('legacy')] },
    ],
    defaultBackend: { service: { name: 'search', portNumber: 80 } },
    tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }, { hosts: ['legacy.example.com'], secretName: 'legacy-tls' }],
  });
  const snapshot = snapshotOf({
    pods: [pod({ name: 'web-1', namespace: 'shop', meta: { labels: { app: 'web' } } }), pod({ name: 'search-1', namespace: 'shop', meta: { labels: { app: 'search' } } })],
    services: [
      service({ name: 'web', namespace: 'shop', selector: { app: 'web' }, meta: { labels: { app: 'web' } } }),
      service({ name: 'search', namespace: 'shop', selector: { app: 'search' } }),
    ],
    endpointSlices: [
      endpointSlice({ name: 'web-x', namespace: 'shop', serviceName: 'web' }),
      endpointSlice({ name: 'search-x', namespace: 'shop', serviceName: 'search', ready: 0, notReady: 2 }),
    ],
    ingresses: [shared],
    ingressClasses: [ingressClass('nginx')],
    secrets: [secret({ name: 'shop-tls', namespace: 'shop' }), secret({ name: 'legacy-tls', namespace: 'shop' })],
  });

  it("is kept for the entity's Service with only its paths, and brings none of the other Services", () => {
    const scoped = scopeSnapshot(prepareSnapshot(snapshot), { selector: 'app=web' });
    expect(names(scoped.services)).toEqual(['shop/web']);
    expect(names(scoped.endpointSlices)).toEqual(['shop/web-x']);
    expect(scoped.ingresses).toHaveLength(1);
    const seen = scoped.ingresses[0];
    expect(seen.rules).toEqual([{ host: 'shop.example.com', paths: [ingressPath('web', 80, '/shop')] }]);
    expect(seen.defaultBackend).toBeUndefined();
    expect(seen.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
    // The other team's failing path and the missing Service are not this entity's findings.
    const codes = analyze(scoped, { now: new Date('2026-12-02T12:00:00Z') }).findings.map((f) => f.code);
    expect(codes).not.toContain('ingress-no-ready-endpoints');
    expect(codes).not.toContain('ingress-service-missing');
    // The unscoped snapshot still has the whole Ingress, and its failures.
    const all = analyze(snapshot, { now: new Date('2026-12-02T12:00:00Z') }).findings.map((f) => f.code);
    expect(all).toEqual(expect.arrayContaining(['ingress-no-ready-endpoints', 'ingress-service-missing']));
  });

  it('is whole when the entity owns it (seeded by its own labels), with the Services it routes to', () => {
    const scoped = scopeSnapshot(snapshot, { selector: 'owner=platform' });
    expect(scoped.ingresses).toEqual([shared]);
    expect(scoped.ingresses[0]).toBe(shared);
    expect(names(scoped.services)).toEqual(['shop/search', 'shop/web']);
  });

  it('keeps every path to any kept Service (and the default backend), dropping only the others', () => {
    const scoped = scopeSnapshot(snapshot, { namespaces: ['shop'], selector: 'app in (web, search)' });
    const seen = scoped.ingresses[0];
    expect(seen.rules).toEqual([shared.rules[0]]);
    expect(seen.defaultBackend).toEqual(shared.defaultBackend);
    expect(seen.tls).toEqual([shared.tls[0]]);
  });
});

describe('events in scope', () => {
  it("keeps the Warning events of the entity's objects and drops everyone else's", () => {
    const checkout = pod({ name: 'checkout-1', namespace: 'edge', meta: { labels: { app: 'checkout' } } });
    const search = pod({ name: 'search-1', namespace: 'edge', meta: { labels: { app: 'search' } } });
    const snapshot = withEvents(snapshotOf({ pods: [checkout, search] }), [podEvent(checkout), podEvent(search)]);
    expect(snapshot.events).toHaveLength(2);
    const scoped = scopeSnapshot(snapshot, { selector: 'app=checkout' });
    expect(scoped.events.map((e) => e.involvedObject.name)).toEqual(['checkout-1']);
  });
});
