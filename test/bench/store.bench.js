#!/usr/bin/env node
// Benchmark (not a test): the live model's cost per watch event. A SnapshotStore holding a cluster of ~10,000 and
// ~50,000 raw objects (pods of StatefulSets and Deployments, claims, volumes, Services, EndpointSlices, built with
// the test/fixtures builders) applies 10,000 watch events (pods restarting, scaled up and down, claims and
// volumes added) and takes snapshot() after each batch of 100. The alternative it replaces, rebuilding the
// snapshot from scratch with SnapshotBuilder from every current raw object after each batch, is measured the same
// way. Prints both, their ratio, and prepared() (the index of each new version) for the store.
// At 50k the from-scratch rebuild is timed on STORE_BENCH_REBUILDS evenly spaced batches (default 20 of the 100,
// ~5 s instead of ~30 s) and scaled to 100; the output says so. STORE_BENCH_REBUILDS=100 times them all.
// Needs the built core: `npx tsc -b` first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const core = require('./loadCore').loadCore();
const { SnapshotStore, buildSnapshot, ANALYSED_KINDS, kindOf } = core;

// The fixture builders are TypeScript sources: the same on-the-fly transform collect.bench.js uses.
require.extensions['.ts'] = function compileTs(module, filename) {
  const { transformSync } = require('@swc/core');
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  module._compile(code, filename);
};
const fx = require(path.resolve(__dirname, '../fixtures/objects.ts'));

const EVENTS = 10000;
const BATCH = 100;
const SOURCE = { type: 'live', context: 'bench' };
const T0 = Date.parse('2025-06-01T12:00:00.000Z');

/** One unit: a 3-ordinal StatefulSet (pods, claims, volumes, Service, slice) and 4 Deployment pods (~17 objects). */
function unit(i) {
  const ns = `team-${i % 200}`;
  const db = `db-${i}`;
  const out = [fx.statefulSet(ns, db, { replicas: 3, serviceName: db, volumeClaimTemplates: [{ name: 'data', storage: '10Gi' }] }), fx.service(ns, db, { headless: true })];
  for (let o = 0; o < 3; o++) {
    out.push(...fx.boundClaim(ns, `data-${db}-${o}`, `pv-${ns}-${db}-${o}`));
    out.push(fx.statefulSetPod(ns, db, o, { templates: ['data'], nodeName: `node-${o}` }));
  }
  out.push(fx.endpointSlice(ns, `${db}-x`, { serviceName: db, endpoints: [{ addresses: ['10.0.0.1'], ready: true }] }));
  for (let r = 0; r < 4; r++) out.push(fx.pod(ns, `web-${i}-${r}`, { labels: { app: `web-${i}` }, controller: { kind: 'ReplicaSet', name: `web-${i}-rs` }, nodeName: `node-${r}` }));
  return out;
}

function cluster(target) {
  const objects = [fx.storageClass('standard', { isDefault: true }), fx.node('node-0'), fx.node('node-1'), fx.node('node-2'), fx.node('node-3')];
  for (let i = 0; objects.length < target; i++) objects.push(...unit(i));
  return objects;
}

