#!/usr/bin/env node
// Benchmark (not a test): analyze() on synthetic snapshots of 10,000 and 50,000 objects with a realistic mix
// (StatefulSets with per-ordinal claims and volumes, Deployments behind Services and Ingresses, and faults of
// every common kind). Prints time per 1k objects and the 50k/10k ratio: linear work gives about 5x.
// Needs the built core: `npx tsc -b` first.
'use strict';
const core = require('./loadCore').loadCore();
const { analyze, scopeSnapshot } = core;

const { syntheticSnapshot, objectCount } = require('./synthetic').synthetic(core);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Wall time is what a user waits; CPU time of this process is steadier on a shared 2-core machine where other
// work competes for the cores. Both are medians of several runs after a warm-up.
function measure(snapshot, runs) {
  analyze(snapshot); // warm-up: JIT and inline caches
  analyze(snapshot);
  const wall = [];
  const cpu = [];
  let report;
  for (let r = 0; r < runs; r++) {
    if (global.gc) global.gc();
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    report = analyze(snapshot);
    const used = process.cpuUsage(c);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), report };
}

// The portal asks per service: scopeSnapshot (one namespace, a selector) must stay linear too.
function measureScope(snapshot, runs) {
  const scope = { namespaces: ['team-7'], selector: 'app' };
  scopeSnapshot(snapshot, scope);
  const wall = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    scopeSnapshot(snapshot, scope);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(wall);
}

const results = [];
for (const target of [10000, 50000]) {
  const snapshot = syntheticSnapshot(target);
  const objects = objectCount(snapshot);
  const { ms, cpuMs, report } = measure(snapshot, target > 20000 ? 5 : 9);
  const scopeMs = measureScope(snapshot, 9);
  results.push({ objects, ms, cpuMs, scopeMs });
  const f = report.summary.findings;
  console.log(
    `${String(objects).padStart(6)} objects  wall ${ms.toFixed(1).padStart(6)} ms (${(ms / (objects / 1000)).toFixed(2)} ms/1k)  ` +
      `cpu ${cpuMs.toFixed(1).padStart(6)} ms (${(cpuMs / (objects / 1000)).toFixed(2)} ms/1k)  ` +
      `scopeSnapshot ${scopeMs.toFixed(1).padStart(6)} ms  findings: ${f.critical} critical, ${f.warning} warning, ${f.info} info`,
  );
}
const [small, large] = results;
console.log(
  `50k/10k: wall ${(large.ms / small.ms).toFixed(2)}x, cpu ${(large.cpuMs / small.cpuMs).toFixed(2)}x for ` +
    `${(large.objects / small.objects).toFixed(2)}x objects; scopeSnapshot ${(large.scopeMs / small.scopeMs).toFixed(2)}x (linear is about 5x)`,
);