const keyOf = (o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** 10,000 events over the cluster: 70% a pod MODIFIED (restart count up, readiness flips), 15% pods ADDED, 15% DELETED. */
function events(objects) {
  const pods = objects.filter((o) => o.kind === 'Pod');
  const added = [];
  const out = [];
  let seed = 42;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  for (let e = 0; e < EVENTS; e++) {
    const roll = rand(100);
    if (roll < 70) {
      const p = pods[rand(pods.length)];
      const restarts = (p.status.containerStatuses?.[0]?.restartCount ?? 0) + 1;
      const next = fx.pod(p.metadata.namespace, p.metadata.name, { uid: p.metadata.uid, nodeName: p.spec.nodeName, ready: restarts % 2 === 0, containers: [{ name: 'app', restartCount: restarts }], labels: p.metadata.labels, ownerReferences: p.metadata.ownerReferences });
      pods[pods.indexOf(p)] = next;
      out.push({ kind: 'pods', type: 'MODIFIED', raw: next });
    } else if (roll < 85 || added.length === 0) {
      const p = fx.pod(`team-${rand(200)}`, `burst-${e}`, { labels: { app: 'burst' }, nodeName: 'node-1' });
      added.push(p);
      out.push({ kind: 'pods', type: 'ADDED', raw: p });
    } else {
      const p = added.splice(rand(added.length), 1)[0];
      out.push({ kind: 'pods', type: 'DELETED', raw: p });
    }
  }
  return out;
}

function byKind(objects) {
  const m = new Map(ANALYSED_KINDS.map((k) => [k, []]));
  for (const o of objects) m.get(kindOf(o.apiVersion, o.kind))?.push(o);
  return m;
}

const since = (t) => Number(process.hrtime.bigint() - t) / 1e6;

function run(target, rebuilds) {
  const objects = cluster(target);
  const evs = events(objects);
  const store = new SnapshotStore({ source: SOURCE, kinds: ANALYSED_KINDS });
  for (const [kind, list] of byKind(objects)) store.replace(kind, list, new Date(T0));
  store.snapshot();

  if (global.gc) global.gc();
  let t = process.hrtime.bigint();
  let applyMs = 0;
  let snapshotMs = 0;
  for (let b = 0; b < EVENTS / BATCH; b++) {
    const ta = process.hrtime.bigint();
    for (const e of evs.slice(b * BATCH, (b + 1) * BATCH)) store.apply(e.kind, e.type, e.raw, new Date(T0 + b * 1000));
    applyMs += since(ta);
    const ts = process.hrtime.bigint();
    store.snapshot();
    snapshotMs += since(ts);
  }
  const storeMs = since(t);

  // prepared() per version: the index the portal needs for per-entity questions.
  const store2 = new SnapshotStore({ source: SOURCE, kinds: ANALYSED_KINDS });
  for (const [kind, list] of byKind(objects)) store2.replace(kind, list, new Date(T0));
  t = process.hrtime.bigint();
  for (let b = 0; b < EVENTS / BATCH; b++) {
    for (const e of evs.slice(b * BATCH, (b + 1) * BATCH)) store2.apply(e.kind, e.type, e.raw, new Date(T0 + b * 1000));
    store2.prepared();
  }
  const preparedMs = since(t);

  // From scratch: keep the current raw objects, rebuild the whole snapshot after each batch.
  const current = new Map(objects.map((o) => [keyOf(o), o]));
  let rebuildMs = 0;
  const batches = EVENTS / BATCH;
  const every = Math.max(1, Math.floor(batches / rebuilds));
  let rebuilt = 0;
  if (global.gc) global.gc();
  for (let b = 0; b < batches; b++) {
    for (const e of evs.slice(b * BATCH, (b + 1) * BATCH)) {
      if (e.type === 'DELETED') current.delete(keyOf(e.raw));
      else current.set(keyOf(e.raw), e.raw);
    }
    if (b % every !== 0) continue;
    const tr = process.hrtime.bigint();
    buildSnapshot([...current.values()], SOURCE, { collectedAt: new Date(T0 + b * 1000).toISOString(), observedKinds: ANALYSED_KINDS });
    rebuildMs += since(tr);
    rebuilt++;
  }
  const rebuildTotal = (rebuildMs / rebuilt) * batches;

  // The two ways end in the same snapshot (the store's own promise), checked here so the numbers compare like with like.
  const finalStore = JSON.stringify({ ...store.snapshot(), collectedAt: '' });
  const finalBuilt = JSON.stringify({ ...buildSnapshot([...current.values()], SOURCE, { observedKinds: ANALYSED_KINDS }), collectedAt: '' });
  return { objects: objects.length, storeMs, applyMs, snapshotMs, preparedMs, rebuildTotal, rebuilt, batches, same: finalStore === finalBuilt };
}

for (const target of [10000, 50000]) {
  const rebuilds = target > 20000 ? Number(process.env.STORE_BENCH_REBUILDS ?? 20) : 100;
  const r = run(target, rebuilds);
  const scaled = r.rebuilt < r.batches ? ` (${r.rebuilt} of ${r.batches} batches measured, scaled)` : '';
  console.log(
    `${String(r.objects).padStart(6)} objects, ${EVENTS} events, snapshot() every ${BATCH}: store ${r.storeMs.toFixed(0)} ms ` +
      `(apply ${r.applyMs.toFixed(0)} ms = ${((r.applyMs * 1000) / EVENTS).toFixed(1)} µs/event, snapshot ${r.snapshotMs.toFixed(0)} ms)  ` +
      `rebuild from scratch ${r.rebuildTotal.toFixed(0)} ms${scaled}  ratio ${(r.rebuildTotal / r.storeMs).toFixed(1)}x  ` +
      `| store + prepared() per batch ${r.preparedMs.toFixed(0)} ms  | same final snapshot: ${r.same ? 'yes' : 'NO'}`,
  );
}
